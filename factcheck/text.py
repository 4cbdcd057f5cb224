"""Normalisation with an offset map back to the original text.

Quotes are typed by people and sources are printed by publishers: the same words arrive
with curly or straight quotes, en dashes or hyphens, soft hyphens, non-breaking spaces and
line breaks in different places. :func:`normalize` folds those differences away and keeps,
for every character of the result, the span of the original text it came from, so that a
match found in the normalised text can be reported exactly, to the character, in the text
the user will read.

What normalisation does, in order, per character:

* soft hyphen U+00AD and zero-width characters (U+200B-U+200D, U+2060, U+FEFF) are removed;
* every run of whitespace (including NBSP, thin spaces and newlines) becomes one space,
  at the ends of the text too (collapsed, never stripped, so offsets still map);
* typographic quotes become ``'`` or ``"`` and every dash or minus sign becomes ``-``;
* everything else is put in Unicode NFKC form (``ﬁ`` becomes ``fi``, ``e`` followed by a
  combining acute accent becomes ``é``, full-width letters become ASCII).

Case is kept: folding case is a choice for the fuzzy matcher, not for normalisation.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from array import array
from bisect import bisect_right
from collections.abc import Sequence

from factcheck.errors import SpanError

__all__ = ["Normalized", "SpanError", "normalize", "supplied_title"]

_REMOVED = frozenset("\u00ad\u200b\u200c\u200d\u2060\ufeff")

# Mapped before NFKC: NFKC would turn the double prime into two single primes.
_MAPPED = {
    **dict.fromkeys("\u2018\u2019\u201a\u201b\u2032", "'"),
    **dict.fromkeys("\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb", '"'),
    **dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212", "-"),
}

# Printable ASCII that needs no work: a character is "plain" unless it is part of a
# whitespace run longer than one space, or it is followed by a non-ASCII character it
# might compose with (e + U+0301 is é).
_PLAIN = re.compile(r"(?:[\x21-\x7e]|(?<!\s)\x20(?!\s))(?![^\x00-\x7f])")
_PLAIN_RUN = re.compile(rf"(?:{_PLAIN.pattern})+")

# A sequence of starters that keep composing (Hangul jamo, some Indic vowel signs) is
# short in real text; the cap keeps hostile input linear.
_MAX_STARTER_RUN = 32


class Normalized:
    """A normalised text and, for each of its characters, the original span it came from.

    Character ``i`` of :attr:`text` came from ``original[start_of(i):end_of(i)]``. Several
    normalised characters share one span when a character expands (``ﬁ`` gives ``f`` and
    ``i``) or a whitespace run collapses to its single space; both maps are monotone.

    The map is kept as runs, not per character: a stretch copied one to one is one entry,
    and so is each collapsed run or expansion, so a long text costs memory for its text and
    its whitespace runs only (about a byte per character for news copy, not sixteen).
    :attr:`starts` and :attr:`ends` spell the map out per character, for inspection.

    >>> n = Normalized("a b", (0, 1, 4), (1, 4, 5))
    >>> n.to_original(1, 2), n.starts
    ((1, 4), (0, 1, 4))
    """

    __slots__ = ("_map", "text")

    def __init__(self, text: str, starts: Sequence[int], ends: Sequence[int]) -> None:
        if not len(text) == len(starts) == len(ends):
            raise SpanError("text, starts and ends must be equally long")
        runs = _Runs()
        last = (0, 0)
        for i, (start, end) in enumerate(zip(starts, ends, strict=True)):
            if not (type(start) is int and type(end) is int  # noqa: E721 -- no bools
                    and 0 <= start <= end < 1 << 62 and start >= last[0] and end >= last[1]):
                raise SpanError(f"character {i}: span ({start!r}, {end!r}) is not a span of "
                                "the original in order after the one before")
            last = start, end
            runs.char(start, end)
        self.text = text
        self._map = runs

    @classmethod
    def _of(cls, text: str, runs: _Runs) -> Normalized:
        self = cls.__new__(cls)
        self.text = text
        self._map = runs
        return self

    def start_of(self, i: int) -> int:
        """The original start of normalised character *i*."""
        return self._map.start(i)

    def end_of(self, i: int) -> int:
        """The original end of normalised character *i*."""
        return self._map.end(i)

    @property
    def starts(self) -> tuple[int, ...]:
        """The original start of every normalised character (spelled out: O(n))."""
        return tuple(self._map.start(i) for i in range(len(self.text)))

    @property
    def ends(self) -> tuple[int, ...]:
        """The original end of every normalised character (spelled out: O(n))."""
        return tuple(self._map.end(i) for i in range(len(self.text)))

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Normalized):
            return NotImplemented
        return self.text == other.text and self._map == other._map

    def __hash__(self) -> int:
        return hash((self.text, self._map.key()))

    def __repr__(self) -> str:
        return f"Normalized(text={self.text!r}, starts={self.starts!r}, ends={self.ends!r})"

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """The span of the original text that ``text[start:end]`` came from.

        ``original[s:e]`` is the smallest slice whose normalisation covers the span. An
        empty span maps to an empty span at the original position of ``text[start]``.

        >>> n = normalize("\u201cNo,\u201d she said \u2014  twice.")
        >>> n.text
        '"No," she said - twice.'
        >>> n.to_original(15, 16)
        (15, 16)
        >>> n.to_original(14, 17)
        (14, 18)
        """
        size = len(self.text)
        if not 0 <= start <= end <= size:
            raise SpanError(f"span [{start}, {end}) does not fit a text of {size} characters")
        if start == end:
            if start < size:
                at = self._map.start(start)
                return at, at
            last = self._map.end(size - 1) if size else 0
            return last, last
        return self._map.start(start), self._map.end(end - 1)


class _Runs:
    """The offset map of :class:`Normalized` as runs of normalised characters.

    Run ``k`` begins at normalised character ``at[k]``. A *copied* run (``until[k] == -1``)
    maps character ``at[k] + d`` to ``[origin[k] + d, origin[k] + d + 1)``; any other run
    maps each of its characters to the same span ``[origin[k], until[k])``.
    """

    __slots__ = ("at", "origin", "size", "until")

    def __init__(self) -> None:
        self.at = array("q")
        self.origin = array("q")
        self.until = array("q")
        self.size = 0

    def copied(self, a: int, b: int) -> None:
        """Characters ``a .. b - 1`` of the original, copied one to one."""
        if b <= a:
            return
        if not (self.at and self.until[-1] == -1
                and self.origin[-1] + self.size - self.at[-1] == a):
            self.at.append(self.size)
            self.origin.append(a)
            self.until.append(-1)
        self.size += b - a

    def char(self, start: int, end: int) -> None:
        """One normalised character, from ``original[start:end]``."""
        if end == start + 1:
            self.copied(start, end)
            return
        if not (self.at and self.until[-1] == end and self.origin[-1] == start):
            self.at.append(self.size)
            self.origin.append(start)
            self.until.append(end)
        self.size += 1

    def stretch_last(self, end: int) -> None:
        """The last character's span now ends at *end*."""
        i = self.size - 1
        start = self.start(i)
        if self.end(i) == end:
            return
        self.size -= 1
        if self.at[-1] == self.size:
            del self.at[-1], self.origin[-1], self.until[-1]
        self.char(start, end)

    def _run(self, i: int) -> int:
        return bisect_right(self.at, i) - 1

    def start(self, i: int) -> int:
        k = self._run(i)
        return self.origin[k] + (i - self.at[k] if self.until[k] == -1 else 0)

    def end(self, i: int) -> int:
        k = self._run(i)
        return self.origin[k] + i - self.at[k] + 1 if self.until[k] == -1 else self.until[k]

    def key(self) -> tuple[bytes, bytes, bytes]:
        return self.at.tobytes(), self.origin.tobytes(), self.until.tobytes()

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Runs) and self.key() == other.key()

    __hash__ = None  # type: ignore[assignment]


