"""Readers for the tutor and trainer bonuses: missions and training actions as dated periods.

Both bonuses are counted per calendar month of a period, so both readers turn the question into a
list of periods — stated ranges, ongoing missions, or a length ("pendant 5 mois") anchored on a
date — and multiply them by the trainees or actions counted next to them.
"""

from __future__ import annotations

import math
import re
from datetime import timedelta
from typing import Any

from assistant.routing.calculator_inputs.facts import (
    Facts,
    Plan,
    asking_sentence,
    dated_periods,
    outside_dates,
    year_notes,
)
from assistant.routing.calculator_inputs.lengths import holders, several_lengths
from assistant.routing.extraction.dates import DateSpan, clause_around
from assistant.routing.extraction.period_owners import asked_owner, asking_span, index_of, period_owners
from assistant.routing.extraction.quantities import Count, Duration, count_of, parse_counts
from assistant.routing.extraction.situation import parse_work_time
from calculators.dates import add_months, format_date_fr
from calculators.result import CalcError

# "combien d'alternants …", "combien de stagiaires …": a number of people asked, not an amount
_COUNT_ASKED = re.compile(r"\bcombien d(?:e |')(?!points?\b|euros?\b|mois\b)[a-z]")


def months_begun(months: float | None) -> int:
    """The months a length of a mission or an action begins: both bonuses count "7 points par mois, complet ou
    non" (protocole art. 4.3, avenant art. 3), so "deux mois et demi" is three months begun, never rounded down
    to two (Python's round(2.5) is 2). A tolerance keeps a length read as 12.000001 at twelve."""
    return max(0, math.ceil((months or 0) - 1e-6))


def plan_tutor_bonus(facts: Facts) -> Plan | None:
    """Tutor bonus (art. 4.3): one mission per dated period, or per trainee over a single period.

    Each trainee is a mission, as in `calculators.tutor_bonus`; "depuis" runs the mission to today.
    """
    periods = dated_periods(facts)
    if not periods and _asks_people(facts):
        # "déjà tutrice de deux alternants ; combien peut-elle en accepter ?": the cap of art. 4.2, not a bonus
        return None
    if periods and all(p.kind == "point" for p in periods) and not facts.amount and "?" in facts.text:
        # "tuteur pour la première fois en janvier, on doit me préparer ?": a month names when the
        # role starts, not a mission to pay; a question that asks no amount is about the rule.
        return None
    if len(periods) > 1 and any(not _seniority(facts, p) for p in periods):
        # "conseillère à la Caf depuis quinze ans. J'ai été la tutrice de Jade du 1er février au 30 avril": the
        # length of service is no mission
        periods = [p for p in periods if not _seniority(facts, p)]
    count = count_of(facts.text, "trainee") or 1
    notes = year_notes(periods)
    if len(periods) == 1 and periods[0].kind == "point":
        # "En mars 2028, si je termine une mission de quatre mois": the month is one end of the mission said
        periods = _periods_from_duration(facts, notes) or periods
    if periods and all(p.kind == "since" for p in periods):
        # "mission de 8 mois, commencée il y a 3 mois": a start and the mission's length are the whole mission
        periods = _periods_from_duration(facts, notes) or periods
        if all(p.kind == "since" for p in periods) and end_to_come(facts):
            # "tuteur depuis l'Ascension, la mission n'est pas encore terminée : combien touchera-t-il ?": the
            # premium is paid "à l'issue de la mission" and counts its months, so its end decides and is asked
            return Plan("tutor_bonus", {}, ["missions"])
    if not periods:
        periods = _periods_from_duration(facts, notes)
        if periods and re.search(_SUMMED, facts.folded):
            count = 1  # "14 mois de tutorat cumulés avec deux alternants": the months of both, already summed
        if len(periods) > 1:  # one length per mission or tutor ("Agnès … 4 mois, Bruno … 6 mois"): one each
            # "Paul et Zoé chacun douze mois et Yanis huit mois": a length said of several people counts for each
            bounds = [0] + [p.span[1] for p in periods]
            each = [holders(facts, bounds[i], p.span[0]) for i, p in enumerate(periods)]
            return _tutor_plan(facts, periods, each, notes)
        if len(periods) == 1 and not count_of(facts.text, "trainee"):
            count = holders(facts, 0, periods[0].span[0]) if periods[0].span[0] > 0 else 1
    if not periods:
        role = re.search(
            r"\b(?:je suis|j'ai ete|je serai|je vais etre|je deviens|j'encadre|j'accompagne)\b"
            r"[^.?!]{0,20}\b(?:tut|maitre|encadr|accompagn)",
            facts.folded,
        )
        if facts.personal and (facts.amount or (role and not facts.asks)) and not facts.general:
            return Plan("tutor_bonus", {}, ["missions"])
        return None
    if len(periods) == 1 and not count_of(facts.text, "trainee") and periods[0].span[0] > 0:
        # "tutrice de Léa et de Yanis, chacun du 1er janvier au 30 juin": the dated mission is each one's
        count = holders(facts, 0, periods[0].span[0])
    copies = [count] if len(periods) == 1 else _counts_per_period(facts, periods, "trainee")
    added = _added_missions(facts, periods)
    owners = period_owners(facts.text, [p.span for p in periods]) if len(periods) > 1 and not added else []
    if owners and all(o is not None for o in owners):
        # "Paul du 1er mars au 31 mai, Léa du 1er mars au 31 août": one trainee each, whatever was counted before;
        # "combien pour Paul ?" asks of his period alone
        copies = [1] * len(periods)
        asked = asked_owner(facts.text, asking_span(facts.text))
        at = index_of(asked, owners) if asked is not None else None
        if at is not None:
            periods, copies = [periods[at]], [1]
    return _tutor_plan(facts, periods + added, copies + [1] * len(added), notes)


