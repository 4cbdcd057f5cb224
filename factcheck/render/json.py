"""The report as JSON: plain data in a stable order, described by a JSON Schema
(``factcheck/schema/report.schema.json``, draft 2020-12, shipped in the package).

Dates and intervals are structured: a date span is ``{"start": "2024-01-01", "end":
"2024-11-30"}`` (ISO days, both ends included); a year interval is ``{"start": 2005,
"end": 2005}`` (``null`` for an open end). Explanations and reasons are plain text:
claims and sources are named by id, without Markdown.
"""

from __future__ import annotations

import json
from typing import Any

from factcheck.lock import PinCheck
from factcheck.model import Span
from factcheck.reconcile import DateInference, Finding
from factcheck.render.reasons import finding_parts, parts, plain
from factcheck.results import QuoteResult, Results
from factcheck.values import Interval

__all__ = ["report_dict", "report_json"]


def report_json(results: Results) -> str:
    return json.dumps(report_dict(results), indent=2, ensure_ascii=False, sort_keys=False) + "\n"


def report_dict(results: Results) -> dict[str, Any]:
    """Plain data for JSON: claims, series and sources, in a stable order."""
    ids = frozenset(c.id for c in results.claims)
    sids = frozenset(s.id for s in results.sources)

    def text(t: str) -> str:
        return plain(parts(t, ids, sids))

    return {
        "ok": results.ok,
        "claims": [
            {
                "id": c.id,
                "verdict": c.support.value,
                "series": c.claim.series,
                "value": c.claim.value,
                "as_of": None if c.when is None else span_dict(c.when.span),
                "as_of_inferred": bool(c.when and c.when.inferred),
                "reason": text(c.reason),
                "carried_by": list(c.carriers),
                "origins": list(c.origins),
                "quotes": [_quote_dict(q) for q in c.quotes],
            }
            for c in results.claims
        ],
        "series": [_finding_dict(f, ids, sids) for f in results.findings],
        "sources": [
            {
                "id": s.id,
                "title": s.title,
                "publisher": s.publisher,
                "published": None if s.published is None else s.published.isoformat(),
                "inferred_published": _inferred(results.inference(s.id)),
                "inferred_reasons": [text(r) for r in i.reasons]
                if (i := results.inference(s.id)) else [],
                "sha256": s.sha256,
                "origin": results.origin_of(s.id),
            }
            for s in results.sources
        ],
        "clusters": [
            {"origin": c.origin, "sources": list(c.sources),
             "shared": [{"a": x.a, "a_start": x.a_start, "a_end": x.a_end, "b": x.b,
                         "b_start": x.b_start, "b_end": x.b_end, "text": x.text}
                        for x in c.shared]}
            for c in results.clusters
        ],
    }


def span_dict(span: Span) -> dict[str, str]:
    """A date span: ``{"start": ISO day, "end": ISO day}``, both included."""
    return {"start": span.earliest.isoformat(), "end": span.latest.isoformat()}


def years_dict(interval: Interval) -> dict[str, int | None]:
    """A year interval: ``{"start": 2005, "end": 2005}``; ``None`` for an open end."""
    return {"start": None if interval.low is None else int(interval.low),
            "end": None if interval.high is None else int(interval.high)}


def _inferred(inference: DateInference | None) -> dict[str, str] | None:
    if inference is None or inference.span is None:
        return None
    return span_dict(inference.span)


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


def _reasons(f: Finding) -> list[dict[str, Any]] | None:
    """The finding's structured reasons, beside its plain text.

    None for now: findings carry their reasons only as text. When the reconciliation
    gives them structured (``Finding.reasons``), they are written here as ``reasons``.
    """
    reasons = getattr(f, "reasons", None)
    if reasons is None:
        return None
    return [r if isinstance(r, dict) else attrs_dict(r) for r in reasons]


def attrs_dict(value: Any) -> dict[str, Any]:
    import attrs

    return attrs.asdict(value) if attrs.has(type(value)) else {"text": str(value)}


def _finding_dict(f: Finding, ids: frozenset[str], sids: frozenset[str]) -> dict[str, Any]:
    def text(t: str) -> str:
        return plain(parts(t, ids, sids))

    out: dict[str, Any] = {
        "id": f.series.id,
        "kind": f.series.kind.value,
        "verdict": f.verdict.value,
        "explanation_text": plain(finding_parts(f, ids, sids)),
    }
    reasons = _reasons(f)
    if reasons is not None:
        out["reasons"] = reasons
    out.update({
        "claims": list(f.claims),
        "conflicts": list(f.conflicts),
        "assumptions": [text(a) for a in f.assumptions],
    })
    if f.series.kind.value == "annual":
        fy = f.first_year
        out["first_year"] = None if fy is None or fy.is_empty else years_dict(fy)
    return out
