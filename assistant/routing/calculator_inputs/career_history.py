"""Readers for the training guarantee (art. 8) and the professional reviews (art. 6).

Both rules run from dates in the employee's history — the last training, the hire, past interviews
and reviews — so both readers decide which stated date is which, from the words said next to it.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from assistant.routing.calculator_inputs.asking import asks_the_result
from assistant.routing.calculator_inputs.facts import Facts, Plan, near, year_notes
from assistant.routing.calculator_inputs.team import head_count
from assistant.routing.extraction.dates import DateSpan
from assistant.routing.extraction.period_owners import period_owners
from calculators.dates import format_date_fr


def plan_training_guarantee(facts: Facts) -> Plan | None:
    """Training guarantee (art. 8): the last training's date, preferring one said next to "formation"."""
    candidates = [d for d in facts.dates if d.kind in ("point", "range", "since")]
    # "Je prépare son entretien pro demain", "entretien le 4 mars": the interview's date, not a training's (the
    # nearest of the two words before the date decides, as for the reviews' dates below)
    candidates = [
        d
        for d in candidates
        if _last_keyword(facts.folded[: d.span[0]][-60:], {"interview": r"entretien", "training": r"formation|stage"})
        != "interview"
    ]
    # "Et en avril 2028, si rien n'a changé ?", "et l'an prochain, en juillet 2027 ?": a date to come in a
    # question is the moment the guarantee is asked at (art. 8: "depuis 4 ans" counts to that day), not a
    # training already followed; the last training is one of the other dates
    later = [d for d in candidates if d.start > facts.today and _in_a_question(facts.folded, d.span)]
    as_of = later[-1].start if later and len(later) < len(candidates) else facts.today
    if facts.horizon is not None:  # "D'ici mars 2027, …" (`extraction.horizon`): the state at that date
        as_of = facts.horizon
    candidates = [d for d in candidates if d not in later] if as_of != facts.today else candidates
    if not candidates:
        if facts.personal and facts.asks and not facts.general:
            return Plan("training_guarantee", {}, ["last_training"])
        return None
    about_training = [d for d in candidates if near(facts, d.span, r"\bformation", before=50)]
    chosen = (about_training or candidates)[0]
    last = chosen.end if chosen.kind == "range" else chosen.start
    notes = year_notes([chosen])
    if chosen.precision != "day":
        notes.append(f"Date approximative (« {chosen.text} ») : retenue au {format_date_fr(last)}.")
    if as_of != facts.today:
        notes.append(f"Situation examinée au {format_date_fr(as_of)}, la date de votre question.")
    elif last > facts.today and not _told_as_done(facts.folded, chosen.span):
        # "si elle en suit une en janvier 2027, …", "ma formation de mars 2027": a training still to come is the
        # moment asked (art. 8's "depuis 4 ans" starts again that day); one told as done is left to the rule's
        # French message ("s'est terminée en juillet 2027": a date not yet reached)
        as_of = last
        notes.append(f"Formation à venir le {format_date_fr(last)} : situation examinée à cette date.")
    return Plan("training_guarantee", {"last_training": last, "as_of": as_of}, notes=notes)


# A training told as completed: a compound past of ending or following ("s'est terminée", "j'ai suivi", "a eu lieu").
_DONE = re.compile(
    r"\b(?:s'est|se sont|j'ai|ai|as|a|avons|avez|ont|avait|avaient)\s+(?:\w+\s+)?"
    r"(?:termine|acheve|fini|suivi|fait|eu lieu|passe|valide|obtenu)e?s?\b"
)


def _told_as_done(folded: str, span: tuple[int, int]) -> bool:
    """Whether the sentence holding the date at `span` tells the training as done, up to that date."""
    start = max(folded.rfind(c, 0, span[0]) for c in ".?!;:\n") + 1
    return bool(_DONE.search(folded[start : span[0]]))


def _in_a_question(folded: str, span: tuple[int, int]) -> bool:
    """Whether the words at `span` belong to the asking part of a sentence ending with a question mark: no colon
    between them and the "?" ("je prends ma retraite dans un an … : la garantie me concerne-t-elle ?" dates
    another event, told before the question)."""
    end = re.search(r"[.?!:]", folded[span[1] :])
    return end is not None and end.group(0) == "?"


