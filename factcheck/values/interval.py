"""Closed intervals of numbers, open on either side: what a worded figure allows."""

from __future__ import annotations

import re
from decimal import Decimal
from fractions import Fraction

import attrs

from factcheck.errors import QuantityError
from factcheck.values.numbers import Number, _canon, _canon_opt, _plain

__all__ = ["Interval"]

# -- Interval ----------------------------------------------------------------------------


def _low_max(a: Number | None, b: Number | None) -> Number | None:
    if a is None:
        return b
    if b is None:
        return a
    return a if a >= b else b


def _high_min(a: Number | None, b: Number | None) -> Number | None:
    if a is None:
        return b
    if b is None:
        return a
    return a if a <= b else b


_INTERVAL_NUM = r"[-−]?\d+(?:\.\d+)?"
_INTERVAL_RE = re.compile(
    rf"""\s*(?:
        (?P<empty>∅|\{{\}})
      | (?P<point>{_INTERVAL_NUM})
      | (?P<open>[\[(])\s*(?P<low>{_INTERVAL_NUM}|[-−]∞|-inf)\s*,
        \s*(?P<high>{_INTERVAL_NUM}|\+?∞|\+?inf)\s*(?P<close>[\])])
    )\s*""",
    re.VERBOSE,
)


def _interval_number(text: str) -> Number:
    text = text.replace("−", "-")
    return _canon(Decimal(text)) if "." in text else int(text)


@attrs.frozen
class Interval:
    """A closed interval of numbers; ``None`` leaves that side unbounded.

    Every empty interval is stored as ``Interval(1, 0)`` so that empty intervals
    compare equal and print as ``∅``.

    >>> a = Interval(54, 66)
    >>> 60 in a, 70 in a, str(a), str(Interval(61, None)), str(Interval(61, 61))
    (True, False, '[54, 66]', '[61, ∞)', '61')
    >>> str(a.intersect(Interval(61, None))), str(a.hull(Interval(70, 70)))
    ('[61, 66]', '[54, 70]')
    >>> str(a + Interval(1, 2)), str(a - 4), a.width
    ('[55, 68]', '[50, 62]', 12)
    >>> Interval.parse("[61, ∞)") == Interval(61, None)
    True
    """

    low: Number | None = attrs.field(converter=_canon_opt)
    high: Number | None = attrs.field(converter=_canon_opt)

    def __attrs_post_init__(self) -> None:
        if self.low is not None and self.high is not None and self.low > self.high:
            object.__setattr__(self, "low", 1)
            object.__setattr__(self, "high", 0)

    @classmethod
    def empty(cls) -> Interval:
        """The interval that holds nothing.

        >>> Interval.empty().is_empty, str(Interval.empty())
        (True, '∅')
        """
        return cls(1, 0)

    @classmethod
    def point(cls, n: Number) -> Interval:
        """The interval that holds *n* alone.

        >>> Interval.point(61)
        Interval(low=61, high=61)
        """
        return cls(n, n)

    @property
    def is_empty(self) -> bool:
        """True when no number lies in the interval."""
        return self.low is not None and self.high is not None and self.low > self.high

    @property
    def width(self) -> Number | None:
        """``high − low``; ``None`` when the interval is empty or unbounded.

        >>> Interval(54, 66).width, Interval(61, None).width, Interval(61, 61).width
        (12, None, 0)
        """
        if self.is_empty or self.low is None or self.high is None:
            return None
        return _canon(self.high - self.low)

    def __contains__(self, x: object) -> bool:
        if isinstance(x, bool) or not isinstance(x, int | float | Decimal | Fraction):
            return False
        if x != x or self.is_empty:  # NaN
            return False
        return (self.low is None or self.low <= x) and (self.high is None or x <= self.high)

    def intersect(self, other: Interval) -> Interval:
        """The numbers in both intervals (commutative, associative).

        >>> str(Interval(54, 66).intersect(Interval(70, None)))
        '∅'
        """
        if self.is_empty or other.is_empty:
            return Interval.empty()
        return Interval(_low_max(self.low, other.low), _high_min(self.high, other.high))

    def hull(self, other: Interval) -> Interval:
        """The smallest interval that holds both (commutative, associative; ∅ is neutral).

        >>> str(Interval(1, 2).hull(Interval(5, None)))
        '[1, ∞)'
        """
        if self.is_empty:
            return other
        if other.is_empty:
            return self
        low = None if self.low is None or other.low is None else min(self.low, other.low)
        high = None if self.high is None or other.high is None else max(self.high, other.high)
        return Interval(low, high)

    def shift(self, k: Number) -> Interval:
        """Every number moved by *k*.

        >>> str(Interval(2005, 2007).shift(-1))
        '[2004, 2006]'
        """
        return self + k

    def __add__(self, other: Interval | Number) -> Interval:
        """Interval arithmetic: [a, b] + [c, d] = [a + c, b + d]; a number is [n, n]."""
        o = other if isinstance(other, Interval) else Interval.point(other)
        if self.is_empty or o.is_empty:
            return Interval.empty()
        low = None if self.low is None or o.low is None else self.low + o.low
        high = None if self.high is None or o.high is None else self.high + o.high
        return Interval(low, high)

    def __sub__(self, other: Interval | Number) -> Interval:
        """Interval arithmetic: [a, b] − [c, d] = [a − d, b − c]; a number is [n, n]."""
        o = other if isinstance(other, Interval) else Interval.point(other)
        if self.is_empty or o.is_empty:
            return Interval.empty()
        low = None if self.low is None or o.high is None else self.low - o.high
        high = None if self.high is None or o.low is None else self.high - o.low
        return Interval(low, high)

    def __str__(self) -> str:
        if self.is_empty:
            return "∅"
        if self.low is not None and self.low == self.high:
            return _plain(self.low)
        left = "(-∞" if self.low is None else f"[{_plain(self.low)}"
        right = "∞)" if self.high is None else f"{_plain(self.high)}]"
        return f"{left}, {right}"

    @classmethod
    def parse(cls, text: str) -> Interval:
        """Read an interval as :meth:`__str__` prints it; ``Interval.parse(str(i)) == i``.

        >>> Interval.parse("[54, 66]"), Interval.parse("(-∞, 59]"), Interval.parse("∅").is_empty
        (Interval(low=54, high=66), Interval(low=None, high=59), True)
        >>> Interval.parse("[54, 66")  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        factcheck.errors.QuantityError: cannot read an interval from '[54, 66': ...
        """
        m = _INTERVAL_RE.fullmatch(text) if isinstance(text, str) else None
        problem = None
        if m is not None:
            if m["empty"]:
                return cls.empty()
            if m["point"]:
                n = _interval_number(m["point"])
                return cls(n, n)
            low_text, high_text = m["low"], m["high"]
            low = None if "∞" in low_text or "inf" in low_text else _interval_number(low_text)
            high = None if "∞" in high_text or "inf" in high_text else _interval_number(high_text)
            if (m["open"] == "(") != (low is None) or (m["close"] == ")") != (high is None):
                problem = "use '[' and ']' at a number and '(' and ')' at ∞"
            else:
                return cls(low, high)
        raise QuantityError(
            f"cannot read an interval from {text!r}: "
            + (
                problem
                or "expected a number ('61'), a closed interval ('[54, 66]'), "
                "a half-line ('[61, ∞)', '(-∞, 59]') or '∅'"
            )
        )
