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

from collections.abc import Mapping

from factcheck.anchoring import anchor
from factcheck.dating import claim_dates, infer_dates
from factcheck.load import Loaded
from factcheck.lock import verify
from factcheck.model import Claim, Source
from factcheck.provenance import Corpus
from factcheck.reconcilers import reconcile
from factcheck.report import Report
from factcheck.results import ClaimResult
from factcheck.support import QuoteResult, Support, judge, quote_result

__all__ = ["check"]


def check(case: Loaded, *, strict: bool = False, corpus: Corpus | None = None) -> Report:
    """Check a loaded case: every quote anchored, every claim judged, every series reconciled.

    *corpus* may be given when the caller already built one over the same sources.
    """
    by_id: Mapping[str, Source] = {s.id: s for s in case.sources}
    # anchor, verify pins, judge support
    quotes = {claim.id: tuple(_quote(case, claim, i, by_id)
                              for i in range(1, len(claim.quotes) + 1))
              for claim in case.claims}
    kinds = {s.id: s.kind for s in case.series}
    judged = {c.id: judge(c, quotes[c.id], kinds.get(c.series or "")) for c in case.claims}
    usable = [c for c in case.claims if judged[c.id][0] is Support.SUPPORTED]
    # provenance: which sources carry each claim's passages, and how many origins they are
    corpus = corpus if corpus is not None else Corpus(case.sources)
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
    inferred = infer_dates(by_id, case.series, usable, copies)
    when = claim_dates(case.claims, by_id, inferred)
    # reconciliation
    findings = tuple(
        reconcile(s, [c for c in usable if c.series == s.id], when, origins,
                  left_out=[c.id for c in case.claims if c.series == s.id
                            and judged[c.id][0] is not Support.SUPPORTED])
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
    )


def _quote(case: Loaded, claim: Claim, index: int, by_id: Mapping[str, Source]) -> QuoteResult:
    quote = claim.quotes[index - 1]
    source = by_id[quote.source]
    found = anchor(quote.text, source.body, prefix=quote.prefix, suffix=quote.suffix)
    pin = None
    if case.lock is not None:
        pin = verify(case.lock.get(claim.id, index), quote.text, source)
    return quote_result(quote, found, pin)
