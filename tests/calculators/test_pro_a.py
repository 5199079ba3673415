"""Pro-A: protocole du 19 décembre 2019, art. 2.2 to 2.5 and annex 1; avenant 2022, art. 1 and 6."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from calculators.pro_a import pro_a_duration, pro_a_eligibility, pro_a_training_hours
from calculators.pro_a_certifications import PRO_A_CERTIFICATIONS, SANCTIONS, pro_a_certification
from calculators.result import CalcError
from tests.calculators.helpers import FAST, d

# (article, contract, level, eligible)
ELIGIBILITY = [
    ("2.3 CDI sous la licence", "CDI", 4, True),
    ("2.3 CUI-CDI", "CUI-CDI", 3, True),
    ("2.3 CDD exclu", "CDD", 3, False),
    ("2.3 grade de la licence atteint", "CDI", 6, False),
    ("2.3 master", "CDI", "master", False),
    ("2.3 niveau non précisé : à préciser", "cdi", None, None),
    ("2.3 CDI à temps partiel", "CDI à temps partiel", 4, True),
    ("2.3 CDI en activité partielle", "CDI en activité partielle", 5, True),
    ("2.3 C.D.I.", "C.D.I.", 3, True),
    ("2.3 contrat à durée indéterminée", "Contrat à durée indéterminée", 4, True),
    ("2.3 doctorat, contrat inconnu", None, "doctorat", False),
    ("2.3 contrat non reconnu : demandé, jamais refusé", "fonctionnaire détaché", 4, None),
]


@pytest.mark.parametrize(("article", "contract", "level", "eligible"), ELIGIBILITY, ids=[c[0] for c in ELIGIBILITY])
def test_pro_a_eligibility_table(article, contract, level, eligible):
    result = pro_a_eligibility(contract, level)
    assert result.eligible is eligible, article
    assert result.references[0].section == "2.3"


def test_pro_a_eligibility_refuses_unknown_level():
    with pytest.raises(CalcError):
        pro_a_eligibility("CDI", 12)


def test_pro_a_covers_part_time_and_partial_activity_cdi():
    """Protocole art. 2.3: "La Pro-A concerne les salariés en contrat à durée indéterminée et les salariés
    bénéficiaires d'un contrat unique d'insertion à durée indéterminée, notamment les salariés dont la
    qualification est insuffisante […] ainsi que les salariés en activité partielle." (issue 15, point 1)"""
    for wording in ("CDI à temps partiel", "CDI en activité partielle", "C.D.I.", "cdi temps partiel 80 %"):
        result = pro_a_eligibility(wording, "bac")
        assert result.eligible is True, wording
        assert result.missing == []


def test_an_unknown_contract_is_asked_never_refused():
    """Protocole art. 2.3 names the CDI and the CUI-CDI: a wording that names neither, nor a fixed-term
    contract, leaves eligibility open and asks for the contract (issue 15, point 1)."""
    result = pro_a_eligibility("agent de la caisse", 4)
    assert result.eligible is None
    assert result.missing == ["contract"]
    assert "dépend de votre contrat" in result.summary


def test_a_diploma_under_the_licence_is_said_to_meet_its_condition_while_the_contract_is_asked():
    """Protocole art. 2.3: "Sont concernés, les salariés n'ayant pas atteint un niveau de qualification sanctionné
    par une certification professionnelle enregistrée au RNCP et correspondant au grade de la licence." A DUT meets
    that condition; the contract is still to know, and the question back says which condition is already met."""
    result = pro_a_eligibility(None, "DUT")
    assert result.eligible is None and result.missing == ["contract"]
    assert "ne vous ferme pas la Pro-A" in result.summary
    assert "ne vous ferme pas" not in pro_a_eligibility(None, None).summary


def test_a_licence_closes_the_pro_a_whatever_the_contract():
    """Protocole art. 2.3: "Sont concernés, les salariés n'ayant pas atteint un niveau de qualification
    sanctionné par une certification professionnelle enregistrée au RNCP et correspondant au grade de la
    licence." A doctorate decides alone: no contract is needed (issue 13, point 1)."""
    result = pro_a_eligibility(None, "doctorat")
    assert result.eligible is False
    assert result.missing == []
    assert "quel que soit le contrat" in result.summary
    cdd = pro_a_eligibility("CDD")
    assert cdd.eligible is False and cdd.missing == []
    unknown = pro_a_eligibility()
    assert unknown.eligible is None and unknown.missing == ["contract", "diploma_level"]
    assert unknown.to_dict()["eligible"] is None


# (article, months, case, allowed, max months)
DURATION = [
    ("2.4 entre 6 et 12 mois", 8, "standard", True, 12),
    ("2.4 moins de 6 mois", 4, "standard", False, 12),
    ("2.4 18 mois hors cas dérogatoire", 18, "standard", False, 12),
    ("2.4 jusqu'à 24 mois si la qualification l'exige", 24, "branch_qualification", True, 24),
    ("2.4 jusqu'à 36 mois pour les jeunes et demandeurs d'emploi", 36, "young_or_jobseeker", True, 36),
    ("2.4 jusqu'à 36 mois pour les minima sociaux", 30, "minimum_social_benefit", True, 36),
    ("2.4 jamais au-delà de 36 mois", 40, "young_or_jobseeker", False, 36),
]


