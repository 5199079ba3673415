"""The calculators as the UI sees them: the registry, its parameter descriptions, the labels of
levels and cases, the point-value table, the French wording of dates.

The UI imports from `assistant` only (`ui → assistant → calculators`); this façade re-exports the
few names its forms and pages need, unchanged, so `calculators` stays free to reorganise itself
behind it. Running a calculator stays `CALCULATORS[name].run(**kwargs)` (a `CalculatorSpec`),
which raises `CalcError` for impossible input.
"""

from __future__ import annotations

from calculators.dates import format_date_fr
from calculators.point_value import PointValue, load_point_values, value_on
from calculators.pro_a import CASE_LABELS
from calculators.qualification_levels import LEVEL_NAMES
from calculators.registry import CALCULATORS
from calculators.result import CalcError
from calculators.spec import CalculatorSpec, Param

__all__ = [
    "CALCULATORS",
    "CASE_LABELS",
    "LEVEL_NAMES",
    "CalcError",
    "CalculatorSpec",
    "Param",
    "PointValue",
    "format_date_fr",
    "load_point_values",
    "value_on",
]
