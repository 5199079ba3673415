"""Readers around obtaining a certification: professionalisation contract, CQP grades and training path.

The professionalisation pay switch turns on the certification date and level, the CQP on its five
exam grades, the CQP training path on its first and last days; each reader finds those figures and
asks for the ones that are missing.
"""

from __future__ import annotations

import re
from typing import Any

from assistant.routing import calculator_vocabulary
from assistant.routing.calculator_inputs.facts import Facts, Plan, near, not_threshold, outside_claims, year_notes
from assistant.routing.extraction.grades import parse_grades
from assistant.routing.extraction.quantities import Duration
from calculators.numbers import format_number
from calculators.training_path import PASS_HOURS, PREMSS_HOURS


def plan_professionalisation(facts: Facts) -> Plan | None:
    """Contrat de professionnalisation (art. 3.6): the targeted level and the certification date."""
    points = [
        d
        for d in facts.dates
        if d.kind in ("point", "from")
        and d.precision in ("day", "month")
        and near(facts, d.span, _CERTIFICATION_WORDS, before=80, after=40)
    ]
    if not points and re.search(_CERTIFICATION_WORDS, facts.folded):
        # "il a eu sa certification …, à partir de quand …, le 20 novembre ?": the one date of the message
        # is the certification's unless it is said to be another event's (hire, start, end of contract)
        alone = [d for d in facts.dates if d.kind in ("point", "from") and d.precision in ("day", "month")]
        if len(alone) == 1 and not near(facts, alone[0].span, _OTHER_EVENT, before=40):
            points = alone
    level = re.search(r"\bniveau ([1-9])\b", outside_claims(facts))  # not a level a quoted source claims
    level_kind_unclear = bool(level and _certification_level(facts, level))
    if level_kind_unclear:
        level = None
    contract_months = [
        d for d in facts.durations if d.unit in ("month", "year") and near(facts, d.span, r"\bcontrat", before=40)
    ]
    arguments: dict[str, Any] = {}
    if points:
        arguments["certification_date"] = points[0].start
    if level and (facts.personal or points):
        arguments["target_level"] = int(level.group(1))
    if contract_months and arguments:
        arguments["months"] = round(contract_months[0].months or 0)
    if level_kind_unclear:  # "un CQP de niveau 5": RNCP level or classification level (art. 3.6)?
        return Plan("professionalisation_contract", arguments, ["level_kind"], notes=year_notes(points))
    if arguments:
        return Plan("professionalisation_contract", arguments, notes=year_notes(points))
    if not (facts.personal and facts.asks) or facts.general:
        return None
    if re.search(r"\b(?:quand|a partir de|date|cadre conventionnel|certification|obten\w*|obtiendr\w*)", facts.folded):
        return Plan("professionalisation_contract", {}, ["certification_date"])
    if re.search(r"\b(?:remuner\w*|paye|payee|salaire|coefficient)\b", facts.folded):
        return Plan("professionalisation_contract", {}, ["target_level"])
    return None


def _certification_level(facts: Facts, level: re.Match[str]) -> bool:
    """Whether "niveau N" qualifies a certification (an RNCP level: "un CQP de niveau 5", "BTS niveau 5")
    rather than the classification of the job aimed at, which is what article 3.6 speaks of."""
    before = facts.folded[max(0, level.start() - 30) : level.start()]
    after = facts.folded[level.end() : level.end() + 20]
    if re.search(r"\bclassification|\bcoefficient|\bemploi|\bposte\b", facts.folded):
        return False
    return bool(
        re.search(r"\b(?:cqp|diplome|titre|certification|bts|dut|but|licence|master|bac)\b[^.?!,;]*$", before)
        or re.match(r"\s*(?:du )?rncp\b", after)
    )


_OTHER_EVENT = r"\b(?:embauch\w*|recrut\w*|arriv\w*|debut\w*|commenc\w*|sign\w*|entree?|fin du contrat|termine\w*)\b"
_CERTIFICATION_WORDS = (
    r"\b(?:certif\w*|diplome|qualification|cqp|titre|obten\w*|obtien\w*|obtiendr\w*|reussi\w*|decroch\w*|admise?|"
    r"examen|jury|valid\w*)"
)


