"""The answer's first line: the passage sentence that answers, with the figure or oui/non in front.

The composer quotes; this module decides which quoted sentence leads. What may be said before it without inventing
anything (the figure asked, oui/non) is read by `assistant.answering.lead_opening`; the sentences that must lead with
it (its antecedent, the list it announces) are chosen by `assistant.answering.lead_span`.
Scoring is lexical (`assistant.answering.units`) with the
passage's relevance as a prior; among near-ties, the e5 similarity (`assistant.answering.meaning`)
decides, which keeps the paraphrase signal without letting the small model's flat cosines override
a clear lexical match (measured: docs/evaluation/answer5.md and answer6.md). An open question ("qui",
"où", "quand") is led by a sentence holding the word it asks about (`focus.focus_terms`) rather
than by the one restating its premise; and the unit closest in meaning is quoted even when the
lexical selection left it out (`closest_unit`; every shipped unit has its vector:
`assistant.answering.unit_vectors`).
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from assistant.answering.answer_types import WHERE, asked_types, names_place
from assistant.answering.asked_kind import asked_kind, asked_verb
from assistant.answering.focus import focus_terms
from assistant.answering.list_request import asks_list
from assistant.answering.meaning import UnitMeaning
from assistant.answering.number_guard import guard_numbers
from assistant.answering.section_kinds import asks_what_for, states_purpose
from assistant.answering.units import PRONOUN_SUBJECT, Unit, asks_enumeration, unit_terms

PASSAGE_PRIOR = 0.2  # weight of the passage's relevance (relative to the best passage's)
NEAR_TIE = 0.75  # units within this share of the best score are compared by meaning too
MEANING_WEIGHT = 0.1  # lexical points per 0.05 of cosine, among near-ties
COSINE_SCALE = 0.05
# A sentence holding the word an open question asks about ("inscrite où ?") leads over the best one
# that lacks it, when it scores at least this share of the best (`focus.focus_terms`).
FOCUS_FLOOR = 0.4
# A sentence of the leading passage naming the place asked by its own name leads over the one repeating the kind
# of place asked, when it scores at least this share of the best ("dans une CAF ou une CGSS").
PLACE_FLOOR = 0.25
# A unit of a passage whose section is about what the question asks (`section_kinds`) leads over better-scoring units
# of other sections when it scores at least this share of the best: the heading says which part answers.
SECTION_FLOOR = 0.4


@dataclass(frozen=True)
class Candidate:
    """A unit of a picked passage that may lead the answer."""

    unit: Unit
    passage: int  # index of its passage in the composer's picked list
    score: float  # lexical score of the unit
    passage_score: float  # relevance of its passage


def choose_lead(
    question: str,
    candidates: Sequence[Candidate],
    meaning: UnitMeaning | None = None,
    preferred: Collection[int] = (),
    listed: bool | None = None,
) -> Candidate | None:
    """The unit that answers best: lexical score with a passage prior, near-ties decided by meaning,
    and a sentence holding what an open question asks about preferred to one restating its premise.

    `preferred` are the passages whose section is about what the question asks (`section_kinds`: "qui peut
    bénéficier" and the part headed "Bénéficiaires concernés"): when one of their units scores at least
    `SECTION_FLOOR` of the best, the lead is chosen among them only. `listed`: the message asks for a list by its
    form (`list_request`; read from `question` when None: the composer scores a message's asking sentence, which
    may have lost the request's words: "Point par point, qu'attend-on… ?")."""
    listed = asks_list(question) if listed is None else listed
    usable = [c for c in candidates if c.score > 0 and not c.unit.is_header]
    if not usable:
        return None
    if preferred:
        top = max(_combined(c, usable) for c in usable)
        about = [c for c in usable if c.passage in preferred]
        if about and max(_combined(c, usable) for c in about) >= SECTION_FLOOR * top:
            usable = about
    top_passage = max(c.passage_score for c in usable) or 1.0
    combined = [c.score + PASSAGE_PRIOR * c.passage_score / top_passage for c in usable]
    best = max(combined)
    # best first, ties in passage order: the meaning budget goes to the strongest units (`UnitMeaning`)
    shortlist = sorted((i for i, value in enumerate(combined) if value >= best * NEAR_TIE), key=lambda i: -combined[i])
    if meaning is not None and len(shortlist) > 1:
        cosines = meaning.similarities(question, [usable[i].unit.text for i in shortlist])
        known = [c for c in cosines if c is not None]
        if known:
            top = max(known)
            for i, cosine in zip(shortlist, cosines):
                if cosine is not None:
                    combined[i] += MEANING_WEIGHT * (cosine - top) / COSINE_SCALE
    winner = max(shortlist, key=lambda i: combined[i])
    focus = focus_terms(question)
    announces = usable[winner].unit.opens_list and asks_enumeration(question)  # its items hold the focus
    if focus and not announces and not unit_terms(usable[winner].unit.text) & focus:
        # "elle est inscrite où ?": the sentence restating the premise (the guaranteed training) scores
        # best, the one saying where it is inscribed answers. Among units still relevant, the best one
        # holding the asked-about word leads.
        relevant = [i for i, value in enumerate(combined) if value >= best * FOCUS_FLOOR]
        holding = [i for i in relevant if unit_terms(usable[i].unit.text) & focus]
        if holding:
            winner = max(holding, key=lambda i: combined[i])
    if WHERE in asked_types(question) and not names_place(usable[winner].unit.text):
        # "dans quels organismes … travailler ?": the sentence naming them ("dans une CAF ou une CGSS") answers;
        # the one repeating the kind asked ("au sein d'un organisme de la branche") does not.
        # within the winner's own passage a lower floor: that passage answers, and its place is named once
        here = usable[winner].passage
        placing = [
            i
            for i, value in enumerate(combined)
            if names_place(usable[i].unit.text)
            and value >= best * (PLACE_FLOOR if usable[i].passage == here else FOCUS_FLOOR)
        ]
        if placing:
            winner = max(placing, key=lambda i: combined[i])
    of_kind = asked_kind(question)
    if of_kind is not None and not of_kind(_read_whole(usable[winner], candidates)):
        # "combien de managers … ?", "qui désigne le tuteur ?", "à partir de quand … ?": the sentence of the winner's
        # passage stating a figure of managers, a body that acts, a date answers (`asked_kind`), not the one that
        # repeats the question's words
        here = usable[winner].passage
        stating = [
            i
            for i, value in enumerate(combined)
            if usable[i].passage == here and value >= best * FOCUS_FLOOR and of_kind(_read_whole(usable[i], candidates))
        ]
        if not stating and not any(of_kind(_read_whole(c, candidates)) for c in usable if c.passage == here):
            # no sentence of the winner's passage states it: one of another passage that does (the composer adds
            # them only then)
            stating = [
                i
                for i, value in enumerate(combined)
                if value >= best * FOCUS_FLOOR and of_kind(_read_whole(usable[i], candidates))
            ]
        if stating:
            winner = max(stating, key=lambda i: combined[i])
    verb = asked_verb(question)
    if verb and not unit_terms(usable[winner].unit.text) & verb:
        # "qui gère la contribution ?": the sentence of the winner's passage stating that relation with its agent
        # ("Elle est gérée par l'OPCO désigné par la branche") answers, not the one naming another body that does
        # something else with the same object ("Les parties signataires conviennent d'engager une négociation…")
        here = usable[winner].passage
        relating = [
            i
            for i, value in enumerate(combined)
            if usable[i].passage == here
            and value >= best * FOCUS_FLOOR
            and unit_terms(usable[i].unit.text) & verb
            and (of_kind is None or of_kind(_read_whole(usable[i], candidates)))
        ]
        if relating:
            winner = max(relating, key=lambda i: combined[i])
    if asks_what_for(question) and not states_purpose(usable[winner].unit.text, question):
        # "à quoi sert l'entretien professionnel ?": the sentence whose subject is the thing asked about and whose verb
        # states what it is for ("L'entretien professionnel doit permettre à chaque salarié d'envisager…") answers,
        # not one saying what someone does after it "pour permettre de…"
        relevant = [i for i, value in enumerate(combined) if value >= best * FOCUS_FLOOR]
        stating = [i for i in relevant if states_purpose(usable[i].unit.text, question)]
        if stating:
            winner = max(stating, key=lambda i: combined[i])
    noun = asked_plural_noun(question) or ("" if not _THOSE_WHO.search(question) else ANY_NOUN)
    if noun and not names_members(usable[winner].unit.text, noun):
        # "quels organismes … ?": the sentence that names the organisms ("dispensé par l'un des organismes
        # habilités : Pôle emploi, APEC, …") answers; the one restating the premise ("… au sein de l'organisme")
        # does not, however many of the question's words it repeats.
        relevant = [i for i, value in enumerate(combined) if value >= best * FOCUS_FLOOR]
        naming = [i for i in relevant if names_members(usable[i].unit.text, noun)]
        if naming:
            winner = max(naming, key=lambda i: combined[i])
    if listed and not lists(usable[winner].unit):
        # "Détaille en puces les missions confiées au tuteur": the sentence introducing the tutor's missions and their
        # items answers; "chaque tuteur accompagne, au maximum, 3 salariés" repeats more of the message's words but
        # lists nothing. Among the units still relevant, those that list lead; near-ties are decided by meaning.
        # Those of the winner's own passage first (the passage the whole message found), then those naming the noun
        # asked ("la liste des attestations" and "les attestations nationales de réussite Tam Tam, Vadémécaf, …",
        # not the section's other list, "six options ont été créées :").
        relevant = [i for i, value in enumerate(combined) if value >= best * FOCUS_FLOOR]
        listing = [i for i in relevant if lists(usable[i].unit)]
        listing = [i for i in listing if usable[i].passage == usable[winner].passage] or listing
        stem = unit_terms(asked_plural_noun(question))
        listing = [i for i in listing if stem & unit_terms(usable[i].unit.text)] or listing
        if listing:
            winner = _closest(question, listing, combined, usable, meaning)
    return usable[winner]


def _read_whole(candidate: Candidate, candidates: Sequence[Candidate]) -> str:
    """The unit's text, after the sentence naming its pronoun subject when it has one: "À cet égard, elle fixe les
    coûts des formations" states the body that acts through « La CPNEFP définit les priorités… » before it (the
    antecedent `lead_span` leads with), as `units.unit_scores` reads it for "qui ?"."""
    if not PRONOUN_SUBJECT.match(candidate.unit.text):
        return candidate.unit.text
    before = sorted(
        (c.unit for c in candidates if c.passage == candidate.passage and c.unit.index < candidate.unit.index),
        key=lambda u: u.index,
    )
    for unit in reversed(before):
        if not PRONOUN_SUBJECT.match(unit.text):
            return f"{unit.text} {candidate.unit.text}"
    return candidate.unit.text


def lists(unit: Unit) -> bool:
    """A unit that gives members: a list's introduction or item, a sentence naming them after a colon or in a series
    ("les attestations nationales de réussite Tam Tam, Vadémécaf, Oméga+, Sm'pro et Startech")."""
    return unit.opens_list or unit.in_list or names_members(unit.text, ANY_NOUN) or bool(_SERIES.search(unit.text))


# Three members or more, each of a few words, separated by commas, the last after "et" / "ou".
_SERIES = re.compile(r"(?:\b[\w'’+/-]+(?:\s+[\w'’+/-]+){0,3},\s+){2,}[\w'’+/-]+(?:\s+[\w'’+/-]+){0,3}\s+(?:et|ou)\s+\w")


def _closest(
    question: str,
    indexes: Sequence[int],
    combined: Sequence[float],
    usable: Sequence[Candidate],
    meaning: UnitMeaning | None,
) -> int:
    """The best of `indexes` by score, those within `NEAR_TIE` of it compared by meaning too (e5)."""
    top = max(combined[i] for i in indexes)
    near = [i for i in indexes if combined[i] >= top * NEAR_TIE]
    cosines = meaning.similarities(question, [usable[i].unit.text for i in near]) if meaning and len(near) > 1 else []
    known = [c for c in cosines if c is not None]
    if not known:
        return max(indexes, key=lambda i: combined[i])
    ceiling = max(known)
    shift = [MEANING_WEIGHT * ((c if c is not None else ceiling) - ceiling) / COSINE_SCALE for c in cosines]
    return max(zip(near, shift), key=lambda pair: combined[pair[0]] + pair[1])[0]


def _combined(candidate: Candidate, usable: Sequence[Candidate]) -> float:
    top_passage = max(c.passage_score for c in usable) or 1.0
    return candidate.score + PASSAGE_PRIOR * candidate.passage_score / top_passage


# A plural interrogative before its noun: "quels organismes", "quelles sont les étapes", "lesquels des …".
_PLURAL_ASKED = re.compile(
    r"\bquel(?:le)?s\s+(?:(?:sont|seraient)\s+(?:les|leurs|ses)\s+)?([a-zà-ÿ]{4,})|"
    # a request for the list: "la liste des organismes", "énumère les publics", "cite-moi tous les …"
    r"\bliste\s+(?:complète\s+|exhaustive\s+)?des\s+([a-zà-ÿ]{4,})|"
    r"\b(?:énum[èé]r|enumer|cit|nomm|recens|list)[a-zà-ÿ]*(?:-(?:moi|nous))?\s+(?:tou(?:te)?s\s+)?les\s+([a-zà-ÿ]{4,})",
    re.IGNORECASE,
)


def asked_plural_noun(question: str) -> str:
    """The noun a plural "quels / quelles" asks to be named ("quels organismes" → "organismes"), "" if none."""
    match = _PLURAL_ASKED.search(question)
    return next((g for g in match.groups() if g), "").lower() if match else ""


# The drafting formula of an enumeration inside a sentence: the noun, a few words, a colon, then at least
# two members separated by commas or semicolons ("organismes habilités : Pôle emploi, APEC, mission locale").
_INLINE_MEMBERS = re.compile(r"^(?P<head>.*?):\s*(?P<members>[^:]+)$", re.DOTALL)
HEAD_REACH = 6  # the noun is at most this many words before the colon


# "la liste de ceux qui peuvent …", "celles qui …": members asked without a noun; any inline list names them.
_THOSE_WHO = re.compile(r"\b(?:ceux|celles)\s+(?:qui|auprès\s+de\s+qui|chez\s+qui)\b", re.IGNORECASE)
ANY_NOUN = "*"


def names_members(sentence: str, noun: str) -> bool:
    """Whether the sentence names the members of `noun` after a colon (inline, at least three of them); of any
    noun for `ANY_NOUN`."""
    match = _INLINE_MEMBERS.match(sentence)
    if not match or len(re.findall(r"[,;]", match.group("members"))) < 2:
        return False
    if noun == ANY_NOUN:
        return True
    head = re.findall(r"[\wà-ÿ'’-]+", match.group("head"))[-HEAD_REACH:]
    stem = unit_terms(noun)
    return any(unit_terms(word) & stem for word in head)


def closest_unit(question: str, candidates: Sequence[Candidate], meaning: UnitMeaning | None) -> Unit | None:
    """The unit of the answering passage closest in meaning to the question, among those sharing a
    subject word with it: quoted even when the lexical selection left it out ("sortir sa carte bleue ?"
    is answered by "accessible gratuitement", which shares no word with it but the CEP's name)."""
    usable = [c for c in candidates if c.score > 0 and not c.unit.is_header and not c.unit.in_list]
    if meaning is None or len(usable) < 2:
        return None
    cosines = meaning.similarities(question, [c.unit.text for c in usable])
    scored = [(cosine, -n) for n, cosine in enumerate(cosines) if cosine is not None]
    if len(scored) < len(usable):
        return None  # only when every unit has its vector (shipped): never a partial comparison
    return usable[-max(scored)[1]].unit


def guarded_lead(lead: str, sources: Sequence[str]) -> str:
    """The lead, or "" when it holds a figure found in none of the passages (the number guard).

    The lead copies its figure and sentence from the passage, so this never fires on a sound lead;
    it is the same guarantee as for a model's answer: no figure reaches the user unless a cited text
    has it. The lead is dropped whole (the quotes below still answer) rather than cut mid-list.
    """
    return "" if guard_numbers(lead, sources).changed else lead
