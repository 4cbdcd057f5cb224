"""Reconcile the claims of a series: do their figures, read at their own dates, agree?

Each series kind has its own reading (see README, "Series kinds"):

* ``annual`` — "the 16th year" in 2020 and "21 straight years" in 2025 both imply a
  first year of 2005; the series is consistent when the implied first years meet.
* ``occurrences`` — "the 7th time" must match the listed occurrences up to its date.
* ``tally`` — counts at moments; ``monotone = "increasing"`` makes a later lower figure a
  downward revision. Approximate wording ("more than 60") is an interval.
* ``status`` — a categorical fact over time: a change is a history; two values for the
  same moment are a conflict.
* ``fixed`` — one value that never changes.

Every :class:`Finding` carries its verdict *and* the reason in words, naming the claims
and figures. Input order never changes a result: readings are sorted first.
"""

from __future__ import annotations

import datetime
import enum
import re
from collections.abc import Iterable, Mapping, Sequence

import attrs

from factcheck.dates import date_clues, relative_window
from factcheck.model import Claim, Kind, Monotone, Series, Source, Span
from factcheck.values import Interval, Quantity
from factcheck.values import Kind as QKind


class Verdict(enum.StrEnum):
    CONSISTENT = "consistent"
    CONSISTENT_IF = "consistent if"
    CONFLICT = "conflict"
    UNCHECKED = "unchecked"  # nothing to compare: no claim could be read at a date


@attrs.frozen(order=True)
class When:
    """When a claim's figure holds, and whether that date was inferred."""

    span: Span
    inferred: bool = False

    def __str__(self) -> str:
        return f"{self.span} (inferred)" if self.inferred else str(self.span)


@attrs.frozen
class Finding:
    """The reconciliation of one series: verdict, reason, and the figures behind them."""

    series: Series
    verdict: Verdict
    explanation: str
    readings: tuple[str, ...] = ()  # one line per claim: its figure, date and what it implies
    conflicts: tuple[str, ...] = ()  # ids of the claims that disagree
    assumptions: tuple[str, ...] = ()  # what must hold for a "consistent if"
    first_year: Interval | None = None  # annual series: the first year all claims imply
    claims: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        return self.verdict is not Verdict.CONFLICT


@attrs.frozen
class DateInference:
    """The date of an undated source, worked out from what its claims count."""

    source: str
    span: Span | None  # None: nothing to infer from, or the clues disagree
    reasons: tuple[str, ...]
    conflict: bool = False

    @property
    def year(self) -> int | None:
        """The inferred year, when the inferred span lies within one year."""
        if self.span is None or self.span.first_year != self.span.last_year:
            return None
        return self.span.first_year

    def __str__(self) -> str:
        if self.span is None:
            return "undated"
        if self.year is not None and self.span != Span.year(self.year):
            return (f"undated, inferred {self.year} ({self.span.earliest.isoformat()} to "
                    f"{self.span.latest.isoformat()})")
        return f"undated, inferred {self.span}"


# -- helpers ---------------------------------------------------------------------------


def _q(claim: Claim) -> Quantity:
    assert isinstance(claim.value, Quantity), "load reads every numeric claim's value"
    return claim.value


def fmt_years(interval: Interval) -> str:
    """A year interval in words.

    >>> fmt_years(Interval(2005, 2005)), fmt_years(Interval(2004, 2006))
    ('2005', '2004–2006')
    >>> fmt_years(Interval(None, 2006))
    '2006 or earlier'
    """
    lo, hi = interval.low, interval.high
    if lo is not None and hi is not None:
        return str(lo) if lo == hi else f"{lo}–{hi}"
    if hi is not None:
        return f"{hi} or earlier"
    if lo is not None:
        return f"{lo} or later"
    return "any year"


def _names(ids: Iterable[str]) -> str:
    ids = list(dict.fromkeys(ids))
    quoted = [f"`{i}`" for i in ids]
    if len(quoted) <= 2:
        return " and ".join(quoted)
    return ", ".join(quoted[:-1]) + " and " + quoted[-1]


def _first_year(q: Quantity, when: When | None) -> Interval | None:
    """The first year a count of years implies, read at its date."""
    if q.kind is QKind.YEAR:
        return Interval(q.number, q.number)
    if q.kind is QKind.YEARS:
        return Interval(q.years[0], q.years[0])
    if when is None:
        return None
    n = q.interval
    low = None if n.high is None else when.span.first_year - n.high + 1
    high = None if n.low is None else when.span.last_year - n.low + 1
    return Interval(low, high)


def _best_point(intervals: Sequence[tuple[str, Interval]]) -> tuple[int | None, list[str]]:
    """The year most intervals hold (earliest on ties) and the claims that hold it."""
    edges = sorted(
        {int(e) for _, iv in intervals for e in (iv.low, iv.high) if e is not None}
    )
    best: tuple[int, int | None, list[str]] = (-1, None, [])
    for point in edges or [0]:
        holders = [cid for cid, iv in intervals if point in iv]
        if len(holders) > best[0]:
            best = (len(holders), point, holders)
    return best[1], best[2]