def plan_cqp_certification(facts: Facts) -> Plan | None:
    """CQP certification: the grades given and whether Pass was followed; the missing grades are asked by
    name unless what is known decides (Pass not followed, an eliminatory grade: `cqp_certification`)."""
    grades = parse_grades(facts.text)
    arguments: dict[str, Any] = dict(grades)
    if re.search(r"\b(?:pas|jamais|sans)\b[^.?!]{0,20}\bpass\b", facts.folded):
        arguments["pass_completed"] = False
    elif re.search(
        r"\bpass\b[^.?!]{0,15}\b(?:suivi|valide|fait)|\b(?:suivi|valide|fait)\b[^.?!]{0,20}\bpass\b",
        facts.folded,
    ):
        arguments["pass_completed"] = True
    if not grades and arguments.get("pass_completed") is not False:
        if facts.personal and re.search(r"\b(?:certifie\w*|reussi|admis|obtenu|mes notes|moyenne)\b", facts.folded):
            return Plan("cqp_certification", {}, ["grades"])
        return None
    missing = [key for key in calculator_vocabulary.GRADE_LABELS if key not in grades]
    return Plan("cqp_certification", arguments, missing)


def plan_cqp_grades(facts: Facts) -> Plan | None:
    """A question routed to the CQP in general that states grades (or Pass not followed): the certification
    calculator, which decides as soon as an eliminatory grade or the missing Pass does; never a question
    back, since the CQP's own questions are answered from the texts."""
    plan = plan_cqp_certification(facts)
    return plan if plan is not None and plan.arguments else None


# One part of the common path alone: "Prem'ss seul", "uniquement le Pass", "hors Pass", "le Pass déjà pris en charge"
_PREMSS = r"prem'?ss"
_PASS = r"pass(?: formation)?"
_ALONE_AFTER = r"(?: \w+)? (?:seule?|uniquement|seulement)\b"
_ALONE_BEFORE = r"\b(?:seule?|uniquement|seulement|que) (?:le |la |l')?"
_EXCLUDED_BEFORE = r"\b(?:hors|sans|sauf|excepte) (?:le |la |l')?"
_ALREADY_AFTER = (
    r"(?: (?:a|est|etait|avait))? (?:deja|ayant ete) (?:ete )?(?:pris\w* en charge|financ\w*|pay\w*|fait|suivi|realise)"
)


def _one_part_only(folded: str) -> tuple[str, int] | None:
    """The one part of the common path (circular IX: Pass 40 h, PREM'SS 61 h) a funding question is about, when
    the message says that part alone or the other one excluded or already funded; else None."""
    parts = (("PREM'SS", _PREMSS, _PASS, PREMSS_HOURS), ("Pass", _PASS, _PREMSS, PASS_HOURS))
    for name, own, other, part_hours in parts:
        if re.search(rf"\b{own}\b{_ALONE_AFTER}|{_ALONE_BEFORE}{own}\b", folded) or re.search(
            rf"{_EXCLUDED_BEFORE}{other}\b|\b{other}\b{_ALREADY_AFTER}", folded
        ):
            return name, part_hours
    return None


