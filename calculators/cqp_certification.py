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


def cqp_certification(
    continuous_common: Number,
    continuous_option: Number,
    written: Number,
    oral: Number,
    tutored: Number,
    pass_completed: bool | None = None,
) -> CalcResult:
    """Total out of 200, average and certification verdict of the CQP gestionnaire conseil."""
    grades = dict(
        zip(
            (e.key for e in EXAMS),
            (to_decimal(g) for g in (continuous_common, continuous_option, written, oral, tutored)),
            strict=True,
        )
    )
    for exam in EXAMS:
        grade = grades[exam.key]
        if not grade.is_finite() or not 0 <= grade <= MAX_GRADE:
            raise CalcError(f"Note invalide pour {exam.label} : {format_number(grade)}/20. Les notes vont de 0 à 20.")
    steps = [
        "Circulaire, V : coefficients 1 (contrôle continu tronc commun), 1 (contrôle continu option), 3 "
        "(écrit), 3 (oral), 2 (applications tutorées), total sur 200 ; certification avec une moyenne d'au "
        "moins 10/20 sans note éliminatoire (écrit ou oral ≤ 6) et après avoir suivi Pass formation.",
    ]
    total = Decimal(0)
    for exam in EXAMS:
        points = grades[exam.key] * exam.coefficient
        total += points
        steps.append(
            f"{exam.label.capitalize()} : {format_number(grades[exam.key])}/20 × {exam.coefficient} = "
            f"{format_number(points)}."
        )
    average = total / (TOTAL_POINTS // 20)
    steps.append(f"Total : {format_number(total)}/{TOTAL_POINTS}, soit une moyenne de {format_number(average)}/20.")
    eliminated = [e for e in EXAMS if e.eliminatory and grades[e.key] <= ELIMINATORY]
    warnings = [
        "Résultat indicatif : le CQP est délivré par le jury national paritaire (CPNEFP), après avis du "
        "jury local ; le règlement des CQP s'applique."
    ]
    reasons = []
    for exam in eliminated:
        reasons.append(f"note éliminatoire à l'{exam.label}, {format_number(grades[exam.key])}/20 ≤ 6")
        steps.append(f"{exam.label.capitalize()} : {format_number(grades[exam.key])}/20 ≤ 6 → note éliminatoire.")
    if average < PASS_AVERAGE:
        reasons.append(f"moyenne de {format_number(average)}/20 inférieure à 10/20")
    if pass_completed is False:
        reasons.append("Pass formation non suivi")
    elif pass_completed is None:
        warnings.append("Condition à vérifier : avoir suivi Pass formation (supposé suivi dans ce calcul).")
    certified = not reasons
    score = f"{format_number(total)}/{TOTAL_POINTS}"
    if certified:
        summary = (
            f"Certifié : {score}, soit une moyenne de {format_number(average)}/20 (au moins 10/20), sans "
            "note éliminatoire."
        )
    else:
        summary = f"Non certifié : {' ; '.join(reasons)} (total {score})."
    return CalcResult(
        name="cqp_certification",
        value=plain(total),
        unit=f"points sur {TOTAL_POINTS}",
        summary=summary,
        formula=(
            "total = TC×1 + option×1 + écrit×3 + oral×3 + tutorées×2 (sur 200) ; moyenne ≥ 10/20, écrit et oral > 6"
        ),
        steps=steps,
        references=[ref.CQP_CERTIFICATION],
        warnings=warnings,
        certified=certified,
        details={
            "total": plain(total),
            "average": plain(average),
            "eliminatory": [e.key for e in eliminated],
            "pass_completed": pass_completed,
        },
    )