# -- annual ----------------------------------------------------------------------------


Origins = Mapping[str, frozenset[str]]  # claim id -> the independent origins behind its quotes


def _weigh(side: Iterable[str], other: Iterable[str], origins: Origins | None) -> str:
    """Which side of a disagreement more independent origins stand behind."""
    if not origins:
        return ""
    mine = frozenset().union(*(origins.get(c, frozenset()) for c in side))
    theirs = frozenset().union(*(origins.get(c, frozenset()) for c in other))
    if not mine or not theirs:
        return ""

    def count(n: int) -> str:
        return f"{n} independent origin{'s' if n != 1 else ''}"

    if len(mine) == len(theirs):
        return ""
    side, other = list(side), list(other)
    verb = "rest" if len(side) > 1 else "rests"
    text = (f" Weight: {_names(side)} {verb} on {count(len(mine))}, "
            f"{_names(other)} on {count(len(theirs))}")
    shared = mine & theirs
    if shared:
        text += f" (shared: {', '.join(sorted(shared))})"
    return text + "; the side with more stands on firmer ground."


def _annual(series: Series, claims: Sequence[Claim], when: Mapping[str, When],
            origins: Origins | None = None) -> Finding:
    readings: list[str] = []
    implied: list[tuple[str, Interval]] = []
    left_out: list[str] = []
    inferred: list[str] = []  # counts read at a date that was itself inferred
    for claim in claims:
        q = _q(claim)
        w = when.get(claim.id)
        first = _first_year(q, w)
        if first is not None and w is not None and w.inferred and q.kind not in (
                QKind.YEAR, QKind.YEARS):
            inferred.append(claim.id)
        if first is None:
            left_out.append(claim.id)
            readings.append(f"`{claim.id}`: {q} — no date to read it at; left out")
            continue
        implied.append((claim.id, first))
        if q.kind in (QKind.YEAR, QKind.YEARS):
            readings.append(f"`{claim.id}`: {q} → first year {fmt_years(first)}")
        else:
            readings.append(
                f"`{claim.id}`: {q} as of {w} → first year {fmt_years(first)}"
            )
    if not implied:
        return Finding(
            series,
            Verdict.UNCHECKED,
            "No claim could be dated, so there is nothing to compare.",
            tuple(readings),
            claims=tuple(c.id for c in claims),
        )
    common = implied[0][1]
    for _, iv in implied[1:]:
        common = common.intersect(iv)
    if not common.is_empty:
        ids = [cid for cid, _ in implied]
        text = (
            f"All {len(implied)} dated figures imply a first year of {fmt_years(common)}: "
            f"{_names(ids)} agree."
            if len(implied) > 1
            else f"Only `{implied[0][0]}` can be read; it implies a first year of "
            f"{fmt_years(common)}."
        )
        if inferred:
            text += (f" The dates of {_names(inferred)} are inferred from this series, so they"
                     " agree by construction and do not confirm it independently.")
        if left_out:
            text += f" Left out for want of a date: {_names(left_out)}."
        # An uncertain date (a span of years, not inferred) agrees only for part of it.
        uncertain: list[str] = []
        for claim in claims:
            w, q = when.get(claim.id), _q(claim)
            if (w is None or w.inferred or w.span.first_year == w.span.last_year
                    or q.kind in (QKind.YEAR, QKind.YEARS)):
                continue
            n = q.interval
            if common.low is None or common.high is None or n.low is None or n.high is None:
                continue
            fits = Interval(int(common.low + n.low - 1), int(common.high + n.high - 1)).intersect(
                Interval(w.span.first_year, w.span.last_year))
            if fits != Interval(w.span.first_year, w.span.last_year):
                uncertain.append(f"`{claim.id}`, dated only to {w.span}, was written in "
                                 f"{fmt_years(fits)}")
        if uncertain:
            return Finding(series, Verdict.CONSISTENT_IF,
                           "Consistent if " + "; ".join(uncertain) + ". " + text,
                           tuple(readings), assumptions=tuple(uncertain), first_year=common,
                           claims=tuple(c.id for c in claims))
        return Finding(
            series,
            Verdict.CONSISTENT,
            text,
            tuple(readings),
            first_year=common,
            claims=tuple(c.id for c in claims),
        )
    point, majority = _best_point(implied)
    outliers = [(cid, iv) for cid, iv in implied if cid not in majority]
    parts = [
        f"`{cid}` implies a first year of {fmt_years(iv)}" for cid, iv in outliers
    ]
    other = outliers[0][1]
    for _, iv in outliers[1:]:
        other = other.intersect(iv)
    body = ""
    if not other.is_empty and point is not None:
        gap = (f"{point - other.high} year{'s' if point - other.high != 1 else ''} before"
               if other.high is not None and other.high < point else
               f"{other.low - point} year{'s' if other.low - point != 1 else ''} after"
               if other.low is not None and other.low > point else "unlike")
        body = (f" {_names(c for c, _ in outliers)} "
                f"{'fits' if len(outliers) == 1 else 'consistently fit'} a first year of "
                f"{fmt_years(other)}, {gap} the others' {point}: likely a count of another "
                "body or series (e.g. an earlier forum's resolutions), not a miscount.")
    weight = _weigh(majority, [c for c, _ in outliers], origins)
    all_ids = tuple(c.id for c in claims)
    skips = _skipped_years(claims, when)
    if skips is not None:
        assumptions = tuple(skips)
        alt = (f" Otherwise {_names(c for c, _ in outliers)} "
               f"{'counts' if len(outliers) == 1 else 'count'} from a different first "
               f"year, {fmt_years(other)} (another body or series?)." if not other.is_empty else "")
        start = min(int(iv.low) for _, iv in implied if iv.low is not None)
        text = ("Consistent if " + "; ".join(assumptions) + ": the counts then all fit a "
                f"first year of {start}, with the event skipped where said. Without that, "
                + "; ".join(f"`{cid}` implies {fmt_years(iv)}" for cid, iv in implied)
                + "." + alt + weight)
        return Finding(series, Verdict.CONSISTENT_IF, text, tuple(readings),
                       assumptions=assumptions, first_year=Interval(start, start),
                       claims=all_ids)
    text = (
        f"Conflict: {_names(majority)} imply a first year of {point}, but "
        + "; ".join(parts)
        + "."
        + body
        + weight
    )
    return Finding(
        series,
        Verdict.CONFLICT,
        text,
        tuple(readings),
        conflicts=tuple(cid for cid, _ in outliers),
        first_year=Interval(point, point) if point is not None else None,
        claims=all_ids,
    )


