"""A case: the sources and claims of one fact-check, and the check that ties them together."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import attrs

from factcheck.anchoring import Anchor, anchor
from factcheck.errors import QuantityError
from factcheck.figures import find_quantities, parse_quantity
from factcheck.load import load_case
from factcheck.lock import Lock, PinCheck, pin, verify
from factcheck.model import Claim, Kind, Quote, Series, Source
from factcheck.provenance import Corpus
from factcheck.reconcile import Finding, claim_dates, infer_dates, reconcile
from factcheck.report import Report
from factcheck.results import ClaimResult, QuoteResult, Support


@attrs.frozen
class Case:
    """The sources, series and claims of one fact-check, and its lock if it has one."""

    sources: tuple[Source, ...]
    series: tuple[Series, ...]
    claims: tuple[Claim, ...]
    root: Path | None = None
    lock: Lock | None = None

    @classmethod
    def load(cls, root: str | Path = ".", *, read_lock: bool = True) -> Case:
        """Read ``root/sources/*.md``, ``root/claims/*.toml`` and ``root/factcheck.lock``.

        Raises :class:`~factcheck.errors.LoadError` listing every problem found.
        """
        loaded = load_case(root, read_lock=read_lock)
        return cls(loaded.sources, loaded.series, loaded.claims, Path(root), loaded.lock)

    def source(self, source_id: str) -> Source:
        return next(s for s in self.sources if s.id == source_id)

    # Notebook and console displays: short, never whole articles (factcheck.render.notebook).
    def __repr__(self) -> str:
        from factcheck.render.notebook import case_repr

        return case_repr(self)

    def _repr_markdown_(self) -> str:
        from factcheck.render.notebook import case_markdown

        return case_markdown(self)

    def _repr_html_(self) -> str:
        from factcheck.render.notebook import case_html

        return case_html(self)

    def claim(self, claim_id: str) -> Claim:
        return next(c for c in self.claims if c.id == claim_id)

    def corpus(self) -> Corpus:
        """The sources as a :class:`~factcheck.provenance.Corpus` (find, clusters)."""
        return Corpus(self.sources)

    def check(self, *, strict: bool = False) -> Report:
        """Anchor every quote, verify it against the lock, date every claim, reconcile.

        Each claim also learns which sources carry its quotes (its own, and any other
        that prints the same passage) and how many independent origins those are:
        syndicated copies count once.
        """
        by_id: Mapping[str, Source] = {s.id: s for s in self.sources}
        corpus = self.corpus()
        clusters = corpus.clusters()
        origin = {s: c.origin for c in clusters for s in c.sources}
        copies = {s: [o for o in c.sources if o != s] for c in clusters for s in c.sources}
        checked = [
            (claim, tuple(self._quote(claim, i, q, by_id) for i, q in enumerate(claim.quotes, 1)))
            for claim in self.claims
        ]
        kinds = {s.id: s.kind for s in self.series}
        supports = {claim.id: _support(claim, quotes, kinds.get(claim.series or ""))
                    for claim, quotes in checked}
        # Only claims their quotes support take part in dating and reconciliation.
        usable = [c for c in self.claims if supports[c.id][0] is Support.SUPPORTED]
        inferred = infer_dates(by_id, self.series, usable, copies)
        when = claim_dates(self.claims, by_id, inferred)
        results = []
        origins: dict[str, frozenset[str]] = {}
        carried: dict[str, set[str]] = {}  # passage -> sources carrying it (asked once each)

        def carriers_of(passage: str) -> set[str]:
            if passage not in carried:
                carried[passage] = {hit.source for hit in corpus.find(passage)}
            return carried[passage]

        for claim, quotes in checked:
            support, reason = supports[claim.id]
            carriers = sorted({qr.quote.source for qr in quotes if qr.found}.union(
                *(carriers_of(qr.anchor.text) for qr in quotes if qr.found)))
            origins[claim.id] = frozenset(origin[s] for s in carriers)
            results.append(ClaimResult(claim, quotes, support, when.get(claim.id), reason,
                                       tuple(carriers), tuple(sorted(origins[claim.id]))))
        findings: list[Finding] = []
        for s in self.series:
            members = [c for c in usable if c.series == s.id]
            finding = reconcile(s, members, when, origins)
            dropped = [c.id for c in self.claims if c.series == s.id and c not in members]
            if dropped:
                names = ", ".join(f"`{cid}`" for cid in dropped)
                finding = attrs.evolve(finding, explanation=(
                    f"{finding.explanation} Left out, as their quotes do not support them: "
                    f"{names}."))
            findings.append(finding)
        return Report(
            sources=self.sources,
            series=self.series,
            claims=tuple(results),
            findings=tuple(findings),
            inferred=tuple(inferred[k] for k in sorted(inferred)),
            strict=strict,
            locked=self.lock is not None,
            clusters=clusters,
        )

    def _quote(self, claim: Claim, index: int, quote: Quote,
               by_id: Mapping[str, Source]) -> QuoteResult:
        source = by_id[quote.source]
        found = anchor(quote.text, source.body, prefix=quote.prefix, suffix=quote.suffix)
        check: PinCheck | None = None
        if self.lock is not None:
            check = verify(self.lock.get(claim.id, index), quote.text, source)
        return QuoteResult(quote, found, check, _figures_differ(quote.text, found))

    def pin(self, report: Report | None = None, *, update: bool = False) -> Lock:
        """The lock for this case: existing pins kept (unless *update*), new quotes pinned."""
        report = report or self.check()
        by_id = {s.id: s for s in self.sources}
        anchors: dict[tuple[str, int], Anchor] = {
            (c.id, i): qr.anchor for c in report.claims for i, qr in enumerate(c.quotes, 1)
        }
        fresh = pin(self.claims, by_id, anchors)
        if update or self.lock is None:
            return fresh
        kept = {(p.claim, p.index): p for p in self.lock.pins
                if any(c.id == p.claim and len(c.quotes) >= p.index
                       and c.quotes[p.index - 1].text == p.quote for c in self.claims)}
        merged = [kept.get((p.claim, p.index), p) for p in fresh.pins]
        return Lock(tuple(merged))


def _figures_differ(quote: str, found: Anchor) -> str:
    """When a quote matched only approximately, the figures in it must still be the source's."""
    if not found.found or found.method == "exact":
        return ""
    said = [str(m.quantity) for m in find_quantities(quote)]
    there = [str(m.quantity) for m in find_quantities(found.text)]
    if sorted(said) == sorted(there):
        return ""
    return (f"the source gives {', '.join(there) or 'no figure'} where the quote says "
            f"{', '.join(said) or 'no figure'}")


def _value_in_quotes(claim: Claim, quotes: tuple[QuoteResult, ...], kind: Kind | None) -> str:
    """A claim's stated figure must be one its quotes give, as the source prints them."""
    if claim.value is None or kind is None or kind is Kind.STATUS:
        return ""
    try:
        value = parse_quantity(claim.value)
    except QuantityError:
        return ""  # a status value ("co-sponsor"): words, not a figure
    given = [m.quantity for qr in quotes if qr.found for m in find_quantities(qr.anchor.text)]
    for q in given:
        if q.number == value.number and q.years == value.years and q.other == value.other:
            return ""
    there = ", ".join(dict.fromkeys(str(q) for q in given)) or "no figure"
    return f"its value {claim.value!r} is not a figure its quotes give (they give: {there})"


def _support(claim: Claim, quotes: tuple[QuoteResult, ...],
             kind: Kind | None) -> tuple[Support, str]:
    problems: list[str] = []
    support = Support.SUPPORTED
    mismatch = _value_in_quotes(claim, quotes, kind)
    if mismatch:
        support = Support.UNSUPPORTED
        problems.append(mismatch)
    for qr in quotes:
        if qr.pin is not None and qr.pin.status == "altered":
            support = Support.STALE if support is Support.SUPPORTED else support
            problems.append(f"quote {qr.pin.describe()}")
        elif qr.pin is not None and qr.pin.status == "orphaned":
            support = Support.UNSUPPORTED
            problems.append(f"pinned quote {qr.pin.describe()}")
        elif not qr.found:
            support = Support.UNSUPPORTED
            near = qr.anchor.nearest
            text = f"quote not found in `{qr.quote.source}`"
            if near is not None:
                text += f"; nearest passage (score {near.score:.0f}): “{near.text}”"
            problems.append(text)
        elif qr.figures:
            support = Support.UNSUPPORTED
            problems.append(f"quote in `{qr.quote.source}` matched approximately, but "
                            f"{qr.figures}")
    return support, "; ".join(problems)