# A mission said to be still running, and the premium asked as the one to come (art. 4.3: "versée en une seule fois à
# l'issue de la mission"); "à ce jour", "pour l'instant" ask the months so far, which today's date answers.
_UNFINISHED = re.compile(r"\bpas (?:encore )?(?:termine|fini|acheve)e?s?\b|\btoujours en cours\b|\bn'est pas finie?\b")
_TO_COME = re.compile(
    r"\b(?:touchera\w*|toucherai|va toucher|vais toucher|percevra\w*|percevrai|recevra\w*|recevrai|aura|aurai|"
    r"sera versee?|va percevoir|vais percevoir|au final|a la fin|en fin de mission|a l'issue)\b"
)
_SO_FAR = re.compile(r"\b(?:a ce jour|jusqu'ici|jusqu'a present|pour l'instant|pour le moment|aujourd'hui|a date)\b")


# The premium asked at the mission's end ("combien … à la fin ?"): the months of a mission running "depuis" a date
# are counted to its end, not to today (art. 4.3: "versée en une seule fois à l'issue de la mission de tutorat").
_AT_THE_END = re.compile(
    r"\b(?:a la fin|au final|en fin de mission|a l'issue|au terme|une fois (?:la mission )?finie?)\b"
)


def end_to_come(facts: Facts) -> bool:
    """Whether an ongoing mission's premium is asked as the one it will pay at its end, its end not said."""
    asked = asking_sentence(facts.folded)
    if _SO_FAR.search(facts.folded):
        return False
    return bool(_UNFINISHED.search(facts.folded) and _TO_COME.search(asked)) or bool(_AT_THE_END.search(asked))


# what a clause tells of tutoring: a mission, its trainee, the tutor's role
_TUTORING = re.compile(r"\b(?:tut\w*|accompagn\w*|alternan\w*|apprenti\w*|stagiaires?|missions?|encadr\w*|suivi\w*)\b")


def _seniority(facts: Facts, period: DateSpan) -> bool:
    """A length of service told as "depuis quinze ans" in a clause that says nothing of tutoring ("je suis
    technicienne à la Caf depuis douze ans"), beside the dated missions."""
    if period.kind != "since" or not re.search(r"\b(?:ans?|annees?)\b", facts.folded[period.span[0] : period.span[1]]):
        return False
    return not _TUTORING.search(clause_around(facts.folded, *period.span))


# "deux alternantes sur toute l'année 2026 et une troisième pendant dix mois": one more trainee, of her own length
_ADDED_BEFORE = re.compile(
    r"\b(?:une?|le|la|l')\s*(?:troisieme|deuxieme|seconde?|quatrieme|autre|nouvel(?:le)?|supplementaire)\b"
    r"(?: [a-z]+)?\s*(?:pendant|durant|sur|de|d'|pour)?\s*$"
)


