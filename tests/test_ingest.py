"""`factcheck add` on saved pages, local URLs and WARCs built with warcio; no network."""

from __future__ import annotations

import datetime
import functools
import gzip
import hashlib
import http.server
import io
import re
import socket
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import attrs
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from lxml import html as lxml_html
from warcio.archiveiterator import ArchiveIterator
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from factcheck import Case, IngestError, NoArticleText, Source, read_page, verify_raw
from factcheck._toml import check_id
from factcheck.cli import main
from factcheck.errors import UsageError
from factcheck.web import default_id, same_url, slug, source_text

PAGES = Path(__file__).parent / "data" / "pages"
# Words of the cookie banners, menus, related links, newsletters and footers of the pages.
BOILERPLATE = ("cookie", "Accept", "privacy", "Subscribe", "newsletter", "Related",
               "More from", "Most read", "All rights reserved", "Copyright", "Share this",
               "Obituaries", "Front page", "Log in", "partners", "Got it")


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def paragraphs(page: str, xpath: str) -> list[str]:
    """The article's paragraphs as the page prints them: what the body must hold."""
    tree = lxml_html.fromstring((PAGES / page).read_bytes())
    return [" ".join(p.text_content().split()) for p in tree.xpath(xpath)]


def files(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*"))
            if p.is_file()}


def load(root: Path, source_id: str) -> Source:
    path = root / "sources" / f"{source_id}.md"
    return Source.from_text(path.read_text(encoding="utf-8"), source_id, str(path))


# page, id, title, publisher, published, updated, url, author, paragraphs' xpath, note parts
EXPECTED = [
    ("harbor-ledger-flood.html", "harbor-ledger-2025-03-04-floods-in-the-marrow",
     "Floods in the Marrow valley kill at least 41", "The Harbor Ledger",
     datetime.date(2025, 3, 4), None,
     "https://www.harborledger.example/world/marrow-valley-floods", "Tomas Reyes",
     "//div[@class='story-body']/p",
     ("title: from og:title", "publisher: from og:site_name",
      "published: from article:published_time", "url: from link rel=canonical")),
    ("northern-courier-vote.html", "northern-courier-2025-11-19-un-committee-backs",
     "UN committee backs rights resolution for 21st straight year", "Northern Courier",
     datetime.date(2025, 11, 19), datetime.date(2025, 11, 21),
     "https://northerncourier.example/news/politics/un-rights-resolution-21st-year",
     "Mina Park", "//div[@class='article-content']/p",
     ("title: from JSON-LD headline", "published: from JSON-LD datePublished",
      "updated: from JSON-LD dateModified", "author: from JSON-LD author")),
    ("lakeside-tribune-budget.html",
     "lakeside-tribune-2022-11-03-council-approves",
     "Council approves a leaner budget after long night", "Lakeside Tribune",
     datetime.date(2022, 11, 3), None,
     "https://www.lakesidetribune.example/2022/11/03/council-approves-leaner-budget.html", "",
     "//div[@class='entry-content']/p",
     ("published: from the date in the URL path (/2022/11/03/), as the page's metadata "
      "gives none",)),
    ("metro-dispatch-paywall.html", "metro-dispatch-2025-02-17-transit-fares-to-rise",
     "Transit fares to rise by 15 percent in April", "The Metro Dispatch",
     datetime.date(2025, 2, 17), None,
     "https://metrodispatch.example/city/2025/transit-fares-rise", "Jonah Adler",
     "//div[@class='article-body']/p",
     ("published: from <meta name=parsely-pub-date>", "url: from og:url",
      "perhaps only the part before a paywall")),
    ("coastal-wire-amp.html", "coastal-wire-2024-01-16-ferry-operator-cancels",
     "Ferry operator cancels 30 sailings as storm nears", "Coastal Wire",
     datetime.date(2024, 1, 16), None,
     "https://www.coastalwire.example/2024/01/15/ferry-sailings-cancelled-storm",
     "Dana Whitlock", "//article/p",
     # the metadata's date wins over the URL's (a day earlier)
     ("published: from JSON-LD datePublished", "publisher: from JSON-LD publisher")),
    ("valley-gazette-updated.html", "valley-gazette-2025-06-02-water-restrictions",
     "Water restrictions extended to 9 more towns", "Valley Gazette",
     datetime.date(2025, 6, 2), datetime.date(2025, 6, 5),
     "https://valleygazette.example/news/water-restrictions-extended", "Priya Natarajan",
     "//article/p[not(@class)]",
     ("published: from article:published_time",
      "updated: from the text “Updated June 5, 2025”, a revision after publication")),
]


