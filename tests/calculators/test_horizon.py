"""A dated rule's result read at a date to come (`calculators.horizon`): its date, and where it falls."""

from __future__ import annotations

from datetime import date

from calculators.cep_absence import cep_absence
from calculators.horizon import at_horizon
from calculators.professional_reviews import professional_reviews
from calculators.registry import CALCULATORS
from calculators.training_guarantee import training_guarantee
from calculators.training_path import training_path_hours


def test_the_guarantee_deadline_before_the_horizon() -> None:
    # art. 8: "Le bénéfice d'une formation est ainsi garanti à tous les salariés présents qui n'en auraient pas suivi
    # depuis 4 ans. Celle-ci intervient dans l'année suivant cette période de 4 ans."
    now = training_guarantee(last_training=date(2022, 2, 10), as_of=date(2026, 12, 3))
    result = at_horizon(now, date(2027, 3, 31))
    assert result.details["horizon_date"] == date(2027, 2, 10)
    assert result.details["by_horizon"] is True
    assert "10 février 2027, avant cette date" in result.summary
    assert result.summary.startswith(now.summary)


def test_a_cep_renewal_after_the_horizon() -> None:
    # art. 5: "Elle n'est pas accordée au salarié qui a déjà bénéficié de ce conseil au cours des 5 dernières années."
    now = cep_absence(cep_in_last_5_years=True, last_cep=date(2022, 9, 30))
    result = at_horizon(now, date(2027, 5, 31))
    assert result.eligible is False
    assert result.details["by_horizon"] is False
    assert "30 septembre 2027, après cette date" in result.summary


def test_the_trainer_bonus_paid_by_the_horizon() -> None:
    # art. 9.3 (avenant, art. 3): "La prime est versée au salarié … le mois suivant la fin de l'action de formation."
    now = CALCULATORS["trainer_bonus"].run(actions=[{"start": "2027-01-11", "end": "2027-01-22"}])
    result = at_horizon(now, date(2027, 2, 28))
    assert result.details["horizon_date"] == date(2027, 2, 1)
    assert result.details["by_horizon"] is True


def test_the_path_amplitude_against_the_horizon() -> None:
    # circular IV: "L'amplitude du parcours de formation ne doit pas excéder deux ans, à compter du premier jour du
    # tronc commun interbranche"
    now = training_path_hours(first_premss_day=date(2026, 9, 6))
    result = at_horizon(now, date(2028, 7, 31))
    assert result.details["horizon_date"] == date(2028, 9, 5)
    assert "5 septembre 2028, après cette date" in result.summary


def test_a_result_without_a_date_is_left_as_it_is() -> None:
    undecided = cep_absence()
    assert at_horizon(undecided, date(2027, 5, 31)) is undecided
    reviews = professional_reviews(hire_date=date(2021, 1, 15), as_of=date(2026, 12, 3))
    assert at_horizon(reviews, date(2027, 6, 30)) is reviews  # the reviews count to a horizon themselves
