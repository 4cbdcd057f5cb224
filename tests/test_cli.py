"""The factcheck command: exit codes, JSON shape, errors without tracebacks."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from factcheck.cli import main
from tests.conftest import ROOT


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_check_json_on_bundled_case(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "check", "--root", str(ROOT), "--format", "json")
    data = json.loads(out)
    assert code == 0, out
    assert all(q["start"] is not None for c in data["claims"] for q in c["quotes"])
    series = {s["id"]: s for s in data["series"]}
    assert series["adoption-years"]["verdict"] == "consistent"
    assert series["adoption-years"]["first_year"] == {"start": 2005, "end": 2005}
    assert series["adoption-years"]["origins"] >= 2
    for sid in ("us-cosponsor-2025", "south-korea-cosponsor"):
        assert series[sid]["verdict"] == "consistent", series[sid]
    # One claim is nothing to compare; claims that agree on one origin's word are not
    # corroborated (issue 8).
    assert series["nkhra-house-vote"]["verdict"] == "unchecked"
    for sid in ("cosponsors-2025", "assembly-consensus", "nkhra-lapse"):
        assert series[sid]["verdict"] == "uncorroborated", series[sid]
        assert series[sid]["origins"] == 1
    sources = {s["id"]: s for s in data["sources"]}
    assert sources["003-undated-plenary"]["inferred_published"] == {
        "start": "2020-01-01", "end": "2020-12-31"}
    assert sources["004-undated-taipei"]["inferred_published"] == {
        "start": "2024-01-01", "end": "2024-11-30"}
    assert sources["000-yonhap-2025-11-20"]["published"] == "2025-11-20"
    assert set(data["claims"][0]) >= {"id", "verdict", "series", "quotes"}
    assert set(data["claims"][0]["quotes"][0]) >= {"source", "start", "end", "method", "score"}


def test_check_text_exit_0(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "check", "--root", str(ROOT))
    assert code == 0
    assert out.rstrip().endswith("OK")


def test_conflict_exits_1(case_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A 2025 article saying "19 straight years" would imply 2007: a real conflict."""
    path = case_dir / "claims" / "adoption-years.toml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        'value = "21 straight years"', 'value = "19 straight years"').replace(
        "introduced for 21 straight years", "introduced for 19 straight years"), encoding="utf-8")
    source = case_dir / "sources" / "000-yonhap-2025-11-20.md"
    source.write_text(source.read_text(encoding="utf-8").replace(
        "introduced for 21 straight years", "introduced for 19 straight years"), encoding="utf-8")
    code, out, _ = run(capsys, "check", "--root", str(case_dir))
    assert code == 1
    assert "!! series adoption-years (annual): conflict" in out
    assert "`introduced-21-straight-years` implies a first year of 2007" in out


def test_a_value_its_quotes_do_not_give_is_unsupported_and_left_out(
        case_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = case_dir / "claims" / "adoption-years.toml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        'value = "21 straight years"', 'value = "23 straight years"'), encoding="utf-8")
    code, out, _ = run(capsys, "check", "--root", str(case_dir), "--format", "json")
    assert code == 1
    data = json.loads(out)
    claim = next(c for c in data["claims"] if c["id"] == "introduced-21-straight-years")
    assert claim["verdict"] == "unsupported"
    assert "'23 straight years' is not a figure its quotes give (they give: 21 years)" in \
        claim["reason"]
    series = next(s for s in data["series"] if s["id"] == "adoption-years")
    assert series["verdict"] == "consistent"  # the unsupported figure takes no part
    assert "Left out, as their quotes do not support them: introduced-21-straight-years" in \
        series["explanation_text"]
    assert "unsupported_left_out" in {r["kind"] for r in series["reasons"]}


def test_unsupported_quote_exits_1_and_shows_nearest(
        case_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = case_dir / "claims" / "cosponsors.toml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        'text = "adopted the resolution, co-sponsored by 61 countries"',
        'text = "The Security Council vetoed a motion on fisheries quotas"'), encoding="utf-8")
    code, out, _ = run(capsys, "check", "--root", str(case_dir), "--format", "json")
    assert code == 1
    claim = next(c for c in json.loads(out)["claims"] if c["id"] == "cosponsored-by-61")
    assert claim["verdict"] == "unsupported"