@pytest.mark.parametrize(("page", "sid", "title", "publisher", "published", "updated", "url",
                          "author", "xpath", "notes"), EXPECTED, ids=[e[0] for e in EXPECTED])
def test_add_a_saved_news_page(tmp_path: Path, capsys: pytest.CaptureFixture[str], page: str,
                               sid: str, title: str, publisher: str,
                               published: datetime.date, updated: datetime.date | None,
                               url: str, author: str, xpath: str,
                               notes: tuple[str, ...]) -> None:
    code, out, err = run(capsys, "--root", str(tmp_path), "add", str(PAGES / page))
    assert (code, out) == (0, f"{sid}\n"), err
    source = load(tmp_path, sid)
    assert (source.title, source.publisher, source.published, source.updated, source.url,
            source.author) == (title, publisher, published, updated, url, author)
    expected = paragraphs(page, xpath)
    assert len(expected) >= 2
    for paragraph in expected:
        assert f"\n{paragraph}\n" in f"\n{source.body}", paragraph
    for word in BOILERPLATE:
        assert word.lower() not in source.body.lower(), word
    for part in notes:
        assert part in source.note
    raw = tmp_path / "sources" / ".raw" / f"{sid}.html"
    assert raw.read_bytes() == (PAGES / page).read_bytes()
    assert source.raw == f".raw/{sid}.html"
    assert source.raw_sha256 == hashlib.sha256(raw.read_bytes()).hexdigest()
    assert verify_raw(tmp_path, source) is None
    assert f"added sources/{sid}.md" in err
    (tmp_path / "again").mkdir()  # the same page gives the same files, byte for byte
    run(capsys, "--root", str(tmp_path / "again"), "add", str(PAGES / page))
    assert files(tmp_path / "again") == {k: v for k, v in files(tmp_path).items()
                                         if not k.startswith("again")}


