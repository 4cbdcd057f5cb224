"""What every reconciler returns: a verdict, and the structured reasons behind it.

A :class:`Finding` holds no sentences. Its :class:`Reason` values name what was
found — the claims involved, the figures, the years, the assumption made — and
:mod:`factcheck.render.words` turns them into words for every output format.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping, Sequence

import attrs

from factcheck.model import Claim, Series, Span
from factcheck.reasons import Reason, reason
from factcheck.values import Interval, Number, Quantity
from factcheck.values import Kind as QKind

__all__ = [
    "Finding",
    "Origins",
    "Reading",
    "Reason",
    "Verdict",
    "When",
    "best_point",
    "dated_by_series",
    "exact",
    "quantity",
]

Origins = Mapping[str, frozenset[str]]
"""Claim id → the independent origins behind its quotes (syndicated copies count once)."""


class Verdict(enum.StrEnum):
    CONSISTENT = "consistent"
    CONSISTENT_IF = "consistent if"
    UNCORROBORATED = "uncorroborated"  # the claims agree, but one origin stands behind them
    CONFLICT = "conflict"
    UNCHECKED = "unchecked"  # nothing to compare: a single claim, or none read at a date


@attrs.frozen(order=True)
class When:
    """When a claim's figure holds, and whether that date was inferred.

    *series* names the series whose own claims the inferred date was worked out from
    ("the 25th year" dated 2029 because the series began in 2005): read in that series,
    the claim agrees by construction and confirms nothing (:func:`dated_by_series`).
    """

    span: Span
    inferred: bool = False
    note: str = ""  # why this date, when it is not simply the source's own
    series: tuple[str, ...] = ()

    def __str__(self) -> str:
        return f"{self.span} (inferred)" if self.inferred else str(self.span)


@attrs.frozen
class Reading:
    """How one claim was read: its figure, its date, and what it implies (if anything)."""

    claim: str
    value: Quantity | str
    when: When | None = None
    implies: Interval | None = None  # annual series: the first year it implies
    left_out: bool = False  # no date (or end year) to read it at


@attrs.frozen
class Finding:
    """The reconciliation of one series: verdict, reasons, and the figures behind them."""

    series: Series
    verdict: Verdict
    reasons: tuple[Reason, ...]
    readings: tuple[Reading, ...] = ()
    conflicts: tuple[str, ...] = ()  # ids of the claims that disagree
    assumptions: tuple[Reason, ...] = ()  # what must hold for a "consistent if"
    first_year: Interval | None = None  # annual series: the first year all claims imply
    claims: tuple[str, ...] = ()
    origins: tuple[str, ...] = ()  # the independent origins behind the claims

    @property
    def ok(self) -> bool:
        return self.verdict is not Verdict.CONFLICT


def quantity(claim: Claim) -> Quantity:
    """A numeric claim's figure (load makes sure every numeric claim has one)."""
    value = claim.value
    assert isinstance(value, Quantity), "load reads every numeric claim's value"
    return value


def dated_by_series(series: Series, claims: Iterable[Claim],
                    when: Mapping[str, When]) -> frozenset[str]:
    """The claims read at a date worked out from this very series (see :class:`When`).

    A year ("since 2005") or a list of years is not read at its date, so its source stands
    behind the series whatever its date.
    """
    return frozenset(
        c.id for c in claims
        if (w := when.get(c.id)) is not None and series.id in w.series
        and isinstance(c.value, Quantity) and c.value.kind not in (QKind.YEAR, QKind.YEARS))


def exact(iv: Interval) -> bool:
    return iv.low is not None and iv.low == iv.high


def best_point(intervals: Sequence[tuple[str, Interval]]) -> tuple[Number | None, list[str]]:
    """The figure most intervals hold (least on ties) and the claims that hold it.

    The figure is one of the intervals' own edges, exactly: "2.5" and "2.5" meet at 2.5.

    >>> from decimal import Decimal
    >>> best_point([("a", Interval.point(Decimal("2.5"))), ("b", Interval.point(Decimal("2.5"))),
    ...             ("c", Interval(2, 3))])
    (Decimal('2.5'), ['a', 'b', 'c'])
    """
    edges = sorted({e for _, iv in intervals for e in (iv.low, iv.high) if e is not None})
    best: tuple[int, Number | None, list[str]] = (-1, None, [])
    for point in edges or [0]:
        holders = [cid for cid, iv in intervals if point in iv]
        if len(holders) > best[0]:
            best = (len(holders), point, holders)
    return best[1], best[2]


def weigh(side: Iterable[str], other: Iterable[str], origins: Origins | None) -> Reason | None:
    """Which side of a disagreement more independent origins stand behind, if they differ."""
    if not origins:
        return None
    side, other = list(side), list(other)
    mine = frozenset().union(*(origins.get(c, frozenset()) for c in side))
    theirs = frozenset().union(*(origins.get(c, frozenset()) for c in other))
    if not mine or not theirs or len(mine) == len(theirs):
        return None
    return reason("weight", [*side, *other], side=tuple(side), other=tuple(other),
                  mine=len(mine), theirs=len(theirs), shared=tuple(sorted(mine & theirs)))


def unchecked(series: Series, readings: Sequence[Reading], ids: tuple[str, ...],
              left_out: Sequence[str]) -> Finding:
    return Finding(series, Verdict.UNCHECKED,
                   (reason("nothing_read", left_out, left_out=tuple(left_out)),),
                   tuple(readings), claims=ids)


def left_out_reason(left_out: Sequence[str]) -> tuple[Reason, ...]:
    return (reason("left_out", left_out),) if left_out else ()
