"""`factcheck extract`: every figure in the sources, as a list and as draft claims."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from factcheck import Case
from factcheck.cli import main
from tests.conftest import ROOT

# The count phrases the bundled case's claims rest on, by source.
NAMED = {
    "000-yonhap-2025-11-20": ["21 straight years", "61", "more than 60", "first 41"],
    "001-ians-2025-11-12": ["41", "from 2019-22", "a decade"],
    "002-hyein-shim-2025-11-12": ["From 2008 to 2018", "between 2019 and 2022", "2023"],
    "003-undated-plenary": ["16 consecutive years", "16th year", "2005", "7th time",
                            "2012-2013 and 2016-2019", "second year in a row", "58"],
    "004-undated-taipei": ["20th consecutive year", "Since 2005", "2004", "2022",
                           "335-37 vote"],
}


def test_extract_lists_every_named_count_phrase(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", "--root", str(ROOT), "--format", "json"]) == 0
    found = json.loads(capsys.readouterr().out)
    by_source: dict[str, list[str]] = {}
    for item in found:
        by_source.setdefault(item["source"], []).append(item["text"])
        body = Case.load(ROOT).source(item["source"]).body
        assert body[item["start"]:item["end"]] == item["text"]
    for source, phrases in NAMED.items():
        for phrase in phrases:
            assert phrase in by_source[source], (source, phrase)


def test_text_listing_has_span_value_and_sentence(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", "--root", str(ROOT), "--source", "000-yonhap-2025-11-20"]) == 0
    lines = capsys.readouterr().out.splitlines()
    line = next(s for s in lines if "“21 straight years”" in s)
    assert line.startswith("000-yonhap-2025-11-20:11:32\t[1065, 1082)\t")
    assert "\t21 years\t" in line and "The resolution, introduced for 21" in line
    assert all(s.startswith("000-yonhap-2025-11-20:") for s in lines)


def test_unknown_source_filter_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", "--root", str(ROOT), "--source", "000-yonhap"]) == 2
    assert "did you mean '000-yonhap-2025-11-20'?" in capsys.readouterr().err


def test_drafted_claims_load_and_every_quote_anchors(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The TOML draft is a valid claims file whose quotes all stand in their sources."""
    assert main(["extract", "--root", str(ROOT), "--format", "toml"]) == 0
    draft = capsys.readouterr().out
    shutil.copytree(ROOT / "sources", tmp_path / "sources")
    (tmp_path / "claims").mkdir()
    (tmp_path / "claims" / "draft.toml").write_text(draft, encoding="utf-8")
    report = Case.load(tmp_path).check()
    assert len(report.claims) >= 25
    assert all(c.support.value == "supported" for c in report.claims), [
        (c.id, c.reason) for c in report.claims if c.support.value != "supported"]