def test_the_same_page_twice_is_refused_and_the_file_kept(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = str(PAGES / "harbor-ledger-flood.html")
    assert run(capsys, "--root", str(tmp_path), "add", page)[0] == 0
    before = files(tmp_path)
    code, out, err = run(capsys, "--root", str(tmp_path), "add", page)
    assert (code, out) == (2, "")
    assert ("already added as sources/harbor-ledger-2025-03-04-floods-in-the-marrow"
            ".md (the same text)") in err
    assert files(tmp_path) == before
    # a copy saved elsewhere, under another URL, is still the same text
    copy = tmp_path / "copy.html"
    copy.write_text((PAGES / "harbor-ledger-flood.html").read_text(encoding="utf-8").replace(
        "harborledger.example/world/", "mirror.example/"), encoding="utf-8")
    before = files(tmp_path)
    assert run(capsys, "--root", str(tmp_path), "add", str(copy))[0] == 2
    assert files(tmp_path) == before


def test_a_page_without_article_text_writes_nothing(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "--root", str(tmp_path), "add", str(PAGES / "no-article.html"))
    assert (code, out) == (2, "")
    assert "no-article.html: no article text found" in err
    assert "Traceback" not in err
    assert files(tmp_path) == {}
    # one bad page among good ones: nothing at all is written, every refusal is named
    code, _, err = run(capsys, "--root", str(tmp_path), "add",
                       str(PAGES / "harbor-ledger-flood.html"), str(PAGES / "no-article.html"))
    assert code == 2 and "nothing was written" in err
    assert files(tmp_path) == {}


def test_skip_adds_the_others(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "--root", str(tmp_path), "add", "--skip",
                         str(PAGES / "no-article.html"), str(PAGES / "harbor-ledger-flood.html"))
    assert (code, out) == (0, "harbor-ledger-2025-03-04-floods-in-the-marrow\n")
    assert "skipped: " in err and "no article text" in err


def test_a_changed_page_at_the_same_url_is_a_new_version(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    first = "harbor-ledger-2025-03-04-floods-in-the-marrow"
    assert run(capsys, "--root", str(tmp_path), "add", str(PAGES / "harbor-ledger-flood.html"))[1]
    before = (tmp_path / "sources" / f"{first}.md").read_bytes()
    code, out, err = run(capsys, "--root", str(tmp_path), "add",
                         str(PAGES / "harbor-ledger-flood-updated.html"))
    assert (code, out) == (0, f"{first}@2025-03-06\n"), err
    assert (tmp_path / "sources" / f"{first}.md").read_bytes() == before
    new = load(tmp_path, f"{first}@2025-03-06")
    assert new.version_of == first
    assert new.updated == datetime.date(2025, 3, 6)
    assert "killing at least 58 people" in new.body
    assert f"version: a new text of the page at this URL, after sources/{first}.md" in new.note
    assert (tmp_path / "sources" / ".raw" / f"{first}@2025-03-06.html").is_file()
    # once more: the same text as the new version is refused
    assert run(capsys, "--root", str(tmp_path), "add",
               str(PAGES / "harbor-ledger-flood-updated.html"))[0] == 2
    # a third text at the URL follows the newest version
    third = tmp_path / "third.html"
    third.write_text((PAGES / "harbor-ledger-flood-updated.html").read_text(
        encoding="utf-8").replace("at least 58", "at least 63").replace(
        "2025-03-06T09:05", "2025-03-08T09:05"), encoding="utf-8")
    code, out, _ = run(capsys, "--root", str(tmp_path), "add", str(third))
    assert (code, out) == (0, f"{first}@2025-03-08\n")
    assert load(tmp_path, f"{first}@2025-03-08").version_of == f"{first}@2025-03-06"


# -- web archives -------------------------------------------------------------------------

WARC_PAGES = [
    ("https://northerncourier.example/news/politics/un-rights-resolution-21st-year",
     "northern-courier-vote.html"),
    ("https://www.lakesidetribune.example/2022/11/03/council-approves-leaner-budget.html",
     "lakeside-tribune-budget.html"),
    ("https://www.coastalwire.example/amp/2024/01/15/ferry-sailings-cancelled-storm",
     "coastal-wire-amp.html"),
]


def build_warc(path: Path, *, compress: bool = True, with_empty: bool = False,
               with_resource: bool = False, pages: list[tuple[str, str]] = WARC_PAGES) -> Path:
    """A small crawl: warcinfo, requests, three article responses, a stylesheet, a redirect;
    optionally a page without text, and a page saved as a resource record (no HTTP)."""
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=compress)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "tests"}))

        def response(url: str, body: bytes, ctype: str, status: str = "200 OK") -> None:
            headers = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(
                url, "request", payload=io.BytesIO(b""),
                http_headers=StatusAndHeaders(f"GET {url} HTTP/1.1", [], is_http_request=True)))
            writer.write_record(writer.create_warc_record(
                url, "response", payload=io.BytesIO(body), http_headers=headers,
                warc_headers_dict={"WARC-Date": "2025-11-22T10:00:00Z"}))

        response("https://northerncourier.example/", b"", "text/html", "301 Moved Permanently")
        for url, page in pages:
            response(url, (PAGES / page).read_bytes(), "text/html; charset=utf-8")
        response("https://northerncourier.example/site.css", b"body{}", "text/css")
        if with_empty:
            response("https://www.harborledger.example/app", (PAGES / "no-article.html")
                     .read_bytes(), "text/html")
        if with_resource:
            writer.write_record(writer.create_warc_record(
                "https://valleygazette.example/news/water-restrictions-extended", "resource",
                payload=io.BytesIO((PAGES / "valley-gazette-updated.html").read_bytes()),
                warc_content_type="text/html; charset=utf-8",
                warc_headers_dict={"WARC-Date": "2025-06-06T08:00:00Z"}))
    return path


