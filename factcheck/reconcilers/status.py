"""Status series: a fact that can change ("co-sponsor" in 2019, not in 2023, again in 2025).

A change over time is a history, not a conflict; two values for the same moment are a
conflict, unless one moment lies inside the other's span (then the status changed within
it: an assumption). An approximate run ("a decade of co-sponsorship" up to 2018) is
checked against the exact record.
"""

from __future__ import annotations

import datetime
import heapq
from collections.abc import Mapping, Sequence

import attrs

from factcheck.model import Claim, Series, Span
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
    unchecked,
)
from factcheck.values import Kind as QKind
from factcheck.values import Quantity
from factcheck.values.quantity import _year_runs

__all__ = ["reconcile_status"]


@attrs.frozen(order=True)
class _Status:
    span: Span
    value: str
    claim: str
    label: str  # the span as the claim gives it ("2019–2021", or its date)


def _norm(value: str) -> str:
    return " ".join(value.casefold().split())


def reconcile_status(series: Series, claims: Sequence[Claim], when: Mapping[str, When],
                     origins: Origins | None = None) -> Finding:
    items: list[_Status] = []
    runs: list[tuple[Claim, Quantity, int]] = []
    readings: list[Reading] = []
    left_out: list[str] = []
    for claim in claims:
        value, w, q = _norm(str(claim.value or "")), when.get(claim.id), claim.years
        if q is not None and q.kind in (QKind.YEARS, QKind.YEAR):
            years = q.years if q.kind is QKind.YEARS else (int(q.number),)
            for first, last in _year_runs(sorted(set(years))):
                span = Span.years(first, last)
                items.append(_Status(span, value, claim.id, str(span)))
            readings.append(Reading(claim.id, str(claim.value)))
        elif q is not None:
            end = claim.until if claim.until is not None else (
                w.span.last_year if w is not None else None)
            if end is None:
                left_out.append(claim.id)
                readings.append(Reading(claim.id, str(claim.value), left_out=True))
            elif exact(q.interval):
                span = Span.years(end - int(q.interval.low) + 1, end)  # type: ignore[arg-type]
                items.append(_Status(span, value, claim.id, str(span)))
                readings.append(Reading(claim.id, str(claim.value)))
            else:
                runs.append((claim, q, end))
                readings.append(Reading(claim.id, str(claim.value)))
        elif w is None:
            left_out.append(claim.id)
            readings.append(Reading(claim.id, str(claim.value), left_out=True))
        else:
            items.append(_Status(w.span, value, claim.id, str(w)))
            readings.append(Reading(claim.id, str(claim.value), w))
    items.sort()
    ids = tuple(c.id for c in claims)
    if not items and not runs:
        return unchecked(series, readings, ids, left_out)
    problems, assumptions, conflicts = _clashes(items)
    notes: list[Reason] = []
    for claim, q, end in runs:
        note = _check_run(claim, q, end, items)
        notes.append(note)
        if note.kind.startswith("run_conflict"):
            conflicts.append(claim.id)
            problems.append(note)
    if problems:
        return Finding(series, Verdict.CONFLICT, (reason("conflict"), *problems),
                       tuple(readings), tuple(dict.fromkeys(conflicts)), claims=ids)
    history = _history(items)
    reasons = (reason("history", [c for h in history for c in h.claims], steps=tuple(history)),
               *notes, *left_out_reason(left_out))
    if assumptions:
        return Finding(series, Verdict.CONSISTENT_IF, (reason("consistent_if"), *reasons),
                       tuple(readings), assumptions=tuple(assumptions), claims=ids)
    return Finding(series, Verdict.CONSISTENT, reasons, tuple(readings), claims=ids)


def _clashes(items: list[_Status]) -> tuple[list[Reason], list[Reason], list[str]]:
    """Overlapping moments with different values, in the order of the sorted *items*.

    Swept in order of their starts, each item meets the items still running when it
    starts (a heap evicts those that ended), grouped by value: items of its own value
    are never visited, so the cost is n log n plus one step per pair that clashes."""
    pairs: list[tuple[int, int]] = []
    ending: list[tuple[datetime.date, int]] = []  # (end, index) of the running items
    running: dict[str, dict[int, _Status]] = {}  # value -> the running items with it
    for j, b in enumerate(items):
        while ending and ending[0][0] < b.span.earliest:
            _, i = heapq.heappop(ending)
            group = running[items[i].value]
            del group[i]
            if not group:
                del running[items[i].value]
        for value, group in running.items():
            if value != b.value:
                pairs += ((i, j) for i in group)
        running.setdefault(b.value, {})[j] = b
        heapq.heappush(ending, (b.span.latest, j))
    problems: list[Reason] = []
    assumptions: list[Reason] = []
    conflicts: list[str] = []
    for i, j in sorted(pairs):
        a, b = items[i], items[j]
        inner, outer = (a, b) if _within(a.span, b.span) else (b, a)
        if inner.span != outer.span and _within(inner.span, outer.span):
            assumptions.append(reason(
                "changed_within", [outer.claim, inner.claim], span=outer.span,
                outer=outer.value, outer_label=outer.label, inner=inner.value,
                inner_label=inner.label))
        else:
            conflicts += [a.claim, b.claim]
            problems.append(reason("status_clash", [a.claim, b.claim], a=a.value,
                                   a_label=a.label, b=b.value, b_label=b.label))
    return problems, assumptions, conflicts


def _within(a: Span, b: Span) -> bool:
    return b.earliest <= a.earliest and a.latest <= b.latest


def _check_run(claim: Claim, q: Quantity, end: int, items: Sequence[_Status]) -> Reason:
    """An approximate run ("a decade of co-sponsorship" up to 2018) against the record."""
    value = _norm(str(claim.value or ""))
    years_with = {y for it in items if it.value == value and it.span.earliest.month == 1
                  and it.span.latest.month == 12
                  for y in range(it.span.first_year, it.span.last_year + 1)}
    years_other = {y for it in items if it.value != value
                   for y in range(it.span.first_year, it.span.last_year + 1)}
    n = q.interval
    facts = dict(value=str(claim.value), figure=q, end=end)
    sure = int(n.low) if n.low is not None else 0
    clash = sorted(y for y in range(end - sure + 1, end + 1) if y in years_other)
    if clash:
        return reason("run_conflict_other", [claim.id], clash=tuple(clash), **facts)
    start = end
    while start - 1 in years_with:
        start -= 1
    if end not in years_with:
        return reason("run_no_record", [claim.id], **facts)
    record = Span.years(start, end)
    if end - start + 1 in n:
        return reason("run_agrees", [claim.id], record=record, **facts)
    bounded = start - 1 in years_other
    if not bounded and (n.high is None or end - start + 1 < (n.low or 0)):
        return reason("run_at_least", [claim.id], record=record, **facts)
    return reason("run_conflict_record", [claim.id], record=record, **facts)


def _history(items: Sequence[_Status]) -> list[Reason]:
    out: list[tuple[str, list[_Status]]] = []
    for it in items:
        if out and out[-1][0] == it.value:
            out[-1][1].append(it)
        else:
            out.append((it.value, [it]))
    return [reason("status_period", [g.claim for g in group], value=value,
                   span=Span(group[0].span.earliest, max(g.span.latest for g in group)))
            for value, group in out]
