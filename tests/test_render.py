"""Rendering the brief: footnotes, escaping, determinism, the golden file."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from factcheck import Case
from tests.conftest import ROOT

GOLDEN = ROOT / "tests" / "golden" / "brief.md"


def test_bundled_brief_matches_golden_file() -> None:
    """The bundled case's brief, byte for byte (UPDATE_GOLDEN=1 rewrites it after review)."""
    brief = Case.load(ROOT).check().brief()
    if os.environ.get("UPDATE_GOLDEN"):
        GOLDEN.parent.mkdir(exist_ok=True)
        GOLDEN.write_text(brief, encoding="utf-8")
    assert brief == GOLDEN.read_text(encoding="utf-8")


def test_brief_is_deterministic() -> None:
    assert Case.load(ROOT).check().brief() == Case.load(ROOT).check().brief()


def test_every_footnote_is_referenced_and_defined_in_order() -> None:
    brief = Case.load(ROOT).check().brief()
    defined = re.findall(r"^\[\^(\d+)\]:", brief, flags=re.M)
    body = brief.split("\n[^1]:")[0]
    referenced = list(dict.fromkeys(re.findall(r"\[\^(\d+)\](?!:)", body)))
    assert defined == referenced == [str(n) for n in range(1, len(defined) + 1)]


def test_every_statement_carries_a_footnote() -> None:
    report = Case.load(ROOT).check()
    brief = report.brief()
    for result in report.claims:
        assert re.search(re.escape(result.claim.statement) + r"\[\^\d+\]", brief), result.id


def test_inferred_dates_are_shown_with_reason() -> None:
    brief = Case.load(ROOT).check().brief()
    assert "undated, inferred 2020" in brief
    assert "undated, inferred 2024" in brief


@pytest.mark.parametrize("hostile", ["| ] [^1] <script>", "*bold* _it_ `code` # x", "[a](b)"])
def test_source_text_cannot_break_the_markdown(case_dir: Path, hostile: str) -> None:
    path = case_dir / "sources" / "000-yonhap-2025-11-20.md"
    text = path.read_text(encoding="utf-8")
    text = text.replace('publisher = "Yonhap"', f'publisher = "Yonhap {hostile}"')
    text = text.replace("The resolution, introduced", f"Note {hostile} The resolution, introduced")
    path.write_text(text, encoding="utf-8")
    claims = case_dir / "claims" / "adoption-years.toml"
    claims.write_text(claims.read_text(encoding="utf-8").replace(
        'text = "The resolution, introduced for 21 straight years"',
        f'text = "Note {hostile} The resolution, introduced for 21 straight years"'),
        encoding="utf-8")
    brief = Case.load(case_dir).check().brief()
    assert hostile not in brief
    assert "<script>" not in brief
    # every special character arrives escaped, so Markdown shows it as text
    if "<script>" in hostile:
        assert r"\| \] \[^1\] &lt;script&gt;" in brief
    table_rows = [line for line in brief.splitlines() if line.startswith("| ")]
    assert all(len(re.findall(r"(?<!\\)\|", row)) == 5 for row in table_rows)
