"""The Markdown brief: what an editor reads, and what GitHub, markdown-it and marked make of it."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import cmarkgfm
import pytest
from cmarkgfm.cmark import Options
from markdown_it import MarkdownIt
from mdit_py_plugins.footnote import footnote_plugin

from factcheck import Case
from factcheck.errors import TemplateError
from tests.conftest import ROOT

GOLDEN = ROOT / "tests" / "golden" / "brief.md"


@pytest.fixture(scope="module")
def report():  # type: ignore[no-untyped-def]
    return Case.load(ROOT).check()


@pytest.fixture(scope="module")
def brief(report) -> str:  # type: ignore[no-untyped-def]
    return str(report.brief())


def mdit_html(text: str) -> str:
    return MarkdownIt("commonmark").use(footnote_plugin).enable("table").render(text)


def cmark_html(text: str) -> str:
    return cmarkgfm.github_flavored_markdown_to_html(text, options=Options.CMARK_OPT_FOOTNOTES)


class _Tags(HTMLParser):
    """Collects tags, attributes and the text outside footnote markup."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self.rows: list[int] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag == "tr":
            self.rows.append(0)
        if tag in ("td", "th") and self.rows:
            self.rows[-1] += 1

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parse(html: str) -> _Tags:
    p = _Tags()
    p.feed(html)
    return p


def test_bundled_brief_matches_golden_file(brief: str) -> None:
    """The bundled case's brief, byte for byte (UPDATE_GOLDEN=1 rewrites it after review)."""
    if os.environ.get("UPDATE_GOLDEN"):
        GOLDEN.write_text(brief, encoding="utf-8")
    assert brief == GOLDEN.read_text(encoding="utf-8")


def test_brief_is_byte_identical_across_processes_and_hash_seeds() -> None:
    code = ("import sys, factcheck; sys.stdout.write(factcheck.Case.load(sys.argv[1]).check()"
            ".brief())")
    outs = {
        subprocess.run([sys.executable, "-c", code, str(ROOT)], capture_output=True, check=True,
                       env={**os.environ, "PYTHONHASHSEED": seed}, cwd=ROOT).stdout
        for seed in ("0", "1", "4242")
    }
    assert len(outs) == 1
    assert outs.pop().decode("utf-8") == GOLDEN.read_text(encoding="utf-8")


@pytest.mark.parametrize("render", [mdit_html, cmark_html], ids=["markdown-it", "cmark-gfm"])
def test_every_footnote_renders_and_is_defined_and_referenced(brief: str, render) -> None:  # type: ignore[no-untyped-def]
    html = render(brief)
    tags = parse(html)
    text = "".join(tags.text)
    assert "[^" not in text, "a footnote reference left as literal text"
    refs = {a["href"] for t, a in tags.tags if t == "a" and "fnref" in (a.get("id") or "")}
    items = {a["id"] for t, a in tags.tags if t == "li" and (a.get("id") or "").startswith("fn")}
    defined = set(re.findall(r"^\[\^(\d+)\]:", brief, flags=re.M))
    assert len(items) == len(defined) > 30  # a definition never referenced is not rendered
    assert {h.lstrip("#") for h in refs} == items
    # tables whole: every row has as many cells as the header
    for table in re.findall(r"<table>.*?</table>", html, flags=re.S):
        rows = parse(table).rows
        assert rows and all(n == rows[0] for n in rows), rows


def test_no_two_footnote_references_stand_side_by_side(brief: str) -> None:
    """GitHub runs "[^1][^2]" together as ¹²; marked reads it as one reference link."""
    assert not re.search(r"\]\s*,?\s*\[\^", brief)
    assert not re.search(r"^\[\^\d+\]:.*\n\[\^", brief, flags=re.M)  # definitions apart


def test_the_editor_sees_no_ids_offsets_or_methods(report, brief: str) -> None:  # type: ignore[no-untyped-def]
    for c in report.claims:
        assert brief.count(c.id) == 1, c.id  # once, in the claim index
    for s in report.sources:
        assert s.id not in brief
    for f in report.findings:
        assert f"`{f.series.id}`" not in brief
    assert "`" not in brief
    assert not re.search(r"characters \d+|exact match|normalized match|score \d", brief)
    assert "untitled" not in brief
    assert not re.search(r"\b\d{4}-\d{2}-\d{2}\b", brief)  # dates as people write them


