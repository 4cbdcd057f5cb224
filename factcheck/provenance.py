"""Provenance across many sources: who else carries a passage, and which sources are copies.

Wire copy reprinted by several outlets is one origin, not independent corroboration. A
:class:`Corpus` answers two questions about a set of sources:

* :meth:`Corpus.find` -- which sources carry this passage, and where (exactly, after
  normalisation, or with a few edits), without aligning the passage against every source;
* :meth:`Corpus.clusters` -- which sources share substantial passages, grouped so that each
  group (a syndication cluster) counts as one origin.

**The q-gram index** (built on the first call that needs it). Every source body is put
through :func:`factcheck.text.normalize` and every q-gram (q characters, 8 by default) of
the normalised text is hashed into one of ``B`` buckets (``B`` a prime near a quarter of
the number of q-grams). The postings -- global positions of the q-grams, bucket by bucket --
are one ``array('I')``, with a second array of ``B + 1`` bucket offsets (CSR layout). The
index takes about ``4n + 4B`` bytes for ``n`` normalised characters (5 bytes a character),
plus ``n/4`` bytes of checkpoints that map normalised offsets back to the original text, and
is built in O(n) time. Two q-grams that share a bucket only cost a false candidate, which
verification throws away; they never cost a hit.

**Filtering** (the q-gram lemma). A passage of normalised length ``m`` with at most ``k``
edits keeps at least ``t = (m + 1) - q(k + 1)`` of its ``m - q + 1`` q-grams intact in its
true occurrence, and the kept ones lie on at most ``k + 1`` neighbouring diagonals (text
position minus passage position). :meth:`Corpus.find` therefore counts, per diagonal
window of width ``k + 1``, the postings of the passage's q-grams, and verifies only windows
with at least ``t`` of them. Every q-gram is indexed, however common; at query time the
passage's most frequent ones (more than twice its median number of postings) are left out
where that cannot lose recall: leaving out ``d`` of them lowers the count needed to
``t - d``, and at most half of ``t`` is given up that way. With q = 8 and the default 5 %
of edits, ``t`` is positive for every passage of 8 characters or more (17 at 40
characters). Only the surviving windows -- ``m + 3k + 2`` characters each -- are anchored
with :func:`factcheck.anchoring.anchor`; no source is aligned in full.

Cost of one :meth:`~Corpus.find`: O(m log m) to read the passage's q-grams, plus the
postings of the q-grams used (P), plus O(P log P) to sort their diagonals, plus
O(V (m + 3k) m / w) to verify V windows bit-parallel (w the machine word; Python integers
make it one big-integer operation per passage character).

**Clusters** use fingerprints of the normalised texts: the 24 characters from an anchor
position. A position is an anchor when the scrambled hash of its 8-gram is in the lowest
tenth, or when it holds the smallest hash of a window of 24 positions that has no such hash
(winnowing, Schleimer et al. 2003, needed only there). Either rule looks only inside one
window, so two texts that share an exact run of 47 characters or more share at least one
fingerprint. Each shared fingerprint is extended to the maximal exact run around it, and
runs along nearly the same diagonal are chained through gaps of up to 96 characters while
the chain stays within one edit per ten characters (Levenshtein). A pair of sources is
linked when one chain is at least ``min_shared_chars`` long; clusters are the connected
components (union-find). Cost: O(n) for the fingerprints (about one position in nine),
plus the sum over repeated fingerprints of the square of the number of sources carrying
it (a phrase in every source makes every pair a candidate), plus the runs' lengths.

>>> corpus = Corpus([
...     Source("a-wire", "The committee adopted the resolution by consensus on Wednesday."),
...     Source("b-reprint", "NEW YORK. The committee adopted the resolution by consensus."),
...     Source("c-other", "The vote was postponed."),
... ])
>>> [(h.source, h.text, h.method) for h in corpus.find("adopted the resolution by consensus")]
[('a-wire', 'adopted the resolution by consensus', 'exact'), \
('b-reprint', 'adopted the resolution by consensus', 'exact')]
>>> [c.sources for c in corpus.clusters(min_shared_chars=40)]
[('a-wire', 'b-reprint'), ('c-other',)]
"""

