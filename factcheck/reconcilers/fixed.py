"""Fixed series: one value that never changes (a vote's tally, a founding year)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from factcheck.model import Claim, Series
from factcheck.reasons import reason
from factcheck.reconcilers._common import (
    Finding,
    Origins,
    Reading,
    Verdict,
    When,
    best_point,
    quantity,
    unchecked,
    weigh,
)
from factcheck.values import Kind as QKind

__all__ = ["reconcile_fixed"]


def reconcile_fixed(series: Series, claims: Sequence[Claim], when: Mapping[str, When],
                    origins: Origins | None = None) -> Finding:
    values = [(c.id, quantity(c)) for c in claims]
    readings = tuple(Reading(cid, q) for cid, q in values)
    ids = tuple(c.id for c in claims)
    if not values:
        return unchecked(series, readings, ids, [])
    votes = {(q.number, q.other) for _, q in values if q.kind is QKind.VOTE}
    if votes and len(votes) + sum(q.kind is not QKind.VOTE for _, q in values) > 1:
        return Finding(series, Verdict.CONFLICT,
                       (reason("figures_differ", ids, figures=tuple(values)),), readings, ids,
                       claims=ids)
    point, holders = best_point([(cid, q.interval) for cid, q in values])
    outliers = [(cid, q) for cid, q in values if cid not in holders]
    if not outliers:
        same = len({str(q) for _, q in values}) == 1
        return Finding(series, Verdict.CONSISTENT,
                       (reason("all_give", ids, value=values[0][1] if same else point),),
                       readings, claims=ids)
    weight = weigh(holders, [c for c, _ in outliers], origins)
    return Finding(series, Verdict.CONFLICT,
                   (reason("give_but", [*holders, *(c for c, _ in outliers)],
                           holders=tuple(holders), point=point, outliers=tuple(outliers)),
                    *([weight] if weight else [])),
                   readings, tuple(cid for cid, _ in outliers), claims=ids)
