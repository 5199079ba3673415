"""Tables as readable text: one line per row, each value named by its column.

A table must stay whole in one chunk and read well when quoted, e.g.
"Epreuve écrite — Note/ : /20 ; Coefficient : 3 ; Note éliminatoire : ≤ 6 ; Total/200 : /60".
"""

from __future__ import annotations

import re
from collections.abc import Sequence

TABLE_MARKER = "Tableau"


def _is_subheader(row: Sequence[str]) -> bool:
    """A second header row (e.g. "En jours" / "En heures") has an empty first cell and no figures."""
    filled = [c for c in row if c]
    return bool(filled) and not row[0] and not any(re.search(r"\d", c) for c in filled)


def column_headers(rows: Sequence[Sequence[str]]) -> tuple[list[str], int]:
    """Headers for each column and the number of header rows they used (1 or 2)."""
    width = max(len(r) for r in rows)
    first = [*rows[0], *[""] * (width - len(rows[0]))]
    headers: list[str] = []
    last = ""
    for cell in first:
        if cell:
            last = cell
        headers.append(cell or last)  # a merged header cell names the columns it spans
    used = 1
    if len(rows) > 2 and _is_subheader(rows[1]):
        used = 2
        headers = [f"{h} {s}".strip() if s else h for h, s in zip(headers, [*rows[1], *[""] * width])]
        # A spanning header applies only to columns with a sub-header; others keep their own.
        headers = [h if (i < len(rows[1]) and rows[1][i]) or first[i] else "" for i, h in enumerate(headers)]
    return headers, used


_NUMBER = re.compile(r"^\d+(?:[,.]\d+)?$")


def _number(cell: str) -> float | None:
    text = cell.strip()
    return float(text.replace(",", ".")) if _NUMBER.match(text) else None


def total_in_its_unit(rows: list[list[str]], used: int) -> list[list[str]]:
    """Move a total set under the wrong unit of its spanning header to the unit's empty sibling.

    A header spanning two units ("Durée totale" over "En jours" | "En heures") has beside it the
    parts of the total ("dont : nb d'heures de formation"). A total in hours smaller than one of its
    own parts in hours cannot be in hours: the CQP COS convention's art. 7 prints PASS's "5,5" (days:
    40 hours of training) under "En heures", its "En jours" cell empty. Such a value moves to the
    sibling unit when that cell is empty in the row; a value consistent with its parts never moves.
    """
    if used != 2:
        return rows
    width = max(len(r) for r in rows)
    spans, last = [], ""
    for cell in [*rows[0], *[""] * (width - len(rows[0]))]:
        last = cell or last
        spans.append(last)
    units = [*rows[1], *[""] * (width - len(rows[1]))]
    groups: dict[str, list[int]] = {}
    for col, unit in enumerate(units):
        if unit and spans[col]:
            groups.setdefault(spans[col], []).append(col)
    own = [*rows[0], *[""] * (width - len(rows[0]))]
    parts = [col for col, cell in enumerate(own) if cell.lower().startswith("dont")]
    for row in rows[used:]:
        row.extend([""] * (width - len(row)))
        for cols in (c for c in groups.values() if len(c) == 2):
            for col in cols:
                value = _number(row[col])
                unit = units[col].split()[-1].lower() if units[col].split() else ""
                if value is None or len(unit) < 4:
                    continue
                exceeded = [m for m in parts if unit in spans[m].lower() and (_number(row[m]) or 0) > value]
                sibling = next(k for k in cols if k != col)
                if exceeded and not row[sibling].strip():
                    row[sibling], row[col] = row[col], ""
    return rows


def render_table(rows: Sequence[Sequence[str]], caption: str = "") -> str:
    """Render rows (first row(s) = headers) as text lines; empty rows and cells are skipped."""
    table = [list(r) for r in rows if any(c.strip() for c in r)]
    if not table:
        return ""
    if len(table) == 1:
        return f"{TABLE_MARKER} : " + " | ".join(c for c in table[0] if c)
    headers, used = column_headers(table)
    rows = total_in_its_unit(table, used)
    lines = [f"{TABLE_MARKER}{' ' + caption if caption else ''} : " + " | ".join(h for h in _unique(headers) if h)]
    carried = ""
    for row in rows[used:]:
        cells = [*row, *[""] * (len(headers) - len(row))]
        lead = cells[0].lstrip("-–• ").strip()
        rest = [(headers[i], c) for i, c in enumerate(cells[1:], start=1) if c]
        if lead:
            carried = lead
        elif rest and carried:
            lead = carried  # a cell spanning several rows names each of them
        pairs = "; ".join(f"{h} : {c}" if h and h != c else c for h, c in rest)
        if lead and pairs:
            lines.append(f"– {lead} — {pairs}")
        elif lead or pairs:
            lines.append(f"– {lead or pairs}")
    return "\n".join(lines)


def _unique(items: Sequence[str]) -> list[str]:
    seen: list[str] = []
    for item in items:
        if item not in seen:
            seen.append(item)
    return seen


def rows_from_linear_cells(
    cells: Sequence[tuple[str, bool]], anchor: re.Pattern[str], row_end: re.Pattern[str]
) -> list[list[str]]:
    """Rebuild the rows of a 3-column table that the PDF prints as a single column of text.

    The BOCC Pro-A lists print each cell as its own paragraph, and spacing between cells is not
    reliable. Two things are: the middle column always starts with a family code ("06 – …"),
    and the last column always ends with the certification's sanction ("… (CQP)", "… au RNCP",
    "Diplôme d'État"). `cells` are (text, is_anchor) pieces in reading order; the text between
    two anchors is split at the first `row_end` match: before it, the end of the previous row;
    after it, the first column of the next row.
    """
    rows: list[list[str]] = []
    pending_first = ""
    between: list[str] = []
    anchor_text = ""

    def close_row(text: str) -> str:
        """Finish the open row with `text`; return what belongs to the next row."""
        match = row_end.search(text)
        if match is None:
            return text
        rows.append([pending_first, anchor_text, text[: match.end()].strip()])
        return text[match.end() :].strip()

    for text, is_anchor in cells:
        if is_anchor and anchor.match(text):
            joined = " ".join(between).strip()
            if anchor_text:
                joined = close_row(joined)
            pending_first = joined
            anchor_text = text
            between = []
        else:
            between.append(text)
    if anchor_text:
        rows.append([pending_first, anchor_text, " ".join(between).strip()])
    return rows
