"""Comparisons and choices ("quelle différence entre le CEP et l'entretien professionnel ?",
"tuteur vs formateur interne", "lequel des deux est un CQP : X ou Y ?"), answered side by side.

A comparison asks about two things at once; a single search for both returns the passages of the
one its words favour, and the answer quotes one side only. Here the two sides are read from the
question's shape (the comparison frames of French: "différence entre X et Y", "X ou Y, lequel…",
"X par rapport à Y", "X vs Y"), each side is searched on its own with what is compared ("la prime",
"le niveau"), and the answer leads with one cited sentence per side, taken from a passage that names
that side (its heading or its text, in the texts' own name of a scheme: "CEP" → "conseil en évolution
professionnelle"), then a sentence naming both sides when the texts have one.

A follow-up ("et par rapport au contrat pro ?") reaches here once the conversation has resolved it into
a question naming both sides (assistant.conversation), which is the shape read below.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from assistant.answering.answer_types import LIMIT, asked_types, bound_units, largest_bounds
from assistant.answering.citations import CitationBook
from assistant.answering.dispositifs import search_text
from assistant.answering.units import continues, idf_weights, passage_units, query_weights, unit_scores
from assistant.answering.wording import source_phrase
from knowledge.hybrid import Evidence
from text.folding import same_length

# The comparison frames, over folded text (lower case, no accents, straight apostrophes).
_FRAMES = (
    re.compile(
        r"\bdifferences?\s+(?:y a-t-il\s+|il y a\s+|fais-tu\s+|faire\s+)?entre\s+"
        r"(?P<a>.+?)\s+et\s+(?P<b>.+?)(?:\s*[?,:;.]|$)"
    ),
    re.compile(r"\bentre\s+(?P<a>.+?)\s+et\s+(?P<b>.+?)\s*[,:]\s*(?:quelle|laquelle|lequel|c.est quoi|qu.est-ce)"),
    re.compile(r"\bcompar\w*\s+(?P<a>.+?)\s+(?:et|avec|a)\s+(?P<b>.+?)(?:\s*[?,:;.]|$)"),
    re.compile(
        r"(?:lequel|laquelle|lesquels|lesquelles|qui|quel|quelle)\b[^:?]*\bdes deux\b[^:?]*[:,]\s*"
        r"(?P<a>.+?)\s+ou\s+(?P<b>.+?)(?:\s*[?.]|$)"
    ),
    re.compile(
        r"^(?:(?:plutot|entre)\s+)?(?P<a>[^,:?]+?)\s+ou\s+(?P<b>[^,:?]+?)\s*[,:?]\s*"
        r"(?:lequel|laquelle|lesquels|que choisir|quoi choisir|on choisit|c.est quoi la difference|quelle difference)"
    ),
    re.compile(r"^(?P<a>[^,:?]+?)\s+(?:vs\.?|versus|contre)\s+(?P<b>[^,:?]+?)(?:\s*[?,:;.]|$)"),
    re.compile(r"^(?P<a>[^,:?]+?)\s+par rapport (?:aux|au|a la|a l'|a)\s*(?P<b>[^,:?]+?)(?:\s*[?,:;.]|$)"),
    re.compile(
        r"^(?P<a>[^,:?]+?)\s+et\s+(?P<b>[^,:?]+?)\s*[,:]\s*(?:quelles?|c.est quoi|qu.est-ce qui)\s+"
        r"(?:la\s+|les\s+)?differences?"
    ),
    re.compile(r"^(?P<a>[^,:?]+?)\s+et\s+(?P<b>[^,:?]+?)\s*[,:]?\s*c.est (?:pareil|la meme chose)"),
    # "X, c'est plus ou moins que Y ?", "X est-il au-dessus ou en dessous de Y ?"
    re.compile(
        r"^(?P<a>[^?]+?)\s*,?\s*(?:c.est|est-ce|est-il|est-elle|il est|elle est)?\s*(?:plus ou moins|moins ou plus)"
        r"(?:\s+\w+)?\s+qu[e']\s*(?P<b>[^?,]+?)(?:\s*[?,.]|$)"
    ),
    re.compile(
        r"^(?P<a>[^?]+?)\s*,?\s*(?:c.est|est-il|est-elle|il est|elle est)?\s*au-dessus ou (?:en )?dessous"
        r"\s+(?:de la|de l'|des|du|de|d')\s*(?P<b>[^?,]+?)(?:\s*[?,.]|$)"
    ),
)
_LEADING = re.compile(r"^(?:(?:le|la|les|l'|un|une|des|du|de|d'|au|aux|a)\s*)+")
_TRAILING = re.compile(r"\s+(?:pour|quand|si|dans|chez)\b.*$")
_WH = re.compile(r"^(?:quelle|quel|quelles|quels)\s+(?:est|sont)\s+|^(?:celle|celui|ceux|celles)\s+(?:de|du|des|d')\s*")

INTRO = "Les textes, pour chacun des deux :"
SIDE = "- {side} : « {sentence} » [{n}]"
BOTH = "Ce que les textes disent des deux ensemble [{n}] : « {sentence} »"
RELATION = "En bref [{n}] : « {sentence} »"
RELATION_FOR = "En bref — {side} [{n}] : « {sentence} »"
SOURCE = "({source})"


@dataclass(frozen=True)
class Comparison:
    """The two things compared, in the question's words, and what is compared of them (the rest)."""

    sides: tuple[str, str]
    asked: str


