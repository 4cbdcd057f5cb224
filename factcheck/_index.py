"""Vectorised kernels of :mod:`factcheck.provenance` (numpy).

Everything here works on one *partition*: a run of consecutive sources (in id order) whose
normalised texts are laid end to end (about 2 M characters, see
:class:`factcheck.provenance.Corpus`). A
:class:`Part` is built, queried and fingerprinted by plain functions of the partition
alone, so the same functions run in this process, in a pool of processes (``jobs=``) or on
Dask workers, and the corpus merges their answers.

* :func:`text_of` -- a normalised text and its sparse offset map (a fast path in numpy for
  ASCII bodies; anything else goes through :func:`factcheck.text.normalize`).
* :class:`Part` -- the q-gram index of a partition: the q-grams at even positions of each
  text, hashed into buckets, one ``uint32`` posting each (CSR layout, built with one sort).
* :func:`fingerprints` -- the winnowing fingerprints of every text of a partition.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from typing import Any

import numpy as np
import numpy.typing as npt

from factcheck.text import _MAPPED, _all_simple, normalize

U64 = npt.NDArray[np.uint64]
I64 = npt.NDArray[np.int64]
U32 = npt.NDArray[np.uint32]

Q_MAX = 8
CHECKPOINT = 32  # normalised characters between two offsets kept for mapping back
STEP = 2  # q-grams are indexed at every STEP-th position of a text
MIX = 0x9E3779B97F4A7C15  # an odd 64-bit constant (2^64 / golden ratio) to scramble keys


# --------------------------------------------------------------------------------------
# Normalised texts


class Text:
    """One source as the index sees it: normalised text and sparse maps to the original.

    ``starts[c]`` is the original start of normalised character ``32c``; ``ends[c]`` the
    original end of normalised character ``min(32c + 31, n - 1)``.
    """

    __slots__ = ("ends", "starts", "text")

    def __init__(self, text: str, starts: U32, ends: U32) -> None:
        self.text = text
        self.starts = starts
        self.ends = ends

    def __getstate__(self) -> tuple[str, U32, U32]:
        return self.text, self.starts, self.ends

    def __setstate__(self, state: tuple[str, U32, U32]) -> None:
        self.text, self.starts, self.ends = state

    def original(self, start: int, end: int, size: int) -> tuple[int, int]:
        """An original span covering normalised ``[start, end)``, rounded outward to the
        neighbouring checkpoints so that characters normalisation removed (soft hyphens,
        zero-width spaces) at either edge are inside it; *size* is the original's length."""
        if start >= end:
            return 0, size
        first, last = start // CHECKPOINT, (end - 1) // CHECKPOINT + 1
        return (
            int(self.ends[first - 1]) if first else 0,
            int(self.starts[last]) if last < len(self.starts) else size,
        )

    @property
    def nbytes(self) -> int:
        return int(self.starts.nbytes + self.ends.nbytes)


# In ASCII, normalisation only collapses each whitespace run (str.isspace) to one space
# spanning the run: no other ASCII character is removed, mapped or changed by NFKC.
_ASCII_SPACE = "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f "


_ASCII_WS = np.zeros(128, dtype=bool)
_ASCII_WS[[ord(c) for c in _ASCII_SPACE]] = True


SLICE = 1 << 20  # characters a long text is worked on at a time: its arrays stay small
_WS_RUN = re.compile(r"\s*")


def _slices(body: str, size: int = SLICE) -> list[tuple[int, int]]:
    """Consecutive spans of about *size* characters covering *body*, none cutting a run of
    whitespace (a run is collapsed whole, within one span)."""
    if len(body) <= size:
        return [(0, len(body))] if body else []
    out = []
    a = 0
    while a < len(body):
        b = min(len(body), a + size)
        if b < len(body) and body[b - 1].isspace():
            b = _WS_RUN.match(body, b).end()  # type: ignore[union-attr]
        out.append((a, b))
        a = b
    return out