@pytest.mark.parametrize(("article", "months", "case", "allowed", "limit"), DURATION, ids=[c[0] for c in DURATION])
def test_pro_a_duration_table(article, months, case, allowed, limit):
    result = pro_a_duration(months, case)
    assert result.eligible is allowed, article
    assert result.value == limit
    assert result.references[0].section == "2.4"


def test_pro_a_duration_refuses_impossible_input():
    with pytest.raises(CalcError):
        pro_a_duration(0)
    with pytest.raises(CalcError):
        pro_a_duration(12, "martian")


# (article, total hours, extended public, minimum, text in summary)
HOURS = [
    ("2.5 800 h : 15 % = 120 h < plancher → 150 h", 800, False, 150, "150 heures"),
    ("2.5 1 600 h : 15 % = 240 h", 1600, False, 240, "240 heures"),
    ("2.5 1 000 h : 15 % = 150 h exactement", 1000, False, 150, "150 heures"),
    ("2.5 public visé : jusqu'à 70 %", 1600, True, 240, "1 120 heures"),
]


@pytest.mark.parametrize(("article", "total", "extended", "minimum", "text"), HOURS, ids=[c[0] for c in HOURS])
def test_pro_a_training_hours_table(article, total, extended, minimum, text):
    result = pro_a_training_hours(total, extended)
    assert result.value == minimum, article
    assert text in result.summary
    assert result.references[0].section == "2.5"


@pytest.mark.parametrize("total", [0, -10, 100])
def test_pro_a_training_hours_refuses_impossible_totals(total):
    with pytest.raises(CalcError):
        pro_a_training_hours(total)


@FAST
@given(st.floats(min_value=150, max_value=10000, allow_nan=False), st.floats(min_value=0, max_value=5000))
def test_training_minimum_holds_and_grows_with_total(total, extra):
    low = pro_a_training_hours(total).value
    assert low >= 150 and low >= 0.15 * total - 1e-6
    assert pro_a_training_hours(total + extra).value >= low


@FAST
@given(st.floats(max_value=149.99, allow_nan=False))
def test_training_hours_below_floor_are_refused(total):
    with pytest.raises(CalcError):
        pro_a_training_hours(total)


# (article, wording, listed, added in 2022)
CERTIFICATIONS = [
    ("annexe 1 : CQP gestionnaire conseil", "CQP gestionnaire conseil", True, False),
    ("annexe 1 : diplôme d'État d'infirmier", "infirmière", True, False),
    ("annexe 1 : aide-soignant", "Diplôme d'État d'aide-soignant", True, False),
    ("annexe 1 : DAMC", "DAMC", True, False),
    ("avenant art. 1 : manager opérationnel", "CQP Manager opérationnel", None, True),
    ("avenant art. 1 : AES", "DEAES", None, True),
    ("avenant art. 1 : CESF", "conseiller en économie sociale familiale", None, True),
    ("avenant art. 1 : assistante sociale", "assistante sociale", None, True),
    ("hors liste : CQP inspecteur du recouvrement", "CQP inspecteur du recouvrement", False, False),
]


@pytest.mark.parametrize(("article", "name", "listed", "added"), CERTIFICATIONS, ids=[c[0] for c in CERTIFICATIONS])
def test_pro_a_certification_table(article, name, listed, added):
    result = pro_a_certification(name, d("2025-01-01"))
    assert result.eligible is listed, article
    if listed is not False:
        assert result.details["added_2022"] is added
    sections = {(r.document.split("-")[0], r.section) for r in result.references}
    assert ("accord", "2.2") in sections
    if added:
        assert ("avenant", "1") in sections
        assert any("extension" in w for w in result.warnings)


def test_2022_additions_open_only_at_the_avenant_extension():
    """Avenant 2022, art. 6: "l'entrée en vigueur de l'article 1 du présent avenant portant sur l'ajout de
    certifications professionnelles à la liste des certifications professionnelles éligibles à la Pro-A est
    conditionnée à l'extension du présent avenant par le ministère chargé du travail, date à laquelle ces
    certifications seront ouvertes à la Pro-A" (issue 15, point 3)."""
    pending = pro_a_certification("CQP manager opérationnel", d("2025-01-01"))
    assert pending.eligible is None and pending.missing == []
    assert pending.value == "sous réserve de l'extension de l'avenant"
    assert pending.to_dict()["eligible"] is None
    assert pro_a_certification("CQP manager opérationnel", d("2023-06-01"), d("2023-03-01")).eligible is True
    assert pro_a_certification("CQP manager opérationnel", d("2023-01-01"), d("2023-03-01")).eligible is False


