"""A question back on what the answer depends on: "ça dépend de quoi ?", "tu as besoin de savoir quoi ?",
"qu'est-ce qui fait varier le montant ?", "pourquoi tu me demandes ça ?".

After the assistant asked for a missing fact, such a message neither gives the fact nor asks something
new: it asks what the calculation still needs and why. The answer says it from the calculator's own
description of the missing inputs (`CalculatorSpec.params`) and the rule the question back cited, then asks
the question back again, so the clarification stays pending (the next message may still give the fact).
After an answer that asked nothing, it asks what the rule just stated depends on: the conditions of the
subject, answered like any question (`wording.conditions_of`).
"""

from __future__ import annotations

import re
from dataclasses import replace

from assistant.answer import Answer, Citation
from assistant.answering.wording import conditions_of
from assistant.conversation import wording
from assistant.conversation.cited_parts import best_sentence, sentences
from assistant.conversation.state import Turn
from assistant.conversation.subject import subject_of
from calculators.registry import CALCULATORS


def _described(calculator: str, missing: tuple[str, ...]) -> list[str]:
    """The missing inputs as the calculator describes them ("type de contrat (CDI ou CDD)"); when the turn
    did not record which calculator asked, the one whose inputs hold every missing name."""
    spec = CALCULATORS.get(calculator)
    if spec is None and missing:
        spec = next((c for c in CALCULATORS.values() if set(missing) <= {p.name for p in c.params}), None)
    if spec is None:
        return []
    helps = {p.name: p.help for p in spec.params}
    return [helps[name] for name in missing if helps.get(name)]


def _rule(last: Turn) -> tuple[Citation, str] | None:
    """The cited sentence the question back relies on: the one closest to the question and its lead, else
    the first cited sentence holding a figure."""
    found = best_sentence(last.citations, last.follow_up or "", last.resolved)
    if found is not None:
        return found
    for citation in last.citations:
        sentence = next((s for s in sentences(citation.quote) if re.search(r"\d", s)), "")
        if sentence:
            return citation, sentence
    return None


def still_needed(last: Turn, typed: str) -> Answer | str | None:
    """What `last` still needs (an answer that keeps its question back open), or the question on the
    conditions of its subject; None when it asked nothing and has no subject."""
    facts = _described(last.calculator or "", last.missing) if last.pending else []
    if facts:
        rule = _rule(last)
        citations: list[Citation] = []
        said = ""
        if rule is not None:
            citations = [replace(rule[0], number=1)]
            said = f"« {rule[1]} » [1]"
        prompt = wording.still_needed_prompt(last.follow_up or "")
        text = wording.still_needed(" ; ".join(facts), said) + "\n\n" + prompt
        return Answer(typed, text, "clarify", citations=citations, follow_up=last.follow_up)
    subject = subject_of(last.topic, last.subject)
    if subject is not None:
        return conditions_of(subject.display)
    heading = _heading(last)  # a subject the finder does not name: the heading of the part the answer cited
    return conditions_of(heading) if heading else None


def _heading(last: Turn) -> str:
    """The title of the part the answer led with ("Article 5 – Conseil en évolution professionnelle" →
    "conseil en évolution professionnelle")."""
    if not last.citations:
        return ""
    found = best_sentence(last.citations, last.lead, last.resolved)
    citation = found[0] if found is not None else last.citations[0]
    title = re.split(r"\s+[–—-]\s+|\s*\|\s*", citation.path.split(" › ")[-1], maxsplit=1)
    if len(title) < 2 or not title[1].strip():
        return ""
    text = title[1].strip()
    return text[:1].lower() + text[1:] if not text[:2].isupper() else text
