"""Three-valued conditions, so that a rule decides with the inputs it has (publicodes-style).

A condition of an agreement holds, fails, or cannot be judged yet because an input is missing. A
rule that needs all its conditions fails as soon as one fails, whatever the others; one that needs
any of several alternatives holds as soon as one holds. Only when the known inputs leave the result
open does it name the inputs that could still close it, so the assistant asks for those alone.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Condition:
    """One condition: `holds` is True, False or None (unknown); `needs` the inputs it waits for."""

    holds: bool | None
    needs: tuple[str, ...] = ()

    @staticmethod
    def known(value: bool) -> Condition:
        return Condition(value)

    @staticmethod
    def unknown(*needs: str) -> Condition:
        return Condition(None, needs)


def _needs(conditions: Iterable[Condition]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(n for c in conditions if c.holds is None for n in c.needs))


def all_of(*conditions: Condition) -> Condition:
    """False if any condition fails; True if all hold; otherwise unknown, waiting for the unknown ones."""
    if any(c.holds is False for c in conditions):
        return Condition(False)
    if all(c.holds is True for c in conditions):
        return Condition(True)
    return Condition(None, _needs(conditions))


def any_of(*conditions: Condition) -> Condition:
    """True if any condition holds; False if all fail; otherwise unknown."""
    if any(c.holds is True for c in conditions):
        return Condition(True)
    if all(c.holds is False for c in conditions):
        return Condition(False)
    return Condition(None, _needs(conditions))


def negate(condition: Condition) -> Condition:
    """The opposite condition (unknown stays unknown)."""
    return Condition(None if condition.holds is None else not condition.holds, condition.needs)


def at_least(value: float | None, threshold: float, needs: str) -> Condition:
    """`value >= threshold`, unknown when the value is not given."""
    return Condition.unknown(needs) if value is None else Condition(value >= threshold)
