"""Certification of the CQP gestionnaire conseil de la sécurité sociale (circular, section V).

Five grades out of 20 with coefficients 1, 1, 3, 3, 2 (continuous assessment of the common core and of
the option, written exam, oral exam, tutored professional applications) make a total out of 200. A
candidate is certified with an average of at least 10/20 (100/200), no eliminatory grade (6 or less
in the written or the oral exam), and the Pass training followed. The national joint jury (CPNEFP)
delivers the CQP; this is the arithmetic, not the jury's decision.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from calculators import references as ref
from calculators.conditions import Condition, all_of
from calculators.numbers import Number, format_number, plain, to_decimal
from calculators.result import CalcError, CalcResult

MAX_GRADE = Decimal(20)
PASS_AVERAGE = Decimal(10)
ELIMINATORY = Decimal(6)
TOTAL_POINTS = 200


@dataclass(frozen=True)
class Exam:
    """One line of the circular's table."""

    key: str
    label: str
    coefficient: int
    eliminatory: bool


EXAMS = (
    Exam("continuous_common", "contrôle continu tronc commun", 1, False),
    Exam("continuous_option", "contrôle continu option", 1, False),
    Exam("written", "épreuve écrite", 3, True),
    Exam("oral", "épreuve orale", 3, True),
    Exam("tutored", "applications professionnelles tutorées", 2, False),
)


def exact_number(value: Decimal) -> str:
    """A figure with all its decimals (up to 6): 9,995 stays 9,995, never rounded up to 10."""
    exponent = value.normalize().as_tuple().exponent
    decimals = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    return format_number(value, min(max(decimals, 2), 6))


