"""What the lead may say before its sentence: the figure asked, or oui/non, copied, never computed.

Split from `assistant.answering.lead` (which chooses the sentence) because reading a figure or a verdict in a chosen
sentence is its own rule set: the figure a "combien"/"quel montant" question asks for, when the sentence holds
exactly one figure of the unit asked ("3 salariés", "0,15 %"); "oui" or "non" for a closed question, only when the
sentence plainly affirms or negates the question's own words (no exception, no condition, no figure in the question
that could make a bare "oui" a confirmation of a wrong number). `lead_text` writes the lead with them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from assistant.answering import wording
from assistant.answering.opposites import contradicted
from assistant.answering.units import ASKS_FIGURE, Unit, query_weights, unit_terms
from assistant.routing.subject import asking_clause

_WORD_NUMBER = r"(?:une?|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|douze|vingt|trente|demi)"
_UNIT_NOUN = (
    r"(?:%|points?|heures?|h|jours?|journées?|demi-journées?|mois|ans|an|années?|semaines?|salariés?|blocs?|"
    r"fois|euros?|€|niveaux?)"
)
FIGURE_PHRASE = re.compile(
    rf"(?<![\w,])((?:\d+(?:[,.]\d+)?|{_WORD_NUMBER})(?:[ \u00a0]\d{{3}})*)[ \u00a0]?({_UNIT_NOUN})(?![\w-])",
    re.IGNORECASE,
)
_RANGE = re.compile(
    rf"(?<![\w,])(?:entre\s+\d+(?:[,.]\d+)?\s+et|de\s+\d+(?:[,.]\d+)?\s+à)\s+\d+(?:[,.]\d+)?"
    rf"[ \u00a0]?(?P<unit>{_UNIT_NOUN})(?![\w-])",
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


def asked_figure(question: str, sentence: str) -> str | None:
    """The figure the question asks for, as the sentence writes it, when exactly one fits."""
    if not ASKS_FIGURE.search(question):
        return None
    # "un niveau de qualification" names a level, it does not give one: a level is written with its digit ("niveau 3")
    # a range states one figure: "comprise entre 6 et 12 mois" answers "en temps normal, combien de temps ?" whole,
    # where its upper end alone ("12 mois :") would read as the ordinary length (lead19)
    ranges = [(m.group(0), m.group("unit").lower(), m.span()) for m in _RANGE.finditer(sentence)]
    phrases = [(text, unit) for text, unit, _ in ranges] + [
        (m.group(0), m.group(2).lower())
        for m in FIGURE_PHRASE.finditer(sentence)
        if not (m.group(2).lower().startswith("niveau") and m.group(1).lower() in ("un", "une"))
        and not any(start <= m.start() < end for _, _, (start, end) in ranges)
    ]
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
    if contradicted(question, sentence):  # "ça remplace … ?" against "… s'ajoute à …" (opposites.py)
        return False
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
