"""Preparation sheet for an entretien professionnel: the rights and deadlines a profile opens.

An HR advisor describes an employee (`EmployeeProfile`); `prepare_sheet` runs the calculators of
`calculators.registry` that apply — CEP absence, garantie individuelle, VAE leave, Pro-A eligibility
and certifications, entretien/bilan schedule, tutor and trainer bonuses — and lists the points the
interviewer must inform about (protocole, art. 6). Each item keeps the calculator's working and the
articles it applied. `sheet_to_markdown` and `sheet_to_pdf` export the sheet.

This module is the public entry; the parts live in
- `interview.profile`: `EmployeeProfile`, `Period`, the contracts, seniority in months;
- `interview.rights`: one `SheetItem` per right or obligation, and its status;
- `interview.sheet`: `prepare_sheet`, the deadlines and the art. 6 information points;
- `interview.export`: Markdown and PDF.

Privacy: a profile is personal data. These modules never log it, and `EmployeeProfile`'s repr leaves
the name and the career wish out, so an accidental log line cannot carry them.
"""

from __future__ import annotations

from interview.export import sheet_to_markdown, sheet_to_pdf
from interview.profile import CONTRACTS, EmployeeProfile, Period
from interview.rights import STATUS_LABELS, SheetItem, Status
from interview.sheet import Deadline, InformationPoint, PreparationSheet, prepare_sheet

__all__ = [
    "CONTRACTS",
    "STATUS_LABELS",
    "Deadline",
    "EmployeeProfile",
    "InformationPoint",
    "Period",
    "PreparationSheet",
    "SheetItem",
    "Status",
    "prepare_sheet",
    "sheet_to_markdown",
    "sheet_to_pdf",
]
