"""Annual series: "the 16th year" in 2020 and "21 straight years" in 2025 both say 2005.

Each count of years, read at its date, implies a first year; the series is consistent
when the implied first years meet. When they do not, two explanations are tried
before a conflict is called: years in which the event did not happen (so that later
counts run behind the calendar), and counts that start from another point (another
body, edition or series).
"""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence

from factcheck.model import Claim, Series
from factcheck.reasons import reason
from factcheck.reconcilers._common import (
    Finding,
    Origins,
    Reading,
    Reason,
    Verdict,
    When,
    best_point,
    dated_by_series,
    exact,
    left_out_reason,
    quantity,
    weigh,
)
from factcheck.values import Interval, Quantity
from factcheck.values import Kind as QKind

__all__ = ["first_year", "implied_first_years", "reconcile_annual"]

_YEARS = (QKind.YEAR, QKind.YEARS)


def first_year(q: Quantity, when: When | None) -> Interval | None:
    """The first year a figure implies: a year says it; a count of years, read at its date.

    >>> from factcheck.figures import parse_quantity
    >>> from factcheck.model import Span
    >>> str(first_year(parse_quantity("16th year"), When(Span.year(2020))))
    '2005'
    >>> str(first_year(parse_quantity("more than 20 years"), When(Span.year(2025))))
    '(-∞, 2005]'
    >>> str(first_year(parse_quantity("before 2019"), None))
    '(-∞, 2018]'
    """
    if q.kind is QKind.YEAR:
        return q.interval  # "since 2005" is 2005; "before 2019" any year up to 2018
    if q.kind is QKind.YEARS:
        return Interval(q.years[0], q.years[0])
    if when is None:
        return None
    n = q.interval
    low = None if n.high is None else when.span.first_year - n.high + 1
    high = None if n.low is None else when.span.last_year - n.low + 1
    return Interval(low, high)


def implied_first_years(claims: Sequence[Claim],
                        when: Mapping[str, When]) -> list[tuple[str, Interval]]:
    """Each claim that can be read at a date, with the first year it implies (by claim id)."""
    out = []
    for claim in sorted(claims, key=lambda c: c.id):
        first = first_year(quantity(claim), when.get(claim.id))
        if first is not None:
            out.append((claim.id, first))
    return out


def reconcile_annual(series: Series, claims: Sequence[Claim], when: Mapping[str, When],
                     origins: Origins | None = None, *,
                     gaps: Mapping[str, tuple[int, ...]] | None = None) -> Finding:
    """*gaps*: claim id → years its quotes say the event did not happen ("no vote was held
    in 2020"); a skipped year the counts need and a claim states is a fact, not an
    assumption."""
    readings: list[Reading] = []
    implied: list[tuple[str, Interval]] = []
    left_out: list[str] = []
    echo = dated_by_series(series, claims, when)  # counts read at a date this series gave
    for claim in claims:
        q, w = quantity(claim), when.get(claim.id)
        first = first_year(q, w)
        if first is None:
            left_out.append(claim.id)
            readings.append(Reading(claim.id, q, w, left_out=True))
            continue
        implied.append((claim.id, first))
        readings.append(Reading(claim.id, q, None if q.kind in _YEARS else w, first))
    ids = tuple(c.id for c in claims)
    if not implied:
        return Finding(series, Verdict.UNCHECKED, (reason("no_dated_claims", ids),),
                       tuple(readings), claims=ids)
    common = functools.reduce(Interval.intersect, (iv for _, iv in implied))
    if not common.is_empty:
        return _agreeing(series, claims, when, implied, common,
                         [c.id for c in claims if c.id in echo], left_out, tuple(readings))
    return _disagreeing(series, claims, when, implied, origins, left_out, tuple(readings),
                        gaps or {}, echo)