def text_of(body: str, *, slice_chars: int = SLICE) -> Text:
    """The normalised text of *body* and its checkpoints (see :class:`Text`).

    Without :func:`factcheck.text.normalize` when that can be done in numpy: ASCII text,
    and text whose other characters are all simple (see :func:`factcheck.text._simple`) --
    there, normalisation maps quotes and dashes one to one and collapses each whitespace
    run to one space spanning it. A long body is worked on *slice_chars* at a time (the
    answer does not depend on it).
    """
    if body.isascii():
        mapped: dict[int, int] = {}
        spaces: list[int] = []
    else:
        others = frozenset(c for c in set(body) if c >= "\x80")
        if not _all_simple(others):
            return _general(body)
        mapped = {ord(c): ord(_MAPPED[c]) for c in others if c in _MAPPED}
        spaces = [ord(c) for c in others if c.isspace()]
    pieces: list[str] = []
    starts: list[U32] = []
    ends: list[U32] = []
    count = 0  # normalised characters so far
    last_end = 0
    for a, b in _slices(body, slice_chars):
        piece = body[a:b]
        if piece.isascii():
            codes: npt.NDArray[Any] = np.frombuffer(piece.encode("ascii"), dtype=np.uint8)
        else:
            codes = np.frombuffer(piece.encode("utf-32-le"), dtype=np.uint32).copy()
            for c, to in mapped.items():
                codes[codes == c] = to
        text, kept, ends_all = _collapsed(piece, codes, () if codes.dtype == np.uint8 else spaces)
        del codes
        pieces.append(text)
        # the checkpoints falling in this slice: global normalised index 32c (starts) and
        # 32c + 31 (ends)
        starts.append((kept[-count % CHECKPOINT :: CHECKPOINT] + a).astype(np.uint32))
        ends.append((ends_all[(CHECKPOINT - 1 - count) % CHECKPOINT :: CHECKPOINT] + a)
                    .astype(np.uint32))
        if len(kept):
            last_end = int(ends_all[-1]) + a
        count += len(kept)
    if not pieces:
        empty = np.zeros(0, dtype=np.uint32)
        return Text("", empty, empty)
    if count % CHECKPOINT:  # the last checkpoint ends at the last character
        ends[-1] = np.append(ends[-1], np.uint32(last_end))
    if len(pieces) == 1:
        return Text(pieces[0], starts[0], ends[0])
    return Text("".join(pieces), np.concatenate(starts), np.concatenate(ends))


def _collapsed(
    body: str, codes: npt.NDArray[Any], spaces: Sequence[int]
) -> tuple[str, I64, I64]:
    """The code points *codes* (a one-to-one image of *body*) with each whitespace run
    (ASCII whitespace and the code points *spaces*) made one space spanning it: the text,
    the original position of each of its characters and the end of the span each came
    from."""
    n = len(codes)
    ws = _ASCII_WS[np.minimum(codes, 127)]
    for code in spaces:
        ws |= codes == code
    if not ws.any():
        text = body if codes.dtype == np.uint8 else codes.tobytes().decode("utf-32-le")
        every = np.arange(n, dtype=np.int64)
        return text, every, every + 1
    after = np.zeros(n, dtype=bool)
    after[1:] = ws[:-1]  # the character before is whitespace
    keep = ~(ws & after)
    out = np.where(ws, np.array(32, dtype=codes.dtype), codes)[keep]
    if codes.dtype == np.uint8:
        text = out.tobytes().decode("ascii")
    else:
        text = out.astype(np.uint32).tobytes().decode("utf-32-le")
    del out
    kept = np.flatnonzero(keep)
    heads = np.flatnonzero(ws & ~after)
    before = np.zeros(n, dtype=bool)
    before[:-1] = ws[1:]  # the character after is whitespace
    tails = np.flatnonzero(ws & ~before) + 1
    ends_all = kept + 1
    ends_all[np.searchsorted(kept, heads)] = tails
    return text, kept, ends_all


