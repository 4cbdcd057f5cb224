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
from factcheck.differences import Difference, differences_at, whole_words
from factcheck.figures import find_quantities
from factcheck.lock import PinCheck
from factcheck.model import Claim, Kind, Quote
from factcheck.reasons import Reason, reason
from factcheck.values import Quantity

__all__ = ["QuoteResult", "Support", "gives_value", "judge", "quote_result"]


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
    """A quote's result. Anchoring locates fuzzily; support is strict: the source's words
    where the quote was found, read as whole words (an exact match of "adopted by 15" in
    "adopted by 150" is read "adopted by 150"), must differ from the quote in spelling only
    (:mod:`factcheck.differences`), and carry the quote's own figures."""
    figures = None
    differences: tuple[Difference, ...] = ()
    if found.found:
        assert found.start is not None and found.end is not None
        start, end = whole_words(body, found.start, found.end)
        passage = body[start:end]
        if passage != quote.text:
            differences = differences_at(quote.text, body, found.start, found.end)
            said = tuple(sorted(str(m.quantity) for m in find_quantities(quote.text)))
            there = tuple(sorted(str(m.quantity) for m in find_quantities(passage)))
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
    if any(gives_value(q, value) for q in given):
        return None
    return reason("value_not_in_quotes", [claim.id], value=value,
                  wording=claim.wording,
                  given=tuple(dict.fromkeys(str(q) for q in given)))


def gives_value(given: Quantity, value: Quantity) -> bool:
    """Whether *given*, a figure a quote gives, states *value*, a claim's figure: the same
    kind, number, unit, qualifier, years (seasons too), "against" count or upper end, and
    abstentions when the claim states them.

    The qualifier is part of the figure: "fewer than 60" does not give "more than 60", nor
    "about 60" give "60", nor "in 2005" give "since 2005" (whose interval is the same year).
    Only "the first 41" gives a plain "41" (the count at the start is that count; a plain
    "41" does not say it was the first). Figures that merely agree (a "61" within "more
    than 60") are not the same figure: support asks for the source's own figure.

    >>> from factcheck.figures import parse_quantity as q
    >>> gives_value(q("for 21 straight years"), q("21 straight years"))
    True
    >>> gives_value(q("in 2005"), q("since 2005")), gives_value(q("first 41"), q("41"))
    (False, True)
    """
    qualifier = "" if given.qualifier == "first" and value.qualifier == "" else given.qualifier
    return (given.kind is value.kind and given.number == value.number
            and given.unit == value.unit and qualifier == value.qualifier
            and given.years == value.years and given.season == value.season
            and given.other == value.other
            and value.abstentions in (None, given.abstentions))
