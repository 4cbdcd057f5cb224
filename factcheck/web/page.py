"""One web page read into a source: its main text (trafilatura), its dates (htmldate),
its metadata, and a note saying where each field was read.

The heavy libraries are imported on first use, so that ``import factcheck`` stays fast
and works without them; a missing one is a clear :class:`~factcheck.errors.IngestError`.
"""

from __future__ import annotations

import copy
import datetime
import importlib
import importlib.metadata
import json
import re
from collections.abc import Iterator
from types import ModuleType
from typing import Any
from urllib.parse import urljoin, urlsplit

import attrs

from factcheck._toml import check_url
from factcheck.errors import IngestError, NoArticleText
from factcheck.model import Source

__all__ = ["body_of", "decode", "extract_text", "extractor_version", "MIN_TEXT", "Page",
           "read_page", "require", "url_date"]

# Shorter than this, what trafilatura finds is a stray line, not an article.
MIN_TEXT = 80
# Never an article, and trafilatura sometimes takes them for one on an empty page.
_PRUNE = (
    "//*[contains(translate(@id,'COKIE','cokie'),'cookie') or "
    "contains(translate(@class,'COKIE','cokie'),'cookie') or "
    "contains(@id,'consent') or contains(@class,'consent') or "
    "contains(@id,'gdpr') or contains(@class,'gdpr')]"
    "|//amp-consent|//amp-sidebar|//noscript"
)
_ARTICLE_TYPES = {"newsarticle", "article", "reportagenewsarticle", "analysisnewsarticle",
                  "blogposting", "opinionnewsarticle", "backgroundnewsarticle", "report",
                  "scholarlyarticle", "liveblogposting", "webpage"}
_URL_DATE = re.compile(r"/((?:19|20)\d{2})/(0?[1-9]|1[0-2])/(0?[1-9]|[12]\d|3[01])(?:/|$|[-_.])")
_ISO_DAY = re.compile(r"((?:19|20)\d{2})-(\d{2})-(\d{2})")
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
_LABELLED = re.compile(
    r"\b(published|posted|first published|updated|last updated|modified|last modified)"
    rf"\s*:?\s*(?:on\s+)?((?:\d|{_MONTH}\s+\d)[^|·•\n]{{4,36}})", re.IGNORECASE)
_BOILERPLATE = re.compile(r"nav|footer|aside|related|sidebar|cookie|consent|newsletter|promo",
                          re.IGNORECASE)
_HIDDEN = {"script", "style", "nav", "footer", "aside", "noscript", "template"}
_BLOCKS = {"p", "div", "li", "br", "h1", "h2", "h3", "h4", "section", "article", "header"}
_AUTHOR_JUNK = re.compile(
    r"\b(published|updated|posted|modified|\d{1,2}:\d{2}|(?:19|20)\d{2})\b", re.IGNORECASE)


@attrs.frozen
class Page:
    """A page read and extracted, not yet written: the source it becomes and its original.

    ``source.id`` is the default id (publisher, date, title slug); ``raw`` is what is
    kept beside the source (the page's bytes, or its WARC record), ``raw_suffix`` its
    extension; ``origin`` names where it was read from, for messages; ``captured`` is
    the day an archive or a fetch took it, if known.
    """

    source: Source
    raw: bytes
    raw_suffix: str = ".html"
    origin: str = "<memory>"
    captured: datetime.date | None = None


def require(name: str) -> ModuleType:
    """Import one of the optional web libraries, or say how to install them."""
    try:
        return importlib.import_module(name)
    except ImportError as exc:
        raise IngestError(
            f"reading web pages needs trafilatura, htmldate and warcio ({exc}); "
            "install them with: pip install 'factcheck[web]'") from None


def extractor_version() -> str:
    return f"trafilatura {importlib.metadata.version('trafilatura')}"