def normalize(text: str) -> Normalized:
    """Normalise *text* for matching, keeping a map back to the original offsets.

    >>> n = normalize("21\u00a0straight\u2011years, \u2018officially\u2019")
    >>> n.text
    "21 straight-years, 'officially'"
    >>> n.to_original(3, 11), n.to_original(19, 31)
    ((3, 11), (19, 31))
    >>> normalize("ﬁne co\u00adoperation").text
    'fine cooperation'
    >>> normalize("  two\\n\\n lines ").text
    ' two lines '
    """
    if text.isascii():
        return _collapse(text, text, _ASCII_RUN)
    others = frozenset(c for c in set(text) if c >= "\x80")
    if _all_simple(others):
        mapped = text
        for c in others & _MAPPED.keys():
            mapped = mapped.replace(c, _MAPPED[c])
        return _collapse(text, mapped, _UNICODE_RUN)
    return _normalize_general(text)


def _simple(c: str) -> bool:
    """Whether normalisation maps *c* to itself or to one ASCII character whatever its
    neighbours: a mapped quote or dash, whitespace, or a stable Latin letter or sign that
    composes with nothing before it (below U+0370, no combining class, NFKC-stable)."""
    if c in _MAPPED or c.isspace():
        return True
    return (
        c < "\u0370" and c not in _REMOVED and unicodedata.combining(c) == 0
        and unicodedata.normalize("NFKC", c) == c
    )