def test_it_opens_with_what_was_found(brief: str) -> None:
    lead = brief.split("\n\n")[1]
    assert lead.startswith("The UN has adopted the resolution on human rights in North Korea "
                           "every year since 2005")
    assert "41 on 12 Nov 2025, then 61 on 19 Nov 2025" in lead
    assert "39 are supported" in lead and "3 consistent" in lead
    assert "4 in agreement but resting on one origin" in lead
    assert 2 <= lead.count(". ") + 1 <= 3


def test_each_claim_appears_once_with_verdict_and_footnote(report, brief: str) -> None:  # type: ignore[no-untyped-def]
    for c in report.claims:
        line = [x for x in brief.splitlines() if c.claim.statement.replace('"', '"') in x]
        assert len(line) == 1, c.id
        assert re.search(r"\[\^\d+\] — .*supported", line[0]), line[0]


def test_sources_are_named_by_publisher_and_date(brief: str) -> None:
    assert "Yonhap, 20 Nov 2025" in brief
    assert "IANS, 12 Nov 2025" in brief
    assert "(undated, inferred 2020)" in brief
    assert "(undated, inferred Jan–Nov 2024)" in brief
    # a footnote: quote — Publisher, "Title", date
    assert ("“South Korea was among the 41 UN member states co-sponsoring the resolution” — "
            "IANS, “Seoul keeps backing UN resolution against North Korean human rights "
            "violations”, 12 Nov 2025.") in brief
    # a source without a headline: its first sentence, without its dateline
    assert ("Yonhap, [A UN committee has adopted by consensus a resolution condemning…], "
            "20 Nov 2025") in brief


def test_a_hand_set_date_says_so_and_carries_its_reason(case_dir: Path) -> None:
    import attrs

    case = Case.load(case_dir)
    claims = tuple(attrs.evolve(c, as_of_note="the first list, “released on November 12”")
                   if c.id == "first-41-cosponsors" else
                   attrs.evolve(c, as_of_note="") if c.id == "cosponsored-by-61" else c
                   for c in case.claims)
    brief = attrs.evolve(case, claims=claims).check().brief()
    assert ("as of 12 Nov 2025 (date set in the claim: the first list, “released on "
            "November 12”)") in brief
    assert "as of 19 Nov 2025 (date set in the claim: no reason recorded)" in brief


def test_every_source_is_one_line_of_the_source_list(report, brief: str) -> None:  # type: ignore[no-untyped-def]
    section = brief.split("## Sources\n\n")[1].split("\n\n")[0].splitlines()
    assert len(section) == len(report.sources)
    assert all(line.startswith("- ") and line.endswith(".") for line in section)


def test_a_legend_explains_the_words(brief: str) -> None:
    legend = brief.split("## How to read this brief")[1].split("##")[0]
    for word in ("supported", "origin", "consistent", "consistent if", "conflict", "inferred"):
        assert f"- {word}: " in legend


def test_a_conflict_is_explained_with_its_sources(case_dir: Path) -> None:
    path = case_dir / "claims" / "adoption-years.toml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        'value = "21 straight years"', 'value = "19 straight years"').replace(
        "introduced for 21 straight years", "introduced for 19 straight years"), encoding="utf-8")
    source = case_dir / "sources" / "000-yonhap-2025-11-20.md"
    source.write_text(source.read_text(encoding="utf-8").replace(
        "introduced for 21 straight years", "introduced for 19 straight years"), encoding="utf-8")
    brief = Case.load(case_dir).check().brief()
    assert "### Years the UN has adopted the resolution on human rights in North Korea: conflict" \
        in brief
    assert "The sources disagree on 1 point" in brief
    assert re.search(r"Yonhap, 20 Nov 2025\[\^\d+\] implies a first year of 2007", brief)
    assert "in conflict with the series" in brief


def test_a_user_template_overrides_a_partial(tmp_path: Path, report) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "_cite.j2").write_text("{{ q.source.publisher or 'unnamed' }} said so",
                                       encoding="utf-8")
    brief = report.brief(template_dir=tmp_path)
    assert "[^1]: unnamed said so" in brief
    assert brief.startswith("# Fact-check brief")


