"""Approximate matching: where a pattern ends in a text within k edits, and where it starts.

The bit-parallel edit distance of Myers (1999) in Hyyrö's formulation, run on Python
integers (one bit per text position), behind a q-gram filter that leaves only the windows
where a match can end. :func:`factcheck.anchoring.anchor` builds on it.
"""

from __future__ import annotations

import functools
from itertools import accumulate, chain
from operator import sub
from typing import Any

import attrs
from rapidfuzz.distance import Levenshtein

__all__ = ["Match", "search"]


@attrs.frozen
class Match:
    """An approximate occurrence of a pattern: ``text[start:end]``, *errors* edits away."""

    start: int
    end: int
    errors: int


# --------------------------------------------------------------------------------------
# Bit-parallel edit distance (Myers 1999, in Hyyrö's formulation).
#
# approx-string-match-js packs the *pattern* into 32-bit words and walks the text one
# character at a time. Python integers have no word size, so here the roles are swapped:
# one integer holds a bit per *text* position and the loop walks the pattern. The
# interpreter then does len(pattern) rounds of a dozen big-integer operations instead of
# len(text) rounds, which is what makes a 10,000-character text cheap.


@functools.lru_cache(maxsize=8)
def _index(text: str) -> _TextIndex:
    return _TextIndex(text)


class _TextIndex:
    """Per-character bit masks of a text (bit j set where ``text[j]`` is the character)."""

    def __init__(self, text: str) -> None:
        self._masks: dict[str, int] = {}
        self._reverse = text[::-1]  # int(..., 2) reads the most significant digit first
        self._codes: dict[str, int] | None = None  # None: a code is the code point itself
        self._coded: bytes | None = None  # one byte per character, for bytes.translate
        self._positions: dict[str, list[int]] | None = None
        try:
            self._coded = self._reverse.encode("latin-1")
        except UnicodeEncodeError:
            alphabet = sorted(set(text))
            if len(alphabet) < 256:
                self._codes = {c: i for i, c in enumerate(alphabet, 1)}
                table = {ord(c): chr(i) for c, i in self._codes.items()}
                self._coded = self._reverse.translate(table).encode("latin-1")

    def mask(self, c: str) -> int:
        bits = self._masks.get(c)
        if bits is None:
            bits = self._masks[c] = self._build(c)
        return bits

    def _build(self, c: str) -> int:
        if not self._reverse:
            return 0
        if self._coded is not None:
            code = (ord(c) if ord(c) < 256 else None) if self._codes is None else self._codes.get(c)
            if code is None:
                return 0
            table = bytearray(b"0" * 256)
            table[code] = ord("1")
            return int(self._coded.translate(table), 2)
        # More than 255 distinct characters: one pass to list positions, then per character.
        if self._positions is None:
            self._positions = {}
            for i, d in enumerate(self._reverse):
                self._positions.setdefault(d, []).append(i)
        where = self._positions.get(c)
        if not where:
            return 0
        digits = bytearray(b"0" * len(self._reverse))
        for i in where:
            digits[i] = ord("1")
        return int(digits, 2)


def _final_row(
    pattern: str, text: str, *, anchored: bool = False, cache: bool = True
) -> list[int]:
    """Edit distances of the whole *pattern* against text prefixes, for every end.

    ``row[j]`` is the least number of edits turning *pattern* into a substring of *text*
    that ends at *j* -- any substring (``anchored=False``) or ``text[:j]`` itself
    (``anchored=True``). With *cache*, the text's masks are kept for the next pattern.
    """
    n, m = len(text), len(pattern)
    if n == 0 or m == 0:
        return list(range(n + 1)) if (anchored and m == 0) else [m] * (n + 1)
    index = _index(text) if cache else _TextIndex(text)
    masks = {c: index.mask(c) for c in set(pattern)}
    return _kernel([masks[c] for c in pattern], n, anchored)


def _kernel(eqs: list[int], n: int, anchored: bool = False) -> list[int]:
    """The row of :func:`_final_row` from the text bit masks of the pattern's characters.

    Bits above *n* (carries) only ever move up, so they cannot reach the bits that are
    read; only the complements are masked, to keep every number positive."""
    m = len(eqs)
    full = (1 << n) - 1
    pv = full if anchored else 0  # vertical deltas of column 0: D[0][j] is j or 0
    mv = 0
    for eq in eqs:
        xv = eq | mv
        xh = (((eq & pv) + pv) ^ pv) | eq
        ph = mv | (full ^ ((xh | pv) & full))
        ph = ((ph << 1) | 1) & full  # D[i][0] = i: the top of every column steps by one
        pv = ((pv & xh) << 1) | (full ^ ((xv | ph) & full))
        mv = ph & xv
    plus = format(pv & full, f"0{n}b")[::-1].encode()
    minus = format(mv & full, f"0{n}b")[::-1].encode()
    return list(accumulate(map(sub, plus, minus), initial=m))


# --------------------------------------------------------------------------------------
# Only where a match can be: the q-gram lemma narrows the text before the kernel runs.
#
# A stretch of text within k edits of a pattern of length m holds at least
# t = (m - 2) - 3k of the pattern's 3-grams intact, on k + 1 neighbouring diagonals (text
# position minus pattern position). Counting the 3-gram matches per band of diagonals
# (numpy, over a sorted index of the text's 3-grams, built once per text) leaves the
# windows where a match within k edits can end; the bit-parallel kernel then runs over
# those windows only, laid end to end with k + 1 characters the pattern lacks between them
# (an alignment reaching across a separator costs more than k). Row values up to k are
# then those of the whole text; larger ones only say "more than k".

