"""The claims as a pandas DataFrame: one row per claim (pandas imported lazily)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from factcheck.errors import UsageError
from factcheck.render.view import BriefView, build

if TYPE_CHECKING:
    import pandas

    from factcheck.results import Results

__all__ = ["COLUMNS", "claims_frame"]

COLUMNS = ("id", "statement", "series", "value", "verdict", "series_verdict", "in_conflict",
           "as_of_start", "as_of_end", "as_of_inferred", "as_of_set", "sources", "origins",
           "first_source", "publisher", "cited_as", "quotes", "quotes_found")


def claims_frame(report: Results, view: BriefView | None = None) -> pandas.DataFrame:
    try:
        import pandas
    except ImportError:
        raise UsageError("report.to_pandas() needs pandas: pip install 'factcheck[pandas]'"
                         ) from None
    view = view or build(report)
    rows: list[dict[str, Any]] = []
    for c in view.claims:
        rows.append({
            "id": c.id, "statement": c.statement, "series": c.series or None,
            "value": c.value or None, "verdict": c.support,
            "series_verdict": c.series_verdict or None, "in_conflict": c.in_conflict,
            "as_of_start": pandas.Timestamp(c.span.earliest) if c.span else pandas.NaT,
            "as_of_end": pandas.Timestamp(c.span.latest) if c.span else pandas.NaT,
            "as_of_inferred": c.when_inferred, "as_of_set": c.as_of_set,
            "sources": c.carriers, "origins": c.origins,
            "first_source": c.quotes[0].source.id if c.quotes else None,
            "publisher": (c.quotes[0].source.publisher or None) if c.quotes else None,
            "cited_as": c.label,
            "quotes": len(c.quotes), "quotes_found": sum(q.found for q in c.quotes),
        })
    return pandas.DataFrame(rows, columns=list(COLUMNS))
