"""The HTML brief: one self-contained, script-free file with timelines, quotes and details."""

from __future__ import annotations

import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

from factcheck import Case
from factcheck.cli import main
from tests.conftest import ROOT


class Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.stack: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parse(html: str) -> Page:
    page = Page()
    page.feed(html)
    page.close()
    return page


def assert_inert(html: str) -> Page:
    """No script, no event handler, no javascript: URL, nothing loaded from elsewhere."""
    page = parse(html)
    for tag, attrs in page.tags:
        assert tag not in ("script", "iframe", "object", "embed", "link", "img", "base"), tag
        for name, value in attrs.items():
            assert not name.startswith("on"), (tag, name)
            if name in ("href", "src", "xlink:href", "action", "formaction"):
                v = (value or "").strip().lower()
                assert v.startswith(("#", "https://", "http://")), (tag, name, value)
    assert "javascript:" not in " ".join(v or "" for _, a in page.tags for v in a.values())
    return page


@pytest.fixture(scope="module")
def html() -> str:
    return Case.load(ROOT).check().html()


def test_one_self_contained_file_without_scripts(html: str) -> None:
    page = assert_inert(html)
    assert html.startswith("<!DOCTYPE html>")
    assert page.tags[4][0] == "style" or html.index("<style>") < html.index("</head>")
    assert "@import" not in html
    assert not re.search(r"url\((?!#)", html)  # only the SVGs' own clip paths


def test_ids_are_unique_and_every_link_lands(html: str) -> None:
    page = parse(html)
    ids = [a["id"] for _, a in page.tags if a.get("id")]
    assert len(ids) == len(set(ids))
    targets = {a["href"][1:] for t, a in page.tags if t == "a" and (a.get("href") or "")
               .startswith("#")}
    assert targets <= set(ids), targets - set(ids)


def test_summary_badges_quotes_and_details(html: str) -> None:
    report = Case.load(ROOT).check()
    page = parse(html)
    text = "".join(page.text)
    badges = [a for t, a in page.tags if t == "span" and "badge" in (a.get("class") or "")]
    assert len(badges) >= 2 * len(report.claims)
    for c in report.claims:
        assert c.claim.statement in text
        for q in c.quotes:
            assert q.anchor.text in text
    details = re.findall(r"<details>.*?</details>", html, flags=re.S)
    assert len(details) >= sum(len(c.quotes) for c in report.claims)
    assert "characters 1034–1082" in html and "sha256" in html and "exact" in html


def test_a_timeline_per_dated_series_as_deterministic_svg(html: str) -> None:
    report = Case.load(ROOT).check()
    svgs = re.findall(r"<svg.*?</svg>", html, flags=re.S)
    assert len(svgs) == len(report.findings)  # every bundled series has dated figures
    assert "count if the first year is 2005 (reconciled)" in svgs[0]
    assert "date inferred" in svgs[0]


def test_byte_identical_in_another_process_and_hash_seed(html: str) -> None:
    code = ("import sys, factcheck; "
            "sys.stdout.buffer.write(factcheck.Case.load(sys.argv[1]).check().html().encode())")
    out = subprocess.run([sys.executable, "-c", code, str(ROOT)], capture_output=True,
                         check=True, env={"PYTHONHASHSEED": "99", "PATH": ""}).stdout
    assert out.decode("utf-8") == html


def test_footnotes_link_to_source_urls(case_dir: Path) -> None:
    path = case_dir / "sources" / "001-ians-2025-11-12.md"
    path.write_text(path.read_text(encoding="utf-8").replace(
        'publisher = "IANS"', 'publisher = "IANS"\nurl = "https://www.example.com/ians?a=1&b=2"'),
        encoding="utf-8")
    html = Case.load(case_dir).check().html(timelines=False)
    assert '<a href="https://www.example.com/ians?a=1&amp;b=2" rel="noopener noreferrer">' \
           "www.example.com</a>" in html
    assert_inert(html)


def test_a_conflict_shows_both_sides_quotes(case_dir: Path) -> None:
    path = case_dir / "claims" / "adoption-years.toml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        'value = "21 straight years"', 'value = "19 straight years"').replace(
        "introduced for 21 straight years", "introduced for 19 straight years"), encoding="utf-8")
    source = case_dir / "sources" / "000-yonhap-2025-11-20.md"
    source.write_text(source.read_text(encoding="utf-8").replace(
        "introduced for 21 straight years", "introduced for 19 straight years"), encoding="utf-8")
    html = Case.load(case_dir).check().html(timelines=False)
    sides = re.search(r'<div class="sides">(.*?)</div>\n</div>', html, flags=re.S)
    assert sides is not None
    conflict, others = sides.group(1).split('<div class="side"><h4>The others</h4>')
    assert "introduced for 19 straight years" in conflict
    assert "for 16 consecutive years" in others


def test_cli_writes_html(tmp_path: Path, capsys: pytest.CaptureFixture[str], html: str) -> None:
    target = tmp_path / "brief.html"
    assert main(["brief", "--root", str(ROOT), "--format", "html", "-o", str(target)]) == 0
    assert target.read_text(encoding="utf-8") == html


def test_browser_check_script_runs_or_says_why_not(tmp_path: Path, html: str) -> None:
    page = tmp_path / "brief.html"
    page.write_text(html, encoding="utf-8")
    out = subprocess.run([sys.executable, str(ROOT / "scripts" / "check_html.py"), str(page)],
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stdout + out.stderr
    assert out.stdout.startswith(("skipped: ", "brief.html: title"))


def test_a_fuzzy_quote_lists_its_differences_in_the_details(case_dir: Path) -> None:
    """A quote located fuzzily whose words say otherwise: the details say how."""
    path = case_dir / "claims" / "united-states.toml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "however, did not participate as a co-sponsor", "however, did participate as a "
        "co-sponsor", 1), encoding="utf-8")
    report = Case.load(case_dir).check()
    html = report.html(timelines=False)
    details = re.findall(r"<dt>differences</dt><dd>(.*?)</dd>", html)
    assert len(details) == 1 and "“not”" in details[0], details


def test_timeline_text_is_shown_as_written_not_as_math(case_dir: Path) -> None:
    """matplotlib reads "$…$" as mathtext: a title with two dollar signs would be set in
    italics, and one it cannot parse would fail the whole brief."""
    pytest.importorskip("matplotlib")
    path = case_dir / "claims" / "south-korea.toml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        'title = "South Korea as co-sponsor of the resolution"',
        'title = "Costs of US$5 to US$7"').replace(
        'value = "co-sponsor"', "value = 'co-sponsor $x^$'"), encoding="utf-8")
    html = Case.load(case_dir).check().html()
    svgs = re.findall(r"<svg.*?</svg>", html, flags=re.S)
    assert any("Costs of US$5 to US$7" in s for s in svgs)
    assert any("co-sponsor $x^$" in s for s in svgs)


def test_two_series_whose_ids_differ_only_in_punctuation_get_their_own_svg_ids(
        case_dir: Path) -> None:
    pytest.importorskip("matplotlib")
    for name, old, new in (("south-korea.toml", "south-korea-cosponsor", "sk.cosponsor"),
                           ("united-states.toml", "us-cosponsor-2025", "sk_cosponsor")):
        path = case_dir / "claims" / name
        path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    html = Case.load(case_dir).check().html()
    ids = [a["id"] for _, a in parse(html).tags if a.get("id")]
    assert len(ids) == len(set(ids)), [i for i in ids if ids.count(i) > 1][:5]
