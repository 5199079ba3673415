"""The answer's first line: the passage sentence that answers, with the figure or oui/non in front.

The composer quotes; this module decides which quoted sentence leads and what may be said before
it without inventing anything:

- the figure a "combien"/"quel montant" question asks for, when the lead sentence holds exactly one
  figure of the unit asked ("3 salariés", "0,15 %"): copied from the sentence, never computed;
- "oui" or "non" for a closed question, only when the sentence plainly affirms or negates the
  question's own words (no exception, no condition, no figure in the question that could make a
  bare "oui" a confirmation of a wrong number).
Otherwise the sentence leads alone. Scoring is lexical (`assistant.answering.units`) with the
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

from assistant.answering import wording
from assistant.answering.answer_types import WHERE, asked_types, names_place
from assistant.answering.focus import focus_terms
from assistant.answering.meaning import UnitMeaning
from assistant.answering.number_guard import guard_numbers
from assistant.answering.section_kinds import asks_what_for, states_purpose
from assistant.answering.units import (
    ASKS_FIGURE,
    ENUMERATION,
    MAX_LIST_ITEMS,
    REFERS_BACK,
    Unit,
    query_weights,
    unit_terms,
)
from assistant.routing.subject import asking_clause

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

_WORD_NUMBER = r"(?:une?|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|douze|vingt|trente|demi)"
_UNIT_NOUN = (
    r"(?:%|points?|heures?|h|jours?|journées?|demi-journées?|mois|ans|an|années?|semaines?|salariés?|blocs?|"
    r"fois|euros?|€|niveaux?)"
)
FIGURE_PHRASE = re.compile(
    rf"(?<![\w,])((?:\d+(?:[,.]\d+)?|{_WORD_NUMBER})(?:[ \u00a0]\d{{3}})*)[ \u00a0]?({_UNIT_NOUN})(?![\w-])",
    re.IGNORECASE,
)
_ASKED_UNIT = re.compile(r"combien\s+(?:de|d['’])\s*([a-zà-ÿ-]+)", re.IGNORECASE)
_INTERROGATIVE = re.compile(
    r"\b(combien|quel(le)?s?|qui|quand|comment|où|pourquoi|que|qu['’]|quoi|lequel|laquelle|lesquel\w*|"
    r"c'est quoi|dans quel\w*)\b",
    re.IGNORECASE,
)
_CLOSED = re.compile(
    r"-t-(il|elle|on)\b|-(il|elle|ils|elles|on|je|tu|vous|nous)\b|\best[- ]ce (que|qu['’])|\bpuis-je\b",
    re.IGNORECASE,
)
_NEGATION = re.compile(
    r"\b(?:ne|n['’])\s*((?:[\wà-ÿ'’-]+\s+){0,2}?)(pas|plus|jamais|aucun\w*|ni)\b\s*((?:[\wà-ÿ'’-]+\s*){0,4})",
    re.IGNORECASE,
)
_RESERVATION = re.compile(
    r"\b(sauf|hormis|excepté|à l['’]exception|sous réserve|toutefois|uniquement|seulement|si|lorsque|lorsqu['’]|"
    r"à condition|dans la limite|par exception|cependant|néanmoins)\b",
    re.IGNORECASE,
)
_DIGITS = re.compile(r"\d")
CLOSED_COVERAGE = 0.5  # share of the question's subject a sentence must state for a bare "oui"


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
) -> Candidate | None:
    """The unit that answers best: lexical score with a passage prior, near-ties decided by meaning,
    and a sentence holding what an open question asks about preferred to one restating its premise.

    `preferred` are the passages whose section is about what the question asks (`section_kinds`: "qui peut
    bénéficier" and the part headed "Bénéficiaires concernés"): when one of their units scores at least
    `SECTION_FLOOR` of the best, the lead is chosen among them only."""
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
    announces = usable[winner].unit.opens_list and bool(ENUMERATION.search(question))  # its items hold the focus
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
    return usable[winner]


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


def asked_figure(question: str, sentence: str) -> str | None:
    """The figure the question asks for, as the sentence writes it, when exactly one fits."""
    if not ASKS_FIGURE.search(question):
        return None
    phrases = [(m.group(0), m.group(2).lower()) for m in FIGURE_PHRASE.finditer(sentence)]
    if not phrases:
        return None
    asked = _ASKED_UNIT.search(question)
    if asked:
        word = asked.group(1).lower()
        phrases = [p for p in phrases if p[1][:4] == word[:4] or (word.startswith("temps") and p[1] in _TIME_UNITS)]
    elif not _asks_time(asking_clause(question)):
        # "combien l'accord en prévoit-il (d'entretiens) ?" is not answered by the period "tous les 6 ans": a length
        # of time answers only a question about time
        phrases = [p for p in phrases if p[1] not in _TIME_UNITS]
    distinct = list(dict.fromkeys(p[0] for p in phrases))
    return distinct[0] if len(distinct) == 1 else None


_ASKS_TIME = re.compile(
    r"\b(?:dur\w*|temps|quand|d[ée]lais?|anciennet[ée]|[âa]ge|long\w*|rythme|fr[ée]quence|p[ée]riodicit[ée]|"
    r"tous\s+les\s+combien|combien\s+de\s+(?:mois|ans|ann[ée]es|jours|heures|semaines))\b",
    re.IGNORECASE,
)


def _asks_time(clause: str) -> bool:
    """The asking clause asks about time: a word of time ("durée", "quand", "délai") or a length it quotes ("peut-il
    aller au-delà de 12 mois ?")."""
    return bool(_ASKS_TIME.search(clause)) or any(
        m.group(2).lower() in _TIME_UNITS for m in FIGURE_PHRASE.finditer(clause)
    )


# "journée" / "demi-journée" are left out: "l'absence pour un CEP est portée à combien ?" asks a length of absence
# without a word of time, answered by "1 journée" (u26h-102, measured)
_TIME_UNITS = frozenset({"heure", "heures", "h", "jour", "jours", "mois", "an", "ans", "année", "années", "semaine"})


def closed_question(question: str) -> bool:
    """A question answered by oui or non ("La prime est-elle proratisée ?", "Est-ce que … ?")."""
    return bool(_CLOSED.search(question)) and not _INTERROGATIVE.search(_CLOSED.sub(" ", question))


def yes_or_no(question: str, sentence: str) -> bool | None:
    """True/False when the sentence plainly affirms/negates what the question asks; else None."""
    if not closed_question(question) or _DIGITS.search(question) or _NEGATION.search(question):
        return None
    if _RESERVATION.search(sentence):
        return None
    subject = query_weights(question)
    if not subject:
        return None
    negations = list(_NEGATION.finditer(sentence))
    if negations:
        negated = unit_terms(" ".join(g or "" for m in negations for g in m.groups()))
        return False if negated & set(subject) else None
    terms = unit_terms(sentence)
    covered = sum(w for t, w in subject.items() if t in terms) / sum(subject.values())
    return True if covered >= CLOSED_COVERAGE else None


def guarded_lead(lead: str, sources: Sequence[str]) -> str:
    """The lead, or "" when it holds a figure found in none of the passages (the number guard).

    The lead copies its figure and sentence from the passage, so this never fires on a sound lead;
    it is the same guarantee as for a model's answer: no figure reaches the user unless a cited text
    has it. The lead is dropped whole (the quotes below still answer) rather than cut mid-list.
    """
    return "" if guard_numbers(lead, sources).changed else lead


def lead_units(question: str, lead: Candidate, units: Sequence[Unit], selected: Sequence[Unit]) -> list[Unit]:
    """The lead sentence, with the sentence it refers back to, or the list items it announces.

    For a question that asks for a list ("quelles certifications…"), an item never leads alone:
    the list's introduction leads, followed by the items the passage's selection kept.
    """
    i = next((k for k, u in enumerate(units) if u.text == lead.unit.text and u.index == lead.unit.index), None)
    if i is None:
        return [lead.unit]
    chosen = [units[i]]
    if units[i].in_list and ENUMERATION.search(question):
        start = i
        while start > 0 and (units[start - 1].in_list or units[start - 1].is_header):
            start -= 1
        end = i
        while end + 1 < len(units) and units[end + 1].in_list:
            end += 1
        kept = {u.index for u in selected}
        intro = [units[start - 1]] if start > 0 and units[start - 1].opens_list else []
        items = [u for u in units[start : end + 1] if u.index in kept and not u.is_header] or [units[i]]
        return intro + items[:MAX_LIST_ITEMS]
    if units[i].in_list:
        k = i - 1
        while k >= 0 and units[k].in_list:
            k -= 1
        if k >= 0 and units[k].opens_list and not units[k].is_header:
            end = i
            while end + 1 < len(units) and units[end + 1].in_list:
                end += 1
            members = units[k + 1 : end + 1]
            if len(members) <= SHORT_LIST_ITEMS and sum(len(u.text) for u in members) <= SHORT_LIST_CHARS:
                # "une qualification reconnue dans nos classifications, ça marche ?" is answered by the
                # whole short list (RNCP; classifications; CQP), not by its first item with the
                # introduction: a lone item would read as the only case the rule allows.
                return [units[k], *members]
            return [units[k], units[i]]
        return chosen
    k = i
    while k > 0 and i - k < MAX_ANTECEDENTS and _depends(units[k].text) and not units[k - 1].in_list:
        k -= 1  # "Toutefois, … jusqu'à 36 mois" needs the rule it qualifies; "Elle…" the sentence naming "elle"
    chosen = list(units[k : i + 1])
    if units[i].opens_list:
        j = i + 1
        announced: list[Unit] = []
        while j < len(units) and (units[j].in_list or units[j].is_header):
            announced.append(units[j])
            j += 1
        named = named_items(question, [u for u in announced if not u.is_header], " ".join(u.text for u in chosen))
        if named:  # "qui forme au master manager stratégique ?": the row the question names, under its header
            return chosen + [u for u in announced if u.is_header or u in named]
        chosen.extend(announced[:MAX_LIST_ITEMS])
    elif (
        i + 1 < len(units)
        and REFERS_BACK.match(units[i + 1].text)
        and units[i + 1].index in {u.index for u in selected}
    ):
        # "Celui-ci est l'occasion de faire un état des lieux…" says what the lead names: it continues
        # the lead when the passage's selection kept it (quoted alone it would lose its antecedent).
        chosen.append(units[i + 1])
    elif i + 1 < len(units) and not units[i + 1].in_list and _CONSEQUENCE.match(units[i + 1].text):
        # "Le salarié bénéficie d'un droit … plus favorable que la loi. Le bénéfice d'une formation est ainsi
        # garanti à tous …": the sentence drawing the consequence ("ainsi", "par conséquent") says what the
        # lead states in general terms; the two are one rule.
        chosen.append(units[i + 1])
    elif i + 1 < len(units) and not units[i + 1].in_list and _SUBJECT_REFERS_BACK.match(units[i + 1].text):
        # "Les candidats qui ne possèdent pas ce niveau … procèdent à une VAP": the exception to the lead's
        # rule, named by a demonstrative in its subject, completes the rule ("sans bac+4, je peux ?").
        chosen.append(units[i + 1])
    return chosen


MIN_NAMING_WORDS = 2  # an item is named by this many of its own words (those no other item of its list holds)


def named_items(question: str, items: Sequence[Unit], announcing: str = "") -> list[Unit]:
    """The items of a list (its rows) that the question names by their own words: "master manager stratégique" names
    the master's row ("Master manager stratégique — … EN3S"), not the "CQP manager opérationnel" one, which shares
    only "manager". A word every other item lacks counts; an item is named by `MIN_NAMING_WORDS` of them (or by its
    only one). The words of the sentence announcing the list (`announcing`) name no item: "qui peut bénéficier d'un
    contrat de professionnalisation ?" names the list ("le contrat de professionnalisation s'adresse :"), not its
    item on the "bénéficiaires du RSA … contrat unique d'insertion". [] when the question names none, or names
    every item (it then asks for the list)."""
    if len(items) < 2:
        return []
    # the asking clause only: "Notre caisse n'a pas de service formation interne : qui peut dispenser les modules ?"
    # names the asker's situation first, not the item asked
    asked = set(query_weights(asking_clause(question))) - unit_terms(announcing)
    bags = [unit_terms(u.text) for u in items]
    named = []
    for n, (item, bag) in enumerate(zip(items, bags)):
        others = set().union(*(b for m, b in enumerate(bags) if m != n))
        own = bag - others
        hits = own & asked
        if hits and len(hits) >= min(MIN_NAMING_WORDS, len(own)):
            named.append(item)
    return named if len(named) < len(items) else []


# A sentence whose subject points back at the sentence before: "Les salariés qui n'ont pas ce diplôme…".
_SUBJECT_REFERS_BACK = re.compile(
    r"^(?:Les?|La|L['’])\s*[^\s,;:]+\s+(?:qui|dont)\s+(?:[^\s,;:]+\s+){0,5}?(?:ce|cet|cette|ces)\s+\w+"
)


# A sentence that draws the consequence of the one before: "… est ainsi garanti …", "Par conséquent, …".
_CONSEQUENCE = re.compile(
    r"^(?:Par conséquent|En conséquence|De ce fait|C['’]est ainsi que)\b|^(?:[^\s.;:]+\s+){1,7}?ainsi\b(?!\s+que)"
)


SHORT_LIST_ITEMS = 5  # a list this short (items and characters) leads whole when one of its items leads
SHORT_LIST_CHARS = 600


# A sentence that qualifies or continues the one before ("Toutefois, …", "À cet égard, elle fixe…"):
# it leads only with the sentence it depends on.
MAX_ANTECEDENTS = 2


def _depends(sentence: str) -> bool:
    return bool(REFERS_BACK.match(sentence) or _CONNECTOR.match(sentence))


_CONNECTOR = re.compile(
    r"^(Toutefois|Cependant|Néanmoins|Dans ce cadre|De plus|En outre|Par ailleurs|À cet égard|À ce titre|"
    r"Pour ce faire|À cette fin|Dans ce cas)\b|^[^,]{2,30}, (il|elle|ils|elles)\b"
)


def lead_text(question: str, units: Sequence[Unit], number: int, lead: Unit | None = None) -> str:
    """The lead in words: its first sentence opened by the figure or oui/non, the rest after it.

    The figure is read in the sentence that leads (`lead`), not in a sentence that only continues it: "… d'une durée
    au moins égale à 15 %…, sans être inférieure à 150 heures. Cette durée peut être portée jusqu'à 70 %…" must not
    open with "70 %" for a minimum asked. The oui/non stays read in the last sentence (the lead after the sentences
    it depends on, or what continues it): measured, reading it in the lead sentence put "Non :" before "le bénéfice
    d'une formation est ainsi garanti à tous les salariés … qui n'en auraient pas suivi depuis 4 ans" (u26h-148)."""
    sentences = [u for u in units if not u.in_list and not u.is_header]
    last = sentences[-1] if sentences else units[0]
    leading = next((u for u in sentences if lead is not None and u.index == lead.index and u.text == lead.text), last)
    figure = asked_figure(question, leading.text)
    verdict = yes_or_no(question, last.text) if figure is None else None
    lines = [wording.lead_line(units[0].text, number, figure=figure, verdict=verdict)]
    for unit in units[1:]:
        lines.append(unit.text if unit.in_list else wording.lead_continuation(unit.text, number))
    text = lines[0]
    for unit, line in zip(units[1:], lines[1:]):
        text += ("\n" if unit.in_list or unit.is_header else " ") + line
    return text
