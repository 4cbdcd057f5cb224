"""What ``factcheck find``, ``sources``, ``extract`` and ``pin`` print, as text and JSON."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

from factcheck.dating import DateInference
from factcheck.drafting import Extracted
from factcheck.model import Source
from factcheck.provenance import Cluster, Hit
from factcheck.render.words import inference_words, plural
from factcheck.results import Results

__all__ = ["extracted_json", "extracted_text", "find_json", "find_text", "pin_summary",
           "sources_json", "sources_text"]


def _dump(data: object) -> str:
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def find_json(passage: str, hits: Sequence[Hit], origin: Mapping[str, str]) -> str:
    return _dump({
        "passage": passage,
        "hits": [{"source": h.source, "start": h.start, "end": h.end, "method": h.method,
                  "score": round(h.score, 1), "text": h.text, "origin": origin[h.source]}
                 for h in hits],
        "origins": sorted({origin[h.source] for h in hits}),
    })


def find_text(hits: Sequence[Hit], origin: Mapping[str, str]) -> str:
    lines = [f"{h.source}\t{h.start}-{h.end}\t{h.method}\t{h.score:.0f}\t"
             f"origin {origin[h.source]}\t{' '.join(h.text.split())}" for h in hits]
    origins = {origin[h.source] for h in hits}
    lines.append(f"{plural(len(hits), 'source')}, {plural(len(origins), 'independent origin')}")
    return "\n".join(lines) + "\n"


def sources_json(data: Mapping[str, Any]) -> str:
    """The sources and clusters parts of the report's JSON."""
    return _dump({"sources": data["sources"], "clusters": data["clusters"]})


def sources_text(results: Results) -> str:
    lines: list[str] = []
    for cluster in results.clusters:
        if len(cluster.sources) == 1:
            label = "an origin of its own"
        elif cluster.credit is not None:
            c = cluster.credit
            by = f"{c.source}: " if c.source else ""
            label = f"one origin; the others credit it: {by}“{c.evidence}”"
        else:
            label = "one origin; named after its earliest dated source"
        lines.append(f"origin {cluster.origin}: {plural(len(cluster.sources), 'source')} "
                     f"({label})")
        for sid in cluster.sources:
            lines.append("  " + _source_line(results.source(sid), results.inference(sid)))
        lines += _shared(cluster)
    return "\n".join(lines) + ("\n" if lines else "")


def _source_line(source: Source, inference: DateInference | None) -> str:
    date = source.published.isoformat() if source.published else (
        inference_words(inference) if inference else "undated")
    return f"{source.id}\t{date}\t{source.publisher or '-'}\t{source.label}"


def _shared(cluster: Cluster) -> list[str]:
    return [f"    shared: {s.a} {s.a_start}-{s.a_end} = {s.b} {s.b_start}-{s.b_end}: "
            f"“{' '.join(s.text.split())}”" for s in cluster.shared]


def extracted_json(found: Sequence[Extracted]) -> str:
    return _dump([_extracted_dict(e) for e in found])


def _extracted_dict(e: Extracted) -> dict[str, Any]:
    m = e.mention
    return {
        "source": e.source, "start": m.start, "end": m.end, "line": e.line, "column": e.column,
        "text": m.text, "kind": m.quantity.kind.value, "value": str(m.quantity),
        "interval": str(m.quantity.interval), "sentence": " ".join(m.sentence.split()),
    }


def extracted_text(found: Sequence[Extracted]) -> str:
    return "".join(
        f"{e.source}:{e.line}:{e.column}\t[{e.mention.start}, {e.mention.end})\t"
        f"“{e.mention.text}”\t{e.mention.quantity}\t{e.mention.quantity.interval}\t"
        f"{' '.join(e.mention.sentence.split())}\n" for e in found)


def pin_summary(results: Results, pinned: int, wrote: bool, path: str,
                update: bool) -> tuple[list[str], bool]:
    """The lines ``factcheck pin`` prints, and whether pins need review (exit 1)."""
    lines = [f"wrote {path} ({plural(pinned, 'quote')} pinned)" if wrote
             else f"{path}: up to date ({plural(pinned, 'quote')} pinned)"]
    unfound = [f"{c.id} quote {i}" for c in results.claims
               for i, qr in enumerate(c.quotes, 1) if not qr.found]
    if unfound:
        lines.append("not pinned (quote not found): " + ", ".join(unfound))
    if update:
        return lines, False
    changed = [f"{c.id}: {qr.pin.describe()}" for c in results.claims for qr in c.quotes
               if qr.pin is not None and qr.pin.status in ("altered", "orphaned")]
    lines += [f"kept the old pin, review: {line}" for line in changed]
    if changed:
        lines.append("after review, re-pin with `factcheck pin --update`")
    return lines, bool(changed)