from __future__ import annotations

import datetime
import math
import sys
from array import array
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Sequence
from itertools import accumulate, chain, compress, repeat, takewhile
from operator import add, and_, eq, le, lt, mod, mul, sub, xor

import attrs
from rapidfuzz.distance import Levenshtein

from factcheck.anchoring import AnchorOptions, Method, anchor
from factcheck.errors import CorpusError, did_you_mean
from factcheck.model import Source
from factcheck.text import Normalized, normalize

__all__ = ["Cluster", "Corpus", "CorpusError", "Hit", "Shared"]


@attrs.frozen
class Hit:
    """Where one source carries a passage: a span of its original body, how it was found.

    ``score`` is 100 for an exact or normalised match, and 100 × (1 − edits / length) for
    a fuzzy one.

    >>> Hit("a", 4, 9, 100.0, "exact", "quick")
    Hit(source='a', start=4, end=9, score=100.0, method='exact', text='quick')
    """

    source: str
    start: int
    end: int
    score: float
    method: Method
    text: str


@attrs.frozen
class Shared:
    """A passage that two sources share: its span in each original body, and a's wording.

    >>> Shared("a", 0, 5, "b", 10, 15, "hello").text
    'hello'
    """

    a: str
    a_start: int
    a_end: int
    b: str
    b_start: int
    b_end: int
    text: str


@attrs.frozen
class Cluster:
    """Sources that share substantial passages: one origin, however many outlets.

    ``sources`` are sorted; a cluster of one is a source with no copy in the corpus.
    ``shared`` is the evidence: the longest passages shared inside the cluster (a few).
    ``origin`` names the cluster: its earliest dated source, since copies cannot predate
    what they copy (undated sources last, then by id); :meth:`Corpus.clusters` sets it.

    >>> Cluster(("b", "a-wire")).origin
    'b'
    >>> Cluster(("a", "b"), origin="b").origin
    'b'
    """

    sources: tuple[str, ...]
    shared: tuple[Shared, ...] = ()
    origin: str = attrs.field()

    @origin.default
    def _first(self) -> str:
        return self.sources[0]


# --------------------------------------------------------------------------------------
# q-grams as integers
#
# A normalised text is mapped to one byte per character (ASCII as is, any other character
# to one of 127 high bytes), so that the q-gram at every position is the integer read
# from q bytes -- computed for all positions by array.frombytes, in C. Characters that
# share a byte only make two q-grams look alike: a false candidate, never a missed one.

_Q_MAX = 8
_MIX = 0x9E3779B97F4A7C15  # an odd 64-bit constant (2^64 / golden ratio) to scramble keys
_M64 = (1 << 64) - 1


def _encode(text: str) -> bytes:
    if text.isascii():
        return text.encode("ascii")
    table = {ord(c): 128 + ord(c) % 127 for c in set(text) if c >= "\x80"}
    return text.translate(table).encode("latin-1")


def _gram_keys(data: bytes, q: int) -> array[int]:
    """The q-gram at each position 0 .. len(data) - q, as an integer of q bytes."""
    count = len(data) - q + 1
    if count <= 0:
        return array("Q")
    keys = array("Q", bytes(8 * count))
    padded = data + bytes(_Q_MAX - q)
    for r in range(min(_Q_MAX, count)):
        chunk = array("Q")
        chunk.frombytes(padded[r : r + 8 * len(range(r, count, _Q_MAX))])
        if sys.byteorder == "big":
            chunk.byteswap()
        keys[r::_Q_MAX] = chunk
    if q < _Q_MAX:
        keys = array("Q", map(and_, keys, repeat((1 << (8 * q)) - 1)))
    return keys


def _prime_at_least(n: int) -> int:
    n = max(n, 3) | 1
    while any(n % d == 0 for d in range(3, math.isqrt(n) + 1, 2)):
        n += 2
    return n