_GRAM = 3


@functools.lru_cache(maxsize=8)
def _grams(text: str) -> tuple[Any, Any]:
    return _grams_of(text)


def _grams_of(text: str) -> tuple[Any, Any]:
    """The text's 3-grams as integers, sorted, and their positions."""
    import numpy as np  # here: ``import factcheck`` does not load numpy
    codes = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
    keys = (codes[:-2] << np.uint64(42)) | (codes[1:-1] << np.uint64(21)) | codes[2:]
    order = np.argsort(keys)
    return keys[order], order.astype(np.int64)


def _row_within(pattern: str, text: str, k: int, *, cache: bool = True) -> list[int] | None:
    """:func:`_final_row` where it is at most *k* (more than *k* elsewhere), or None when
    the filter cannot narrow the text (the caller then runs the kernel over all of it).
    With *cache*, the text's 3-grams are kept for the next pattern."""
    n, m = len(text), len(pattern)
    need = (m - _GRAM + 1) - _GRAM * k
    if need <= 0 or n <= 2 * (m + 3 * k):
        return None
    import numpy as np

    keys, positions = _grams(text) if cache else _grams_of(text)
    codes = np.frombuffer(pattern.encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
    wanted = (codes[:-2] << np.uint64(42)) | (codes[1:-1] << np.uint64(21)) | codes[2:]
    lo = np.searchsorted(keys, wanted, side="left")
    sizes = np.searchsorted(keys, wanted, side="right") - lo
    # Leaving out the d most frequent 3-grams lowers the count needed by at most d.
    order = np.argsort(sizes, kind="stable")
    median = sizes[order[len(order) // 2]]
    drop = min(need // 2, int(np.count_nonzero(sizes > 2 * median)))
    need -= drop
    used = np.sort(order[: len(order) - drop])
    lo, sizes = lo[used], sizes[used]
    total = int(sizes.sum())
    far = [m] * (n + 1)
    if total < need:
        return far
    firsts = np.cumsum(sizes) - sizes
    take = np.repeat(lo - firsts, sizes) + np.arange(total)
    diagonals = positions[take] - np.repeat(used, sizes)
    diagonals.sort()
    head = diagonals[: total - need + 1]
    dense = head[diagonals[need - 1 :] - head <= k]
    if not len(dense):
        return far
    # A match on band [d, d + k] starts in [d - k, d + 2k] and ends by d + m + 3k.
    starts = np.maximum(np.unique(dense) - k - 1, 0)
    ends = np.minimum(starts + (m + 4 * k + 2), n)
    # Windows less than a pattern apart are merged: fewer, longer windows cost less to cut
    # from the text's masks than many short ones.
    new = np.concatenate(([True], starts[1:] > ends[:-1] + m))
    spans = list(zip(starts[new].tolist(),
                     np.maximum.reduceat(ends, np.flatnonzero(new)).tolist(), strict=True))
    if sum(b - a for a, b in spans) * 2 > n:
        return None  # most of the text: no gain
    # The windows laid end to end, k + 1 characters the pattern lacks between them; their
    # masks are built for this short text alone (cheaper, cold or warm, than cutting them
    # from the whole text's).
    filler = next(c for c in chain("\x00\x01\x02", map(chr, range(0xE000, 0xF900)))
                  if c not in pattern)
    joined = (filler * (k + 1)).join(text[a:b] for a, b in spans)
    index = _TextIndex(joined)
    row = _kernel([index.mask(c) for c in pattern], len(joined))
    at = 0
    for a, b in spans:
        far[a + 1 : b + 1] = row[at + 1 : at + 1 + b - a]
        at += b - a + k + 1
    return far


def _longest_start(pattern: str, text: str, end: int, errors: int, *, tidy: bool = False) -> int:
    """The smallest start s with ``text[s:end]`` *errors* edits from *pattern*.

    With *tidy*, a start on a space is passed over for the next one that costs no more.
    (*errors* is the least over all starts, so "within *errors*" is "exactly".) A stretch
    *errors* edits away is at least ``len(pattern) - errors`` long: only the starts up to
    there are tried, longest first, each with one call of rapidfuzz's Levenshtein.
    """
    lo = max(0, end - len(pattern) - errors)
    hi = min(end, end - len(pattern) + errors)
    fits = [
        s for s in range(lo, hi + 1)
        if Levenshtein.distance(pattern, text[s:end], score_cutoff=errors) <= errors
    ]
    if tidy:
        fits = [s for s in fits if text[s : s + 1] != " "] or fits
    return fits[0] if fits else end


def search(text: str, pattern: str, max_errors: int) -> tuple[Match, ...]:
    """Every approximate occurrence of *pattern* in *text* with at most *max_errors* edits.

    One match per end position that has one (the edit distance is Levenshtein's), in
    order of end; its start is the earliest one reaching the least number of edits for
    that end, as in robertknight/approx-string-match-js. An empty pattern or text has no
    matches.

    >>> search("three blind mice", "bliind", 1)
    (Match(start=6, end=11, errors=1),)
    >>> [(m.start, m.end, m.errors) for m in search("three blind mice", "thrae", 1)]
    [(0, 4, 1), (0, 5, 1)]
    """
    if not text or not pattern or max_errors < 0:
        return ()
    k = min(max_errors, len(pattern))
    row = _final_row(pattern, text)
    return tuple(
        Match(_longest_start(pattern, text, j, row[j]), j, row[j])
        for j in range(1, len(text) + 1)
        if row[j] <= k
    )
