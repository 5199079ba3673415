"""Small input faults (issue #19, defect 9): each gets a clear French message, never a wrong answer.

- `"question": null` (or a number) in a JSONL file of questions was asked as the word "None";
- a folder, a named pipe or a device given to `ingest` was reported as "fichier introuvable"
  (a pipe could even block the parse); it is now "n'est pas un fichier ordinaire".
The 255-character upload name is covered in test_upload_namespace.py.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from assistant.settings import get_settings
from cli.main import main
from ingest.models import IngestError
from ingest.pipeline import check_file


@pytest.mark.parametrize("value", [None, 3, ["Combien ?"], {"texte": "Combien ?"}])
def test_a_question_that_is_not_text_is_refused_for_its_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], value: object
) -> None:
    questions = tmp_path / "questions.jsonl"
    lines = [{"id": "q1", "question": "Combien de points pour la prime de tutorat ?"}, {"id": "q2", "question": value}]
    questions.write_text("\n".join(json.dumps(line) for line in lines), encoding="utf-8")
    assert main(["ask", "--json", "--file", str(questions)]) == 2
    out, err = capsys.readouterr()
    assert not out  # nothing answered, not even the good line: the file is fixed first
    assert err.strip() == f"Erreur : {questions}:2: le champ « question » doit être un texte"


def test_a_folder_a_pipe_and_a_device_are_not_regular_files(tmp_path: Path) -> None:
    pipe = tmp_path / "tube.pdf"
    os.mkfifo(pipe)
    folder = tmp_path / "dossier.pdf"
    folder.mkdir()
    for path in (folder, pipe, Path("/dev/null")):
        with pytest.raises(IngestError, match="n'est pas un fichier ordinaire"):
            check_file(path)
    with pytest.raises(IngestError, match="fichier introuvable"):
        check_file(tmp_path / "absent.pdf")


def test_ingest_reports_them_one_line_each(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CCN_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("CCN_EMBEDDING_BACKEND", "hash")
    get_settings.cache_clear()
    pipe = tmp_path / "tube.pdf"
    os.mkfifo(pipe)
    (tmp_path / "dossier").mkdir()
    try:
        assert main(["ingest", str(tmp_path / "dossier"), str(pipe), "/dev/null"]) == 1
    finally:
        get_settings.cache_clear()
    out, err = capsys.readouterr()
    assert out.splitlines() == [
        "dossier: erreur: n'est pas un fichier ordinaire (dossier, tube ou périphérique)",
        "tube.pdf: erreur: n'est pas un fichier ordinaire (dossier, tube ou périphérique)",
        "null: erreur: n'est pas un fichier ordinaire (dossier, tube ou périphérique)",
    ], out + err
    assert not (tmp_path / "data" / "index").exists()
