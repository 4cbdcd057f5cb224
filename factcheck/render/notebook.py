"""Short displays for notebooks: a Case or a Report at a glance, never whole articles.

JupyterLab renders Markdown with marked, which knows no footnotes, so these displays
use none: the full brief is ``report.brief()`` (Markdown) or ``report.html()``.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from factcheck.lock import Lock
from factcheck.model import Claim, Series, Source
from factcheck.render import escape
from factcheck.render.view import BriefView, build
from factcheck.render.words import plural

if TYPE_CHECKING:
    from factcheck.results import Results


class Case(Protocol):
    """What a display needs of a case (a :class:`factcheck.Case` has it all)."""

    @property
    def root(self) -> Path | None: ...
    @property
    def sources(self) -> tuple[Source, ...]: ...
    @property
    def series(self) -> tuple[Series, ...]: ...
    @property
    def claims(self) -> tuple[Claim, ...]: ...
    @property
    def lock(self) -> Lock | None: ...

__all__ = ["case_html", "case_markdown", "case_repr", "report_html", "report_markdown",
           "report_repr"]

_SHOWN = 12  # rows before "… and N more"


def _source_lines(case: Case) -> list[tuple[str, str, str, str]]:
    """(id, publisher, date, size) per source: no bodies."""
    rows = []
    for s in case.sources:
        date = s.published.isoformat() if s.published else "undated"
        rows.append((s.id, s.publisher or "—", date, f"{len(s.body):,} characters"))
    return rows


def _more(n: int) -> str:
    return f"… and {n - _SHOWN} more" if n > _SHOWN else ""


def case_repr(case: Case) -> str:
    """``repr(case)``: where it is and what it holds, on a few lines."""
    lines = [f"Case(root={str(case.root)!r}, {plural(len(case.sources), 'source')}, "
             f"{len(case.series)} series, {plural(len(case.claims), 'claim')}, "
             f"lock={'yes' if case.lock is not None else 'no'})"]
    for sid, publisher, date, size in _source_lines(case)[:_SHOWN]:
        lines.append(f"  {sid}: {publisher}, {date}, {size}")
    if more := _more(len(case.sources)):
        lines.append(f"  {more}")
    return "\n".join(lines)


def case_markdown(case: Case) -> str:
    head = (f"**Case** `{escape.markdown(case.root)}`: {plural(len(case.sources), 'source')}, "
            f"{len(case.series)} series, {plural(len(case.claims), 'claim')}"
            f"{', locked' if case.lock is not None else ''}.")
    rows = ["| Source | Publisher | Date | Length |", "|---|---|---|---|"]
    rows += [f"| {' | '.join(escape.markdown(x) for x in row)} |"
             for row in _source_lines(case)[:_SHOWN]]
    more = _more(len(case.sources))
    return "\n".join([head, "", *rows] + ([more] if more else [])) + "\n"


def case_html(case: Case) -> str:
    e = escape.html
    rows = "".join("<tr>" + "".join(f"<td>{e(x)}</td>" for x in row) + "</tr>"
                   for row in _source_lines(case)[:_SHOWN])
    more = _more(len(case.sources))
    return (f"<div><p><strong>Case</strong> <code>{e(case.root)}</code>: "
            f"{plural(len(case.sources), 'source')}, {len(case.series)} series, "
            f"{plural(len(case.claims), 'claim')}"
            f"{', locked' if case.lock is not None else ''}.</p>"
            "<table><thead><tr><th>Source</th><th>Publisher</th><th>Date</th><th>Length</th>"
            f"</tr></thead><tbody>{rows}</tbody></table>"
            + (f"<p>{e(more)}</p>" if more else "") + "</div>")


def _series_rows(report: Results) -> list[tuple[str, str, str, str]]:
    """(title, kind, verdict, claims) of the first series shown: no view built."""
    counts: dict[str, int] = {}
    for c in report.claims:
        counts[c.claim.series or ""] = counts.get(c.claim.series or "", 0) + 1
    return [(f.series.title or f.series.id, f.series.kind.value, f.verdict.value,
             plural(counts.get(f.series.id, 0), "claim")) for f in report.findings[:_SHOWN]]


def report_repr(report: Results) -> str:
    """``repr(report)``: one line per series, cheap (no brief view is built)."""
    lines = [f"Report(ok={report.ok}, {plural(len(report.claims), 'claim')}, "
             f"{len(report.findings)} series)"]
    lines += [f"  {t} ({k}): {v}, {n}" for t, k, v, n in _series_rows(report)]
    if more := _more(len(report.findings)):
        lines.append(f"  {more}")
    return "\n".join(lines)


def _attention(view: BriefView) -> Sequence[str]:
    return [f"{c.statement} ({c.support})" for c in view.attention][:_SHOWN]


def report_markdown(report: Results, view: BriefView | None = None) -> str:
    """The report at a glance, in Markdown without footnotes (marked shows none)."""
    view = view or build(report)
    md = escape.markdown
    out = [f"**{md(view.title)}**: " + md(" ".join(view.lead)), "",
           "| Series | Kind | Verdict | Claims |", "|---|---|---|---|"]
    out += [f"| {' | '.join(md(x) for x in row)} |" for row in _series_rows(report)]
    if more := _more(len(view.series)):
        out.append(md(more))
    attention = _attention(view)
    if attention:
        out += ["", "Claims that need attention:", ""] + [f"- {md(a)}" for a in attention]
    out += ["", "The full brief: `report.brief()` (Markdown) or `report.html()`."]
    return "\n".join(out) + "\n"


def report_html(report: Results, view: BriefView | None = None) -> str:
    """The report at a glance as HTML: the opening sentences and a table of series."""
    view = view or build(report)
    e = escape.html
    rows = "".join(
        f"<tr><td>{e(t)}</td><td>{e(k)}</td><td><b>{e(v)}</b></td><td>{e(n)}</td></tr>"
        for t, k, v, n in _series_rows(report))
    attention = "".join(f"<li>{e(a)}</li>" for a in _attention(view))
    more = _more(len(view.series))
    return (f"<div><p><strong>{e(view.title)}</strong>: {e(' '.join(view.lead))}</p>"
            "<table><thead><tr><th>Series</th><th>Kind</th><th>Verdict</th><th>Claims</th>"
            f"</tr></thead><tbody>{rows}</tbody></table>"
            + (f"<p>{e(more)}</p>" if more else "")
            + (f"<p>Claims that need attention:</p><ul>{attention}</ul>" if attention else "")
            + "<p>The full brief: <code>report.brief()</code> or <code>report.html()</code>."
            "</p></div>")
