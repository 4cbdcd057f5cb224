"""When each claim holds, and the dates of undated sources worked out from every clue.

A claim holds at its own ``as_of`` when it has one, else at its first source's date,
else at the date inferred for that source. An undated source is dated by:

* its counts read against the dated claims of the same series — annual ("the 16th
  year" in a series that began in 2005 → 2020; when the dated claims disagree, against
  the first year most of them give, and said so), occurrences ("the 7th time" after six
  listed ones), and tallies that only grow (a figure between two dated reports);
* the dates its text mentions as past, and the months it expects still to come
  (:mod:`factcheck.dates`);
* relative words about an event a claim dates ("next month", "on Wednesday");
* the dated sources it quotes (it carries their passages and names their publisher).

Every inference carries structured reasons; :mod:`factcheck.render.words` words them.
"""

from __future__ import annotations

import datetime
import functools
import re
from collections.abc import Iterable, Mapping, Sequence

import attrs

from factcheck.credits import credits, publisher_key
from factcheck.dates import date_clues, reference_date_at, relative_window
from factcheck.figures import Sentences
from factcheck.model import Claim, Kind, Monotone, Series, Source, Span
from factcheck.reasons import Reason, reason
from factcheck.reconcilers import When, quantity
from factcheck.reconcilers._common import best_point
from factcheck.reconcilers.annual import implied_first_years
from factcheck.reconcilers.occurrences import listed_years
from factcheck.values import Interval
from factcheck.values import Kind as QKind

__all__ = ["DateInference", "claim_dates", "infer_dates"]

_DAY = datetime.timedelta(1)
_Bound = tuple[datetime.date, datetime.date, Reason]


@attrs.frozen
class DateInference:
    """The date of an undated source, worked out from what it counts, mentions and quotes."""

    source: str
    span: Span | None  # None: nothing to infer from, or the clues disagree
    reasons: tuple[Reason, ...]
    conflict: bool = False
    series: tuple[str, ...] = ()  # the series whose own claims gave a clue (see When.series)

    @property
    def year(self) -> int | None:
        """The inferred year, when the inferred span lies within one year."""
        if self.span is None or self.span.first_year != self.span.last_year:
            return None
        return self.span.first_year


def claim_dates(claims: Iterable[Claim], sources: Mapping[str, Source],
                inferred: Mapping[str, DateInference] | None = None,
                figures: Mapping[str, tuple[int, int]] | None = None) -> dict[str, When]:
    """When each claim holds.

    Its own ``as_of`` wins (with its ``as_of_note``). Else a reference-date phrase in the
    sentence of its figure, read at the source's date ("as of Oct. 1", "on Sunday",
    "yesterday": :func:`factcheck.dates.reference_date_at`), the phrase kept as the
    reason; *figures* maps a claim id to the span of its figure in its first quote's
    source. Else its first source's date, or the date inferred for that source.
    """
    out: dict[str, When] = {}
    sentences: dict[str, Sentences] = {}  # found once per source, not once per claim
    for claim in claims:
        if claim.as_of is not None:
            out[claim.id] = When(claim.as_of, note=claim.as_of_note)
            continue
        if not claim.quotes:
            continue
        source = sources[claim.quotes[0].source]
        at = (figures or {}).get(claim.id)
        if source.published is not None and at is not None:
            if source.id not in sentences:
                sentences[source.id] = Sentences(source.body)
            ref = reference_date_at(source.body, at[0], at[1], source.published,
                                    sentences=sentences[source.id])
            if ref is not None and ref.resolved is not None:
                out[claim.id] = When(ref.resolved, note=f"the article says “{ref.text}”")
                continue
        if source.published is not None:
            out[claim.id] = When(Span.day(source.published))
        elif inferred and (inf := inferred.get(source.id)) and inf.span is not None:
            out[claim.id] = When(inf.span, inferred=True, series=inf.series)
    return out