def _general(body: str) -> Text:
    norm = normalize(body)
    final = len(norm.text) - 1
    every = range(0, len(norm.text), CHECKPOINT)
    return Text(
        norm.text,
        np.array([norm.start_of(c) for c in every], dtype=np.uint32),
        np.array([norm.end_of(min(c + CHECKPOINT - 1, final)) for c in every], dtype=np.uint32),
    )


# --------------------------------------------------------------------------------------
# q-grams as integers
#
# A normalised text is mapped to one byte per character (ASCII as is, any other character
# to one of 127 high bytes), so that the q-gram at every position is the integer read
# from q bytes. Characters that share a byte only make two q-grams look alike: a false
# candidate, never a missed one.


def encode(text: str) -> bytes:
    if text.isascii():
        return text.encode("ascii")
    table = {ord(c): 128 + ord(c) % 127 for c in set(text) if c >= "\x80"}
    return text.translate(table).encode("latin-1")


def gram_keys(data: bytes, q: int) -> U64:
    """The q-gram at each position 0 .. len(data) - q, as an integer of q bytes."""
    count = len(data) - q + 1
    if count <= 0:
        return np.zeros(0, dtype=np.uint64)
    buffer = np.frombuffer(data + bytes(Q_MAX), dtype=np.uint8)
    keys = _windows8(buffer, count)
    if q < Q_MAX:
        keys = keys & np.uint64((1 << (8 * q)) - 1)
    return keys


def _windows8(buffer: npt.NDArray[np.uint8], count: int) -> U64:
    """Little-endian 8-byte integers read at every offset 0 .. count - 1 of *buffer*."""
    view = np.ndarray(shape=(count,), dtype=np.dtype("<u8"), buffer=buffer, strides=(1,))
    return view.astype(np.uint64)


def prime_at_least(n: int) -> int:
    n = max(n, 3) | 1
    while any(n % d == 0 for d in range(3, math.isqrt(n) + 1, 2)):
        n += 2
    return n


def strided(starts: I64, counts: I64, step: int) -> I64:
    """``start, start + step, ...`` (*count* values) for every start and count, end to end."""
    keep = counts > 0
    starts, counts = starts[keep], counts[keep]
    total = int(counts.sum())
    if total == 0:
        return np.zeros(0, dtype=np.int64)
    steps = np.full(total, step, dtype=np.int64)
    heads = np.cumsum(counts) - counts
    steps[heads[0]] = starts[0]
    # at a head, jump from the previous run's last value to this run's start
    steps[heads[1:]] = starts[1:] - (starts[:-1] + step * (counts[:-1] - 1))
    return np.cumsum(steps)


def ranges(starts: I64, counts: I64, size: int) -> npt.NDArray[np.bool_]:
    """A mask of *size* positions, true in ``[start, start + count)`` for each pair."""
    keep = counts > 0
    starts, counts = starts[keep], counts[keep]
    marks = np.zeros(size + 1, dtype=np.int8)
    np.add.at(marks, starts, 1)
    np.add.at(marks, starts + counts, -1)
    return np.cumsum(marks[:-1], dtype=np.int8) > 0


