"""Pages into the case: ids, duplicates and versions, the source file and its raw page,
and the check that a source's text is still what its raw page extracts to."""

from __future__ import annotations

import datetime
import hashlib
import io
import re
import unicodedata
from collections.abc import Iterable, Sequence
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import attrs

from factcheck._toml import check_id
from factcheck.errors import IngestError, LoadError, Problems
from factcheck.io import why, write_atomic
from factcheck.load import load_sources, read_bytes, source_limit
from factcheck.model import Source
from factcheck.tomlw import toml_value
from factcheck.web.inputs import gather, html_of
from factcheck.web.page import Page, decode, extract_text, extractor_version, require

__all__ = ["add_pages", "Added", "default_id", "RAW_FOLDER", "same_url", "slug",
           "source_text", "verify_raw"]

RAW_FOLDER = ".raw"
_FIELDS = ("title", "publisher", "author", "published", "updated", "url", "version_of",
           "raw", "raw_sha256", "note")


@attrs.frozen
class Added:
    """What :func:`add_pages` wrote, and what it passed over: pages refused (only with
    ``skip``) and repeated captures of a text added once."""

    sources: tuple[Source, ...]
    skipped: tuple[str, ...] = ()


def slug(text: str, limit: int = 40) -> str:
    """Lower-case ASCII words joined by hyphens, cut at a word boundary within *limit*.

    >>> slug("Floods in the Marrow valley kill at least 41")
    'floods-in-the-marrow-valley-kill-at'
    >>> slug("Ça coûte 2,30 € !")
    'ca-coute-2-30'
    """
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", ascii_text.lower())
    out = ""
    for word in words:
        candidate = f"{out}-{word}" if out else word
        if len(candidate) > limit:
            break
        out = candidate
    return out or (words[0][:limit] if words else "")


def default_id(source: Source) -> str:
    """Publisher, date and a slug of the title: ``harbor-ledger-2025-03-04-floods-in-the-marrow``.

    A source without a date says ``undated``; without a title, the slug is made from the
    start of its text.
    """
    publisher = re.sub(r"(?i)^the\s+", "", source.publisher)
    words = _trim(slug(source.title, 24) or slug(" ".join(source.body.split()[:8]), 24))
    parts = [slug(publisher, 24),
             source.published.isoformat() if source.published else "undated",
             words or source.sha256[:8]]
    return "-".join(p for p in parts if p)


_TRAILING = {"a", "an", "the", "of", "in", "on", "at", "to", "for", "by", "and", "or", "as",
             "with", "from"}


def _trim(words: str) -> str:
    """A slug without the little words a cut can leave at its end ("…-kill-at")."""
    parts = words.split("-")
    while len(parts) > 1 and parts[-1] in _TRAILING:
        parts.pop()
    return "-".join(parts)


def source_text(source: Source) -> str:
    """The text of ``sources/<id>.md``: TOML front matter between ``+++`` lines, then the body.

    Fields left empty are left out; the order is fixed, so the same page gives the same
    bytes.
    """
    lines = ["+++"]
    for field in _FIELDS:
        value = getattr(source, field)
        if isinstance(value, datetime.date):
            lines.append(f"{field} = {value.isoformat()}")
        elif value:
            lines.append(f"{field} = {toml_value(value)}")
    lines.append("+++")
    return "\n".join(lines) + "\n" + source.body


def same_url(a: str, b: str) -> bool:
    """Two URLs name the same page: scheme and host case, ``www.``, a trailing slash and the
    fragment aside.

    >>> same_url("https://WWW.news.example/a/b/#top", "http://news.example/a/b")
    True
    """
    return bool(a) and bool(b) and _url_key(a) == _url_key(b)


def _url_key(url: str) -> str:
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").lower().removeprefix("www.")
    return urlunsplit(("", host, parts.path.rstrip("/") or "/", parts.query, ""))


def _version_day(source: Source) -> datetime.date:
    return source.updated or source.published or datetime.date.min