def read_comparison(question: str) -> Comparison | None:
    """The two sides of a comparison question, or None when the question does not compare."""
    text = same_length(question.strip())
    for frame in _FRAMES:
        match = frame.search(text)
        if not match:
            continue
        a, b = _side(match["a"]), _side(match["b"])
        if a and b and a != b and len(a) <= 60 and len(b) <= 60:
            return Comparison((_original(question, text, a), _original(question, text, b)), _focus(text, (a, b)))
    return None


def _original(question: str, folded: str, side: str) -> str:
    """The side as the user wrote it (folding keeps the length, so the folded span cuts the original)."""
    start = folded.find(side)
    return question.strip()[start : start + len(side)] if start >= 0 else side


def _side(raw: str) -> str:
    side = _TRAILING.sub("", raw.strip(" ?:,.;\"'«»"))
    side = _WH.sub("", side)
    side = _LEADING.sub("", side).strip()
    return side if _words(side) else ""  # "c'est plus ou moins que…": a pronoun is no side


def answer_comparison(
    question: str,
    search: Callable[[str, int], Sequence[Evidence]],
    book: CitationBook,
    names: Mapping[str, str],
) -> str | None:
    """One cited sentence per side, then a sentence naming both if the texts have one; None when a side
    is found nowhere (the ordinary answer then stands)."""
    asked = read_comparison(question)
    if asked is None:
        return None
    focus = asked.asked
    picks: list[tuple[str, Evidence, str]] = []
    pools: list[Sequence[Evidence]] = []
    for side in asked.sides:
        hits = search(f"{search_text(side)} {focus}".strip(), 8)
        pools.append(hits)
        pick = _best_sentence(side, focus, hits, LIMIT in asked_types(question), bool(_ASKS_LENGTH.search(question)))
        if pick is None:
            return None
        picks.append((side, *pick))
    if picks[0][2] == picks[1][2] and picks[0][1].section == picks[1][1].section:
        return None  # one sentence for both: no side by side to give (the same words in two articles are two rules)
    lines = [INTRO]
    for side, item, sentence in picks:
        n = book.cite(item, sentence)
        source = source_phrase(item.citation, names.get(item.document, item.document))
        lines.append(f"{SIDE.format(side=side, sentence=sentence, n=n)} {SOURCE.format(source=source)}")
    both = _naming_both(asked, [e for pool in pools for e in pool], {p[2] for p in picks})
    if both is not None:
        item, sentence, through = both
        n = book.cite(item, sentence)
        if _RELATION.search(same_length(sentence).lower()):  # "Il est distinct de …": the answer itself leads
            lead = RELATION_FOR.format(side=through, n=n, sentence=sentence) if through else None
            lines[:0] = [lead or RELATION.format(n=n, sentence=sentence), ""]
        else:
            lines.extend(["", BOTH.format(sentence=sentence, n=n)])
    return "\n".join(lines)


