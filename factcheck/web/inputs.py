"""Where pages come from: a saved HTML file, a URL fetched on request, or a web archive
(WARC, plain or gzipped), of which every HTML response is a page."""

from __future__ import annotations

import datetime
import gzip
import importlib.metadata
import re
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

from factcheck._toml import check_url
from factcheck.errors import IngestError, LoadError, NoArticleText, Problems
from factcheck.io import why
from factcheck.load import MAX_BYTES_ENV, read_bytes, source_limit
from factcheck.web.page import Page, read_page, require

__all__ = ["fetch", "FETCH_TIMEOUT", "gather", "html_of", "is_url", "read_pages", "read_warc"]

FETCH_TIMEOUT = 30.0
_HTML_TYPES = ("text/html", "application/xhtml+xml")


def is_url(target: str | Path) -> bool:
    return isinstance(target, str) and re.match(r"(?i)https?://", target) is not None


def read_pages(target: str | Path, *, limit: int | None = None) -> list[Page]:
    """Every page *target* holds: one for a saved page or a URL, one per HTML response
    for a web archive. A URL (``http://`` or ``https://``) is fetched; nothing else is.
    A saved or fetched page may hold at most *limit* bytes (default
    ``$FACTCHECK_MAX_SOURCE_BYTES``, else 50 MiB).

    Raises :class:`~factcheck.errors.IngestError` naming every page that cannot be read
    or has no article text.
    """
    read = gather(target, limit=limit)
    refused = [r for r in read if isinstance(r, IngestError)]
    if refused:
        raise IngestError("\n".join(str(e) for e in refused))
    return [r for r in read if isinstance(r, Page)]


def gather(target: str | Path, *, limit: int | None = None) -> list[Page | IngestError]:
    """Like :func:`read_pages`, with each page refused for want of text in its place.

    The whole target still raises when it cannot be read at all.
    """
    try:
        limit = source_limit(limit)
    except LoadError as exc:
        raise IngestError(str(exc)) from None
    if is_url(target):
        return [_attempt(fetch, str(target), limit=limit)]
    path = Path(target)
    try:
        if path.is_dir():
            raise IngestError(f"{path}: is a folder; name a saved page or a web archive")
        if not path.exists():
            raise IngestError(f"{path}: no such file" + (
                " (a URL must start with http:// or https://)" if "://" not in str(target)
                and "." in path.name and not path.suffix else ""))
        if not path.is_file():  # never opened: a FIFO would hang the read
            raise IngestError(f"{path}: not a regular file (a FIFO, a device or a socket); "
                              "name a saved page or a web archive")
        if _head(path).startswith(b"WARC/"):
            return read_warc(path)
        problems = Problems()  # the real path: read_bytes follows no symlink itself
        data = read_bytes(path.resolve(strict=True), limit, str(path), problems)
    except (OSError, RuntimeError, ValueError) as exc:
        raise IngestError(f"{path}: cannot be read ({why(exc)})") from None
    if data is None:
        raise IngestError("\n".join(str(p) for p in problems.items))
    return [_attempt(read_page, data, origin=str(path))]


def _attempt(read: Callable[..., Page], *args: Any, **kwargs: Any) -> Page | IngestError:
    try:
        return read(*args, **kwargs)
    except NoArticleText as exc:
        return exc


def _head(path: Path) -> bytes:
    with path.open("rb") as fh:
        start = fh.read(2)
        fh.seek(0)
        if start == b"\x1f\x8b":
            try:
                with gzip.GzipFile(fileobj=fh) as gz:
                    return gz.read(5)
            except (OSError, EOFError, zlib.error) as exc:
                raise IngestError(f"{path}: a damaged gzip file ({exc})") from None
        return fh.read(5)


