"""The direct path for characters in `ingest.pdf_reader` gives pdfplumber's own objects.

pdfplumber turns each pdfminer object into a dictionary through a generic recursive walk; the
reader copies a character's plain attributes directly instead (about a fifth of the parse's CPU,
docs/PERFORMANCE.md, perf6). Whatever the PDF, the dictionaries must be the ones pdfplumber would
have made: same keys in the same order, same values of the same types. A new pdfplumber that
adds or computes an attribute differently fails here before it can change a parse.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import Any

import pdfplumber
import pytest

from ingest.pdf_reader import _char_or_object, _resolved
from tests.ingest import PDF_DIR


def _objects(path: Path, pages: list[int], direct: bool) -> list[dict[str, list[dict[str, Any]]]]:
    with pdfplumber.open(path) as pdf:
        out = []
        for number in pages:
            page = pdf.pages[number]
            if direct:
                page.process_object = partial(_char_or_object, page)  # type: ignore[method-assign]
            out.append(page.objects)
        return out


def _same(a: dict[str, list[dict[str, Any]]], b: dict[str, list[dict[str, Any]]]) -> None:
    assert list(a) == list(b)
    for kind in a:
        assert len(a[kind]) == len(b[kind])
        for x, y in zip(a[kind], b[kind], strict=True):
            assert list(x) == list(y), kind
            assert x == y, kind
            assert [type(v) for v in x.values()] == [type(v) for v in y.values()], kind


@pytest.mark.parametrize("path", sorted(PDF_DIR.glob("*.pdf")), ids=lambda p: p.stem)
def test_characters_are_the_dictionaries_pdfplumber_makes(path: Path) -> None:
    """First and last page of every corpus PDF (title pages, tables, bold headings, footers)."""
    with pdfplumber.open(path) as pdf:
        pages = sorted({0, len(pdf.pages) - 1})
    plain, direct = _objects(path, pages, False), _objects(path, pages, True)
    assert sum(len(objects.get("char", [])) for objects in direct) > 500
    for a, b in zip(plain, direct, strict=True):
        _same(a, b)


def test_only_plain_values_skip_the_walk() -> None:
    """Numbers, names and tuples of numbers are returned as they are; anything else (a list, a
    nested tuple, a dictionary) goes through pdfplumber's `resolve_all`, which copies it."""
    matrix = (1.0, 0.0, 0.0, 1.0, 72.0, 700.5)
    assert _resolved(matrix) is matrix and _resolved("Helvetica-Bold") == "Helvetica-Bold"
    listed, nested = [1, 2], ((1, 2), 3)
    assert _resolved(listed) == listed and _resolved(listed) is not listed
    assert _resolved(nested) == nested
    assert _resolved({"a": (1.5,)}) == {"a": (1.5,)}