def _added_missions(facts: Facts, periods: list[DateSpan]) -> list[DateSpan]:
    """The missions of trainees added by an ordinal after dated periods, each of the length said with it,
    starting when the first period does."""
    if not periods:
        return []
    added: list[DateSpan] = []
    for d in facts.durations:
        months = months_begun(d.months)
        if not 1 <= months <= 36 or not _ADDED_BEFORE.search(facts.folded[max(0, d.span[0] - 40) : d.span[0]]):
            continue
        if any(p.span[0] <= d.span[0] < p.span[1] for p in periods):
            continue
        start = periods[0].start
        added.append(DateSpan(start, add_months(start, months) - timedelta(days=1), "range", "day", d.text, d.span))
    return added


# "combien peut-elle en accepter ?", "combien de salariés peut-il suivre ?": a number of people asked
_PEOPLE_ASKED = re.compile(
    r"\bcombien\b[^?]{0,40}\ben (?:\w+ )?(?:accepter|accompagner|suivre|encadrer|prendre|tutorer|avoir|garder)\b"
    r"|\bcombien d(?:e |')(?:salarie|alternant|apprenti|stagiaire|tutore|personne|agent|jeune|etudiant)"
)
_BONUS_ASKED = re.compile(r"\b(?:points?|primes?|euros?|montant|toucher|touche|percevoir|paye\w*|verse\w*)\b|€")


def _asks_people(facts: Facts) -> bool:
    """Whether the asking sentence asks how many people a tutor may take, and nothing of the bonus."""
    asked = asking_sentence(facts.folded)
    return bool(_PEOPLE_ASKED.search(asked)) and not _BONUS_ASKED.search(asked)


def _tutor_plan(facts: Facts, periods: list[DateSpan], copies: list[int], notes: list[str]) -> Plan:
    """The tutor bonus's plan: one mission per period and per trainee counted with it."""
    missions = [
        {"start": p.start, "end": p.end, "trainees": 1} for p, n in zip(periods, copies, strict=True) for _ in range(n)
    ]
    if any(p.kind == "since" for p in periods):
        notes.append(f"Mission en cours : décompte arrêté au {format_date_fr(facts.today)}.")
    work = parse_work_time(facts.text)
    if work and work.part_time:
        notes.append("Temps partiel mentionné : la prime de tutorat n'est pas proratisée (art. 4.3).")
    arguments: dict[str, Any] = {"missions": missions, "as_of": facts.today}
    low = _low_length(facts, periods)
    if low is not None:
        arguments["months_low"] = low
    tutors = _tutors_each(facts)
    if tutors is not None:
        arguments["tutors"] = tutors
    return Plan("tutor_bonus", arguments, notes=notes)


def _people_each(role: str, others: str = "", acts: str = "") -> re.Pattern[str]:
    """ "mes 5 tuteurs ont chacun accompagné 3 alternants", "chacun de nos 4 tuteurs suit 2 apprentis", "quatre agents
    animent chacun une action": N people each with what is said (numbers in words are digits by then:
    `extraction.spelled`). People named by the role (`role`) hold it; people named otherwise (`others`: agents,
    colleagues) hold it only when their sentence has them act it (`acts`, never in the passive: "4 agents ont chacun
    été accompagnés" are trainees)."""
    team = r"(?:de |d')(?:nos |mes |ses |leurs |vos |les |ces )?"
    acting = rf"(?=[^.?!]*\b(?<!ete )(?<!j'ai )(?<!\bje )(?:{acts})\b)"
    said_otherwise = (
        rf"|\b(?P<o>\d{{1,3}}) (?:{others})\b{acting}[^.?!]{{0,60}}\bchacune?s?\b"
        rf"|\bchacune? {team}(?P<p>\d{{1,3}}) (?:{others})\b{acting}"
        if others
        else ""
    )
    return re.compile(
        rf"\b(?P<n>\d{{1,3}}) (?:{role})\b[^.?!]{{0,60}}\bchacune?s?\b"
        rf"|\bchacune? {team}(?P<m>\d{{1,3}}) (?:{role})\b" + said_otherwise
    )