def _skipped_years(claims: Sequence[Claim], when: Mapping[str, When]) -> list[str] | None:
    """Years without the event that would make every count fit one first year, or None.

    Counts of years are counts of occurrences: if the event skipped a year, "the 15th
    year" comes one calendar year later than the first year suggests. With exact figures
    and dates only, the first year F is the earliest implied one; a count dated D then
    needs s = implied(D) − F skipped years before D, and s may only grow, by at most the
    calendar years strictly between two dated counts.
    """
    points: list[tuple[int, int, str]] = []  # (year, implied first year, claim)
    fixed: list[int] = []
    for claim in claims:
        q = _q(claim)
        if q.kind in (QKind.YEAR, QKind.YEARS):
            fixed.append(int(q.number) if q.kind is QKind.YEAR else q.years[0])
            continue
        w = when.get(claim.id)
        n = q.interval
        if w is None or w.span.first_year != w.span.last_year or not _exact(n):
            return None
        year = w.span.first_year
        points.append((year, year - int(n.low) + 1, claim.id))  # type: ignore[arg-type]
    if not points or (len(points) < 2 and not fixed) or len(set(fixed)) > 1:
        return None
    first = fixed[0] if fixed else min(p[1] for p in points)
    if any(p[1] < first for p in points):
        return None
    points.sort()
    out: list[str] = []
    prev_year, prev_skips, prev_claim = first, 0, ""  # the first year had the event
    for year, implied_first, cid in points:
        skips = implied_first - first
        if skips < prev_skips or (year == prev_year and skips != prev_skips):
            return None
        if skips > prev_skips:
            lo, hi = prev_year + 1, year - 1
            if hi - lo + 1 < skips - prev_skips:
                return None
            gap = skips - prev_skips
            span = str(lo) if lo == hi else f"{lo}–{hi}"
            after = f"after `{prev_claim}`'s {prev_year}" if prev_claim else f"after {first}"
            out.append(f"{gap} year{'s' if gap != 1 else ''} without the event in {span} "
                       f"({after}, before `{cid}`'s {year})")
        prev_year, prev_skips, prev_claim = year, skips, cid
    return out or None


# -- occurrences -----------------------------------------------------------------------


