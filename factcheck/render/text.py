"""The plain text ``factcheck check`` prints: one line per claim, series and inferred date."""

from __future__ import annotations

from factcheck.render.words import (
    explain,
    inference_reasons,
    inference_words,
    plain,
    problems_text,
    source_note,
)
from factcheck.results import Results
from factcheck.support import Support

__all__ = ["check_text"]


def check_text(report: Results) -> str:
    """The plain-text summary `factcheck check` prints."""
    lines: list[str] = []
    for c in report.claims:
        mark = "ok " if c.support is Support.SUPPORTED else "!! "
        lines.append(f"{mark}claim {c.id}: {c.support.value}" + (
            f" — {problems_text(c.problems)}" if c.problems else ""))
        for qr in c.quotes:
            a = qr.anchor
            if qr.pin is not None and qr.pin.status not in ("unchanged", "unpinned"):
                lines.append(f"      {qr.quote.source} pinned quote {qr.pin.describe()}")
            elif report.locked and (qr.pin is None or qr.pin.status == "unpinned"):
                mark = "!!" if report.strict else "  "
                lines.append(f"    {mark}{qr.quote.source} not pinned: the lock has no pin for "
                             "this quote (new, edited, or its pin removed); `factcheck pin` "
                             "pins it")
            elif a.found:
                lines.append(f"      {qr.quote.source} {a.start}-{a.end} {a.method} "
                             f"{a.score:.0f}{' ambiguous' if a.status == 'ambiguous' else ''}")
            else:
                near = a.nearest
                lines.append(f"      {qr.quote.source} NOT FOUND" + (
                    f"; nearest (score {near.score:.0f}): {near.text!r}" if near else ""))
    for f in report.findings:
        mark = "!! " if f.verdict in report.failing_verdicts else "ok "
        lines.append(f"{mark}series {f.series.id} ({f.series.kind.value}): {f.verdict.value}")
        lines.append(f"      {explain(f)}")
    for i in report.inferred:
        reasons = "; ".join(plain(r) for r in inference_reasons(i))
        lines.append(f"{'!! ' if i.conflict else '   '}source {i.source}: {inference_words(i)}"
                     + (f" — {reasons}" if reasons else ""))
    for note in report.source_notes:
        lines.append(f"   {plain(source_note(note, detail=True))}")
    supported = sum(c.support is Support.SUPPORTED for c in report.claims)
    failing = sum(f.verdict in report.failing_verdicts for f in report.findings)
    lines.append(
        f"{supported}/{len(report.claims)} claims supported, "
        f"{len(report.findings) - failing}/{len(report.findings)} series pass"
        + (" (strict: 'consistent if' fails)" if report.strict else "") + ": "
        + ("OK" if report.ok else "PROBLEMS")
    )
    return "\n".join(lines) + "\n"
