"""The everyday names of the indexed texts and of what they set up (issue #13, names19).

Why: a question that names no corpus topic and none of the indexed texts is refused when no passage speaks of its
subject (`answering.answerable.subject_is_elsewhere`). The texts' formal names are read by a regex
(`routing.guard_vocabulary.NAMES_A_TEXT`: "l'accord formation", "l'avenant 2022", "la circulaire", "COS"), but
employees name them otherwise: "le contrat avec le centre de formation", "la note de 2013 sur le CQP gestionnaire
conseil", "l'exam du CQP GC", "Prem'ss", "le CQP des chefs d'équipe". Those names are data
(`knowledge/data/everyday/names/texts.jsonl`, one row per document and part, written from the texts only), read
here as FIXED PHRASES: a name is specific (it carries the text's year, its signatories' object or the certificate's
own job title), so a whole-phrase match is evidence that the question is about the texts, and a looser reading
(by meaning) would also catch the near-corpus questions the scope check must keep refusing.

A question naming one of these sets the router's `names_texts`: the subject check of the answer then decides by the
passages and the bank's out-of-scope share, not by the missing topic alone. The foreign checks run first
(`answerable.qualified_elsewhere`: "la convention de formation de la métallurgie" stays another branch's).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from text.folding import finish_spelling
from text.folding import spelt_out as fold

NAMES_FILE = Path(__file__).parent / "data" / "everyday" / "names" / "texts.jsonl"

# A name is stored as people say it ("l'accord de 2019"); its determiner is not part of what must match
# ("dans cet accord de 2019", "de l'accord de 2019").
_DETERMINER = re.compile(r"^(?:l'|le |la |les |un |une |ce |cet |cette |ces |notre |nos |votre |vos |du |des )")


@dataclass(frozen=True)
class TextName:
    """One row: the everyday names of a document (`part` "") or of one thing it sets up ("parcours",
    "certification", a CQP's heading)."""

    document: str
    part: str
    kind: str  # "document", "part" (a thing the text sets up) or "certificate" (a CQP the sheet describes)
    names: tuple[str, ...]


def load(path: Path = NAMES_FILE) -> tuple[TextName, ...]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            data = json.loads(line)
            rows.append(TextName(data["document"], data["part"], data["kind"], tuple(data["names"])))
    return tuple(rows)


def core(name: str) -> str:
    """The folded name without its leading determiner: what a question must hold."""
    return _DETERMINER.sub("", fold(name).strip())


@lru_cache(maxsize=1)
def _patterns() -> tuple[tuple[TextName, re.Pattern[str]], ...]:
    out = []
    for row in load():
        cores = sorted({core(n) for n in row.names}, key=len, reverse=True)
        alternatives = "|".join(re.escape(c) for c in cores)
        out.append((row, re.compile(rf"(?<![a-z0-9])(?:{alternatives})(?![a-z0-9])")))
    return tuple(out)


def named_parts(question: str) -> tuple[tuple[str, str], ...]:
    """The (document, part) pairs the question names by one of their everyday names, in the file's order."""
    folded = fold(question)
    return tuple((row.document, row.part) for row, pattern in _patterns() if pattern.search(folded))


def names_a_text(folded: str) -> bool:
    """The question, folded by `text.folding.same_length` (the router's twin, passed once), names one of the indexed
    texts, or one thing a text sets up, by an everyday name.

    A certificate's name ("le CQP des chefs d'équipe") does not count: a CQP is a thing the texts name without
    making its rules (`answering.attributes.NAMED_ONLY_TOPICS`), so what is asked of it must be stated by a passage
    of it (`answerable.names_only`): "le taux de réussite au CQP DAM" stays refused. Measured
    (docs/evaluation/names19.md): counted as naming the texts, the sheet's certificate names lost four out-of-scope
    refusals of 2026k/l (a success rate, a number of places, a course length of a CQP)."""
    spelt = finish_spelling(folded)
    return any(row.kind != "certificate" and pattern.search(spelt) for row, pattern in _patterns())