@pytest.mark.parametrize(("text", "message"), [
    ("{{ brief.nonesuch }}", "has no attribute 'nonesuch'"),
    ("line one\n{% for %}", "brief.md.j2:2"),
    ("{{ brief.__class__.__mro__ }}", "unsafe"),
    ("{{ ''.__class__.__subclasses__() }}", "unsafe"),
])
def test_user_templates_are_sandboxed_and_errors_name_file_and_line(
        tmp_path: Path, report, text: str, message: str) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "brief.md.j2").write_text(text, encoding="utf-8")
    with pytest.raises(TemplateError) as info:
        report.brief(template_dir=tmp_path)
    assert message in str(info.value)
    assert "brief.md.j2" in str(info.value)


def test_a_runtime_error_names_the_partial_and_line(tmp_path: Path, report) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "_claim.j2").write_text("ok\n{{ c.nonesuch }}", encoding="utf-8")
    with pytest.raises(TemplateError) as info:
        report.brief(template_dir=tmp_path)
    assert f"{tmp_path.resolve() / '_claim.j2'}:2" in str(info.value)


def test_marked_renders_the_footnotes_apart_when_node_has_it(brief: str, tmp_path: Path) -> None:
    """JupyterLab's marked has no footnotes: references stay text, but nothing runs together."""
    script = tmp_path / "m.mjs"
    script.write_text("import {createRequire} from 'module'; import fs from 'fs';"
                      "const require = createRequire(process.env.MARKED_DIR + '/');"
                      "const {marked} = require('marked');"
                      "process.stdout.write(marked.parse(fs.readFileSync(0, 'utf8')));")
    try:  # MARKED_DIR: a folder where `npm install marked` was run
        out = subprocess.run(["node", str(script)], input=brief, capture_output=True, text=True,
                             timeout=60, env={**os.environ, "MARKED_DIR": os.environ.get(
                                 "MARKED_DIR", str(tmp_path))})
    except (OSError, subprocess.TimeoutExpired):
        pytest.skip("node is not installed")
    if out.returncode != 0:
        pytest.skip("marked is not installed for node (set MARKED_DIR)")
    paragraphs = re.findall(r"<p>\[\^\d+\]:", out.stdout)
    assert len(paragraphs) == len(re.findall(r"^\[\^\d+\]:", brief, flags=re.M))
    assert "<a href" not in out.stdout.split("<h2>Sources</h2>")[0]


