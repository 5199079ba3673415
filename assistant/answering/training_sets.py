"""The evaluation sets no learnt model of the product may be trained on.

Why: the trained models (`passage_model`, `refusal_judge`) learn from the released evaluation sets; their transfer is
measured on a validation generation (read by counts only) and on held-out generations nobody tunes on. A set named
here is refused as training data by every retrain command and by the tests over the shipped weights, so that a
future release of a generation is one edit of this tuple, never a silent leak.
"""

from __future__ import annotations

EXCLUDED_SETS = ("2026q", "2026r", "2026s")  # validation (counts only), held out, held out


def excluded(name: str) -> bool:
    """Whether a set's file name is one no model may be trained on."""
    return any(generation in name for generation in EXCLUDED_SETS)
