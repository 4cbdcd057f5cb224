"""The check, start to finish: one function runs every stage in order.

::

    anchor every quote in its source              (anchoring)
    → verify it against its pin, if locked         (lock)
    → judge each claim's support                   (support)
    → group the sources by origin                  (provenance)
    → date every claim, inferring undated sources  (dating)
    → reconcile every series                       (reconcilers)
    → Report

Each stage takes the results of the ones before it and nothing after edits them;
wording is left to :mod:`factcheck.render`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

from factcheck.anchoring import anchor
from factcheck.dating import claim_dates, infer_dates
from factcheck.errors import UsageError
from factcheck.figures import find_quantities
from factcheck.gaps import gaps_near
from factcheck.load import Loaded
from factcheck.lock import verify
from factcheck.model import Claim, Kind, Source
from factcheck.provenance import Corpus
from factcheck.reasons import Reason, reason
from factcheck.reconcilers import When, reconcile
from factcheck.report import Report
from factcheck.results import ClaimResult
from factcheck.support import QuoteResult, Support, gives_value, judge, quote_result
from factcheck.values import Quantity
from factcheck.web import verify_raw

__all__ = ["check"]


def check(case: Loaded, *, strict: bool = False, corpus: Corpus | None = None,
          root: Path | None = None) -> Report:
    """Check a loaded case: every quote anchored, every claim judged, every series reconciled.

    *corpus* may be given when the caller already built one over the same sources;
    *root*, the case folder, lets sources added from the web be checked against the raw
    page they were read from.
    """
    by_id: Mapping[str, Source] = {s.id: s for s in case.sources}
    notes = _source_notes(case.sources, root)
    # anchor, verify pins, judge support
    quotes = {claim.id: tuple(_quote(case, claim, i, by_id)
                              for i in range(1, len(claim.quotes) + 1))
              for claim in case.claims}
    kinds = {s.id: s.kind for s in case.series}
    judged = {c.id: judge(c, quotes[c.id], kinds.get(c.series or "")) for c in case.claims}
    usable = [c for c in case.claims if judged[c.id][0] is Support.SUPPORTED]
    # provenance: which sources carry each claim's passages, and how many origins they are
    if corpus is None:
        corpus = Corpus(case.sources)
    elif {s.id for s in corpus.sources} != set(by_id):
        raise UsageError("the corpus given to check() holds other sources than the case")
    clusters = corpus.clusters()
    origin = {s: c.origin for c in clusters for s in c.sources}
    copies = {s: [o for o in c.sources if o != s] for c in clusters for s in c.sources}
    carried: dict[str, frozenset[str]] = {}  # passage -> the sources carrying it

    def carriers_of(passage: str) -> frozenset[str]:
        if passage not in carried:
            carried[passage] = frozenset(hit.source for hit in corpus.find(passage))
        return carried[passage]

    carriers: dict[str, tuple[str, ...]] = {}
    for claim in case.claims:
        found = [qr for qr in quotes[claim.id] if qr.found]
        carriers[claim.id] = tuple(sorted(
            {qr.quote.source for qr in found}.union(*(carriers_of(qr.anchor.text)
                                                      for qr in found))))
    origins = {cid: frozenset(origin[s] for s in srcs) for cid, srcs in carriers.items()}
    # dating: only claims their quotes support take part
    figures = {c.id: at for c in case.claims if (at := _figure_at(c, quotes[c.id])) is not None}
    inferred = infer_dates(by_id, case.series, usable, copies)
    when = claim_dates(case.claims, by_id, inferred, figures)
    gaps = {c.id: years for c in usable if kinds.get(c.series or "") is Kind.ANNUAL
            and (years := _stated_gaps(c, quotes[c.id], by_id, when.get(c.id)))}
    # reconciliation
    findings = tuple(
        reconcile(s, [c for c in usable if c.series == s.id], when, origins,
                  left_out=[c.id for c in case.claims if c.series == s.id
                            and judged[c.id][0] is not Support.SUPPORTED], gaps=gaps)
        for s in case.series)
    results = tuple(
        ClaimResult(claim, quotes[claim.id], judged[claim.id][0], when.get(claim.id),
                    judged[claim.id][1], carriers[claim.id], tuple(sorted(origins[claim.id])))
        for claim in case.claims)
    return Report(
        sources=case.sources,
        series=case.series,
        claims=results,
        findings=findings,
        inferred=tuple(inferred[k] for k in sorted(inferred)),
        strict=strict,
        locked=case.lock is not None,
        clusters=clusters,
        source_notes=notes,
    )


def _figure_at(claim: Claim, quotes: Sequence[QuoteResult]) -> tuple[int, int] | None:
    """Where the claim's figure stands in its first quote's source (the mention of its
    value within the anchored quote), or None: a count's reference date is read only
    around the count itself."""
    if not quotes or not quotes[0].found or not isinstance(claim.value, Quantity):
        return None
    a = quotes[0].anchor
    assert a.start is not None
    for m in find_quantities(a.text):
        if gives_value(m.quantity, claim.value):
            return a.start + m.start, a.start + m.end
    return None


def _stated_gaps(claim: Claim, quotes: Sequence[QuoteResult], sources: Mapping[str, Source],
                 when: When | None) -> tuple[int, ...]:
    """Years the sentences of a claim's quotes say the event did not happen."""
    years: set[int] = set()
    for qr in quotes:
        if not qr.found or qr.anchor.start is None or qr.anchor.end is None:
            continue
        body = sources[qr.quote.source].body
        for gap in gaps_near(body, qr.anchor.start, qr.anchor.end):
            years.update(gap.years)
            if gap.since_year is not None and when is not None:
                years.update(range(gap.since_year + 1, when.span.first_year))
    return tuple(sorted(years))


def _source_notes(sources: Sequence[Source], root: Path | None) -> tuple[Reason, ...]:
    """What the check says of the sources themselves: newer versions of a page, and text
    that no longer matches the raw page it was read from (edited by hand)."""
    notes: list[Reason] = []
    ids = {s.id for s in sources}
    for source in sources:
        if source.version_of and source.version_of in ids:
            notes.append(reason("new_version", [], source=source.id, of=source.version_of))
        if source.raw and root is not None:
            problem = verify_raw(root, source)
            if problem is not None:
                notes.append(reason("raw_mismatch", [], source=source.id, message=problem))
    return tuple(notes)


def _quote(case: Loaded, claim: Claim, index: int, by_id: Mapping[str, Source]) -> QuoteResult:
    quote = claim.quotes[index - 1]
    source = by_id[quote.source]
    found = anchor(quote.text, source.body, prefix=quote.prefix, suffix=quote.suffix)
    pin = None
    if case.lock is not None:
        pin = verify(case.lock.get(claim.id, index), quote.text, source)
    return quote_result(quote, found, source.body, pin)
