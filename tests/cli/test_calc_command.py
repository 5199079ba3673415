"""`ccn-assistant calc`: options generated from the registry, JSON output, one-line errors with status 2."""

from __future__ import annotations

import json

import pytest

from calculators.registry import CALCULATORS
from cli.main import main


def test_without_name_lists_calculators(capsys):
    assert main(["calc"]) == 0
    out = capsys.readouterr().out
    for name in CALCULATORS:
        assert name in out


@pytest.mark.parametrize("name", sorted(CALCULATORS))
def test_help_lists_every_public_input(name, capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["calc", name, "--help"])
    assert exit_info.value.code == 0
    out = capsys.readouterr().out
    for param in CALCULATORS[name].public_params:
        option = {"missions": "mission", "actions": "action", "interviews": "interview", "bilans": "bilan"}.get(
            param.name, param.name
        )
        assert "--" + option.replace("_", "-") in out


def test_json_output_is_the_result_dict(capsys, tmp_path):
    code = main(
        [
            "calc",
            "tutor_bonus",
            "--mission",
            "2025-02-01:2025-06-20",
            "--as-of",
            "2025-07-01",
            "--point-values-file",
            str(tmp_path / "none.json"),
            "--json",
        ]
    )
    assert code == 0
    data = json.loads(capsys.readouterr().out)
    assert data["value"] == 35 and data["name"] == "tutor_bonus"


def test_repeated_list_options(capsys):
    code = main(["calc", "trainer_bonus", "--action", "2025-04-03:2025-04-03", "--action", "2025-04-17:2025-04-18"])
    assert code == 0
    out = capsys.readouterr().out
    assert "14 points" in out and "mai 2025" in out
    assert "Références" in out and "[avenant-2022-10-11-formation-professionnelle, 3]" in out


def test_boolean_options(capsys):
    code = main(
        [
            "calc",
            "cep_absence",
            "--contract",
            "CDI",
            "--months-as-employee",
            "84",
            "--months-in-organisation",
            "36",
            "--provider-far",
            "--json",
        ]
    )
    assert code == 0
    assert json.loads(capsys.readouterr().out)["details"]["duration"] == "1 journée"


@pytest.mark.parametrize(
    "argv",
    [
        ["calc", "vae_leave", "--diploma-level", "25"],
        ["calc", "tutor_bonus", "--mission", "2025-06-01:2025-02-01"],
        ["calc", "tutor_bonus"],
        [
            "calc",
            "cqp_certification",
            "--continuous-common",
            "25",
            "--continuous-option",
            "1",
            "--written",
            "1",
            "--oral",
            "1",
            "--tutored",
            "1",
        ],
    ],
)
def test_calc_error_is_one_line_and_status_2(argv, capsys):
    assert main(argv) == 2
    captured = capsys.readouterr()
    assert captured.err.startswith("erreur : ")
    assert captured.err.count("\n") == 1
    assert "Traceback" not in captured.err