def plan_training_path(facts: Facts) -> Plan | None:
    """CQP training path: first Prem'ss day and end date (two-year span), hours to fund at 12 €/h."""
    arguments: dict[str, Any] = {}
    notes: list[str] = []
    for d in facts.dates:
        if d.precision == "year" and d.kind != "range":
            # "En 2013, nous demandions le financement …": a year alone is when something happened (the funding
            # year of circular IX), not a first day of PREM'SS to count the two years of circular IV from
            continue
        if d.kind == "range":
            arguments.setdefault("first_premss_day", d.start)
            arguments.setdefault("end_date", d.end)
        elif near(facts, d.span, r"\b(?:fin|termin\w*|finir|finirai|achev\w*|examen|jusqu)", before=40):
            arguments.setdefault("end_date", d.start)
        else:
            arguments.setdefault("first_premss_day", d.start)
    # "pris en charge", "prenait-il en charge", "financé", "12 €": a funding asked or stated (€ has no word boundary)
    funding = re.search(
        r"\b(?:pris\w* en charge|pren\w*(?:-\w+)? en charge|financ\w*|rembours\w*|cout\w*|euros?)|€", facts.folded
    )
    hours = [d for d in not_threshold(facts, facts.durations) if d.unit == "hour"]
    notes += year_notes(facts.dates)
    only = _one_part_only(facts.folded)
    if funding and not hours and only is not None:
        # "Pass déjà pris en charge, Prem'ss seul au maximum d'heures": the part asked, at its national maximum
        name, part_hours = only
        arguments["hours"] = part_hours
        notes.append(f"Seule la partie {name} est à financer : {part_hours} heures (durée maximale nationale).")
    if hours and funding:
        listed = listed_parts(facts.folded, hours)
        arguments["hours"] = sum(d.value for d in listed)
        if len(listed) > 1:  # "(46 h en centre, 14 h d'applications, 1 h d'évaluation)": the item's parts
            parts = " + ".join(format_number(d.value) for d in listed)
            notes.append(f"Heures additionnées : {parts} = {format_number(arguments['hours'])} heures.")
    if arguments:
        return Plan("training_path_hours", arguments, notes=notes)
    if (
        funding
        and facts.asks
        and re.search(rf"\b(?:{_PREMSS}|{_PASS}|parcours)\b", facts.folded)
        and not re.search(r"\b(?:combien|nombre) d'heures\b", facts.folded)  # hours asked: the text's durations
    ):
        # "En 2013, à 12 € de l'heure, combien pour Pass et Prem'ss ?": the common part's funding needs no figure of
        # the user's (circular IX: the national maximum durations at 12 €/h), the year said being the funding's; the
        # hours are given, as a plan without arguments is no case told (`router`)
        notes.append(f"Partie commune : Pass {PASS_HOURS} h + PREM'SS {PREMSS_HOURS} h (durées maximales nationales).")
        return Plan("training_path_hours", {"hours": PASS_HOURS + PREMSS_HOURS}, notes=notes)
    if (
        facts.personal
        and facts.asks
        and not facts.general
        # "jusqu'à quelle date mon parcours peut-il s'étendre ?": its last day, which its first Prem'ss day decides
        and re.search(
            r"\b(?:amplitude|jusqu'a quand|jusqu'a quelle date|date limite|finir|terminer|s'etendre)\b", facts.folded
        )
    ):
        return Plan("training_path_hours", {}, ["first_premss_day"])
    return None


def listed_parts(folded: str, lengths: list[Duration]) -> list[Duration]:
    """The first length and those listed after it as parts of the same thing: "46 h en centre, 14 h
    d'applications tutorées, 1 h d'évaluation", "20 h sur place et 10 h à distance" — only a short label and a
    list separator (a comma, "et", "+") right before the next length, no sentence or clause break."""
    listed = lengths[:1]
    for d in lengths[1:]:
        gap = folded[listed[-1].span[1] : d.span[0]]
        # the separator right before the next length: "…, la convention affiche 61 heures" sets two sources'
        # figures side by side, it lists no parts
        # "Pass (40 h) et Prem'ss (46 h de cours, …)": each part's hours in brackets after its short name
        bracketed = re.fullmatch(r"\)\s*(?:,|\bet\b|\+)\s*[\w' ]{1,20}\(\s*", gap)
        if not bracketed and (
            len(gap) > 45 or re.search(r"[.?!;:()]", gap) or not re.search(r"(?:,|\bet\b|\+)\s*$", gap)
        ):
            break
        listed.append(d)
    return listed


# The first day of the CQP path: Prem'ss (the interbranch common core) or the path's own start.
_PATH_START = (
    r"\bprem'?\s?ss\b|\btronc commun\b|\bpremier jour\b|\b(?:debut\w*|demarr\w*|commenc\w*|entree?) "
    r"(?:du |de (?:la |mon |ma |son |sa )?|en |(?:le|la|mon|ma|son|sa) )?(?:parcours|formation|cursus)\b"
    # "ma formation CQP … a démarré le 14 septembre"
    r"|\b(?:parcours|formation|cursus)\b[^.?!;]{0,40}\b(?:a|ont|avait|aura) (?:debute|demarre|commence)\b"
)


def plan_path_from_start(facts: Facts) -> Plan | None:
    """A CQP question that gives the path's first day ("Prem'ss démarré le 2 février : jusqu'à quand pour
    finir ?"): the training path calculator applies the two-year span to it (circulaire, part IV) rather
    than quoting the span. Dates said of anything else leave the question to the CQP's own readers."""
    started = [
        d
        for d in facts.dates
        if d.precision in ("day", "month") and near(facts, d.span, _PATH_START, before=50, after=40)
    ]
    if not started or facts.general:
        return None
    return plan_training_path(facts)
