"""Results counted in the user's units, the job seeker's threshold as the text writes it, what a calculation leaves
of the question, and the one reader of typed dates (words16).

* the VAE leave in half-days: avenant 2022, art. 2 ("d'une durée de 24 heures est augmenté … jusqu'à 48 heures");
* the job seeker of art. 3.4 ("les demandeurs d'emploi âgés de 26 ans et plus inscrites depuis plus de 1 an");
* a list asked after a colon, or two sides compared, of which the calculator answers one;
* typed dates read by one reader, for sentences and bare values alike (answers unchanged).
"""

from __future__ import annotations

from datetime import date

import pytest

from assistant.calculation import asked_aspects
from assistant.conversation.bare_values import written_out
from assistant.routing.extraction.quantities import parse_day_length
from assistant.routing.extraction.spelled import spell_digits
from assistant.routing.extraction.written_dates import written_dates, yearless_day_month
from calculators.hours_in_days import hours_in_days
from calculators.professionalisation_terms import professionalisation_duration
from calculators.vae import vae_leave


@pytest.mark.parametrize(
    ("text", "length"),
    [
        ("à combien de demi-journées de quatre heures correspond mon congé ?", (4.0, True)),
        ("combien de journées de 7 h 30 ?", (7.5, False)),
        ("en jours de six heures", (6.0, False)),
        ("une demi-journée d'absence", None),
    ],
)
def test_day_length_read(text: str, length: tuple[float, bool] | None) -> None:
    assert parse_day_length(spell_digits(text)) == length


def test_vae_leave_in_half_days() -> None:
    """Avenant 2022, art. 2: "Le congé pour préparer la validation des acquis de l'expérience (VAE) d'une durée de
    24 heures est augmenté pour les agents n'ayant pas atteint le niveau 4 … jusqu'à 48 heures"."""
    result = hours_in_days(vae_leave(diploma_level=3), 4, half=True)
    assert "12 demi-journées de 4 heures" in result.summary
    assert result.steps[-1] == "48 heures ÷ 4 heures par demi-journée = 12 demi-journées."
    assert "3 journées" in hours_in_days(vae_leave(diploma_level=5), 8, half=False).summary


def test_result_without_hours_unchanged() -> None:
    result = vae_leave()  # level unknown: no figure of hours decided
    assert hours_in_days(result, 4, half=True) is result


@pytest.mark.parametrize(("months", "public"), [(8, False), (13, True)])
def test_job_seeker_threshold_as_written(months: int, public: bool) -> None:
    """Art. 3.4: "les demandeurs d'emploi âgés de 26 ans et plus inscrites depuis plus de 1 an"."""
    result = professionalisation_duration(age=34, jobseeker_months=months)
    step = next(s for s in result.steps if "demandeur d'emploi depuis" in s)
    assert "plus de 1 an" in step and step.endswith("oui." if public else "non.")


@pytest.mark.parametrize(
    ("question", "aspects", "compared"),
    [
        (
            "En Pro-A, en CDI avec un BTS, dis-moi tout : durée, part de formation, salaire.",
            ["duree", "part de formation", "salaire"],
            False,
        ),
        ("Sans diplôme, entre le congé VAE et la Pro-A, lequel donne le plus d'heures ?", ["conge vae", "pro-a"], True),
        (
            "Avec un CAP, qu'est-ce qui prévoit le plus d'heures : le congé VAE ou la Pro-A ?",
            ["conge vae", "pro-a"],
            True,
        ),
        ("Tutorat du 1er février au 20 juin 2025 : combien de points ?", [], False),
        # items that ask or tell a fact are no list of things asked by their name
        ("Trois sessions animées en mai 2026 : quelle prime et quand ?", [], False),
        ("Prise en charge du parcours : combien d'heures et à quel tarif horaire ?", [], False),
        ("Selon l'accord : un agent en CDI, titulaire d'un bac, peut-il partir en Pro-A ?", [], False),
    ],
)
def test_asked_aspects(question: str, aspects: list[str], compared: bool) -> None:
    assert asked_aspects(question) == (aspects, compared)


@pytest.mark.parametrize(
    ("message", "written"),
    [
        ("1/02 → 31/05/2026", "du 1er février 2026 au 31 mai 2026"),
        ("03/03/2025 au 30/09/2025", "du 3 mars 2025 au 30 septembre 2025"),
        ("15.01.25 - 30.04.25", "du 15 janvier 2025 au 30 avril 2025"),
        ("1er février → 31 mai", "du 1er février 2026 au 31 mai 2026"),
        ("1/11 → 28/02/2026", "du 1er novembre 2025 au 28 février 2026"),
        ("14/10/2021", "le 14 octobre 2021"),
        ("45/13", None),
        ("du 1/02 au 31/05 pour ma mission de tutorat", None),
    ],
)
def test_bare_values_read_by_the_one_reader(message: str, written: str | None) -> None:
    assert written_out(message, date(2026, 11, 29)) == written


def test_written_dates_and_the_yearless_guard() -> None:
    [first, second] = written_dates("1/02 -> 31 mai 2026")
    assert first is not None and (first.day, first.month, first.year) == (1, 2, None)
    assert second is not None and (second.day, second.month, second.year) == (31, 5, 2026)
    assert yearless_day_month("1", "02") and yearless_day_month("31", "5")
    assert not yearless_day_month("8", "10")  # a grade, "8/10"
