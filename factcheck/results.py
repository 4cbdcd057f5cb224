"""The results of one check, as plain data: every quote's anchor, a verdict per claim, a
:class:`~factcheck.reconcilers.Finding` per series, the inferred dates and the origins.

Rendering them is :mod:`factcheck.render`'s job; :class:`factcheck.report.Report` puts
the two together for users.
"""

from __future__ import annotations

import attrs

from factcheck.dating import DateInference
from factcheck.errors import lookup
from factcheck.model import Claim, Series, Source
from factcheck.provenance import Cluster
from factcheck.reasons import Reason
from factcheck.reconcilers import Finding, Verdict, When
from factcheck.support import QuoteResult, Support

__all__ = ["ClaimResult", "QuoteResult", "Results", "Support"]


@attrs.frozen
class ClaimResult:
    """A claim, its quotes' anchors, its date and whether its quotes support it."""

    claim: Claim
    quotes: tuple[QuoteResult, ...]
    support: Support
    when: When | None
    problems: tuple[Reason, ...] = ()  # why it is not supported (words: render.words)
    carriers: tuple[str, ...] = ()  # every source that prints one of its quotes
    origins: tuple[str, ...] = ()  # the independent origins among them

    @property
    def single_origin(self) -> bool:
        """Several outlets, but one origin: syndicated copy is not corroboration."""
        return len(self.carriers) > 1 and len(self.origins) == 1

    @property
    def id(self) -> str:
        return self.claim.id

    def _repr_markdown_(self) -> str:
        quotes = [f"- {qr.quote.source}: “{qr.quote.text}”"
                  + ("" if qr.found else " (not found)") for qr in self.quotes]
        return "\n".join([f"**{self.claim.id}** — {self.support.value}: "
                          f"{self.claim.statement}", "", *quotes])



@attrs.frozen
class Results:
    """Everything one check of a case found, as plain data (see :class:`~factcheck.Report`)."""

    sources: tuple[Source, ...]
    series: tuple[Series, ...]
    claims: tuple[ClaimResult, ...]
    findings: tuple[Finding, ...]
    inferred: tuple[DateInference, ...]
    strict: bool = False
    locked: bool = False  # the case has a lock, and quotes were verified against it
    clusters: tuple[Cluster, ...] = ()  # sources grouped by shared passages (origins)
    source_notes: tuple[Reason, ...] = ()  # newer page versions, text edited since added

    @property
    def failing_verdicts(self) -> frozenset[Verdict]:
        """Verdicts that make the check fail: conflicts, and with ``strict`` assumptions too."""
        return frozenset({Verdict.CONFLICT} | ({Verdict.CONSISTENT_IF} if self.strict else set()))

    def origin_of(self, source_id: str) -> str:
        """The name of the origin a source belongs to (its cluster's earliest dated source)."""
        return next((c.origin for c in self.clusters if source_id in c.sources), source_id)

    @property
    def ok(self) -> bool:
        """True when every claim is supported and no series conflicts.

        A "consistent if" verdict passes unless the report is strict; so does a quote the
        lock has no pin for.
        """
        bad = self.failing_verdicts
        return all(c.support is Support.SUPPORTED for c in self.claims) and not any(
            f.verdict in bad for f in self.findings
        ) and not any(i.conflict for i in self.inferred) and not (
            self.strict and self.unpinned)

    @property
    def unpinned(self) -> tuple[tuple[str, int], ...]:
        """In a locked case, the quotes (claim id, 1-based index) the lock has no pin for:
        new, edited since pinning, or their pin removed. ``--strict`` fails on them."""
        if not self.locked:
            return ()
        return tuple((c.id, i) for c in self.claims for i, qr in enumerate(c.quotes, 1)
                     if qr.pin is None or qr.pin.status == "unpinned")

    def source(self, source_id: str) -> Source:
        return lookup(self.sources, source_id, lambda s: s.id, "source")

    def claim(self, claim_id: str) -> ClaimResult:
        return lookup(self.claims, claim_id, lambda c: c.id, "claim")

    def finding(self, series_id: str) -> Finding:
        return lookup(self.findings, series_id, lambda f: f.series.id, "series")

    def inference(self, source_id: str) -> DateInference | None:
        return next((i for i in self.inferred if i.source == source_id), None)

