"""Préparer un entretien professionnel (AppTest): profile form → sheet, exports, clearing, privacy."""

from __future__ import annotations

import logging
from datetime import date
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests.ui.conftest import APP, FakeAssistant, fill_interview_profile

NAME = "Zébulon Quartzmann"
WISH = "devenir contrôleur du recouvrement à Pontivy-Xylophone"


def _page() -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    at.switch_page("views/interview.py").run()
    assert not at.exception
    return at


def _prepare(at: AppTest) -> None:
    next(b for b in at.button if b.label == "Préparer la fiche").click().run()
    assert not at.exception


def _text(at: AppTest) -> str:
    parts = [m.value for m in at.markdown] + [w.value for w in at.warning] + [c.value for c in at.caption]
    return "\n".join(parts).replace("\\", "")


def test_sheet_lists_rights_deadlines_and_information_points(fake_assistant: FakeAssistant) -> None:
    at = _page()
    fill_interview_profile(at, NAME, WISH)
    _prepare(at)
    assert any(NAME in s.value for s in at.subheader)
    text = _text(at)
    for title in (
        "Entretiens professionnels et entretien de bilan",
        "Garantie individuelle d'accès à la formation",
        "Absence pour un conseil en évolution professionnelle (CEP)",
        "Congé pour préparer une validation des acquis de l'expérience (VAE)",
        "Reconversion ou promotion par l'alternance (Pro-A)",
        "CQP contrôleur du recouvrement",
        "Prime de tutorat",
    ):
        assert title in text, title
    assert "jusqu'à 48 heures" in text  # below the bac
    assert "Faible niveau de qualification" in text
    assert any(e.label == "Calcul et références" for e in at.expander)
    assert "#### Échéances" in "\n".join(m.value for m in at.markdown)
    assert ":green-badge[à venir]" in text or ":red-badge[" in text  # each deadline with its state
    labels = [getattr(b, "label", "") for b in at.get("download_button")]
    assert labels == ["Exporter en Markdown", "Exporter en PDF"]


def test_changed_profile_is_flagged(fake_assistant: FakeAssistant) -> None:
    at = _page()
    fill_interview_profile(at, NAME, WISH)
    _prepare(at)
    at.selectbox(key="iv_contract").set_value("CDD").run()
    assert any("Le profil a changé" in i.value for i in at.info)


def test_clear_button_forgets_the_profile_and_sheet(fake_assistant: FakeAssistant) -> None:
    at = _page()
    fill_interview_profile(at, NAME, WISH)
    _prepare(at)
    next(b for b in at.button if b.label == "Effacer le profil").click().run()
    assert not at.exception
    assert "iv_sheet" not in at.session_state
    assert at.text_input(key="iv_name").value == ""
    assert at.text_area(key="iv_wish").value == ""
    assert at.date_input(key="iv_org_start").value is None
    assert not at.get("download_button")
    assert NAME not in _text(at)


def test_profile_never_reaches_logs_or_feedback(
    fake_assistant: FakeAssistant, data_dir: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    at = _page()
    fill_interview_profile(at, NAME, WISH)
    _prepare(at)
    # Rate an answer in the same session: the feedback must not carry the profile.
    at.switch_page("views/chat.py").run()
    at.chat_input[0].set_value("Combien de points pour la prime de tutorat ?").run()
    at.feedback[0].set_value(0).run()
    feedback = (data_dir / "feedback.jsonl").read_text(encoding="utf-8")
    assert '"rating": "down"' in feedback
    for secret in (NAME, "Pontivy", "Quartzmann"):
        assert secret not in feedback
        assert secret not in caplog.text
    for path in data_dir.rglob("*"):
        if path.is_file():
            assert "Quartzmann" not in path.read_text(encoding="utf-8", errors="ignore")


def test_an_overdue_interview_says_it_is_late(fake_assistant: FakeAssistant) -> None:
    """Article 6: two entretiens professionnels every six years. Hired five years ago with one
    interview since, the second one (planned at the period's fourth year) is already past due:
    the sheet says it is late, not "à venir"."""
    at = _page()
    at.selectbox(key="iv_contract").set_value("CDI")
    today = date.today()
    hired = date(today.year - 5, 1, 5)
    at.date_input(key="iv_branch_start").set_value(hired)
    at.date_input(key="iv_org_start").set_value(hired)
    at.number_input(key="iv_interviews_count").set_value(1).run()
    at.date_input(key="iv_interviews_0").set_value(date(today.year - 5, 3, 20)).run()
    _prepare(at)
    text = _text(at)
    assert f"entretien professionnel :red-badge[en retard depuis le 5 janvier {today.year - 1}]" in text, text
