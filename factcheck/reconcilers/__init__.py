"""Reconcile the claims of a series: do their figures, read at their own dates, agree?

Each series kind has its own reading (see README, "Series kinds"), in a module of its own:

* ``annual`` — "the 16th year" in 2020 and "21 straight years" in 2025 both imply a
  first year of 2005; the series is consistent when the implied first years meet.
* ``occurrences`` — "the 7th time" must match the listed occurrences up to its date.
* ``tally`` — counts at moments; ``monotone = "increasing"`` makes a later lower figure a
  downward revision. Approximate wording ("more than 60") is an interval.
* ``status`` — a categorical fact over time: a change is a history; two values for the
  same moment are a conflict.
* ``fixed`` — one value that never changes.

Two rules hold for every kind: a series of one claim is *unchecked* (nothing to compare
it with), and claims that agree but rest on one independent origin are *uncorroborated*,
not consistent. A claim whose undated source was dated from the series itself (its
``When.series``) agrees by construction: it stands behind nothing. Every
:class:`Finding` carries its verdict and structured reasons; the words are
:mod:`factcheck.render.words`' job. Input order never changes a result.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence

import attrs

from factcheck.model import Claim, Kind, Series
from factcheck.reasons import reason
from factcheck.reconcilers._common import (
    Finding,
    Origins,
    Reading,
    Reason,
    Verdict,
    When,
    dated_by_series,
    quantity,
)
from factcheck.reconcilers.annual import reconcile_annual
from factcheck.reconcilers.fixed import reconcile_fixed
from factcheck.reconcilers.occurrences import reconcile_occurrences
from factcheck.reconcilers.status import reconcile_status
from factcheck.reconcilers.tally import reconcile_tally

__all__ = ["Finding", "Reading", "Reason", "Verdict", "When", "quantity", "reconcile"]

_Reconciler = Callable[[Series, Sequence[Claim], Mapping[str, When], Origins | None], Finding]

_BY_KIND: dict[Kind, _Reconciler] = {
    Kind.ANNUAL: reconcile_annual,
    Kind.OCCURRENCES: reconcile_occurrences,
    Kind.TALLY: reconcile_tally,
    Kind.STATUS: reconcile_status,
    Kind.FIXED: reconcile_fixed,
}


def reconcile(series: Series, claims: Iterable[Claim], when: Mapping[str, When],
              origins: Origins | None = None, *, left_out: Sequence[str] = (),
              gaps: Mapping[str, tuple[int, ...]] | None = None) -> Finding:
    """Reconcile the claims of one series, each read at its date in *when* (by claim id).

    *origins* (claim id → the independent origins of its quotes, syndicated copies
    counted once) lets a disagreement say which side more origins stand behind, and
    tells consistent from uncorroborated. *left_out* names claims of the series that
    were not reconciled (their quotes do not support them). *gaps* (claim id → years its
    quotes say the event did not happen) lets an annual series name a skipped year as
    a sourced fact.

    >>> from factcheck.model import Claim, Series, Kind, Span
    >>> from factcheck.figures import parse_quantity
    >>> import datetime
    >>> s = Series("years", Kind.ANNUAL)
    >>> a = Claim("a", "", series="years", value=parse_quantity("16th year"))
    >>> b = Claim("b", "", series="years", value=parse_quantity("21 straight years"))
    >>> when = {"a": When(Span.year(2020)), "b": When(Span.day(datetime.date(2025, 11, 19)))}
    >>> f = reconcile(s, [b, a], when)
    >>> f.verdict.value, str(f.first_year)
    ('consistent', '2005')
    """
    ordered = sorted(claims, key=lambda c: c.id)
    if series.kind is Kind.ANNUAL:
        finding = reconcile_annual(series, ordered, when, origins, gaps=gaps)
    else:
        finding = _BY_KIND[series.kind](series, ordered, when, origins)
    # A claim read at a date worked out from this series agrees by construction: its
    # origins stand behind nothing here.
    echo = dated_by_series(series, ordered, when)
    independent = [c for c in ordered if c.id not in echo]
    behind = frozenset().union(*((origins or {}).get(c.id, frozenset()) for c in independent))
    extra: list[Reason] = []
    verdict = finding.verdict
    if len(ordered) == 1 and verdict is not Verdict.CONFLICT:
        verdict = Verdict.UNCHECKED
        extra.append(reason("single_claim", [ordered[0].id]))
    elif verdict is Verdict.CONSISTENT and (
            (origins is not None and len(behind) < 2) or (echo and len(independent) < 2)):
        verdict = Verdict.UNCORROBORATED
        extra.append(reason("one_origin", [c.id for c in ordered], origins=tuple(sorted(behind))))
    if left_out:
        extra.append(reason("unsupported_left_out", left_out))
    return attrs.evolve(finding, verdict=verdict, reasons=(*finding.reasons, *extra),
                        origins=tuple(sorted(behind)))
