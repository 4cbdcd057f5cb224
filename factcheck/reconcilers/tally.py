"""Tally series: counts at moments ("41 co-sponsors" on one day, "61" a week later).

Figures given for the same moment must overlap (approximate wording is an interval;
a round figure may be a rounding of a precise one). With ``monotone = "increasing"``
a later figure below an earlier one is a revision, reported as the steps between
consecutive reports, each with its two claims. Cost: n log n in the number of claims.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from factcheck.model import Claim, Monotone, Series, Span
from factcheck.reasons import reason
from factcheck.reconcilers._common import (
    Finding,
    Origins,
    Reading,
    Reason,
    Verdict,
    When,
    exact,
    left_out_reason,
    quantity,
    unchecked,
    weigh,
)
from factcheck.values import Interval, Quantity

__all__ = ["reconcile_tally", "rounding"]

_Item = tuple[When, Claim, Quantity]


def reconcile_tally(series: Series, claims: Sequence[Claim], when: Mapping[str, When],
                    origins: Origins | None = None) -> Finding:
    dated: list[_Item] = []
    readings: list[Reading] = []
    left_out: list[str] = []
    for claim in claims:
        q, w = quantity(claim), when.get(claim.id)
        if w is None:
            left_out.append(claim.id)
            readings.append(Reading(claim.id, q, left_out=True))
            continue
        dated.append((w, claim, q))
        readings.append(Reading(claim.id, q, w))
    dated.sort(key=lambda t: (t[0].span, t[1].id))
    ids = tuple(c.id for c in claims)
    if not dated:
        return unchecked(series, readings, ids, left_out)
    moments: dict[Span, list[_Item]] = {}
    for item in dated:
        moments.setdefault(item[0].span, []).append(item)
    problems: list[Reason] = []
    conflicts: list[str] = []
    assumptions: list[Reason] = []
    for span, group in moments.items():
        _same_moment(span, group, origins, problems, conflicts, assumptions)
    if series.monotone is not None:
        assumptions += _revisions(series.monotone, list(moments.values()))
    if problems:
        return Finding(series, Verdict.CONFLICT, (reason("conflict"), *problems),
                       tuple(readings), tuple(dict.fromkeys(conflicts)), claims=ids)
    if assumptions:
        return Finding(series, Verdict.CONSISTENT_IF, (reason("consistent_if"),),
                       tuple(readings), assumptions=tuple(assumptions), claims=ids)
    steps = []
    for span, group in moments.items():
        common = group[0][2].interval
        for _, _, q in group[1:]:
            common = common.intersect(q.interval)
        steps.append(reason("moment", [c.id for _, c, _ in group], span=span,
                            figures=tuple((c.id, q) for _, c, q in group),
                            agreeing=common if len(group) > 1 and exact(common) else None))
    trend = (reason("trend", [], monotone=series.monotone.value if series.monotone else "")
             if len(moments) > 1 else None)
    return Finding(series, Verdict.CONSISTENT,
                   (reason("consistent"), *steps, *([trend] if trend else []),
                    *left_out_reason(left_out)), tuple(readings), claims=ids)


def _same_moment(span: Span, group: list[_Item], origins: Origins | None,
                 problems: list[Reason], conflicts: list[str],
                 assumptions: list[Reason]) -> None:
    """Figures for one moment must overlap. Swept in order of their lower bounds, a figure
    that starts above the lowest upper bound seen so far disagrees with that figure: every
    claim in a disagreement is found, in n log n."""
    if len(group) < 2:
        return
    ordered = sorted(group, key=lambda t: (_low(t[2].interval), _high(t[2].interval), t[1].id))
    tightest: _Item = ordered[0]
    for item in ordered[1:]:
        _, a, qa = tightest
        _, b, qb = item
        if _high(qa.interval) < _low(qb.interval):
            rounded = rounding(qa, qb) or rounding(qb, qa)
            if rounded is not None:
                assumptions.append(reason("rounding", [a.id, b.id], span=span,
                                          round=rounded[0], precise=rounded[1],
                                          unit=rounded[2]))
            else:
                conflicts += [a.id, b.id]
                problems.append(reason("same_moment", [a.id, b.id], span=span, a=qa, b=qb,
                                       weight=weigh([a.id], [b.id], origins)))
        if _high(qb.interval) < _high(qa.interval):
            tightest = item


def _low(iv: Interval) -> float:
    return float("-inf") if iv.low is None else float(iv.low)


def _high(iv: Interval) -> float:
    return float("inf") if iv.high is None else float(iv.high)


def _revisions(monotone: Monotone, moments: list[list[_Item]]) -> list[Reason]:
    """Steps against the series' direction between consecutive reports."""
    rising = monotone is Monotone.INCREASING
    out: list[Reason] = []
    for before, after in zip(moments, moments[1:], strict=False):
        wa, a, qa = before[0]
        wb, b, qb = after[0]
        if not wa.span.latest < wb.span.earliest:
            continue
        lo, hi = (qa.interval.low, qb.interval.high) if rising else (
            qb.interval.low, qa.interval.high)
        if lo is not None and hi is not None and hi < lo:
            out.append(reason("revised", [a.id, b.id], direction="downward" if rising
                              else "upward", before=qa, before_when=wa, after=qb,
                              after_when=wb))
    return out


def rounding(round_: Quantity, precise: Quantity) -> tuple[Quantity, Quantity, int] | None:
    """(round, precise, unit) when a round exact figure is the precise one rounded.

    >>> from factcheck.figures import parse_quantity
    >>> r = rounding(parse_quantity("60"), parse_quantity("61"))
    >>> (str(r[0]), str(r[1]), r[2]) if r else None
    ('60', '61', 10)
    """
    if round_.qualifier or precise.qualifier:
        return None
    r, p = round_.number, precise.number
    if not isinstance(r, int) or not isinstance(p, int) or r == p or r == 0:
        return None
    unit = 1
    while r % (unit * 10) == 0:
        unit *= 10
    if unit == 1 or 2 * abs(r - p) > unit:
        return None
    return round_, precise, unit
