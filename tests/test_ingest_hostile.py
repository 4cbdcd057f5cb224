"""`factcheck add` on bad input: damaged cases, odd files, bad URLs and broken servers.

Every refusal is an IngestError or LoadError naming the file or URL, never a traceback or a
hang; no test uses the network (a local server answers, or the URL is refused before any
connection).
"""

from __future__ import annotations

import http.server
import os
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from factcheck import Case, IngestError, read_page, verify_raw
from factcheck.load import MAX_BYTES_ENV
from tests.test_ingest import PAGES, files, load, run

PAGE = PAGES / "harbor-ledger-flood.html"
SID = "harbor-ledger-2025-03-04-floods-in-the-marrow"


def add(capsys: pytest.CaptureFixture[str], root: Path, *argv: str) -> tuple[int, str, str]:
    code, out, err = run(capsys, "--root", str(root), "add", *argv)
    assert "Traceback" not in err
    return code, out, err


# -- the case's own sources are read as `check` reads them ------------------------------


def a_case(root: Path) -> Path:
    (root / "sources").mkdir(parents=True)
    (root / "sources" / "a.md").write_text("+++\n+++\nBody.", encoding="utf-8")
    return root / "sources"


def test_a_fifo_among_the_sources_is_refused_without_hanging(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    os.mkfifo(a_case(tmp_path) / "x.md")
    code, _, err = add(capsys, tmp_path, str(PAGE))
    assert code == 2
    assert "sources/x.md: not a regular file (a FIFO); inputs are plain files" in err
    assert sorted(files(tmp_path)) == ["sources/a.md"]


def test_a_source_symlinked_from_outside_the_case_is_refused(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    outside = tmp_path / "outside.md"
    outside.write_text("+++\n+++\nSecret.", encoding="utf-8")
    root = tmp_path / "case"
    (a_case(root) / "leak.md").symlink_to(outside)
    code, _, err = add(capsys, root, str(PAGE))
    assert code == 2 and "sources/leak.md: a symlink leading outside the case folder" in err


def test_the_source_size_limit_holds_for_add(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    (a_case(tmp_path) / "big.md").write_text("+++\n+++\n" + "x" * 2000, encoding="utf-8")
    monkeypatch.setenv(MAX_BYTES_ENV, "1000")
    code, _, err = add(capsys, tmp_path, str(PAGE))
    assert code == 2 and "sources/big.md: 2,008 bytes, over the limit of 1,000 bytes" in err
    code, _, err = run(capsys, "--max-source-bytes", "3000", "--root", str(tmp_path), "add",
                       str(PAGE))
    assert code == 2  # the page itself is larger than 3,000 bytes
    assert f"{PAGE}: " in err and "over the limit of 3,000 bytes" in err


@pytest.mark.parametrize(("make", "message"), [
    (lambda p: p.write_bytes(b"+++\n+++\nCaf\xe9."),
     "sources/x.md:3: not UTF-8 text (invalid continuation byte at byte 11)"),
    (lambda p: p.mkdir(), "sources/x.md: not a regular file (a folder)"),
])
def test_a_bad_source_file_is_named_with_its_line(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], make: object, message: str) -> None:
    make(a_case(tmp_path) / "x.md")  # type: ignore[operator]
    code, _, err = add(capsys, tmp_path, str(PAGE))
    assert code == 2 and message in err, err


def test_an_unreadable_source_file_is_a_load_error(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    if os.geteuid() == 0:
        pytest.skip("root reads any file")
    path = a_case(tmp_path) / "x.md"
    path.write_text("+++\n+++\nBody.", encoding="utf-8")
    path.chmod(0)
    code, _, err = add(capsys, tmp_path, str(PAGE))
    assert code == 2 and "sources/x.md: cannot be read (permission denied)" in err


def test_readme_is_never_an_id(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """sources/README.md is the folder's notes, not a source: --id README would be lost."""
    (a_case(tmp_path) / "README.md").write_text("# notes\n", encoding="utf-8")
    code, _, err = add(capsys, tmp_path, str(PAGE), "--id", "README")
    assert code == 2 and "--id README: sources/README.md already exists" in err


# -- ids -----------------------------------------------------------------------------------


@pytest.mark.parametrize("bad", ["foo@bar", "x" * 201, "a@2025-02-30", "-x", "a b"])
def test_an_id_follows_the_rule_of_every_source_id(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], bad: str) -> None:
    code, _, err = add(capsys, tmp_path, str(PAGE), f"--id={bad}")
    assert code == 2 and err.startswith(f"factcheck: --id: source id {bad!r}"), err
    assert files(tmp_path) == {}


def test_an_id_with_a_version_suffix_is_accepted(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = add(capsys, tmp_path, str(PAGE), "--id", "ledger@2025-03-05")
    assert (code, out) == (0, "ledger@2025-03-05\n"), err


def test_the_weak_id_pattern_is_gone() -> None:
    import factcheck.web
    import factcheck.web.store

    assert not hasattr(factcheck.web, "ID") and not hasattr(factcheck.web.store, "ID")
    assert "ID" not in factcheck.web.__all__
    assert all(hasattr(factcheck.web, name) for name in factcheck.web.__all__)


# -- a page's URL --------------------------------------------------------------------------


SAVED_BY_IE = "<!-- saved from url=(0014)about:internet -->\n"


def page_without_url() -> str:
    """The flood page with no URL of its own: no canonical link, no og:url."""
    return PAGE.read_text(encoding="utf-8").replace('<link rel="canonical"', '<link rel="x"') \
        .replace("og:url", "og:x")


def test_a_page_saved_by_internet_explorer_is_added_without_its_url(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Review: about:internet reached Source.url and the round trip raised a LoadError
    naming a file never written, for every page of the batch."""
    saved = tmp_path / "saved.html"
    saved.write_text(SAVED_BY_IE + page_without_url(), encoding="utf-8")
    source = read_page(saved.read_bytes()).source
    assert source.url == ""
    assert "url: 'about:internet' left out, not an http(s) URL" in source.note
    root = tmp_path / "case"
    root.mkdir()
    code, out, err = add(capsys, root, str(saved))
    assert code == 0, err
    assert load(root, out.strip()).url == ""


@pytest.mark.parametrize("url", ["javascript:alert(1)", "http://[::1/x", "/relative/only",
                                 "urn:uuid:1234", "http://exa mple.com/"])
def test_a_page_url_that_is_no_http_url_is_left_out(url: str) -> None:
    """Where a page was read from (a WARC record's target, a saved page's note) is kept
    only when it is an http(s) URL, as a source's url must be."""
    source = read_page(page_without_url(), url=url).source
    assert source.url == "" and f"url: {url!r} left out, not an http(s) URL" in source.note


def test_a_page_that_would_not_load_back_is_refused_alone(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    """If a page still made a source that does not load back, that page alone is refused
    (and with --skip the others are added), naming the page, not an unwritten file."""
    import factcheck.web.page

    monkeypatch.setattr(factcheck.web.page, "check_url", lambda url: "")  # let a bad URL by
    saved = tmp_path / "saved.html"
    saved.write_text(SAVED_BY_IE + page_without_url(), encoding="utf-8")
    root = tmp_path / "case"
    root.mkdir()
    code, _, err = add(capsys, root, str(saved), str(PAGES / "coastal-wire-amp.html"))
    assert code == 2 and f"{saved}: its source would not load back" in err, err
    assert "url: expected an http:// or https:// URL, got 'about:internet'" in err
    assert files(root) == {}
    code, out, err = add(capsys, root, "--skip", str(saved), str(PAGES / "coastal-wire-amp.html"))
    assert (code, out) == (0, "coastal-wire-2024-01-16-ferry-operator-cancels\n"), err
    assert f"skipped: {saved}: its source would not load back" in err


# -- verify_raw without the web libraries -----------------------------------------------


def test_check_says_a_raw_page_cannot_be_verified_without_the_web_extra(
        tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Review: a case with raw pages failed outright (exit 2) without trafilatura."""
    assert add(capsys, tmp_path, str(PAGE))[0] == 0
    source = load(tmp_path, SID)
    monkeypatch.setitem(sys.modules, "trafilatura", None)
    message = verify_raw(tmp_path, source) or ""
    assert message.startswith(f"sources/{SID}.md: cannot verify its text against "
                              f"sources/.raw/{SID}.html: ")
    assert "pip install 'factcheck[web]'" in message
    report = Case.load(tmp_path, claims_required=False).check()
    assert [n["message"] for n in report.source_notes] == [message]


def test_a_raw_page_over_the_limit_is_not_read(
        tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    assert add(capsys, tmp_path, str(PAGE))[0] == 0
    source = load(tmp_path, SID)
    monkeypatch.setenv(MAX_BYTES_ENV, "100")
    assert "over the limit of 100 bytes" in (verify_raw(tmp_path, source) or "")
    raw = tmp_path / "sources" / source.raw
    raw.unlink()
    os.mkfifo(raw)  # never opened: a FIFO would hang the read
    assert "not a regular file (a FIFO)" in (verify_raw(tmp_path, source) or "")


# -- reading pages and fetching URLs -------------------------------------------------------


def test_a_gzip_file_of_junk_is_an_ingest_error(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    junk = tmp_path / "junk.warc.gz"
    junk.write_bytes(b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03" + b"\xff" * 40)
    root = tmp_path / "case"
    root.mkdir()
    code, _, err = add(capsys, root, str(junk))
    assert code == 2 and f"{junk}: a damaged gzip file" in err, err


def test_a_saved_page_over_the_limit_is_refused(
        tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(MAX_BYTES_ENV, "1000")
    code, _, err = add(capsys, tmp_path, str(PAGE))
    assert code == 2 and f"{PAGE}: " in err and "over the limit of 1,000 bytes" in err
    assert files(tmp_path) == {}


@pytest.mark.parametrize("url", ["https://[::1/x", "http://exa mple.com/", "http://",
                                 "https://\x00/"])
def test_a_malformed_url_is_refused_before_any_connection(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
        url: str) -> None:
    import urllib.request

    def no_network(*args: object, **kwargs: object) -> None:
        raise AssertionError("no connection may be tried")

    monkeypatch.setattr(urllib.request, "urlopen", no_network)
    with pytest.raises(IngestError, match="expected an http:// or https:// URL"):
        Case(sources=(), series=(), claims=(), root=tmp_path).add(url)
    code, _, err = add(capsys, tmp_path, url)
    assert code == 2 and "expected an http:// or https:// URL" in err


class _Broken(http.server.BaseHTTPRequestHandler):
    """Promises more than it sends (a dropped connection), or sends a large page."""

    def do_GET(self) -> None:
        body = PAGE.read_bytes()
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        if self.path == "/truncated":
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body[:100])
        elif self.path == "/chunked":
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            self.wfile.write(b"%x\r\n%s\r\n0\r\n\r\n" % (len(body), body))
        else:
            self.send_header("Connection", "close")  # no length: read until closed
            self.end_headers()
            self.wfile.write(body)
        self.close_connection = True

    def log_message(self, format: str, *args: object) -> None: ...


@pytest.fixture
def broken() -> Iterator[str]:
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Broken)
    thread = threading.Thread(target=httpd.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


def test_a_truncated_response_is_an_ingest_error(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], broken: str) -> None:
    code, _, err = add(capsys, tmp_path, f"{broken}/truncated")
    assert code == 2 and f"{broken}/truncated: could not fetch the page" in err, err
    assert files(tmp_path) == {}


@pytest.mark.parametrize("path", ["/chunked", "/unbounded"])
def test_a_fetched_page_over_the_limit_is_refused(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
        broken: str, path: str) -> None:
    code, out, err = add(capsys, tmp_path, f"{broken}{path}")  # within the limit: added
    assert (code, out) == (0, f"{SID}\n"), err
    monkeypatch.setenv(MAX_BYTES_ENV, "1000")
    (tmp_path / "other").mkdir()
    code, _, err = add(capsys, tmp_path / "other", f"{broken}{path}")
    assert code == 2 and f"{broken}{path}: " in err and "over the limit of 1,000 bytes" in err
