"""Provenance across many sources: who else carries a passage, and which sources are copies.

Wire copy reprinted by several outlets is one origin, not independent corroboration. A
:class:`Corpus` answers two questions about a set of sources:

* :meth:`Corpus.find` -- which sources carry this passage, and where (exactly, after
  normalisation, or with a few edits), without aligning the passage against every source;
* :meth:`Corpus.clusters` -- which sources share substantial passages, grouped so that each
  group (a syndication cluster) counts as one origin.

**Partitions.** The sources (in id order) are cut into partitions of about 2 M normalised
characters; each partition is normalised, indexed and fingerprinted on its own by the
functions of :mod:`factcheck._index` (numpy), in this process, in a pool of ``jobs``
processes, or on the workers of a Dask cluster (``dask=client``); the corpus merges their
answers, which are the same on every path.

**The q-gram index** (built on the first call that needs it). In every normalised text the
q-grams (q characters, 8 by default) at even offsets are hashed into one of ``B`` buckets
(``B`` a prime near a quarter of their number, per partition). The postings -- positions in
the partition, bucket by bucket -- are one ``uint32`` array, with a second array of
``B + 1`` bucket offsets (CSR layout), built with one sort. The index takes about
``2n + n/2`` bytes for ``n`` normalised characters, plus ``n/4`` bytes of checkpoints that
map normalised offsets back to the original text (under 3 bytes a character). Two q-grams
that share a bucket only cost a false candidate, which verification throws away; they
never cost a hit.

**Filtering** (the q-gram lemma). A passage of normalised length ``m`` with at most ``k``
edits keeps at least ``t = (m + 1) - q(k + 1)`` of its ``m - q + 1`` q-grams intact in its
true occurrence, in at most ``k + 1`` runs of consecutive positions, and the kept ones lie
on at most ``k + 1`` neighbouring diagonals (text position minus passage position). A run
of ``L`` positions holds at least ``⌊L/2⌋`` even ones, so at least ``⌈(t - k - 1)/2⌉``
intact q-grams are indexed. :meth:`Corpus.find` counts, per diagonal window of width
``k + 1``, the postings of the passage's q-grams, and verifies only windows with at least
that many. At query time the passage's most frequent q-grams (more than twice its median
number of postings) are left out where that cannot lose recall: leaving out ``d`` of them
lowers the count needed by ``d``, and at most half of it is given up that way. With q = 8
and the default 5 % of edits, the count is positive for every passage of 10 characters or
more (7 at 40 characters). Only the surviving windows -- ``m + 3k + 2`` characters each --
are anchored with :func:`factcheck.anchoring.anchor`; no source is aligned in full.

Cost of one :meth:`~Corpus.find`: O(m log m) to read the passage's q-grams, plus the
postings of the q-grams used (P), plus O(P log P) to sort their diagonals, plus the
anchoring of V windows.

**Clusters** use fingerprints of the normalised texts: the 24 characters from an anchor
position. A position is an anchor when the scrambled hash of its 8-gram is in the lowest
tenth, or when it holds the smallest hash of some window of 24 positions (winnowing,
Schleimer et al. 2003). Either rule looks only inside one window, so two texts that share
an exact run of 47 characters or more share at least one fingerprint. Candidate pairs are
drawn from the sources carrying each fingerprint, sorted by the fingerprints that follow
and precede it in their texts: every pair when at most eight sources carry it, otherwise
only neighbours in that order -- sources carrying the same longer passage are neighbours,
and neighbours are enough to connect a cluster, while a stock phrase carried by thousands
of sources costs as many pairs, not millions. A pair is verified only when two of its
shared fingerprints lie on nearly the same diagonal (for ``min_shared_chars`` of 96 or
more; a passage of 120 characters holds four). Each shared fingerprint is extended to the
maximal exact run around it, and runs along nearly the same diagonal are chained through
gaps of up to 96 characters while the chain stays within one edit per ten characters
(Levenshtein). A pair of sources is linked when one chain is at least ``min_shared_chars``
long; clusters are the connected components (union-find). Cost: O(n) for the fingerprints
(about one position in nine) and the candidate pairs (sorted in numpy), plus the runs'
lengths of the verified pairs.

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
import functools
import importlib
import math
import sys
from bisect import bisect_right
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import Executor, ProcessPoolExecutor
from typing import TYPE_CHECKING, Any, TypeVar

import attrs
from rapidfuzz.distance import Levenshtein

from factcheck.anchoring import AnchorOptions, Method, anchor
from factcheck.errors import CorpusError, did_you_mean
from factcheck.model import Source
from factcheck.text import Normalized, normalize

if TYPE_CHECKING:
    import numpy as np

    from factcheck import _index
    from factcheck._index import Part
else:
    # numpy and the kernels load on first use: ``import factcheck`` does not pay for them.
    class _Lazy:
        def __init__(self, name: str, alias: str) -> None:
            self._name, self._alias = name, alias

        def __getattr__(self, attr: str) -> Any:
            module = importlib.import_module(self._name)
            globals()[self._alias] = module
            return getattr(module, attr)

    np = _Lazy("numpy", "np")
    _index = _Lazy("factcheck._index", "_index")

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
# Work on one partition: the same functions on every path (here, processes, Dask workers)

_COUNTERS = ("finds", "full_scans", "qgrams_dropped", "postings_scanned", "windows_verified",
             "sources_verified")


@attrs.frozen
class _Sources:
    """The sources of one partition: their global number, ids and bodies."""

    first: int
    ids: tuple[str, ...]
    bodies: tuple[str, ...]


class _Part:
    """A partition: its sources, their normalised texts and (once needed) its index."""

    def __init__(self, sources: _Sources, q: int, index: bool) -> None:
        self.sources = sources
        self.q = q
        self.texts = [_index.text_of(b) for b in sources.bodies]
        self._index = _index.Part(sources.first, self.texts, q) if index else None

    @property
    def index(self) -> Part:
        if self._index is None:
            self._index = _index.Part(self.sources.first, self.texts, self.q)
        return self._index


def _build(sources: _Sources, q: int, index: bool) -> _Part:
    return _Part(sources, q, index)


def _part_stats(part: _Part) -> dict[str, int]:
    return {
        "characters": sum(len(t.text) for t in part.texts),
        "buckets": part.index.buckets,
        "postings": len(part.index.postings),
        "index_bytes": part.index.nbytes,
    }


def _find_in(
    part: _Part, passage: str, needle: str, keys: _index.U64, k: int, need: int, full: bool,
    options: AnchorOptions,
) -> tuple[list[Hit], dict[str, int]]:
    """The hits of *passage* in one partition (*keys*: the q-grams of its normalised form
    *needle*), and the work it took."""
    counters = dict.fromkeys(_COUNTERS, 0)
    if full:  # no filter applies: every source whole (only those holding a short needle)
        m = len(needle)
        windows = {
            j: [(0, len(t.text))] for j, t in enumerate(part.texts)
            if (m >= part.q and k > 0) or needle in t.text
        }
    else:
        windows = part.index.windows(keys, need, k, len(needle), counters)
        # The index holds one q-gram in two; before anchoring, count them all in the
        # window (the lemma's full count, t = m + 1 - q(k + 1)).
        full_need = len(needle) + 1 - part.q * (k + 1)
        windows = {
            j: kept for j, spans in windows.items()
            if (kept := [(lo, hi) for lo, hi in spans if _index.confirmed(
                part.texts[j].text[lo:hi], keys, full_need, k, part.q)])
        }
    hits = []
    for j, spans in sorted(windows.items()):
        hit = _verify(part, j, spans, passage, options, counters)
        if hit is not None:
            hits.append(hit)
    counters["sources_verified"] += len(windows)
    return hits, counters


def _verify(
    part: _Part, j: int, spans: list[tuple[int, int]], passage: str, options: AnchorOptions,
    counters: dict[str, int],
) -> Hit | None:
    """The best place of *passage* in source *j* of *part*, looking only inside *spans*."""
    source_id, body = part.sources.ids[j], part.sources.bodies[j]
    text = part.texts[j]
    best: tuple[tuple[float, int, int], Hit] | None = None
    for lo, hi in spans:
        counters["windows_verified"] += 1
        start, end = text.original(lo, hi, len(body))
        found = anchor(passage, body[start:end], options=options)
        if found.start is None or found.end is None or found.method is None:
            continue
        rank = (-found.score, _RANK[found.method], start + found.start)
        if best is None or rank < best[0]:
            s, e = start + found.start, start + found.end
            best = rank, Hit(source_id, s, e, found.score, found.method, body[s:e])
            if found.method == "exact":
                break  # spans are in order: no later place beats the first exact one
    return None if best is None else best[1]


_Prints = tuple["_index.U64", "_index.I64", "_index.I64"]


def _prints_of(part: _Part) -> _Prints:
    """The fingerprints of a partition: hashes, global source numbers, positions."""
    hashes, owners, positions = _index.fingerprints(part.texts)
    return hashes, owners + part.sources.first, positions


def _pairs_of(
    job: tuple[list[tuple[int, int, list[tuple[int, int]]]], dict[int, str]],
) -> list[tuple[int, int, list[tuple[int, int, int, int]]]]:
    """Near-identical passages of candidate pairs (i, j, their shared fingerprints)."""
    candidates, texts = job
    out = []
    for i, j, found in candidates:
        chains = _passages(texts[i], texts[j], found)
        if chains:
            out.append((i, j, chains))
    return out


def _passages(a: str, b: str, found: list[tuple[int, int]]) -> list[tuple[int, int, int, int]]:
    runs: dict[int, list[tuple[int, int, int]]] = {}  # by diagonal
    for pa, pb in sorted(found):
        if a[pa : pa + _PRINT] != b[pb : pb + _PRINT]:
            continue  # a hash collision
        same = runs.setdefault(pb - pa, [])
        if any(r[0] <= pa and pa + _PRINT <= r[0] + r[2] for r in same):
            continue
        same.append(_run(a, b, pa, pb, _PRINT))
    return _chains(a, b, (r for same in runs.values() for r in same))


# --------------------------------------------------------------------------------------
# Where the partitions live

_T = TypeVar("_T")
_R = TypeVar("_R")


class _Runner:
    """Runs a function over items, here or in a pool of processes, with a progress bar."""

    def __init__(self, jobs: int, quiet: bool) -> None:
        self.jobs = jobs
        self.quiet = quiet

    def bar(self, total: int, what: str) -> Any:
        if self.quiet or total < 2 or not sys.stderr.isatty():
            return None
        from tqdm import tqdm  # type: ignore[import-untyped]

        return tqdm(total=total, desc=what, unit="part", leave=False, file=sys.stderr)

    def map(self, fn: Callable[[_T], _R], items: Sequence[_T], what: str) -> list[_R]:
        bar = self.bar(len(items), what)
        out: list[_R] = []
        if self.jobs > 1 and len(items) > 1:
            with ProcessPoolExecutor(max_workers=min(self.jobs, len(items))) as pool:
                out = self._collect(pool, fn, items, bar)
        else:
            for item in items:
                out.append(fn(item))
                if bar is not None:
                    bar.update()
        if bar is not None:
            bar.close()
        return out

    @staticmethod
    def _collect(
        pool: Executor, fn: Callable[[_T], _R], items: Sequence[_T], bar: Any
    ) -> list[_R]:
        futures = [pool.submit(fn, item) for item in items]
        out = []
        for f in futures:
            out.append(f.result())
            if bar is not None:
                bar.update()
        return out


class _LocalParts:
    """Partitions held in this process (built here or in a pool of processes)."""

    def __init__(
        self, chunks: Sequence[_Sources], q: int, index: bool, runner: _Runner
    ) -> None:
        self.runner = runner
        what = "indexing" if index else "normalising"
        self.parts = runner.map(functools.partial(_build, q=q, index=index), chunks, what)

    def run(self, fn: Callable[..., _R], *args: Any) -> list[_R]:
        return [fn(part, *args) for part in self.parts]

    def map(
        self, fn: Callable[[_T], _R], items: Sequence[_T], what: str, jobs: int | None = None
    ) -> list[_R]:
        runner = self.runner if jobs is None else _Runner(jobs, self.runner.quiet)
        return runner.map(fn, items, what)

    def text(self, x: int) -> str:
        """The normalised text of source *x* (a global number)."""
        if not hasattr(self, "_firsts"):
            self._firsts = [p.sources.first for p in self.parts]
        part = self.parts[bisect_right(self._firsts, x) - 1]
        return part.texts[x - part.sources.first].text


class _DaskParts:
    """Partitions held by the workers of a Dask cluster: only answers come back."""

    def __init__(
        self, chunks: Sequence[_Sources], q: int, index: bool, client: Any, quiet: bool
    ) -> None:
        self.client = client
        self.quiet = quiet
        self.parts = [client.submit(_build, c, q, index, pure=False) for c in chunks]

    def run(self, fn: Callable[..., _R], *args: Any) -> list[_R]:
        futures = [self.client.submit(fn, part, *args, pure=False) for part in self.parts]
        return list(self.client.gather(futures))

    def map(
        self, fn: Callable[[_T], _R], items: Sequence[_T], what: str, jobs: int | None = None
    ) -> list[_R]:
        return list(self.client.gather(self.client.map(fn, items, pure=False)))


# --------------------------------------------------------------------------------------
# Candidate pairs for clusters

_CROWD = 8  # a fingerprint carried by more sources pairs only neighbours
_BAND = 32  # two shared fingerprints this close in diagonal make a pair worth verifying
_REACH = 4  # ... when they are at most this many apart in the pair's diagonal order


def _candidates(
    hashes: _index.U64, owners: _index.I64, positions: _index.I64, two: bool
) -> list[tuple[int, int, list[tuple[int, int]]]]:
    """Pairs of sources worth verifying, with their shared fingerprints (pa, pb).

    *hashes*, *owners* and *positions* list every fingerprint in order of source and
    position. With *two*, a pair needs two shared fingerprints within :data:`_BAND` of
    each other's diagonal.
    """
    n = len(hashes)
    if n < 2:
        return []
    order = np.argsort(hashes)  # (order inside a group is settled below or does not matter)
    sorted_hashes = hashes[order]
    heads = np.flatnonzero(np.concatenate(([True], sorted_hashes[1:] != sorted_hashes[:-1])))
    del sorted_hashes
    sizes = np.diff(np.append(heads, n))
    # In a crowded group, order the carriers by the fingerprints after and before theirs.
    crowded = sizes > _CROWD
    if crowded.any():
        slots = _index.strided(heads[crowded], sizes[crowded], 1)
        group = np.repeat(np.arange(int(crowded.sum())), sizes[crowded])
        x = order[slots]
        nxt = np.minimum(x + 1, n - 1)
        prv = np.maximum(x - 1, 0)
        zero = np.uint64(0)
        after = np.where((x + 1 < n) & (owners[nxt] == owners[x]), hashes[nxt], zero)
        before = np.where((x > 0) & (owners[prv] == owners[x]), hashes[prv], zero)
        order[slots] = x[np.lexsort((positions[x], owners[x], before, after, group))]
        del slots, group, x, nxt, prv, after, before
    owners, positions = owners[order], positions[order]
    del order
    firsts: list[Any] = []
    seconds: list[Any] = []
    for size in range(2, _CROWD + 1):
        g = heads[sizes == size]
        if len(g):
            for x0 in range(size):
                for y0 in range(x0 + 1, size):
                    firsts.append(g + x0)
                    seconds.append(g + y0)
    if crowded.any():
        last = np.append(heads[1:], n) - 1
        step = np.repeat(crowded, sizes)
        step[last] = False  # the last of a group has no next
        neighbours = np.flatnonzero(step)
        firsts.append(neighbours)
        seconds.append(neighbours + 1)
    if not firsts:
        return []
    first = np.concatenate(firsts)
    second = np.concatenate(seconds)
    del firsts, seconds
    i, j = owners[first], owners[second]
    pa, pb = positions[first], positions[second]
    keep = i != j
    i, j, pa, pb = i[keep], j[keep], pa[keep], pb[keep]
    swap = i > j
    i, j = np.where(swap, j, i), np.where(swap, i, j)
    pa, pb = np.where(swap, pb, pa), np.where(swap, pa, pb)
    if not len(i):
        return []
    pair = i * (int(j.max()) + 1) + j
    diagonal = pb - pa
    order = np.lexsort((diagonal, pair))
    pair, diagonal, pa, pb = pair[order], diagonal[order], pa[order], pb[order]
    i, j = i[order], j[order]
    new = np.concatenate(([True], pair[1:] != pair[:-1]))
    if two:
        # a pair is kept when two of its matches lie within _BAND of each other's diagonal
        # (and are not the same passage of 47 characters: they do not overlap)
        group = np.cumsum(new) - 1
        flagged = np.zeros(int(group[-1]) + 1, dtype=bool)
        for gap in range(1, _REACH + 1):
            close = (
                (group[gap:] == group[:-gap])
                & (diagonal[gap:] - diagonal[:-gap] <= _BAND)
                & (np.abs(pa[gap:] - pa[:-gap]) >= _PRINT)
            )
            flagged[group[gap:][close]] = True
        chosen = flagged[group]
        i, j, pa, pb, new = i[chosen], j[chosen], pa[chosen], pb[chosen], new[chosen]
    out: list[tuple[int, int, list[tuple[int, int]]]] = []
    bounds = np.append(np.flatnonzero(new), len(i)).tolist()
    il, jl, pal, pbl = i.tolist(), j.tolist(), pa.tolist(), pb.tolist()
    for s, e in zip(bounds[:-1], bounds[1:], strict=True):
        out.append((il[s], jl[s], sorted(zip(pal[s:e], pbl[s:e], strict=True))))
    return out


# --------------------------------------------------------------------------------------
# Exact runs and chains

_PRINT = 24  # characters in a fingerprint (_index.PRINT)
_GAP = 2 * (_PRINT + 24)  # the widest gap a chain of runs bridges (prints and windows)
_Q_MAX = 8
_PART_CHARS = 1 << 21  # characters in a partition: its arrays stay under 32 MiB, which
# malloc recycles instead of mapping fresh pages each time
_CHAIN_EDITS = 0.1  # a chain is near-identical while its gaps cost at most this per char
_EVIDENCE = 3  # shared passages kept per cluster
_PUNCT = " .,;:!?)]}"


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

    *jobs* processes build the partitions (``partition`` normalised characters each) and
    fingerprint them; *dask*, a ``distributed.Client``, keeps the partitions on its
    workers instead (install ``factcheck[dask]``), and :meth:`find` and :meth:`clusters`
    send the work there -- the answers are the same on every path. Long work shows a
    progress bar on a terminal unless *quiet*.

    >>> corpus = Corpus([Source("b", "One two three four."), Source("a", "Five six.")])
    >>> [s.id for s in corpus.sources]
    ['a', 'b']
    >>> Corpus([Source("a", "x"), Source("a", "y")])
    Traceback (most recent call last):
    ...
    factcheck.errors.CorpusError: source id 'a' occurs more than once
    """

    def __init__(
        self,
        sources: Iterable[Source],
        *,
        q: int = 8,
        jobs: int = 1,
        dask: Any = None,
        quiet: bool = False,
        partition: int = _PART_CHARS,
    ) -> None:
        if not 2 <= q <= _Q_MAX:
            raise CorpusError(f"q must be within [2, {_Q_MAX}], not {q!r}")
        if jobs < 1:
            raise CorpusError(f"jobs must be at least 1, not {jobs!r}")
        if partition < 1:
            raise CorpusError(f"partition must be at least 1, not {partition!r}")
        ordered = sorted(sources, key=lambda s: s.id)
        for first, second in zip(ordered, ordered[1:], strict=False):
            if first.id == second.id:
                raise CorpusError(f"source id {first.id!r} occurs more than once")
        self._sources = tuple(ordered)
        self._position = {s.id: i for i, s in enumerate(ordered)}
        self._q = q
        self._jobs = jobs
        self._dask = dask
        self._quiet = quiet
        self._partition = partition
        self._parts: _LocalParts | _DaskParts | None = None
        self._texts: dict[int, str] = {}
        self._pairs: dict[bool, dict[tuple[int, int], list[tuple[int, int, int, int]]]] = {}
        self._fingerprints = 0
        self._clusters: dict[int, tuple[Cluster, ...]] = {}
        self._counters = dict.fromkeys(_COUNTERS, 0)

    @property
    def sources(self) -> tuple[Source, ...]:
        """The sources, in id order."""
        return self._sources

    def __len__(self) -> int:
        return len(self._sources)

    def __repr__(self) -> str:
        return f"<Corpus of {len(self._sources)} sources, q={self._q}>"

    # ---------------------------------------------------------------------- partitions

    def _chunks(self) -> list[_Sources]:
        chunks: list[_Sources] = []
        first, size = 0, 0
        for x, s in enumerate(self._sources):
            if x > first and size + len(s.body) > self._partition:
                chunks.append(self._chunk(first, x))
                first, size = x, 0
            size += len(s.body)
        if self._sources:
            chunks.append(self._chunk(first, len(self._sources)))
        return chunks

    def _chunk(self, first: int, stop: int) -> _Sources:
        part = self._sources[first:stop]
        return _Sources(first, tuple(s.id for s in part), tuple(s.body for s in part))

    def _built(self, jobs: int | None = None, *, index: bool = True) -> _LocalParts | _DaskParts:
        """The partitions, normalised (and indexed, with *index*, if this builds them; an
        index not built yet is built where the partition is, on first use)."""
        if self._parts is None:
            if self._dask is not None:
                self._parts = _DaskParts(
                    self._chunks(), self._q, index, self._dask, self._quiet
                )
            else:
                runner = _Runner(jobs or self._jobs, self._quiet)
                self._parts = _LocalParts(self._chunks(), self._q, index, runner)
        return self._parts

    # ---------------------------------------------------------------------------- find

    def find(
        self,
        passage: str,
        *,
        min_score: float = 75.0,
        max_edit_ratio: float = 0.05,
        jobs: int | None = None,
    ) -> tuple[Hit, ...]:
        """Every source carrying *passage*: its best place in each, best first, then by id.

        The passage and the sources are compared after normalisation; a place may differ
        from the passage by ``k = ⌊max_edit_ratio × m⌋`` edits (m the normalised length;
        none under 16 characters, as in :func:`~factcheck.anchoring.anchor`) and must score
        at least *min_score*. No recall is lost to the index: every source whose
        normalised text holds a stretch within ``k`` edits of the normalised passage is
        verified, along the first path that applies:

        1. the q-gram lemma (the index), whenever ``⌈(t - k - 1)/2⌉ > 0`` for
           ``t = m + 1 - q(k + 1)`` -- with the defaults, every passage of at least 10
           characters;
        2. a passage with no edits allowed (shorter than 16 characters) is looked up with
           ``str.find`` in every normalised text, and only the sources holding it are
           anchored;
        3. otherwise (a *max_edit_ratio* near 1/q or more, so that the edits may leave no
           q-gram intact) it is anchored against every source.

        *jobs* processes build the index if this call builds it. Never raises on any
        text; a passage in no source gives ``()``. (A passage cut between a letter and
        its combining accent normalises differently from its source and counts the
        difference as an edit.)

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
        m, q = len(needle), self._q
        k = 0
        if m >= options.short_quote:
            k = min(m - 1, math.floor(max_edit_ratio * m + 1e-9))
        t = m + 1 - q * (k + 1)
        need = -(-(t - k - 1) // _index.STEP) if m >= q else 0
        full = need <= 0
        if full:
            self._counters["full_scans"] += 1
        keys = _index.gram_keys(_index.encode(needle), q)
        answers = self._built(jobs).run(_find_in, passage, needle, keys, k, need, full, options)
        hits = []
        for found, counters in answers:
            hits.extend(found)
            for key, value in counters.items():
                self._counters[key] += value
        return tuple(sorted(hits, key=lambda h: (-h.score, h.source)))

    # ------------------------------------------------------------------------ clusters

    def clusters(
        self, *, min_shared_chars: int = 120, jobs: int | None = None
    ) -> tuple[Cluster, ...]:
        """Group the sources that share substantial passages; every source in one cluster.

        Two sources are linked when they share a passage of at least *min_shared_chars*
        normalised characters that is exact or near-identical (see the module
        documentation); clusters are the connected components of the links, each with its
        sources sorted, in order of their first source. Exact runs shorter than 47
        characters may go unseen, so a *min_shared_chars* below that is best-effort.
        *jobs* processes fingerprint the partitions and verify the candidate pairs.

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
        pairs = self._shared_pairs(min_shared_chars >= 4 * _PRINT, jobs)
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

    def _text(self, x: int) -> str:
        """The normalised text of source *x* (kept for the sources of verified pairs)."""
        if isinstance(self._parts, _LocalParts):
            return self._parts.text(x)
        text = self._texts.get(x)
        if text is None:
            text = self._texts[x] = _index.text_of(self._sources[x].body).text
        return text

    def _shared_pairs(
        self, two: bool, jobs: int | None
    ) -> dict[tuple[int, int], list[tuple[int, int, int, int]]]:
        """Near-identical passages (normalised spans) of the candidate pairs."""
        if two in self._pairs:
            return self._pairs[two]
        parts = self._built(jobs, index=False)
        prints = parts.run(_prints_of)
        if prints:
            hashes = np.concatenate([p[0] for p in prints])
            owners = np.concatenate([p[1] for p in prints])
            positions = np.concatenate([p[2] for p in prints])
        else:
            hashes = np.zeros(0, dtype=np.uint64)
            owners = positions = np.zeros(0, dtype=np.int64)
        del prints
        self._fingerprints = len(hashes)
        candidates = _candidates(hashes, owners, positions, two)
        del hashes, owners, positions
        # Verify in batches of about a thousand pairs, each with the texts it needs.
        batches = []
        for start in range(0, len(candidates), 1000):
            batch = candidates[start : start + 1000]
            needed = {x for i, j, _ in batch for x in (i, j)}
            batches.append((batch, {x: self._text(x) for x in sorted(needed)}))
        pairs: dict[tuple[int, int], list[tuple[int, int, int, int]]] = {}
        for found in parts.map(_pairs_of, batches, "comparing", jobs):
            for i, j, chains in found:
                pairs[(i, j)] = chains
        self._texts.clear()
        self._pairs[two] = pairs
        return pairs

    # --------------------------------------------------------------------------- stats

    @property
    def stats(self) -> dict[str, int]:
        """Sizes of the index (built if need be) and counts of the work done so far.

        Sizes: ``sources``, ``partitions``, ``characters`` (normalised), ``q``,
        ``buckets``, ``postings`` (one q-gram in two), ``index_bytes`` (the arrays,
        checkpoints included) and ``fingerprints`` (0 until :meth:`clusters` is first
        called). Counts over all :meth:`find` calls so far: ``finds``, ``full_scans``
        (passages no filter applied to), ``qgrams_dropped``, ``postings_scanned``,
        ``windows_verified`` and ``sources_verified`` -- the sources in which a window
        was anchored; divided by ``finds × sources`` it is the fraction of the corpus a
        query touches.

        >>> corpus = Corpus([Source("a", "one two three four five six")])
        >>> corpus.stats["characters"], corpus.stats["postings"]
        (27, 10)
        """
        parts = self._built()
        sizes = parts.run(_part_stats)
        total = {key: sum(s[key] for s in sizes)
                 for key in ("characters", "buckets", "postings", "index_bytes")}
        return {
            "sources": len(self._sources),
            "partitions": len(sizes),
            "characters": total["characters"],
            "q": self._q,
            "buckets": total["buckets"],
            "postings": total["postings"],
            "index_bytes": total["index_bytes"],
            "fingerprints": self._fingerprints,
            **self._counters,
        }


_RANK = {"exact": 0, "normalized": 1, "fuzzy": 2}


def _earliest(sources: Iterable[Source]) -> str:
    """The id of the earliest dated source (undated ones last, then by id)."""
    return min(sources, key=lambda s: (s.published or datetime.date.max, s.id)).id
