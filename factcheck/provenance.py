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

import math
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

import attrs

from factcheck.anchoring import AnchorOptions
from factcheck.credits import Credit, credited_origin
from factcheck.errors import CorpusError, did_you_mean
from factcheck.model import Source
from factcheck.text import Normalized, normalize

if TYPE_CHECKING:
    import numpy as np

    from factcheck import _index
else:  # numpy and the kernels load on first use, through _partitions' lazy proxies
    from factcheck._partitions import _index, np

from factcheck._partitions import (
    _COUNTERS,
    _EVIDENCE,
    _PART_CHARS,
    _PRINT,
    _Q_MAX,
    Hit,
    Shared,
    _candidates,
    _DaskParts,
    _find_in,
    _LocalParts,
    _pairs_of,
    _part_stats,
    _prints_of,
    _Runner,
    _Sources,
)

__all__ = ["Cluster", "Corpus", "CorpusError", "Hit", "Shared"]


@attrs.frozen
class Cluster:
    """Sources that share substantial passages: one origin, however many outlets.

    ``sources`` are sorted; a cluster of one is a source with no copy in the corpus.
    ``shared`` is the evidence: the longest passages shared inside the cluster (a few).
    ``origin`` names the cluster: the source whose outlet the others credit ("(Yonhap)",
    "Yonhap news agency reported", "(Source: Yonhap News)": ``credit`` is that line), else
    its earliest dated source, since copies cannot predate what they copy (undated
    sources last, then by id); :meth:`Corpus.clusters` sets both
    (:func:`factcheck.credits.credited_origin`).

    >>> Cluster(("b", "a-wire")).origin
    'b'
    >>> Cluster(("a", "b"), origin="b").origin
    'b'
    """

    sources: tuple[str, ...]
    shared: tuple[Shared, ...] = ()
    origin: str = attrs.field()
    credit: Credit | None = None  # the credit line that names the origin, if one does

    @origin.default
    def _first(self) -> str:
        return self.sources[0]


# --------------------------------------------------------------------------------------
# The corpus


def _whole(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


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
        if not (_whole(q) and 2 <= q <= _Q_MAX):
            raise CorpusError(f"q must be within [2, {_Q_MAX}], not {q!r}")
        if not (_whole(jobs) and jobs >= 1):
            raise CorpusError(f"jobs must be at least 1, not {jobs!r}")
        if not (_whole(partition) and partition >= 1):
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
                    *credited_origin([self._sources[x] for x in xs]))
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
            close = did_you_mean(source_id, self._position) if isinstance(source_id, str) else ""
            raise CorpusError(f"unknown source {source_id!r}" + close)
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
        if len(prints) == 1:
            hashes, owners, positions = prints[0]
        elif prints:
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