def decode(html: bytes, charset: str = "") -> str:
    """The page's text: in the HTTP charset, else UTF-8 (with or without a byte-order
    mark), else its <meta charset>, else the best guess of trafilatura's decoder."""
    candidates = [charset] if charset else []
    if html.startswith(b"\xef\xbb\xbf"):
        candidates.append("utf-8-sig")
    candidates.append("utf-8")  # text that is valid UTF-8 is UTF-8, whatever <meta> says
    found = re.search(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_:.-]+)""", html[:4096],
                      re.IGNORECASE)
    if found:
        candidates.append(found.group(1).decode("ascii"))
    for name in candidates:
        try:
            return html.decode(name)
        except (LookupError, UnicodeDecodeError):
            continue
    text: str = require("trafilatura.utils").decode_file(html)
    return text


def body_of(text: str) -> str:
    """A source body from trafilatura's text: one paragraph per block, blank lines between."""
    paragraphs = [" ".join(line.split()) for line in text.splitlines()]
    return "\n\n".join(p for p in paragraphs if p) + "\n"


def extract_text(html: str) -> str:
    """The article's main text as a source body, or "" when the page has none."""
    trafilatura = require("trafilatura")
    text = trafilatura.extract(
        html, favor_precision=True, include_comments=False,
        include_tables=True, include_links=False, deduplicate=False, prune_xpath=_PRUNE,
        output_format="txt", with_metadata=False)
    if not text or len(" ".join(text.split())) < MIN_TEXT:
        return ""
    return body_of(text)


# -- metadata, and where each field came from ----------------------------------------


@attrs.frozen
class _Clue:
    label: str  # how the note names it: "og:title", "JSON-LD datePublished"
    value: str


def _clean(value: object) -> str:
    return " ".join(str(value).split()) if value is not None else ""


def _json_objects(data: Any) -> Iterator[dict[str, Any]]:
    if isinstance(data, list):
        for item in data:
            yield from _json_objects(item)
    elif isinstance(data, dict):
        yield data
        if "@graph" in data:
            yield from _json_objects(data["@graph"])


def _types(obj: dict[str, Any]) -> set[str]:
    kind = obj.get("@type", "")
    kinds = kind if isinstance(kind, list) else [kind]
    return {str(k).lower() for k in kinds}


def _names(value: Any) -> list[str]:
    if isinstance(value, list):
        return [n for v in value for n in _names(v)]
    if isinstance(value, dict):
        return [_clean(value.get("name"))] if value.get("name") else []
    return [_clean(value)] if isinstance(value, str) and value.strip() else []


@attrs.define
class _Clues:
    """Every metadata clue a page gives, in document order, by field."""

    fields: dict[str, list[_Clue]] = attrs.field(factory=dict)
    paywalled: bool = False

    def add(self, field: str, label: str, value: object) -> None:
        text = _clean(value)
        if text:
            self.fields.setdefault(field, []).append(_Clue(label, text))

    def get(self, field: str) -> list[_Clue]:
        return self.fields.get(field, [])


