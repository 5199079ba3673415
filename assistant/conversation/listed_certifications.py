"""The certifications the avenant of 2022 added to the Pro-A list, as named things a conversation can be about.

"Une aide à domicile peut-elle préparer le DEAES en Pro-A ?" then "et ce diplôme-là, son numéro RNCP ?": the
follow-up is about the diploma, not about the Pro-A in general. Each certification the avenant added (art. 1) is
described by an annex of its own (annexes 1 to 5: the trade, the access conditions, the RNCP entry, the blocks),
so a follow-up about it is answered there; the entries of the 2019 list have no such annex, and the CQPs are named
things already (`vocabulary.ENTITIES`, "cqp:…"). The words that designate an entry are the Pro-A list's own data
(`calculators.pro_a_certifications`): its aliases and abbreviations when it has aliases (those name the
certification or its holder, "assistante sociale", where a keyword alone also names a department, "le service
social"), else its keywords. Each is a member of the Pro-A (key "pro_a:…"): named beside the Pro-A, it is the
subject (`subject.find_subject`).
"""

from __future__ import annotations

import re
from typing import NamedTuple

from calculators.pro_a_certifications import PRO_A_CERTIFICATIONS, Certification


class Listed(NamedTuple):
    """An entry of the Pro-A list as a named thing: key, folded pattern, name, display (with its article)."""

    key: str
    pattern: str
    name: str
    display: str


def _pattern(entry: Certification) -> str:
    phrases = [r"[ -]".join(map(re.escape, w.split())) + r"\w*" for w in entry.aliases or entry.keywords]
    return "|".join(rf"\b{p}\b" for p in [*phrases, *map(re.escape, entry.abbreviations)])


def _display(title: str) -> str:
    article = "l'" if title[0].lower() in "aeiouéh" else "le "
    return f"{article}{title[0].lower()}{title[1:]}"


def listed_certifications() -> tuple[Listed, ...]:
    """The certifications added by the avenant of 2022 other than CQPs, each as a named thing of the corpus."""
    return tuple(
        Listed(f"pro_a:{n}", _pattern(c), c.title, _display(c.title))
        for n, c in enumerate(PRO_A_CERTIFICATIONS)
        if c.added_2022 and c.kind != "cqp"
    )
