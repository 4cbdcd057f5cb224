"""The Report users hold: the results of one check, with their renderings.

>>> import factcheck
>>> report = factcheck.Case.load("path/to/case").check()   # doctest: +SKIP
>>> print(report.brief())                                   # doctest: +SKIP
"""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs

from factcheck.render.json import report_dict, report_json
from factcheck.render.markdown import render_brief
from factcheck.render.view import BriefView, build
from factcheck.results import Results

if TYPE_CHECKING:
    import pandas
    from matplotlib.figure import Figure

__all__ = ["Report"]


@attrs.frozen(repr=False)
class Report(Results):
    """Everything one check of a case found, ready to print, serialise or render."""

    _views: dict[str | None, BriefView] = attrs.field(factory=dict, init=False, repr=False,
                                                      eq=False)

    def _view(self, title: str | None = None) -> BriefView:
        """The brief's view, built once per title for every rendering of this report."""
        if title not in self._views:
            self._views[title] = build(self, title)
        return self._views[title]

    def to_dict(self) -> dict[str, Any]:
        """Plain data for JSON: claims, series, sources and clusters, in a stable order."""
        return report_dict(self)

    def to_json(self) -> str:
        """The report as JSON (see ``factcheck/schema/report.schema.json``)."""
        return report_json(self)

    def brief(self, title: str | None = None, *,
              template_dir: str | Path | None = None) -> str:
        """The cited Markdown brief (see :func:`factcheck.render.markdown.render_brief`).

        *template_dir* holds templates that replace the package's (``brief.md.j2`` or any
        partial, ``_cite.j2`` …); they run sandboxed.
        """
        return render_brief(self, title=title, template_dir=template_dir,
                            view=self._view(title))

    def html(self, title: str | None = None, *, template_dir: str | Path | None = None,
             timelines: bool = True) -> str:
        """The cited brief as one self-contained HTML file (timelines need matplotlib)."""
        from factcheck.render.html import render_html

        return render_html(self, title=title, template_dir=template_dir, timelines=timelines,
                           view=self._view(title))

    def claimreview(self, *, reviewer: str = "factcheck", review_url: str = "",
                    review_date: datetime.date | None = None) -> str:
        """schema.org ClaimReview JSON-LD, one review per claim (see
        :mod:`factcheck.render.claimreview` for the rating scale)."""
        from factcheck.render.claimreview import claimreview_json

        return claimreview_json(self, reviewer=reviewer, review_url=review_url,
                                review_date=review_date, view=self._view())

    def to_pandas(self) -> pandas.DataFrame:
        """One row per claim (``pip install 'factcheck[pandas]'``)."""
        from factcheck.render.frame import claims_frame

        return claims_frame(self, self._view())

    def timeline(self, series_id: str) -> Figure:
        """The timeline of one series as a matplotlib Figure (``factcheck[html]``)."""
        from factcheck.render.timeline import figure

        return figure(self, series_id, view=self._view())

    def __repr__(self) -> str:
        from factcheck.render.notebook import report_repr

        return report_repr(self)

    def _repr_markdown_(self) -> str:
        from factcheck.render.notebook import report_markdown

        return report_markdown(self, self._view())

    def _repr_html_(self) -> str:
        from factcheck.render.notebook import report_html

        return report_html(self, self._view())
