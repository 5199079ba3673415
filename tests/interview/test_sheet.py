"""Preparation sheet of an entretien professionnel: items, deadlines, art. 6 points, exports, privacy."""

from __future__ import annotations

import json
import logging
from datetime import date
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

import pytest

import interview as interview_prep
from interview import EmployeeProfile, Period, prepare_sheet, sheet_to_markdown, sheet_to_pdf
from interview.export import to_latin1, unicode_font
from interview.link import page_link, profile_from_query
from interview.profile import months_between
from interview.rights import relevant_certifications

TODAY = date(2025, 9, 1)
NAME = "Zébulon Quartzmann"
WISH = "devenir manager opérationnel à Pontivy-Xylophone"


def _profile(**changes: object) -> EmployeeProfile:
    base: dict[str, object] = {
        "contract": "CDI",
        "organisation_start": date(2015, 3, 1),
        "branch_start": date(2012, 9, 1),
        "diploma_level": 3,
        "last_training": date(2020, 5, 1),
        "interviews": (date(2017, 3, 1),),
        "career_wish": WISH,
        "name": NAME,
    }
    base.update(changes)
    return EmployeeProfile(**base)  # type: ignore[arg-type]


def test_full_profile_runs_the_calculators() -> None:
    sheet = prepare_sheet(_profile(tutor_missions=(Period(date(2025, 2, 1), date(2025, 6, 20)),)), TODAY)
    items = {item.key: item for item in sheet.items}
    assert list(items)[:5] == [
        "professional_reviews",
        "training_guarantee",
        "cep_absence",
        "vae_leave",
        "pro_a_eligibility",
    ]
    # art. 6: the 2017 interview precedes the protocole; none yet in the period from 19 December 2019
    reviews = items["professional_reviews"]
    assert reviews.status == "attention" and reviews.result is not None
    assert reviews.result.details["interviews_still_due"] == 2
    # art. 8: last training 1 May 2020 → deadline 1 May 2025, passed
    guarantee = items["training_guarantee"]
    assert guarantee.status == "attention" and guarantee.result is not None
    assert guarantee.result.details["deadline"] == date(2025, 5, 1)
    # art. 5: 156 months in the branch, 126 in the organisation → half a day
    cep = items["cep_absence"]
    assert cep.status == "ok" and cep.result is not None and cep.result.value == 0.5
    # avenant art. 2: below the bac → up to 48 hours
    assert items["vae_leave"].result is not None and items["vae_leave"].result.value == 48
    assert items["pro_a_eligibility"].status == "ok"
    # the wish points to the CQP manager opérationnel (avenant 2022) and the master manager stratégique
    certifications = [item.title for item in sheet.items if item.key.startswith("pro_a_certification:")]
    assert any("CQP manager opérationnel" in title for title in certifications)
    tutor = items["tutor_bonus"]
    assert tutor.result is not None and tutor.result.value == 35
    assert {r.section for r in tutor.all_references} >= {"4.3"}


def test_deadlines_are_sorted_merged_and_dated() -> None:
    sheet = prepare_sheet(_profile(), TODAY)
    assert [d.by for d in sheet.deadlines] == sorted(d.by for d in sheet.deadlines)
    whats = [d.what for d in sheet.deadlines]
    assert "formation à réaliser (garantie individuelle)" in whats
    assert "entretien professionnel (× 2)" in whats
    # art. 6 is judged from the protocole's entry into force (19 December 2019) for an employee hired in 2015
    assert any(d.what == "entretien de bilan" and d.by == date(2025, 12, 19) for d in sheet.deadlines)


def test_information_points_of_article_6() -> None:
    sheet = prepare_sheet(_profile(), TODAY)
    topics = [p.topic for p in sheet.information_points]
    for topic in (
        "Conseil en évolution professionnelle",
        "Compte personnel de formation",
        "Validation des acquis de l'expérience",
        "Bilan de compétences",
        "Document de présentation",
        "Faible niveau de qualification",
    ):
        assert topic in topics
    low = next(p for p in sheet.information_points if p.topic == "Faible niveau de qualification")
    assert low.emphasis and low.reference.section == "6"
    qualified = prepare_sheet(_profile(diploma_level=6), TODAY)
    assert not any(p.emphasis for p in qualified.information_points)


