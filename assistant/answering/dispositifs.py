"""The scheme a question names decides which articles may answer it.

Why: the agreement writes parallel articles for its schemes — the Pro-A (art. 2) and the contrat de
professionnalisation (art. 3) each have a "Bénéficiaires concernés", a "Durée", a "Financement" with
near-identical sentences (6 to 12 months, up to 36 months, the OPCO's funding). Words alone cannot
tell them apart, and "contrat de pro" even shares "pro" with "Pro-A", so a question on one scheme was
answered from the other's article. Here the scheme is an entity: the question names it, and each
passage's heading (section path and title) names the scheme its section is about. When the question
names schemes, a passage whose heading is about *another* scheme is set aside, provided a passage
about a named one (or about no scheme: the CPNEFP, the preamble…) remains to answer.

The vocabularies are patterns over folded text (`text.folding.same_length`: lower case, no accents).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

from knowledge.hybrid import Evidence
from text.folding import same_length

# scheme → (how a question names it, how a section heading names it)
SCHEMES: dict[str, tuple[str, str]] = {
    "pro_a": (
        r"(?<!contrat de )(?<!contrats de )(?<!contrat )(?<!contrats )\bpro ?- ?a\b|\bproa\b"
        r"|\b(?:la|une|en|de|ma|sa|leur|cette) pro a\b|(?:reconversion|promotion) par (?:l')?alternance",
        r"\bpro-a\b|reconversion ou (?:la )?promotion par (?:l')?alternance",
    ),
    "professionalisation": (
        r"\bcontrats? (?:de )?pro\b(?! ?- ?a\b)(?! a\b)|\bprofessionnalisation\b",
        r"\bprofessionnalisation\b",
    ),
    "tutoring": (
        r"\btut(?:eur|eurs|rice|rices|orat)\b|\bmaitre d'apprentissage\b",
        r"\btutorat\b|\btutorale?\b|\btut(?:eur|rice)s?\b",
    ),
    "internal_trainer": (r"\bformat(?:eur|eurs|rice|rices) internes?\b|\bafest\b", r"\bformateurs? internes?\b"),
    "cep": (r"\bcep\b|\bconseil en evolution professionnelle\b", r"\bconseil en evolution professionnelle\b"),
    "review": (r"\bentretiens? (?:pro|pros|professionnels?|de bilan)\b", r"\bentretien professionnel\b"),
    "vae": (r"\bvae\b|\bvalidation des acquis\b", r"\bvae\b|\bvalidation des acquis\b"),
    "guarantee": (r"\bgarantie individuelle\b", r"\bgarantie individuelle\b"),
    "cpf": (r"\bcpf\b|\bcompte personnel de formation\b", r"\bcompte personnel de formation\b"),
}
_QUESTION = {name: re.compile(pats[0]) for name, pats in SCHEMES.items()}
_HEADING = {name: re.compile(pats[1]) for name, pats in SCHEMES.items()}


def _fold(text: str) -> str:
    return same_length(unicodedata.normalize("NFC", text))


def named_schemes(question: str) -> set[str]:
    """The schemes a question names ("contrat de pro" → professionalisation; "Pro-A" → pro_a)."""
    folded = _fold(question)
    return {name for name, pattern in _QUESTION.items() if pattern.search(folded)}


def heading_schemes(item: Evidence) -> set[str]:
    """The schemes a passage's section is about, from its heading (section path and title)."""
    heading = _fold(f"{item.chunk.section_path} {item.chunk.section_title}")
    return {name for name, pattern in _HEADING.items() if pattern.search(heading)}


# The scheme's own name in the texts, added to the search words when a question names it otherwise:
# "contrat de pro" shares no word with "professionnalisation" and its "pro" matches every "Pro-A".
TEXT_NAMES: dict[str, str] = {
    "pro_a": "Pro-A",
    "professionalisation": "contrat de professionnalisation",
    "tutoring": "tutorat",
    "internal_trainer": "formateur interne",
    "cep": "conseil en évolution professionnelle",
    "review": "entretien professionnel",
    "vae": "validation des acquis de l'expérience",
    "guarantee": "garantie individuelle",
    "cpf": "compte personnel de formation",
}


def search_text(question: str) -> str:
    """The question with the texts' own name of each scheme it names by another word ("contrat pro")."""
    folded = _fold(question)
    extra = [TEXT_NAMES[n] for n in sorted(named_schemes(question)) if not _HEADING[n].search(folded)]
    return " ".join([question, *extra])


def on_named_scheme(question: str, evidence: Sequence[Evidence]) -> list[Evidence]:
    """The passages left once those about a scheme the question does not name are set aside.

    Unchanged when the question names no scheme, or when no passage about a named scheme remains (then
    the question may use a scheme's name loosely and the ranking alone decides).
    """
    named = named_schemes(question)
    if not named:
        return list(evidence)
    kept = [e for e in evidence if not (heading_schemes(e) - named) or heading_schemes(e) & named]
    if not any(heading_schemes(e) & named for e in kept):
        return list(evidence)
    return kept
