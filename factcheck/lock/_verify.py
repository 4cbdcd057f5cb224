"""Verify a pin against the current source, by the pinned words.

The pinned words (``Pin.exact``) are always compared, whatever the sha256 says. They are
looked for at the old place, then near it, then anywhere; the pinned context (``prefix``
and ``suffix``) only chooses among places. So text inserted or removed around an unchanged
passage gives *unchanged* or *moved*, never *altered*; *altered* means the words
themselves changed, or now run on into a letter or digit the pin did not have ("lapsed
in 2022" → "lapsed in 20229").

Cost: the old place is one slice comparison; the near search looks at a window of a few
times the passage; only when that fails is the whole source searched (``str.find``,
linear in the source). Verifying N pins costs N of these.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from typing import Literal

import attrs

from factcheck.anchoring import AnchorOptions, anchor
from factcheck.lock._pin import Pin
from factcheck.model import Source

PinStatus = Literal["unchanged", "moved", "altered", "orphaned", "unpinned"]

NEAR = 512  # characters searched on each side of the old place before the whole source
_NEAREST_PREFIXES = 16  # places of the pinned prefix tried when looking for the old context
_FUZZY = AnchorOptions(nearest=False)


@attrs.frozen
class PinCheck:
    """How a pinned quote fares against the current source.

    ``start``/``end``/``now`` are the passage's current span and words (for unchanged,
    moved and altered); ``changes`` lists the (old words, new words) of an altered passage.
    An *unpinned* check keeps its ``pin`` when the quote was edited since pinning.
    """

    status: PinStatus
    pin: Pin | None
    start: int | None = None
    end: int | None = None
    now: str = ""
    changes: tuple[tuple[str, str], ...] = ()
    source_gone: bool = False  # orphaned because the pinned source no longer exists

    @property
    def ok(self) -> bool:
        return self.status in ("unchanged", "moved", "unpinned")

    def describe(self) -> str:
        """One human phrase: "unchanged", "moved later in `src` (same words)", ..."""
        p = self.pin
        if p is None:
            return "not pinned"
        if self.status == "unpinned":
            return "not pinned: the quote was edited since it was pinned"
        if self.status == "unchanged":
            return "unchanged"
        if self.status == "moved":
            way = "later" if (self.start or 0) > p.start else "earlier"
            return f"moved {way} in `{p.source}` (same words)"
        if self.status == "orphaned":
            if self.source_gone:
                return f"orphaned: its source `{p.source}` is gone"
            return f"orphaned: the pinned passage is no longer in `{p.source}`"
        changed = "; ".join(f"“{old}” → “{new}”" for old, new in self.changes)
        return f"altered in `{p.source}` ({changed}): was “{p.exact}”, now “{self.now}”"


def verify(p: Pin | None, quote_text: str, source: Source | None) -> PinCheck:
    """Check one pinned quote against the current version of its source.

    >>> from factcheck.lock import pin
    >>> from factcheck.model import Claim, Quote
    >>> from factcheck.anchoring import anchor
    >>> body = "Sanctions lapsed in 2022. Talks resumed."
    >>> c = Claim("c", "x", quotes=(Quote("s", "lapsed in 2022"),))
    >>> p = pin([c], {"s": Source("s", body)}, {("c", 1): anchor("lapsed in 2022", body)}).pins[0]
    >>> verify(p, "lapsed in 2022", Source("s", "Update. " + body)).status
    'moved'
    >>> check = verify(p, "lapsed in 2022", Source("s", body.replace("2022", "20229")))
    >>> check.status, check.changes
    ('altered', (('2022', '20229'),))
    """
    if p is None:
        return PinCheck("unpinned", None)
    if p.quote != quote_text:
        return PinCheck("unpinned", p)
    if source is None:
        return PinCheck("orphaned", p, source_gone=True)
    body = source.body
    start, end = p.start, p.start + len(p.exact)
    if body[start:end] == p.exact and not _glued(p, body, start, end):
        return PinCheck("unchanged", p, start, end, p.exact)
    places = _places(p, body)
    best = places[0] if places else None
    if best is not None and best.clean and best.full:
        return _moved(p, body, best)
    region = _old_context(p, body)
    if region is not None and not any(
            q.clean and q.start < region[1] and region[0] < q.end for q in places) and (
            best is None or not best.clean or _rather_edited(p, body, region, best)):
        return _altered(p, body, *region)
    if best is not None:
        return _moved(p, body, best) if best.clean else _altered(p, body, *_widen(body, best))
    # Changed words: fuzzily, near the old place then anywhere, in their old context and
    # then without it (a passage can move and change at once).
    near = (max(0, p.start - NEAR), min(len(body), end + NEAR))
    for lo, hi in dict.fromkeys((near, (0, len(body)))):
        for prefix, suffix in ((p.prefix, p.suffix), ("", "")):
            found = anchor(p.exact, body[lo:hi], prefix=prefix, suffix=suffix,
                           hint=p.start - lo, options=_FUZZY)
            if found.found and found.start is not None and found.end is not None:
                return _altered(p, body, lo + found.start, lo + found.end)
    return PinCheck("orphaned", p)


def _moved(p: Pin, body: str, place: _Place) -> PinCheck:
    status: PinStatus = "unchanged" if place.start == p.start else "moved"
    return PinCheck(status, p, place.start, place.end, body[place.start:place.end])


def _altered(p: Pin, body: str, start: int, end: int) -> PinCheck:
    now = body[start:end]
    return PinCheck("altered", p, start, end, now, changes(p.exact, now))


# -- places of the pinned words ---------------------------------------------------------


def _wordy(ch: str) -> bool:
    """A letter, digit or combining mark: a character that continues a word."""
    return bool(ch) and (ch.isalnum() or unicodedata.category(ch).startswith("M"))


def _edge_glued(edge: str, pinned: str, now: str) -> bool:
    """Whether the character *now* beside a passage's *edge* character, where the pin had
    *pinned* ("" at the text's end), runs on into the pinned words."""
    return now != pinned and (_wordy(now) or (_wordy(pinned) and _wordy(edge)))


def _glued(p: Pin, body: str, start: int, end: int) -> bool:
    """Whether the pinned words at [start, end) now continue with a letter or digit (or
    lost one) that the pin did not have: "2022" → "20229" is a different number."""
    before = body[start - 1] if start > 0 else ""
    after = body[end] if end < len(body) else ""
    return (_edge_glued(p.exact[0], p.prefix[-1:], before)
            or _edge_glued(p.exact[-1], p.suffix[:1], after))


@attrs.frozen
class _Place:
    start: int
    end: int
    agree: int  # characters of the pinned context that still stand beside it
    full: bool  # all of the pinned context still stands
    clean: bool  # not glued to a letter or digit the pin did not have


def _place(p: Pin, body: str, start: int) -> _Place:
    end = start + len(p.exact)
    left = _common_suffix(p.prefix, body[max(0, start - len(p.prefix)):start])
    right = _common_prefix(p.suffix, body[end:end + len(p.suffix)])
    full = left == len(p.prefix) and right == len(p.suffix)
    return _Place(start, end, left + right, full, not _glued(p, body, start, end))


def _places(p: Pin, body: str) -> list[_Place]:
    """Every place of the pinned words, best first: most context standing, cleanest,
    nearest to the old place. Near the old place first; the whole text only if no place
    near it has its whole context."""
    n = len(p.exact)
    lo, hi = max(0, p.start - NEAR - n), min(len(body), p.start + 2 * n + NEAR)
    places = [_place(p, body, at) for at in _find_all(body, p.exact, lo, hi)]
    if not any(q.full and q.clean for q in places):
        places = [_place(p, body, at) for at in _find_all(body, p.exact, 0, len(body))]
    return sorted(places, key=lambda q: (-q.agree, not q.clean, abs(q.start - p.start),
                                         q.start))


def _find_all(text: str, sub: str, lo: int, hi: int) -> list[int]:
    out = []
    at = text.find(sub, lo, hi)
    while at != -1:
        out.append(at)
        at = text.find(sub, at + 1, hi)
    return out


def _common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


def _common_suffix(a: str, b: str) -> int:
    return _common_prefix(a[::-1], b[::-1])


def _rather_edited(p: Pin, body: str, region: tuple[int, int], place: _Place) -> bool:
    """Whether the words between the standing old context are better read as the pinned
    words edited in place than the same words at *place* with part of their context
    changed: they must resemble the pinned words, and stand no farther from the old place.
    (The pinned words may also appear elsewhere, in another context: an edit at the pinned
    place must not be taken for a move to that twin.)"""
    now = body[region[0]:region[1]]
    similar = difflib.SequenceMatcher(a=p.exact, b=now, autojunk=False).ratio() >= 0.5
    return similar and abs(region[0] - p.start) <= abs(place.start - p.start)


def _widen(body: str, place: _Place) -> tuple[int, int]:
    """A glued place widened over the letters and digits that now run on from it."""
    start, end = place.start, place.end
    while start > 0 and _wordy(body[start - 1]):
        start -= 1
    while end < len(body) and _wordy(body[end]):
        end += 1
    return start, end


def _old_context(p: Pin, body: str) -> tuple[int, int] | None:
    """The span between the pinned prefix and suffix, where both still stand close
    together: what now stands where the passage stood. None when nothing but
    whitespace is left there (the passage is gone)."""
    if not p.prefix and not p.suffix:
        return None
    room = 2 * len(p.exact) + 16
    starts = ([at + len(p.prefix) for at in _find_all(body, p.prefix, 0, len(body))]
              if p.prefix else [0])
    for pe in sorted(starts, key=lambda s: (abs(s - p.start), s))[:_NEAREST_PREFIXES]:
        if p.suffix:
            ss = body.find(p.suffix, pe, pe + room + len(p.suffix))
        else:
            ss = len(body) if len(body) - pe <= room else -1
        if ss != -1:
            return (pe, ss) if body[pe:ss].strip() else None
    return None


# -- wording of a change ------------------------------------------------------------------

_WORDS = re.compile(r"\S+")


def changes(old: str, new: str) -> tuple[tuple[str, str], ...]:
    """The word-level changes from *old* to *new*, as (old words, new words) pairs.

    A change in spacing alone is shown with the words around it, its whitespace escaped;
    invisible characters are always escaped, so that a change never reads as no change.

    >>> changes("introduced for 21 straight years", "adopted for 22 straight years")
    (('introduced', 'adopted'), ('21', '22'))
    >>> changes("in 2022", "in\\n2022")
    (('in 2022', 'in\\\\n2022'),)
    """
    a, b = _WORDS.findall(old), _WORDS.findall(new)
    out = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if op != "equal":
            out.append((_visible(" ".join(a[i1:i2])), _visible(" ".join(b[j1:j2]))))
    if out or old == new:
        return tuple(out)
    # Only the spacing changed: show it with the words on either side.
    i = _common_prefix(old, new)
    j = _common_suffix(old[i:], new[i:])
    lo, hi = _word_before(old, i), _word_after(old, len(old) - j)
    tail = len(old) - hi  # the same in both: the texts share what follows the change
    return ((_visible(old[lo:hi]), _visible(new[lo:len(new) - tail])),)


def _word_before(text: str, at: int) -> int:
    while at > 0 and text[at - 1].isspace():
        at -= 1
    while at > 0 and not text[at - 1].isspace():
        at -= 1
    return at


def _word_after(text: str, at: int) -> int:
    while at < len(text) and text[at].isspace():
        at += 1
    while at < len(text) and not text[at].isspace():
        at += 1
    return at


def _visible(text: str) -> str:
    return "".join(ch if ch == " " or ch.isprintable() else repr(ch)[1:-1] for ch in text)


__all__ = ["NEAR", "PinCheck", "PinStatus", "changes", "verify"]