def test_bad_source_id_exits_2_with_one_clear_message(
        case_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = case_dir / "claims" / "nkhra.toml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        'source = "004-undated-taipei"', 'source = "004-undated-taipej"', 1), encoding="utf-8")
    code, out, err = run(capsys, "check", "--root", str(case_dir))
    assert code == 2 and out == ""
    assert "claims/nkhra.toml:" in err
    assert "nkhra-first-adopted-2004" in err
    assert "did you mean '004-undated-taipei'?" in err
    assert "Traceback" not in err


def test_brief_to_file_is_written_and_inputs_are_protected(
        case_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = case_dir / "brief.md"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o644)
    code, out, _ = run(capsys, "brief", "--root", str(case_dir), "-o", str(target))
    assert code == 0 and out == ""
    assert target.read_text(encoding="utf-8").startswith("# Fact-check brief")
    assert target.stat().st_mode & 0o777 == 0o644  # the file keeps its permissions
    assert not list(case_dir.glob(".brief.md.*"))  # no temporary file left behind
    code, _, err = run(capsys, "brief", "--root", str(case_dir), "-o",
                       str(case_dir / "typo" / "brief.md"))
    assert code == 2 and "no such folder" in err
    code, _, err = run(capsys, "brief", "--root", str(case_dir), "-o", str(case_dir))
    assert code == 2 and "is a folder" in err
    victim = case_dir / "claims" / "nkhra.toml"
    before = victim.read_bytes()
    code, _, err = run(capsys, "brief", "--root", str(case_dir), "-o", str(victim))
    assert code == 2 and "refusing" in err
    assert victim.read_bytes() == before


def test_missing_root_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "check", "--root", str(tmp_path / "nope"))
    assert code == 2 and "no such folder" in err


def test_approximate_match_with_a_different_figure_is_unsupported(
        case_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A quote that matches only fuzzily must still carry the source's own figures."""
    path = case_dir / "claims" / "adoption-years.toml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        'text = "The resolution, introduced for 21 straight years"',
        'text = "The resolution, introduced for 27 straight years"'), encoding="utf-8")
    code, out, _ = run(capsys, "check", "--root", str(case_dir), "--format", "json")
    assert code == 1
    claim = next(c for c in json.loads(out)["claims"] if c["id"] == "introduced-21-straight-years")
    assert claim["verdict"] == "unsupported"
    assert claim["quotes"][0]["method"] == "fuzzy"
    assert "the source gives 21 years where the quote says 27 years" in claim["reason"]


def test_notebook_display(capsys: pytest.CaptureFixture[str]) -> None:
    from factcheck import Case

    case = Case.load(ROOT)
    report = case.check()
    assert len(report._repr_markdown_()) < 3000 and "[^" not in report._repr_markdown_()
    assert "introduced-21-straight-years" in case.claims[0]._repr_markdown_()
    assert "supported" in report.claims[0]._repr_markdown_()


def test_sources_puts_the_wire_copies_in_one_cluster(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "sources", "--root", str(ROOT), "--format", "json")
    assert code == 0
    clusters = [c["sources"] for c in json.loads(out)["clusters"]]
    assert ["000-yonhap-2025-11-20", "001-ians-2025-11-12"] in clusters
    assert ["002-hyein-shim-2025-11-12"] in clusters
    code, out, _ = run(capsys, "sources", "--root", str(ROOT))
    # IANS (12 Nov) credits Yonhap: the cluster is Yonhap's, though IANS's copy is older
    assert ("origin 000-yonhap-2025-11-20: 2 sources (one origin; the others credit it: "
            "001-ians-2025-11-12: “Yonhap news agency reported”)") in out
    data = json.loads(run(capsys, "sources", "--root", str(ROOT), "--format", "json")[1])
    wire = next(c for c in data["clusters"] if len(c["sources"]) == 2)
    assert wire["origin"] == "000-yonhap-2025-11-20"
    assert wire["credit"]["evidence"] == "Yonhap news agency reported"
    assert "shared: 000-yonhap-2025-11-20" in out


