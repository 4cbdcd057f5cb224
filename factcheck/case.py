"""A case: the sources and claims of one fact-check, and the check that ties them together.

>>> case = Case.load("examples/does-not-exist")  # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import attrs

from factcheck.anchor import anchor
from factcheck.load import load_case
from factcheck.model import Claim, Series, Source
from factcheck.reconcile import Finding, claim_dates, infer_dates, reconcile
from factcheck.report import ClaimResult, QuoteResult, Report, Support


@attrs.frozen
class Case:
    """The sources, series and claims of one fact-check."""

    sources: tuple[Source, ...]
    series: tuple[Series, ...]
    claims: tuple[Claim, ...]
    root: Path | None = None

    @classmethod
    def load(cls, root: str | Path = ".") -> Case:
        """Read ``root/sources/*.md`` and ``root/claims/*.toml``; raises LoadError."""
        loaded = load_case(root)
        return cls(loaded.sources, loaded.series, loaded.claims, Path(root))

    def source(self, source_id: str) -> Source:
        return next(s for s in self.sources if s.id == source_id)

    def claim(self, claim_id: str) -> Claim:
        return next(c for c in self.claims if c.id == claim_id)

    def check(self, *, strict: bool = False) -> Report:
        """Anchor every quote, date every claim, reconcile every series."""
        by_id: Mapping[str, Source] = {s.id: s for s in self.sources}
        inferred = infer_dates(by_id, self.series, self.claims)
        when = claim_dates(self.claims, by_id, inferred)
        results = []
        for claim in self.claims:
            quotes = tuple(
                QuoteResult(q, anchor(q.text, by_id[q.source].body, prefix=q.prefix,
                                      suffix=q.suffix))
                for q in claim.quotes
            )
            missing = [qr for qr in quotes if not qr.found]
            if missing:
                support = Support.UNSUPPORTED
                reason = "; ".join(_not_found(qr) for qr in missing)
            else:
                support, reason = Support.SUPPORTED, ""
            results.append(ClaimResult(claim, quotes, support, when.get(claim.id), reason))
        findings: list[Finding] = []
        for s in self.series:
            members = [c for c in self.claims if c.series == s.id]
            findings.append(reconcile(s, members, when))
        return Report(
            sources=self.sources,
            series=self.series,
            claims=tuple(results),
            findings=tuple(findings),
            inferred=tuple(inferred[k] for k in sorted(inferred)),
            strict=strict,
        )


def _not_found(qr: QuoteResult) -> str:
    near = qr.anchor.nearest
    text = f"quote not found in `{qr.quote.source}`"
    if near is not None:
        text += f"; nearest passage (score {near.score:.0f}): “{near.text}”"
    return text
