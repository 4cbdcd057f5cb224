"""The case as typed, frozen data: sources, quotes, claims and series.

Objects here are built once and never change; derive new ones with :func:`attrs.evolve`.
Outside data comes in through one filter per class, the named constructors
:meth:`Source.from_text`, :meth:`Series.from_toml`, :meth:`Claim.from_toml` and
:meth:`Quote.from_toml`: they check types, ranges and ids, read figures once into typed
values, and report every problem with its file, line and key path (into a
:class:`~factcheck.errors.Problems` collector when given one, else as a
:class:`~factcheck.errors.LoadError`). :mod:`factcheck.load` finds and reads the files.

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
import tomllib
from collections.abc import Mapping, MutableMapping
from typing import Any, overload

import attrs

from factcheck._toml import (
    MAX_YEARS,
    YEAR_MIN,
    At,
    Table,
    check_id,
    check_url,
    key_lines,
    toml_problem,
)
from factcheck.errors import Location, Problems, QuantityError, did_you_mean
from factcheck.figures import find_quantities, parse_quantity
from factcheck.text import supplied_title
from factcheck.values import Kind as QKind
from factcheck.values import Quantity

__all__ = ["ACCEPTS", "NOWHERE", "Claim", "Kind", "Monotone", "Quote", "Series", "Source",
           "Span", "TextPositionSelector", "TextQuoteSelector"]

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


SOURCE_KEYS = ("title", "publisher", "published", "url", "author", "note", "updated", "raw",
               "raw_sha256", "version_of")


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

    @overload
    @classmethod
    def from_text(cls, text: str, source_id: str, file: str = ...,
                  problems: None = None) -> Source: ...

    @overload
    @classmethod
    def from_text(cls, text: str, source_id: str, file: str,
                  problems: Problems) -> Source | None: ...

    @classmethod
    def from_text(cls, text: str, source_id: str, file: str = "<memory>",
                  problems: Problems | None = None) -> Source | None:
        """A source from the text of its file: ``+++`` front matter (TOML), then the body.

        A leading byte-order mark is dropped and line endings (CRLF, CR) become ``\\n``.
        Problems go to *problems*; without it, they are raised as one LoadError.

        >>> s = Source.from_text('+++\\ntitle = "T"\\npublished = 2025-11-12\\n+++\\nBody.', "x")
        >>> s.title, s.published, s.body
        ('T', datetime.date(2025, 11, 12), 'Body.')
        >>> problems = Problems()
        >>> Source.from_text('+++\\nurl = "javascript:"\\n+++\\nBody.', "x", "x.md", problems)
        >>> print(*problems.items)
        x.md:2: url: expected an http:// or https:// URL, got 'javascript:'
        """
        collector = Problems() if problems is None else problems
        source = _source(text, source_id, file, collector)
        if problems is None:
            collector.raise_if_any()
        return source

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.body.encode("utf-8", "surrogatepass")).hexdigest()

    @property
    def label(self) -> str:
        """A human name for the source: its title, or its first sentence in brackets."""
        return self.title or f"[{supplied_title(self.body)}]"


def _source(text: str, source_id: str, file: str, problems: Problems) -> Source | None:
    before = len(problems)
    if problem := check_id(source_id, "source", source=True):
        problems.add(Location(file), f"{problem}; the id is the file's name without .md")
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    if lines[0].strip() != "+++":
        problems.add(Location(file, 1),
                     "a source starts with a '+++' line opening its front matter")
        return None
    close = next((i for i in range(1, len(lines)) if lines[i].strip() == "+++"), None)
    if close is None:
        problems.add(Location(file, 1), "front matter is not closed by a second '+++' line")
        return None
    front = "\n".join(lines[1:close])
    body = "\n".join(lines[close + 1:])
    try:
        meta = tomllib.loads(front)
    except tomllib.TOMLDecodeError as exc:
        line, message = toml_problem(exc, front, offset=1)
        problems.add(Location(file, line), f"front matter: {message}")
        return None
    at = At(file, (), key_lines(front, offset=1), first_line=1)
    t = Table(meta, at, problems, SOURCE_KEYS)
    fields: dict[str, Any] = {}
    for key in ("title", "publisher", "author", "note", "raw", "raw_sha256"):
        fields[key] = t.text(key) or ""
    for key in ("published", "updated"):
        fields[key] = t.day(key)
    url = t.text("url")
    if url is not None and (problem := check_url(url)):
        t.fail("url", problem)
        url = None
    fields["url"] = url or ""
    fields["version_of"] = t.ident("version_of", "source", required=False, source=True) or ""
    if not body.strip():
        problems.add(Location(file, close + 2), "the source has no body text")
    if len(problems) > before:
        return None
    return Source(id=source_id, body=body, location=Location(file, 1), **fields)


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


QUOTE_KEYS = ("source", "text", "prefix", "suffix")


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

    @overload
    @classmethod
    def from_toml(cls, table: Mapping[str, Any], at: At, problems: None = None) -> Quote: ...

    @overload
    @classmethod
    def from_toml(cls, table: Mapping[str, Any], at: At,
                  problems: Problems) -> Quote | None: ...

    @classmethod
    def from_toml(cls, table: Mapping[str, Any], at: At,
                  problems: Problems | None = None) -> Quote | None:
        """A ``[[claim.quote]]`` table at *at*; None (with problems) when it cannot be built.

        >>> Quote.from_toml({"source": "a", "text": "21 straight years"}, At("c.toml"))
        Quote(source='a', text='21 straight years', prefix='', suffix='', location=...)
        """
        collector = Problems() if problems is None else problems
        t = Table(table, at, collector, QUOTE_KEYS)
        source = t.text("source", required=True)
        text = t.text("text", required=True)
        prefix = t.text("prefix") or ""
        suffix = t.text("suffix") or ""
        quote = None
        if t.ok and source is not None and text is not None:
            quote = cls(source, text, prefix, suffix, location=t.loc())
        if problems is None:
            collector.raise_if_any()
        return quote


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


# What each series kind can read (quantity kinds); a status series reads words.
ACCEPTS: dict[Kind, tuple[QKind, ...]] = {
    Kind.ANNUAL: (QKind.ORDINAL, QKind.DURATION, QKind.COUNT, QKind.YEAR, QKind.YEARS),
    Kind.OCCURRENCES: (QKind.ORDINAL, QKind.COUNT, QKind.YEAR, QKind.YEARS),
    Kind.TALLY: (QKind.COUNT,),
    Kind.FIXED: tuple(QKind),
}
# What a status claim's ``years`` can read.
STATUS_YEARS = (QKind.YEAR, QKind.YEARS, QKind.DURATION, QKind.ORDINAL)
SERIES_KEYS = ("id", "kind", "title", "monotone")


@attrs.frozen
class Series:
    """A figure or fact that several claims speak about."""

    id: str
    kind: Kind
    title: str = ""
    monotone: Monotone | None = None
    location: Location = NOWHERE

    @overload
    @classmethod
    def from_toml(cls, table: Mapping[str, Any], at: At, problems: None = None) -> Series: ...

    @overload
    @classmethod
    def from_toml(cls, table: Mapping[str, Any], at: At,
                  problems: Problems) -> Series | None: ...

    @classmethod
    def from_toml(cls, table: Mapping[str, Any], at: At,
                  problems: Problems | None = None) -> Series | None:
        """A ``[[series]]`` table at *at*; None (with problems) when it cannot be built.

        >>> from factcheck.errors import LoadError
        >>> try:
        ...     Series.from_toml({"id": "s", "kind": "anual"}, At("c.toml", ("series", 1)))
        ... except LoadError as exc:
        ...     print(exc)
        c.toml:1: series[1].kind: unknown kind 'anual' (did you mean 'annual'?)
        """
        collector = Problems() if problems is None else problems
        t = Table(table, at, collector, SERIES_KEYS)
        sid = t.ident("id", "series")
        kind = _enum(Kind, t.text("kind", required=True), "kind", t)
        title = t.text("title") or ""
        monotone = _enum(Monotone, t.text("monotone"), "monotone", t)
        if monotone is not None and kind is not None and kind is not Kind.TALLY:
            t.fail("monotone", f"monotone applies to tally series, not {kind.value}")
        series = None
        if t.ok and sid is not None and kind is not None:
            series = cls(id=sid, kind=kind, title=title, monotone=monotone, location=t.loc())
        if problems is None:
            collector.raise_if_any()
        return series


def _enum(enum_type: Any, name: str | None, key: str, t: Table) -> Any:
    if name is None:
        return None
    try:
        return enum_type(name)
    except ValueError:
        known = [m.value for m in enum_type]
        hint = did_you_mean(name, known) or f" (one of: {', '.join(known)})"
        t.fail(key, f"unknown {key} {name!r}{hint}")
        return None


CLAIM_KEYS = ("id", "statement", "series", "value", "as_of", "as_of_note", "years", "until",
              "quote")
Value = Quantity | str  # a figure, or a status in words


def _wording(value: Value | None) -> str:
    return "" if value is None else str(value)


@attrs.frozen
class Claim:
    """One checkable statement, with the quotes that support it.

    ``value`` is typed, read once when the claim is built: a :class:`Quantity` for a
    numeric series ("21 straight years", "more than 60"), the status in words for a
    status series ("co-sponsor"), and for a claim without a series a Quantity when its
    value reads as one, else None. ``wording`` keeps the value as written, for display.
    ``as_of`` is when it holds (the source's date when absent; ``as_of_note`` says why
    it was set by hand); ``years`` dates a status over a span of years ("2008-2018", or
    "a decade" together with ``until``, the run's last year), worded as ``years_wording``.
    """

    id: str
    statement: str
    quotes: tuple[Quote, ...] = ()
    series: str | None = None
    value: Value | None = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.instance_of(
            (Quantity, str))))
    as_of: Span | None = None
    years: Quantity | None = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.instance_of(
            Quantity)))
    until: int | None = None
    location: Location = NOWHERE
    wording: str = attrs.field(
        default=attrs.Factory(lambda self: _wording(self.value), takes_self=True))
    years_wording: str = attrs.field(
        default=attrs.Factory(lambda self: _wording(self.years), takes_self=True))
    as_of_note: str = ""

    @property
    def quantity(self) -> Quantity | None:
        """The value when it is a figure."""
        return self.value if isinstance(self.value, Quantity) else None

    @property
    def sources(self) -> tuple[str, ...]:
        """The ids of the sources this claim quotes, in first-quoted order."""
        return tuple(dict.fromkeys(q.source for q in self.quotes))

    @overload
    @classmethod
    def from_toml(cls, table: Mapping[str, Any], at: At, problems: None = None, *,
                  kinds: Mapping[str, Kind] | None = None,
                  quantities: MutableMapping[str, Quantity | QuantityError] | None = None,
                  ) -> Claim: ...

    @overload
    @classmethod
    def from_toml(cls, table: Mapping[str, Any], at: At, problems: Problems, *,
                  kinds: Mapping[str, Kind] | None = None,
                  quantities: MutableMapping[str, Quantity | QuantityError] | None = None,
                  ) -> Claim | None: ...

    @classmethod
    def from_toml(cls, table: Mapping[str, Any], at: At, problems: Problems | None = None, *,
                  kinds: Mapping[str, Kind] | None = None,
                  quantities: MutableMapping[str, Quantity | QuantityError] | None = None,
                  ) -> Claim | None:
        """A ``[[claim]]`` table (with its ``[[claim.quote]]`` tables) at *at*.

        *kinds* maps every series id of the case to its kind: the claim's value is read
        as its series reads it (and an unknown series is a problem); without it, the
        value is a Quantity when it reads as one, else the words. A numeric claim without
        a value takes the first figure of its quotes that its series can read.
        *quantities* caches readings across claims, so that a wording is read once.

        Returns None (the problems said why) when not even an id and statement could be
        read; otherwise the claim is built even when parts are wrong, so that checks
        across files (duplicate ids, unknown sources) still run in the same load.

        >>> c = Claim.from_toml({"id": "c", "statement": "x", "series": "s",
        ...                      "value": "21 straight years",
        ...                      "quote": [{"source": "a", "text": "for 21 straight years"}]},
        ...                     At("c.toml", ("claim", 1)), kinds={"s": Kind.ANNUAL})
        >>> c.value, c.wording
        (Quantity(kind=<Kind.DURATION: 'duration'>, number=21, ...), '21 straight years')
        """
        collector = Problems() if problems is None else problems
        claim = _claim(table, at, collector, kinds, {} if quantities is None else quantities)
        if problems is None:
            collector.raise_if_any()
        return claim

    def _repr_markdown_(self) -> str:
        head = f"**{self.id}**: {self.statement}"
        if self.series:
            head += f" — series `{self.series}`"
            if self.wording:
                head += f", {self.wording}"
        quotes = [f"- `{q.source}`: “{q.text}”" for q in self.quotes]
        return "\n".join([head, "", *quotes])


def _claim(table: Mapping[str, Any], at: At, problems: Problems,
           kinds: Mapping[str, Kind] | None,
           quantities: MutableMapping[str, Quantity | QuantityError]) -> Claim | None:
    t = Table(table, at, problems, CLAIM_KEYS)
    cid = t.ident("id", "claim")
    statement = t.text("statement", required=True)
    series = t.ident("series", "series", required=False)
    wording = t.text("value", nonempty=True)
    as_of_raw = t.day_or_year("as_of")
    as_of_note = t.text("as_of_note") or ""
    years_wording = t.text("years", nonempty=True)
    until = t.year("until")
    as_of: Span | None = None
    if isinstance(as_of_raw, datetime.date):
        as_of = Span.day(as_of_raw)
    elif isinstance(as_of_raw, int):
        as_of = Span.year(as_of_raw)
    quotes = []
    raw_quotes = t.tables("quote", "[[claim.quote]]")
    if table.get("quote", []) == []:
        t.fail(None, "a claim needs at least one [[claim.quote]]")
    for j, raw in enumerate(raw_quotes, 1):
        quote = Quote.from_toml(raw, at / "quote" / j, problems)
        if quote is not None:
            quotes.append(quote)
    if cid is None or statement is None:
        return None
    kind: Kind | None = None
    if series is not None and kinds is not None:
        kind = kinds.get(series)
        if kind is None:
            t.fail("series", f"claim {cid!r}: unknown series {series!r}"
                             f"{did_you_mean(series, kinds)}")
    reader = _Reader(t, cid, quantities)
    value: Value | None = None
    if kind is Kind.STATUS:
        value = wording
        if wording is None:
            t.fail(None, f"claim {cid!r}: a status claim needs a value")
    elif kind is not None:
        if wording is not None:
            value = reader.figure(wording, "value", ACCEPTS[kind], counts_years=kind in (
                Kind.ANNUAL, Kind.OCCURRENCES))
        else:
            mention = next((m for q in quotes for m in find_quantities(q.text)
                            if m.quantity.kind in ACCEPTS[kind]), None)
            if mention is None:
                if quotes:
                    t.fail(None, f"claim {cid!r}: no figure found in its quotes; "
                                 "give one with value = \"…\"")
            else:
                value, wording = mention.quantity, mention.text
                reader.in_range(value, "value", kind in (Kind.ANNUAL, Kind.OCCURRENCES))
    elif wording is not None:  # no series (or an unknown one): a figure if it reads as one
        value = reader.lenient(wording)
        if value is None and series is not None and kinds is None:
            value = wording  # a series of unknown kind: keep the words
    years: Quantity | None = None
    if years_wording is not None:
        years = reader.figure(years_wording, "years", STATUS_YEARS, counts_years=True)
    if until is not None:
        if years is None or years.kind is not QKind.DURATION:
            t.fail("until", f"claim {cid!r}: until goes with years given as a duration "
                            "(years = \"a decade\", until = 2018)")
        elif (first := until - _most(years) + 1) < YEAR_MIN:
            t.fail("until", f"claim {cid!r}: {years_wording!r} up to {until} would start in "
                            f"{first}, before {YEAR_MIN}")
    return Claim(id=cid, statement=statement, quotes=tuple(quotes), series=series,
                 value=value, as_of=as_of, years=years, until=until, location=t.loc(),
                 wording=wording or "", years_wording=years_wording or "",
                 as_of_note=as_of_note)


def _most(q: Quantity) -> int:
    n = q.interval
    return int(n.high if n.high is not None else n.low or 0)


class _Reader:
    """Reads a claim's figures, once per wording across a load, checking kind and range."""

    def __init__(self, t: Table, cid: str,
                 cache: MutableMapping[str, Quantity | QuantityError]) -> None:
        self.t, self.cid, self.cache = t, cid, cache

    def parse(self, text: str) -> Quantity | QuantityError:
        if text not in self.cache:
            try:
                self.cache[text] = parse_quantity(text)
            except QuantityError as exc:
                self.cache[text] = exc
        return self.cache[text]

    def lenient(self, text: str) -> Quantity | None:
        q = self.parse(text)
        return q if isinstance(q, Quantity) else None

    def figure(self, text: str, key: str, accepts: tuple[QKind, ...], *,
               counts_years: bool) -> Quantity | None:
        q = self.parse(text)
        if isinstance(q, QuantityError):
            self.t.fail(key, f"claim {self.cid!r}: {q}")
            return None
        if q.kind not in accepts:
            wanted = " or ".join(k.value for k in accepts)
            self.t.fail(key, f"claim {self.cid!r}: {text!r} reads as {q.kind.value} ({q}); "
                             f"its series takes {wanted}")
            return None
        return q if self.in_range(q, key, counts_years) else None

    def in_range(self, q: Quantity, key: str, counts_years: bool) -> bool:
        """Durations (and, where they count years, ordinals and counts) up to 1,000."""
        years_count = q.kind is QKind.DURATION or counts_years and q.kind in (
            QKind.ORDINAL, QKind.COUNT)
        n = q.interval
        if years_count and any(b is not None and b > MAX_YEARS for b in (n.low, n.high)):
            self.t.fail(key, f"claim {self.cid!r}: {q} is more than {MAX_YEARS:,} years")
            return False
        return True