@functools.lru_cache(maxsize=4096)
def _all_simple(chars: frozenset[str]) -> bool:
    return all(_simple(c) for c in chars)


# In ASCII, normalisation only collapses each whitespace run (str.isspace: \t \n \v \f \r,
# \x1c-\x1f and the space) to one space spanning the run; a lone space stays as it is.
_ASCII_RUN = re.compile(r"[\t\n\x0b\x0c\r\x1c-\x1f ]{2,}|[\t\n\x0b\x0c\r\x1c-\x1f]")
_UNICODE_RUN = re.compile(r"\s{2,}|[^\S ]")  # \s is str.isspace


def _normalize_ascii(text: str) -> Normalized:
    """:func:`normalize` of an ASCII text, the same answer in a few C-level passes."""
    return _collapse(text, text, _ASCII_RUN)


def _collapse(text: str, mapped: str, run: re.Pattern[str]) -> Normalized:
    """*mapped*, a one-to-one image of *text*, with every whitespace *run* made one space
    spanning it (a lone space stays as it is)."""
    pieces: list[str] = []
    runs = _Runs()
    pos = 0
    for match in run.finditer(mapped):
        a, b = match.span()
        if a > pos:
            pieces.append(mapped[pos:a])
            runs.copied(pos, a)
        pieces.append(" ")
        runs.char(a, b)
        pos = b
    if pos < len(text):
        pieces.append(mapped[pos:])
        runs.copied(pos, len(text))
    return Normalized._of("".join(pieces), runs)


_JOIN = 4096


def _normalize_general(text: str) -> Normalized:
    """:func:`normalize` for any text, character by character where it is not plain."""
    out: list[str] = []
    joined = 0
    runs = _Runs()
    pos = 0
    for match in _PLAIN_RUN.finditer(text):
        a, b = match.span()
        if a > pos:
            _normalize_slow(text, pos, a, out, runs)
        if text[a] == " " and out and out[-1].endswith(" "):
            # An NFKC expansion ended in a space right before this plain one.
            runs.stretch_last(a + 1)
            a += 1
            if a == b:
                pos = b
                continue
        out.append(text[a:b])
        runs.copied(a, b)
        pos = b
        if len(out) - joined >= _JOIN:  # one string for every _JOIN pieces
            out[joined:] = ["".join(out[joined:])]
            joined = len(out)
    if pos < len(text):
        _normalize_slow(text, pos, len(text), out, runs)
    return Normalized._of("".join(out), runs)


def _emit(ch: str, start: int, end: int, out: list[str], runs: _Runs) -> None:
    """Append one normalised character, collapsing it into a preceding space if it is one."""
    if ch in _REMOVED:
        return
    ch = _MAPPED.get(ch, ch)
    if ch.isspace():
        if out and out[-1].endswith(" "):
            runs.stretch_last(max(runs.end(runs.size - 1), end))
            return
        ch = " "
    out.append(ch)
    runs.char(start, end)


_STABLE_RUNS = True  # tests turn the whole-word path of _normalize_slow off
# A run of characters none of which breaks a segment (whitespace, removed, mapped).
_UNBROKEN = re.compile("[^\\s" + re.escape("".join(sorted(_REMOVED | _MAPPED.keys()))) + "]+")


@functools.lru_cache(maxsize=4096)
def _starter(c: str) -> bool:
    return unicodedata.combining(c) == 0


def _stable(word: str) -> bool:
    """Whether NFKC leaves *word* as it is and no character of it combines."""
    return unicodedata.is_normalized("NFKC", word) and all(map(_starter, word))