class Part:
    """The q-gram index of one partition (texts laid end to end, positions local to it).

    Postings are the positions ``p`` (even offsets in their text, ``p + q`` inside it) of
    the q-grams, bucket by bucket (``key % buckets``), in increasing order in a bucket.
    """

    def __init__(
        self, first: int, texts: Sequence[Text], q: int, *, slice_chars: int = SLICE
    ) -> None:
        self.first = first  # global number of the partition's first source
        self.q = q
        self.texts = tuple(texts)
        lengths = np.array([len(t.text) for t in texts], dtype=np.int64)
        self.bases: I64 = np.concatenate(([0], np.cumsum(lengths))).astype(np.int64)
        data = b"".join(encode(t.text) for t in texts)
        counts = np.maximum(lengths - q + 1, 0)
        total = int(((counts + STEP - 1) // STEP).sum())
        self.buckets = prime_at_least(max(1021, total // 4))
        # Slice by slice of the partition (a long text costs a few bytes per character, not
        # dozens): the bucket of every posting, then each posting in its place.
        spans = [(c0, min(c0 + slice_chars, len(data)))
                 for c0 in range(0, len(data), slice_chars)] or [(0, 0)]
        cached = len(spans) == 1
        hist = np.zeros(self.buckets, dtype=np.int64)
        kept: list[tuple[I64, npt.NDArray[np.int64]]] = []
        for c0, c1 in spans:
            chosen, bucket = self._buckets(data, counts, c0, c1)
            hist += np.bincount(bucket, minlength=self.buckets)
            if cached:
                kept.append((chosen, bucket))
        self.offsets: U32 = np.concatenate(([0], np.cumsum(hist))).astype(np.uint32)
        del hist
        self.postings: U32 = np.empty(total, dtype=np.uint32)
        cursor = self.offsets[:-1].copy()
        for c0, c1 in spans:
            chosen, bucket = kept.pop() if cached else self._buckets(data, counts, c0, c1)
            if not len(chosen):
                continue
            # one sort by bucket, then position (both in one 64-bit key)
            combined = (bucket.astype(np.uint64) << np.uint64(32)) | chosen.astype(np.uint64)
            combined.sort()
            ranked = (combined >> np.uint64(32)).astype(np.int64)
            heads = np.flatnonzero(np.concatenate(([True], ranked[1:] != ranked[:-1])))
            many = np.diff(np.append(heads, len(ranked)))
            rank = np.arange(len(ranked)) - np.repeat(heads, many)
            where = cursor[ranked].astype(np.int64) + rank
            self.postings[where] = (combined & np.uint64(0xFFFFFFFF)).astype(np.uint32)
            cursor[ranked[heads]] += many.astype(np.uint32)

    def _buckets(
        self, data: bytes, counts: I64, c0: int, c1: int
    ) -> tuple[I64, npt.NDArray[np.int64]]:
        """The indexed positions in ``[c0, c1)`` of the partition, and their buckets."""
        firsts = self.bases[:-1]
        lo = np.maximum(firsts, c0)
        lo += (firsts - lo) % STEP  # the next position of the text's stride
        hi = np.minimum(firsts + counts, c1)
        chosen = strided(lo, np.maximum(hi - lo + STEP - 1, 0) // STEP, STEP)
        keys = gram_keys(data[c0 : c1 + Q_MAX], self.q)
        bucket = (keys[chosen - c0] % np.uint64(self.buckets)).astype(np.int64)
        return chosen, bucket

    @property
    def nbytes(self) -> int:
        """The index arrays and checkpoints of this partition, in bytes."""
        return int(
            self.postings.nbytes + self.offsets.nbytes + self.bases.nbytes
            + sum(t.nbytes for t in self.texts)
        )

    def windows(
        self, keys: U64, need: int, k: int, m: int, counters: dict[str, int]
    ) -> dict[int, list[tuple[int, int]]]:
        """Normalised windows (per text of the partition) holding a diagonal band of width
        *k* with at least *need* postings of the passage's q-grams *keys*."""
        count = len(keys)
        bucket = (keys % np.uint64(self.buckets)).astype(np.int64)
        lo = self.offsets[bucket].astype(np.int64)
        sizes = self.offsets[bucket + 1].astype(np.int64) - lo
        order = np.argsort(sizes, kind="stable")
        # Leaving out the d most frequent q-grams lowers the count needed by at most d:
        # those over twice the median, at most half the count.
        median = sizes[order[count // 2]]
        drop = min(need // 2, int(np.count_nonzero(sizes > 2 * median)))
        counters["qgrams_dropped"] += drop
        used = np.sort(order[: count - drop])
        need -= drop
        sizes_used = sizes[used]
        total = int(sizes_used.sum())
        counters["postings_scanned"] += total
        if total < need:
            return {}
        firsts = np.cumsum(sizes_used) - sizes_used
        take = np.repeat(lo[used] - firsts, sizes_used) + np.arange(total, dtype=np.int64)
        diagonals = self.postings[take].astype(np.int64) - np.repeat(used, sizes_used)
        diagonals.sort()
        if need > 1:
            dense = diagonals[: total - need + 1][
                diagonals[need - 1 :] - diagonals[: total - need + 1] <= k
            ]
        else:
            dense = diagonals
        if not len(dense):
            return {}
        return self._split(np.unique(dense), m, k)

    def _split(self, dense: I64, m: int, k: int) -> dict[int, list[tuple[int, int]]]:
        """Merge the windows around dense diagonals and cut them at text boundaries."""
        # A true occurrence starts within k of its diagonal and is at most m + k long; one
        # more character each side takes in a whitespace run collapsed at its edge.
        los = dense - k - 1
        his = dense + m + 2 * k + 1
        new = np.concatenate(([True], los[1:] > his[:-1]))
        starts = los[new]
        ends = np.maximum.reduceat(his, np.flatnonzero(new))
        bases = self.bases
        out: dict[int, list[tuple[int, int]]] = {}
        for lo, hi in zip(starts.tolist(), ends.tolist(), strict=True):
            j = max(0, int(np.searchsorted(bases, lo, side="right")) - 1)
            while j < len(bases) - 1 and bases[j] < hi:
                start, end = max(lo, int(bases[j])), min(hi, int(bases[j + 1]))
                if start < end:
                    out.setdefault(j, []).append((start - int(bases[j]), end - int(bases[j])))
                j += 1
        return out


# --------------------------------------------------------------------------------------
# Fingerprints (winnowing) for clusters

PRINT = 24  # characters in a fingerprint: three 8-byte keys
WINDOW = 24  # q-gram positions per winnowing window: exact runs of 47+ chars always match
LOW = (1 << 64) // 10  # scrambled q-gram hashes under this always anchor a fingerprint
_MASK64 = np.uint64((1 << 64) - 1)


def _starts_of_texts(lengths: I64) -> I64:
    return np.concatenate(([0], np.cumsum(lengths))).astype(np.int64)


def fingerprints(
    texts: Sequence[Text], *, slice_chars: int = SLICE
) -> tuple[U64, I64, I64]:
    """(hash, text number, position) of the 24-character fingerprints of normalised texts.

    A position is an anchor when the scrambled hash of its 8-gram is in the lowest tenth,
    or when it holds the leftmost least hash of a window of 24 q-gram positions of its
    text that has no such hash (winnowing, needed only there). Either rule looks only
    inside one window of one text, so two texts that share an exact run of 47 characters
    or more share a fingerprint.

    Texts are taken a run of them at a time, about *slice_chars* characters, and a longer
    text in overlapping slices of that size: the anchors are the same, the arrays stay
    small.
    """
    # (first text, texts laid end to end, where the first begins in its text, and for a
    # slice of a long text the core [c0, c1) whose anchors it gives)
    groups: list[tuple[int, list[str], int, tuple[int, int] | None]] = []
    batch: list[str] = []
    size = 0
    for x, t in enumerate(texts):
        if batch and (size + len(t.text) > slice_chars or len(t.text) > slice_chars):
            groups.append((x - len(batch), batch, 0, None))
            batch, size = [], 0
        if len(t.text) > slice_chars:
            for c0 in range(0, len(t.text), slice_chars):
                s = max(0, c0 - _BEHIND)
                piece = t.text[s : c0 + slice_chars + _AHEAD]
                groups.append((x, [piece], s, (c0, c0 + slice_chars)))
            continue
        batch.append(t.text)
        size += len(t.text)
    if batch:
        groups.append((len(texts) - len(batch), batch, 0, None))
    hashes, owners, positions = [], [], []
    for first, strings, at, core in groups:
        h, o, p = _prints(strings)
        p += at
        if core is not None:
            keep = (p >= core[0]) & (p < core[1])
            h, o, p = h[keep], o[keep], p[keep]
        hashes.append(h)
        owners.append(o + first)
        positions.append(p)
    if not hashes:
        empty = np.zeros(0, dtype=np.int64)
        return np.zeros(0, dtype=np.uint64), empty, empty
    if len(hashes) == 1:
        return hashes[0], owners[0], positions[0]
    # one array at a time, its pieces let go before the next is joined
    all_hashes = np.concatenate(hashes)
    del hashes
    all_owners = np.concatenate(owners)
    del owners
    return all_hashes, all_owners, np.concatenate(positions)


# Context a slice of a long text carries around its core: the windows that may choose an
# anchor in the core start up to WINDOW - 1 before it; the q-grams, windows and prints of
# its last anchors reach Q_MAX + WINDOW + PRINT past it.
_BEHIND = WINDOW - 1
_AHEAD = Q_MAX + WINDOW + PRINT + 8


def _prints(texts: Sequence[str]) -> tuple[U64, I64, I64]:
    """:func:`fingerprints` of *texts* laid end to end, all at once."""
    empty = np.zeros(0, dtype=np.int64)
    if not texts:
        return np.zeros(0, dtype=np.uint64), empty, empty
    lengths = np.array([len(t) for t in texts], dtype=np.int64)
    bases = _starts_of_texts(lengths)
    keys = gram_keys(b"".join(encode(t) for t in texts), Q_MAX)
    count = len(keys)
    if count == 0:
        return np.zeros(0, dtype=np.uint64), empty, empty
    with np.errstate(over="ignore"):
        scrambled = keys * np.uint64(MIX)
    # Positions past the last print of their text (the last PRINT - 1 of it) never anchor.
    tail = PRINT - 1
    usable = np.ones(count, dtype=bool)
    cut = (bases[1:, None] - np.arange(1, tail + 1)[None, :]).ravel()
    usable[cut[(cut >= 0) & (cut < count)]] = False
    low = scrambled < np.uint64(LOW)
    # Windows [j, j + WINDOW) inside their text's q-grams with no low hash: the next low
    # position at or after j is past the window.
    at = np.arange(count, dtype=np.int32)
    nxt = np.where(low, at, np.int32(count + WINDOW))
    nxt = np.minimum.accumulate(nxt[::-1])[::-1]
    nxt -= at
    del at
    # window j holds only q-grams of its own text
    firsts = bases[:-1]
    inside = ranges(firsts, bases[1:] - (Q_MAX + WINDOW - 1) - firsts + 1, count)
    lonely = np.flatnonzero(inside & (nxt >= WINDOW))
    del nxt, inside
    selected = low & usable
    if len(lonely):
        block = scrambled[lonely[:, None] + np.arange(WINDOW)[None, :]]
        minima = lonely + np.argmin(block, axis=1)
        del block
        selected[minima[usable[minima]]] = True
    chosen = np.flatnonzero(selected)
    with np.errstate(over="ignore"):
        hashes = (
            (keys[chosen] * np.uint64(0x100000001B3))
            ^ (keys[chosen + 8] * np.uint64(0xC6A4A7935BD1E995))
            ^ (keys[chosen + 16] * np.uint64(MIX))
        )
    owner = np.searchsorted(bases, chosen, side="right").astype(np.int64) - 1
    return hashes, owner, chosen - bases[owner]


def confirmed(window: str, keys: U64, need: int, k: int, q: int) -> bool:
    """Whether *window* holds a diagonal band of width *k* with at least *need* of the
    pattern's q-grams *keys* (every position of the window counted, not one in STEP): the
    q-gram lemma at full strength, for the few windows the sampled index lets through."""
    if need <= 0:
        return True
    found = gram_keys(encode(window), q)
    if len(found) < need:
        return False
    order = np.argsort(found)
    ranked = found[order]
    lo = np.searchsorted(ranked, keys, side="left")
    sizes = np.searchsorted(ranked, keys, side="right") - lo
    total = int(sizes.sum())
    if total < need:
        return False
    firsts = np.cumsum(sizes) - sizes
    take = np.repeat(lo - firsts, sizes) + np.arange(total)
    diagonals = order[take] - np.repeat(np.arange(len(keys)), sizes)
    diagonals.sort()
    return bool((diagonals[need - 1 :] - diagonals[: total - need + 1] <= k).any())

