"""Figures as numbers: one canonical spelling per value, and the unit and margin of a figure."""

from __future__ import annotations

from decimal import ROUND_CEILING, Decimal, localcontext
from typing import TypeAlias

from factcheck.errors import QuantityError

__all__ = ["BARE_YEAR_MAX", "BARE_YEAR_MIN", "Number", "YEAR_MAX", "YEAR_MIN"]

Number: TypeAlias = int | Decimal
"""A figure: an ``int``, or a ``Decimal`` when it has decimals ("2.5")."""

YEAR_MIN, YEAR_MAX = 1000, 2999  # four digits, and a margin for shifting
BARE_YEAR_MIN, BARE_YEAR_MAX = 1900, 2100  # a lone four-digit number is a year in here

def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


def _words_list(text: str) -> list[str]:
    return text.split()


# -- numbers -----------------------------------------------------------------------------


def _canon(value: object) -> Number:
    """One spelling per value: integral Decimals become ints, trailing zeros go."""
    if isinstance(value, bool) or not isinstance(value, int | Decimal):
        raise QuantityError(f"not a number: {value!r} (expected an int or a Decimal)")
    if isinstance(value, int):
        return value
    if not value.is_finite():
        raise QuantityError(f"not a finite number: {value}")
    if value == value.to_integral_value():
        return int(value)
    # format/strip rather than normalize(): normalize rounds to the context's precision
    return Decimal(format(value, "f").rstrip("0"))


def _canon_opt(value: object) -> Number | None:
    return None if value is None else _canon(value)


def _plain(n: Number) -> str:
    return str(n) if isinstance(n, int) else format(n, "f")


def _grouped(n: Number) -> str:
    return f"{n:,}" if isinstance(n, int) else format(n, ",f")


def _unit_of(n: Number) -> Number:
    """One unit of the last written digit: 1 for whole numbers, 0.1 for 2.5."""
    if isinstance(n, int):
        return 1
    exponent = n.as_tuple().exponent
    assert isinstance(exponent, int)  # finite by construction
    return Decimal(1).scaleb(exponent)


def _about_margin(n: Number) -> Number:
    """10 % of n rounded up to a multiple of its unit, at least one unit."""
    if isinstance(n, int):
        return max(1, -(-abs(n) // 10))
    unit = _unit_of(n)
    with localcontext() as exact:  # enough digits that long figures are not rounded
        exact.prec = max(28, len(n.as_tuple().digits) + 2)
        margin = (abs(n) / 10).quantize(Decimal(unit), rounding=ROUND_CEILING)
    return _canon(max(margin, Decimal(unit)))
