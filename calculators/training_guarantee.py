"""Garantie individuelle d'accès à la formation (protocole du 19 décembre 2019, art. 8).

Every employee present who has had no training for 4 years is guaranteed one, which takes place within
the year following those 4 years: the guarantee opens 4 years after the last training and the training
must happen before the 5th anniversary. The result says where the employee stands on a given date.

An employee never trained counts from the hire date (issue 15, point 7): the four years "sans
formation" run from the day they joined. Anniversaries of 29 February fall on 1 March in a common
year (`calculators.dates.anniversary`), as everywhere a period counts in years.
"""

from __future__ import annotations

from datetime import date

from calculators import references as ref
from calculators.dates import anniversary, format_date_fr
from calculators.result import CalcError, CalcResult

YEARS_WITHOUT_TRAINING = 4
YEARS_TO_DELIVER = 1
ARTICLE = (
    "Article 8 : « Le bénéfice d'une formation est ainsi garanti à tous les salariés présents qui n'en "
    "auraient pas suivi depuis 4 ans. Celle-ci intervient dans l'année suivant cette période de 4 ans. »"
)


def training_guarantee(
    last_training: date | None = None, as_of: date | None = None, hire_date: date | None = None
) -> CalcResult:
    """When the guarantee opens, the deadline for the training, and whether it has passed on `as_of`.

    Without a last training, the hire date is the start (never trained since hired); without either,
    the result names the last training as missing.
    """
    today = as_of or date.today()
    if last_training is None and hire_date is None:
        return CalcResult(
            name="training_guarantee",
            value=None,
            unit="date",
            summary=(
                "Garantie individuelle d'accès à la formation : une formation doit intervenir dans l'année "
                "qui suit 4 ans sans formation. Indiquez la date de votre dernière formation (ou, si vous "
                "n'en avez jamais suivi, votre date d'embauche)."
            ),
            formula="échéance = dernière formation (ou embauche) + 4 ans + 1 an",
            steps=[ARTICLE],
            references=[ref.TRAINING_GUARANTEE],
            details={"as_of": today},
            missing=["last_training"],
            verdict="eligible",
        )
    if hire_date is not None and hire_date > today and last_training is not None:
        raise CalcError(
            f"La date d'embauche ({format_date_fr(hire_date)}) est postérieure à la date de référence "
            f"({format_date_fr(today)}) : une formation suivie avant n'est pas à compter."
        )
    if last_training is not None and hire_date is not None and last_training < hire_date:
        last_training = hire_date  # a training before the hire does not count in this organisation
    start = last_training if last_training is not None else hire_date
    assert start is not None
    # A hire still to come ("embauché au 4 janvier 2027") is counted from that day: the guarantee is not open.
    if start > today and last_training is not None:
        raise CalcError(
            f"La dernière formation ({format_date_fr(start)}) est postérieure à la date de "
            f"référence ({format_date_fr(today)})."
        )
    opens = anniversary(start, YEARS_WITHOUT_TRAINING)
    deadline = anniversary(start, YEARS_WITHOUT_TRAINING + YEARS_TO_DELIVER)
    origin = (
        f"Dernière formation : {format_date_fr(start)}."
        if last_training is not None
        else f"Aucune formation suivie : décompte depuis l'embauche, le {format_date_fr(start)}."
    )
    since = (
        f"depuis le {format_date_fr(start)}"
        if last_training is not None
        else f"depuis votre embauche le {format_date_fr(start)}"
    )
    last_training = start
    steps = [
        ARTICLE,
        origin,
        f"Fin de la période de 4 ans sans formation : {format_date_fr(opens)}.",
        f"Formation à réaliser dans l'année suivante, donc avant le {format_date_fr(deadline)}.",
    ]
    if today < opens:
        status = "not_open"
        steps.append(f"Au {format_date_fr(today)}, la garantie n'est pas encore ouverte.")
        summary = (
            f"Sans nouvelle formation, la garantie s'ouvrira le {format_date_fr(opens)} et l'employeur "
            f"devra vous faire suivre une formation avant le {format_date_fr(deadline)}."
        )
    elif today < deadline:
        status = "open"
        days = (deadline - today).days
        steps.append(f"Au {format_date_fr(today)}, la garantie est ouverte : il reste {days} jours.")
        summary = (
            f"Sans formation {since}, vous bénéficiez de la garantie : "
            f"une formation doit intervenir avant le {format_date_fr(deadline)}."
        )
    else:
        status = "overdue"
        steps.append(f"Au {format_date_fr(today)}, l'échéance du {format_date_fr(deadline)} est dépassée.")
        summary = (
            f"L'échéance est dépassée : sans formation {since}, une "
            f"formation aurait dû intervenir avant le {format_date_fr(deadline)}."
        )
    return CalcResult(
        name="training_guarantee",
        value=deadline.isoformat(),
        unit="date",
        summary=summary,
        formula="échéance = dernière formation + 4 ans + 1 an",
        steps=steps,
        references=[ref.TRAINING_GUARANTEE],
        warnings=[
            "La garantie vise les salariés présents ; le suivi se fait lors de l'entretien annuel "
            "d'évaluation et d'accompagnement ou de l'entretien professionnel, et la formation est choisie "
            "d'un commun accord entre l'employeur et le salarié.",
            "Seules comptent les actions de formation entrant dans le champ du code du travail et inscrites "
            "au plan de développement des compétences.",
        ],
        eligible=status != "not_open",
        verdict="eligible",
        details={
            "opens_on": opens,
            "deadline": deadline,
            "as_of": today,
            "status": status,
            "overdue": status == "overdue",
        },
    )
