"""Corpus.find and Corpus.clusters on English-like news, against a naive loop in the same run.

Run from the repository root::

    python benchmarks/bench_provenance.py [--sizes 1000 10000] [--big 100000] [--jobs J]
                                          [--queries Q] [--seed S] [--json FILE]

The corpus is ``benchmarks/corpus.py``: Markov text from real prose with names and wire
boilerplate, articles of about 3,200 characters, 5 % of them carrying 300-800 characters
of another article with small edits (the planted copies). For each size it prints:

* the index: build time, its arrays in bytes per character (target <= 4), and, at the
  first size, tracemalloc's memory kept and peak per character over the build;
* ``find`` over Q passages of 40-300 characters cut from random sources with 0, 2 and 5 %
  of edits (fewer where the passage would otherwise be out of reach, more than 5 % of its
  normalised length from its source): median time, recall (the passage's own source among the hits),
  and the naive baseline -- edlib's infix alignment of the passage against every source
  (pre-normalised, one byte a character, k = 5 %) -- on a few of the passages: its median
  time, and the speed-up against the median ``find`` (target >= 100x at 100k sources);
* ``clusters()`` on a fresh corpus object: time, recall of the planted copies (target 1.0),
  tracemalloc's peak per character at the first size.

Then the growth of ``clusters()`` from 2,000 to 4,000 sources, the best of three runs each
(target exponent <= 1.3, 4,000 in <= 10 s). ``--big N`` adds a corpus of N sources
(100,000: targets clusters <= 60 s, index build <= 60 s); ``--jobs`` runs the corpus work
in that many processes.
"""

from __future__ import annotations

import argparse
import json
import math
import statistics
import sys
import time
import tracemalloc
from pathlib import Path

import numpy as np
from rapidfuzz.distance import Levenshtein

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from corpus import edit, news_corpus  # noqa: E402

from factcheck._index import encode, text_of  # noqa: E402
from factcheck.model import Source  # noqa: E402
from factcheck.provenance import Corpus  # noqa: E402

try:
    import edlib
except ImportError:  # pragma: no cover -- optional baseline
    edlib = None


def sources_of(n: int, seed: int) -> tuple[list[Source], list[tuple[str, str]], float]:
    start = time.perf_counter()
    articles, planted = news_corpus(n, seed)
    return [Source(i, b) for i, b in articles], planted, time.perf_counter() - start


def recall_of_copies(clusters: tuple, planted: list[tuple[str, str]]) -> float:  # type: ignore[type-arg]
    where = {s: k for k, c in enumerate(clusters) for s in c.sources}
    return sum(where[a] == where[b] for a, b in planted) / max(1, len(planted))


def bench_size(
    n: int, seed: int, queries: int, jobs: int, naive: int, memory: bool
) -> dict[str, object]:
    sources, planted, generated = sources_of(n, seed)
    out: dict[str, object] = {"sources": n, "generated_s": generated}
    corpus = Corpus(sources, jobs=jobs, quiet=True)
    start, cpu = time.perf_counter(), time.process_time()
    stats = corpus.stats  # builds the index
    out["index_build_s"] = time.perf_counter() - start
    out["index_build_cpu_s"] = time.process_time() - cpu
    out["characters"] = stats["characters"]
    out["index_bytes_per_char"] = stats["index_bytes"] / stats["characters"]
    out["partitions"] = stats["partitions"]
    if memory:
        tracemalloc.start()
        probe = Corpus(sources, quiet=True)
        _ = probe.stats
        kept, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        chars = stats["characters"]
        out["index_kept_bytes_per_char"] = kept / chars
        out["index_peak_bytes_per_char"] = peak / chars
        del probe
    rng = np.random.default_rng(seed + n)
    texts = None
    for rate in (0.0, 0.02, 0.05):
        times, found, cases = [], 0, []
        for _ in range(queries):
            source = sources[int(rng.integers(n))]
            size = int(rng.integers(40, 301))
            at = int(rng.integers(0, max(1, len(source.body) - size)))
            passage = source.body[at : at + size]
            if rate:
                # rate × size edits, fewer where the normalised passage would otherwise be
                # more than k = ⌊5 % × its length⌋ edits from its source (out of reach)
                clean = text_of(passage).text.strip(" ")
                for count in range(int(rate * size), -1, -1):
                    edited = edit(passage, count / size, rng)
                    needle = text_of(edited).text.strip(" ")
                    if Levenshtein.distance(needle, clean) <= int(0.05 * len(needle)):
                        break
                passage = edited
            t0 = time.perf_counter()
            hits = corpus.find(passage)
            times.append(time.perf_counter() - t0)
            # (the source's best place may be another copy of the passage in it:
            # boilerplate repeats, so the source is what counts)
            found += any(h.source == source.id for h in hits)
            cases.append(passage)
        row: dict[str, object] = {
            "median_ms": statistics.median(times) * 1000,
            "p95_ms": sorted(times)[int(0.95 * (len(times) - 1))] * 1000,
            "recall": found / queries,
        }
        if edlib is not None and naive:
            if texts is None:
                texts = [encode(text_of(s.body).text) for s in sources]
            naive_times, ours = [], []
            for passage in cases[:naive]:
                needle = encode(text_of(passage).text.strip(" "))
                k = math.floor(0.05 * len(needle) + 1e-9)
                t0 = time.perf_counter()
                for t in texts:
                    edlib.align(needle, t, mode="HW", task="distance", k=k)
                naive_times.append(time.perf_counter() - t0)
                t0 = time.perf_counter()
                corpus.find(passage)
                ours.append(time.perf_counter() - t0)
            row["naive_edlib_loop_ms"] = statistics.median(naive_times) * 1000
            # the naive loop costs the same for any passage; ours is the median over all
            # the queries (a handful of passages would make the ratio a lottery)
            row["speedup_vs_naive"] = statistics.median(naive_times) / statistics.median(times)
        out[f"find_{int(rate * 100)}pct"] = row
    del corpus
    if memory:  # tracemalloc slows the work down: a separate run
        tracemalloc.start()
        Corpus(sources, jobs=jobs, quiet=True).clusters()
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        out["clusters_peak_bytes_per_char"] = peak / stats["characters"]
    t0, cpu = time.perf_counter(), time.process_time()
    clusters = Corpus(sources, jobs=jobs, quiet=True).clusters()
    out["clusters_s"] = time.perf_counter() - t0
    out["clusters_cpu_s"] = time.process_time() - cpu
    out["clusters_recall"] = recall_of_copies(clusters, planted)
    out["clusters_with_copies"] = sum(len(c.sources) > 1 for c in clusters)
    out["largest_cluster"] = max(len(c.sources) for c in clusters)
    return out


