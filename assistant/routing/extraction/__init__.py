"""Deterministic French parsing of a question's figures: dates, durations, money, grades, diplomas.

Calculators need typed inputs, and a language model that guesses "du 1er février au 20 juin" can
be wrong in ways nobody notices. The modules of this package read the usual French wordings with
regular expressions over a *folded* copy of the text (`folding.fold`: lower case, no accents,
straight apostrophes). Folding maps one character to one character, so every span found in the
folded text is also a span of the (NFC-normalised) original. All functions are pure; those that
depend on the current date take it as `today`.

* `folding` — the folded twin of a text, which every parser reads;
* `numbers` — French number tokens ("1 600", "12,5", "deux") and their patterns;
* `dates` — dates and periods (`DateSpan`), month arithmetic, French date wording;
* `quantities` — durations, amounts in euros, counted things;
* `grades` — CQP exam grades;
* `situation` — what the user says of themselves: diploma, contract, working time, job threat,
  distance.
"""