def plan_professional_reviews(facts: Facts) -> Plan | None:
    """Professional reviews (art. 6): each date goes to the nearest keyword before it (embauche, entretien, bilan)."""
    hire: date | None = None
    interviews: list[date] = []
    bilans: list[date] = []
    notes: list[str] = []
    yearly: list[tuple[str, int, str]] = []  # (label, year, wording) of interviews given by their year only
    horizon: date | None = facts.horizon  # "D'ici juin 2027, …" (`extraction.horizon`), already out of the dates
    hires: list[DateSpan] = []
    window = _between(facts)
    for d in facts.dates:
        before = facts.folded[: d.span[0]]
        if d.start > facts.today and (
            re.search(_BY_THEN, before[-25:]) or (re.search(_AT, before[-12:]) and _in_a_question(facts.folded, d.span))
        ):
            horizon = d.end  # "d'ici janvier 2027", "Au 1er janvier 2030, …": the date the count is asked at
            continue
        if d.span in window:
            continue  # "entre le 1er janvier 2020 et le 31 décembre 2025": a window asked about, no event
        label = _last_keyword(
            before,
            {
                # "entré le 1er septembre 2019": the participle before a lone date (a window "entre le … et le …"
                # was set aside above, by its structure)
                "hire": r"embauch|recrut|arriv|entre(?:e|s)? (?:dans|a|au|chez|en|le|l')|"
                r"debut de (?:mon )?contrat|depuis",
                "bilan": r"bilan",
                "interview": r"entretien",
                "training": r"\bformation",  # "dernière formation en 2020" is not an interview date
            },
        )
        if label == "training":
            continue
        if label in ("interview", "bilan") and d.start > facts.today:
            continue  # "entretien pro demain": an interview still to hold is none held yet
        if label == "hire":
            hires.append(d)
        if d.kind == "since" or (label == "hire" and hire is None):
            hire = d.start
            if d.precision != "day":
                notes.append(f"Date approximative (« {d.text} ») : retenue au {format_date_fr(d.start)}.")
        elif label == "hire":
            if d.precision != "day":
                notes.append(f"Date approximative (« {d.text} ») : retenue au {format_date_fr(d.start)}.")
            continue  # a second hire date is another person's (`_people_hired`), never an interview
        elif d.precision == "year":
            yearly.append(("bilan" if label == "bilan" else "interview", d.start.year, d.text))
        else:
            (bilans if label == "bilan" else interviews).append(d.start)
            if d.precision != "day":
                notes.append(f"Date approximative (« {d.text} ») : retenue au {format_date_fr(d.start)}.")
    for label, year, text in yearly:
        day = _within_year(year, hire, facts.today)
        (bilans if label == "bilan" else interviews).append(day)
        notes.append(f"« {text} » : année seule, entretien compté en {year} (date retenue : {format_date_fr(day)}).")
    notes += year_notes(facts.dates)
    people = _people_hired(facts, hires)
    if people is not None and not (interviews or bilans):
        # "Paul, embauché le 1er avril 2021, et Inès, embauchée le 15 septembre 2023": each one's own schedule
        several: dict[str, Any] = {"people": people, "as_of": facts.today} | ({"horizon": horizon} if horizon else {})
        return Plan("professional_reviews", several, notes=notes)
    if horizon is None and len(hires) <= 1 and _COUNT_ASKED.search(facts.folded):
        # "J'encadre 12 techniciens : combien d'entretiens au minimum sur 6 ans ?", "trois agents à recevoir en
        # entretien cette année … combien d'entretiens ?", "5 agents embauchés en 2021 : combien … ?": the team's
        # count, 3 each ("tous les 6 ans, au moins deux entretiens professionnels et un entretien de bilan" is owed
        # to each employee); one person's dates cannot be the team's, so a count of several people decides
        team = head_count(facts.folded)
        if team is not None and team > 1:
            return Plan("professional_reviews", {"headcount": team})
    if hire is None:
        # "On est à jour des entretiens professionnels pour Paul ?": a state of the reviews asked is a result asked
        asks = facts.asks or bool(asks_the_result(facts.folded, "professional_reviews"))
        if (facts.personal and asks and not facts.general) or interviews or bilans:
            return Plan("professional_reviews", {}, ["hire_date"], notes)
        return None
    arguments: dict[str, Any] = {"hire_date": hire}
    if interviews:
        arguments["interviews"] = interviews
    if bilans:
        arguments["bilans"] = bilans
    arguments["as_of"] = facts.today
    if horizon is not None:  # today and the horizon apart: the periods to come are owed by then, not late
        arguments["horizon"] = horizon
        notes.append(f"Entretiens comptés jusqu'au {format_date_fr(horizon)}, la date demandée.")
    return Plan("professional_reviews", arguments, notes=notes)


