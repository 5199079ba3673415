"""Other parts of the answering passage's article that may hold the sentence that answers.

Split from `assistant.answering.composer`: the retrieval finds the article (its subject); the sentence that answers
may sit in a sibling numbered part ("11.2" under "11") or in the part whose heading names what is asked
("Bénéficiaires concernés"). These parts compete for the lead beside the passages the composer picked.
"""

from __future__ import annotations

from collections.abc import Sequence

from assistant.answering.passages import same_section, same_text
from assistant.answering.section_kinds import answers_kind, asked_kinds
from assistant.routing.subject import asking_clause
from knowledge.hybrid import Evidence

SIBLING_SHARE = 0.5  # a part of the answering article competes for the lead when this relevant
MAX_SIBLINGS = 2


def sibling_parts(
    ranked: Sequence[tuple[float, int, Evidence]], picked: Sequence[Evidence], best: float
) -> list[tuple[float, Evidence]]:
    """Retrieved parts of the answering passage's article not picked yet: "11.2" (the employer's top-up
    of the CPF) under "11" (the CPF), "4.3" beside "4.2" (both tutoring). The article is the subject the
    retrieval found; the sentence that answers may sit in another of its numbered parts."""
    article = _article_of(picked[0])
    if not article:
        return []
    found: list[tuple[float, Evidence]] = []
    for score, _, item in ranked[1:]:
        if len(found) >= MAX_SIBLINGS or score < best * SIBLING_SHARE:
            continue
        if _article_of(item) != article or any(same_text(item, p) or same_section(item, p) for p in picked):
            continue
        if any(same_section(item, f) for _, f in found):
            continue
        found.append((score, item))
    return found


MAX_KIND_PASSAGES = 2  # passages headed by what the question asks, let compete beside the picked ones


def about_asked(
    question: str,
    ranked: Sequence[tuple[float, int, Evidence]],
    picked: Sequence[Evidence],
    siblings: Sequence[Evidence],
    best: float,
) -> tuple[list[Evidence], list[tuple[float, Evidence]]]:
    """The parts of the first passage's article whose heading names what the question asks (`section_kinds`), when
    the first passage's does not (when it does, the first passage alone): those already picked or competing as
    siblings, and up to `MAX_KIND_PASSAGES` more among the ranked ones at least `SIBLING_SHARE` as relevant as the
    best (returned apart, to be prepared). ([], []) otherwise.

    "Qui peut bénéficier de la Pro-A ?" ranks art. 2.4 first (its list "portée jusqu'à 36 mois pour : les
    personnes âgées de 16 à 25 ans…" repeats the question's words); art. 2.3, headed "Bénéficiaires concernés",
    says who: "La Pro-A concerne les salariés en contrat à durée indéterminée…". Only the same article: the
    retrieval found its subject; another article's "Durée" part (the Pro-A's, for "combien de temps me libère-t-on
    pour monter mon dossier de VAE ?") is about another thing."""
    kinds = asked_kinds(asking_clause(question))
    if not kinds or not picked:
        return [], []
    if answers_kind(kinds, picked[0].chunk.section_title):
        return [picked[0]], []  # the first passage is the part asked: its sibling parts do not take the lead from it
    article = _article_of(picked[0])
    if article is None:
        return [], []

    def answering(item: Evidence) -> bool:
        return _article_of(item) == article and answers_kind(kinds, item.chunk.section_title)

    about = [item for item in [*picked[1:], *siblings] if answering(item)]
    extra: list[tuple[float, Evidence]] = []
    for score, _, item in ranked[1:]:
        if len(about) >= MAX_KIND_PASSAGES or score < best * SIBLING_SHARE or not answering(item):
            continue
        if any(same_text(item, p) or same_section(item, p) for p in [*picked, *siblings, *about]):
            continue
        about.append(item)
        extra.append((score, item))
    return about, extra


def _article_of(item: Evidence) -> tuple[str, str] | None:
    """(document, article number) of a numbered part ("11.2" → "11"); None for an unnumbered one."""
    head = item.section.split(".")[0].strip()
    return (item.document, head) if head.isdigit() else None