def _gather(tree: Any, published_keys: set[str], modified_keys: set[str]) -> _Clues:
    clues = _Clues()
    for meta in tree.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").lower()
        content = meta.get("content")
        if not key or content is None:
            continue
        label = key if ":" in key or "." in key else f"<meta name={key}>"
        if key in ("og:title", "twitter:title", "dc.title", "headline"):
            clues.add("title", label, content)
        elif key in ("og:site_name", "application-name", "publisher", "dc.publisher"):
            clues.add("publisher", label, content)
        elif key in ("author", "article:author", "parsely-author", "dc.creator", "byl",
                     "sailthru.author"):
            clues.add("author", label, content)
        elif key in ("og:url", "twitter:url"):
            clues.add("url", label, content)
        if key in published_keys:
            clues.add("published", label, content)
        if key in modified_keys:
            clues.add("updated", label, content)
    for link in tree.iter("link"):
        if (link.get("rel") or "").lower() == "canonical" and link.get("href"):
            clues.fields.setdefault("url", []).insert(0, _Clue("link rel=canonical",
                                                               link.get("href").strip()))
    for script in tree.iter("script"):
        if (script.get("type") or "").lower() != "application/ld+json" or not script.text:
            continue
        try:
            data = json.loads(script.text)
        except ValueError:
            continue
        for obj in _json_objects(data):
            kinds = _types(obj)
            if kinds & _ARTICLE_TYPES:
                clues.add("title", "JSON-LD headline", obj.get("headline"))
                clues.add("published", "JSON-LD datePublished", obj.get("datePublished"))
                clues.add("updated", "JSON-LD dateModified", obj.get("dateModified"))
                for name in _names(obj.get("author")):
                    clues.add("author", "JSON-LD author", name)
                for name in _names(obj.get("publisher")):
                    clues.add("publisher", "JSON-LD publisher", name)
                main = obj.get("mainEntityOfPage")
                main_url = main.get("@id") if isinstance(main, dict) else main
                clues.add("url", "JSON-LD mainEntityOfPage", main_url)
                if obj.get("isAccessibleForFree") in (False, "False", "false"):
                    clues.paywalled = True
            elif "website" in kinds or "newsmediaorganization" in kinds:
                kind = "WebSite" if "website" in kinds else "NewsMediaOrganization"
                clues.add("publisher", f"JSON-LD {kind} name", obj.get("name"))
    for time in tree.iter("time"):
        if time.get("datetime"):
            field = "updated" if "modified" in (time.get("itemprop") or "").lower() or \
                "updated" in (time.get("class") or "").lower() else "published"
            clues.add(field, "<time datetime>", time.get("datetime"))
    title = tree.find(".//title")
    if title is not None and title.text:
        clues.add("title", "the <title> element", title.text)
    for h1 in tree.iter("h1"):
        clues.add("title", "the <h1> headline", h1.text_content())
    for field, label, value in _labelled_dates(tree):
        clues.add(field, label, value)
    return clues


def _visible_text(tree: Any) -> str:
    """The page's text outside scripts, navigation, footers, asides and related links,
    one line per block."""
    body = tree.find(".//body")
    body = copy.deepcopy(body if body is not None else tree)
    unwanted = [el for el in body.iter()
                if not isinstance(el.tag, str) or el.tag in _HIDDEN or _BOILERPLATE.search(
                    f"{el.get('class') or ''} {el.get('id') or ''}")]
    for el in unwanted:
        if el.getparent() is not None:
            el.drop_tree()
    for el in body.iter():
        if isinstance(el.tag, str) and el.tag in _BLOCKS:
            el.tail = "\n" + (el.tail or "")
    return str(body.text_content())


def _labelled_dates(tree: Any) -> Iterator[tuple[str, str, str]]:
    """Dates the page's own text labels: "Published June 2, 2025 | Updated June 5, 2025"."""
    for match in _LABELLED.finditer(_visible_text(tree)):
        word = match.group(1).lower()
        field = "updated" if "updated" in word or "modified" in word else "published"
        yield field, f"the text “{' '.join(match.group(0).split())}”", match.group(2)


def _day(value: str, htmldate: ModuleType) -> datetime.date | None:
    found = _ISO_DAY.match(value.strip())
    if found:
        try:
            return datetime.date(*(int(g) for g in found.groups()))
        except ValueError:
            return None
    parsed = htmldate.find_date(f"<html><body><p>{_escape(value)}</p></body></html>",
                                extensive_search=True, url="")
    return datetime.date.fromisoformat(parsed) if parsed else None


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def url_date(url: str) -> datetime.date | None:
    """The date a URL's path spells as /YYYY/MM/DD/, if any.

    >>> url_date("https://news.example/2022/11/03/budget.html")
    datetime.date(2022, 11, 3)
    >>> url_date("https://news.example/world/budget") is None
    True
    >>> url_date("https://news.example/2022/02/30/budget") is None   # no such day
    True
    """
    found = _URL_DATE.search(urlsplit(url).path)
    if not found:
        return None
    try:
        return datetime.date(*(int(g) for g in found.groups()))
    except ValueError:
        return None