_CHECKPOINT = 32  # normalised characters between two offsets kept for mapping back


@attrs.frozen
class _Text:
    """One source as the index sees it: normalised text and sparse maps to the original."""

    text: str
    starts: array[int]  # original start of normalised character 32c
    ends: array[int]  # original end of normalised character min(32c + 31, n - 1)

    @classmethod
    def of(cls, body: str) -> _Text:
        n = normalize(body)
        last = len(n.text) - 1
        starts = array("I", n.starts[::_CHECKPOINT])
        ends = array("I", (n.ends[min(c + _CHECKPOINT - 1, last)]
                           for c in range(0, len(n.text), _CHECKPOINT)))
        return cls(n.text, starts, ends)

    def original(self, start: int, end: int, size: int) -> tuple[int, int]:
        """An original span covering normalised ``[start, end)``, rounded outward to the
        neighbouring checkpoints so that characters normalisation removed (soft hyphens,
        zero-width spaces) at either edge are inside it; *size* is the original's length."""
        if start >= end:
            return 0, size
        first, last = start // _CHECKPOINT, (end - 1) // _CHECKPOINT + 1
        return (
            self.ends[first - 1] if first else 0,
            self.starts[last] if last < len(self.starts) else size,
        )


class _Index:
    """Postings of every q-gram of every normalised text, in buckets (CSR layout)."""

    def __init__(self, texts: Sequence[_Text], q: int) -> None:
        self.q = q
        self.bases = array("Q", accumulate((len(t.text) for t in texts), initial=0))
        total = sum(max(0, len(t.text) - q + 1) for t in texts)
        code = "I" if self.bases[-1] < 2**32 else "Q"
        self.buckets = _prime_at_least(max(1021, total // 4))
        # Pass 1: the bucket of every q-gram, and how many fall in each bucket.
        grams = array("I")
        for t in texts:
            grams.extend(map(mod, _gram_keys(_encode(t.text), q), repeat(self.buckets)))
        counts = array(code, bytes(array(code).itemsize * (self.buckets + 1)))
        for b in grams:
            counts[b + 1] += 1
        self.offsets = array(code, accumulate(counts))
        # Pass 2: place each position in its bucket, in increasing order.
        cursor = array(code, self.offsets)
        self.postings = array(code, bytes(array(code).itemsize * total))
        flat = 0
        for t, base in zip(texts, self.bases, strict=False):
            size = max(0, len(t.text) - q + 1)
            for p, b in zip(range(base, base + size), grams[flat : flat + size], strict=True):
                c = cursor[b]
                self.postings[c] = p
                cursor[b] = c + 1
            flat += size

    def bucket(self, key: int) -> tuple[int, int]:
        b = key % self.buckets
        return self.offsets[b], self.offsets[b + 1]

    @property
    def nbytes(self) -> int:
        return sum(a.itemsize * len(a) for a in (self.offsets, self.postings, self.bases))


def _dense(diagonals: list[int], need: int, width: int) -> Iterator[int]:
    """Diagonals d such that [d, d + width] holds at least *need* of *diagonals*."""
    diagonals.sort()
    gaps = map(sub, diagonals[need - 1 :], diagonals)
    return compress(diagonals, map(le, gaps, repeat(width)))


# --------------------------------------------------------------------------------------
# Fingerprints (winnowing) for clusters

_PRINT = 24  # characters in a fingerprint: three 8-byte keys
_WINDOW = 24  # q-gram positions per winnowing window: exact runs of 47+ chars always match
_GAP = 2 * (_PRINT + _WINDOW)  # the widest gap a chain of runs bridges
_CHAIN_EDITS = 0.1  # a chain is near-identical while its gaps cost at most this per char
_EVIDENCE = 3  # shared passages kept per cluster
_PUNCT = " .,;:!?)]}"
_LOW = (1 << 64) // 10  # scrambled q-gram hashes under this always anchor a fingerprint


def _anchors(hashes: Sequence[int], w: int) -> list[int]:
    """Positions selected by a rule that looks only inside windows of *w* hashes.

    Every position with a hash under :data:`_LOW` (one in ten) is selected, and so is the
    leftmost minimum of every window that has no such hash (winnowing, where it is
    needed). Two texts sharing *w* consecutive hashes therefore select a common position
    among them.
    """
    n = len(hashes)
    out: list[int] = []
    previous = -1
    for low in chain(compress(range(n), map(lt, hashes, repeat(_LOW))), (n,)):
        for j in range(previous + 1, low - w + 1):
            part = hashes[j : j + w]
            at = j + part.index(min(part))
            if not out or out[-1] != at:  # the minima of sliding windows never move back
                out.append(at)
        if low < n:
            out.append(low)
        previous = low
    return out


def _fingerprints(text: str) -> tuple[array[int], array[int]]:
    """(hash, position) of the 24-character fingerprints of a normalised text."""
    keys = _gram_keys(_encode(text), _Q_MAX)
    scrambled = array("Q", map(and_, map(mul, keys, repeat(_MIX)), repeat(_M64)))
    last = len(text) - _PRINT
    positions = array("I", takewhile(last.__ge__, _anchors(scrambled, _WINDOW)))
    parts = [
        map(mul, map(keys.__getitem__, map(add, positions, repeat(8 * r))), repeat(factor))
        for r, factor in enumerate((0x100000001B3, 0xC6A4A7935BD1E995, _MIX))
    ]
    hashes = array("Q", map(and_, map(xor, map(xor, *parts[:2]), parts[2]), repeat(_M64)))
    return hashes, positions


def _run(a: str, b: str, pa: int, pb: int, size: int) -> tuple[int, int, int]:
    """The maximal exact run around ``a[pa:pa+size] == b[pb:pb+size]``: (a0, b0, length)."""
    end_a, end_b = pa + size, pb + size
    step = 64
    while step:
        while (end_a + step <= len(a) and end_b + step <= len(b)
               and a[end_a : end_a + step] == b[end_b : end_b + step]):
            end_a += step
            end_b += step
        step //= 2
    step = 64
    while step:
        while pa >= step and pb >= step and a[pa - step : pa] == b[pb - step : pb]:
            pa -= step
            pb -= step
        step //= 2
    return pa, pb, end_a - pa


def _chains(
    a: str, b: str, runs: Iterable[tuple[int, int, int]]
) -> list[tuple[int, int, int, int]]:
    """Chain exact runs (a0, b0, length) into near-identical passages (a0, a1, b0, b1)."""
    chains: list[list[int]] = []  # [a0, a1, b0, b1, edits]
    for a0, b0, size in sorted(runs):
        for c in reversed(chains):
            if a0 - c[1] > _GAP:
                continue
            skip = max(c[1] - a0, c[3] - b0, 0)
            if skip >= size or b0 + skip - c[3] > _GAP:
                continue
            s_a, s_b = a0 + skip, b0 + skip
            edits = c[4] + Levenshtein.distance(a[c[1] : s_a], b[c[3] : s_b])
            if edits <= _CHAIN_EDITS * (a0 + size - c[0]):
                c[1], c[3], c[4] = a0 + size, b0 + size, edits
                break
        else:
            chains.append([a0, a0 + size, b0, b0 + size, 0])
    out = []
    for a0, a1, b0, b1, _ in chains:
        lead = len(a[a0:a1]) - len(a[a0:a1].lstrip(_PUNCT))
        trail = len(a[a0:a1]) - len(a[a0:a1].rstrip(" "))
        if a1 - trail > a0 + lead:
            out.append((a0 + lead, a1 - trail, b0 + lead, b1 - trail))
    return out


# --------------------------------------------------------------------------------------
# The corpus


class Corpus:
    """Many sources, indexed for "who else carries this passage?" and syndication clusters.

    Sources are kept in id order, so every answer is independent of the order they were
    given in. The index is built on the first :meth:`find` (or :attr:`stats`), the
    fingerprints on the first :meth:`clusters`; see the module documentation for both and
    their cost. *q* is the q-gram length, 2 to 8.

    >>> corpus = Corpus([Source("b", "One two three four."), Source("a", "Five six.")])
    >>> [s.id for s in corpus.sources]
    ['a', 'b']
    >>> Corpus([Source("a", "x"), Source("a", "y")])
    Traceback (most recent call last):
    ...
    factcheck.errors.CorpusError: source id 'a' occurs more than once
    """

    def __init__(self, sources: Iterable[Source], *, q: int = 8) -> None:
        if not 2 <= q <= _Q_MAX:
            raise CorpusError(f"q must be within [2, {_Q_MAX}], not {q!r}")
        ordered = sorted(sources, key=lambda s: s.id)
        for first, second in zip(ordered, ordered[1:], strict=False):
            if first.id == second.id:
                raise CorpusError(f"source id {first.id!r} occurs more than once")
        self._sources = tuple(ordered)
        self._position = {s.id: i for i, s in enumerate(ordered)}
        self._q = q
        self._texts: tuple[_Text, ...] | None = None
        self._index: _Index | None = None
        self._pairs: dict[tuple[int, int], list[tuple[int, int, int, int]]] | None = None
        self._fingerprints = 0
        self._clusters: dict[int, tuple[Cluster, ...]] = {}
        self._counters = dict.fromkeys(
            ("finds", "full_scans", "qgrams_dropped", "postings_scanned", "windows_verified",
             "sources_verified"), 0)

    @property
    def sources(self) -> tuple[Source, ...]:
        """The sources, in id order."""
        return self._sources

    def __len__(self) -> int:
        return len(self._sources)

    def __repr__(self) -> str:
        return f"<Corpus of {len(self._sources)} sources, q={self._q}>"

    # ---------------------------------------------------------------------------- find

    def find(
        self, passage: str, *, min_score: float = 75.0, max_edit_ratio: float = 0.05
    ) -> tuple[Hit, ...]:
        """Every source carrying *passage*: its best place in each, best first, then by id.

        The passage and the sources are compared after normalisation; a place may differ
        from the passage by ``k = ⌊max_edit_ratio × m⌋`` edits (m the normalised length;
        none under 16 characters, as in :func:`~factcheck.anchoring.anchor`) and must score
        at least *min_score*. No recall is lost to the index: every source whose
        normalised text holds a stretch within ``k`` edits of the normalised passage is
        verified, along the first path that applies:

        1. the q-gram lemma (the index), whenever ``t = m + 1 - q(k + 1) > 0`` -- with the
           defaults, every passage of at least q = 8 characters;
        2. a passage shorter than q is looked up with ``str.find`` in every normalised text
           (it is never matched fuzzily), and only the sources holding it are anchored;
        3. otherwise (``k ≥ (m + 1)/q - 1``: a *max_edit_ratio* near 1/q or more, so that
           the edits may leave no q-gram intact) it is anchored against every source.

        Never raises on any text; a passage in no source gives ``()``. (A passage cut
        between a letter and its combining accent normalises differently from its source
        and counts the difference as an edit.)

        >>> corpus = Corpus([
        ...     Source("x", "Seoul keeps backing the UN resolution on human rights."),
        ...     Source("y", "Officials said Seoul keeps backing the UN resolution."),
        ... ])
        >>> [(h.source, h.start, h.end, h.method) for h in corpus.find("keeps backing the UN")]
        [('x', 6, 26, 'exact'), ('y', 21, 41, 'exact')]
        >>> [(h.source, h.text, round(h.score)) for h in corpus.find(
        ...     "Seoul keeps backng the UN resolution on human rights")]
        [('x', 'Seoul keeps backing the UN resolution on human rights', 98)]
        >>> corpus.find("nowhere to be found")
        ()
        """
        # Windows are only verified: a miss needs no nearest passage.
        options = AnchorOptions(min_score=min_score, max_edit_ratio=max_edit_ratio,
                                nearest=False)
        needle = normalize(passage).text.strip(" ")
        if not needle or not self._sources:
            return ()
        self._counters["finds"] += 1
        texts = self._normalised()
        m = len(needle)
        k = 0
        if m >= options.short_quote:
            k = min(m - 1, math.floor(max_edit_ratio * m + 1e-9))
        windows = self._windows(needle, k)
        if windows is None:  # no filter applies: every source, whole
            if m < self._q:
                windows = {
                    j: [(0, len(t.text))] for j, t in enumerate(texts) if needle in t.text
                }
            else:
                windows = {j: [(0, len(t.text))] for j, t in enumerate(texts)}
            self._counters["full_scans"] += 1
        hits = []
        for j, spans in sorted(windows.items()):
            hit = self._verify(j, spans, passage, options)
            if hit is not None:
                hits.append(hit)
        self._counters["sources_verified"] += len(windows)
        return tuple(sorted(hits, key=lambda h: (-h.score, h.source)))

    def _verify(
        self, j: int, spans: list[tuple[int, int]], passage: str, options: AnchorOptions
    ) -> Hit | None:
        """The best place of *passage* in source *j*, looking only inside *spans*."""
        source, text = self._sources[j], self._normalised()[j]
        best: tuple[tuple[float, int, int], Hit] | None = None
        for lo, hi in spans:
            self._counters["windows_verified"] += 1
            start, end = text.original(lo, hi, len(source.body))
            found = anchor(passage, source.body[start:end], options=options)
            if found.start is None or found.end is None or found.method is None:
                continue
            rank = (-found.score, _RANK[found.method], start + found.start)
            if best is None or rank < best[0]:
                s, e = start + found.start, start + found.end
                best = rank, Hit(source.id, s, e, found.score, found.method, source.body[s:e])
                if found.method == "exact":
                    break  # spans are in order: no later place beats the first exact one
        return None if best is None else best[1]

    def _windows(self, needle: str, k: int) -> dict[int, list[tuple[int, int]]] | None:
        """Normalised windows worth verifying, per source, or None when no filter applies."""
        index = self._built()
        q, m = index.q, len(needle)
        if m < q:
            return None
        keys = _gram_keys(_encode(needle), q)
        places = [index.bucket(key) for key in keys]
        sizes = [hi - lo for lo, hi in places]
        count = len(keys)
        need = count - q * k
        if need <= 0:
            return None
        order = sorted(range(count), key=lambda i: (sizes[i], i))
        # Leaving out the d most frequent q-grams lowers the count needed by d.
        median = sizes[order[count // 2]]
        drop = 0
        while drop < need // 2 and sizes[order[count - 1 - drop]] > 2 * median:
            drop += 1
        self._counters["qgrams_dropped"] += drop
        diagonals: list[int] = []
        for i in order[: count - drop]:
            lo, hi = places[i]
            diagonals.extend(map(sub, index.postings[lo:hi], repeat(i)))
        self._counters["postings_scanned"] += len(diagonals)
        dense = _dense(diagonals, need - drop, k)
        return self._split(dense, m, k)

    def _split(self, dense: Iterable[int], m: int, k: int) -> dict[int, list[tuple[int, int]]]:
        """Merge the windows around dense diagonals and cut them at source boundaries."""
        # A true occurrence starts within k of its diagonal and is at most m + k long; one
        # more character each side takes in a whitespace run collapsed at its edge.
        merged: list[list[int]] = []
        for d in sorted(set(dense)):
            lo, hi = d - k - 1, d + m + 2 * k + 1
            if merged and lo <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], hi)
            else:
                merged.append([lo, hi])
        bases = self._built().bases
        out: dict[int, list[tuple[int, int]]] = {}
        for lo, hi in merged:
            j = max(0, bisect_right(bases, lo) - 1)
            while j < len(bases) - 1 and bases[j] < hi:
                start, end = max(lo, bases[j]), min(hi, bases[j + 1])
                if start < end:
                    out.setdefault(j, []).append((start - bases[j], end - bases[j]))
                j += 1
        return out

    def _normalised(self) -> tuple[_Text, ...]:
        if self._texts is None:
            self._texts = tuple(_Text.of(s.body) for s in self._sources)
        return self._texts

    def _built(self) -> _Index:
        if self._index is None:
            self._index = _Index(self._normalised(), self._q)
        return self._index

    # ------------------------------------------------------------------------ clusters

    def clusters(self, *, min_shared_chars: int = 120) -> tuple[Cluster, ...]:
        """Group the sources that share substantial passages; every source in one cluster.

        Two sources are linked when they share a passage of at least *min_shared_chars*
        normalised characters that is exact or near-identical (see the module
        documentation); clusters are the connected components of the links, each with its
        sources sorted, in order of their first source. Exact runs shorter than 47
        characters may go unseen, so a *min_shared_chars* below that is best-effort.

        >>> lede = ("The UN General Assembly Third Committee adopted the resolution, "
        ...         "co-sponsored by 61 countries, during a meeting in New York on Wednesday.")
        >>> corpus = Corpus([
        ...     Source("wire", lede + " The resolution will be reviewed next month."),
        ...     Source("copy", "SEOUL, Nov 20. " + lede.replace("Wednesday", "Weds")),
        ...     Source("own", "The committee met in New York on Wednesday."),
        ... ])
        >>> [c.sources for c in corpus.clusters()]
        [('copy', 'wire'), ('own',)]
        >>> corpus.origin_of("wire"), corpus.origin_of("own")
        ('copy', 'own')
        """
        if min_shared_chars in self._clusters:
            return self._clusters[min_shared_chars]
        pairs = self._shared_pairs()
        parent = list(range(len(self._sources)))

        def root(x: int) -> int:
            while parent[x] != x:
                parent[x] = parent[parent[x]]
                x = parent[x]
            return x

        evidence: list[tuple[int, int, tuple[int, int, int, int]]] = []
        for (i, j), passages in sorted(pairs.items()):
            long = [p for p in passages if p[1] - p[0] >= min_shared_chars]
            if long:
                a, b = root(i), root(j)
                parent[max(a, b)] = min(a, b)
                evidence.extend((i, j, p) for p in long)
        members: dict[int, list[int]] = {}
        for x in range(len(self._sources)):
            members.setdefault(root(x), []).append(x)
        evidence.sort(key=lambda e: (-(e[2][1] - e[2][0]), e[0], e[2][0], e[1], e[2][2]))
        shown: dict[int, list[Shared]] = {}
        maps: dict[int, Normalized] = {}
        for i, j, p in evidence:
            kept = shown.setdefault(root(i), [])
            if len(kept) < _EVIDENCE:
                kept.append(self._shared(i, j, p, maps))
        out = tuple(
            Cluster(tuple(self._sources[x].id for x in xs), tuple(shown.get(r, ())),
                    _earliest(self._sources[x] for x in xs))
            for r, xs in sorted(members.items(), key=lambda item: item[1][0])
        )
        self._clusters[min_shared_chars] = out
        return out

    def origin_of(self, source_id: str) -> str:
        """The origin of the cluster (default :meth:`clusters`) that *source_id* is in.

        >>> Corpus([Source("a", "text")]).origin_of("b")
        Traceback (most recent call last):
        ...
        factcheck.errors.CorpusError: unknown source 'b'
        """
        if source_id not in self._position:
            raise CorpusError(
                f"unknown source {source_id!r}" + did_you_mean(source_id, self._position)
            )
        return next(c.origin for c in self.clusters() if source_id in c.sources)

    def _shared(
        self, i: int, j: int, p: tuple[int, int, int, int], maps: dict[int, Normalized]
    ) -> Shared:
        """A passage (normalised spans) of sources *i* and *j*, in their original bodies."""
        for x in (i, j):
            if x not in maps:
                maps[x] = normalize(self._sources[x].body)
        a, b = self._sources[i], self._sources[j]
        a0, a1 = maps[i].to_original(p[0], p[1])
        b0, b1 = maps[j].to_original(p[2], p[3])
        return Shared(a.id, a0, a1, b.id, b0, b1, a.body[a0:a1])

    def _shared_pairs(self) -> dict[tuple[int, int], list[tuple[int, int, int, int]]]:
        """Near-identical passages (normalised spans) of every pair sharing a fingerprint."""
        if self._pairs is not None:
            return self._pairs
        texts = [t.text for t in self._normalised()]
        hashes, owners, positions = array("Q"), array("I"), array("I")
        for j, text in enumerate(texts):
            hs, ps = _fingerprints(text)
            hashes.extend(hs)
            positions.extend(ps)
            owners.extend(repeat(j, len(ps)))
        self._fingerprints = len(hashes)
        # Only fingerprints that occur more than once matter; find them with loops in C.
        ordered = sorted(hashes)
        repeated = set(compress(ordered[1:], map(eq, ordered[1:], ordered)))
        del ordered
        groups: dict[int, list[tuple[int, int]]] = {}
        for x in compress(range(len(hashes)), map(repeated.__contains__, hashes)):
            groups.setdefault(hashes[x], []).append((owners[x], positions[x]))
        matches: dict[tuple[int, int], list[tuple[int, int]]] = {}
        for group in groups.values():
            for x, (i, pa) in enumerate(group):
                for j, pb in group[x + 1 :]:
                    if j != i:
                        matches.setdefault((i, j), []).append((pa, pb))
        pairs: dict[tuple[int, int], list[tuple[int, int, int, int]]] = {}
        for (i, j), found in sorted(matches.items()):
            a, b = texts[i], texts[j]
            runs: dict[int, list[tuple[int, int, int]]] = {}  # by diagonal
            for pa, pb in sorted(found):
                if a[pa : pa + _PRINT] != b[pb : pb + _PRINT]:
                    continue  # a hash collision
                same = runs.setdefault(pb - pa, [])
                if any(r[0] <= pa and pa + _PRINT <= r[0] + r[2] for r in same):
                    continue
                same.append(_run(a, b, pa, pb, _PRINT))
            chains = _chains(a, b, (r for same in runs.values() for r in same))
            if chains:
                pairs[(i, j)] = chains
        self._pairs = pairs
        return pairs

    # --------------------------------------------------------------------------- stats

    @property
    def stats(self) -> dict[str, int]:
        """Sizes of the index (built if need be) and counts of the work done so far.

        Sizes: ``sources``, ``characters`` (normalised), ``q``, ``buckets``, ``postings``,
        ``index_bytes`` (the arrays, checkpoints included) and ``fingerprints`` (0 until
        :meth:`clusters` is first called). Counts over all :meth:`find` calls so far:
        ``finds``, ``full_scans`` (passages no filter applied to), ``qgrams_dropped``,
        ``postings_scanned``, ``windows_verified`` and ``sources_verified`` -- the sources
        in which a window was anchored; divided by ``finds × sources`` it is the fraction
        of the corpus a query touches.

        >>> corpus = Corpus([Source("a", "one two three four five six")])
        >>> corpus.stats["characters"], corpus.stats["postings"]
        (27, 20)
        """
        index = self._built()
        texts = self._normalised()
        checkpoints = sum(t.starts.itemsize * (len(t.starts) + len(t.ends)) for t in texts)
        return {
            "sources": len(self._sources),
            "characters": sum(len(t.text) for t in texts),
            "q": index.q,
            "buckets": index.buckets,
            "postings": len(index.postings),
            "index_bytes": index.nbytes + checkpoints,
            "fingerprints": self._fingerprints,
            **self._counters,
        }


_RANK = {"exact": 0, "normalized": 1, "fuzzy": 2}




def _earliest(sources: Iterable[Source]) -> str:
    """The id of the earliest dated source (undated ones last, then by id)."""
    return min(sources, key=lambda s: (s.published or datetime.date.max, s.id)).id