def _place(page: Page, known: Sequence[Source], taken: set[str],
           source_id: str | None) -> Source | str:
    """The source a page becomes among the *known* ones, or why it is refused."""
    new = page.source
    for old in known:
        if old.sha256 == new.sha256:
            return (f"{page.origin}: already added as sources/{old.id}.md (the same text); "
                    "left unchanged")
    versions = [old for old in known if same_url(old.url, new.url)]
    note = new.note
    version_of = ""
    if versions:
        latest = max(versions, key=lambda s: (_version_day(s), s.id))
        day, how = _new_version_day(page)
        base = latest.id.split("@")[0]
        wanted = source_id or f"{base}@{day.isoformat()}"
        version_of = latest.id
        note += (f"; version: a new text of the page at this URL, after sources/{latest.id}.md, "
                 f"dated by {how}")
    else:
        wanted = source_id or default_id(new)
    if source_id is not None and source_id in taken:
        return f"{page.origin}: --id {source_id}: sources/{source_id}.md already exists"
    chosen, n = wanted, 1
    while chosen in taken:
        n += 1
        chosen = f"{wanted}-{n}"
    raw = f"{RAW_FOLDER}/{chosen}{page.raw_suffix}"
    return attrs.evolve(new, id=chosen, note=note, version_of=version_of, raw=raw,
                        raw_sha256=hashlib.sha256(page.raw).hexdigest())


def _new_version_day(page: Page) -> tuple[datetime.date, str]:
    if page.source.updated is not None:
        return page.source.updated, "the page's update date"
    if page.captured is not None:
        return page.captured, "the day it was captured"
    if page.source.published is not None:
        return page.source.published, "its publication date (the page gives no update date)"
    return datetime.date.today(), "the day it was added (the page gives no date)"


def add_pages(root: str | Path, targets: Iterable[str | Path], *, source_id: str | None = None,
              skip: bool = False, max_source_bytes: int | None = None) -> Added:
    """Read every page of *targets* and write each as ``sources/<id>.md`` with its raw page
    in ``sources/.raw/``.

    A page already in the case (same text) or without article text is refused: then
    nothing at all is written and :class:`~factcheck.errors.IngestError` lists every
    refusal — unless *skip*, when the others are written and the refusals returned. A
    page whose URL is already a source's but whose text changed becomes a new version,
    ``<id>@<date>``, with ``version_of`` naming the newest earlier one.

    The case's sources are read as :func:`~factcheck.load.load_case` reads them (a source
    that does not load stops the run); they and every page read are bounded by
    *max_source_bytes* (default ``$FACTCHECK_MAX_SOURCE_BYTES``, else 50 MiB).
    """
    root = Path(root)
    if not root.is_dir():
        raise IngestError(f"{root}: no such folder")
    if source_id is not None and (problem := check_id(source_id, "source", source=True)):
        raise IngestError(f"--id: {problem}")
    limit = source_limit(max_source_bytes)
    known = list(load_sources(root, max_source_bytes=limit))
    # sources/README.md is the folder's notes, which load never reads as a source
    taken = {s.id for s in known} | {"README"}
    raw_folder = root / "sources" / RAW_FOLDER
    try:
        if raw_folder.is_dir():  # a raw page left behind is never written over
            taken |= {p.name.removesuffix(".warc.gz").removesuffix(".html")
                      for p in raw_folder.iterdir()}
    except OSError as exc:
        raise IngestError(f"{raw_folder}: cannot be listed ({why(exc)})") from None
    pages: list[Page] = []
    refused: list[str] = []
    for target in targets:
        for item in gather(target, limit=limit):
            if isinstance(item, Page):
                pages.append(item)
            else:
                refused.append(str(item))
    if source_id is not None and len(pages) + len(refused) > 1:
        raise IngestError(f"--id {source_id}: names one source, but "
                          f"{len(pages) + len(refused)} pages were read")
    planned: list[tuple[Source, Page]] = []
    repeats: list[str] = []
    for page in pages:
        twin = next((s for s, _ in planned if s.sha256 == page.source.sha256), None)
        if twin is not None:  # two captures of one text in this run: added once
            repeats.append(f"{page.origin}: the same text as {twin.id}, added once")
            continue
        placed = _place(page, known + [s for s, _ in planned], taken, source_id)
        if isinstance(placed, str):
            refused.append(placed)
            continue
        try:  # what is written must load back: else this page alone is refused
            Source.from_text(source_text(placed), placed.id, f"sources/{placed.id}.md")
        except LoadError as exc:
            refused.append(f"{page.origin}: its source would not load back ("
                           + "; ".join(f"{p.location.key}: {p.message}" if p.location.key
                                       else p.message for p in exc.problems) + ")")
            continue
        taken.add(placed.id)
        planned.append((placed, page))
    if refused and not skip:
        raise IngestError("\n".join(refused) + "\nnothing was written")
    if planned:
        raw_folder.mkdir(parents=True, exist_ok=True)
    for source, page in planned:
        raw = root / "sources" / source.raw
        write_atomic(raw, page.raw)
        try:
            write_atomic(root / "sources" / f"{source.id}.md", source_text(source))
        except BaseException:
            raw.unlink(missing_ok=True)  # no raw page without its source
            raise
    return Added(tuple(s for s, _ in planned), tuple(refused + repeats))