_OTHERS = r"agents|collegues|collaborat(?:eurs|rices)|salaries|salariees|personnes"
# the active forms only ("ont chacun animé", "animent"): "animée" agrees with the action, done by someone else
_TRAINER_ACTS = r"(?:anim|dispens|assur)(?:e|ent|ait|aient|eront|ons)|donn(?:e|ent|ait|aient)|condui(?:t|sent|sait)"
# tutors by their role only: "mes 3 collègues ont chacun accompagné un alternant" is read as three missions already
# (the people counted as the missions' count), so counting them as tutors too would count each twice
_TUTORS_EACH = _people_each(r"tuteurs|tutrices")
_TRAINERS_EACH = _people_each(r"formateurs|formatrices|animat(?:eurs|rices)", _OTHERS, _TRAINER_ACTS)


def _tutors_each(facts: Facts, pattern: re.Pattern[str] = _TUTORS_EACH) -> int | None:
    """How many people each have the missions (or actions) said, when the message counts them and distributes
    ("chacun"): art. 4.3's cap is each tutor's, and art. 9.3's 7 points are due "pour chaque action"."""
    m = pattern.search(facts.folded)
    if m is None:
        return None
    n = int(next(g for g in m.groupdict().values() if g))
    return n if 2 <= n <= 1000 else None


def _low_length(facts: Facts, periods: list[DateSpan]) -> int | None:
    """The lower end of the one length the periods were built from, when it was said as a range ("une mission
    de 4 à 6 mois", "entre 2 et 3 mois"): the periods run for the upper end, the bonus is computed for both."""
    if len({(p.start, p.end) for p in periods}) != 1:
        return None
    length = next((d for d in facts.durations if d.span == periods[0].span), None)
    if length is None or length.low_months is None:
        return None
    low = months_begun(length.low_months)
    return low if 1 <= low < months_begun(length.months) else None


def _counts_per_period(facts: Facts, periods: list[DateSpan], noun: str) -> list[int]:
    """For several periods, the count said with each ("2 stagiaires de janvier à juin, puis 1 de
    septembre à décembre"; "de janvier à juin avec 2 apprentis, puis de septembre à décembre avec 3").

    When a count comes before the first period, each count announces the period that follows it;
    otherwise each count describes the period it follows. A period without a count has 1 trainee.
    """
    counts = [c for c in parse_counts(facts.text) if c.noun == noun]
    if _one_each(facts, periods, counts):
        return [1] * len(periods)
    bounds = [0] + [p.span[1] for p in periods]
    leading = any(c.span[0] < periods[0].span[0] for c in counts)
    result: list[int] = []
    for i, period in enumerate(periods):
        if leading:
            window = (bounds[i], period.span[0])
        else:
            window = (period.span[1], periods[i + 1].span[0] if i + 1 < len(periods) else len(facts.folded))
        inside = [c for c in counts if window[0] <= c.span[0] < window[1]]
        result.append(min(inside[-1 if leading else 0].value, 10) if inside else 1)
    return [max(1, n) for n in result]


# "le premier de janvier à juin, le second de juillet à décembre": each period is one of those counted.
_ORDINAL_BEFORE = (
    r"\b(?:(?:le|la|l')\s*(?:premiere?|1ere?|second|seconde|deuxieme|2e|troisieme|3e|autre|suivante?|dernier|"
    r"derniere)|l'une?|chacun(?:e)?|un autre|une autre)\b[^.?!;:]{0,12}$"
)


def _one_each(facts: Facts, periods: list[DateSpan], counts: list[Count]) -> bool:
    """Whether a count announced once before the periods is their total, one per period ("deux alternants :
    le premier de janvier à juin, le second de juillet à décembre"), rather than each period's count."""
    before = [c for c in counts if c.span[0] < periods[0].span[0]]
    if len(before) != 1 or len(counts) != 1 or before[0].value != len(periods):
        return False
    return all(re.search(_ORDINAL_BEFORE, facts.folded[max(0, p.span[0] - 30) : p.span[0]]) for p in periods)