@pytest.mark.parametrize(
    ("changes", "key", "status"),
    [
        ({"contract": "Autre"}, "cep_absence", "not_applicable"),
        ({"organisation_start": None}, "cep_absence", "missing"),
        ({"organisation_start": None}, "professional_reviews", "missing"),
        ({"last_training": None}, "training_guarantee", "missing"),
        ({"last_training": date(2024, 1, 1)}, "training_guarantee", "ok"),
        ({"contract": "CDD"}, "pro_a_eligibility", "info"),
        ({"diploma_level": 7}, "pro_a_eligibility", "info"),
        # one known fact decides, the others missing (three-valued rules, issue #13): art. 5 « Elle n'est pas
        # accordée au salarié qui a déjà bénéficié de ce conseil au cours des 5 dernières années »; art. 2.3
        # « les salariés n'ayant pas atteint … le grade de la licence »
        ({"contract": "", "organisation_start": None, "cep_in_last_5_years": True}, "cep_absence", "info"),
        ({"contract": "", "diploma_level": 7}, "pro_a_eligibility", "info"),
        ({"contract": "", "diploma_level": 3}, "pro_a_eligibility", "missing"),
        # 13 years of activity, 10 in the organisation: both the CDI and the CDD conditions are met
        ({"contract": ""}, "cep_absence", "ok"),
        # 11 months in the organisation: enough in a CDD (4), not in a CDI (12): the contract decides
        ({"contract": "", "organisation_start": date(2024, 10, 1)}, "cep_absence", "missing"),
        # hire date after an interview: the calculator refuses, the sheet says why
        ({"interviews": (date(2010, 1, 1),)}, "professional_reviews", "error"),
    ],
)
def test_statuses(changes: dict[str, object], key: str, status: str) -> None:
    items = {item.key: item for item in prepare_sheet(_profile(**changes), TODAY).items}
    assert items[key].status == status, items[key].summary


def test_cdd_seniority_is_capped_to_five_years() -> None:
    items = {i.key: i for i in prepare_sheet(_profile(contract="CDD"), TODAY).items}
    cep = items["cep_absence"]
    assert cep.result is not None and cep.result.eligible
    assert "60 mois retenus" in cep.note


def test_declared_salaried_seniority_wins_over_dates() -> None:
    profile = _profile(branch_start=None, organisation_start=date(2024, 1, 1), months_as_employee=48)
    items = {i.key: i for i in prepare_sheet(profile, TODAY).items}
    cep = items["cep_absence"]
    assert cep.result is not None and not cep.result.eligible  # 48 < 60 months
    assert "48 mois" in cep.note


def test_trainer_bonus_and_point_value(tmp_path: Path) -> None:
    table = tmp_path / "point_values.json"
    table.write_text(json.dumps({"values": [{"effective_from": "2024-01-01", "value": 7.5}]}), encoding="utf-8")
    profile = _profile(trainer_actions=(Period(date(2025, 4, 3), date(2025, 4, 4)),))
    sheet = prepare_sheet(profile, TODAY, point_values_file=table)
    trainer = next(i for i in sheet.items if i.key == "trainer_bonus")
    assert trainer.result is not None and trainer.result.value == 7
    assert any("7,5" in w for w in trainer.result.warnings)  # the point value, as an assumption
    assert any(p.topic == "Formateur interne à titre accessoire" for p in sheet.information_points)


def test_no_wish_lists_the_pro_a_certifications() -> None:
    sheet = prepare_sheet(_profile(career_wish=""), TODAY)
    item = next(i for i in sheet.items if i.key == "pro_a_certifications")
    assert "CQP gestionnaire conseil" in item.note and item.summary == "Souhait d'évolution non renseigné."


@pytest.mark.parametrize(
    ("wish", "expected"),
    [
        ("passer contrôleur du recouvrement", "CQP contrôleur du recouvrement"),
        ("devenir infirmière", "Diplôme d'État d'infirmier"),
        ("manager", "CQP manager opérationnel"),
        ("DEAES", "Diplôme d'État accompagnant éducatif et social (AES)"),
    ],
)
def test_relevant_certifications(wish: str, expected: str) -> None:
    assert expected in [c.title for c in relevant_certifications(wish)]


def test_unrelated_wish_matches_nothing() -> None:
    assert relevant_certifications("devenir boulanger") == []
    assert relevant_certifications("") == []


def test_months_between() -> None:
    assert months_between(date(2024, 1, 31), date(2024, 2, 29)) == 0
    assert months_between(date(2024, 1, 15), date(2025, 1, 15)) == 12
    assert months_between(date(2025, 1, 1), date(2024, 1, 1)) == 0


