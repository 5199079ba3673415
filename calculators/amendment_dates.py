"""Dates the avenants' own texts leave open, read from the corpus's amendment description.

The avenant of 11 October 2022 applies "sous réserve de l'agrément ministériel" and opens its new
Pro-A certifications only at its extension "par le ministère chargé du travail" (art. 6); neither
date is in the corpus. `corpus/amendments.json` records them when they are known (`effective_from`
of the avenant, and of its addition to annex 1), so that the calculators apply the rule from the
configured date and say "sous réserve" while none is configured. The knowledge layer reads the
same file for the consolidated texts; this reader only takes the two dates the calculators need.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

AMENDMENTS_FILE = Path(__file__).resolve().parents[1] / "corpus" / "amendments.json"
AVENANT_2022 = "avenant-2022-10-11-formation-professionnelle"
SIGNED_2022 = date(2022, 10, 11)


@dataclass(frozen=True)
class AvenantDates:
    """When the avenant of 2022 applies, and when its Pro-A additions open (None: not configured)."""

    in_force: date
    pro_a_extension: date | None


def _date(value: Any) -> date | None:
    try:
        return date.fromisoformat(str(value)) if value else None
    except ValueError:
        return None


def avenant_2022_dates(path: Path | None = None) -> AvenantDates:
    """The configured dates; an absent or unreadable file gives the signature date and no extension."""
    file = path or AMENDMENTS_FILE
    try:
        data = json.loads(file.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return AvenantDates(SIGNED_2022, None)
    for amendment in data.get("amendments", []) if isinstance(data, dict) else []:
        if not isinstance(amendment, dict) or amendment.get("avenant") != AVENANT_2022:
            continue
        in_force = _date(amendment.get("effective_from")) or SIGNED_2022
        extension = next(
            (
                _date(op.get("effective_from"))
                for op in amendment.get("operations", [])
                if isinstance(op, dict) and op.get("op") == "append_to_list" and op.get("target") == "Annexe 1"
            ),
            None,
        )
        return AvenantDates(in_force, extension)
    return AvenantDates(SIGNED_2022, None)