def cqp_certification(
    continuous_common: Number | None = None,
    continuous_option: Number | None = None,
    written: Number | None = None,
    oral: Number | None = None,
    tutored: Number | None = None,
    pass_completed: bool | None = None,
) -> CalcResult:
    """Total out of 200, average and certification verdict, deciding with the grades that are known.

    An eliminatory grade (written or oral ≤ 6) fails the candidate whatever the others; so does an
    average that cannot reach 10/20 even with 20/20 in the missing exams. The Pass is assumed followed
    unless said otherwise (a warning says so).
    """
    given = (continuous_common, continuous_option, written, oral, tutored)
    grades = {e.key: (None if g is None else to_decimal(g)) for e, g in zip(EXAMS, given, strict=True)}
    for exam in EXAMS:
        grade = grades[exam.key]
        if grade is not None and (not grade.is_finite() or not 0 <= grade <= MAX_GRADE):
            raise CalcError(f"Note invalide pour {exam.label} : {format_number(grade)}/20. Les notes vont de 0 à 20.")
    absent = [e for e in EXAMS if grades[e.key] is None]
    steps = [
        "Circulaire, V : coefficients 1 (contrôle continu tronc commun), 1 (contrôle continu option), 3 "
        "(écrit), 3 (oral), 2 (applications tutorées), total sur 200 ; certification avec une moyenne d'au "
        "moins 10/20 sans note éliminatoire (écrit ou oral ≤ 6) et après avoir suivi Pass formation.",
    ]
    total = Decimal(0)
    for exam in EXAMS:
        grade = grades[exam.key]
        if grade is None:
            steps.append(f"{exam.label.capitalize()} : note non indiquée (coefficient {exam.coefficient}).")
            continue
        points = grade * exam.coefficient
        total += points
        steps.append(
            f"{exam.label.capitalize()} : {exact_number(grade)}/20 × {exam.coefficient} = {exact_number(points)}."
        )
    divisor = TOTAL_POINTS // 20
    best = total + sum(MAX_GRADE * e.coefficient for e in absent)
    average = total / divisor
    if absent:
        steps.append(
            f"Notes connues : {exact_number(total)} points ; avec les notes manquantes, le total sera compris "
            f"entre {exact_number(total)} et {exact_number(best)} sur {TOTAL_POINTS}."
        )
    else:
        steps.append(f"Total : {exact_number(total)}/{TOTAL_POINTS}, soit une moyenne de {exact_number(average)}/20.")
    eliminated = [e for e in EXAMS if e.eliminatory and (g := grades[e.key]) is not None and g <= ELIMINATORY]
    warnings = [
        "Résultat indicatif : le CQP est délivré par le jury national paritaire (CPNEFP), après avis du "
        "jury local ; le règlement des CQP s'applique."
    ]
    reasons = []
    for exam in eliminated:
        grade_text = exact_number(grades[exam.key] or Decimal(0))
        reasons.append(f"note éliminatoire à l'{exam.label}, {grade_text}/20 ≤ 6")
        steps.append(
            f"{exam.label.capitalize()} : {grade_text}/20 ≤ 6 → note éliminatoire, quelles que soient les autres notes."
        )
    no_elimination = [
        Condition.unknown(e.key) if grades[e.key] is None else Condition.known(e not in eliminated)
        for e in EXAMS
        if e.eliminatory
    ]
    absent_keys = tuple(e.key for e in absent)
    if total >= PASS_AVERAGE * divisor:
        mean_ok = Condition(True)
    elif best < PASS_AVERAGE * divisor:
        mean_ok = Condition(False)
        if absent:
            ceiling = exact_number(best / divisor)
            reasons.append(f"même avec 20/20 aux épreuves manquantes, la moyenne ne dépasserait pas {ceiling}/20")
        else:
            reasons.append(f"moyenne de {exact_number(average)}/20 inférieure à 10/20")
    else:
        mean_ok = Condition(None, absent_keys)
    if pass_completed is False:
        reasons.append("Pass formation non suivi")
    elif pass_completed is None:
        warnings.append("Condition à vérifier : avoir suivi Pass formation (supposé suivi dans ce calcul).")
    verdict = all_of(*no_elimination, mean_ok, Condition.known(pass_completed is not False))
    score = f"{exact_number(total)}/{TOTAL_POINTS}"
    if verdict.holds and absent:
        summary = (
            f"Certifié quelles que soient les notes manquantes : les notes connues donnent déjà {score}, soit "
            f"une moyenne d'au moins {exact_number(average)}/20, sans note éliminatoire."
        )
    elif verdict.holds:
        summary = (
            f"Certifié : {score}, soit une moyenne de {exact_number(average)}/20 (au moins 10/20), sans "
            "note éliminatoire."
        )
    elif verdict.holds is False:
        summary = f"Non certifié : {' ; '.join(reasons)}" + (f" (total {score})." if not absent else ".")
    elif len(absent) == len(EXAMS):  # no grade yet: the rule itself (circular, V)
        summary = (
            "Certification du CQP : une moyenne d'au moins 10/20 (total sur 200, coefficients 1, 1, 3, 3 et 2), "
            "aucune note éliminatoire (6/20 ou moins à l'écrit ou à l'oral) et Pass formation suivi."
        )
    else:
        summary = (
            "Résultat à confirmer : avec les notes connues, aucune n'est éliminatoire et la moyenne de 10/20 "
            "reste atteignable."
        )
    return CalcResult(
        name="cqp_certification",
        value=None if absent else plain(total),
        unit=f"points sur {TOTAL_POINTS}",
        summary=summary,
        formula=(
            "total = TC×1 + option×1 + écrit×3 + oral×3 + tutorées×2 (sur 200) ; moyenne ≥ 10/20, écrit et oral > 6"
        ),
        steps=steps,
        references=[ref.CQP_CERTIFICATION],
        warnings=warnings,
        certified=verdict.holds,
        details={
            "total": None if absent else plain(total),
            "average": None if absent else plain(average),
            "eliminatory": [e.key for e in eliminated],
            "pass_completed": pass_completed,
            "known_points": plain(total),
            "best_possible_points": plain(best),
        },
        missing=list(verdict.needs),
        verdict="certified",
    )
