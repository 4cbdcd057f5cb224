"""Notebook displays and the example notebook, run with a real kernel."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from factcheck import Case
from tests.conftest import ROOT


def test_case_repr_is_short_and_has_no_article_bodies() -> None:
    case = Case.load(ROOT)
    for text in (repr(case), case._repr_markdown_(), case._repr_html_()):
        assert len(text) < 2000
        for s in case.sources:
            assert s.body[200:260] not in text
    assert "5 sources, 9 series, 39 claims" in repr(case)


def test_report_displays_are_short_and_footnote_free() -> None:
    report = Case.load(ROOT).check()
    md, html = report._repr_markdown_(), report._repr_html_()
    assert len(md) < 3000 and len(html) < 4000 and len(repr(report)) < 2000
    assert "[^" not in md  # JupyterLab's marked shows no footnotes
    assert "every year since 2005" in md and "every year since 2005" in html
    assert "<script" not in html


def test_to_pandas_one_row_per_claim() -> None:
    report = Case.load(ROOT).check()
    frame = report.to_pandas()
    assert list(frame["id"]) == [c.id for c in report.claims]
    row = frame.set_index("id").loc["introduced-21-straight-years"]
    assert row["verdict"] == "supported" and row["publisher"] == "Yonhap"
    assert row["as_of_start"].date() == datetime.date(2025, 11, 19)
    assert bool(row["as_of_set"])


def test_timeline_is_a_matplotlib_figure() -> None:
    from matplotlib.figure import Figure

    from factcheck.errors import UsageError

    report = Case.load(ROOT).check()
    fig = report.timeline("adoption-years")
    assert isinstance(fig, Figure)
    assert fig.axes[0].get_title(loc="left").startswith("Years the UN has adopted")
    with pytest.raises(UsageError, match="no series 'nonesuch'"):
        report.timeline("nonesuch")


def test_import_factcheck_imports_no_jinja_matplotlib_or_pandas() -> None:
    import subprocess
    import sys

    code = ("import sys, factcheck; print(sorted(m for m in ('jinja2', 'matplotlib', 'pandas')"
            " if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, cwd=ROOT)
    assert out.stdout.strip() == "[]"


def test_example_notebook_runs_with_a_real_kernel(tmp_path: Path) -> None:
    import nbformat
    from nbclient import NotebookClient

    nb = nbformat.read(ROOT / "examples" / "bundled-case.ipynb", as_version=4)
    NotebookClient(nb, timeout=120, kernel_name="python3",
                   resources={"metadata": {"path": str(ROOT / "examples")}}).execute()
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    text = "\n".join(str(o.get("text", "")) + str(o.get("data", {}).get("text/plain", ""))
                     for o in outputs)
    assert "conflict" in text
    assert "implies a first year of 2007" in text  # the conflict explained
    assert any("image/png" in o.get("data", {}) or "image/svg+xml" in o.get("data", {})
               for o in outputs), "the timeline is shown"
    html = [o["data"]["text/html"] for o in outputs if "text/html" in o.get("data", {})]
    assert any("every year since 2005" in h for h in html)


def test_a_report_builds_its_brief_view_once_for_every_display(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """repr builds none; the Markdown and HTML displays, ClaimReview, the frame and a
    timeline share one view (the brief's per title)."""
    import factcheck.render.view as view

    report = Case.load(ROOT).check()
    built: list[str] = []
    real = view._source_view
    monkeypatch.setattr(view, "_source_view",
                        lambda s, *a: built.append(s.id) or real(s, *a))
    repr(report)
    assert built == []
    report._repr_markdown_()
    report._repr_html_()
    report.claimreview()
    report.brief()
    report.to_pandas()
    assert len(built) == len(report.sources)
    report.brief(title="Another title")
    assert len(built) == 2 * len(report.sources)


def test_json_reads_each_sources_inference_from_one_index(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from factcheck.results import Results

    report = Case.load(ROOT).check()
    before = report.to_json()

    def linear(self, source_id):  # type: ignore[no-untyped-def]
        raise AssertionError("a scan of every inference per source")

    monkeypatch.setattr(Results, "inference", linear)
    assert report.to_json() == before
