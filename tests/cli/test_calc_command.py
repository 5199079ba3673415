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


# Issue 15, "Done when": the CLI gives these results (each rule's own tests quote its article).
DONE_WHEN = [
    (["tutor_bonus", "--mission", "2025-01-15:2025-02-14", "--as-of", "2025-12-31"], "value", 7),
    (["pro_a_eligibility", "--contract", "CDI à temps partiel", "--diploma-level", "bac"], "eligible", True),
    (["cqp_vae_eligibility", "--experience-years", "1"], "eligible", True),
    (["pro_a_certification", "--certification", "CQP manager opérationnel", "--as-of", "2025-06-01"], "eligible", None),
    (["tutor_bonus", "--mission", "2025-01-01:2025-03-31:4", "--as-of", "2025-12-31"], "value", 63),
]


@pytest.mark.parametrize(("args", "key", "expected"), DONE_WHEN, ids=[a[0] for a, _, _ in DONE_WHEN])
def test_issue_15_examples(args, key, expected, capsys, tmp_path):
    """Art. 4.3 (7 points per month begun), 2.3 (a part-time CDI is a CDI), 7 (one year of activity for a VAE),
    avenant art. 6 (2022 additions open at the extension: undecided without its date), 4.2 (3 trainees)."""
    assert main(["calc", *args, "--json", *_point_file(args, tmp_path)]) == 0
    result = json.loads(capsys.readouterr().out)
    assert key in result and result[key] == expected
    if args[0] == "cqp_vae_eligibility":
        assert "circulaire de 2013" in result["summary"]
    if expected == 63:
        assert any("au-delà du 3e stagiaire" in w for w in result["warnings"])


def _point_file(args: list[str], tmp_path) -> list[str]:
    """Tutor calls get an empty point-value table, so that no user configuration leaks into the test."""
    return ["--point-values-file", str(tmp_path / "none.json")] if args[0] == "tutor_bonus" else []
