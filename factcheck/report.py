"""The Report: every result of one check, ready to print, serialise or render.

A Report is plain data: the anchors of every quote, a verdict per claim, a
:class:`~factcheck.reconcile.Finding` per series and the inferred dates. Rendering
it is :mod:`factcheck.render`'s job.
"""

from __future__ import annotations

import enum
import json
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

import attrs

from factcheck.anchoring import Anchor
from factcheck.errors import did_you_mean
from factcheck.lock import PinCheck
from factcheck.model import Claim, Quote, Series, Source
from factcheck.provenance import Cluster
from factcheck.reconcile import DateInference, Finding, Verdict, When, fmt_years

T = TypeVar("T")


class Support(enum.StrEnum):
    SUPPORTED = "supported"
    UNSUPPORTED = "unsupported"
    STALE = "stale"


@attrs.frozen
class QuoteResult:
    """One quote of a claim and where it was found in its source."""

    quote: Quote
    anchor: Anchor
    pin: PinCheck | None = None  # against the lock, when the case has one
    figures: str = ""  # how the figures of an approximate match differ from the quote's

    @property
    def found(self) -> bool:
        return self.anchor.found


@attrs.frozen
class ClaimResult:
    """A claim, its quotes' anchors, its date and whether its quotes support it."""

    claim: Claim
    quotes: tuple[QuoteResult, ...]
    support: Support
    when: When | None
    reason: str = ""
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
        lines = [f"**{self.claim.id}** — {self.support.value}: {self.claim.statement}", ""]
        if self.reason:
            lines += [f"*{self.reason}*", ""]
        for qr in self.quotes:
            a = qr.anchor
            where = (f"{a.start}–{a.end}, {a.method} {a.score:.0f}" if a.found
                     else "not found")
            lines.append(f"- `{qr.quote.source}` ({where}): “{qr.quote.text}”")
        return "\n".join(lines)


@attrs.frozen
class Report:
    """Everything one check of a case found."""

    sources: tuple[Source, ...]
    series: tuple[Series, ...]
    claims: tuple[ClaimResult, ...]
    findings: tuple[Finding, ...]
    inferred: tuple[DateInference, ...]
    strict: bool = False
    locked: bool = False  # the case has a lock, and quotes were verified against it
    clusters: tuple[Cluster, ...] = ()  # sources grouped by shared passages (origins)

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

        A "consistent if" verdict passes unless the report is strict.
        """
        bad = self.failing_verdicts
        return all(c.support is Support.SUPPORTED for c in self.claims) and not any(
            f.verdict in bad for f in self.findings
        ) and not any(i.conflict for i in self.inferred)

    def source(self, source_id: str) -> Source:
        return _pick(self.sources, source_id, lambda s: s.id, "source")

    def claim(self, claim_id: str) -> ClaimResult:
        return _pick(self.claims, claim_id, lambda c: c.id, "claim")

    def finding(self, series_id: str) -> Finding:
        return _pick(self.findings, series_id, lambda f: f.series.id, "series")

    def inference(self, source_id: str) -> DateInference | None:
        return next((i for i in self.inferred if i.source == source_id), None)

    def to_dict(self) -> dict[str, Any]:
        """Plain data for JSON: claims, series and sources, in a stable order."""
        return {
            "ok": self.ok,
            "claims": [
                {
                    "id": c.id,
                    "verdict": c.support.value,
                    "series": c.claim.series,
                    "value": c.claim.wording or None,
                    "as_of": None if c.when is None else str(c.when.span),
                    "as_of_inferred": bool(c.when and c.when.inferred),
                    "reason": c.reason,
                    "carried_by": list(c.carriers),
                    "origins": list(c.origins),
                    "quotes": [_quote_dict(q) for q in c.quotes],
                }
                for c in self.claims
            ],
            "series": [_finding_dict(f) for f in self.findings],
            "sources": [
                {
                    "id": s.id,
                    "title": s.title,
                    "publisher": s.publisher,
                    "published": None if s.published is None else s.published.isoformat(),
                    "inferred_published": _inferred(self.inference(s.id)),
                    "inferred_span": _span(self.inference(s.id)),
                    "inferred_reasons": list(i.reasons) if (i := self.inference(s.id)) else [],
                    "sha256": s.sha256,
                    "origin": self.origin_of(s.id),
                }
                for s in self.sources
            ],
            "clusters": [
                {"origin": c.origin, "sources": list(c.sources),
                 "shared": [{"a": x.a, "a_start": x.a_start, "a_end": x.a_end, "b": x.b,
                             "b_start": x.b_start, "b_end": x.b_end, "text": x.text}
                            for x in c.shared]}
                for c in self.clusters
            ],
        }

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), indent=2, ensure_ascii=False, sort_keys=False) + "\n"

    def brief(self, title: str | None = None) -> str:
        """The cited Markdown brief (see :func:`factcheck.render.render_brief`)."""
        from factcheck.render import render_brief

        return render_brief(self, title=title)

    def _repr_markdown_(self) -> str:
        return self.brief()


def _pick(items: Iterable[T], key: str, id_of: Callable[[T], str], what: str) -> T:
    """The item with id *key*; KeyError with a "did you mean" otherwise."""
    items = tuple(items)
    for item in items:
        if id_of(item) == key:
            return item
    raise KeyError(f"no {what} {key!r}{did_you_mean(key, [id_of(i) for i in items])}")


def _inferred(inference: DateInference | None) -> str | None:
    if inference is None or inference.span is None:
        return None
    return str(inference.year) if inference.year is not None else str(inference.span)


def _span(inference: DateInference | None) -> dict[str, str] | None:
    if inference is None or inference.span is None:
        return None
    return {"earliest": inference.span.earliest.isoformat(),
            "latest": inference.span.latest.isoformat()}


def _quote_dict(q: QuoteResult) -> dict[str, Any]:
    a = q.anchor
    out: dict[str, Any] = {
        "source": q.quote.source,
        "text": q.quote.text,
        "status": a.status,
        "start": a.start,
        "end": a.end,
        "method": a.method,
        "score": round(a.score, 1),
    }
    if q.pin is not None:
        out["pin"] = _pin_dict(q.pin)
    if q.figures:
        out["figures"] = q.figures
    if not a.found and a.nearest is not None:
        out["nearest"] = {"start": a.nearest.start, "end": a.nearest.end,
                          "score": round(a.nearest.score, 1), "text": a.nearest.text}
    return out


def _pin_dict(check: PinCheck) -> dict[str, Any]:
    out: dict[str, Any] = {"status": check.status}
    if check.pin is not None:
        out["pinned"] = {"start": check.pin.start, "end": check.pin.end, "text": check.pin.exact,
                         "sha256": check.pin.sha256}
    if check.start is not None:
        out["now"] = {"start": check.start, "end": check.end, "text": check.now}
    if check.changes:
        out["changes"] = [{"was": old, "now": new} for old, new in check.changes]
    return out


def _finding_dict(f: Finding) -> dict[str, Any]:
    out: dict[str, Any] = {
        "id": f.series.id,
        "kind": f.series.kind.value,
        "verdict": f.verdict.value,
        "explanation": f.explanation,
        "claims": list(f.claims),
        "conflicts": list(f.conflicts),
        "assumptions": list(f.assumptions),
    }
    if f.series.kind.value == "annual":
        fy = f.first_year
        out["first_year"] = (
            int(fy.low) if fy is not None and fy.low is not None and fy.low == fy.high
            else None if fy is None else fmt_years(fy)
        )
    return out
