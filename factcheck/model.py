"""The case as typed, frozen data: sources, quotes, claims and series.

Objects here are built once, by :mod:`factcheck.load` (or by hand in a notebook),
and never change; derive new ones with :func:`attrs.evolve`.

>>> span = Span.year(2020)
>>> span.earliest, span.latest
(datetime.date(2020, 1, 1), datetime.date(2020, 12, 31))
>>> str(Span.day(datetime.date(2025, 11, 12)))
'2025-11-12'
"""

from __future__ import annotations

import datetime
import enum
import hashlib

import attrs

from factcheck.errors import Location

NOWHERE = Location("<memory>")


@attrs.frozen(order=True)
class Span:
    """A stretch of time a fact is dated to: one day, a year, or anything between.

    A source's date is a one-day span; an undated source's inferred date is a
    wider one. Both ends are inclusive.
    """

    earliest: datetime.date
    latest: datetime.date

    @classmethod
    def day(cls, day: datetime.date) -> Span:
        return cls(day, day)

    @classmethod
    def year(cls, year: int) -> Span:
        return cls.years(year, year)

    @classmethod
    def years(cls, first: int, last: int) -> Span:
        return cls(datetime.date(first, 1, 1), datetime.date(last, 12, 31))

    @property
    def first_year(self) -> int:
        return self.earliest.year

    @property
    def last_year(self) -> int:
        return self.latest.year

    @property
    def is_day(self) -> bool:
        return self.earliest == self.latest

    def shift_years(self, k: int) -> Span:
        """The same span k years later (29 February falls back to the 28th)."""
        return Span(_shift(self.earliest, k), _shift(self.latest, k))

    def __str__(self) -> str:
        if self.is_day:
            return self.earliest.isoformat()
        if self == Span.years(self.first_year, self.last_year):
            if self.first_year == self.last_year:
                return str(self.first_year)
            return f"{self.first_year}–{self.last_year}"
        first = str(self.first_year) if (self.earliest.month, self.earliest.day) == (1, 1) \
            and self.first_year != self.last_year else self.earliest.isoformat()
        last = str(self.last_year) if (self.latest.month, self.latest.day) == (12, 31) \
            else self.latest.isoformat()
        return f"{first} – {last}"


def _shift(day: datetime.date, k: int) -> datetime.date:
    try:
        return day.replace(year=day.year + k)
    except ValueError:  # 29 February into a common year
        return day.replace(year=day.year + k, day=28)


@attrs.frozen
class Source:
    """One article: its metadata and its body exactly as published.

    Offsets into ``body`` count Unicode code points; ``sha256`` identifies this
    version of the text.
    """

    id: str
    body: str
    title: str = ""
    publisher: str = ""
    published: datetime.date | None = None
    url: str = ""
    author: str = ""
    note: str = ""
    updated: datetime.date | None = None  # when the page says it was last updated
    raw: str = ""  # the original page or archive record kept beside it (sources/.raw/…)
    raw_sha256: str = ""  # that file's sha256
    version_of: str = ""  # the id of the earlier version of the same page, if any
    location: Location = NOWHERE

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.body.encode("utf-8")).hexdigest()

    @property
    def label(self) -> str:
        """A human name for the source: its title, or the opening words of its body."""
        if self.title:
            return self.title
        words = self.body.split()
        lede = " ".join(words[:8])
        return f"untitled, begins “{lede}…”" if len(words) > 8 else f"untitled, “{lede}”"


@attrs.frozen
class TextQuoteSelector:
    """A quote by its words and a little context (W3C Web Annotation)."""

    exact: str
    prefix: str = ""
    suffix: str = ""


@attrs.frozen
class TextPositionSelector:
    """A quote by its place in the source body: code points, end exclusive."""

    start: int
    end: int


@attrs.frozen
class Quote:
    """Words a claim cites from one source."""

    source: str
    text: str
    prefix: str = ""
    suffix: str = ""
    location: Location = NOWHERE

    @property
    def selector(self) -> TextQuoteSelector:
        return TextQuoteSelector(self.text, self.prefix, self.suffix)


class Kind(enum.StrEnum):
    """How the claims of a series are reconciled (see README, "Series kinds")."""

    ANNUAL = "annual"
    OCCURRENCES = "occurrences"
    TALLY = "tally"
    STATUS = "status"
    FIXED = "fixed"


class Monotone(enum.StrEnum):
    INCREASING = "increasing"
    DECREASING = "decreasing"


@attrs.frozen
class Series:
    """A figure or fact that several claims speak about."""

    id: str
    kind: Kind
    title: str = ""
    monotone: Monotone | None = None
    location: Location = NOWHERE


@attrs.frozen
class Claim:
    """One checkable statement, with the quotes that support it.

    ``value`` is the figure as worded ("21 straight years", "more than 60",
    "co-sponsor"); ``as_of`` is when it holds (the source's date when absent);
    ``years`` dates a status over a span of years ("2008-2018", or "a decade"
    together with ``until``).
    """

    id: str
    statement: str
    quotes: tuple[Quote, ...] = ()
    series: str | None = None
    value: str | None = None
    as_of: Span | None = None
    years: str | None = None
    until: int | None = None
    location: Location = NOWHERE

    @property
    def sources(self) -> tuple[str, ...]:
        """The ids of the sources this claim quotes, in first-quoted order."""
        return tuple(dict.fromkeys(q.source for q in self.quotes))

    def _repr_markdown_(self) -> str:
        head = f"**{self.id}**: {self.statement}"
        if self.series:
            head += f" — series `{self.series}`"
            if self.value:
                head += f", {self.value}"
        quotes = [f"- `{q.source}`: “{q.text}”" for q in self.quotes]
        return "\n".join([head, "", *quotes])