def _agreeing(series: Series, claims: Sequence[Claim], when: Mapping[str, When],
              implied: list[tuple[str, Interval]], common: Interval, echoes: list[str],
              left_out: list[str], readings: tuple[Reading, ...]) -> Finding:
    ids = tuple(c.id for c in claims)
    reasons: list[Reason] = [reason("agree", [cid for cid, _ in implied], first_year=common)]
    if echoes:  # dated from this series: they agree by construction
        reasons.append(reason("inferred_agree", echoes))
    reasons += left_out_reason(left_out)
    # An uncertain date (a span of years, not inferred) agrees only for part of it.
    uncertain: list[Reason] = []
    for claim in claims:
        w, q = when.get(claim.id), quantity(claim)
        if (w is None or w.inferred or w.span.first_year == w.span.last_year
                or q.kind in _YEARS):
            continue
        n = q.interval
        if common.low is None or common.high is None or n.low is None or n.high is None:
            continue
        span = Interval(w.span.first_year, w.span.last_year)
        fits = Interval(int(common.low + n.low - 1), int(common.high + n.high - 1)).intersect(span)
        if fits != span:
            uncertain.append(reason("written_in", [claim.id], span=w.span, years=fits))
    if uncertain:
        return Finding(series, Verdict.CONSISTENT_IF, (reason("consistent_if"), *reasons),
                       readings, assumptions=tuple(uncertain), first_year=common, claims=ids)
    return Finding(series, Verdict.CONSISTENT, tuple(reasons), readings, first_year=common,
                   claims=ids)


def _disagreeing(series: Series, claims: Sequence[Claim], when: Mapping[str, When],
                 implied: list[tuple[str, Interval]], origins: Origins | None,
                 left_out: list[str], readings: tuple[Reading, ...],
                 stated: Mapping[str, tuple[int, ...]], echo: frozenset[str]) -> Finding:
    """The first year most claims give, and the claims that give another. A count read
    at a date this series gave (*echo*) takes no side: it holds the first year it was
    dated by, by construction; should it hold no such year, it is an outlier."""
    ids = tuple(c.id for c in claims)
    voters = [(cid, iv) for cid, iv in implied if cid not in echo]
    point, majority = best_point(voters or implied)
    outliers = [(cid, iv) for cid, iv in implied
                if cid not in majority and not (cid in echo and point in iv)]
    other = functools.reduce(Interval.intersect, (iv for _, iv in outliers))
    weight = weigh(majority, [c for c, _ in outliers], origins)
    extra = [weight] if weight else []
    skips = skipped_years(claims, when, stated)
    if skips is not None:
        gaps, start = skips
        unstated = [g for g in gaps if g.kind == "skipped_gap"]
        sourced = [g for g in gaps if g.kind == "stated_gap"]
        if not unstated:  # every skipped year the counts need is one a source states
            return Finding(series, Verdict.CONSISTENT,
                           (reason("skipped_stated", [c for c, _ in implied], first_year=start,
                                   implied=tuple(implied)), *sourced,
                            *left_out_reason(left_out)),
                           readings, first_year=Interval(start, start), claims=ids)
        alt = ([reason("or_other_start", [c for c, _ in outliers], first_year=other)]
               if not other.is_empty else [])
        return Finding(series, Verdict.CONSISTENT_IF,
                       (reason("skipped", [c for c, _ in implied], first_year=start,
                               implied=tuple(implied)), *sourced, *alt, *extra,
                        *left_out_reason(left_out)),
                       readings, assumptions=tuple(unstated), first_year=Interval(start, start),
                       claims=ids)
    reasons = [reason("disagree", [*majority, *(c for c, _ in outliers)],
                      majority=tuple(majority), point=point, outliers=tuple(outliers))]
    if not other.is_empty and point is not None:
        reasons.append(reason("other_start", [c for c, _ in outliers], first_year=other,
                              point=point))
    return Finding(series, Verdict.CONFLICT, (*reasons, *extra, *left_out_reason(left_out)),
                   readings, conflicts=tuple(cid for cid, _ in outliers),
                   first_year=Interval(point, point) if point is not None else None, claims=ids)