def test_cli_template_folder_and_its_errors(tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    from factcheck.cli import main

    (tmp_path / "_lead.j2").write_text("Lead: {{ brief.counts.claims }} claims.", "utf-8")
    assert main(["brief", "--root", str(ROOT), "--template", str(tmp_path)]) == 0
    assert capsys.readouterr().out.split("\n\n")[1] == "Lead: 39 claims."
    (tmp_path / "brief.html.j2").write_text("{% if %}", "utf-8")
    assert main(["brief", "--root", str(ROOT), "--format", "html",
                 "--template", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert "brief.html.j2:1" in err and "Traceback" not in err
    assert main(["brief", "--root", str(ROOT), "--template", str(tmp_path / "nope")]) == 2
    assert "not a folder of templates" in capsys.readouterr().err


def test_a_claim_without_quotes_still_renders(case_dir: Path) -> None:
    import attrs

    case = Case.load(case_dir)
    claims = tuple(attrs.evolve(c, quotes=()) if c.id == "eu-leads-resolution" else c
                   for c in case.claims)
    report = attrs.evolve(case, claims=claims).check()
    brief = report.brief()
    assert "The claim cites no quote." in brief
    assert "The claim cites no quote" in report.html(timelines=False)
    assert "eu-leads-resolution" in report.claimreview()


def test_a_newer_version_of_a_page_is_said_in_the_source_list(tmp_path: Path) -> None:
    from factcheck.cli import main
    from tests.test_ingest import PAGES

    (tmp_path / "claims").mkdir()
    for page in ("harbor-ledger-flood.html", "harbor-ledger-flood-updated.html"):
        assert main(["--root", str(tmp_path), "add", str(PAGES / page)]) == 0
    (tmp_path / "claims" / "floods.toml").write_bytes(
        (PAGES / "floods-claims.toml").read_bytes())
    brief = Case.load(tmp_path).check().brief()
    assert ("4 Mar 2025, updated 6 Mar 2025, <https://www.harborledger.example/world/marrow-"
            "valley-floods>. This article is a newer version of The Harbor Ledger, 4 Mar 2025: "
            "the same page, changed since") in brief


def _misquoted_case(body: str, quote: str) -> Case:
    import datetime

    from factcheck.model import Claim, Quote, Source

    source = Source("yon-1", body, title="Vote", publisher="Yonhap",
                    published=datetime.date(2025, 11, 20))
    return Case((source,), (), (Claim("c", "The code was adopted.",
                                      quotes=(Quote("yon-1", quote),)),))


_PASSAGE = ("Officials said the `code` was adopted 2025-11-12, as sources/yon-1.md records.")


def test_words_quoted_from_a_source_are_shown_as_they_stand() -> None:
    """The nearest passage is the source's words: no backtick dropped, no date rewritten,
    no id-like word in it replaced by a source's name."""
    report = _misquoted_case(
        "The committee met in New York on Tuesday. " + _PASSAGE + " Nothing else was decided.",
        "Officials told us the `code` had been adopted 2025-11-12, as sources/yon-1.md shows"
    ).check()
    assert report.claims[0].problems[0].kind == "not_found"
    brief = report.brief()
    assert "“Officials said the \\`code\\` was adopted 2025-11-12, as sources/yon-1.md" in brief
    html = report.html(timelines=False)
    assert "“Officials said the `code` was adopted 2025-11-12, as sources/yon-1.md" in html


def test_an_ambiguous_quote_is_shown_by_its_words_not_its_offsets() -> None:
    passage = "The resolution was adopted without a vote."
    report = _misquoted_case(f"{passage} Later that day: {passage} End.", passage).check()
    assert report.claims[0].problems[0].kind == "ambiguous"
    brief = report.brief()
    attention = brief.split("## Claims that need attention")[1].split("##")[0]
    assert "2 places" in attention and "adopted without a vote" in attention
    assert not re.search(r"characters \d|\d+–\d+", attention), attention
    assert "characters 0–" in report.html(timelines=False)  # the details keep them


def test_an_altered_pinned_quote_is_told_in_the_sources_words() -> None:
    """The pin's facts, not its command-line sentence: the source by its name, the pinned
    and current words as they stand (a date in them stays a date as printed)."""
    import attrs

    passage = "the `code` was adopted 2025-11-12 by 41 states"
    case = _misquoted_case(f"Officials said {passage}. Nothing else.", passage)
    case = attrs.evolve(case, lock=case.pin())
    source = attrs.evolve(case.sources[0], body=case.sources[0].body.replace("41", "42"))
    report = attrs.evolve(case, sources=(source,)).check()
    assert report.claims[0].problems[0].kind == "pin_altered"
    attention = report.brief().split("## Claims that need attention")[1].split("##")[0]
    assert "quote altered in Yonhap, 20 Nov 2025 (“41” → “42”)" in attention, attention
    assert "was “the \\`code\\` was adopted 2025-11-12 by 41 states”" in attention, attention


def test_a_hand_edited_source_is_told_without_paths_or_lines(tmp_path: Path) -> None:
    from factcheck.cli import main
    from tests.test_ingest import PAGES

    (tmp_path / "claims").mkdir()
    for page in ("harbor-ledger-flood.html", "harbor-ledger-flood-updated.html"):
        assert main(["--root", str(tmp_path), "add", str(PAGES / page)]) == 0
    (tmp_path / "claims" / "floods.toml").write_bytes(
        (PAGES / "floods-claims.toml").read_bytes())
    path = tmp_path / "sources" / "harbor-ledger-2025-03-04-floods-in-the-marrow.md"
    path.write_text(path.read_text(encoding="utf-8") + "\nA sentence added by hand.\n",
                    encoding="utf-8")
    report = Case.load(tmp_path).check()
    assert "raw_mismatch" in [n.kind for n in report.source_notes]
    brief = report.brief()
    sources = brief.split("## Sources")[1].split("##")[0]
    assert "The saved web page it was added from no longer gives this text" in sources
    assert "sources/" not in brief and "body line" not in brief
    assert "body line" in report.to_json()  # the researcher's outputs keep where
