"""Calculator inputs read from a question, one reader per topic of the router.

The router (`assistant/router.py`) has chosen a topic; the reader for that topic looks for the
figures the topic's calculator needs — dates, amounts, grades, durations, the user's situation —
and says which calculator to run with which keyword arguments (the names and kwargs of
docs/ARCHITECTURE.md), what is still missing, or that the question is about the rule itself and
not the user's case (None: retrieval answers it). Readers never guess a missing input: they list
it, and the router asks for it. Assumptions they do make (a year left out, an ongoing mission)
are returned as French notes.

* `facts` — `Facts` (what every reader needs, read once), `Plan` (a reader's outcome) and the
  readings readers share;
* `readers` — which reader serves which topic (`plan_for`);
* one module per family of calculators: `bonuses` (tutor, trainer), `vae`, `cep`,
  `career_history` (training guarantee, professional reviews), `pro_a`, `certification`
  (professionalisation contract, CQP grades and training path), `amounts` (contribution, points).
"""