def growth(seed: int, jobs: int) -> dict[str, object]:
    times, cpus = {}, {}
    for n in (2000, 4000):
        sources, planted, _ = sources_of(n, seed)
        times[n] = cpus[n] = math.inf
        for _ in range(3):  # the best of three: a second of work is easily disturbed
            t0, cpu = time.perf_counter(), time.process_time()
            clusters = Corpus(sources, jobs=jobs, quiet=True).clusters()
            times[n] = min(times[n], time.perf_counter() - t0)
            cpus[n] = min(cpus[n], time.process_time() - cpu)
            assert recall_of_copies(clusters, planted) == 1.0
    return {"clusters_2000_s": times[2000], "clusters_4000_s": times[4000],
            "clusters_2000_cpu_s": cpus[2000], "clusters_4000_cpu_s": cpus[4000],
            "exponent": math.log(times[4000] / times[2000]) / math.log(2),
            "exponent_cpu": math.log(cpus[4000] / cpus[2000]) / math.log(2),
            "exponent_target": 1.3, "clusters_4000_target_s": 10.0}


def show(results: dict[str, object]) -> None:
    for r in results["sizes"]:  # type: ignore[attr-defined]
        print(f"\n{r['sources']:,} sources, {r['characters']:,} normalised characters "
              f"({r['partitions']} partitions; corpus generated in {r['generated_s']:.1f} s)")
        print(f"  index: built in {r['index_build_s']:.2f} s ({r['index_build_cpu_s']:.2f} s CPU "
              "in this process), arrays "
              f"{r['index_bytes_per_char']:.2f} bytes/char (target <= 4)")
        if "index_kept_bytes_per_char" in r:
            print(f"         tracemalloc: {r['index_kept_bytes_per_char']:.2f} bytes/char kept "
                  f"(normalised texts included), {r['index_peak_bytes_per_char']:.2f} at the peak")
        print("  find   edits  median ms   p95 ms  recall   naive loop ms  speed-up")
        for rate in (0, 2, 5):
            f = r[f"find_{rate}pct"]
            naive = (f"{f['naive_edlib_loop_ms']:>14.1f}  {f['speedup_vs_naive']:>7.0f}x"
                     if "naive_edlib_loop_ms" in f else "")
            print(f"         {rate:>3}%  {f['median_ms']:>9.2f} {f['p95_ms']:>8.2f}  "
                  f"{f['recall']:.3f}  {naive}")
        print(f"  clusters(): {r['clusters_s']:.2f} s ({r['clusters_cpu_s']:.2f} s CPU in this "
              "process), planted copies with their original: "
              f"{r['clusters_recall']:.3f} (target 1.0); {r['clusters_with_copies']} clusters "
              f"with copies, the largest of {r['largest_cluster']}")
        if "clusters_peak_bytes_per_char" in r:
            print(f"              tracemalloc peak {r['clusters_peak_bytes_per_char']:.1f} "
                  "bytes/char")
    g = results["growth"]
    print(f"\nclusters() growth: 2,000 sources {g['clusters_2000_s']:.2f} s "  # type: ignore[index]
          f"({g['clusters_2000_cpu_s']:.2f} s CPU), 4,000 sources {g['clusters_4000_s']:.2f} s "  # type: ignore[index]
          f"({g['clusters_4000_cpu_s']:.2f} s CPU; target <= 10 s): exponent "  # type: ignore[index]
          f"{g['exponent']:.2f} ({g['exponent_cpu']:.2f} by CPU time; target <= 1.3)")  # type: ignore[index]


def main(argv: list[str] | None = None) -> dict[str, object]:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="*", default=[1000, 10000])
    parser.add_argument("--big", type=int, default=0)
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--queries", type=int, default=60)
    parser.add_argument("--naive", type=int, default=5, help="passages run by the naive loop")
    parser.add_argument("--seed", type=int, default=2025)
    parser.add_argument("--no-memory", action="store_true", help="skip tracemalloc")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args(argv)
    sizes = list(args.sizes) + ([args.big] if args.big else [])
    results: dict[str, object] = {"sizes": [
        bench_size(n, args.seed, args.queries, args.jobs,
                   args.naive if n <= 10000 else 3, memory=(k == 0 and not args.no_memory))
        for k, n in enumerate(sizes)
    ]}
    results["growth"] = growth(args.seed, args.jobs)
    show(results)
    if args.json:
        args.json.write_text(json.dumps(results, indent=2))
    return results


if __name__ == "__main__":
    main()
