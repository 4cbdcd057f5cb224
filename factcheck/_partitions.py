"""The work behind :class:`~factcheck.provenance.Corpus`, one partition at a time.

Sources are cut into partitions of about 2 M characters; each is normalised, indexed and
fingerprinted (:mod:`factcheck._index`, numpy). The same functions run on every path: in
this process, in a pool of processes, or on Dask workers.
"""

from __future__ import annotations

import functools
import importlib
import sys
from bisect import bisect_right
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import Executor, ProcessPoolExecutor
from typing import TYPE_CHECKING, Any, TypeVar

import attrs
from rapidfuzz.distance import Levenshtein

from factcheck.anchoring import AnchorOptions, Method, anchor

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


__all__ = ["Hit", "Shared"]

_RANK = {"exact": 0, "normalized": 1, "fuzzy": 2}


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
    # Only a group carried by two sources or more can pair them (one long source repeating
    # itself pairs with nothing).
    carriers = owners[order]
    shared = np.minimum.reduceat(carriers, heads) != np.maximum.reduceat(carriers, heads)
    del carriers
    order = order[np.repeat(shared, sizes)]
    sizes = sizes[shared]
    heads = np.cumsum(sizes) - sizes
    total = len(order)  # fingerprints in shared groups (n: all of them, in source order)
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
        last = np.append(heads[1:], total) - 1
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
    order = np.lexsort((pa, diagonal, pair))  # a total order: no tie left to the sort
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
