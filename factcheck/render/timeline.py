"""A timeline per series: each figure at its date, drawn with matplotlib.

Counts, tallies and fixed figures are points (a date known only to a span is drawn
across it; inferred dates are hollow); an annual series also gets the count its
reconciled first year predicts at every date, as a reference line. A status series is
drawn as bars, one row per status. matplotlib is imported here, lazily, and drawn with
the Agg canvas: no global backend is changed. SVG output is deterministic (fixed
``svg.hashsalt``, text kept as text, no date in the metadata).
"""

from __future__ import annotations

import datetime
import io
import re
from typing import TYPE_CHECKING

import attrs

from factcheck.errors import QuantityError, UsageError
from factcheck.figures import parse_quantity
from factcheck.render.view import BriefView, ClaimView, SeriesView, build, html_id
from factcheck.values import Kind as QKind

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from factcheck.results import Results

__all__ = ["Point", "figure", "points", "svg", "timeline_series"]


@attrs.frozen
class Point:
    claim: ClaimView
    start: datetime.date
    end: datetime.date
    low: float  # the figure, or its lower bound
    high: float | None  # its upper bound; None: open ("more than 60")
    category: str  # a status series' value
    inferred: bool


def points(series: SeriesView) -> list[Point]:
    """The dated, supported claims of *series* that a timeline can place."""
    out = []
    for c in series.claims:
        if c.support != "supported":
            continue
        span = c.span
        if series.kind == "status":
            if c.years:
                try:
                    q = parse_quantity(c.years)
                except QuantityError:
                    q = None
                if q is not None and q.kind in (QKind.YEARS, QKind.YEAR):
                    years = q.years if q.kind is QKind.YEARS else (int(q.number),)
                    out += [Point(c, datetime.date(y, 1, 1), datetime.date(y, 12, 31), 0, 0,
                                  c.value, False) for y in years]
                continue
            if span is not None:
                out.append(Point(c, span.earliest, span.latest, 0, 0, c.value, c.when_inferred))
            continue
        if span is None or not c.value:
            continue
        try:
            q = parse_quantity(c.value)
        except QuantityError:
            continue
        if q.kind in (QKind.YEARS,) or (series.kind == "annual" and q.kind is QKind.YEAR):
            continue  # a year, not a count: nothing to place on the count axis
        iv = q.interval
        if iv.low is None:
            continue
        out.append(Point(c, span.earliest, span.latest, float(iv.low),
                         None if iv.high is None else float(iv.high), "", c.when_inferred))
    return out


def timeline_series(view: BriefView) -> list[SeriesView]:
    """The series with at least one claim a timeline can place."""
    return [s for s in view.series if points(s)]


def _mid(a: datetime.date, b: datetime.date) -> datetime.date:
    return a + (b - a) / 2