def fetch(url: str, *, limit: int | None = None) -> Page:
    """Fetch a page over the network (only ever called for a URL the user gave); a page
    larger than *limit* bytes (default ``$FACTCHECK_MAX_SOURCE_BYTES``, else 50 MiB) is
    refused."""
    import http.client  # here, not at the top: urllib.request pulls in ssl and http
    import urllib.error
    import urllib.request

    if problem := check_url(url):
        raise IngestError(f"{url!r}: {problem}")
    try:
        limit = source_limit(limit)
    except LoadError as exc:
        raise IngestError(str(exc)) from None
    version = importlib.metadata.version("factcheck")
    try:
        request = urllib.request.Request(url, headers={
            "User-Agent": f"factcheck/{version} (source-cited fact-checking)",
            "Accept": "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1"})
        with urllib.request.urlopen(request, timeout=FETCH_TIMEOUT) as response:
            data = _body(response, limit, url)
            final = response.geturl()
            ctype = response.headers.get_content_type()
            charset = response.headers.get_content_charset() or ""
    except urllib.error.HTTPError as exc:
        raise IngestError(f"{url}: the server answered {exc.code} {exc.reason}") from None
    except (urllib.error.URLError, TimeoutError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        raise IngestError(
            f"{url}: could not fetch the page ({reason}); are you offline? You can save the "
            "page in a browser and add the saved file instead") from None
    except (http.client.HTTPException, ValueError) as exc:  # a dropped connection, a bad URL
        raise IngestError(f"{url}: could not fetch the page ({type(exc).__name__}: {exc}); "
                          "you can save the page in a browser and add the saved file "
                          "instead") from None
    if ctype not in _HTML_TYPES:
        raise IngestError(f"{url}: not a web page (the server sent {ctype})")
    today = datetime.datetime.now(datetime.UTC).date()
    return read_page(data, url=final, origin=url, charset=charset, captured=today,
                     captured_how=f"the day factcheck fetched {final}")


def _body(response: Any, limit: int, url: str) -> bytes:
    """The response's body, at most *limit* bytes. With a Content-Length it is read whole
    (a connection dropped early is an IncompleteRead); without, up to *limit* + 1 bytes."""
    length = getattr(response, "length", None)
    if length is not None and length > limit:
        raise IngestError(_too_big(url, length, limit))
    if length is not None:
        data: bytes = response.read()
        return data
    chunks, size = [], 0
    while size <= limit and (chunk := response.read(min(1 << 20, limit + 1 - size))):
        chunks.append(chunk)
        size += len(chunk)
    if size > limit:
        raise IngestError(_too_big(url, size, limit, more=True))
    return b"".join(chunks)


def _too_big(url: str, size: int, limit: int, *, more: bool = False) -> str:
    shown = f"more than {limit:,}" if more else f"{size:,}"
    return (f"{url}: {shown} bytes, over the limit of {limit:,} bytes; raise it with "
            f"--max-source-bytes or ${MAX_BYTES_ENV}")


def read_warc(path: Path) -> list[Page | IngestError]:
    """One page per HTML response (status 2xx) or resource record, in archive order.

    Each page keeps its own record as a one-record ``.warc.gz`` (the record's gzip member
    as it is in a gzipped archive; the record gzipped, deterministically, otherwise).
    """
    archive = require("warcio.archiveiterator")
    found: list[tuple[int, int, bytes, str, str, datetime.date | None]] = []
    with path.open("rb") as fh:
        gzipped = fh.read(2) == b"\x1f\x8b"
        fh.seek(0)
        records = archive.ArchiveIterator(fh)
        try:
            for record in records:
                html = html_of(record)
                if html is None:
                    continue
                payload, charset = html
                uri = record.rec_headers.get_header("WARC-Target-URI") or ""
                records.read_to_end(record)
                found.append((records.get_record_offset(), records.get_record_length(),
                              payload, uri, charset,
                              _warc_day(record.rec_headers.get_header("WARC-Date"))))
        except Exception as exc:  # warcio raises bare Exceptions for damaged archives
            raise IngestError(f"{path}: not a readable web archive ({exc})") from None
        pages: list[Page | IngestError] = []
        for n, (offset, length, payload, uri, charset, day) in enumerate(found, 1):
            fh.seek(offset)
            record_bytes = fh.read(length)
            raw = record_bytes if gzipped else gzip.compress(record_bytes, mtime=0)
            pages.append(_attempt(
                read_page, payload, url=uri, origin=f"{path} page {n} ({uri})",
                charset=charset, raw=raw, raw_suffix=".warc.gz", captured=day,
                captured_how=f"the WARC-Date of page {n} in {path.name}"))
    if not found:
        raise IngestError(f"{path}: the archive holds no HTML page (no text/html response)")
    return pages


def html_of(record: Any) -> tuple[bytes, str] | None:
    """The HTML payload of a WARC response or resource record and its charset, else None."""
    kind = record.rec_type
    if kind == "response":
        http = record.http_headers
        if http is None or not http.get_statuscode().startswith("2"):
            return None
        ctype = http.get_header("Content-Type") or ""
    elif kind == "resource":
        ctype = record.rec_headers.get_header("Content-Type") or ""
    else:
        return None
    mime = ctype.split(";")[0].strip().lower()
    if mime not in _HTML_TYPES:
        return None
    charset = re.search(r"charset=([\w.:-]+)", ctype, re.IGNORECASE)
    data: bytes = record.content_stream().read()
    return data, charset.group(1) if charset else ""


def _warc_day(value: str | None) -> datetime.date | None:
    if not value:
        return None
    try:
        return datetime.date.fromisoformat(value[:10])
    except ValueError:
        return None
