"""How much nearer a question is to the texts' own questions than to labour-law questions in the users' register.

Why (issues #13, #21; docs/evaluation/refuse24.md): the scope check refused most in-scope questions of the 2026o–s
sets whose subject it could not place ("no corpus topic, no indexed text named": `answerable.subject_is_elsewhere`),
because the user named a scheme in everyday words ("contrat mêlant cours et travail"), a CQP by its job ("les chefs
d'équipe de premier niveau") or a text by a periphrasis ("le document signé avec le centre"). The everyday glossary
and the corpus's derived questions hold such wordings; the users'-register out-of-scope questions
(`data/labour_questions.jsonl`, oosdata12) hold the same register about other labour-law subjects. The example
bank's vote contrasts the texts with the ministry's fiches only, whose register no employee writes in, so a question
in a user's words read near no class. Contrasting the mean cosine of the `NEIGHBOURS` nearest in-scope questions
with that of the nearest out-of-scope ones, both registers on the out-of-scope side, measures the subject, not the
register: on the 113 `subject_is_elsewhere` refusals of 2026o–s, from a contrast of 0.019, 34 of 56 in-scope
questions and 5 of 57 out-of-scope ones.

A mean over three neighbours, not the nearest alone: one glossary question worded like the user's ("combien
coûte…") is as near for a question about another subject; measured, the nearest alone kept 7 of 56 in-scope
questions at one out-of-scope one, three neighbours 17.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

NEIGHBOURS = 3


@dataclass(frozen=True)
class RegisterContrast:
    """The in-scope questions' vectors (the bank's corpus rows and the everyday glossary's questions) and the
    out-of-scope ones (the bank's fiches and the users'-register questions), L2-normalised rows."""

    inside: np.ndarray
    outside: np.ndarray

    def contrast(self, vector: np.ndarray, neighbours: int = NEIGHBOURS) -> float | None:
        """The mean cosine of the question's `neighbours` nearest in-scope questions less that of its nearest
        out-of-scope ones; None when either side is empty or of another dimension."""
        if not _usable(self.inside, vector, neighbours) or not _usable(self.outside, vector, neighbours):
            return None
        return _nearest_mean(self.inside @ vector, neighbours) - _nearest_mean(self.outside @ vector, neighbours)


def _usable(matrix: np.ndarray, vector: np.ndarray, neighbours: int) -> bool:
    return matrix.ndim == 2 and matrix.shape[0] >= neighbours and matrix.shape[1] == vector.shape[-1]


def _nearest_mean(similarities: np.ndarray, neighbours: int) -> float:
    return float(np.partition(similarities, -neighbours)[-neighbours:].mean())
