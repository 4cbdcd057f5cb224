"""Quantities that articles state, as values that parse, compare and print canonically.

News copy gives the same figure many ways: "for 21 straight years", "the 20th
consecutive year", "since 2005", "more than 60 member states", "a decade", "in a
335-37 vote". This module reads such phrases into :class:`Quantity` values, says
what range of true figures each wording allows as an :class:`Interval`, and finds
every such phrase in running text (:func:`find_quantities`).

>>> from factcheck.figures import parse_quantity
>>> q = parse_quantity("for 21 straight years")
>>> q.kind, q.number, str(q), str(q.interval)
(<Kind.DURATION: 'duration'>, 21, '21 years', '21')
>>> from factcheck.figures import parse_quantity
>>> str(parse_quantity("more than 60 member states").interval)
'[61, ∞)'

Kinds
-----
``COUNT``     a figure: "61", "41 member states" (the noun is not kept), "7 times" (unit "time")
``ORDINAL``   "16th", "the 16th year", "for the second year in a row", "the 7th time"
``DURATION``  a number of years: "21 straight years", "16 consecutive years", "a decade"
``YEAR``      one year: "2005", "in 2023", "August 2022", "began in 2005", "since 2005",
              "before 2019", "the 1997 winners"
``YEARS``     explicit years: "2019-22", "from 2008 to 2018", "2012-2013 and 2016-2019";
              seasons ("1955-56, 1956-57", ``season=True``): one year per season, its first
``VOTE``      a tally: "335-37 vote" (``number`` is the "for" count, ``other`` the "against",
              ``abstentions`` when the text gives them: "187-3 vote, 2 abstentions")

"since 2005" keeps the qualifier ``since`` (the figure is a start); "before 2019",
"after 2019" and "until 2019" keep ``before``, ``after`` and ``until``; "began in
2005", "first adopted in 2004" and "in 2023" are plain years. A range ("between 10 and
15", "10-15 people") is a COUNT (or a DURATION: "between 10 and 15 years") with the
qualifier ``between``: ``number`` is its low end and ``other`` its high end.

A season ("1955-56", "the 2018/19 campaign") is one occurrence: a YEARS quantity with
``season=True`` lists each season once, by its first year, so that a list of titles
"1955-56, 1956-57" counts two occurrences, not three years.

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
minimum of, as few as, "N or more" → "at least"
fewer than, less than, under, below             [0, n − u]; [0, n] for a non-whole n
→ "fewer than"
up to, at most, no more than, a maximum of,     [0, n]
as many as, as much as, "N or fewer", "N or
less" → "at most"
about, around, approximately, roughly, some,    [n − d, n + d]: "about 60" is [54, 66]
an estimated, circa, "N or so" → "about"
nearly, almost, close to, just under            [n − d, n − u]: "nearly 60" is [54, 59]
→ "nearly"
"a decade", "two decades": about 10·N years     [9, 11] for one decade, [18, 22] for two
"a dozen", "two dozen": about 12·N              [10, 14] for one dozen
"dozens", "scores of", "hundreds", "thousands",  at least two of the unit: [24, ∞), [40, ∞),
"tens of thousands", "hundreds of thousands"    [200, ∞), [2000, ∞), [20000, ∞), [200000, ∞)
→ "at least"
"between 10 and 15", "10-15 people", "10 to 15  [10, 15]
people" → "between" (``other`` = 15)
"since 2005" → "since"; "in 2023" → ""          [2005, 2005], [2023, 2023]: the year
"before 2019", "after 2019", "until 2019"       (-∞, 2018], [2020, ∞), (-∞, 2019]
YEARS: "2012-2013 and 2016-2019"                [2012, 2019]; ``Quantity.years`` lists them
seasons: "1955-56, 1956-57"                     [1955, 1956]: the seasons' first years
VOTE: "335-37 vote"                             [335, 335]: the "for" count
==============================================  ==========================================

Reading years
-------------
A year is written as four digits without separators. Alone ("2005") it is read as
a year when it lies in 1900–2100; after a cue ("since", "from", "between", "in",
"during", "of", "by", "following", a month name) any year 1000–2999 is read. A year
followed by a plain noun ("2000 people") is a count unless a cue or a determiner
("the 2018 summit") says otherwise, and a qualified figure ("more than 2000") is
always a count. A year before an event noun ("1997 winners", "2018 final", "2024
election") or after a name ("AC Milan 2003 and 2007", "Euro 2016") is a year.
"until 2005", "before 2005" and "after 2005" keep their word as the qualifier ("after
2000 people" is a count).
"2019-22" ends in the same century as it starts (in the next one when that would
run backwards: "1998-02" is 1998–2002). Canonical text writes counts with thousands
separators ("2,005") so that they never read back as years.

Not quantities
--------------
:func:`find_quantities` leaves out numbers that belong to dates ("November 12",
"12 November", "2025-11-12T11:00"), times ("11:00", "11 a.m."), identifiers
("COVID-19", "Corona 19", "Resolution 1718", "No. 5", "IST2025"), numbers glued to
other symbols ("5G", "1990s", "21-year-old"), pairs of numbers that are neither a
year span, a season, a vote nor a range before a noun (scores: "won 3-1"), bare
ordinals without a unit ("the first summit", "Third Committee"), a bare "one" or
"zero" ("one of the worst") and vague amounts without an agreed width ("several
hundred"). The phrasing families and what stays unread are in docs/readme-figures.md.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Sequence

import attrs

from factcheck.errors import QuantityError
from factcheck.values.interval import Interval
from factcheck.values.numbers import (
    BARE_YEAR_MAX,
    BARE_YEAR_MIN,
    YEAR_MAX,
    YEAR_MIN,
    Number,
    _about_margin,
    _canon,
    _canon_opt,
    _grouped,
    _unit_of,
)

__all__ = ["Kind", "QUALIFIERS", "Quantity", "UNITS"]

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
    "between",
    "before",
    "after",
    "until",
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

    >>> from factcheck.figures import parse_quantity
    >>> q = parse_quantity("the 20th consecutive year")
    >>> q.kind, q.number, q.qualifier, q.unit, str(q)
    (<Kind.ORDINAL: 'ordinal'>, 20, '', 'year', '20th year')
    >>> from factcheck.figures import parse_quantity
    >>> str(parse_quantity("a decade")), str(parse_quantity("a decade").interval)
    ('about 10 years', '[9, 11]')
    >>> from factcheck.figures import parse_quantity
    >>> str(parse_quantity("following 2012-2013 and 2016-2019"))
    '2012-2013, 2016-2019'
    >>> from factcheck.figures import parse_quantity
    >>> q = parse_quantity("in a 335-37 vote")
    >>> q.kind, q.number, q.other, str(q)
    (<Kind.VOTE: 'vote'>, 335, 37, '335-37 vote')
    """

    kind: Kind
    number: Number = attrs.field(converter=_canon)
    qualifier: str = ""
    unit: str = ""
    years: tuple[int, ...] = attrs.field(default=(), converter=_years_tuple)
    other: Number | None = attrs.field(default=None, converter=_canon_opt)
    season: bool = False
    abstentions: int | None = None

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
        if self.other is not None and k is not Kind.VOTE and q != "between":
            return "only a VOTE has an 'against' count (other), and a range its upper end"
        if q == "between":
            if k not in (Kind.COUNT, Kind.DURATION) or self.other is None:
                return "'between' goes with a count or duration and its upper end (other)"
            if self.other <= n:
                return f"a range's upper end ({self.other}) must exceed its lower end ({n})"
        if q in ("since", "before", "after", "until") and k is not Kind.YEAR:
            return f"{q!r} goes with a year"
        if self.season and k is not Kind.YEARS:
            return "only a YEARS quantity lists seasons"
        if self.abstentions is not None:
            if k is not Kind.VOTE:
                return "only a VOTE has abstentions"
            if isinstance(self.abstentions, bool) or not isinstance(self.abstentions, int) \
                    or self.abstentions < 0:
                return "abstentions are a whole number, 0 or more"
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

        >>> from factcheck.figures import parse_quantity
        >>> [str(parse_quantity(t).interval) for t in
        ...  ("61", "more than 60", "at least 149", "about 60", "nearly 60", "a dozen")]
        ['61', '[61, ∞)', '[149, ∞)', '[54, 66]', '[54, 59]', '[10, 14]']
        >>> from factcheck.figures import parse_quantity
        >>> str(parse_quantity("2012-2013 and 2016-2019").interval)
        '[2012, 2019]'
        """
        n, q = self.number, self.qualifier
        if self.kind is Kind.YEARS:
            return Interval(self.years[0], self.years[-1])
        if q == "between":
            return Interval(n, self.other)
        if q == "before":
            return Interval(None, n - 1)
        if q == "after":
            return Interval(n + 1, None)
        if q == "until":
            return Interval(None, n)
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

        >>> from factcheck.figures import parse_quantity
        >>> str(parse_quantity("since 2005").shift_years(1))
        'since 2006'
        >>> from factcheck.figures import parse_quantity
        >>> str(parse_quantity("2019-22").shift_years(-1))
        '2018-2021'
        >>> from factcheck.figures import parse_quantity
        >>> parse_quantity("21 years").shift_years(5) == parse_quantity("21 years")
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
            vote = f"{_grouped(n)}-{_grouped(self.other)} vote"
            if self.abstentions is not None:
                vote += f", {_grouped(self.abstentions)} abstention"
                vote += "" if self.abstentions == 1 else "s"
            return vote
        if k is Kind.YEARS and self.season:
            runs = ", ".join(f"{y}-{(y + 1) % 100:02d}" for y in self.years)
            return runs if all(map(_in_bare_range, self.years)) else f"in {runs}"
        if k is Kind.YEARS:
            runs = ", ".join(
                f"{a}-{b}" if a != b or len(self.years) == 1 else str(a)
                for a, b in _year_runs(self.years)
            )
            return runs if all(map(_in_bare_range, self.years)) else f"in {runs}"
        if k is Kind.YEAR:
            assert isinstance(n, int)
            if q:
                return f"{q} {n}"
            return str(n) if _in_bare_range(n) else f"in {n}"
        if k is Kind.ORDINAL:
            assert isinstance(n, int)
            body = f"{_grouped(n)}{_suffix(n)}" + (f" {self.unit}" if self.unit else "")
        elif q == "between":
            assert self.other is not None
            last = self.other
            body = f"between {_grouped(n)} and {_grouped(last)}"
            if self.unit:
                body += f" {self.unit}s"
            return body
        elif k is Kind.DURATION:
            body = f"{_grouped(n)} {'year' if n == 1 else 'years'}"
        else:
            body = _grouped(n)
            if self.unit:
                body += " time" if n == 1 else " times"
        return f"{q} {body}" if q else body
