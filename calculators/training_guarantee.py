"""Garantie individuelle d'accès à la formation (protocole du 19 décembre 2019, art. 8).

Every employee present who has had no training for 4 years is guaranteed one, which takes place within
the year following those 4 years: the guarantee opens 4 years after the last training and the training
must happen before the 5th anniversary. The result says where the employee stands on a given date.
"""

from __future__ import annotations

from datetime import date

from calculators import references as ref
from calculators.dates import add_years, format_date_fr
from calculators.result import CalcError, CalcResult

YEARS_WITHOUT_TRAINING = 4
YEARS_TO_DELIVER = 1


def training_guarantee(last_training: date, as_of: date | None = None) -> CalcResult:
    """When the guarantee opens, the deadline for the training, and whether it has passed on `as_of`."""
    today = as_of or date.today()
    if last_training > today:
        raise CalcError(
            f"La dernière formation ({format_date_fr(last_training)}) est postérieure à la date de "
            f"référence ({format_date_fr(today)})."
        )
    opens = add_years(last_training, YEARS_WITHOUT_TRAINING)
    deadline = add_years(last_training, YEARS_WITHOUT_TRAINING + YEARS_TO_DELIVER)
    steps = [
        "Article 8 : une formation est garantie au salarié présent qui n'en a pas suivi depuis 4 ans ; elle "
        "intervient dans l'année qui suit cette période de 4 ans.",
        f"Dernière formation : {format_date_fr(last_training)}.",
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
            f"Sans formation depuis le {format_date_fr(last_training)}, vous bénéficiez de la garantie : "
            f"une formation doit intervenir avant le {format_date_fr(deadline)}."
        )
    else:
        status = "overdue"
        steps.append(f"Au {format_date_fr(today)}, l'échéance du {format_date_fr(deadline)} est dépassée.")
        summary = (
            f"L'échéance est dépassée : sans formation depuis le {format_date_fr(last_training)}, une "
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
        details={
            "opens_on": opens,
            "deadline": deadline,
            "as_of": today,
            "status": status,
            "overdue": status == "overdue",
        },
    )
