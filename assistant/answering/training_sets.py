"""The evaluation sets no learnt model of the product may be trained on, and the digest of those it is trained on.

Why: the trained models (`passage_model`, `refusal_judge`) learn from the released evaluation sets; their transfer is
measured on a validation generation (read by counts only) and on held-out generations nobody tunes on. A set named
here is refused as training data by every retrain command and by the tests over the shipped weights, so that a
future release of a generation is one edit of this tuple, never a silent leak.

Each shipped model stores the digest of its training files (`training_digest`) so that a test fails when one of them
changes without retraining. The two models read different labels of the same files (the judge the expected route,
the passage model the expected sources too), so the digest takes the fields that are the model's labels: one
function, one shape, and an edit of a field a model does not read does not ask for its retraining.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from assistant.settings import REPO_ROOT

EXCLUDED_SETS = ("2026x", "2026y", "2026z")  # validation (counts only), held out, held out


def excluded(name: str) -> bool:
    """Whether a set's file name is one no model may be trained on."""
    return any(generation in name for generation in EXCLUDED_SETS)


def field_value(item: dict[str, Any], field: str) -> Any:
    """An item's value at a dotted field ("expect.sources"), None where a step is missing."""
    value: Any = item
    for step in field.split("."):
        value = value.get(step) if isinstance(value, dict) else None
    return value


def training_digest(files: Sequence[str | Path], fields: Sequence[str]) -> str:
    """Changes whenever one of `fields` (the model's labels, dotted: "expect.route") of an item of `files` changes,
    or a file is added, removed or renamed. Files are named relative to the repository or absolute; the digest reads
    only their names and items, so the same files give the same digest from any working directory."""
    h = hashlib.sha256()
    for name in files:
        path = Path(name)
        h.update(f"\0{path.name}".encode())
        for line in (REPO_ROOT / path).read_text(encoding="utf-8").splitlines():
            if line.strip():
                item = json.loads(line)
                kept = [field_value(item, field) for field in fields]
                h.update(json.dumps(kept, ensure_ascii=False, sort_keys=True).encode())
    return h.hexdigest()[:16]