def _normalize_slow(text: str, pos: int, stop: int, out: list[str], runs: _Runs) -> None:
    """Normalise ``text[pos:stop]`` character by character (the part that is not plain ASCII)."""
    nfkc = unicodedata.normalize
    joined = len(out)  # pieces from here on are joined every _JOIN of them
    while pos < stop:
        if len(out) - joined >= _JOIN:  # a long stretch: one string, not one per character
            out[joined:] = ["".join(out[joined:])]
            joined = len(out)
        c = text[pos]
        if c in _REMOVED:
            pos += 1
            continue
        if c.isspace():
            end = pos + 1
            while end < stop and text[end].isspace():
                end += 1
            _emit(" ", pos, end, out, runs)
            pos = end
            continue
        if c in _MAPPED:
            _emit(_MAPPED[c], pos, pos + 1, out, runs)
            pos += 1
            continue
        if _STABLE_RUNS:
            # A word that NFKC leaves as it is, with no combining mark: every character is
            # a segment of its own that maps to itself (a substring of a normalised string
            # is normalised), so the word is copied whole -- Hangul, CJK, Cyrillic text.
            word = _UNBROKEN.match(text, pos, stop)
            if word is not None and _stable(word.group()):
                out.append(word.group())
                runs.copied(pos, word.end())
                pos = word.end()
                continue
        # One segment: a character and whatever composes with it. NFKC of the segment is
        # taken as a whole; each character it yields maps to the whole segment.
        end = pos + 1
        starter_run = 1
        while end < stop:
            d = text[end]
            if d.isspace() or d in _REMOVED or d in _MAPPED:
                break
            if unicodedata.combining(d) == 0:
                if starter_run >= _MAX_STARTER_RUN:
                    break
                if nfkc("NFKC", text[pos : end + 1]) == nfkc("NFKC", text[pos:end]) + nfkc(
                    "NFKC", d
                ):
                    break
                starter_run += 1
            end += 1
        for ch in nfkc("NFKC", text[pos:end]):
            _emit(ch, pos, end, out, runs)
        pos = end


# A dateline opening an article: "date 2025-11-20", "TAIPEI, Taiwan –", "Seoul, Nov 12".
_DATELINE = re.compile(
    r"^\s*(?:date\s+\d{4}-\d{2}-\d{2}\s+"
    r"|[A-Z][A-Z .'-]+(?:,\s*[A-Z][A-Za-z0-9 .]+)?\s*[–—-]{1,2}\s+"
    r"|[A-Z][a-z]+,\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2}\s+)")
_SENTENCE_END = re.compile(r"(?<=[a-z0-9)”\"'])[.!?](?=\s|$)")
_FIRST_WORD = re.compile(r"\S")
# Words a full stop follows without ending the sentence ("Sen. Kim", "SEOUL, Nov. 20").
_ABBREVIATIONS = frozenset({
    "Mr", "Mrs", "Ms", "Dr", "Sen", "Rep", "Gov", "Gen", "Lt", "Col", "Capt", "Sgt", "Prof",
    "St", "Jr", "Sr", "No", "Vol", "Inc", "Corp", "Ltd", "Co", "vs",
    "Jan", "Feb", "Mar", "Apr", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
})


def supplied_title(body: str, limit: int = 64) -> str:
    """A title for an article without a headline: its first sentence, dateline removed.

    Long sentences are cut at a word boundary, marked with an ellipsis.

    >>> supplied_title("date 2025-11-20 A UN committee has adopted a resolution. More.")
    'A UN committee has adopted a resolution'
    >>> supplied_title("Sen. Kim said on Nov. 12 that the vote was close. It was.")
    'Sen. Kim said on Nov. 12 that the vote was close'
    >>> supplied_title("TAIPEI, Taiwan – The United Nations and the United States have both "
    ...                "adopted resolutions condemning the human rights situation in North Korea")
    'The United Nations and the United States have both adopted…'
    """
    first = _FIRST_WORD.search(body)
    start = first.start() if first else len(body)
    # Only the opening is read: a dateline and a sentence, never the whole of a long body.
    text = " ".join(body[start : start + 16 * limit].split())
    text = _DATELINE.sub("", text, count=1)
    end = next((m for m in _SENTENCE_END.finditer(text)
                if text[: m.start()].rsplit(" ", 1)[-1] not in _ABBREVIATIONS), None)
    sentence = text[: end.start()] if end else text
    if len(sentence) <= limit:
        return sentence
    cut = sentence[:limit].rsplit(" ", 1)[0].rstrip(",;:–—- ")
    return cut + "…"