def _explain(value: str, clues: list[_Clue], *, fallback: str) -> str:
    """Where a value trafilatura read came from: the first clue that gives it."""
    for clue in clues:
        if clue.value == value:
            return f"from {clue.label}"
    for clue in clues:
        if clue.label == "the <title> element" and value and value in clue.value:
            return "from the <title> element, without the site's name"
    return fallback


def _dated(field: str, clues: _Clues, day: datetime.date,
           htmldate: ModuleType) -> str | None:
    for clue in clues.get(field):
        if _day(clue.value, htmldate) == day:
            return clue.label
    return None


def read_page(html: bytes | str, *, url: str = "", origin: str = "<memory>",
              charset: str = "", raw: bytes | None = None, raw_suffix: str = ".html",
              captured: datetime.date | None = None, captured_how: str = "") -> Page:
    """Read one HTML page into a :class:`Page`: main text, metadata, dates and a note.

    *url* is where the page was read from (a fetched URL, a WARC record's target), used
    when the page names no canonical URL; *captured* the day it was read, if known, and
    *captured_how* how that is known (for the note). Raises :class:`~factcheck.errors.IngestError`
    when the page has no article text.
    """
    text = decode(html, charset) if isinstance(html, bytes) else html
    raw_bytes = raw if raw is not None else (html if isinstance(html, bytes)
                                             else html.encode("utf-8"))
    trafilatura = require("trafilatura")
    htmldate = require("htmldate")
    hcore = require("htmldate.core")
    given = url or _saved_from(text)
    url = _http_url(given)  # IE and Edge note about:internet; a WARC may hold urn:…
    dropped = [given] if given and not url else []
    body = extract_text(text)
    if not body:
        raise NoArticleText(f"{origin}: no article text found (the page may need JavaScript, "
                          "or be an index or login page)")
    tree = trafilatura.load_html(text)
    published_keys = set(hcore.DATE_ATTRIBUTES) - {"meta"}
    modified_keys = set(hcore.PROPERTY_MODIFIED) | set(hcore.NAME_MODIFIED)
    clues = _gather(tree, published_keys, modified_keys)
    meta = trafilatura.extract_metadata(text, default_url=url or None)
    notes: list[str] = []

    title = _clean(meta.title) if meta is not None else ""
    if title:
        notes.append("title: " + _explain(title, clues.get("title"),
                                          fallback="as trafilatura reads the page"))

    named = _clean(meta.url) if meta is not None and meta.url else ""
    page_url = _http_url(named, url) if named else url
    if named and not page_url:
        dropped.append(named)
        page_url = url
    if page_url:
        how = _explain(page_url, [_Clue(c.label, _http_url(c.value, url))
                                  for c in clues.get("url")], fallback="")
        notes.append("url: " + (how or ("where the page was read from" if page_url == url
                                        else "as trafilatura reads the page")))
    if dropped:
        notes.append("url: " + ", ".join(repr(_cut(u)) for u in dropped)
                     + " left out, not an http(s) URL")

    publisher = ""
    if clues.get("publisher"):
        publisher = clues.get("publisher")[0].value
        notes.append(f"publisher: from {clues.get('publisher')[0].label}")
    elif meta is not None and _clean(meta.sitename):
        publisher = _clean(meta.sitename)
        notes.append("publisher: the site's name as trafilatura reads it")
    elif page_url:
        publisher = urlsplit(page_url).hostname or ""
        notes.append("publisher: the site's host name (the page names no publisher)")

    author = next((_Clue(c.label, re.sub(r"(?i)^by\s+", "", c.value))
                   for c in clues.get("author")
                   if not _AUTHOR_JUNK.search(c.value) and "://" not in c.value), None)
    if author is not None:  # (article:author is often a profile's URL: not a name)
        notes.append(f"author: from {author.label}")
    elif meta is not None and meta.author:
        parts = [p.strip() for p in meta.author.split(";")]
        author = _Clue("", "; ".join(p for p in parts if p and not _AUTHOR_JUNK.search(p)))
        if author.value:
            notes.append("author: from the byline, as trafilatura reads it")

    published, note = _published(text, clues, page_url, htmldate)
    notes.append(note)
    updated, note = _updated(text, clues, published, htmldate)
    if note:
        notes.append(note)
    if captured is not None:
        notes.append(f"captured: {captured.isoformat()}, {captured_how or 'when it was read'}")
    notes.append(f"text: the article's main text as {extractor_version()} extracts it" + (
        ", perhaps only the part before a paywall (the page says isAccessibleForFree false)"
        if clues.paywalled else ""))
    source = Source(
        id="", body=body, title=title, publisher=publisher, published=published,
        url=page_url, author=author.value if author else "", updated=updated,
        note="; ".join(notes))
    return Page(source, raw_bytes, raw_suffix, origin, captured)