def _focus(folded: str, sides: tuple[str, str]) -> str:
    """What is compared: the question without its two sides and its comparison words."""
    rest = folded
    for side in sides:
        rest = rest.replace(side, " ")
    rest = re.sub(
        r"\b(?:quelle|quelles|difference|differences|entre|lequel|laquelle|des deux|ou|et|vs|versus|compar\w*|"
        r"par rapport|plutot|choisir|qui|est|sont|c'est|plus|moins|que)\b",
        " ",
        rest,
    )
    return " ".join(w for w in re.findall(r"[a-z0-9'-]+", rest) if len(w) > 2)


_STOP_WORDS = (
    "le la les l un une des du de d au aux a et ou en sur pour par son sa ses c ce ca cela ceci est sont il elle "
    "ils elles lui leur on qui que quoi plus moins mon ma mes ton ta tes celui celle ceux celles y"
)
_STOP = frozenset(_STOP_WORDS.split())


def _words(text: str) -> set[str]:
    """Whole words (a plural's s dropped): a side is named by its words, not by a shared stem
    ("gestion" is not "gestionnaire", "conseil" not "conseiller")."""
    return {w.rstrip("s") for w in re.findall(r"[a-z0-9]+", same_length(text)) if w not in _STOP and len(w) > 1}


def _terms(side: str) -> tuple[set[str], set[str]]:
    """The side's own words, and the texts' name of the scheme it names ("cep" → conseil en évolution…)."""
    own = _words(side)
    expanded = _words(search_text(side)) - own
    return own, expanded


def _names_side(text: str, own: set[str], expanded: set[str]) -> bool:
    terms = _words(text)
    return (bool(own) and own <= terms) or (bool(expanded) and expanded <= terms)


def _best_sentence(
    side: str, focus: str, hits: Sequence[Evidence], ranks_a_bound: bool = False, of_length: bool = False
) -> tuple[Evidence, str] | None:
    """The sentence that best says what the question compares, in a passage naming the side. `ranks_a_bound`: the
    question asks which side goes furthest ("lequel peut durer le plus longtemps ?"), `of_length` in time."""
    own, expanded = _terms(side)
    query = f"{search_text(side)} {focus}"
    idf = idf_weights([e.chunk.context_text for e in hits], query_weights(query))
    best: tuple[float, int, Evidence, str] | None = None
    largest = _largest_bounds(hits[:8], of_length) if ranks_a_bound else set()
    for rank, item in enumerate(hits[:8]):
        heading = f"{item.chunk.section_title} {item.chunk.section_path}"
        if not _names_side(f"{heading} {item.chunk.text}", own, expanded):
            continue
        units = passage_units(item.chunk.text)
        titled = _names_side(heading, own, expanded)  # a section about the side, not one mentioning it
        # What is compared ("le niveau", "la prime") weighs first; the side's words place the sentence.
        compared = unit_scores(focus, units, idf, heading) if focus else [0.0] * len(units)
        named_before = False
        for unit, score, on_focus in zip(units, unit_scores(query, units, idf, heading), compared):
            names_it = _names_side(unit.text, own, expanded)
            # "Toutefois, cette durée peut être portée jusqu'à 36 mois": a sentence going on from the one naming the
            # side ("Le dispositif Pro-A s'étend sur …") speaks of the side too
            named = names_it or (named_before and continues(unit.text))
            named_before = names_it or (named_before and continues(unit.text))
            if unit.is_header or len(unit.text) < 25:
                continue
            value = (score + 2 * on_focus) * (1.3 if named else 1.0) * (1.6 if titled else 1.0) + 0.05 / (rank + 1)
            if ranks_a_bound:  # which side goes furthest is said by a figure: a sentence without one does not say it
                value *= RANKED_BOUND if unit.text in largest else 1.0 if re.search(r"\d", unit.text) else NO_FIGURE
            if not focus and titled and unit.index == 0 and item.chunk.ordinal == 0:
                value += 0.3  # nothing asked but the difference: the section's opening sentence defines the side
            if best is None or value > best[0]:
                best = (value, rank, item, unit.text)
    return (best[2], best[3]) if best is not None and best[0] > 0 else None


