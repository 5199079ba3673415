"""The preparation sheet as a document: Markdown (free text escaped) or PDF (fpdf2).

The PDF uses DejaVu Sans when the system or matplotlib has it; otherwise Helvetica, with the
typographic signs the core fonts lack transliterated (`to_latin1`). Nothing is written to disk.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Literal

from calculators.dates import format_date_fr
from interview.rights import STATUS_LABELS
from interview.sheet import Deadline, PreparationSheet


def _md(text: str) -> str:
    """Escape what Markdown would interpret in free text (user input, calculator echoes)."""
    return re.sub(r"([\\`*_\[\]<>|~$])", r"\\\1", text)


def sheet_to_markdown(sheet: PreparationSheet) -> str:
    """The sheet as a Markdown document."""
    out = [f"# {_md(sheet.heading)}", "", f"Établie le {format_date_fr(sheet.today)}.", "", "## Profil", ""]
    out += [f"- {_md(line)}" for line in sheet.profile_lines]
    out += ["", "## Échéances", ""]
    out += [f"- **{format_date_fr(d.by)}** : {_md(d.what)}{_late(d, sheet.today)}" for d in sheet.deadlines] or [
        "- Aucune échéance datée."
    ]
    out += ["", "## Droits et obligations", ""]
    for item in sheet.items:
        out += [f"### {_md(item.title)}", "", f"*{STATUS_LABELS[item.status]}* — {_md(item.summary)}", ""]
        if item.note:
            out += [_md(item.note), ""]
        if item.result:
            out += [f"Formule : `{item.result.formula.replace('`', '')}`", ""]
            out += [f"{n}. {_md(step)}" for n, step in enumerate(item.result.steps, start=1)]
            out.append("")
            if item.result.warnings:
                out += ["Points de vigilance :", ""]
                out += [f"- {_md(w)}" for w in item.result.warnings]
                out.append("")
        refs = item.all_references
        if refs:
            out.append("Références : " + " ; ".join(_md(r.label) for r in refs))
            out.append("")
    out += ["## Points d'information (article 6)", ""]
    for point in sheet.information_points:
        mark = " ⚠" if point.emphasis else ""
        out.append(f"- **{_md(point.topic)}**{mark} : {_md(point.text)} ({_md(point.reference.label)})")
    out += [
        "",
        "---",
        "Fiche indicative établie à partir des textes conventionnels (IDCC 218) ; à vérifier avant tout engagement.",
        "",
    ]
    return "\n".join(out)


FONT_CANDIDATES = (
    Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
    Path("/usr/share/fonts/dejavu/DejaVuSans.ttf"),
    Path("/usr/local/share/fonts/DejaVuSans.ttf"),
)

_TRANSLITERATION = str.maketrans(
    {
        "’": "'",
        "‘": "'",
        "“": '"',
        "”": '"',
        "–": "-",
        "—": "-",
        "…": "...",
        "›": ">",
        "→": "->",
        "≥": ">=",
        "≤": "<=",
        "€": "EUR",
        "×": "x",
        "∈": "dans",
        "∪": "+",
        "⚠": "(!)",
        "•": "-",
        "œ": "oe",
        "Œ": "OE",
        "\u202f": " ",
        "\u00a0": " ",
    }
)


def unicode_font() -> Path | None:
    """A DejaVu Sans TTF from the system or from matplotlib, if either is installed."""
    for candidate in FONT_CANDIDATES:
        if candidate.is_file():
            return candidate
    try:
        import matplotlib  # optional

        bundled = Path(matplotlib.get_data_path()) / "fonts" / "ttf" / "DejaVuSans.ttf"
    except Exception:  # matplotlib absent or broken: core fonts then
        return None
    return bundled if bundled.is_file() else None


def to_latin1(text: str) -> str:
    """Text the PDF core fonts can show: typographic signs transliterated, the rest replaced."""
    return text.translate(_TRANSLITERATION).encode("latin-1", "replace").decode("latin-1")


def sheet_to_pdf(sheet: PreparationSheet, font_path: Path | Literal["auto"] | None = "auto") -> bytes:
    """The sheet as a PDF (fpdf2): DejaVu Sans when available, else Helvetica with transliterated text."""
    from fpdf import FPDF
    from fpdf.enums import XPos, YPos

    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(auto=True, margin=15)
    pdf.set_title(to_latin1(sheet.heading))
    font = unicode_font() if font_path == "auto" else font_path
    if font is not None:
        pdf.add_font("body", "", str(font))
        bold = font.with_name(font.stem + "-Bold" + font.suffix)
        pdf.add_font("body", "B", str(bold if bold.is_file() else font))
        family, clean = "body", (lambda text: text)
    else:
        family, clean = "helvetica", to_latin1
    pdf.add_page()
    width = pdf.w - pdf.l_margin - pdf.r_margin

    def write(text: str, size: float = 10, style: str = "", gap: float = 1.5, indent: float = 0) -> None:
        pdf.set_font(family, style, size)
        pdf.set_x(pdf.l_margin + indent)
        pdf.multi_cell(width - indent, size * 0.5, clean(text), align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.ln(gap)

    write(sheet.heading, 15, "B", 2)
    write(f"Établie le {format_date_fr(sheet.today)}.", 9, gap=3)
    write("Profil", 12, "B")
    for line in sheet.profile_lines:
        write(f"• {line}", 9.5, gap=0.5, indent=3)
    pdf.ln(2)
    write("Échéances", 12, "B")
    for deadline in sheet.deadlines or ():
        late = _late(deadline, sheet.today)
        write(f"• {format_date_fr(deadline.by)} : {deadline.what}{late}", 9.5, gap=0.5, indent=3)
    if not sheet.deadlines:
        write("Aucune échéance datée.", 9.5, indent=3)
    pdf.ln(2)
    write("Droits et obligations", 12, "B")
    for item in sheet.items:
        write(item.title, 10.5, "B", 0.5)
        write(f"[{STATUS_LABELS[item.status]}] {item.summary}", 9.5, gap=0.8, indent=3)
        if item.note:
            write(item.note, 9, gap=0.8, indent=3)
        if item.result:
            write(f"Formule : {item.result.formula}", 9, "", 0.5, indent=3)
            for number, step in enumerate(item.result.steps, start=1):
                write(f"{number}. {step}", 8.5, gap=0.3, indent=6)
            for warning in item.result.warnings:
                write(f"Vigilance : {warning}", 8.5, gap=0.3, indent=6)
        refs = item.all_references
        if refs:
            write("Références : " + " ; ".join(r.label for r in refs), 8.5, gap=2.5, indent=3)
    write("Points d'information (article 6)", 12, "B")
    for point in sheet.information_points:
        write(
            f"• {point.topic}{' (!)' if point.emphasis else ''} : {point.text}",
            9.5,
            "B" if point.emphasis else "",
            0.8,
            indent=3,
        )
    pdf.ln(3)
    write(
        "Fiche indicative établie à partir des textes conventionnels (IDCC 218) ; à vérifier avant tout engagement.",
        8,
    )
    return bytes(pdf.output())


def _late(deadline: Deadline, today: date) -> str:
    """ " — en retard depuis le …" or " — échéance dépassée" after a deadline's date; "" otherwise."""
    state = deadline.state(today)
    if state == "à venir":
        return ""
    return f" — {state if state.startswith('en retard') else 'échéance dépassée'}"