def infer_dates(sources: Mapping[str, Source], series: Iterable[Series],
                claims: Sequence[Claim],
                copies: Mapping[str, Iterable[str]] | None = None) -> dict[str, DateInference]:
    """Infer the date of each undated source from every clue (see the module docs).

    *claims* are the claims to read counts from (only supported ones, in a check);
    *copies* maps a source id to the ids of the sources sharing passages with it.
    """
    dated = claim_dates(claims, sources)
    by_id = {s.id: s for s in series}
    by_series: dict[str, list[Claim]] = {}
    counting: dict[str, list[Claim]] = {}  # source id -> its claims that may count its date
    for claim in sorted(claims, key=lambda c: c.id):
        if claim.series not in by_id:
            continue
        by_series.setdefault(claim.series, []).append(claim)
        if claim.as_of is None and claim.quotes:
            counting.setdefault(claim.quotes[0].source, []).append(claim)
    out: dict[str, DateInference] = {}
    for source in sorted(sources.values(), key=lambda s: s.id):
        if source.published is not None:
            continue
        years: list[tuple[Interval, Reason]] = []
        bounds: list[_Bound] = []
        from_series: set[str] = set()
        for claim in counting.get(source.id, []):
            assert claim.series is not None
            s, members = by_id[claim.series], by_series[claim.series]
            found_years: list[tuple[Interval, Reason]] = []
            found_bounds: list[_Bound] = []
            if s.kind is Kind.ANNUAL:
                found_years = _annual_clue(claim, members, dated)
            elif s.kind is Kind.OCCURRENCES:
                found_years = _occurrence_clue(claim, members, dated)
            elif s.kind is Kind.TALLY and s.monotone is not None:
                found_bounds = _tally_clue(claim, members, dated, s.monotone)
            if found_years or found_bounds:
                from_series.add(s.id)
            years += found_years
            bounds += found_bounds
        bounds += _relative_clues(source, claims)
        bounds += _quoted_sources(source, sources, copies)
        out[source.id] = attrs.evolve(_combine(source, years, bounds),
                                      series=tuple(sorted(from_series)))
    return out


def _annual_clue(claim: Claim, members: Sequence[Claim],
                 dated: Mapping[str, When]) -> list[tuple[Interval, Reason]]:
    """A count of years in a series whose dated claims agree on a first year."""
    q = quantity(claim)
    if q.kind in (QKind.YEAR, QKind.YEARS):
        return []
    implied = implied_first_years([m for m in members if m.id in dated or
                                   quantity(m).kind in (QKind.YEAR, QKind.YEARS)], dated)
    if not implied:
        return []
    first = functools.reduce(Interval.intersect, (iv for _, iv in implied))
    majority = first.is_empty
    if majority:  # the dated claims disagree: read it against what most of them say
        point, holders = best_point(implied)
        if point is None or 2 * len(holders) <= len(implied):
            return []
        first = Interval(point, point)
    if first.low is None or first.high is None:
        return []
    n = q.interval
    low = None if n.low is None else int(first.low + n.low - 1)
    high = None if n.high is None else int(first.high + n.high - 1)
    year = Interval(low, high)
    return [(year, reason("count_dates", [claim.id], figure=q, first_year=first, years=year,
                          majority=majority))]


def _occurrence_clue(claim: Claim, members: Sequence[Claim],
                     dated: Mapping[str, When]) -> list[tuple[Interval, Reason]]:
    """"The 7th time" after six listed occurrences: not before the year after the 6th."""
    q = quantity(claim)
    if q.kind in (QKind.YEAR, QKind.YEARS) or q.interval.low != q.interval.high:
        return []
    n = int(q.number)
    others = [m for m in members if m.id != claim.id]
    listed = set(listed_years(others))  # a listing may name this occurrence's year too
    counted = set()  # a count dated within one year is another occurrence, of that year
    for m in others:
        w = dated.get(m.id)
        if (w is not None and w.span.first_year == w.span.last_year
                and quantity(m).kind not in (QKind.YEAR, QKind.YEARS)):
            counted.add(w.span.first_year)
    years = sorted(listed | counted)
    if n < 2 or len(years) < n - 1:
        return []
    low = years[n - 2] + 1
    high = None
    if len(years) >= n:
        high = years[n - 1] - (1 if years[n - 1] in counted - listed else 0)
    if high is not None and high < low:
        return []
    year = Interval(low, high)
    return [(year, reason("occurrence_dates", [claim.id], figure=q, nth=n,
                          previous=years[n - 2], years=year))]


def _tally_clue(claim: Claim, members: Sequence[Claim], dated: Mapping[str, When],
                monotone: Monotone) -> list[_Bound]:
    """A figure of a series that only grows lies between the reports around it."""
    q = quantity(claim).interval
    rising = monotone is Monotone.INCREASING
    after: tuple[datetime.date, str] | None = None  # the latest report with a smaller figure
    before: tuple[datetime.date, str] | None = None  # the earliest with a larger one
    for m in members:
        w = dated.get(m.id)
        if m.id == claim.id or w is None or w.inferred:
            continue
        other = quantity(m).interval
        smaller = other.high is not None and q.low is not None and other.high < q.low
        larger = other.low is not None and q.high is not None and other.low > q.high
        if not rising:
            smaller, larger = larger, smaller
        if smaller and (after is None or w.span.latest > after[0]):
            after = (w.span.latest, m.id)
        if larger and (before is None or w.span.earliest < before[0]):
            before = (w.span.earliest, m.id)
    if after is None or before is None:
        return []
    return [(after[0], before[0], reason("tally_dates", [claim.id, after[1], before[1]],
                                         after=after[0], before=before[0]))]


