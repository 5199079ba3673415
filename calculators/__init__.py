"""Deterministic, explained rules of the agreements: every number the assistant gives comes from here.

Each calculator is a plain typed function returning a `CalcResult` that carries its value, formula,
French step-by-step reasoning and the articles it applied. No framework is imported here.
"""

from calculators.result import CalcError, CalcResult, Reference

__all__ = ["CalcError", "CalcResult", "Reference"]