def _occurrences(
    series: Series, claims: Sequence[Claim], when: Mapping[str, When],
    origins: Origins | None = None,
) -> Finding:
    listed: dict[int, list[str]] = {}
    counts: list[tuple[Claim, Quantity, When]] = []
    readings: list[str] = []
    left_out: list[str] = []
    for claim in claims:
        q = _q(claim)
        if q.kind in (QKind.YEARS, QKind.YEAR):
            years = q.years if q.kind is QKind.YEARS else (int(q.number),)
            for y in years:
                listed.setdefault(y, []).append(claim.id)
            readings.append(f"`{claim.id}`: occurrences in {q}")
            continue
        w = when.get(claim.id)
        if w is None:
            left_out.append(claim.id)
            readings.append(f"`{claim.id}`: {q} — no date to read it at; left out")
            continue
        counts.append((claim, q, w))
        readings.append(f"`{claim.id}`: {q} as of {w}")
    stated = sorted(listed)
    # A count claim is itself an occurrence in its own year ("this is the 7th time").
    for claim, _, w in counts:
        if w.span.first_year == w.span.last_year:
            listed.setdefault(w.span.first_year, []).append(claim.id)
    problems: list[str] = []
    conflicts: list[str] = []
    assumptions: list[str] = []
    agreements: list[str] = []
    for claim, q, w in counts:
        upto = sorted(y for y in listed if y <= w.span.last_year)
        known = len(upto)
        n = q.interval
        own = [y for y in upto if y not in stated]
        listing = _year_list([y for y in upto if y in stated]) + (
            f", plus {_year_list(own)} itself" if own else "")
        if known in n:
            agreements.append(
                f"`{claim.id}` says {q} as of {w}; the occurrences listed up to then "
                f"({listing}) number {known}"
            )
        elif n.high is not None and known > n.high:
            conflicts.append(claim.id)
            problems.append(
                f"`{claim.id}` says {q} as of {w}, but {known} occurrences are listed "
                f"up to then ({listing})"
            )
        else:
            missing = (n.low or 0) - known
            assumptions.append(
                f"{missing} occurrence{'s' if missing != 1 else ''} before {w.span.last_year} "
                f"that no claim lists"
            )
            agreements.append(
                f"`{claim.id}` says {q} as of {w} but only {known} occurrences are listed "
                f"({listing})"
            )
    ids = tuple(c.id for c in claims)
    if conflicts:
        text = "Conflict: " + "; ".join(problems) + "."
        return Finding(series, Verdict.CONFLICT, text, tuple(readings), tuple(conflicts),
                       claims=ids)
    if assumptions:
        text = (
            "Consistent if there were "
            + " and ".join(assumptions)
            + ": "
            + "; ".join(agreements)
            + "."
        )
        return Finding(series, Verdict.CONSISTENT_IF, text, tuple(readings),
                       assumptions=tuple(assumptions), claims=ids)
    if not counts and not listed:
        return _unchecked(series, readings, ids, left_out)
    if not counts:
        text = f"Occurrences listed: {_year_list(sorted(listed))}; no count to check them against."
    else:
        text = "Consistent: " + "; ".join(agreements) + "."
    if left_out:
        text += f" Left out for want of a date: {_names(left_out)}."
    return Finding(series, Verdict.CONSISTENT, text, tuple(readings), claims=ids)


def _year_list(years: Sequence[int]) -> str:
    """Compact runs of years: 2012–2013, 2016–2020."""
    runs: list[list[int]] = []
    for y in years:
        if runs and y == runs[-1][-1] + 1:
            runs[-1].append(y)
        else:
            runs.append([y])
    return ", ".join(str(r[0]) if len(r) == 1 else f"{r[0]}–{r[-1]}" for r in runs) or "none"


# -- tally -----------------------------------------------------------------------------


def _tally(series: Series, claims: Sequence[Claim], when: Mapping[str, When],
           origins: Origins | None = None) -> Finding:
    dated: list[tuple[When, Claim, Quantity]] = []
    readings: list[str] = []
    left_out: list[str] = []
    for claim in claims:
        q = _q(claim)
        w = when.get(claim.id)
        if w is None:
            left_out.append(claim.id)
            readings.append(f"`{claim.id}`: {q} — no date; left out")
            continue
        dated.append((w, claim, q))
        readings.append(f"`{claim.id}`: {q} as of {w} ({q.interval})")
    dated.sort(key=lambda t: (t[0].span, t[1].id))
    ids = tuple(c.id for c in claims)
    if not dated:
        return _unchecked(series, readings, ids, left_out)
    problems: list[str] = []
    conflicts: list[str] = []
    # Same moment: figures given for one date must overlap.
    moments: dict[Span, list[tuple[When, Claim, Quantity]]] = {}
    for item in dated:
        moments.setdefault(item[0].span, []).append(item)
    assumptions: list[str] = []
    for span, group in moments.items():
        for i, (_, a, qa) in enumerate(group):
            for _, b, qb in group[i + 1 :]:
                if not qa.interval.intersect(qb.interval).is_empty:
                    continue
                rounded = _rounding(qa, qb) or _rounding(qb, qa)
                if rounded:
                    assumptions.append(f"{rounded} (`{a.id}`, `{b.id}`, {span})")
                    continue
                conflicts += [a.id, b.id]
                problems.append(
                    f"for the same date {span}, `{a.id}` says {qa} and `{b.id}` says {qb}"
                    + _weigh([a.id], [b.id], origins).rstrip(".")
                )
    # Monotone: a later figure may not fall below an earlier one.
    if series.monotone is not None:
        rising = series.monotone is Monotone.INCREASING
        for i, (wa, a, qa) in enumerate(dated):
            for wb, b, qb in dated[i + 1 :]:
                if not wa.span.latest < wb.span.earliest:
                    continue
                lo_a, hi_b = (qa.interval.low, qb.interval.high) if rising else (
                    qb.interval.low, qa.interval.high)
                if lo_a is not None and hi_b is not None and hi_b < lo_a:
                    word = "downward" if rising else "upward"
                    assumptions.append(
                        f"the figure was revised {word}: `{a.id}` says {qa} on {wa}, "
                        f"then `{b.id}` says {qb} on {wb}, though the series only "
                        f"{'grows' if rising else 'shrinks'} (a correction of the earlier "
                        "figure, or one of them is wrong)"
                    )
    if problems:
        text = "Conflict: " + "; ".join(problems) + "."
        return Finding(series, Verdict.CONFLICT, text, tuple(readings),
                       tuple(dict.fromkeys(conflicts)), claims=ids)
    if assumptions:
        text = "Consistent if " + "; ".join(assumptions) + "."
        return Finding(series, Verdict.CONSISTENT_IF, text, tuple(readings),
                       assumptions=tuple(assumptions), claims=ids)
    steps: list[str] = []
    for span, group in moments.items():
        common = group[0][2].interval
        for _, _, q in group[1:]:
            common = common.intersect(q.interval)
        figures = " and ".join(
            f"{q} (`{c.id}`)" for _, c, q in group
        )
        steps.append(f"{span}: {figures}" + (
            f" — agreeing on {common}" if len(group) > 1 and _exact(common) else ""))
    if len(moments) > 1:
        trend = {Monotone.INCREASING: "growth over time", Monotone.DECREASING:
                 "decline over time", None: "change over time"}[series.monotone]
        text = "Consistent: " + "; then ".join(steps) + f". The differences are {trend}."
    else:
        text = "Consistent: " + "; ".join(steps) + "."
    if left_out:
        text += f" Left out for want of a date: {_names(left_out)}."
    return Finding(series, Verdict.CONSISTENT, text, tuple(readings), claims=ids)


