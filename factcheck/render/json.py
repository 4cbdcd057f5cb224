"""The report as JSON: plain data in a stable order, described by a JSON Schema
(``factcheck/schema/report.schema.json``, draft 2020-12, shipped in the package).

Dates and intervals are structured: a date span is ``{"start": "2024-01-01", "end":
"2024-11-30"}`` (ISO days, both ends included); a year interval is ``{"start": 2005,
"end": 2005}`` (``null`` for an open end). Explanations and reasons are plain text
naming claims and sources by id, without Markdown, with the structured ``reasons``
beside them.
"""

from __future__ import annotations

import datetime
import json
from typing import Any

from factcheck.dating import DateInference
from factcheck.lock import PinCheck
from factcheck.model import Claim, Span
from factcheck.reasons import Reason
from factcheck.reconcilers import Finding, When
from factcheck.render.reasons import (
    assumption_parts,
    finding_parts,
    inference_parts,
    plain,
    problem_parts,
    source_note_parts,
)
from factcheck.render.words import figures_differ
from factcheck.results import Results
from factcheck.support import QuoteResult
from factcheck.values import Interval

__all__ = ["report_dict", "report_json"]


def report_json(results: Results) -> str:
    return json.dumps(report_dict(results), indent=2, ensure_ascii=False, sort_keys=False) + "\n"


def report_dict(results: Results) -> dict[str, Any]:
    """Plain data for JSON: claims, series and sources, in a stable order."""
    inferences = {i.source: i for i in reversed(results.inferred)}  # the first one wins
    notes: dict[str, list[Reason]] = {}
    for n in results.source_notes:
        notes.setdefault(n["source"], []).append(n)
    return {
        "ok": results.ok,
        "claims": [
            {
                "id": c.id,
                "verdict": c.support.value,
                "series": c.claim.series,
                "value": _value(c.claim),
                "as_of": None if c.when is None else span_dict(c.when.span),
                "as_of_inferred": bool(c.when and c.when.inferred),
                "reason": plain(problem_parts(c.problems)),
                "problems": [reason_dict(r) for r in c.problems],
                "carried_by": list(c.carriers),
                "origins": list(c.origins),
                "quotes": [_quote_dict(q) for q in c.quotes],
            }
            for c in results.claims
        ],
        "series": [_finding_dict(f) for f in results.findings],
        "sources": [
            {
                "id": s.id,
                "title": s.title,
                "publisher": s.publisher,
                "published": None if s.published is None else s.published.isoformat(),
                "inferred_published": _inferred(i := inferences.get(s.id)),
                "inferred_reasons": [plain(r) for r in inference_parts(i)] if i else [],
                "sha256": s.sha256,
                "origin": results.origin_of(s.id),
                "version_of": s.version_of or None,
                "notes": [plain(source_note_parts(n, detail=True))
                          for n in notes.get(s.id, ())],
            }
            for s in results.sources
        ],
        "clusters": [
            {"origin": c.origin, "sources": list(c.sources),
             "credit": None if c.credit is None else {
                 "outlet": c.credit.outlet, "source": c.credit.source,
                 "evidence": c.credit.evidence, "kind": c.credit.kind},
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
    if q.differences:
        out["differences"] = [{"quote": d.quote, "source": d.source, "category": d.category}
                              for d in q.differences]
    if q.figures is not None:
        out["figures"] = plain(figures_differ(*q.figures))
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
        "explanation_text": plain(finding_parts(f)),
        "reasons": [reason_dict(r) for r in f.reasons],
        "claims": list(f.claims),
        "conflicts": list(f.conflicts),
        "assumptions": [plain(assumption_parts(a)) for a in f.assumptions],
        "origins": len(f.origins),
    }
    if f.series.kind.value == "annual":
        fy = f.first_year
        out["first_year"] = None if fy is None or fy.is_empty else years_dict(fy)
    return out


def _value(claim: Claim) -> str | None:
    return claim.wording or None


def reason_dict(r: Reason) -> dict[str, Any]:
    """A reason as JSON: its kind, its claims and its facts as plain values."""
    return {"kind": r.kind, "claims": list(r.claims),
            **{k: _plain_value(v) for k, v in r.facts}}


def _plain_value(v: Any) -> Any:
    if v is None or isinstance(v, bool | int | float | str):
        return v
    if isinstance(v, Reason):
        return reason_dict(v)
    if isinstance(v, Interval):
        return {"start": _num(v.low), "end": _num(v.high)}
    if isinstance(v, Span):
        return {"start": v.earliest.isoformat(), "end": v.latest.isoformat()}
    if isinstance(v, When):
        return {"start": v.span.earliest.isoformat(), "end": v.span.latest.isoformat(),
                "inferred": v.inferred}
    if isinstance(v, datetime.date):
        return v.isoformat()
    if isinstance(v, tuple | list):
        return [_plain_value(x) for x in v]
    return str(v)


def _num(n: object) -> int | float | None:
    if n is None:
        return None
    return n if isinstance(n, int) else float(str(n))