def _periods_from_duration(facts: Facts, notes: list[str]) -> list[DateSpan]:
    """A period built from "pendant 5 mois", "sur 3 mois", "la mission dure 10 mois" (anchored on a
    start date when one is given)."""
    lead = (
        r"\b(?:pendant|durant|pour|(?:dure|durera|durait|a dure|va durer)(?: environ)?|"
        r"(?:tutorat|mission|tutelle|accompagnement|action|formation|session|tuteur|tutrice) "
        r"(?:de|d'une duree de|d(?='))"
        # "sur 3 mois" also frames a rule ("combien d'alternants sur 6 mois ?"): a length only when a
        # figure of the bonus is asked
        + (r"|sur" if facts.amount and not _COUNT_ASKED.search(facts.folded) else "")
        # "n'a duré que deux semaines", "dure seulement trois mois": the length restricted is still its length
        + r")(?: |')(?:environ |presque |plus de |que |qu'|seulement |a peine )?$"
    )
    candidates = [d for d in outside_dates(facts, facts.durations) if d.months]
    months = [d for d in candidates if re.search(lead, facts.folded[max(0, d.span[0] - 40) : d.span[0]])]
    several = several_lengths(facts, candidates)
    if several:  # "Julie sur 2 mois, Ahmed sur 3 mois", "de 1, 3 et 2 mois", "l'une sur deux mois, l'autre sur cinq"
        return _one_period_each(facts, several, notes)
    # "14 mois de tutorat", "3 mois de mission cumulés": the length is bound to the activity it measures,
    # so a cap asked next to it ("c'est plafonné à combien ?") does not make it a threshold
    bound = [d for d in candidates if re.match(_OF_THE_ACTIVITY, facts.folded[d.span[1] :])]
    capped = re.search(r"\b(?:maxim\w*|plafon\w*|au plus)\b", facts.folded)
    if bound and facts.amount:
        months = bound
    elif capped:
        return []
    if not months or facts.general:
        return []
    period = _anchored(facts, months[0], notes)
    return [period] if period is not None else []


def _anchored(facts: Facts, duration: Duration, notes: list[str]) -> DateSpan | None:
    """A length placed in the calendar: from the start date given, else from next month for a period to
    come ("je vais être tuteur pendant 5 mois"), else ending before this month."""
    length = max(1, months_begun(duration.months or 1))
    if length > 600:
        return None
    starts = [d for d in facts.dates if d.kind in ("from", "point", "since")]
    try:  # a start near year 9999 ("à partir du 01/03/9999") has no end in the calendar: no period
        if starts and starts[0].kind == "point" and _said_to_end(facts, starts[0]):
            # "une mission de quatre mois qui se termine en mars 2028": the length runs up to that date
            end = starts[0].end
            start = add_months(end + timedelta(days=1), -length)
            return DateSpan(start, end, "range", "day", duration.text, duration.span)
        if starts:
            start = starts[0].start
        elif re.search(r"\b(?:vais|serai|sera|prochain\w*)\b", facts.folded):
            start = add_months(facts.today.replace(day=1), 1)
        else:
            start = add_months(facts.today.replace(day=1), -length)
            notes.append(f"Dates non précisées : période de {length} mois civils retenue, close avant ce mois-ci.")
        end = add_months(start, length) - timedelta(days=1)
    except CalcError:
        return None
    return DateSpan(start, end, "range", "day", duration.text, duration.span)


# a date a period ends on ("si je termine … en mars", "qui s'achèvera fin juin", "jusqu'en mai"), not its start
_ENDS_AT = re.compile(
    r"\b(?:termin\w*|fini\w*|finir\w*|achev\w*|clotur\w*|(?:prend(?:ra)?|pris) fin|s'arret\w*|cesse\w*|"
    # "s'est arrêtée", "a été arrêtée": the participle after its auxiliary (the noun "arrêté" is an order)
    r"(?:est|a ete|sont|ont ete|etait|s'est|se sont|s'etait) arretee?s?|jusqu'(?:au|a|en)|echeance)\b"
)
_STARTS_AT = re.compile(r"\b(?:commenc\w*|debut\w*|demarr\w*|a partir|a compter|des le|depuis)\b")


def _said_to_end(facts: Facts, point: DateSpan) -> bool:
    """Whether the clause of a lone date says the period ends then, and nothing says it starts then."""
    clause = clause_around(facts.folded, *point.span)
    return bool(_ENDS_AT.search(clause)) and not _STARTS_AT.search(clause)


def _said_to_start(facts: Facts, point: DateSpan) -> bool:
    """Whether the clause of a lone date says the period starts then ("dès le 2 février", "à partir du 1er mars")."""
    clause = clause_around(facts.folded, *point.span)
    return bool(_STARTS_AT.search(clause)) and not _ENDS_AT.search(clause)


