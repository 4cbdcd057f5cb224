"""Occurrence series: "the 7th time" must match the occurrences listed up to its date.

Claims either list occurrences ("2012-2013 and 2016-2019", "in 2003 and 2007") or count
them at a date ("the 7th time", "six-time winners"). A count dated within one year is
itself an occurrence of that year. A count above what is listed needs occurrences that
no claim lists (an assumption, counted once however many counts need it); a count below
what is listed is a conflict.
"""

from __future__ import annotations

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
    exact,
    left_out_reason,
    quantity,
    unchecked,
)
from factcheck.values import Kind as QKind
from factcheck.values import Quantity

__all__ = ["listed_years", "reconcile_occurrences"]


def listed_years(claims: Sequence[Claim]) -> dict[int, list[str]]:
    """The years the claims list as occurrences, each with the claims that list it.

    A year with a qualifier ("before 2014", "after 2019") names no one year: it lists none.
    """
    listed: dict[int, list[str]] = {}
    for claim in claims:
        q = quantity(claim)
        if q.kind is QKind.YEARS:
            years: tuple[int, ...] = q.years
        elif q.kind is QKind.YEAR and exact(q.interval):
            years = (int(q.number),)
        else:
            continue
        for y in years:
            listed.setdefault(y, []).append(claim.id)
    return listed


def reconcile_occurrences(series: Series, claims: Sequence[Claim], when: Mapping[str, When],
                          origins: Origins | None = None) -> Finding:
    listed = listed_years(claims)
    counts: list[tuple[Claim, Quantity, When]] = []
    readings: list[Reading] = []
    left_out: list[str] = []
    for claim in claims:
        q, w = quantity(claim), when.get(claim.id)
        if q.kind in (QKind.YEARS, QKind.YEAR):
            readings.append(Reading(claim.id, q))
        elif w is None:
            left_out.append(claim.id)
            readings.append(Reading(claim.id, q, left_out=True))
        else:
            counts.append((claim, q, w))
            readings.append(Reading(claim.id, q, w))
    stated = set(listed)
    # A count claim is itself an occurrence in its own year ("this is the 7th time").
    for claim, _, w in counts:
        if w.span.first_year == w.span.last_year:
            listed.setdefault(w.span.first_year, []).append(claim.id)
    problems: list[Reason] = []
    assumptions: list[Reason] = []
    agreements: list[Reason] = []
    for claim, q, w in counts:
        upto = sorted(y for y in listed if y <= w.span.last_year)
        known, n = len(upto), q.interval
        facts = dict(figure=q, when=w, known=known,
                     listed=tuple(y for y in upto if y in stated),
                     own=tuple(y for y in upto if y not in stated))
        if known in n:
            agreements.append(reason("count_matches", [claim.id], **facts))
        elif n.high is not None and known > n.high:
            problems.append(reason("count_below_listed", [claim.id], **facts))
        else:
            agreements.append(reason("count_above_listed", [claim.id], **facts))
    # Occurrences no claim lists, in date order: each is assumed once, however many
    # later counts need it too.
    unlisted = 0
    since: int | None = None
    for claim, q, w in sorted(counts, key=lambda t: (t[2].span, t[0].id)):
        known = sum(1 for y in listed if y <= w.span.last_year)
        missing = int(q.interval.low or 0) - known
        if missing > unlisted and (q.interval.high is None or known <= q.interval.high):
            assumptions.append(reason("unlisted", [claim.id], count=missing - unlisted,
                                      before=w.span.last_year, after=since))
            unlisted, since = missing, w.span.last_year
    ids = tuple(c.id for c in claims)
    if problems:
        return Finding(series, Verdict.CONFLICT, (reason("conflict", []), *problems),
                       tuple(readings), tuple(r.claims[0] for r in problems), claims=ids)
    if assumptions:
        return Finding(series, Verdict.CONSISTENT_IF,
                       (reason("consistent_if_there_were"), *agreements), tuple(readings),
                       assumptions=tuple(assumptions), claims=ids)
    if not counts and not listed:
        return unchecked(series, readings, ids, left_out)
    if not counts:
        body: tuple[Reason, ...] = (reason("only_listed", [], years=tuple(sorted(listed))),)
    else:
        body = (reason("consistent"), *agreements)
    return Finding(series, Verdict.CONSISTENT, (*body, *left_out_reason(left_out)),
                   tuple(readings), claims=ids)
