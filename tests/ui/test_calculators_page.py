"""Calculateurs page (AppTest): a form per calculator, result with steps and articles."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from streamlit.testing.v1 import AppTest

from calculators.registry import CALCULATORS
from tests.ui.conftest import APP, FakeAssistant


def _page(name: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    at.switch_page("views/calculators.py").run()
    at.selectbox(key="calc_name").set_value(name).run()
    assert not at.exception
    return at


def _text(at: AppTest) -> str:
    return "\n".join(m.value for m in at.markdown).replace("\\", "")


def test_every_calculator_has_a_form(fake_assistant: FakeAssistant) -> None:
    at = _page("tutor_bonus")
    for name, spec in CALCULATORS.items():
        at.selectbox(key="calc_name").set_value(name).run()
        assert not at.exception, name
        assert spec.description_fr[:30] in _text(at), name
        widgets = len(at.date_input) + len(at.number_input) + len(at.radio) + len(at.selectbox) + len(at.text_input)
        assert widgets >= len(spec.public_params), name  # the calculator selector counts too
        assert any(b.label == "Calculer" for b in at.button), name


def test_tutor_bonus_with_date_pickers(fake_assistant: FakeAssistant) -> None:
    at = _page("tutor_bonus")
    assert any("aucune valeur du point" in i.value for i in at.info)  # the assumption is stated
    at.date_input(key="calc-tutor_bonus-missions-0-start").set_value(date(2025, 2, 1))
    at.date_input(key="calc-tutor_bonus-missions-0-end").set_value(date(2025, 6, 20))
    at.date_input(key="calc-tutor_bonus-as_of").set_value(date(2025, 7, 1))
    next(b for b in at.button if b.label == "Calculer").click().run()
    assert not at.exception
    assert at.metric[0].value == "35 points"
    text = _text(at)
    assert "Raisonnement" in text and "Articles appliqués" in text
    assert "article 4.3" in text
    assert any("7 points" in c.value for c in at.code)


def test_configured_point_value_is_shown_and_used(fake_assistant: FakeAssistant, data_dir: Path) -> None:
    table = {"values": [{"effective_from": "2024-01-01", "value": 7.5, "source": "exemple"}]}
    (data_dir / "point_values.json").write_text(json.dumps(table), encoding="utf-8")
    at = _page("points_to_euros")
    assert any("7,5 €" in i.value for i in at.info)
    at.number_input(key="calc-points_to_euros-points").set_value(35)
    next(b for b in at.button if b.label == "Calculer").click().run()
    assert at.metric[0].value.startswith("262,5")


def test_missing_required_input_is_reported(fake_assistant: FakeAssistant) -> None:
    """In words for an employee: the field's name, not the command line's example syntax."""
    at = _page("tutor_bonus")
    next(b for b in at.button if b.label == "Calculer").click().run()
    errors = [e.value.replace("\\", "") for e in at.error]
    assert any("À renseigner : missions de tutorat : début, fin" in e for e in errors), errors
    assert not any("ex." in e or "2025-" in e for e in errors), errors


def test_impossible_input_shows_the_calculator_message(fake_assistant: FakeAssistant) -> None:
    at = _page("tutor_bonus")
    at.date_input(key="calc-tutor_bonus-missions-0-start").set_value(date(2025, 6, 1))
    at.date_input(key="calc-tutor_bonus-missions-0-end").set_value(date(2025, 2, 1))
    next(b for b in at.button if b.label == "Calculer").click().run()
    assert any("antérieure à la date de début" in e.value for e in at.error)


def test_changed_inputs_invalidate_the_result(fake_assistant: FakeAssistant) -> None:
    at = _page("training_guarantee")
    at.date_input(key="calc-training_guarantee-last_training").set_value(date(2020, 5, 1))
    next(b for b in at.button if b.label == "Calculer").click().run()
    assert at.metric
    at.date_input(key="calc-training_guarantee-last_training").set_value(date(2021, 5, 1)).run()
    assert not at.metric
    assert any("Les données ont changé" in c.value for c in at.caption)