def _rounding(round_: Quantity, precise: Quantity) -> str:
    """'60 is 61 rounded to the nearest ten' when a round exact figure is a rounding."""
    if round_.qualifier or precise.qualifier:
        return ""
    r, p = round_.number, precise.number
    if not isinstance(r, int) or not isinstance(p, int) or r == p or r == 0:
        return ""
    unit = 1
    while r % (unit * 10) == 0:
        unit *= 10
    if unit == 1 or 2 * abs(r - p) > unit:
        return ""
    names = {10: "ten", 100: "hundred", 1000: "thousand"}
    return f"{round_} is {precise} rounded to the nearest {names.get(unit, str(unit))}"


def _unchecked(series: Series, readings: Sequence[str], ids: tuple[str, ...],
               left_out: Sequence[str]) -> Finding:
    text = "Nothing to compare: no claim of this series could be read"
    text += f" (left out for want of a date: {_names(left_out)})." if left_out else "."
    return Finding(series, Verdict.UNCHECKED, text, tuple(readings), claims=ids)


def _exact(iv: Interval) -> bool:
    return iv.low is not None and iv.low == iv.high


# -- status ----------------------------------------------------------------------------


@attrs.frozen(order=True)
class _Status:
    span: Span
    value: str
    claim: str
    definite: bool  # False: an approximate run ("a decade"), checked separately
    label: str


def _norm(value: str) -> str:
    return " ".join(value.casefold().split())