# -- verifying a source against its raw page ---------------------------------------------


def verify_raw(root: str | Path, source: Source) -> str | None:
    """None when *source* has no raw page or its text is what the raw page extracts to;
    otherwise a message for people: the raw page is missing or replaced, or the text was
    edited by hand (with the first line that differs)."""
    if not source.raw:
        return None
    where = f"sources/{source.id}.md"
    shown = f"sources/{source.raw}"
    cannot = f"{where}: cannot verify its text against {shown}: "
    try:
        folder = (Path(root) / "sources").resolve()
        path = (folder / source.raw).resolve()
        present = path.exists()
    except (OSError, RuntimeError, ValueError) as exc:
        return cannot + why(exc)
    if folder not in path.parents:
        return f"{where}: raw {source.raw!r} is outside the sources folder"
    if not present:
        return f"{where}: its raw page {shown} is missing"
    problems = Problems()
    try:
        data = read_bytes(path, source_limit(), shown, problems)
    except LoadError as exc:  # $FACTCHECK_MAX_SOURCE_BYTES is no number
        return cannot + str(exc)
    if data is None:
        return cannot + "; ".join(p.message for p in problems.items)
    if source.raw_sha256 and hashlib.sha256(data).hexdigest() != source.raw_sha256:
        return (f"{shown}: the raw page was replaced since it was added (its sha256 is not "
                f"the raw_sha256 in {where})")
    try:  # the web extra may not be installed where the case is checked
        html, charset = _raw_html(data, path)
        extracted = extract_text(decode(html, charset))
    except (IngestError, OSError) as exc:
        return cannot + str(exc)
    if extracted == source.body:
        return None
    ours, theirs = source.body.split("\n"), extracted.split("\n")
    line = next((i for i, (a, b) in enumerate(zip(ours, theirs, strict=False)) if a != b),
                min(len(ours), len(theirs)))
    mine = ours[line] if line < len(ours) else "(end of text)"
    page = theirs[line] if line < len(theirs) else "(end of text)"
    then = re.search(r"as (trafilatura \S+) extracts it", source.note)
    cause = "it was edited by hand"
    if then and then.group(1) != extractor_version():
        cause = (f"it was edited by hand, or the extractor changed ({then.group(1)} read it, "
                 f"{extractor_version()} is installed)")
    return (f"{where}: the text is not what {shown} extracts to, so {cause} "
            f"(body line {line + 1} reads “{_short(mine)}” where the page gives "
            f"“{_short(page)}”)")


def _short(text: str, limit: int = 80) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _raw_html(data: bytes, path: Path) -> tuple[bytes, str]:
    if not path.name.endswith(".warc.gz"):
        return data, ""
    archive = require("warcio.archiveiterator")
    try:
        for record in archive.ArchiveIterator(io.BytesIO(data)):
            html = html_of(record)
            if html is not None:
                return html
    except Exception as exc:  # warcio raises bare Exceptions for damaged archives
        raise IngestError(f"not a readable web archive record ({exc})") from None
    raise IngestError("the archive record holds no HTML page")
