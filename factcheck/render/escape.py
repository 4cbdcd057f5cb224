"""One escaping function per output format, and the one rule for links.

Every value that comes from the user's files (source bodies, titles, publishers, urls,
ids, claim statements) reaches a brief through exactly one of these:

* :func:`markdown` — Markdown text that shows literally: no links, images, HTML, code,
  tables, headings or footnotes can start inside it, and it never spans lines;
* :func:`html` — HTML text (``markupsafe`` escaping), used as the finalizer of the HTML
  templates, with autoescape on;
* :func:`jsonld` — JSON-LD text that may be pasted into an HTML ``<script>`` block
  (``<``, ``>``, ``&`` and line separators are written as ``\\u`` escapes).

All three drop the invisible characters that reorder or hide text (direction overrides
and isolates, zero-width spaces): they cannot change what a reader sees, only hide it.
:func:`safe_url` is the one rule for links: only ``http`` and ``https``.

>>> print(markdown("a | b [^1] <script>*x*"))
a \\| b \\[\\^1\\] \\<script\\>\\*x\\*
>>> str(html('<img src=x onerror="alert(1)">'))
'&lt;img src=x onerror=&#34;alert(1)&#34;&gt;'
>>> jsonld({"a": "</script>"})
'{\\n  "a": "\\\\u003c/script\\\\u003e"\\n}'
>>> safe_url("javascript:alert(1)"), safe_url("script"), safe_url("https://example.org/a b")
('', '', 'https://example.org/a%20b')
"""

from __future__ import annotations

import json
import re
from typing import Any
from urllib.parse import urlsplit

from markupsafe import Markup
from markupsafe import escape as _html_escape

__all__ = ["html", "jsonld", "markdown", "markdown_url", "safe_url", "strip_invisible"]

# Direction overrides, embeddings and isolates, marks, and zero-width spaces and joiners
# that can hide or reorder text (Trojan Source): dropped everywhere.
# Control characters (NUL, BEL, the terminal's ESC) are dropped too.
_INVISIBLE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064"
    "\u2066-\u2069\ufeff]")
# Every ASCII punctuation character CommonMark lets a backslash escape, except the ones
# that are harmless in running text.
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]|!~<>&$^])")
# What starts a block when it opens a list item or a line: a list, quote, heading, rule.
_BLOCK_START = re.compile(r"^( ?)(?:([-+=#])|(\d+)([.)]))")
_AUTOLINK = re.compile(r"(?i)(:(?=//)|(?<=www)\.)")  # GFM would link "https://…", "www.…"


def strip_invisible(text: str) -> str:
    """*text* without direction overrides, zero-width and control characters."""
    return _INVISIBLE.sub("", text)


def markdown(text: object) -> str:
    """Escape *text* so Markdown shows it literally, on one line.

    Every character that can open Markdown syntax is backslash-escaped (``&`` too, so no
    entity can be spelled), a leading ``-``, ``#`` or ``1.`` cannot open a block, bare
    ``https://`` and ``www.`` are not linked, and line breaks become spaces: a source's
    newline can neither end a table row nor start a footnote definition.
    """
    s = re.sub(r"\s+", " ", strip_invisible(str(text)))  # one line; a space at an end stays
    s = _MD_SPECIAL.sub(r"\\\1", s)
    s = _AUTOLINK.sub(r"\\\1", s)
    return _BLOCK_START.sub(
        lambda m: f"{m[1]}\\{m[2]}" if m[2] else f"{m[1]}{m[3]}\\{m[4]}", s)


def html(text: object) -> Markup:
    """Escape *text* for HTML (text or a quoted attribute); Markup passes unchanged."""
    if isinstance(text, Markup):
        return text
    return _html_escape(strip_invisible(str(text)))


def jsonld(data: Any) -> str:
    """JSON text for JSON-LD, safe to paste into an HTML ``<script>`` element."""
    text = json.dumps(_visible(data), indent=2, ensure_ascii=False)
    for ch in "<>&\u2028\u2029":
        text = text.replace(ch, f"\\u{ord(ch):04x}")
    return text


def _visible(data: Any) -> Any:
    if isinstance(data, str):
        return strip_invisible(data)
    if isinstance(data, dict):
        return {_visible(k): _visible(v) for k, v in data.items()}
    if isinstance(data, list | tuple):
        return [_visible(v) for v in data]
    return data


def safe_url(url: str) -> str:
    """*url* when it is an absolute http(s) URL, percent-encoding what breaks a link; else "".

    ``javascript:``, ``data:``, relative paths and anything without a host give "".
    """
    candidate = strip_invisible(url).strip()
    if any(ord(ch) < 32 or ord(ch) == 127 for ch in candidate):
        return ""
    try:
        parts = urlsplit(candidate)
    except ValueError:
        return ""
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return ""
    return "".join(f"%{ord(ch):02X}" if ch in ' <>"`|\\^{}' else ch for ch in candidate)


def markdown_url(url: str) -> str:
    """A Markdown autolink for a safe URL (see :func:`safe_url`), or "" for an unsafe one.

    >>> markdown_url("https://example.org/a_b)c")
    '<https://example.org/a_b)c>'
    >>> markdown_url("javascript:alert(1)")
    ''
    """
    safe = safe_url(url)
    return f"<{safe}>" if safe else ""