def _status(series: Series, claims: Sequence[Claim], when: Mapping[str, When],
            origins: Origins | None = None) -> Finding:
    items: list[_Status] = []
    runs: list[tuple[Claim, Quantity, int]] = []
    readings: list[str] = []
    left_out: list[str] = []
    for claim in claims:
        assert claim.value is not None
        value = _norm(claim.wording)
        w = when.get(claim.id)
        if claim.years is not None:
            q = claim.years
            if q.kind in (QKind.YEARS, QKind.YEAR):
                years = q.years if q.kind is QKind.YEARS else (int(q.number),)
                for first, last in _runs(years):
                    span = Span.years(first, last)
                    items.append(_Status(span, value, claim.id, True, str(span)))
                readings.append(f"`{claim.id}`: {claim.wording} in {q}")
                continue
            end = claim.until if claim.until is not None else (
                w.span.last_year if w is not None else None)
            if end is None:
                left_out.append(claim.id)
                readings.append(f"`{claim.id}`: {claim.wording} for {q} — no end year; left out")
                continue
            n = q.interval
            if _exact(n):
                span = Span.years(end - int(n.low) + 1, end)  # type: ignore[arg-type]
                items.append(_Status(span, value, claim.id, True, str(span)))
                readings.append(f"`{claim.id}`: {claim.wording} for {q} up to {end} → {span}")
            else:
                runs.append((claim, q, end))
                readings.append(
                    f"`{claim.id}`: {claim.wording} for {q} ({fmt_years(n)} years) up to {end}")
            continue
        if w is None:
            left_out.append(claim.id)
            readings.append(f"`{claim.id}`: {claim.wording} — no date; left out")
            continue
        items.append(_Status(w.span, value, claim.id, True, str(w)))
        readings.append(f"`{claim.id}`: {claim.wording} as of {w}")
    items.sort()
    ids = tuple(c.id for c in claims)
    if not items and not runs:
        return _unchecked(series, readings, ids, left_out)
    problems: list[str] = []
    conflicts: list[str] = []
    assumptions: list[str] = []
    for i, a in enumerate(items):
        for b in items[i + 1 :]:
            if a.value == b.value or not _overlap(a.span, b.span):
                continue
            inner, outer = (a, b) if _within(a.span, b.span) else (b, a)
            if inner.span != outer.span and _within(inner.span, outer.span) and (
                    outer.span.earliest < inner.span.earliest
                    or inner.span.latest < outer.span.latest):
                assumptions.append(
                    f"the status changed within {outer.span}: `{outer.claim}` says "
                    f"{outer.value!r} for {outer.label}, `{inner.claim}` says "
                    f"{inner.value!r} on {inner.label}"
                )
            else:
                conflicts += [a.claim, b.claim]
                problems.append(
                    f"`{a.claim}` says {a.value!r} for {a.label} but `{b.claim}` says "
                    f"{b.value!r} for {b.label}"
                )
    notes: list[str] = []
    for claim, q, end in runs:
        verdict, note = _check_run(claim, q, end, items)
        notes.append(note)
        if verdict is Verdict.CONFLICT:
            conflicts.append(claim.id)
            problems.append(note)
    if problems:
        return Finding(series, Verdict.CONFLICT, "Conflict: " + "; ".join(problems) + ".",
                       tuple(readings), tuple(dict.fromkeys(conflicts)), claims=ids)
    history = _history(items)
    text = "History: " + "; ".join(history) + "."
    changes = len(history) - 1
    if changes:
        times = {1: "once", 2: "twice"}.get(changes, f"{changes} times")
        text += f" The status changes {times} over time: a history, not a conflict."
    text += "".join(f" {n[0].upper()}{n[1:]}." for n in notes)
    if left_out:
        text += f" Left out for want of a date: {_names(left_out)}."
    if assumptions:
        return Finding(series, Verdict.CONSISTENT_IF,
                       "Consistent if " + "; ".join(assumptions) + ". " + text,
                       tuple(readings), assumptions=tuple(assumptions), claims=ids)
    return Finding(series, Verdict.CONSISTENT, text, tuple(readings), claims=ids)


