"""The Report users hold: the results of one check, with their renderings.

>>> import factcheck
>>> report = factcheck.Case.load("path/to/case").check()   # doctest: +SKIP
>>> print(report.brief())                                   # doctest: +SKIP
"""

from __future__ import annotations

from typing import Any

import attrs

from factcheck.render.json import report_dict, report_json
from factcheck.render.markdown import render_brief
from factcheck.results import Results

__all__ = ["Report"]


@attrs.frozen
class Report(Results):
    """Everything one check of a case found, ready to print, serialise or render."""

    def to_dict(self) -> dict[str, Any]:
        """Plain data for JSON: claims, series, sources and clusters, in a stable order."""
        return report_dict(self)

    def to_json(self) -> str:
        return report_json(self)

    def brief(self, title: str | None = None) -> str:
        """The cited Markdown brief (see :func:`factcheck.render.markdown.render_brief`)."""
        return render_brief(self, title=title)

    def _repr_markdown_(self) -> str:
        return self.brief()