def _relative_clues(source: Source, claims: Sequence[Claim]) -> list[_Bound]:
    bounds = []
    for claim in sorted(claims, key=lambda c: c.id):
        if claim.as_of is None or not claim.as_of.is_day:
            continue
        for quote in claim.quotes:
            window = (relative_window(quote.text, claim.as_of.earliest)
                      if quote.source == source.id else None)
            if window is not None:
                bounds.append((window[0], window[1], reason(
                    "relative", [claim.id], event=claim.as_of, words=window[2],
                    earliest=window[0], latest=window[1])))
    return bounds


def _quoted_sources(source: Source, sources: Mapping[str, Source],
                    copies: Mapping[str, Iterable[str]] | None) -> list[_Bound]:
    """Dated sources sharing passages with *source* that it names: by a credit line for
    their outlet ("Yonhap reported" for "Yonhap News Agency", see :mod:`factcheck.credits`)
    or by the publisher's whole name, in any case ("The Guardian", not "the")."""
    bounds = []
    credited: frozenset[str] | None = None
    for other in sorted((copies or {}).get(source.id, ())):
        dated_copy = sources.get(other)
        name = " ".join(dated_copy.publisher.split()) if dated_copy and dated_copy.publisher \
            else ""
        if dated_copy is None or dated_copy.published is None or not name:
            continue
        if credited is None:
            credited = frozenset(c.key for c in credits(source.body))
        words = r"\s+".join(map(re.escape, name.split()))
        if publisher_key(name) in credited or re.search(
                rf"(?<!\w){words}(?!\w)", source.body, re.IGNORECASE):
            bounds.append((dated_copy.published, datetime.date.max, reason(
                "quotes_source", [], source=other, name=name, date=dated_copy.published)))
    return bounds


_CALENDAR = Interval(datetime.MINYEAR, datetime.MAXYEAR)  # the years a date can have


def _combine(source: Source, counts: Sequence[tuple[Interval, Reason]],
             bounds: Sequence[_Bound]) -> DateInference:
    """The counts' years narrowed by the dates the text mentions and the *bounds* found."""
    reasons: list[Reason] = [r for _, r in counts]
    years = functools.reduce(Interval.intersect, (iv for iv, _ in counts), Interval(None, None))
    if not years.is_empty and years.intersect(_CALENDAR).is_empty:
        return DateInference(source.id, None, tuple(reasons))  # past the calendar's years
    years = years.intersect(_CALENDAR) if not years.is_empty else years
    mentions = date_clues(source.body)
    floor = max((c for c in mentions if c.earliest is not None),
                key=lambda c: c.earliest or datetime.date.min, default=None)
    if floor is not None and floor.earliest is not None and (
            years.low is None or floor.earliest > datetime.date(int(years.low), 1, 1)):
        reasons.append(reason("mentions_past", [], words=floor.text, earliest=floor.earliest))
    if years.is_empty:
        return DateInference(source.id, None, (*reasons, reason("counts_disagree")),
                             conflict=True)
    reasons += [why for _, _, why in bounds]
    if (years.low is None or years.high is None) and not any(
            hi != datetime.date.max for _, hi, _ in bounds):
        if not reasons:
            reasons.append(reason("no_clue"))
        return DateInference(source.id, None, tuple(reasons))
    earliest = datetime.date(int(years.low), 1, 1) if years.low is not None else datetime.date.min
    latest = datetime.date(int(years.high), 12, 31) if years.high is not None \
        else datetime.date.max
    for low, high, _ in bounds:
        earliest, latest = max(earliest, low), min(latest, high)
    if floor is not None and floor.earliest is not None:
        earliest = max(earliest, floor.earliest)
    if earliest.year == latest.year:
        for clue in mentions:
            if clue.before_month is not None:
                bound = datetime.date(latest.year, clue.before_month, 1) - _DAY
                if bound < latest:
                    latest = bound
                    reasons.append(reason("expects", [], words=clue.text,
                                          before=latest + _DAY))
    if earliest == datetime.date.min or latest == datetime.date.max:
        return DateInference(source.id, None, tuple(reasons))  # bounded on one side only
    if earliest > latest:
        return DateInference(source.id, None, (*reasons, reason(
            "no_date_left", [], earliest=earliest, latest=latest)), conflict=True)
    return DateInference(source.id, Span(earliest, latest), tuple(reasons))