def test_find_lists_every_carrier_and_counts_origins(capsys: pytest.CaptureFixture[str]) -> None:
    passage = "North Korea has bristled at past resolutions, calling them a politicaly motivated"
    code, out, _ = run(capsys, "find", passage, "--root", str(ROOT), "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert [h["source"] for h in data["hits"]] == ["000-yonhap-2025-11-20", "001-ians-2025-11-12"]
    assert data["origins"] == ["000-yonhap-2025-11-20"]  # IANS credits Yonhap
    for hit in data["hits"]:
        assert hit["method"] == "fuzzy"
    code, out, _ = run(capsys, "find", "a passage printed nowhere at all", "--root", str(ROOT))
    assert code == 1 and out.strip().endswith("0 sources, 0 independent origins")
    code, _, err = run(capsys, "find", "x", "--root", str(ROOT), "--min-score", "500")
    assert code == 2 and "min_score" in err


def test_claims_count_independent_origins(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "check", "--root", str(ROOT), "--format", "json")
    claims = {c["id"]: c for c in json.loads(out)["claims"]}
    wire = claims["resolution-condemns-strongest-terms"]
    assert wire["carried_by"] == ["000-yonhap-2025-11-20", "001-ians-2025-11-12"]
    assert wire["origins"] == ["000-yonhap-2025-11-20"]
    assert len(claims["north-korea-rejects-resolutions"]["origins"]) == 2
    brief = (ROOT / "tests" / "golden" / "brief.md").read_text(encoding="utf-8")
    assert "supported, 2 sources (copies of one story: one origin)" in brief
    assert "- Yonhap, 20 Nov 2025 and IANS, 12 Nov 2025: one origin." in brief


def test_root_before_the_command_and_version(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--root", str(ROOT), "check")
    assert code == 0 and out.rstrip().endswith("OK")
    with pytest.raises(SystemExit):
        main(["--version"])
    assert capsys.readouterr().out.startswith("factcheck ")


def test_a_broken_source_does_not_cascade(case_dir: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    path = case_dir / "sources" / "000-yonhap-2025-11-20.md"
    path.write_text(path.read_text(encoding="utf-8")[4:], encoding="utf-8")  # drop the first +++
    code, _, err = run(capsys, "check", "--root", str(case_dir))
    assert code == 2
    assert err.strip() == ("factcheck: sources/000-yonhap-2025-11-20.md:1: a source starts "
                           "with a '+++' line opening its front matter")


def test_pin_update_replaces_a_damaged_lock(case_dir: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    (case_dir / "factcheck.lock").write_text("version = \n", encoding="utf-8")
    assert run(capsys, "check", "--root", str(case_dir))[0] == 2
    assert run(capsys, "pin", "--root", str(case_dir), "--update")[0] == 0
    assert run(capsys, "check", "--root", str(case_dir))[0] == 0


def test_pin_update_replaces_a_lock_that_is_not_utf8(case_dir: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    """Review: save_lock decoded the old lock again to compare, and a damaged one raised
    UnicodeDecodeError (a traceback)."""
    (case_dir / "factcheck.lock").write_bytes(b"version = 1\n\xff\xfe\n")
    code, _, err = run(capsys, "pin", "--root", str(case_dir), "--update")
    assert code == 0, err
    assert run(capsys, "check", "--root", str(case_dir))[0] == 0


@pytest.mark.parametrize("value", ["0", "-5", "lots"])
def test_a_bad_max_source_bytes_names_the_flag(capsys: pytest.CaptureFixture[str],
                                               value: str) -> None:
    with pytest.raises(SystemExit) as info:
        main(["--max-source-bytes", value, "check", "--root", str(ROOT)])
    assert info.value.code == 2
    assert "--max-source-bytes" in capsys.readouterr().err


def test_find_needs_words(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "find", "   ", "--root", str(ROOT))
    assert code == 2 and "needs a passage" in err
