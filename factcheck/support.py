"""Support: does a claim's source really say what the claim quotes?

Anchoring *locates* a quote, fuzzily if it must; support is strict. A claim is
supported when every quote stands in its source, in one place only, with the source's
own figures, differing from it in spelling only, and unchanged since it was pinned; and,
for a claim with a figure, when its value is a figure its quotes give. Anything else is
a problem, as a structured :class:`~factcheck.reasons.Reason` (words:
:mod:`factcheck.render.words`).
"""

from __future__ import annotations

import enum
from collections.abc import Sequence

import attrs

from factcheck.anchoring import Anchor
from factcheck.differences import Difference, differences_at
from factcheck.figures import find_quantities
from factcheck.lock import PinCheck
from factcheck.model import Claim, Kind, Quote
from factcheck.reasons import Reason, reason

__all__ = ["QuoteResult", "Support", "judge", "quote_result"]


class Support(enum.StrEnum):
    SUPPORTED = "supported"
    UNSUPPORTED = "unsupported"
    STALE = "stale"


@attrs.frozen
class QuoteResult:
    """One quote of a claim, where it was found in its source, and how it fares."""

    quote: Quote
    anchor: Anchor
    pin: PinCheck | None = None  # against the lock, when the case has one
    figures: tuple[tuple[str, ...], tuple[str, ...]] | None = None  # (quote's, source's)
    differences: tuple[Difference, ...] = ()  # more than spelling: the source says otherwise

    @property
    def found(self) -> bool:
        return self.anchor.found


def quote_result(quote: Quote, found: Anchor, body: str,
                 pin: PinCheck | None = None) -> QuoteResult:
    """A quote's result. Anchoring locates fuzzily; support is strict: an approximate match
    must differ from the source in spelling only (:mod:`factcheck.differences`), and
    carry the source's own figures."""
    figures = None
    differences: tuple[Difference, ...] = ()
    if found.found and found.method != "exact":
        assert found.start is not None and found.end is not None
        differences = differences_at(quote.text, body, found.start, found.end)
        said = tuple(sorted(str(m.quantity) for m in find_quantities(quote.text)))
        there = tuple(sorted(str(m.quantity) for m in find_quantities(found.text)))
        if said != there:
            figures = (said, there)
    return QuoteResult(quote, found, pin, figures, differences)


def judge(claim: Claim, quotes: Sequence[QuoteResult],
          kind: Kind | None) -> tuple[Support, tuple[Reason, ...]]:
    """The claim's support, and every problem found with it."""
    problems: list[Reason] = []
    support = Support.SUPPORTED
    mismatch = _value_in_quotes(claim, quotes, kind)
    if mismatch is not None:
        support = Support.UNSUPPORTED
        problems.append(mismatch)
    for qr in quotes:
        source = qr.quote.source
        if qr.pin is not None and qr.pin.status == "altered":
            support = Support.STALE if support is Support.SUPPORTED else support
            problems.append(reason("pin_altered", [claim.id], source=source, pin=qr.pin))
        elif qr.pin is not None and qr.pin.status == "orphaned":
            support = Support.UNSUPPORTED
            problems.append(reason("pin_orphaned", [claim.id], source=source, pin=qr.pin))
        elif not qr.found:
            support = Support.UNSUPPORTED
            problems.append(reason("not_found", [claim.id], source=source,
                                   nearest=qr.anchor.nearest))
        elif qr.anchor.status == "ambiguous":
            support = Support.UNSUPPORTED
            a = qr.anchor
            places = tuple(dict.fromkeys(
                [(a.start, a.end, a.text), *((c.start, c.end, c.text) for c in a.alternatives)]))
            problems.append(reason("ambiguous", [claim.id], source=source, places=places))
        elif qr.figures is not None:
            support = Support.UNSUPPORTED
            problems.append(reason("figures_differ", [claim.id], source=source,
                                   said=qr.figures[0], there=qr.figures[1]))
        elif qr.differences:
            support = Support.UNSUPPORTED
            problems.append(reason("differences", [claim.id], source=source,
                                   differences=qr.differences))
    return support, tuple(problems)


def _value_in_quotes(claim: Claim, quotes: Sequence[QuoteResult],
                     kind: Kind | None) -> Reason | None:
    """A claim's stated figure must be one its quotes give, as the source prints them."""
    value = claim.quantity
    if value is None or kind is None or kind is Kind.STATUS:
        return None
    given = [m.quantity for qr in quotes if qr.found for m in find_quantities(qr.anchor.text)]
    for q in given:
        if q.number == value.number and q.years == value.years and q.other == value.other:
            return None
    return reason("value_not_in_quotes", [claim.id], value=value,
                  wording=claim.wording,
                  given=tuple(dict.fromkeys(str(q) for q in given)))