def test_add_a_web_archive(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    warc = build_warc(tmp_path / "crawl.warc.gz")
    root = tmp_path / "case"
    root.mkdir()
    code, out, err = run(capsys, "--root", str(root), "add", str(warc))
    ids = ["northern-courier-2025-11-19-un-committee-backs",
           "lakeside-tribune-2022-11-03-council-approves",
           "coastal-wire-2024-01-16-ferry-operator-cancels"]
    assert (code, out.split()) == (0, ids), err
    for sid, (url, page) in zip(ids, WARC_PAGES, strict=True):
        source = load(root, sid)
        assert source.raw == f".raw/{sid}.warc.gz"
        raw = (root / "sources" / source.raw).read_bytes()
        assert hashlib.sha256(raw).hexdigest() == source.raw_sha256
        records = [r for r in ArchiveIterator(io.BytesIO(raw))]
        assert [(r.rec_type, r.rec_headers.get_header("WARC-Target-URI")) for r in records] \
            == [("response", url)]
        assert verify_raw(root, source) is None
        xpath = next(e[8] for e in EXPECTED if e[0] == page)
        for paragraph in paragraphs(page, xpath):
            assert paragraph in source.body
    # the AMP page names its canonical page, not the AMP URL it was captured at
    assert load(root, ids[2]).url.startswith("https://www.coastalwire.example/2024/")
    assert "captured: 2025-11-22, the WARC-Date of page 2 in crawl.warc.gz" in \
        load(root, ids[1]).note
    # added again: all refused, nothing changed
    before = files(root)
    assert run(capsys, "--root", str(root), "add", str(warc))[0] == 2
    assert files(root) == before


def test_captures_of_a_live_page(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    url = "https://www.harborledger.example/world/marrow-valley-floods"
    warc = build_warc(tmp_path / "live.warc.gz", pages=[
        (url, "harbor-ledger-flood.html"), (url, "harbor-ledger-flood.html"),
        (url, "harbor-ledger-flood-updated.html")])
    code, out, err = run(capsys, "--root", str(tmp_path), "add", str(warc))
    first = "harbor-ledger-2025-03-04-floods-in-the-marrow"
    assert (code, out.split()) == (0, [first, f"{first}@2025-03-06"]), err
    assert f"skipped: {warc} page 2 ({url}): the same text as {first}, added once" in err
    assert load(tmp_path, f"{first}@2025-03-06").version_of == first


def test_an_uncompressed_archive_keeps_each_record_gzipped(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    warc = build_warc(tmp_path / "crawl.warc")
    for name in ("a", "b"):
        (tmp_path / name).mkdir()
        assert run(capsys, "--root", str(tmp_path / name), "add", str(warc))[0] == 0
    assert files(tmp_path / "a") == files(tmp_path / "b")  # deterministic gzip
    raw = tmp_path / "a" / "sources" / ".raw" / \
        "lakeside-tribune-2022-11-03-council-approves.warc.gz"
    assert gzip.decompress(raw.read_bytes()).startswith(b"WARC/1.")


def test_archive_pages_without_text(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    warc = build_warc(tmp_path / "crawl.warc.gz", with_empty=True)
    root = tmp_path / "case"
    root.mkdir()
    code, _, err = run(capsys, "--root", str(root), "add", str(warc))
    assert code == 2 and "page 4 (https://www.harborledger.example/app): no article text" in err
    assert files(root) == {}
    code, out, _ = run(capsys, "--root", str(root), "add", "--skip", str(warc))
    assert code == 0 and len(out.split()) == 3


@pytest.mark.parametrize(("content", "message"), [
    (b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 500\r\n\r\nabc",
     "not a readable web archive"),
    (b"", "the archive holds no HTML page"),
])
def test_bad_archives(tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes,
                      message: str) -> None:
    warc = tmp_path / "bad.warc"
    with warc.open("wb") as out:
        out.write(content)
        if not content:  # a well-formed archive with no page in it
            WARCWriter(out, gzip=False).write_record(
                WARCWriter(out).create_warcinfo_record("bad.warc", {"x": "y"}))
    code, _, err = run(capsys, "--root", str(tmp_path), "add", str(warc))
    assert code == 2 and f"{warc}: {message}" in err, err
    assert "Traceback" not in err


# -- keeping the original ----------------------------------------------------------------


@pytest.fixture
def added(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[Path, Path]:
    run(capsys, "--root", str(tmp_path), "add", str(PAGES / "northern-courier-vote.html"))
    return tmp_path, tmp_path / "sources" / "northern-courier-2025-11-19-un-committee-backs.md"


def test_verify_raw_says_a_text_was_edited_by_hand(added: tuple[Path, Path]) -> None:
    root, path = added
    path.write_text(path.read_text(encoding="utf-8").replace("61 countries", "62 countries"),
                    encoding="utf-8")
    message = verify_raw(root, load(root, path.stem)) or ""
    assert message.startswith(f"sources/{path.name}: the text is not what sources/.raw/")
    assert "edited by hand" in message and "body line 3" in message
    assert "co-sponsored by 62 countries" in message and "61 countries" in message
    path.write_text(path.read_text(encoding="utf-8").replace("trafilatura ", "trafilatura 0."))
    assert ", or the extractor changed (trafilatura 0." in (verify_raw(root, load(root, path.stem))
                                                           or "")


def test_verify_raw_a_replaced_or_missing_raw_page(added: tuple[Path, Path]) -> None:
    root, path = added
    source = load(root, path.stem)
    raw = root / "sources" / source.raw
    raw.write_bytes(raw.read_bytes() + b"\n")
    assert "the raw page was replaced since it was added" in (verify_raw(root, source) or "")
    raw.unlink()
    assert verify_raw(root, source) == f"sources/{path.name}: its raw page " \
                                       f"sources/{source.raw} is missing"
    outside = Source(id="x", body="b", raw="../../etc/passwd")
    assert "outside the sources folder" in (verify_raw(root, outside) or "")
    assert verify_raw(root, Source(id="typed-by-hand", body="text")) is None


# -- URLs: fetched from a local server only ------------------------------------------------


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None: ...


@pytest.fixture
def server() -> Iterator[str]:
    handler = functools.partial(_Quiet, directory=str(PAGES))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


def test_add_a_url(tmp_path: Path, capsys: pytest.CaptureFixture[str], server: str) -> None:
    code, out, err = run(capsys, "--root", str(tmp_path), "add",
                         f"{server}/metro-dispatch-paywall.html")
    assert (code, out) == (0, "metro-dispatch-2025-02-17-transit-fares-to-rise\n"), err
    source = load(tmp_path, out.strip())
    assert source.url == "https://metrodispatch.example/city/2025/transit-fares-rise"
    assert f"the day factcheck fetched {server}/metro-dispatch-paywall.html" in source.note
    code, _, err = run(capsys, "--root", str(tmp_path), "add", f"{server}/gone.html")
    assert code == 2 and f"{server}/gone.html: the server answered 404" in err


def test_a_url_offline_is_a_clear_error(tmp_path: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    code, out, err = run(capsys, "--root", str(tmp_path), "add", f"http://127.0.0.1:{port}/a")
    assert (code, out) == (2, "")
    assert "could not fetch the page" in err and "are you offline?" in err
    assert files(tmp_path) == {}



def test_ids_and_bad_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = str(PAGES / "valley-gazette-updated.html")
    code, out, _ = run(capsys, "--root", str(tmp_path), "add", page, "--id", "vg-water")
    assert (code, out) == (0, "vg-water\n")
    assert (tmp_path / "sources" / ".raw" / "vg-water.html").is_file()
    for argv, message in [
        (("add", str(PAGES / "coastal-wire-amp.html"), "--id", "vg-water"),
         "--id vg-water: sources/vg-water.md already exists"),
        (("add", page, "--id", "-bad id"), "an id is letters, digits"),
        (("add", str(PAGES / "nope.html")), "nope.html: no such file"),
        (("add", page, page, "--id", "two"), "names one source, but 2 pages were read"),
    ]:
        code, out, err = run(capsys, "--root", str(tmp_path), *argv)
        assert (code, out) == (2, ""), err
        assert message in err, err
    assert sorted(p.name for p in (tmp_path / "sources").iterdir()) == [".raw", "vg-water.md"]


def test_a_source_that_does_not_load_stops_add(tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "sources").mkdir()
    (tmp_path / "sources" / "broken.md").write_text("no front matter\n", encoding="utf-8")
    code, _, err = run(capsys, "--root", str(tmp_path), "add", str(PAGES / "coastal-wire-amp.html"))
    assert code == 2 and "sources/broken.md:1: a source starts with a '+++' line" in err


def test_same_default_id_other_page_gets_a_suffix(tmp_path: Path) -> None:
    html = (PAGES / "lakeside-tribune-budget.html").read_text(encoding="utf-8")
    other = tmp_path / "other.html"
    other.write_text(html.replace("budget.html", "budget-2.html").replace(
        "voted 7 to 2", "voted 6 to 3"), encoding="utf-8")
    case = Case(sources=(), series=(), claims=(), root=tmp_path)
    first = case.add(PAGES / "lakeside-tribune-budget.html")
    second = case.add(other)
    assert [s.id for s in first + second] == [
        "lakeside-tribune-2022-11-03-council-approves",
        "lakeside-tribune-2022-11-03-council-approves-2"]
    assert second[0].version_of == ""
    with pytest.raises(UsageError, match="this case has no folder"):
        attrs.evolve(case, root=None).add(other)


def test_read_page_in_python() -> None:
    html = (PAGES / "harbor-ledger-flood.html").read_text(encoding="utf-8")
    page = read_page(html)
    assert page.source.id == "" and page.raw == html.encode("utf-8")
    assert page.source.published == datetime.date(2025, 3, 4)
    assert page.source.body == read_page(html.encode("utf-8")).source.body
    assert default_id(page.source) == "harbor-ledger-2025-03-04-floods-in-the-marrow"
    with pytest.raises(NoArticleText, match="<memory>: no article text"):
        read_page("<html><body><nav><a href='/'>Home</a></nav></body></html>")
    # a page saved by a browser remembers its address
    saved = "<!-- saved from url=(0041)https://news.example/2023/05/06/story -->\n" + \
        html.replace('<link rel="canonical"', '<link rel="x"').replace('og:url', 'og:x').replace(
            'article:published_time', 'x:y').replace('<time datetime="2025-03-04T08:15:00Z">',
                                                     '<time>').replace(  # a profile URL, a "By"
            '<meta name="author" content="Tomas Reyes">', '<meta property="article:author" '
            'content="https://x.example/tr"><meta name="author" content="By Tomas Reyes">')
    source = read_page(saved).source
    assert (source.url, source.author) == ("https://news.example/2023/05/06/story", "Tomas Reyes")
    assert source.published == datetime.date(2023, 5, 6)
    assert "url: where the page was read from" in source.note


def test_a_page_in_another_encoding(tmp_path: Path) -> None:
    html = (PAGES / "coastal-wire-amp.html").read_text(encoding="utf-8").replace(
        '<meta charset="utf-8">', '<meta charset="windows-1252">').replace(
        "The island ferry operator", "The island’s ferry operator").replace("⚡", "amp")
    page = read_page(html.encode("windows-1252"))
    assert "The island’s ferry operator" in page.source.body
    assert page.raw == html.encode("windows-1252")


def test_without_the_web_libraries(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "trafilatura", None)
    with pytest.raises(IngestError, match=re.escape("pip install 'factcheck[web]'")):
        read_page("<html><body><p>text</p></body></html>")


# -- laws -------------------------------------------------------------------------------

dates = st.none() | st.dates(datetime.date(1900, 1, 1), datetime.date(2100, 12, 31))


@given(publisher=st.text(max_size=40), title=st.text(max_size=120), published=dates,
       body=st.text(min_size=1, max_size=200))
def test_a_default_id_is_always_a_valid_id(publisher: str, title: str,
                                           published: datetime.date | None, body: str) -> None:
    assume(body.strip())
    sid = default_id(Source(id="", body=body, title=title, publisher=publisher,
                            published=published))
    assert check_id(sid, "source", source=True) == "", sid
    assert check_id(f"{sid}@2025-03-06", "source", source=True) == ""


@given(st.text(max_size=200), st.integers(1, 60))
def test_a_slug_is_short_lowercase_ascii(text: str, limit: int) -> None:
    s = slug(text, limit)
    assert re.fullmatch(r"([a-z0-9]+(-[a-z0-9]+)*)?", s)
    assert len(s) <= limit
    assume(s)
    assert slug(s, limit) == s


field = st.text(st.characters(exclude_categories=("Cs",)), max_size=60)


@given(title=field, publisher=field, author=field, note=field,
       url=st.sampled_from(["", "https://news.example/2025/03/06/a.html?b=c#d", "http://x.org"]),
       published=dates, updated=dates,
       body=st.text(st.characters(exclude_characters="\r", exclude_categories=("Cs",)),
                    min_size=1, max_size=300))
def test_written_sources_load_back(title: str, publisher: str, author: str, note: str, url: str,
                                   published: datetime.date | None,
                                   updated: datetime.date | None, body: str) -> None:
    assume(body.strip())
    source = Source(id="s@2025-01-01", body=body, title=title, publisher=publisher,
                    author=author, note=note, url=url, published=published, updated=updated,
                    raw=".raw/s@2025-01-01.html", raw_sha256="ab" * 32, version_of="s")
    loaded = Source.from_text(source_text(source), source.id)
    assert loaded == attrs.evolve(source, location=loaded.location)


def test_round_trip_page_to_brief(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """saved page → add → extract → a claim → check and brief, over two versions."""
    root = str(tmp_path)
    (tmp_path / "claims").mkdir()
    for page in ("harbor-ledger-flood.html", "harbor-ledger-flood-updated.html"):
        assert run(capsys, "--root", root, "add", str(PAGES / page))[0] == 0
    (tmp_path / "claims" / "floods.toml").write_bytes((PAGES / "floods-claims.toml").read_bytes())
    code, out, _ = run(capsys, "--root", root, "extract", "--format", "toml")
    assert code == 0 and 'text = "Flash floods tore through villages' in out
    code, out, err = run(capsys, "--root", root, "check")
    assert code == 0, out + err
    assert ("2025-03-04: at least 41 (`toll-first-report`); then 2025-03-06: at least 58 "
            "(`toll-revised`)") in out
    code, out, _ = run(capsys, "--root", root, "brief")
    assert code == 0
    assert ("“killing at least 41 people” — The Harbor Ledger, “Floods in the Marrow valley "
            "kill at least 41”, 4 Mar 2025, "
            "<https://www.harborledger.example/world/marrow-valley-floods>") in out
    case = Case.load(root)
    assert all(verify_raw(root, s) is None for s in case.sources)


def test_a_page_saved_as_a_resource_record(tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    warc = build_warc(tmp_path / "crawl.warc.gz", with_resource=True)
    root = tmp_path / "case"
    root.mkdir()
    code, out, _ = run(capsys, "--root", str(root), "add", str(warc))
    assert code == 0 and out.split()[-1] == "valley-gazette-2025-06-02-water-restrictions"
    source = load(root, "valley-gazette-2025-06-02-water-restrictions")
    assert source.updated == datetime.date(2025, 6, 5)
    assert verify_raw(root, source) is None


def test_dates_from_text_or_none() -> None:
    lede = "<p>" + "The harbour board met on Monday and agreed a new plan for the docks. " * 3
    in_text = read_page(f"<html><body><article><h1>Docks</h1><p>Harbour news, 2021-05-12</p>"
                        f"{lede}</p></article></body></html>").source
    assert in_text.published == datetime.date(2021, 5, 12)
    assert "published: from a date in the page's text (htmldate)" in in_text.note
    labelled = read_page(f"<html><body><article><h1>Docks</h1><p>Posted 12 May 2021</p>"
                         f"{lede}</p></article></body></html>", url="https://a.example/2020/"
                         "01/02/docks").source
    assert labelled.published == datetime.date(2021, 5, 12)  # before the URL's date
    assert "published: from the text “Posted 12 May 2021”" in labelled.note
    undated = read_page(f"<html><body><article>{lede}</p></article></body></html>").source
    assert undated.published is None and undated.updated is None
    assert "published: none found in the page, its metadata or its URL (undated)" in \
        undated.note
    assert default_id(undated).startswith("undated-the-harbour-board")


@settings(max_examples=40)
@given(st.sampled_from(["http", "https"]), st.sampled_from(["", "www."]),
       st.from_regex(r"[a-z]{1,8}\.example", fullmatch=True),
       st.from_regex(r"(/[a-z0-9]{1,6}){0,3}/?", fullmatch=True))
def test_same_url_ignores_scheme_www_and_trailing_slash(scheme: str, www: str, host: str,
                                                        path: str) -> None:
    url = f"{scheme}://{www}{host}{path}"
    assert same_url(url, url.rstrip("/") or url)
    assert same_url(url, f"https://{host.upper()}{path}#section")
    assert not same_url(url, f"https://other-{host}{path}")