def _people_hired(facts: Facts, hires: list[DateSpan]) -> str | None:
    """Several people's hire dates, each introduced by its own first name or name ("Paul, embauché le 1er avril
    2021, et Inès, embauchée le 15 septembre 2023"; `extraction.period_owners`), as the calculator's `people`."""
    if len(hires) < 2:
        return None
    owners = period_owners(facts.text, [d.span for d in hires])
    if any(owner is None or not owner.name for owner in owners):
        return None
    return ";".join(f"{owner.name}:{d.start.isoformat()}" for owner, d in zip(owners, hires, strict=True) if owner)


# The number of interviews asked ("combien d'entretiens", "nombre d'entretiens", "combien … au minimum en tout")
_COUNT_ASKED = re.compile(r"\b(?:combien|nombre)\b[^.?!]{0,30}\bentretiens?\b|\bentretiens?\b[^.?!]{0,40}\bcombien\b")


# A date after today said as the horizon of the count: "d'ici janvier 2027", "jusqu'à fin 2027", "avant avril".
_BY_THEN = r"\b(?:d'ici|jusqu'(?:a|au|en)|avant|a l'horizon(?: de)?|a la date du)\s*(?:le |la |l'|fin |a )?$"
# "Au 1er janvier 2030, sera-t-il en retard ?", "… au 14 septembre 2027 ?": a date to come set by "au" in a question
_AT = r"\b(?:au|en|fin|a fin|a la fin de)\s*$"
# "entre le 1er janvier 2020 et le 31 décembre 2025": two dates joined as a window (the structure, not the word, tells
# it from the participle "entré le …", which has no second date)
_WINDOW = re.compile(r"\bentre\s+(?:le |l')?$")
_AND_THEN = re.compile(r"^\s*,?\s*et\s+(?:le |l'|la )?$")


def _between(facts: Facts) -> set[tuple[int, int]]:
    """The spans of dates said as the two ends of a window, "entre <date> et <date>"."""
    spans: set[tuple[int, int]] = set()
    for joined in facts.dates:
        # the two ends already joined into one range by the date reader ("entre le 1er janvier 2020 et le 31
        # décembre 2025" is one span of kind "range")
        if joined.kind == "range" and _WINDOW.search(facts.folded[: joined.span[0]][-12:]):
            spans.add(joined.span)
    for first, second in zip(facts.dates, facts.dates[1:], strict=False):
        if _WINDOW.search(facts.folded[: first.span[0]][-12:]) and _AND_THEN.search(
            facts.folded[first.span[1] : second.span[0]]
        ):
            spans |= {first.span, second.span}
    return spans


def _within_year(year: int, hire: date | None, today: date) -> date:
    """A date standing for "in <year>": mid-year, kept after the hire and not after today, so that a
    year given alone stays in that year (an interview "en 2019" of someone hired in March 2019)."""
    low = max(date(year, 1, 1), hire) if hire else date(year, 1, 1)
    high = min(date(year, 12, 31), today)
    if low > high:
        return date(year, 7, 1)
    return min(max(date(year, 7, 1), low), high)


def _last_keyword(before: str, labels: dict[str, str]) -> str | None:
    """Which label's keyword comes last in `before` (the nearest one to a date)."""
    best, position = None, -1
    for label, pattern in labels.items():
        for m in re.finditer(pattern, before):
            if m.start() > position:
                best, position = label, m.start()
    return best
