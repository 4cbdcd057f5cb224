"""Tally series: counts at moments ("41 co-sponsors" on one day, "61" a week later).

Figures given for the same moment must overlap (approximate wording is an interval;
a round figure may be a rounding of a precise one). With ``monotone = "increasing"``
a later figure below an earlier one is a revision, reported as the steps between
consecutive reports, each with its two claims. Cost: n log n in the number of claims.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

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
    """Figures for one moment must overlap, except that a round figure may be another
    rounded (:func:`rounding`). Swept in order of their lower bounds, a figure that starts
    above the lowest upper bound seen so far disagrees with that figure. Only plain whole
    figures can be roundings; they are also checked against one another by value (see
    :func:`_plain_figures`), so a round figure never hides two precise ones that differ.
    n log n."""
    if len(group) < 2:
        return
    # each figure's bounds, worked out once: (low, high, claim id, position, item)
    ordered = sorted((_low(iv), _high(iv), t[1].id, k, t) for k, t in enumerate(group)
                     for iv in (t[2].interval,))

    def disagree(a: _Item, b: _Item) -> None:
        conflicts.extend([a[1].id, b[1].id])
        problems.append(reason("same_moment", [a[1].id, b[1].id], span=span, a=a[2], b=b[2],
                               weight=weigh([a[1].id], [b[1].id], origins)))

    tightest: tuple[float, _Item] | None = None  # the lowest upper bound so far
    strict: tuple[float, _Item] | None = None  # the same among figures no rounding may join
    plain: list[list[_Item]] = []  # plain figures by value, ascending
    for low, high, _, _, item in ordered:
        whole = _plain(item[2])
        other = strict if whole else tightest  # a rounding needs two plain figures
        if other is not None and other[0] < low:
            disagree(other[1], item)
        if whole:
            if plain and plain[-1][0][2].number == item[2].number:
                plain[-1].append(item)
            else:
                plain.append([item])
        elif strict is None or high < strict[0]:
            strict = (high, item)
        if tightest is None or high < tightest[0]:
            tightest = (high, item)
    _plain_figures(span, plain, disagree, assumptions)


def _plain(q: Quantity) -> bool:
    """A plain whole figure ("61", "60"), the only kind a rounding may join."""
    return not q.qualifier and q.other is None and not q.years and isinstance(q.number, int)


def _plain_figures(span: Span, plain: list[list[_Item]],
                   disagree: Callable[[_Item, _Item], None], assumptions: list[Reason]) -> None:
    """Plain figures (grouped by value, ascending): each must be a rounding of, or rounded
    to, every smaller one; else it disagrees with the first smaller one that is neither.

    A figure *v* rounded to its unit *u* (60: tens) may stand for any smaller figure from
    v − u/2. A smaller figure further off fits *v* only if it is round itself, with half its
    unit reaching *v*: at most one such figure per power of ten. So the walk up from the
    smallest stops, after a handful of steps, at a misfit or at *v*'s own reach. Two
    precise figures never fit: a precise figure disagrees first with the smallest one."""
    precise: _Item | None = None  # the smallest figure that is not round
    first = plain[0][0] if plain else None
    for j, same in enumerate(plain):
        v = same[0][2].number
        assert isinstance(v, int)
        misfit: _Item | None = None
        if _unit(v) == 1 and precise is not None:
            misfit = precise
        else:
            for i in range(j):
                low = plain[i][0]
                if low[2].number >= v - _unit(v) // 2:
                    break
                if rounding(low[2], same[0][2]) is None:
                    misfit = low
                    break
        if _unit(v) == 1 and precise is None:
            precise = same[0]
        for item in same:
            if misfit is not None:
                disagree(misfit, item)
            elif j and first is not None:
                rounded = rounding(first[2], item[2]) or rounding(item[2], first[2])
                assert rounded is not None, "every smaller figure fits"
                assumptions.append(reason("rounding", [first[1].id, item[1].id], span=span,
                                          round=rounded[0], precise=rounded[1],
                                          unit=rounded[2]))


def _unit(n: int) -> int:
    """The power of ten a whole figure is rounded to: 10 for 60, 1 for 61 (and for 0)."""
    unit = 1
    while n and n % (unit * 10) == 0:
        unit *= 10
    return unit


def _low(iv: Interval) -> float:
    return float("-inf") if iv.low is None else float(iv.low)


def _high(iv: Interval) -> float:
    return float("inf") if iv.high is None else float(iv.high)


def _revisions(monotone: Monotone, moments: list[list[_Item]]) -> list[Reason]:
    """Steps against the series' direction between consecutive reports: in a series that
    grows, the highest lower bound of one moment against the lowest upper bound of the
    next (and the other way round in one that shrinks)."""
    rising = monotone is Monotone.INCREASING
    out: list[Reason] = []
    for before, after in zip(moments, moments[1:], strict=False):
        if not before[0][0].span.latest < after[0][0].span.earliest:
            continue
        if rising:
            wa, a, qa = max(before, key=lambda t: (_low(t[2].interval), t[1].id))
            wb, b, qb = min(after, key=lambda t: (_high(t[2].interval), t[1].id))
            fell = _high(qb.interval) < _low(qa.interval)
        else:
            wa, a, qa = min(before, key=lambda t: (_high(t[2].interval), t[1].id))
            wb, b, qb = max(after, key=lambda t: (_low(t[2].interval), t[1].id))
            fell = _high(qa.interval) < _low(qb.interval)
        if fell:
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
    unit = _unit(r)
    if unit == 1 or 2 * abs(r - p) > unit:
        return None
    return round_, precise, unit