NO_FIGURE = 0.6  # … and a sentence stating no figure does not answer it (as `units.score_unit` reads "combien ?")
RANKED_BOUND = 1.3  # "lequel peut durer le plus longtemps au maximum ?": each side's largest stated bound answers


def _largest_bounds(hits: Sequence[Evidence], of_length: bool) -> set[str]:
    """The sentences stating the largest upper bound of their kind among a side's passages, for a comparison asking
    which side goes furthest ("le plus longtemps au maximum", "le plafond le plus haut"): "jusqu'à 36 mois" over
    "jusqu'à 24 mois" and over the general "entre 6 et 12 mois". `of_length`: only bounds in units of time (not
    "70 % de la durée")."""
    texts = [u.text for item in hits for u in passage_units(item.chunk.text)]
    if of_length:
        texts = [t for t in texts if bound_units(t) & _TIME_UNITS]
    return {text for text, top in zip(texts, largest_bounds(frozenset({LIMIT}), texts)) if top}


_ASKS_LENGTH = re.compile(r"\b(?:dur\w*|longtemps|long(?:ue)?s?|temps)\b")
_TIME_UNITS = frozenset({"moi", "ans", "an", "ann", "heu", "h", "jou", "sem"})


def _naming_both(
    asked: Comparison, pool: Sequence[Evidence], used: set[str]
) -> tuple[Evidence, str, str | None] | None:
    """A sentence of the retrieved passages that names both sides ("… ainsi que la reconnaissance de la
    fonction de tuteur … n'ouvrent pas droit à la présente prime"), and the side it names only through a
    pronoun standing for its section's subject, if any ("Article 6 | Entretien professionnel" — "Il est
    distinct de l'entretien annuel d'évaluation"). A sentence that states how the two relate
    (distinct, identique, contrairement à…) is preferred: it answers "c'est la même chose ?" itself."""
    sides = [_terms(side) for side in asked.sides]
    found: list[tuple[Evidence, str, str | None]] = []
    for item in pool:
        heading = f"{item.chunk.section_title} {item.chunk.section_path}"
        for unit in passage_units(item.chunk.text):
            if unit.text in used or unit.is_header or any(unit.text == f[1] for f in found):
                continue
            through: str | None = None
            for side, (own, expanded) in zip(asked.sides, sides, strict=True):
                if _names_side(unit.text, own, expanded):
                    continue
                pronoun = through is None and _PRONOUN_SUBJECT.match(same_length(unit.text).lower())
                if pronoun and _names_side(heading, own, expanded):
                    through = side
                    continue
                break
            else:
                found.append((item, unit.text, through))
    related = [f for f in found if _RELATION.search(same_length(f[1]).lower())]
    best = related or found
    return best[0] if best else None


# A sentence whose subject is its section's subject, named by a pronoun ("Il est distinct de …").
_PRONOUN_SUBJECT = re.compile(r"\s*(?:il|elle|celui-ci|celle-ci|ce dernier|cette derniere)\b")
# Words that state how two things relate.
_RELATION = re.compile(
    r"\b(?:distincte?s?|differente?s?|identiques?|equivalente?s?|contrairement|a la difference|se distingu\w*)\b"
)