def _one_period_each(facts: Facts, lengths: list[Duration], notes: list[str]) -> list[DateSpan]:
    """One period per length, each anchored as a single length is (on a start date when one is given,
    else ending before this month): the months of each action or mission are counted on their own."""
    if facts.general:
        return []
    periods = [p for p in (_anchored(facts, length, []) for length in lengths) if p is not None]
    if len(periods) != len(lengths):
        return []
    listed = ", ".join(f"{months_begun(d.months)} mois" for d in lengths)
    notes.append(f"Dates non précisées : {len(lengths)} périodes distinctes ({listed}), chacune comptée à part.")
    return periods


_OF_THE_ACTIVITY = (
    r"\s*(?:(?:cumul\w*|au total|en tout) )?d(?:e |')(?:tutorat|tutelle|mission|accompagnement|encadrement)\b"
)
_SUMMED = r"\bcumul\w*|\bau total\b|\ben tout\b|\bsomme\b"


def plan_trainer_bonus(facts: Facts) -> Plan | None:
    """Trainer bonus (avenant 2022, art. 9.3): one action per dated period, or per counted action.

    A lone end date ("formation terminée le 15 novembre") is an action of that day: the payment
    month depends only on the end, and a note says the start was not given.
    """
    periods = dated_periods(facts)
    notes = year_notes(facts.dates)
    if not periods:
        ends = [d for d in facts.dates if d.kind == "point" and d.precision == "day"]
        ended = _length_to_end(facts, ends)
        started = (
            _periods_from_duration(facts, notes)
            if len(ends) == 1 and _said_to_start(facts, ends[0]) and ended is None
            else []
        )
        if ended is not None:  # "une action de deux mois terminée le 31 mai": the length runs up to that end
            periods = [ended]
        elif started:  # "pendant trois mois dès le 2 février": the length runs from that day
            periods = started
        elif ends:
            periods = ends
            notes.append("Date de début non précisée : chaque action est comptée sur le mois de sa fin.")
        else:
            periods = _periods_from_duration(facts, notes)
    if not periods:
        if facts.personal and facts.amount and not facts.general:
            return Plan("trainer_bonus", {}, ["actions"])
        return None
    count = count_of(facts.text, "action") or 1
    trainers = _tutors_each(facts, _TRAINERS_EACH)
    copies = count if len(periods) == 1 else 1
    if trainers is not None and len(periods) == 1:
        # "quatre agents animent chacun une action en mars": one action per trainer, all counted (art. 9.3)
        copies *= trainers
        notes.append(f"{trainers} formateurs, chacun avec l'action (ou les actions) indiquée(s) : total pour l'équipe.")
    actions = [{"start": p.start, "end": p.end} for p in periods for _ in range(copies)]
    arguments: dict[str, Any] = {"actions": actions}
    low = _low_length(facts, periods)
    if low is not None:
        arguments["months_low"] = low
    return Plan("trainer_bonus", arguments, notes=notes)


# "une action de deux mois terminée le 31 mai", "formation de 3 mois achevée le 15 juin": a length of the action
# and the day it ended, so the action is that many months up to that day
_ENDED = r"\b(?:termin|achev|fini|clotur|clos|acheve)\w*\b[^.?!;]{0,12}$"
_LENGTH_OF_ACTION = r"\b(?:action|formation|session|module|animation)s? (?:de|d'une duree de|sur) (?:environ )?$"


def _length_to_end(facts: Facts, ends: list[DateSpan]) -> DateSpan | None:
    """One action of a stated length ending on the one end date given, or None."""
    if len(ends) != 1 or not re.search(_ENDED, facts.folded[max(0, ends[0].span[0] - 30) : ends[0].span[0]]):
        return None
    lengths = [
        d
        for d in facts.durations
        if d.months and re.search(_LENGTH_OF_ACTION, facts.folded[max(0, d.span[0] - 30) : d.span[0]])
    ]
    if len(lengths) != 1 or not 1 <= months_begun(lengths[0].months) <= 36:
        return None
    end = ends[0].end
    start = add_months(end + timedelta(days=1), -months_begun(lengths[0].months))
    return DateSpan(start, end, "range", "day", lengths[0].text, lengths[0].span)