def skipped_years(claims: Sequence[Claim], when: Mapping[str, When],
                  stated: Mapping[str, tuple[int, ...]] | None = None,
                  ) -> tuple[list[Reason], int] | None:
    """Years without the event that would make every count fit one first year, or None.

    Counts of years are counts of occurrences: if the event skipped a year, "the 15th
    year" comes one calendar year later than the first year suggests. The first year F
    is the one a claim states ("since 2005") or else the earliest that an exactly dated,
    exact count implies; such a count dated D then needs s = implied(D) − F skipped years
    before D, and s may only grow, by at most the calendar years strictly between two
    such counts. It takes two such counts (one alone is as likely a miscount), or one
    and a source that states the gap (*stated*: claim id → years without the event).
    A needed gap that stated years fill exactly is a ``stated_gap`` (a fact, cited);
    otherwise a ``skipped_gap`` (an assumption). Counts dated only to a span of years,
    or approximate ones, must fit the schedule for some year and figure they allow;
    undated ones are left out.
    """
    said = {y: cid for cid, years in sorted((stated or {}).items()) for y in years}
    points: list[tuple[int, int, str]] = []  # (year, implied first year, claim)
    loose: list[tuple[Interval, Interval]] = []  # (years it may be dated to, its figure)
    fixed: list[int] = []
    for claim in claims:
        q = quantity(claim)
        if q.kind in _YEARS:
            given = first_year(q, None)
            if given is not None and given.low is not None and exact(given):
                fixed.append(int(given.low))  # "before 2019" fixes no first year
            continue
        w = when.get(claim.id)
        if w is None:
            continue
        n = q.interval
        if w.span.first_year == w.span.last_year and exact(n):
            year = w.span.first_year
            points.append((year, year - int(n.low) + 1, claim.id))  # type: ignore[arg-type]
        else:
            loose.append((Interval(w.span.first_year, w.span.last_year), n))
    if len(points) < (1 if said and fixed else 2) or len(set(fixed)) > 1:
        return None
    first = fixed[0] if fixed else min(p[1] for p in points)
    if any(p[1] < first for p in points):
        return None
    points.sort()
    gaps: list[Reason] = []
    schedule: list[tuple[int, int]] = [(first, 0)]  # (year, skipped years before it)
    prev_claim = ""
    for year, implied_first, cid in points:
        prev_year, prev_skips = schedule[-1]
        skips = implied_first - first
        if skips < prev_skips or (year == prev_year and skips != prev_skips):
            return None
        if skips > prev_skips:
            lo, hi = prev_year + 1, year - 1
            if hi - lo + 1 < skips - prev_skips:
                return None
            named = sorted(y for y in said if lo <= y <= hi)
            if len(named) == skips - prev_skips:
                gaps.append(reason("stated_gap", [said[y] for y in named], years=tuple(named),
                                   before_claim=cid))
            else:
                gaps.append(reason("skipped_gap", [c for c in (prev_claim, cid) if c],
                                   count=skips - prev_skips, years=Interval(lo, hi),
                                   after=prev_year, after_claim=prev_claim, before=year))
        schedule.append((year, skips))
        prev_claim = cid
    if not gaps or not all(_fits(years, n, first, schedule) for years, n in loose):
        return None
    return gaps, first


def _fits(years: Interval, n: Interval, first: int, schedule: list[tuple[int, int]]) -> bool:
    """Whether a loosely dated count fits the skip schedule for some year it may be from."""
    assert years.low is not None and years.high is not None
    for y in range(int(years.low), int(years.high) + 1):
        before = [(yr, s) for yr, s in schedule if yr <= y]
        after = [(yr, s) for yr, s in schedule if yr > y]
        y0, s0 = before[-1] if before else schedule[0]
        low, high = s0, s0 + max(0, y - y0 - 1)
        if after:
            y1, s1 = after[0]
            high = min(high, s1)
            low = max(low, s1 - max(0, y1 - y - 1))
        if low <= high and not Interval(y + 1 - first - high, y + 1 - first - low).intersect(
                n).is_empty:
            return True
    return False