def figure(report: Results, series_id: str, *, view: BriefView | None = None) -> Figure:
    """The timeline of one series as a matplotlib Figure."""
    import matplotlib.dates as mdates
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    view = view or build(report)
    series = view.series_by_id.get(series_id)
    if series is None:
        known = ", ".join(s.id for s in view.series)
        raise UsageError(f"no series {series_id!r} (the series are: {known})")
    pts = points(series)
    rows = len({p.category for p in pts})
    height = 2.6 if series.kind != "status" else 1.2 + 0.5 * rows
    fig = Figure(figsize=(7.0, height))  # fixed margins: faster than a layout engine
    FigureCanvasAgg(fig)
    longest = max((len(p.category) for p in pts), default=0)
    fig.subplots_adjust(left=min(0.4, 0.04 + 0.0115 * longest) if series.kind == "status"
                        else 0.08, right=0.98, top=1 - 0.35 / height, bottom=0.45 / height)
    ax = fig.add_subplot()
    ax.set_title(series.title, fontsize=10, loc="left", parse_math=False)  # "US$5 to US$7"
    if not pts:
        ax.text(0.5, 0.5, "no dated figure to place", ha="center", va="center",
                transform=ax.transAxes)
        ax.set_axis_off()
        return fig
    if series.kind == "status":
        cats = list(dict.fromkeys(p.category for p in sorted(pts, key=lambda p: p.start)))
        for p in pts:
            y = cats.index(p.category)
            x0 = mdates.date2num(p.start)
            width = max(mdates.date2num(p.end) - x0, 20.0)
            ax.broken_barh([(x0, width)], (y - 0.3, 0.6),
                           facecolors="white" if p.inferred else "#4a7ab5",
                           edgecolors="#4a7ab5", hatch="//" if p.inferred else None)
        ax.set_yticks(range(len(cats)), cats, parse_math=False)
        ax.set_ylim(-0.6, len(cats) - 0.4)
    else:
        for inferred in (False, True):
            group = [p for p in pts if p.inferred is inferred]
            if not group:
                continue
            xs = [float(mdates.date2num(_mid(p.start, p.end))) for p in group]
            ys = [p.low if p.high is None else (p.low + p.high) / 2 for p in group]
            xerr = [[x - float(mdates.date2num(p.start)) for x, p in zip(xs, group, strict=True)],
                    [float(mdates.date2num(p.end)) - x for x, p in zip(xs, group, strict=True)]]
            yerr = [[0.0 if p.high is None else (y - p.low) for y, p in
                     zip(ys, group, strict=True)],
                    [0.0 if p.high is None else (p.high - y) for y, p in
                     zip(ys, group, strict=True)]]
            ax.errorbar(xs, ys, xerr=xerr, yerr=yerr, fmt="o", capsize=3,
                        color="#4a7ab5", markerfacecolor="white" if inferred else "#4a7ab5",
                        label="date inferred (span shown)" if inferred else "dated figure")
            for x, p in zip(xs, group, strict=True):
                if p.high is None:
                    ax.annotate("or more", (x, p.low), textcoords="offset points",
                                xytext=(4, 6), fontsize=7)
        if series.kind == "annual" and series.first_year_low is not None \
                and series.first_year_low == series.first_year_high:
            first = series.first_year_low
            years = range(min(p.start.year for p in pts), max(p.end.year for p in pts) + 1)
            ax.plot([float(mdates.date2num(datetime.date(y, 7, 1))) for y in years],
                    [y - first + 1 for y in years],
                    linestyle="--", color="#999999", linewidth=1,
                    label=f"count if the first year is {first} (reconciled)")
        ax.xaxis_date()
        ax.set_ylabel("figure", fontsize=8)
        ax.legend(fontsize=7, loc="upper left", frameon=False)
    long = max(p.end for p in pts).year - min(p.start for p in pts).year > 2
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y" if long else "%b %Y"))
    ax.tick_params(labelsize=7)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    return fig


def svg(report: Results, series_id: str, *, view: BriefView | None = None) -> str:
    """The timeline as an inline SVG element (no XML prolog), byte for byte reproducible."""
    import matplotlib

    fig = figure(report, series_id, view=view)
    out = io.StringIO()
    with matplotlib.rc_context({"svg.hashsalt": "factcheck", "svg.fonttype": "none",
                                "svg.id": "timeline"}):
        fig.savefig(out, format="svg", metadata={"Date": None, "Creator": None})
    text = out.getvalue()
    return _prefix_ids(text[text.index("<svg"):], html_id("tl-", series_id) + "-")


def _prefix_ids(svg_text: str, prefix: str) -> str:
    """Make the SVG's internal ids (clip paths, markers) unique within a page of several."""
    svg_text = re.sub(r'\bid="([^"]+)"', lambda m: f'id="{prefix}{m[1]}"', svg_text)
    svg_text = re.sub(r"url\(#([^)]+)\)", lambda m: f"url(#{prefix}{m[1]})", svg_text)
    return re.sub(r'href="#([^"]+)"', lambda m: f'href="#{prefix}{m[1]}"', svg_text)