def _published(html: str, clues: _Clues, url: str,
               htmldate: ModuleType) -> tuple[datetime.date | None, str]:
    """The publication date, best evidence first: the page's metadata (as htmldate reads
    it), a date its text labels ("Published 2 June 2025"), the URL's path, any other date
    htmldate finds in the page; else none."""
    # url="" keeps htmldate from preferring the URL: a date in the URL comes later.
    found = htmldate.find_date(html, extensive_search=False, original_date=True, url="")
    day = datetime.date.fromisoformat(found) if found else None
    if day is not None:
        label = _dated("published", clues, day, htmldate)
        if label is not None:
            return day, f"published: from {label}"
    for clue in clues.get("published"):
        said = _day(clue.value, htmldate) if clue.label.startswith("the text") else None
        if said is not None:
            return said, f"published: from {clue.label}, as the page's metadata gives none"
    in_url = url_date(url) if url else None
    if in_url is not None:
        shown = _URL_DATE.search(urlsplit(url).path)
        return in_url, (f"published: from the date in the URL path "
                        f"({shown.group(0) if shown else url}), as the page's metadata "
                        "gives none")
    if day is not None:
        return day, "published: from a date in the page's text (htmldate), as the page's " \
                    "metadata gives none"
    return None, "published: none found in the page, its metadata or its URL (undated)"


def _updated(html: str, clues: _Clues, published: datetime.date | None,
             htmldate: ModuleType) -> tuple[datetime.date | None, str]:
    if published is None:
        return None, ""
    best: tuple[datetime.date, str] | None = None
    found = htmldate.find_date(html, extensive_search=False, original_date=False, url="")
    if found:
        day = datetime.date.fromisoformat(found)
        label = _dated("updated", clues, day, htmldate)
        if label is not None and day > published:
            best = (day, label)
    for clue in clues.get("updated"):
        said = _day(clue.value, htmldate)
        if said is not None and said > published and (best is None or said > best[0]):
            best = (said, clue.label)
    if best is None:
        return None, ""
    return best[0], f"updated: from {best[1]}, a revision after publication"


def _http_url(value: str, base: str = "") -> str:
    """*value*, made absolute against *base*, if that is an http(s) URL a source may
    carry (:func:`factcheck._toml.check_url`); else ""."""
    try:
        joined = urljoin(base, value) if base else value
    except ValueError:  # "http://[::1/x": an unclosed IPv6 address
        return ""
    return "" if check_url(joined) else joined


def _cut(text: str, limit: int = 80) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _saved_from(html: str) -> str:
    """The URL a browser notes when it saves a page: <!-- saved from url=(0042)https://… -->."""
    found = re.search(r"<!--\s*saved from url=\(\d+\)(\S+?)\s*-->", html[:2048])
    return found.group(1) if found else ""
