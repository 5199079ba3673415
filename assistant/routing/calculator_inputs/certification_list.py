"""Several certifications named in one question about the Pro-A list, each looked up.

"Une candidate au DE d'infirmier, un au DE d'aide-soignant, une au master manager stratégique : lesquels
figurent sur la liste Pro-A ?" names three; reading the first (or reading "master" as the person's own
diploma, which closes the Pro-A) answers one question of three. Every name of the message is collected —
the list's entries by their wordings (`calculator_vocabulary.PRO_A_CERTIFICATIONS`), and any other
certification by its kind's noun and the words after it ("un BTS comptabilité") — and, when two or more
are named and the list is asked about, each is looked up (`pro_a_certifications`).
"""

from __future__ import annotations

import re

from assistant.routing import calculator_vocabulary
from assistant.routing.calculator_inputs.facts import Facts, Plan
from calculators.pro_a import fold_wording
from calculators.pro_a_certifications import kind_of

_ENTRIES = {
    name: tuple(re.compile(p) for p in pats) for name, pats in calculator_vocabulary.PRO_A_CERTIFICATIONS.items()
}
# A certification outside the list, named by its kind and what follows: "un BTS comptabilité", "une licence
# pro RH", "le titre professionnel secrétaire". "ce diplôme", "celui-ci" name none.
_OTHER = re.compile(
    r"\b(?:un|une|le|la|l'|du|au|d'un|d'une|des|les)\s*"
    r"(?P<name>(?:bts|dut|but|cap|bep|bac pro(?:fessionnel)?|licence(?: pro(?:fessionnelle)?)?|master|mba|"
    r"titre professionnel|cqp|diplome d'etat)\b(?: (?!(?:et|ou|sont|est|sur|de la|figur\w*|en|dans|pour|"
    r"lesquel\w*|lequel|ils|elles|qui|que)\b)[a-z'-]{2,}){1,3})"
)
# The question asks the list about them: "lesquels figurent sur la liste", "sont-ils éligibles", "tous deux".
_ASKS_THE_LIST = re.compile(
    r"\b(?:liste|lesquel(?:le)?s?|lequel|laquelle|figur\w*|eligibles?|ouvr\w*|ouverte?s?|accessibles?|"
    r"tous (?:les )?deux|toutes (?:les )?deux|les deux|font partie|fait partie)\b"
)


def several_certifications(facts: Facts) -> Plan | None:
    """The lookup of every certification named, when two or more are and the list is asked about."""
    if not _ASKS_THE_LIST.search(facts.folded):
        return None
    found: list[tuple[int, int, str]] = []
    for title, patterns in _ENTRIES.items():
        for pattern in patterns:
            for m in pattern.finditer(facts.folded):
                if not _named_as_certification(facts.folded, m.start(), m.end()):
                    continue  # "une aide-soignante veut devenir infirmière": people, not certifications
                if not any(s < m.end() and m.start() < e for s, e, _ in found):
                    found.append((m.start(), m.end(), _as_named(facts, m.start(), m.end(), title)))
    for m in _OTHER.finditer(facts.folded):
        s, e = m.span("name")
        if not any(a < e and s < b for a, b, _ in found):
            found.append((s, e, facts.text[s:e].strip()))
    names = list(dict.fromkeys(name for _, _, name in sorted(found)))
    if len(names) < 2:
        return None
    return Plan("pro_a_certifications", {"certifications": " ; ".join(names), "as_of": facts.today})


# The list names its entries by their kind ("Diplôme d'État d'infirmier", "CQP manager opérationnel", "Master
# manager stratégique"); a job noun without it ("une aide-soignante", "devenir infirmière") names a person or a
# trade. An entry counts when its kind's noun, or a pronoun standing for one ("celui de moniteur éducateur"), is
# said just before it, or when it is named by its acronym ("le DEES", "le DAMC").
_KIND_BEFORE = re.compile(
    r"\b(?:cqp|de|d\.e\.|diplome(?: d'etat)?|master|titre(?: professionnel)?|certificat\w*|formation|celui|celle)"
    r"\b[^.?!,;:]{0,6}$"
)


def _named_as_certification(folded: str, start: int, end: int) -> bool:
    """Whether the list entry matched at folded[start:end] is named as a certification (see above)."""
    if re.fullmatch(r"[a-z]{2,5}", folded[start:end]):
        return True
    return bool(_KIND_BEFORE.search(folded[max(0, start - 30) : start]))


def _as_named(facts: Facts, start: int, end: int, title: str) -> str:
    """The entry's title, or the user's words when they name another kind of certification than the entry
    ("CQP manager stratégique" is not the Master manager stratégique): the lookup then asks which is meant."""
    lead = re.search(
        r"(?:\b(?:cqp|master|mba|diplome d'etat|licence|bts|titre)\b[^.?!,;]{0,25})$",
        facts.folded[max(0, start - 30) : start],
    )
    if lead:
        stated = kind_of(fold_wording(lead.group(0)))
        if stated and stated != kind_of(fold_wording(title)):
            return facts.text[max(0, start - 30) + lead.start() : end].strip()
    return title
