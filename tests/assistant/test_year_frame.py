"""A year said alone as the frame of its sentence dates that sentence's days and months (calc18).

Circular of the CQP gestionnaire conseil, IV: "L'amplitude du parcours de formation ne doit pas excéder deux ans, à
compter du premier jour du tronc commun interbranche (Prem'ss …)" — "En 2013, un stagiaire avait commencé Prem'ss
le 4 mars" is the 4 March 2013, not this year's 4 March beside a date "2013" of its own.
"""

from __future__ import annotations

from datetime import date

import pytest

from assistant.routing.extraction.dates import parse_dates
from assistant.routing.router import route

TODAY = date(2026, 11, 29)


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        (
            "En 2013, un stagiaire avait commencé Prem'ss le 4 mars : jusqu'à quand ?",
            date(2013, 3, 4),
            date(2013, 3, 4),
        ),
        ("En 2025, j'ai été tutrice du 1er février au 20 juin : combien ?", date(2025, 2, 1), date(2025, 6, 20)),
    ],
)
def test_the_frame_year_dates_the_sentence(text: str, start: date, end: date) -> None:
    (span,) = parse_dates(text, TODAY)
    assert (span.start, span.end, span.year_inferred) == (start, end, False)


def test_a_year_that_frames_nothing_stays_a_date() -> None:
    spans = parse_dates("En 2013, le CQP a changé : et aujourd'hui ?", TODAY)
    assert [(s.start, s.precision) for s in spans][:1] == [(date(2013, 1, 1), "year")]


def test_the_path_s_end_is_computed_from_the_framed_day() -> None:
    decision = route(
        "En 2013, un stagiaire avait commencé Prem'ss le 4 mars : jusqu'à quand son parcours de CQP gestionnaire "
        "conseil pouvait-il s'étendre ?",
        TODAY,
    )
    assert decision.arguments == {"first_premss_day": date(2013, 3, 4)}
