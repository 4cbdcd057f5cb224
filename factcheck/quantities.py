"""Quantities that articles state, as values that parse, compare and print canonically.

News copy gives the same figure many ways: "for 21 straight years", "the 20th
consecutive year", "since 2005", "more than 60 member states", "a decade", "in a
335-37 vote". This module reads such phrases into :class:`Quantity` values, says
what range of true figures each wording allows as an :class:`Interval`, and finds
every such phrase in running text (:func:`find_quantities`).

>>> q = Quantity.parse("for 21 straight years")
>>> q.kind, q.number, str(q), str(q.interval)
(<Kind.DURATION: 'duration'>, 21, '21 years', '21')
>>> str(Quantity.parse("more than 60 member states").interval)
'[61, ∞)'

Kinds
-----
``COUNT``     a figure: "61", "41 member states" (the noun is not kept), "7 times" (unit "time")
``ORDINAL``   "16th", "the 16th year", "for the second year in a row", "the 7th time"
``DURATION``  a number of years: "21 straight years", "16 consecutive years", "a decade"
``YEAR``      one year: "2005", "in 2023", "August 2022", "began in 2005", "since 2005"
``YEARS``     explicit years: "2019-22", "from 2008 to 2018", "2012-2013 and 2016-2019"
``VOTE``      a tally: "335-37 vote" (``number`` is the "for" count, ``other`` the "against")

"since 2005" keeps the qualifier ``since`` (the figure is a start); "began in
2005", "first adopted in 2004" and "in 2023" are plain years.

Widths: what each wording allows (:attr:`Quantity.interval`)
------------------------------------------------------------
These widths are part of the contract: reconciliation compares intervals, not words.
*n* is the figure as written; *u* is one unit of its last written digit (1 for whole
numbers, 0.1 for "2.5"); *d* is 10 % of *n* rounded up to a multiple of *u*, and at
least *u* (60 → 6, 10 → 1, 12 → 2, 2.5 → 0.3). Lower bounds never fall below 0.

==============================================  ==========================================
wording → canonical qualifier                   interval
==============================================  ==========================================
"61", "16th year", "21 years", "exactly 61"     [n, n]
→ ""
"the first 41 member states" → "first"          [n, n] (the count at the start)
more than, over, above, well over, upwards      [n + u, ∞); [n, ∞) for a non-whole n
of, in excess of, passed, surpassed, topped,
exceeded → "more than"
at least, no fewer than, no less than, a        [n, ∞)
minimum of, "N or more" → "at least"
fewer than, less than, under, below             [0, n − u]; [0, n] for a non-whole n
→ "fewer than"
up to, at most, no more than, a maximum of,     [0, n]
"N or fewer", "N or less" → "at most"
about, around, approximately, roughly, some,    [n − d, n + d]: "about 60" is [54, 66]
an estimated, circa, "N or so" → "about"
nearly, almost, close to, just under            [n − d, n − u]: "nearly 60" is [54, 59]
→ "nearly"
"a decade", "two decades": about 10·N years     [9, 11] for one decade, [18, 22] for two
"a dozen", "two dozen": about 12·N              [10, 14] for one dozen
"since 2005" → "since"; "in 2023" → ""          [2005, 2005], [2023, 2023]: the year
YEARS: "2012-2013 and 2016-2019"                [2012, 2019]; ``Quantity.years`` lists them
VOTE: "335-37 vote"                             [335, 335]: the "for" count
==============================================  ==========================================

Reading years
-------------
A year is written as four digits without separators. Alone ("2005") it is read as
a year when it lies in 1900–2100; after a cue ("since", "from", "between", "in",
"during", "of", "by", "following", a month name) any year 1000–2999 is read. A year
followed by a plain noun ("2000 people") is a count unless a cue or a determiner
("the 2018 summit") says otherwise, and a qualified figure ("more than 2000") is
always a count. "until 2005", "before 2005" and "after 2005" read as the plain year
2005: only "since" is kept as a qualifier.
"2019-22" ends in the same century as it starts (in the next one when that would
run backwards: "1998-02" is 1998–2002). Canonical text writes counts with thousands
separators ("2,005") so that they never read back as years.

Not quantities
--------------
:func:`find_quantities` leaves out numbers that belong to dates ("November 12",
"12 November", "2025-11-12T11:00"), times ("11:00", "11 a.m."), identifiers
("COVID-19", "Corona 19", "Resolution 1718", "No. 5", "IST2025"), numbers glued to
other symbols ("5G", "1990s", "21-year-old"), pairs of numbers that are neither a
year span nor a vote ("10-15"), bare ordinals without a unit ("the first summit",
"Third Committee") and a bare "one" or "zero" ("one of the worst").
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable, Sequence
from decimal import ROUND_CEILING, Decimal, localcontext
from fractions import Fraction
from typing import TypeAlias

import attrs

from factcheck.errors import QuantityError

__all__ = [
    "Interval",
    "Kind",
    "Mention",
    "Number",
    "Quantity",
    "find_quantities",
    "parse_number",
    "parse_ordinal",
]

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


# -- Quantity ----------------------------------------------------------------------------


class Kind(enum.StrEnum):
    """What a figure counts."""

    COUNT = "count"
    ORDINAL = "ordinal"
    DURATION = "duration"
    YEAR = "year"
    YEARS = "years"
    VOTE = "vote"


QUALIFIERS = (
    "",
    "more than",
    "at least",
    "fewer than",
    "at most",
    "about",
    "nearly",
    "first",
    "since",
)
"""The canonical qualifiers; every wording maps to one of these (see the module docs)."""

UNITS = ("", "year", "time")
"""The canonical units."""


def _years_tuple(value: Iterable[int]) -> tuple[int, ...]:
    return tuple(sorted(set(value)))


def _in_bare_range(y: int) -> bool:
    return BARE_YEAR_MIN <= y <= BARE_YEAR_MAX


def _suffix(n: int) -> str:
    if n % 100 in (11, 12, 13):
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


def _year_runs(years: Sequence[int]) -> list[tuple[int, int]]:
    runs: list[tuple[int, int]] = []
    for y in years:
        if runs and runs[-1][1] == y - 1:
            runs[-1] = (runs[-1][0], y)
        else:
            runs.append((y, y))
    return runs


@attrs.frozen
class Quantity:
    """A figure as an article states it: kind, number, qualifier and unit.

    >>> q = Quantity.parse("the 20th consecutive year")
    >>> q.kind, q.number, q.qualifier, q.unit, str(q)
    (<Kind.ORDINAL: 'ordinal'>, 20, '', 'year', '20th year')
    >>> str(Quantity.parse("a decade")), str(Quantity.parse("a decade").interval)
    ('about 10 years', '[9, 11]')
    >>> str(Quantity.parse("following 2012-2013 and 2016-2019"))
    '2012-2013, 2016-2019'
    >>> q = Quantity.parse("in a 335-37 vote")
    >>> q.kind, q.number, q.other, str(q)
    (<Kind.VOTE: 'vote'>, 335, 37, '335-37 vote')
    """

    kind: Kind
    number: Number = attrs.field(converter=_canon)
    qualifier: str = ""
    unit: str = ""
    years: tuple[int, ...] = attrs.field(default=(), converter=_years_tuple)
    other: Number | None = attrs.field(default=None, converter=_canon_opt)

    def __attrs_post_init__(self) -> None:
        problem = self._problem()
        if problem:
            raise QuantityError(f"invalid {self.kind} quantity: {problem}")

    def _problem(self) -> str:  # noqa: C901 - one rule a line reads best
        k, n, q = self.kind, self.number, self.qualifier
        if not isinstance(k, Kind):
            return f"kind must be a Kind, not {k!r}"
        if q not in QUALIFIERS:
            return f"unknown qualifier {q!r} (expected one of {', '.join(map(repr, QUALIFIERS))})"
        if self.unit not in UNITS:
            return f"unknown unit {self.unit!r} (expected one of {', '.join(map(repr, UNITS))})"
        if n < 0:
            return f"the number {n} is negative"
        if any(isinstance(y, bool) or not isinstance(y, int) for y in self.years):
            return "years must be whole numbers"
        if self.years and k is not Kind.YEARS:
            return "only a YEARS quantity lists years"
        if self.other is not None and k is not Kind.VOTE:
            return "only a VOTE has an 'against' count (other)"
        if q == "since" and k is not Kind.YEAR:
            return "'since' goes with a year"
        if q == "first" and (k is not Kind.COUNT or self.unit or not isinstance(n, int)):
            return "'first' goes with a whole count without a unit"
        if k is Kind.VOTE:
            if self.other is None or not isinstance(n, int) or not isinstance(self.other, int):
                return "a vote needs whole 'for' and 'against' counts"
            if self.other < 0:
                return "the 'against' count is negative"
        if k in (Kind.YEAR, Kind.YEARS, Kind.VOTE) and self.unit:
            return "no unit goes with years or votes"
        if k in (Kind.YEARS, Kind.VOTE) and q:
            return f"no qualifier goes with a {k}"
        if k is Kind.YEAR and (not isinstance(n, int) or not YEAR_MIN <= n <= YEAR_MAX):
            return f"a year is a whole number {YEAR_MIN}-{YEAR_MAX}, not {n}"
        if k is Kind.YEARS:
            if not self.years:
                return "a YEARS quantity needs at least one year"
            if not all(YEAR_MIN <= y <= YEAR_MAX for y in self.years):
                return f"years are {YEAR_MIN}-{YEAR_MAX}"
            if n != self.years[0]:
                return f"number must be the first year ({self.years[0]}), not {n}"
        if k is Kind.DURATION and self.unit != "year":
            return "a duration counts years (unit 'year')"
        if k is Kind.ORDINAL and not isinstance(n, int):
            return "an ordinal is a whole number"
        if k is Kind.COUNT and self.unit not in ("", "time"):
            return "a count's unit is '' or 'time'"
        return ""

    @property
    def interval(self) -> Interval:
        """The range of true figures the wording allows (widths: see the module docs).

        >>> [str(Quantity.parse(t).interval) for t in
        ...  ("61", "more than 60", "at least 149", "about 60", "nearly 60", "a dozen")]
        ['61', '[61, ∞)', '[149, ∞)', '[54, 66]', '[54, 59]', '[10, 14]']
        >>> str(Quantity.parse("2012-2013 and 2016-2019").interval)
        '[2012, 2019]'
        """
        n, q = self.number, self.qualifier
        if self.kind is Kind.YEARS:
            return Interval(self.years[0], self.years[-1])
        if self.kind in (Kind.YEAR, Kind.VOTE) or q in ("", "first"):
            return Interval.point(n)
        whole = isinstance(n, int)
        unit = _unit_of(n)
        if q == "more than":
            return Interval(n + unit if whole else n, None)
        if q == "at least":
            return Interval(n, None)
        if q == "fewer than":
            return Interval(0, max(0, n - unit) if whole else n)
        if q == "at most":
            return Interval(0, n)
        d = _about_margin(n)
        low = max(0, n - d)
        if q == "about":
            return Interval(low, n + d)
        assert q == "nearly", q
        return Interval(low, max(low, n - unit))

    def shift_years(self, k: int) -> Quantity:
        """Every year moved by *k*; figures that are not years stay as they are.

        Raises :class:`QuantityError` when a year would leave 1000–2999.

        >>> str(Quantity.parse("since 2005").shift_years(1))
        'since 2006'
        >>> str(Quantity.parse("2019-22").shift_years(-1))
        '2018-2021'
        >>> Quantity.parse("21 years").shift_years(5) == Quantity.parse("21 years")
        True
        """
        if self.kind is Kind.YEAR:
            return attrs.evolve(self, number=self.number + k)
        if self.kind is Kind.YEARS:
            years = tuple(y + k for y in self.years)
            return attrs.evolve(self, number=years[0], years=years)
        return self

    def __str__(self) -> str:
        k, n, q = self.kind, self.number, self.qualifier
        if k is Kind.VOTE:
            assert self.other is not None
            return f"{_grouped(n)}-{_grouped(self.other)} vote"
        if k is Kind.YEARS:
            runs = ", ".join(
                f"{a}-{b}" if a != b or len(self.years) == 1 else str(a)
                for a, b in _year_runs(self.years)
            )
            return runs if all(map(_in_bare_range, self.years)) else f"in {runs}"
        if k is Kind.YEAR:
            assert isinstance(n, int)
            if q == "since":
                return f"since {n}"
            return str(n) if _in_bare_range(n) else f"in {n}"
        if k is Kind.ORDINAL:
            assert isinstance(n, int)
            body = f"{_grouped(n)}{_suffix(n)}" + (f" {self.unit}" if self.unit else "")
        elif k is Kind.DURATION:
            body = f"{_grouped(n)} {'year' if n == 1 else 'years'}"
        else:
            body = _grouped(n)
            if self.unit:
                body += " time" if n == 1 else " times"
        return f"{q} {body}" if q else body

    @classmethod
    def parse(cls, text: str) -> Quantity:
        """Read one whole phrase; ``Quantity.parse(str(q)) == q`` for every quantity.

        Leading function words ("for", "the", "in", "marks", "began in", …) are
        skipped; a count may be followed by its noun ("61 countries"), which is not kept.

        >>> str(Quantity.parse("marks the 16th year")), str(Quantity.parse("since 2005"))
        ('16th year', 'since 2005')
        >>> str(Quantity.parse("the first 41 member states")), str(Quantity.parse("above 4,300"))
        ('first 41', 'more than 4,300')
        >>> Quantity.parse("COVID-19")  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        factcheck.errors.QuantityError: cannot read a quantity from 'COVID-19': '19' is part ...
        """
        if not isinstance(text, str):
            raise QuantityError(f"cannot read a quantity from {text!r}: expected text")
        ctx = _Context(text, find=False)
        n = len(ctx.toks)
        while n and ctx.toks[n - 1].kind == "punct" and ctx.toks[n - 1].text in _CLOSE:
            n -= 1
        i = 0
        while i < n:
            for match in ctx.matches_at(i):
                if match.end == n or (
                    match.quantity.kind is Kind.COUNT
                    and not match.quantity.unit
                    and ctx.noun_run(match.end, n)
                ):
                    return match.quantity
            skip = ctx.filler_at(i)
            if not skip:
                break
            i += skip
        raise QuantityError(f"cannot read a quantity from {text!r}: {ctx.explain(i, n)}")


# -- Mention and find_quantities ---------------------------------------------------------


@attrs.frozen
class Mention:
    """A quantity found in a text: where it is, what it says, and its sentence."""

    start: int
    end: int
    text: str
    quantity: Quantity
    sentence: str


def find_quantities(text: str) -> tuple[Mention, ...]:
    """Every figure in *text*, in text order, non-overlapping; the longest phrase wins.

    Spans (code points) cover the qualifier, the number and its unit words ("more
    than 60", "21 straight years", "second year in a row", "since 2005",
    "2012-2013 and 2016-2019", "335-37 vote") but not the noun a count counts.
    ``Quantity.parse(m.text) == m.quantity`` for every mention *m*.

    >>> text = ("Since 2005, more than 60 member states backed it for 21 straight years, "
    ...         "in a 335-37 vote on November 12 amid COVID-19.")
    >>> for m in find_quantities(text):
    ...     print(m.start, m.end, repr(m.text), "->", m.quantity)
    0 10 'Since 2005' -> since 2005
    12 24 'more than 60' -> more than 60
    53 70 '21 straight years' -> 21 years
    77 88 '335-37 vote' -> 335-37 vote
    """
    ctx = _Context(text, find=True)
    sentences = _sentence_spans(text)
    found: list[Mention] = []
    i, n = 0, len(ctx.toks)
    while i < n:
        best = max(ctx.matches_at(i), key=lambda m: m.end, default=None)
        if best is None:
            i += 1
            continue
        start, end = ctx.toks[best.start].start, ctx.toks[best.end - 1].end
        found.append(
            Mention(
                start, end, text[start:end], best.quantity, _sentence_at(text, sentences, start)
            )
        )
        i = best.end
    return tuple(found)


_SENTENCE_END = re.compile(r"\n\s*|[.!?]+[\"'”’)\]]*(?=\s|$)")
_ABBREVIATIONS = _words(
    "mr mrs ms dr prof rep sen gov gen col lt sgt st jr sr no nos vs etc inc ltd co corp "
    "jan feb mar apr jun jul aug sep sept oct nov dec approx fig vol pp p para art sec"
)


def _sentence_spans(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _SENTENCE_END.finditer(text):
        if m.group().startswith("."):
            last = re.search(r"([^\W\d_][\w.]*)$", text[start : m.start()])
            word = last.group(1).lower() if last else ""
            if word in _ABBREVIATIONS or len(word) == 1 or "." in word:
                continue
        spans.append((start, m.end()))
        start = m.end()
    spans.append((start, len(text)))
    return spans


def _sentence_at(text: str, spans: Sequence[tuple[int, int]], at: int) -> str:
    for start, end in spans:
        if start <= at < end:
            return text[start:end].strip()
    return text.strip()


# -- number words ------------------------------------------------------------------------

_UNITS = {
    w: i for i, w in enumerate(_words_list("one two three four five six seven eight nine"), 1)
}
_TEENS = {
    w: i
    for i, w in enumerate(
        _words_list(
            "ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen"
        ),
        10,
    )
}
_TENS = {
    w: 10 * i
    for i, w in enumerate(_words_list("twenty thirty forty fifty sixty seventy eighty ninety"), 2)
}
_SCALES = {
    w: 10 ** (3 * i)
    for i, w in enumerate(
        _words_list(
            "thousand million billion trillion quadrillion quintillion sextillion septillion "
            "octillion nonillion decillion"
        ),
        1,
    )
}
_DIGIT_WORDS = {"zero": 0, **_UNITS}


def _ordinal_words() -> dict[str, str]:
    table = {
        "zeroth": "zero",
        "first": "one",
        "second": "two",
        "third": "three",
        "fourth": "four",
        "fifth": "five",
        "sixth": "six",
        "seventh": "seven",
        "eighth": "eight",
        "ninth": "nine",
        "twelfth": "twelve",
        "hundredth": "hundred",
    }
    for w in _TEENS:
        table.setdefault(w + "th", w)
    for w in _TENS:
        table[w[:-1] + "ieth"] = w
    for w in _SCALES:
        table[w + "th"] = w
    del table["twelveth"]
    return table


_ORDINAL_WORDS = _ordinal_words()
_NUMBER_VOCAB = frozenset(
    {"zero", "a", "and", "point", "hundred", "hundreds", "dozen"}
    | set(_UNITS)
    | set(_TEENS)
    | set(_TENS)
    | set(_SCALES)
    | {w + "s" for w in _SCALES}
    | set(_ORDINAL_WORDS)
)

Atom: TypeAlias = str | int | Decimal


@attrs.frozen
class _Reading:
    value: Number
    end: int  # atoms consumed
    ordinal: bool
    dozen: bool


_GROUP = ("u", "t", "T", "Tu")
_COMPLETE = frozenset({"zero", "u", "t", "T", "Tu", "h", "hT", "hx", "num", "scaled", "done"})


def _read(  # noqa: C901 - a state machine reads best in one place
    atoms: Sequence[Atom],
    boundary: Sequence[bool],
    *,
    ordinal_ok: bool,
    signed: bool = False,
) -> _Reading | None:
    """The longest well-formed number at the start of *atoms* that ends on a boundary.

    *atoms* are lower-case words (hyphenated words split) or the value of a run of
    digits, which may only come first; ``boundary[k]`` says whether a number may end
    after *k* atoms (not inside a hyphenated word).
    """
    best: _Reading | None = None
    k, sign = 0, 1
    if signed and atoms and atoms[0] in ("minus", "negative"):
        k, sign = 1, -1
    total: Number = 0
    group: Number = 0
    state = "start"
    last_scale: int | None = None
    ordinal = dozen = False
    while k < len(atoms):
        atom = atoms[k]
        is_ord = isinstance(atom, str) and ordinal_ok and atom in _ORDINAL_WORDS
        if is_ord:
            assert isinstance(atom, str)
            atom = _ORDINAL_WORDS[atom]
        if not isinstance(atom, str):
            if state != "start":
                break
            group, state = atom, "num"
        elif atom == "zero":
            if state != "start":
                break
            state = "zero"
        elif atom == "a":
            if state != "start" or is_ord:
                break
            state = "a"
        elif atom in _UNITS:
            v = _UNITS[atom]
            if state in ("start", "after_and", "scaled"):
                group, state = v, "u"
            elif state == "T":
                group, state = group + v, "Tu"
            elif state in ("h", "h_and", "hT"):
                group, state = group + v, "hx"
            else:
                break
        elif atom in _TEENS or atom in _TENS:
            v = _TEENS.get(atom) or _TENS[atom]
            tens = atom in _TENS
            if state in ("start", "after_and", "scaled"):
                group, state = v, ("T" if tens else "t")
            elif state in ("h", "h_and"):
                group, state = group + v, ("hT" if tens else "hx")
            else:
                break
        elif atom in ("hundred", "hundreds"):
            if state in _GROUP or (state == "num" and isinstance(group, int) and group <= 99):
                group, state = group * 100, "h"
            elif atom == "hundred" and state in ("start", "a"):
                group, state = 100, "h"
            else:
                break
        elif atom in _SCALES or (atom[-1:] == "s" and atom[:-1] in _SCALES):
            scale = _SCALES.get(atom) or _SCALES[atom[:-1]]
            if last_scale is not None and scale >= last_scale:
                break
            if state in (*_GROUP, "h", "hT", "hx", "num", "dec"):
                mult = group
            elif atom in _SCALES and state in ("start", "a"):
                mult = 1
            else:
                break
            ends_here = state == "dec" or isinstance(mult, Decimal)
            total, group, last_scale = total + mult * scale, 0, scale
            state = "done" if ends_here else "scaled"
        elif atom == "dozen":
            if is_ord or last_scale is not None:
                break
            if state == "a":
                group = 12
            elif state in _GROUP:
                group = group * 12
            else:
                break
            state, dozen = "done", True
        elif atom == "and":
            if state == "h":
                state = "h_and"
            elif state == "scaled":
                state = "after_and"
            else:
                break
        elif atom == "point":
            if state not in ("start", "zero", *_GROUP, "h", "hT", "hx"):
                break
            m = k + 1
            digits = ""
            while m < len(atoms) and isinstance(atoms[m], str) and atoms[m] in _DIGIT_WORDS:
                digits += str(_DIGIT_WORDS[str(atoms[m])])
                m += 1
            if not digits:
                break
            group, state, k = group + Decimal("0." + digits), "dec", m
            if boundary[k]:
                best = _Reading(_canon(sign * (total + group)), k, False, False)
            continue
        else:
            break
        k += 1
        if is_ord:
            ordinal, state = True, "done"
        if state in _COMPLETE and boundary[k]:
            best = _Reading(_canon(sign * (total + group)), k, ordinal, dozen)
        if state == "done":
            break
    return best


def _split_words(text: str) -> list[str]:
    return text.lower().replace("’", "'").split("-")


def _whole_atoms(words: str) -> tuple[list[Atom], list[bool]] | None:
    """Atoms of a whole string for :func:`parse_number` / :func:`parse_ordinal`."""
    atoms: list[Atom] = []
    boundary = [True]
    toks = _tokenize(words)
    for idx, t in enumerate(toks):
        if t.kind == "num":
            atoms.append(t.value)
            boundary.append(True)
        elif t.kind == "word":
            parts = _split_words(t.text)
            atoms.extend(parts)
            boundary.extend([False] * (len(parts) - 1) + [True])
        elif t.kind == "dash" and idx == 0 and len(toks) == 2 and toks[1].kind == "num":
            if not toks[1].glued:
                return None
            atoms.append("minus")
            boundary.append(False)
        else:
            return None
    return atoms, boundary


def parse_number(words: str) -> int | float | None:
    """The number a whole string spells, in digits or English words; ``None`` if it is not one.

    Decimals come back as ``float``. "a dozen" is 12. A year read as two pairs of
    digits ("nineteen ninety") is not a number here: it is two numbers.

    >>> parse_number("twenty-one"), parse_number("one hundred and forty two"), parse_number("6,000")
    (21, 142, 6000)
    >>> parse_number("1.5 million"), parse_number("two point three"), parse_number("sixty fifteen")
    (1500000, 2.3, None)
    """
    if not isinstance(words, str):
        return None
    whole = _whole_atoms(words)
    if whole is None or not whole[0]:
        return None
    atoms, boundary = whole
    reading = _read(atoms, boundary, ordinal_ok=False, signed=True)
    if reading is None or reading.end != len(atoms):
        return None
    return float(reading.value) if isinstance(reading.value, Decimal) else reading.value


def parse_ordinal(words: str) -> int | None:
    """The ordinal a whole string spells ("twenty-first", "21st"); ``None`` if it is not one.

    Only ordinals count: a cardinal ("fifty five") is not an ordinal, and an ordinal
    word must come last ("fiftieth fifth" is no number).

    >>> parse_ordinal("twenty-first"), parse_ordinal("21st"), parse_ordinal("fourteenth")
    (21, 21, 14)
    >>> parse_ordinal("one hundred and forty second"), parse_ordinal("fifty five")
    (142, None)
    """
    if not isinstance(words, str):
        return None
    toks = _tokenize(words)
    if len(toks) == 1 and toks[0].kind == "ord":
        value = toks[0].value
        return value if isinstance(value, int) else None
    whole = _whole_atoms(words)
    if whole is None or not whole[0]:
        return None
    atoms, boundary = whole
    reading = _read(atoms, boundary, ordinal_ok=True)
    if reading is None or reading.end != len(atoms) or not reading.ordinal:
        return None
    return reading.value if isinstance(reading.value, int) else None


# -- tokens ------------------------------------------------------------------------------

_TOKEN_RE = re.compile(
    r"(?P<ord>(?:\d{1,3}(?:,\d{3})+|\d+)(?i:st|nd|rd|th)(?![^\W_]))"
    r"|(?P<num>(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)"
    r"|(?P<word>[^\W\d_]+(?:['’][^\W\d_]+)*(?:-[^\W\d_]+(?:['’][^\W\d_]+)*)*)"
    r"|(?P<dash>[-‐‑‒–—―−])"
    r"|(?P<punct>\S)"
)


@attrs.frozen
class _Tok:
    kind: str  # "ord", "num", "word", "dash", "punct"
    text: str
    start: int
    end: int
    glued: bool  # no space between the previous token and this one
    newline_before: bool

    @property
    def low(self) -> str:
        return self.text.lower().replace("’", "'")

    @property
    def value(self) -> Number:
        digits = re.sub(r"[^\d.]", "", self.text)
        return _canon(Decimal(digits)) if "." in digits else int(digits)

    @property
    def plain_int(self) -> bool:
        return self.kind == "num" and self.text.isdigit()


def _tokenize(text: str) -> list[_Tok]:
    toks: list[_Tok] = []
    prev_end = 0
    for m in _TOKEN_RE.finditer(text):
        kind = m.lastgroup
        assert kind is not None
        gap = text[prev_end : m.start()]
        toks.append(_Tok(kind, m.group(), m.start(), m.end(), bool(toks) and not gap, "\n" in gap))
        prev_end = m.end()
    return toks


_OPEN = frozenset("([{\"'“‘«$£€¥")
_CLOSE = frozenset(")]}\"'”’»,.;:!?%")
_MONTHS = _words(
    "january february march april may june july august september october november "
    "december jan feb mar apr jun jul aug sep sept oct nov dec"
)
_ID_NOUNS = _words(
    "resolution resolutions article articles section sections chapter paragraph para "
    "clause rule item annex appendix page pages figure fig table no nos number room "
    "flight route highway gate platform terminal channel district ward zone floor level "
    "phase stage grade category type model version season episode volume vol issue part "
    "unit title amendment act bill code corona covid sars mers boeing airbus apollo "
    "windows iphone galaxy"
)
_ID_ABBREVIATIONS = _words("no nos nr num art sec vol ch p pp fig para")
_TIME_AFTER = re.compile(
    r"\s*(?:[ap]\.\s?m\.|[ap]m\b|o'clock|(?:gmt|utc|kst|ist|est|edt|pst|pdt|cet|bst|jst)\b)",
    re.IGNORECASE,
)
_FUNCTION_WORDS = _words(
    "and or but nor to in on at by for of from with without under over when while as that "
    "which who where after before until till since during through into onto against amid "
    "among per than is was were are be been being has had have will would could should "
    "may might must can the a an its their his her our this these those not also so "
    "because if then there here onwards onward forward up down alone only respectively "
    "including about around out off it he she they we you i"
)
_YEAR_CUES_STRONG = _words("since from between")  # each starts its own reading
_YEAR_CUES_WEAK = _words("in during of by following")  # skipped by Quantity.parse
_YEAR_DETERMINERS = _words("the its their this that last next early late mid year fiscal calendar")
_QUALIFIER_PHRASES: dict[tuple[str, ...], str] = {
    ("more", "than"): "more than",
    ("over",): "more than",
    ("above",): "more than",
    ("well", "over"): "more than",
    ("just", "over"): "more than",
    ("upwards", "of"): "more than",
    ("in", "excess", "of"): "more than",
    ("passed",): "more than",
    ("surpassed",): "more than",
    ("topped",): "more than",
    ("exceeded",): "more than",
    ("exceeding",): "more than",
    ("at", "least"): "at least",
    ("no", "fewer", "than"): "at least",
    ("no", "less", "than"): "at least",
    ("not", "less", "than"): "at least",
    ("a", "minimum", "of"): "at least",
    ("fewer", "than"): "fewer than",
    ("less", "than"): "fewer than",
    ("under",): "fewer than",
    ("below",): "fewer than",
    ("up", "to"): "at most",
    ("at", "most"): "at most",
    ("no", "more", "than"): "at most",
    ("not", "more", "than"): "at most",
    ("a", "maximum", "of"): "at most",
    ("about",): "about",
    ("around",): "about",
    ("approximately",): "about",
    ("approx",): "about",
    ("roughly",): "about",
    ("some",): "about",
    ("an", "estimated"): "about",
    ("estimated",): "about",
    ("circa",): "about",
    ("nearly",): "nearly",
    ("almost",): "nearly",
    ("close", "to"): "nearly",
    ("just", "under"): "nearly",
    ("just", "shy", "of"): "nearly",
    ("exactly",): "",
    ("precisely",): "",
    ("first",): "first",
}
_QUALIFIER_MAX = max(map(len, _QUALIFIER_PHRASES))
# verbs that qualify a bare figure ("the toll passed 9,500") but not a counted noun
# ("the House passed 5 bills")
_VERB_QUALIFIERS = _words("passed surpassed topped exceeded exceeding")
_POST_QUALIFIERS: dict[tuple[str, ...], str] = {
    ("or", "more"): "at least",
    ("or", "over"): "at least",
    ("or", "fewer"): "at most",
    ("or", "less"): "at most",
    ("or", "so"): "about",
}
_TIMES_WORDS = {"once": 1, "twice": 2, "thrice": 3}
_RUN_WORDS = _words("consecutive straight successive running continuous uninterrupted")
_FILLERS = _words(
    "a an the for of in on during following marks marking marked mark is was are were it "
    "its this by first initially originally adopted began begun begin begins started "
    "start starts introduced launched established founded enacted created approved signed "
    "held passed has have had been be being now already still also"
)
_COMMON = (
    _FUNCTION_WORDS
    | _FILLERS
    | _RUN_WORDS
    | frozenset(w for phrase in _QUALIFIER_PHRASES for w in phrase)
    | _words("only all every each total another other just well past")
)


@attrs.frozen
class _Match:
    start: int  # token indexes, end exclusive
    end: int
    quantity: Quantity


class _Context:
    """The tokens of one text and what the grammar knows about them."""

    def __init__(self, text: str, *, find: bool) -> None:
        self.text = text
        self.find = find
        self.toks = _tokenize(text)
        self.blocked: set[int] = set()  # dates, times, identifiers: never a figure
        self.paired: set[int] = set()  # "2019-22", "335-37": only a year span or a vote
        self.pair_start: set[int] = set()  # the first number of each such pair
        self._mark_glued_runs()
        self._mark_dates_and_identifiers()

    # -- what is not a figure --

    def _mark_glued_runs(self) -> None:
        toks = self.toks
        run: list[int] = []
        for idx in range(len(toks) + 1):
            if idx < len(toks) and (not run or toks[idx].glued):
                run.append(idx)
                continue
            a, b = 0, len(run)
            while a < b and toks[run[a]].kind == "punct" and toks[run[a]].text in _OPEN:
                a += 1
            while b > a and toks[run[b - 1]].kind == "punct" and toks[run[b - 1]].text in _CLOSE:
                b -= 1
            core = run[a:b]
            kinds = tuple(toks[x].kind for x in core)
            if "num" in kinds or "ord" in kinds:
                if kinds == ("num", "dash", "num"):
                    self.paired.update((core[0], core[2]))
                    self.pair_start.add(core[0])
                elif kinds not in (("num",), ("ord",)):
                    self.blocked.update(x for x in core if toks[x].kind in ("num", "ord"))
            run = [idx]

    def _prev_word(self, idx: int) -> int | None:
        """The word before token *idx*, looking through an abbreviation's dot ("Nov. 12")."""
        toks = self.toks
        p = idx - 1
        if p >= 0 and toks[idx].glued:
            return None
        if p >= 1 and toks[p].text == "." and toks[p].glued and toks[p - 1].kind == "word":
            p -= 1
        return p if p >= 0 and toks[p].kind == "word" else None

    def _sentence_initial(self, idx: int) -> bool:
        t = self.toks[idx]
        if idx == 0 or t.newline_before:
            return True
        prev = self.toks[idx - 1]
        return prev.kind == "punct" and prev.text in '.!?"“‘(:▲■●•'

    def _is_month(self, idx: int | None) -> bool:
        if idx is None or idx < 0 or idx >= len(self.toks):
            return False
        t = self.toks[idx]
        return t.kind == "word" and t.text[:1].isupper() and t.low in _MONTHS

    def _mark_dates_and_identifiers(self) -> None:
        toks = self.toks
        for idx, t in enumerate(toks):
            if t.kind not in ("num", "ord") or idx in self.blocked:
                continue
            day = t.text[:2].isdigit() and len(re.sub(r"\D", "", t.text)) <= 2 and "," not in t.text
            small = day and 1 <= int(re.sub(r"\D", "", t.text)) <= 31
            p = self._prev_word(idx)
            nxt = idx + 1
            if nxt < len(toks) and toks[nxt].low == "of":
                nxt += 1
            date = small and (self._is_month(p) or self._is_month(nxt))
            time = day and _TIME_AFTER.match(self.text, t.end) is not None
            if date or time or (p is not None and self._identifier_word(p, idx)):
                self.blocked.add(idx)

    def _identifier_word(self, p: int, idx: int) -> bool:
        toks = self.toks
        word = toks[p]
        if p == idx - 2:  # "No. 5"
            return word.low in _ID_ABBREVIATIONS
        if word.low in _ID_NOUNS:
            return True
        return (
            word.text[:1].isupper()
            and word.low not in _COMMON
            and word.low not in _MONTHS
            and not self._sentence_initial(p)
        )

    # -- small readers --

    def word(self, idx: int, *words: str) -> bool:
        return (
            0 <= idx < len(self.toks)
            and self.toks[idx].kind == "word"
            and self.toks[idx].low in words
        )

    def words_at(self, idx: int, phrase: Sequence[str]) -> bool:
        return all(self.word(idx + k, w) for k, w in enumerate(phrase))

    def content_word(self, idx: int) -> bool:
        """A plain lower-case noun-like word ("people"), not a function word."""
        if idx >= len(self.toks):
            return False
        t = self.toks[idx]
        return (
            t.kind == "word"
            and not t.glued
            and t.text == t.text.lower()
            and t.low not in _COMMON
            and t.low not in _NUMBER_VOCAB
            and not t.low.endswith("ed")  # "2005 marked the start": a verb, not a noun
        )

    def usable(self, idx: int, *, paired_ok: bool = False) -> bool:
        return idx not in self.blocked and (paired_ok or idx not in self.paired)

    def whole(self, idx: int, *, paired_ok: bool = False) -> int | None:
        """The whole number at token *idx* (digits, separators allowed)."""
        ok = 0 <= idx < len(self.toks) and self.toks[idx].kind == "num"
        if not ok or not self.usable(idx, paired_ok=paired_ok):
            return None
        v = self.toks[idx].value
        return v if isinstance(v, int) else None

    def cue_before(self, idx: int) -> int | None:
        """The year cue word right before *idx* ("in", "since", a month), if any."""
        p = idx - 1
        if p >= 0 and self.toks[p].text in (",",) and self._is_month(p - 1):
            p -= 1
        if p < 0 or self.toks[idx].glued:
            return None
        t = self.toks[p]
        if self._is_month(p) or (t.kind == "word" and t.low in _YEAR_CUES_WEAK):
            return p
        if t.low == "of" and self._is_month(p - 1):
            return p - 1
        return None

    def year_at(self, idx: int, *, ext: bool, paired_ok: bool = False) -> int | None:
        """A four-digit year at *idx*: 1900–2100, or 1000–2999 when *ext* (after a cue)."""
        if not (0 <= idx < len(self.toks)) or not self.toks[idx].plain_int:
            return None
        if len(self.toks[idx].text) != 4 or not self.usable(idx, paired_ok=paired_ok):
            return None
        y = int(self.toks[idx].text)
        ok = YEAR_MIN <= y <= YEAR_MAX if ext else _in_bare_range(y)
        return y if ok else None

    def reads_as_year(self, idx: int, *, ext: bool = False) -> bool:
        """Whether a lone four-digit number at *idx* is a year rather than a count."""
        if not self.toks[idx].plain_int or len(self.toks[idx].text) != 4:
            return False
        y = int(self.toks[idx].text)
        p = idx - 1 if idx > 0 and not self.toks[idx].glued else None
        prev = self.toks[p].low if p is not None and self.toks[p].kind == "word" else ""
        if prev in _YEAR_CUES_STRONG or self._is_month(p):
            return YEAR_MIN <= y <= YEAR_MAX
        if prev in _YEAR_DETERMINERS and _in_bare_range(y):
            return True
        if ext or prev in _YEAR_CUES_WEAK:
            return YEAR_MIN <= y <= YEAR_MAX
        if self.content_word(idx + 1):
            return False  # "2000 people"
        return _in_bare_range(y)

    def noun_run(self, start: int, end: int) -> bool:
        """Tokens start..end are a short noun phrase ("member states") a count may carry."""
        words = self.toks[start:end]
        return 0 < len(words) <= 5 and all(
            t.kind == "word" and t.low not in _NUMBER_VOCAB and t.low not in _COMMON for t in words
        )

    def atoms_at(self, j: int) -> tuple[list[Atom], list[bool], list[int]]:
        """Number atoms from token *j* on; ``ends[k]`` is the token end after *k* atoms."""
        atoms: list[Atom] = []
        boundary, ends = [True], [j]
        idx = j
        while idx < len(self.toks) and len(atoms) < 64:
            t = self.toks[idx]
            if idx > j and t.glued:
                break
            if t.kind == "num" and not atoms and self.usable(idx):
                atoms.append(t.value)
                boundary.append(True)
            elif t.kind == "word":
                parts = _split_words(t.text)
                if not all(p in _NUMBER_VOCAB for p in parts):
                    break
                atoms.extend(parts)
                boundary.extend([False] * (len(parts) - 1) + [True])
                ends.extend([-1] * (len(parts) - 1))
            else:
                break
            ends.append(idx + 1)
            idx += 1
        return atoms, boundary, ends

    # -- the grammar --

    def matches_at(self, i: int) -> list[_Match]:
        found = []
        for matcher in (self._vote, self._years, self._measure):
            try:
                match = matcher(i)
            except QuantityError:  # a reading the value types refuse is no reading
                match = None
            if match is not None:
                found.append(match)
        return sorted(found, key=lambda m: -m.end)

    def _vote(self, i: int) -> _Match | None:
        toks, n = self.toks, len(self.toks)

        def pair(j: int) -> tuple[int, int] | None:
            a = self.whole(j, paired_ok=True)
            if a is None or j + 2 >= n or toks[j + 1].kind != "dash":
                return None
            if j not in self.pair_start and (j in self.paired or j + 2 in self.paired):
                return None  # glued to other numbers: "0-2000 - 5"
            b = self.whole(j + 2, paired_ok=True)
            return None if b is None else (a, b)

        def vote(a: int, b: int, start: int, end: int) -> _Match:
            return _Match(start, end, Quantity(Kind.VOTE, a, other=b))

        if self.word(i, "vote", "votes") and self.word(i + 1, "of") and (p := pair(i + 2)):
            return vote(*p, i, i + 5)
        if self.word(i, "voted") and (p := pair(i + 1)):
            return vote(*p, i, i + 4)
        a = self.whole(i, paired_ok=True)
        if a is None or i + 3 >= n:
            return None
        if (p := pair(i)) and self.word(i + 3, "vote", "votes"):
            return vote(*p, i, i + 4)
        b = self.whole(i + 2)
        if b is not None and self.word(i + 1, "to") and self.word(i + 3, "vote", "votes"):
            return vote(a, b, i, i + 4)
        b = self.whole(i + 3)
        if b is not None and self.word(i + 1, "votes") and self.word(i + 2, "to"):
            return vote(a, b, i, i + 4)
        return None

    def _year_group(self, j: int, ext: bool) -> tuple[list[int], int, bool] | None:
        """One year or span at *j*: ([years], end, is_span)."""
        toks, n = self.toks, len(self.toks)
        y1 = self.year_at(j, ext=ext, paired_ok=True)
        if y1 is None:
            return None
        if j in self.paired:  # glued "2019-2022" / "2019-22"
            if j not in self.pair_start:
                return None  # the end of a pair, not its start
            end_text = toks[j + 2].text
            if not toks[j + 2].plain_int or len(end_text) not in (2, 4):
                return None
            y2 = int(end_text) if len(end_text) == 4 else y1 - y1 % 100 + int(end_text)
            if len(end_text) == 2 and y2 < y1:
                y2 += 100
            if not y1 <= y2 <= YEAR_MAX:
                return None
            return list(range(y1, y2 + 1)), j + 3, True
        if j + 2 < n and (
            (toks[j + 1].kind == "dash" and not toks[j + 1].glued)
            or self.word(j + 1, "to", "through", "thru", "until", "till")
        ):
            last = self.year_at(j + 2, ext=True)
            if last is not None and last >= y1:
                return list(range(y1, last + 1)), j + 3, True
        return [y1], j + 1, False

    def _years(self, i: int) -> _Match | None:  # noqa: C901
        toks, n = self.toks, len(self.toks)
        if i >= n:
            return None
        t = toks[i]
        if t.kind == "word":
            j = i + 1
            if self._is_month(j) and j + 1 < n and toks[j + 1].kind == "num":
                j += 1
            if t.low == "since":
                y = self.year_at(j, ext=True)
                if y is None:
                    return None
                return _Match(i, j + 1, Quantity(Kind.YEAR, y, "since"))
            if t.low == "from":
                g = self._year_group(j, ext=True)
                if g is None:
                    return None
                years, end, _ = g
                if (
                    len(years) == 1
                    and end < n
                    and (
                        toks[end].kind == "dash" or self.word(end, "to", "until", "till", "through")
                    )
                ):
                    y2 = self.year_at(end + 1, ext=True)
                    if y2 is not None and y2 >= years[0]:
                        years, end = list(range(years[0], y2 + 1)), end + 2
                return _Match(i, end, _year_quantity(years, len(years) > 1 or g[2]))
            if t.low == "between":
                y1 = self.year_at(i + 1, ext=True)
                y2 = self.year_at(i + 3, ext=True)
                if y1 is None or y2 is None or not self.word(i + 2, "and") or y2 <= y1:
                    return None
                return _Match(i, i + 4, _year_quantity(list(range(y1, y2 + 1)), True))
            return None
        if t.kind != "num":
            return None
        cue = self.cue_before(i)
        ext = cue is not None
        first = self._year_group(i, ext)
        if first is None:
            return None
        years, end, span = first
        if not span and not self.reads_as_year(i, ext=ext):
            return None
        groups = 1
        while end < n:
            j = end
            if toks[j].text == ",":
                j += 1
            if self.word(j, "and"):
                j += 1
            if j == end:
                break
            g = self._year_group(j, ext)
            if g is None or (not g[2] and not self.reads_as_year(j, ext=ext)):
                break
            years, end, groups = years + g[0], g[1], groups + 1
            span = True
        start = i
        if cue is not None and not all(_in_bare_range(y) for y in years):
            start = cue  # "in 1850" must read back as a year
        return _Match(start, end, _year_quantity(years, span or groups > 1))

    def _qualifier(self, i: int) -> tuple[str, int] | None:
        for size in range(_QUALIFIER_MAX, 0, -1):
            phrase = tuple(t.low for t in self.toks[i : i + size] if t.kind == "word")
            if len(phrase) != size or phrase not in _QUALIFIER_PHRASES:
                continue
            if all(not self.toks[i + k].glued for k in range(1, size)):
                return _QUALIFIER_PHRASES[phrase], i + size
        return None

    def _measure(self, i: int) -> _Match | None:
        q = self._qualifier(i)
        if q is not None:
            m = self._measure_body(i, q[1], q[0], verb=self.toks[i].low in _VERB_QUALIFIERS)
            if m is not None:
                return m
        return self._measure_body(i, i, "", verb=False)

    def _unit_after(self, e: int, *, ordinal: bool) -> tuple[str, int] | None:
        k = e + 1 if self.word(e, *_RUN_WORDS) else e
        units = ("year", "time") if ordinal else ("year", "years", "time", "times")
        if not self.word(k, *units):
            return None
        unit = "year" if self.toks[k].low.startswith("year") else "time"
        end = k + 1
        if unit == "year" and self.word(end, "ago", "old"):
            return ("ago", end)  # a point in time or an age, not a figure we read
        if self.words_at(end, ("in", "a", "row")):
            end += 3
        elif self.word(end, "running"):
            end += 1
        return unit, end

    def _measure_body(  # noqa: C901 - the grammar of one figure
        self, start: int, j: int, qual: str, *, verb: bool
    ) -> _Match | None:
        toks, n = self.toks, len(self.toks)
        if j >= n:
            return None
        decade = self._decade(start, j, qual)
        if decade is not None:
            return decade
        t = toks[j]
        times = t.kind == "word" and t.low in _TIMES_WORDS and qual != "first"
        if times and (t.low != "once" or not self.find):
            # "once" is left out of running text: "once adopted, …" is no figure
            return _Match(start, j + 1, Quantity(Kind.COUNT, _TIMES_WORDS[t.low], qual, "time"))
        dozen = False
        single_word = False
        if t.kind == "ord":
            if not self.usable(j):
                return None
            value: Number = t.value
            end, ordinal = j + 1, True
        else:
            atoms, boundary, ends = self.atoms_at(j)
            reading = _read(atoms, boundary, ordinal_ok=True)
            if reading is None:
                return None
            value, end = reading.value, ends[reading.end]
            ordinal, dozen = reading.ordinal, reading.dozen
            single_word = reading.end == 1 and isinstance(atoms[0], str)
        if ordinal:
            if qual == "first" or not isinstance(value, int):
                return None
            unit = self._unit_after(end, ordinal=True)
            if unit is None:
                if self.find:
                    return None
                return _Match(start, end, Quantity(Kind.ORDINAL, value, qual))
            return _Match(start, unit[1], Quantity(Kind.ORDINAL, value, qual, unit[0]))
        if not qual:
            for phrase, post in _POST_QUALIFIERS.items():
                if self.words_at(end, phrase):
                    qual, end = post, end + len(phrase)
                    break
        if dozen and not qual:
            qual = "about"
        unit = self._unit_after(end, ordinal=False)
        if unit is not None:
            if qual == "first" or unit[0] == "ago":
                return None
            kind = Kind.DURATION if unit[0] == "year" else Kind.COUNT
            return _Match(start, unit[1], Quantity(kind, value, qual, unit[0]))
        if qual == "first" and (not isinstance(value, int) or dozen):
            return None
        bare_year = end == j + 1 and toks[j].kind == "num" and not qual
        if bare_year and self.reads_as_year(j):
            return None  # a year: _years reads it
        if self.find:
            if not qual and single_word and value in (0, 1):
                return None  # "one of the worst", "zero tolerance"
            if verb and self.content_word(end):
                return None  # "passed 5 bills": the plain count wins
            digits = toks[j].text if bare_year and toks[j].plain_int else ""
            if len(digits) == 4 and _in_bare_range(int(digits)) and self.content_word(end):
                end += 1  # "2000 people": the noun keeps it from reading back as a year
        return _Match(start, end, Quantity(Kind.COUNT, value, qual))

    def _decade(self, start: int, j: int, qual: str) -> _Match | None:
        if qual == "first":
            return None
        if self.word(j, "a") and self.word(j + 1, "decade"):
            count, end = 1, j + 2
        else:
            if j >= len(self.toks) or self.toks[j].kind not in ("num", "word"):
                return None
            atoms, boundary, ends = self.atoms_at(j)
            reading = _read(atoms, boundary, ordinal_ok=False)
            if reading is None or not isinstance(reading.value, int) or reading.dozen:
                return None
            end = ends[reading.end]
            if not self.word(end, "decade", "decades") or not 1 <= reading.value <= 99:
                return None
            count, end = reading.value, end + 1
        return _Match(start, end, Quantity(Kind.DURATION, 10 * count, qual or "about", "year"))

    # -- whole-phrase helpers --

    def filler_at(self, i: int) -> int:
        """How many tokens at *i* are function words a whole phrase may start with."""
        t = self.toks[i]
        if t.kind == "punct" and t.text in _OPEN:
            return 1
        if t.kind != "word":
            return 0
        if self._is_month(i) and self.year_at(i + 1, ext=True) is not None:
            return 1
        return 1 if t.low in _FILLERS else 0

    def explain(self, i: int, n: int) -> str:
        toks = self.toks[:n]
        if not toks:
            return "the text is empty"
        for idx, t in enumerate(toks):
            if idx in self.blocked:
                return f"{t.text!r} is part of a date, a time or an identifier, not a figure"
        for idx in sorted(self.pair_start):
            if idx + 2 < len(toks):
                pair = "".join(x.text for x in toks[idx : idx + 3])
                a, b = toks[idx].text, toks[idx + 2].text
                if len(a) == 4 and a.isdigit() and len(b) == 4 and b.isdigit() and b < a:
                    return f"the year span {pair!r} runs backwards"
                if not (a.isdigit() and len(a) == 4 and self.year_at(idx, ext=True)):
                    return (
                        f"{pair!r} is a pair of numbers: it reads as a year span ('2019-2022') "
                        f"or, followed by 'vote', as a vote ('{pair} vote')"
                    )
        has_figure = any(
            t.kind in ("num", "ord")
            or (
                t.kind == "word"
                and any(p in _NUMBER_VOCAB - {"a", "and", "point"} for p in _split_words(t.text))
            )
            or self.word(idx, "decade", "dozen")
            for idx, t in enumerate(toks)
        )
        if not has_figure:
            return "no number, ordinal or year in it"
        for idx, t in enumerate(toks):
            if t.low in ("since", "between", "from") and self.year_at(idx + 1, ext=True) is None:
                return f"{t.text!r} needs a four-digit year after it (e.g. '{t.low} 2005')"
            if t.low in ("ago", "old") and idx and toks[idx - 1].low.startswith("year"):
                return f"'… years {t.low}' is a point in time or an age, not a figure"
        for match in self.matches_at(i) if i < n else []:
            read = self.text[toks[i].start : toks[match.end - 1].end]
            rest = self.text[toks[match.end].start : toks[-1].end] if match.end < n else ""
            return (
                f"{read!r} reads as {str(match.quantity)!r} but {rest!r} after it is not part of it"
            )
        return (
            "expected a figure such as '61', 'more than 60', '16th year', '21 years', "
            "'since 2005', '2019-2022' or '335-37 vote'"
        )


def _year_quantity(years: list[int], span: bool) -> Quantity:
    if span:
        return Quantity(Kind.YEARS, min(years), years=years)
    return Quantity(Kind.YEAR, years[0])