def _runs(years: Sequence[int]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for y in sorted(years):
        if out and y == out[-1][1] + 1:
            out[-1] = (out[-1][0], y)
        else:
            out.append((y, y))
    return out


def _overlap(a: Span, b: Span) -> bool:
    return a.earliest <= b.latest and b.earliest <= a.latest


def _within(a: Span, b: Span) -> bool:
    return b.earliest <= a.earliest and a.latest <= b.latest


def _check_run(
    claim: Claim, q: Quantity, end: int, items: Sequence[_Status]
) -> tuple[Verdict, str]:
    """An approximate run ("a decade of co-sponsorship" up to 2018) against the record."""
    value = _norm(claim.wording)
    years_with = {y for it in items if it.value == value and it.span.earliest.month == 1
                  and it.span.latest.month == 12
                  for y in range(it.span.first_year, it.span.last_year + 1)}
    years_other = {y for it in items if it.value != value
                   for y in range(it.span.first_year, it.span.last_year + 1)}
    n = q.interval
    sure = int(n.low) if n.low is not None else 0
    clash = sorted(y for y in range(end - sure + 1, end + 1) if y in years_other)
    if clash:
        return Verdict.CONFLICT, (
            f"`{claim.id}` says {claim.wording!r} for {q} up to {end}, but other claims say "
            f"otherwise for {_year_list(clash)}")
    start = end
    while start - 1 in years_with:
        start -= 1
    if end not in years_with:
        return Verdict.CONSISTENT, (
            f"`{claim.id}` ({claim.wording!r} for {q} up to {end}) has no exact record to "
            "compare with")
    length = end - start + 1
    bounded = start - 1 in years_other
    record = f"{start}–{end} ({length} years)"
    if length in n:
        return Verdict.CONSISTENT, (
            f"approximate agreement: `{claim.id}` says {q} ({fmt_years(n)} years), the record says "
            f"{record}")
    if not bounded and (n.high is None or length < (n.low or 0)):
        return Verdict.CONSISTENT, (
            f"`{claim.id}` says {q} ({fmt_years(n)} years); the record shows at least {record}")
    return Verdict.CONFLICT, (
        f"`{claim.id}` says {claim.wording!r} for {q} ({fmt_years(n)} years) up to {end}, "
        "but the record "
        f"says {record}")


def _history(items: Sequence[_Status]) -> list[str]:
    out: list[tuple[str, list[_Status]]] = []
    for it in items:
        if out and out[-1][0] == it.value:
            out[-1][1].append(it)
        else:
            out.append((it.value, [it]))
    lines = []
    for value, group in out:
        first, last = group[0].span.earliest, max(g.span.latest for g in group)
        span = Span(first, last)
        lines.append(f"{value!r} {span} ({_names(g.claim for g in group)})")
    return lines


# -- fixed -----------------------------------------------------------------------------


def _fixed(series: Series, claims: Sequence[Claim], when: Mapping[str, When],
           origins: Origins | None = None) -> Finding:
    values = [(c.id, _q(c)) for c in claims]
    readings = tuple(f"`{cid}`: {q}" for cid, q in values)
    ids = tuple(c.id for c in claims)
    if not values:
        return _unchecked(series, list(readings), ids, [])
    votes = {(q.number, q.other) for _, q in values if q.kind is QKind.VOTE}
    if votes and len(votes) + sum(q.kind is not QKind.VOTE for _, q in values) > 1:
        text = "Conflict: the figures differ: " + "; ".join(
            f"`{cid}` says {q}" for cid, q in values) + "."
        return Finding(series, Verdict.CONFLICT, text, readings, ids, claims=ids)
    point, holders = _best_point([(cid, q.interval) for cid, q in values])
    outliers = [(cid, q) for cid, q in values if cid not in holders]
    if not outliers:
        shown = str(values[0][1]) if len({str(q) for _, q in values}) == 1 else str(point)
        verb = {1: "gives", 2: "both give"}.get(len(ids), "all give")
        return Finding(series, Verdict.CONSISTENT,
                       f"Consistent: {_names(ids)} {verb} {shown}.", readings, claims=ids)
    text = (f"Conflict: {_names(holders)} give {point}, but "
            + "; ".join(f"`{cid}` gives {q}" for cid, q in outliers) + "."
            + _weigh(holders, [c for c, _ in outliers], origins))
    return Finding(series, Verdict.CONFLICT, text, readings,
                   tuple(cid for cid, _ in outliers), claims=ids)


_BY_KIND = {
    Kind.ANNUAL: _annual,
    Kind.OCCURRENCES: _occurrences,
    Kind.TALLY: _tally,
    Kind.STATUS: _status,
    Kind.FIXED: _fixed,
}


def reconcile(series: Series, claims: Iterable[Claim], when: Mapping[str, When],
              origins: Origins | None = None) -> Finding:
    """Reconcile the claims of one series, each read at its date in *when* (by claim id).

    *origins* (claim id → the independent origins of its quotes, syndicated copies
    counted once) lets a disagreement say which side more origins stand behind.

    >>> from factcheck.model import Claim, Series, Kind, Span
    >>> from factcheck.figures import parse_quantity
    >>> import datetime
    >>> s = Series("years", Kind.ANNUAL)
    >>> a = Claim("a", "", series="years", value=parse_quantity("16th year"))
    >>> b = Claim("b", "", series="years", value=parse_quantity("21 straight years"))
    >>> when = {"a": When(Span.year(2020)), "b": When(Span.day(datetime.date(2025, 11, 19)))}
    >>> f = reconcile(s, [b, a], when)
    >>> f.verdict.value, fmt_years(f.first_year)
    ('consistent', '2005')
    """
    ordered = sorted(claims, key=lambda c: c.id)
    return _BY_KIND[series.kind](series, ordered, when, origins)


# -- dates -----------------------------------------------------------------------------


def claim_dates(
    claims: Iterable[Claim], sources: Mapping[str, Source],
    inferred: Mapping[str, DateInference] | None = None,
) -> dict[str, When]:
    """When each claim holds: its own as_of, else its first source's date (or inferred date)."""
    out: dict[str, When] = {}
    for claim in claims:
        if claim.as_of is not None:
            out[claim.id] = When(claim.as_of)
            continue
        if not claim.quotes:
            continue
        source = sources[claim.quotes[0].source]
        if source.published is not None:
            out[claim.id] = When(Span.day(source.published))
        elif inferred and (inf := inferred.get(source.id)) and inf.span is not None:
            out[claim.id] = When(inf.span, inferred=True)
    return out


def infer_dates(
    sources: Mapping[str, Source], series: Iterable[Series], claims: Sequence[Claim],
    copies: Mapping[str, Iterable[str]] | None = None,
) -> dict[str, DateInference]:
    """Infer the date of each undated source from what it counts, mentions and quotes.

    * A count such as "the 16th year" in a series whose first year the dated claims fix
      at 2005 dates its source to 2005 + 16 − 1 = 2020. All such clues must agree.
    * Dates the text mentions as past bound it from below; a month it expects ("will …
      in December") from above (see :mod:`factcheck.dates`).
    * A claim quoting it with an ``as_of`` event date and a relative word ("next month",
      "on Wednesday", "yesterday") places it relative to that event.
    * A dated source whose passages it carries (*copies*: source id → the ids sharing
      passages with it) and whose publisher it names is one it quotes: it is not older.
    """
    dated = claim_dates(claims, sources)
    out: dict[str, DateInference] = {}
    firsts: dict[str, Finding] = {}
    for s in series:
        if s.kind is Kind.ANNUAL:
            members = [c for c in claims if c.series == s.id]
            firsts[s.id] = _annual(s, sorted(members, key=lambda c: c.id), dated)
    for source in sorted(sources.values(), key=lambda s: s.id):
        if source.published is not None:
            continue
        clues: list[tuple[str, Interval]] = []
        for claim in sorted(claims, key=lambda c: c.id):
            if claim.as_of is not None or not claim.quotes:
                continue
            if claim.quotes[0].source != source.id or claim.series not in firsts:
                continue
            finding = firsts[claim.series]
            q = _q(claim)
            if q.kind in (QKind.YEAR, QKind.YEARS) or finding.first_year is None:
                continue
            if finding.verdict is Verdict.CONFLICT:
                continue
            f, n = finding.first_year, q.interval
            low = None if f.low is None or n.low is None else int(f.low + n.low - 1)
            high = None if f.high is None or n.high is None else int(f.high + n.high - 1)
            year = Interval(low, high)
            clues.append((
                claim.id,
                year,
            ))
        bounds: list[tuple[datetime.date, datetime.date, str]] = []
        for claim in sorted(claims, key=lambda c: c.id):
            if claim.as_of is None or not claim.as_of.is_day:
                continue
            for quote in claim.quotes:
                window = relative_window(quote.text, claim.as_of.earliest) \
                    if quote.source == source.id else None
                if window is not None:
                    bounds.append((window[0], window[1], (
                        f"`{claim.id}` dates its event {claim.as_of} and the text calls it "
                        f"“{window[2]}”: written {window[0].isoformat()} to "
                        f"{window[1].isoformat()}")))
        for other in sorted((copies or {}).get(source.id, ())):
            dated_copy = sources.get(other)
            name = dated_copy.publisher.split()[0] if dated_copy and dated_copy.publisher else ""
            if dated_copy is None or dated_copy.published is None or not name:
                continue
            if re.search(rf"\b{re.escape(name)}\b", source.body):
                bounds.append((dated_copy.published, datetime.date.max, (
                    f"it carries passages of `{other}` and names {name}, so it quotes it: "
                    f"not before {dated_copy.published.isoformat()}")))
        out[source.id] = _combine(source, clues, [
            f"`{cid}` counts {_q(_by_id(claims, cid))} in a series that began in "
            f"{fmt_years(_first_of(firsts, claims, cid))}, which puts it in {fmt_years(iv)}"
            for cid, iv in clues
        ], bounds)
    return out


def _combine(source: Source, counts: Sequence[tuple[str, Interval]], reasons: list[str],
             bounds: Sequence[tuple[datetime.date, datetime.date, str]] = ()) -> DateInference:
    """The counts' years narrowed by the dates the text mentions and the *bounds* found."""
    years = Interval(None, None)
    for _, iv in counts:
        years = years.intersect(iv)
    mentions = date_clues(source.body)
    floor = max((c for c in mentions if c.earliest is not None),
                key=lambda c: c.earliest or datetime.date.min, default=None)
    if floor is not None and floor.earliest is not None and (
            years.low is None or floor.earliest > datetime.date(int(years.low), 1, 1)):
        reasons.append(f"the text mentions “{floor.text}” as past: not before "
                       f"{floor.earliest.isoformat()}")
    if years.is_empty:
        return DateInference(source.id, None, (*reasons, "the counts disagree on the year"),
                             conflict=True)
    reasons += [why for _, _, why in bounds]
    if (years.low is None or years.high is None) and not any(
            hi != datetime.date.max for _, hi, _ in bounds):
        if not reasons:
            reasons.append("no count or date in it can date it")
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
                bound = datetime.date(latest.year, clue.before_month, 1) - datetime.timedelta(1)
                if bound < latest:
                    latest = bound
                    reasons.append(f"the text expects “{clue.text}” still to come: "
                                   f"before {latest + datetime.timedelta(1):%B %Y}")
    if earliest == datetime.date.min or latest == datetime.date.max:
        return DateInference(source.id, None, tuple(reasons))  # bounded on one side only
    if earliest > latest:
        return DateInference(source.id, None, (
            *reasons, f"these clues leave no date: {earliest.isoformat()} is after "
            f"{latest.isoformat()}"), conflict=True)
    return DateInference(source.id, Span(earliest, latest), tuple(reasons))


def _by_id(claims: Sequence[Claim], cid: str) -> Claim:
    return next(c for c in claims if c.id == cid)


def _first_of(firsts: Mapping[str, Finding], claims: Sequence[Claim], cid: str) -> Interval:
    series = _by_id(claims, cid).series
    assert series is not None
    first = firsts[series].first_year
    assert first is not None
    return first
