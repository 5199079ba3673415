"""Professional reviews counted to a date still to come (protocole du 19 décembre 2019, art. 6).

"Les organismes assurent, tous les 6 ans, au moins deux entretiens professionnels et un entretien de bilan."

Why apart from today: an adviser planning ahead ("combien d'entretiens d'ici le 1er juin 2032 ?", "au 1er janvier
2030, sera-t-il en retard ?") asks what must be held by then. Judging the periods to come as if the horizon were
today would call "en retard" a period whose interviews can still be held. So the state is read at today (what is
already late stays late), and each 6-year period that ends by the horizon says what it still owes and by when.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from calculators import references as ref
from calculators.dates import anniversary, format_date_fr
from calculators.numbers import count_fr
from calculators.result import CalcResult

PERIOD_YEARS = 6
INTERVIEWS_PER_PERIOD = 2
INTERVIEW_WORDS = ("entretien professionnel", "entretiens professionnels")


def _owed(interviews: int, bilans: int) -> list[str]:
    short = max(0, INTERVIEWS_PER_PERIOD - interviews)
    owed = [count_fr(short, *INTERVIEW_WORDS)] if short else []
    if bilans < 1:
        owed.append("l'entretien de bilan")
    return owed


def by_horizon(now: CalcResult, today: date, horizon: date) -> CalcResult:
    """What art. 6 requires by `horizon` (after `today`), from `now`, the reviews' state at today.

    Periods already complete today keep their verdict (a late one is late now); the period running today owes what
    it lacks before its end; each later period ending by the horizon owes its two interviews and its bilan.
    """
    anchor: date = now.details["periods_from"]
    held = {(p["start"], p["end"]): p for p in now.details["periods"]}
    bounds: list[tuple[date, date]] = []
    while True:
        start, end = (
            anniversary(anchor, PERIOD_YEARS * len(bounds)),
            anniversary(anchor, PERIOD_YEARS * (len(bounds) + 1)),
        )
        bounds.append((start, end))
        if end > horizon:
            break
    closed = bounds[:-1]  # the periods that end by the horizon
    running_start, running_end = bounds[-1]
    when = format_date_fr(horizon)
    lines: list[str] = []
    late: list[str] = []
    to_do: list[str] = []
    for start, end in closed:
        period = held.get((start, end), {"interviews": 0, "bilans": 0, "complete": False})
        owed = _owed(period["interviews"], period["bilans"])
        span = f"période du {format_date_fr(start)} au {format_date_fr(end)}"
        if period["complete"]:
            verdict = f"{' et '.join(owed)} non réalisés à son terme" if owed else "conforme"
            (late if owed else lines).append(f"{span} (achevée) : {verdict}")
        elif owed:
            to_do.append(f"{' et '.join(owed)} avant le {format_date_fr(end)} ({span})")
        else:
            lines.append(f"{span} : entretiens requis déjà réalisés")
    count = len(closed)
    if count:
        head = (
            f"D'ici le {when} : au moins {count_fr(INTERVIEWS_PER_PERIOD * count, *INTERVIEW_WORDS)} et "
            f"{count_fr(count, 'entretien de bilan', 'entretiens de bilan')} au total "
            f"({count_fr(count, 'période de 6 ans achevée', 'périodes de 6 ans achevées')} à cette date)"
        )
    else:
        head = (
            f"D'ici le {when}, aucune période de 6 ans n'est encore achevée : la première court jusqu'au "
            f"{format_date_fr(running_end)}"
        )
    parts = [head]
    if to_do:
        parts.append("À réaliser : " + " ; ".join(to_do))
    if late:  # already late today: no horizon makes up for it
        parts.append(f"Déjà en retard aujourd'hui ({format_date_fr(today)}) : " + " ; ".join(late))
    parts.append(
        f"Au {when}, la période du {format_date_fr(running_start)} au {format_date_fr(running_end)} sera en cours"
        if count
        else f"Ses {count_fr(INTERVIEWS_PER_PERIOD, *INTERVIEW_WORDS)} et son bilan sont dus avant cette fin"
    )
    steps = [
        f"Article 6 : tous les {PERIOD_YEARS} ans, au moins {INTERVIEWS_PER_PERIOD} entretiens professionnels et un "
        "entretien de bilan.",
        f"Situation au {format_date_fr(today)} (aujourd'hui), projetée au {when} (date demandée) : une période qui "
        "s'achève d'ici là reste à réaliser jusqu'à sa fin.",
        *now.steps[1:],
        *(f"{line[:1].upper()}{line[1:]}." for line in lines),
    ]
    details: dict[str, Any] = dict(now.details) | {
        "horizon": horizon,
        "periods_by_horizon": count,
        "interviews_by_horizon": INTERVIEWS_PER_PERIOD * count,
        "bilans_by_horizon": count,
    }
    return CalcResult(
        name="professional_reviews",
        value=(INTERVIEWS_PER_PERIOD + 1) * count,
        unit="entretiens",
        summary=". ".join(parts) + ".",
        formula="par période de 6 ans achevée à la date demandée : ≥ 2 entretiens professionnels + 1 bilan",
        steps=steps,
        references=[ref.PROFESSIONAL_REVIEW],
        warnings=list(now.warnings),
        details=details,
    )