def test_markdown_export() -> None:
    md = sheet_to_markdown(prepare_sheet(_profile(), TODAY))
    assert md.startswith(f"# Fiche de préparation de l'entretien professionnel — {NAME}")
    assert "## Échéances" in md and "échéance dépassée" in md
    assert "## Points d'information (article 6)" in md
    assert "Formule : `échéance = dernière formation + 4 ans + 1 an`" in md
    assert "Protocole d'accord du 19 décembre 2019, article 8" in md


def test_markdown_escapes_free_text() -> None:
    md = sheet_to_markdown(prepare_sheet(_profile(name="<b>X</b> *y*", career_wish="[lien](http://x)"), TODAY))
    assert "<b>" not in md and r"\<b\>X\</b\> \*y\*" in md
    assert r"\[lien\]" in md


def test_pdf_export_with_unicode_font() -> None:
    data = sheet_to_pdf(prepare_sheet(_profile(), TODAY))
    assert data.startswith(b"%PDF-") and len(data) > 5000


def test_pdf_export_without_any_font_file() -> None:
    """A fresh machine without DejaVu or matplotlib: core fonts and transliterated text."""
    data = sheet_to_pdf(prepare_sheet(_profile(), TODAY), font_path=None)
    assert data.startswith(b"%PDF-")
    assert to_latin1("Prime ≥ 7 € – « œuvre » → ok") == "Prime >= 7 EUR - « oeuvre » -> ok"


def test_pdf_text_is_extractable() -> None:
    pdfplumber = pytest.importorskip("pdfplumber")
    import io

    if unicode_font() is None:
        pytest.skip("no DejaVu font on this machine")
    with pdfplumber.open(io.BytesIO(sheet_to_pdf(prepare_sheet(_profile(), TODAY)))) as pdf:
        text = "\n".join(page.extract_text() or "" for page in pdf.pages)
    assert "Garantie individuelle d'accès à la formation" in text
    assert "Points d'information (article 6)" in text


def test_public_entry_reexports_the_parts() -> None:
    """`interview` stays the one import the UI needs."""
    for name in interview_prep.__all__:
        assert getattr(interview_prep, name) is not None, name
    assert {"EmployeeProfile", "prepare_sheet", "sheet_to_markdown", "sheet_to_pdf"} <= set(interview_prep.__all__)


def test_profile_repr_hides_personal_fields() -> None:
    shown = repr(_profile())
    assert NAME not in shown and "Pontivy" not in shown


def test_privacy_nothing_logged(caplog: pytest.LogCaptureFixture, tmp_path: Path) -> None:
    """Producing and exporting a sheet logs nothing of the profile and writes no file."""
    caplog.set_level(logging.DEBUG)
    before = set(tmp_path.rglob("*"))
    sheet = prepare_sheet(_profile(), TODAY, point_values_file=tmp_path / "absent.json")
    sheet_to_markdown(sheet)
    sheet_to_pdf(sheet)
    for secret in (NAME, "Quartzmann", "Pontivy"):
        assert secret not in caplog.text
    assert set(tmp_path.rglob("*")) == before


@pytest.mark.parametrize(
    ("hired", "status", "deadline"),
    [(date(2015, 3, 1), "attention", "1er mars 2020"), (date(2023, 1, 2), "ok", "2 janvier 2028")],
)
def test_never_trained_counts_from_the_hire(hired: date, status: str, deadline: str) -> None:
    """Art. 8: « Le bénéfice d'une formation est ainsi garanti à tous les salariés présents qui n'en
    auraient pas suivi depuis 4 ans. Celle-ci intervient dans l'année suivant cette période de 4 ans. »

    An employee with no training since the hire is not "date not filled in": the four years run from
    the entry into the organisme, and the sheet gives the deadline instead of asking for a date.
    """
    profile = _profile(last_training=None, never_trained=True, organisation_start=hired, interviews=())
    item = {i.key: i for i in prepare_sheet(profile, TODAY).items}["training_guarantee"]
    assert item.status == status, item.summary
    assert item.result is not None
    assert deadline in " ".join(item.result.steps)


def test_never_trained_without_a_hire_date_asks_for_it() -> None:
    profile = _profile(last_training=None, never_trained=True, organisation_start=None)
    item = {i.key: i for i in prepare_sheet(profile, TODAY).items}["training_guarantee"]
    assert item.status == "missing"
    assert "date d'entrée" in item.summary


def test_never_trained_travels_in_the_page_link() -> None:
    profile = _profile(last_training=None, never_trained=True, name="")
    query = dict(parse_qsl(urlsplit(page_link(profile)).query))
    assert query["formation"] == "aucune"
    linked = profile_from_query(query)
    assert linked is not None and linked.never_trained and linked.last_training is None