def test_common_names_reach_the_listed_certification_and_near_misses_ask():
    """Avenant 2022, art. 1 adds the "Diplôme d'État assistante de service social" and the "Master manager
    stratégique" (EN3S). "assistante sociale" designates the first; "CQP manager stratégique" is neither
    that master nor the CQP manager opérationnel, so the answer asks which (issue 15, point 3)."""
    social = pro_a_certification("assistante sociale", d("2025-01-01"))
    assert social.details["certification"] == "Diplôme d'État assistante de service social"
    near = pro_a_certification("CQP manager stratégique", d("2025-01-01"))
    assert near.eligible is None and near.missing == ["certification"]
    assert "Master manager stratégique" in near.summary
    cut = pro_a_certification("CQP manager", d("2025-01-01"))
    assert set(cut.details["candidates"]) == {"CQP manager opérationnel", "Master manager stratégique"}
    assert pro_a_certification("BTS comptabilité", d("2025-01-01")).eligible is False


def test_2022_additions_were_not_listed_before_the_avenant():
    assert pro_a_certification("master manager stratégique", d("2021-06-01")).eligible is False


def test_list_has_ten_certifications_from_2019_and_five_from_2022():
    assert sum(not c.added_2022 for c in PRO_A_CERTIFICATIONS) == 10
    assert sum(c.added_2022 for c in PRO_A_CERTIFICATIONS) == 5


def test_every_listed_title_recognises_itself():
    for certification in PRO_A_CERTIFICATIONS:
        assert pro_a_certification(certification.title, d("2025-01-01")).details["certification"] == certification.title


def test_empty_certification_is_refused():
    with pytest.raises(CalcError):
        pro_a_certification("")


def test_the_extension_date_is_read_from_the_amendments_file(tmp_path):
    """Avenant 2022, art. 6: the additions open at the extension; `corpus/amendments.json` records its date
    (the `effective_from` of the annex-1 addition) once known, and has none today."""
    import json

    from calculators.amendment_dates import AVENANT_2022, avenant_2022_dates

    assert avenant_2022_dates().pro_a_extension is None  # the corpus does not give the date
    configured = tmp_path / "amendments.json"
    operation = {"op": "append_to_list", "target": "Annexe 1", "effective_from": "2023-03-01"}
    amendment = {"avenant": AVENANT_2022, "effective_from": "2022-10-11", "operations": [operation]}
    configured.write_text(json.dumps({"amendments": [amendment]}), encoding="utf-8")
    assert avenant_2022_dates(configured).pro_a_extension == d("2023-03-01")
    assert avenant_2022_dates(tmp_path / "absent.json").pro_a_extension is None


def test_every_listed_certification_states_its_sanction_as_the_annex_does() -> None:
    """Annexe 1 and avenant art. 1: each entry has a column « Sanction de l'action de formation » (for the
    DAMC: « Qualification reconnue dans les classifications d'une convention collective nationale de
    branche (CCN) »); the result gives it, so "ça débouche sur quoi ?" is answered by the calculator."""
    assert {c.title for c in PRO_A_CERTIFICATIONS} == set(SANCTIONS)
    result = pro_a_certification("DAMC", as_of=d("2026-11-29"))
    assert result.details["sanction"].endswith("(CCN)")
    assert any("classifications d'une convention collective" in step for step in result.steps)


@pytest.mark.parametrize(
    ("kwargs", "end"),
    [
        ({"start": "2027-02-01"}, "31 janvier 2028"),
        ({"start": "2027-03-01", "months": 10}, "31 décembre 2027"),
        ({"start": "2027-09-01", "case": "minimum_social_benefit"}, "31 août 2030"),
    ],
)
def test_a_dated_start_gives_the_last_day(kwargs, end):
    """Art. 2.4: « Le dispositif Pro-A s'étend sur une durée comprise entre 6 et 12 mois » (36 mois for the listed
    publics): from its first day, the length envisaged (else the case's longest) gives its last day (calc18)."""
    from calculators.registry import CALCULATORS

    result = CALCULATORS["pro_a_duration"].run(**kwargs)
    assert f"s'achève au plus tard le {end}" in result.summary


@pytest.mark.parametrize(
    ("question", "arguments"),
    [
        (
            "Une Pro-A de durée normale maximale démarre le 1er février 2027 pour une agente de 45 ans : jusqu'à "
            "quand peut-elle aller au plus tard ?",
            {"start": date(2027, 2, 1)},
        ),
        (
            "Ma Pro-A de 10 mois commence le 1er mars 2027, elle se termine quand ?",
            {"start": date(2027, 3, 1), "months": 10},
        ),
    ],
)
def test_the_start_of_a_pro_a_is_read_when_its_end_is_asked(question, arguments):
    from assistant.routing.router import route

    decision = route(question, date(2026, 11, 29))
    assert (decision.calculator, decision.arguments) == ("pro_a_duration", arguments)
