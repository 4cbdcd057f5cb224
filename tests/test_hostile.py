"""Hostile text stays text: in every format, a source's or a claim's words render inert.

The corpus goes into a source's body (inside a quoted passage), title, publisher and url,
and into a claim's statement; then every format is rendered and parsed. The escaping
functions are also tested alone, with hostile ids, urls and file names.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import attrs
import cmarkgfm
import pytest
from cmarkgfm.cmark import Options
from markdown_it import MarkdownIt
from mdit_py_plugins.footnote import footnote_plugin

from factcheck import Case, Report
from factcheck.render import escape
from factcheck.render.text import check_text
from tests.conftest import ROOT
from tests.test_html import assert_inert, parse

HOSTILE = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    '"><svg onload=alert(1)>',
    "<a href=\"javascript:alert(1)\">click</a>",
    "javascript:alert(1)",
    "[click](javascript:alert(1))",
    "![img](https://evil.example/x.png)",
    "[ref]: https://evil.example",
    "<https://evil.example>",
    "https://evil.example/plain www.evil.example",
    "[^1]",
    "\n[^1]: forged footnote",
    "[^99]: forged footnote",
    "^[inline note]",
    "a | b | c",
    "|---|---|",
    "line one\nline two\n\n# heading",
    "\n- list item\n> quote",
    "`code` and ``double``",
    "```\nfenced\n```",
    "~~~python\nx\n~~~",
    "{{ 7*7 }} {% raw %} {# c #}",
    "{{ ''.__class__.__mro__ }}",
    "\u202eevil\u202c reversed \u2066isolated\u2069",
    "zero\u200bwidth\u200djoin\ufeffbom",
    "W" * 500,
    "*bold* _it_ **b** __u__ ~~s~~",
    "<!-- comment --> <?php ?> <![CDATA[x]]>",
    "&lt;script&gt; &amp; &#x3C;b&#x3E;",
    "\\[^1\\] \\| \\` backslashes",
    "1. ordered\n2. list",
    "$\\href{javascript:alert(1)}{x}$",
    "<style>body{display:none}</style>",
    "\x00\x07 control \x1b[31m",
]
assert len(HOSTILE) >= 30

HOSTILE_IDS = ["vote`<img src=x onerror=alert(1)>`", "id\n[^1]: forged\n<script>x</script>",
               "zz`<img src=x onerror=alert(2)>`.md", "../../etc/passwd", "a|b"]
HOSTILE_URLS = ["javascript:alert(1)", "script", "JaVaScRiPt:alert(1)", " javascript:x",
                "java\u200bscript:alert(1)", "data:text/html,<script>x</script>",
                "vbscript:x", "//evil.example", "https://ok.example/<script>",
                "https://ok.example/a b\n[^1]: x", "http://", "file:///etc/passwd"]


def visible(text: str) -> str:
    """What a reader should see of *text*: invisible characters gone, whitespace as one."""
    text = escape.strip_invisible(text)
    text = re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", "", text)
    return " ".join(text.split())


def toml_str(text: str) -> str:
    return json.dumps(text)  # a TOML basic string: JSON's escapes are TOML's


def hostile_report(root: Path, h: str) -> Report:
    """The bundled case with *h* in a source's body (inside a quoted passage), title,
    publisher and url, and in a claim's statement.

    The body and the quote go through the files and the loader; the metadata is set on
    the loaded case, so that the renderers are tested on their own even where load
    validation (ids, urls) would refuse the value first.
    """
    for sub in ("claims", "sources"):
        shutil.copytree(ROOT / sub, root / sub)
    src = root / "sources" / "000-yonhap-2025-11-20.md"
    body = h.replace("\x00", "").replace("\x07", "").replace("\x1b", "")  # bodies are text
    src.write_text(src.read_text(encoding="utf-8").replace(
        "The resolution, introduced", f"Note {body} The resolution, introduced"),
        encoding="utf-8")
    claims = root / "claims" / "adoption-years.toml"
    claims.write_text(claims.read_text(encoding="utf-8").replace(
        'text = "The resolution, introduced for 21 straight years"',
        f"text = {toml_str(f'Note {body} The resolution, introduced for 21 straight years')}"),
        encoding="utf-8")
    case = Case.load(root)
    sources = tuple(attrs.evolve(s, publisher="Yonhap " + h, title=h, url=h)
                    if s.id == "000-yonhap-2025-11-20" else s for s in case.sources)
    claims_ = tuple(attrs.evolve(c, statement="The resolution has been introduced " + h)
                    if c.id == "introduced-21-straight-years" else c for c in case.claims)
    return attrs.evolve(case, sources=sources, claims=claims_).check()


def md_renderers(text: str) -> list[str]:
    mdit = MarkdownIt("commonmark").use(footnote_plugin).enable("table").render(text)
    cmark = cmarkgfm.github_flavored_markdown_to_html(
        text, options=Options.CMARK_OPT_FOOTNOTES | Options.CMARK_OPT_UNSAFE)
    return [mdit, cmark]


@pytest.fixture(scope="module")
def baseline_lines() -> int:
    return len(check_text(Case.load(ROOT).check()).splitlines())


@pytest.mark.parametrize("h", HOSTILE, ids=[f"h{i}" for i in range(len(HOSTILE))])
def test_every_format_keeps_hostile_text_inert(tmp_path: Path, h: str,
                                               baseline_lines: int) -> None:
    report = hostile_report(tmp_path, h)
    claim = report.claim("introduced-21-straight-years")
    assert claim.support.value == "supported"  # the hostile passage was found and cited
    shown = visible(h)

    brief = report.brief()
    for html in md_renderers(brief):  # cmark-gfm even with raw HTML allowed
        page = assert_inert(html)
        tags = {t for t, _ in page.tags}
        assert not tags & {"script", "img", "svg", "style", "h4", "pre", "code", "ol"} - {"ol"}
        text = " ".join("".join(page.text).split())
        if shown:
            assert shown in text, (shown, text[:300])
        notes = [a for t, a in page.tags if t == "li" and (a.get("id") or "").startswith("fn")]
        assert len(notes) == len(report.claims), "a footnote was forged or lost"
        for table in re.findall(r"<table>.*?</table>", html, flags=re.S):
            cells = [row.count("<td") + row.count("<th") for row in
                     re.findall(r"<tr>.*?</tr>", table, flags=re.S)]
            assert len(set(cells)) == 1, cells

    html = report.html(timelines=False)
    page = assert_inert(html)
    assert sum(t == "style" for t, _ in page.tags) == 1
    if shown:
        assert shown in " ".join("".join(page.text).split())

    reviews = json.loads(report.claimreview())
    text = report.claimreview()
    assert "<" not in text and ">" not in text and "\u202e" not in text
    review = next(r for r in reviews if r["url"] == "#claim-introduced-21-straight-years")
    assert visible(review["claimReviewed"]) == visible("The resolution has been introduced " + h)
    for work in review["itemReviewed"]["appearance"]:
        assert "url" not in work or work["url"].startswith(("http://", "https://"))

    data = json.loads(report.to_json())
    source = next(s for s in data["sources"] if s["id"] == "000-yonhap-2025-11-20")
    assert source["publisher"] == ("Yonhap " + h).strip() or h.strip() in source["publisher"]

    assert len(check_text(report).splitlines()) == baseline_lines


@pytest.mark.parametrize("h", HOSTILE + HOSTILE_IDS + HOSTILE_URLS)
def test_markdown_escape_is_one_inert_line(h: str) -> None:
    out = escape.markdown(h)
    assert "\n" not in out and "\r" not in out
    doc = f"| a | b |\n|---|---|\n| {out} | x |\n\n- {out}\n\n[^1]: {out}\n\nText[^1]\n"
    for html in md_renderers(doc):
        page = assert_inert(html)
        assert [t for t, _ in page.tags].count("td") == 2
        if visible(h):
            assert visible(h) in " ".join("".join(page.text).split())


@pytest.mark.parametrize("h", HOSTILE + HOSTILE_IDS + HOSTILE_URLS)
def test_html_escape_is_inert(h: str) -> None:
    page = parse(f'<p title="{escape.html(h)}">{escape.html(h)}</p>')
    assert [t for t, _ in page.tags] == ["p"]
    assert visible(page.tags[0][1]["title"] or "") == visible(h)


@pytest.mark.parametrize("h", HOSTILE + HOSTILE_IDS + HOSTILE_URLS)
def test_jsonld_escape_round_trips_and_cannot_close_a_script(h: str) -> None:
    out = escape.jsonld({"name": h})
    assert "<" not in out and ">" not in out and "&" not in out
    assert json.loads(out)["name"] == escape.strip_invisible(h)


@pytest.mark.parametrize("url", HOSTILE_URLS + HOSTILE)
def test_only_http_links(url: str) -> None:
    safe = escape.safe_url(url)
    assert safe == "" or re.match(r"^https?://[^\s<>\"`|\\^{}]+$", safe), safe
    md = escape.markdown_url(url)
    assert md == "" or md == f"<{safe}>"
    for bad in ("javascript:alert(1)", "script", "data:text/html,<script>x</script>",
                "java\u200bscript:alert(1)", "//evil.example", "file:///etc/passwd"):
        assert escape.safe_url(bad) == ""


@pytest.mark.parametrize("bad", HOSTILE_IDS)
def test_hostile_ids_and_urls_render_inert_even_unvalidated(bad: str) -> None:
    """Ids and urls are validated at load; the renderers must be safe without that."""
    case = Case.load(ROOT)
    old = "000-yonhap-2025-11-20"
    sources = tuple(attrs.evolve(s, id=bad, url="javascript:alert(1)") if s.id == old
                    else attrs.evolve(s, url="script") for s in case.sources)
    claims = tuple(attrs.evolve(
        c, id=f"{bad}-{i}" if i % 3 == 0 else c.id, series=c.series and (
            bad if c.series == "adoption-years" else c.series),
        quotes=tuple(attrs.evolve(q, source=bad if q.source == old else q.source)
                     for q in c.quotes)) for i, c in enumerate(case.claims))
    series = tuple(attrs.evolve(s, id=bad) if s.id == "adoption-years" else s
                   for s in case.series)
    report = attrs.evolve(case, sources=sources, claims=claims, series=series).check()
    brief = report.brief()
    for html in md_renderers(brief):
        page = assert_inert(html)
        notes = [a for t, a in page.tags if t == "li" and (a.get("id") or "").startswith("fn")]
        assert len(notes) == len(report.claims)
    assert_inert(report.html(timelines=False))
    text = report.claimreview()
    assert "javascript" not in text and "<" not in text
    for review in json.loads(text):
        assert re.match(r"^#claim-[A-Za-z0-9_.-]+$", review["url"])
