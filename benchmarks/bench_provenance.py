"""Time and size factcheck.provenance on a synthetic corpus of news-like articles.

Run by hand from the repository root::

    python benchmarks/bench_provenance.py [--articles N] [--queries Q] [--seed S]

The corpus is deterministic for a seed: N articles of about 3,000 characters, built from a
Zipf-distributed vocabulary (English function words, then made-up words), with curly
quotes here and there; one article in ten is syndicated to one to three copies that add a
dateline, change about 0.3 % of the characters and may drop the last paragraph.

It prints the time to build the q-gram index and its memory (the arrays' sizes, and
tracemalloc over a second build of a tenth of the corpus), the median and 95th percentile
of one ``find`` over Q passages of 40-300 characters cut from random sources with 0 %, 2 %
and 5 % of character edits, the fraction of the corpus each query verifies, and the recall
(the passage's own source found, at an overlapping span). A brute-force baseline --
``anchor`` against every source -- runs on a subset of 100 sources and is compared with
``find`` on the same subset. Then a worst case: a corpus made mostly of four stock
phrases. Last, the time of ``clusters()`` and how well it recovers the syndicated copies.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
import tracemalloc
from collections.abc import Callable, Sequence
from itertools import accumulate
from pathlib import Path

from rapidfuzz.distance import Levenshtein

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from factcheck.anchoring import AnchorOptions, anchor  # noqa: E402
from factcheck.model import Source  # noqa: E402
from factcheck.provenance import Corpus, Hit  # noqa: E402
from factcheck.text import normalize  # noqa: E402

COMMON = """the of and to in a is that for on was with as by at from it an be has are were said
which or this its have not but had after been will their than more who also would they one
about over new two into up other some could when year last first"""
FUNCTION_WORDS = COMMON.split()

LETTERS = "abcdefghijklmnopqrstuvwxyz"


def vocabulary(rng: random.Random, size: int) -> list[str]:
    """Function words first, then made-up words of two to four syllables."""
    onsets = ["b", "c", "d", "f", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v",
              "w", "ch", "st", "tr", "pl", "gr"]
    syllables = [o + v for o in onsets for v in ("a", "e", "i", "o", "u", "ai", "ou")]
    words = list(FUNCTION_WORDS)
    seen = set(words)
    while len(words) < size:
        word = "".join(rng.choice(syllables) for _ in range(rng.randint(2, 4)))
        if rng.random() < 0.2:
            word += rng.choice(["s", "ed", "ing", "tion", "al"])
        if word not in seen:
            seen.add(word)
            words.append(word)
    return words


class Writer:
    """Articles of Zipf-distributed words, in sentences and paragraphs."""

    def __init__(self, rng: random.Random, words: Sequence[str]) -> None:
        self.rng = rng
        self.words = list(words)
        self.cum = list(accumulate(1 / (rank + 2.7) for rank in range(len(words))))

    def sentence(self) -> str:
        rng = self.rng
        words = rng.choices(self.words, cum_weights=self.cum, k=rng.randint(6, 28))
        if rng.random() < 0.15:  # a quoted phrase, typographic quotes
            i = rng.randrange(len(words))
            j = min(len(words), i + rng.randint(2, 6))
            words[i] = "\u201c" + words[i]
            words[j - 1] = words[j - 1] + "\u201d"
        if rng.random() < 0.3:
            words[rng.randrange(1, len(words))] += ","
        if rng.random() < 0.2:
            words.insert(rng.randrange(len(words)), str(rng.randint(2, 2025)))
        text = " ".join(words)
        return text[0].upper() + text[1:] + "."

    def article(self, size: int = 3000) -> str:
        paragraphs: list[str] = []
        total = 0
        while total < size:
            paragraph = " ".join(self.sentence() for _ in range(self.rng.randint(1, 4)))
            paragraphs.append(paragraph)
            total += len(paragraph) + 2
        return "\n\n".join(paragraphs)


def edit(text: str, k: int, rng: random.Random) -> str:
    """*text* with k random single-character substitutions, insertions or deletions."""
    chars = list(text)
    for _ in range(k):
        i = rng.randrange(len(chars))
        op = rng.choice("sid")
        if op == "s":
            chars[i] = rng.choice(LETTERS)
        elif op == "i":
            chars.insert(i, rng.choice(LETTERS))
        elif len(chars) > 1:
            del chars[i]
    return "".join(chars)


def corpus(articles: int, seed: int) -> tuple[list[Source], dict[str, str]]:
    """The sources, and for each syndicated copy the id of its original."""
    rng = random.Random(seed)
    writer = Writer(rng, vocabulary(rng, 6000))
    sources: list[Source] = []
    origin: dict[str, str] = {}
    for n in range(articles):
        body = writer.article()
        sources.append(Source(f"a{n:05d}", body))
        if rng.random() < 0.1:
            for c in range(rng.randint(1, 3)):
                copy = body
                if rng.random() < 0.5:
                    copy = copy.rsplit("\n\n", 1)[0]
                copy = edit(copy, len(copy) * 3 // 1000, rng)
                dateline = f"{rng.choice(['SEOUL', 'TOKYO', 'GENEVA'])}, Nov {rng.randint(1, 30)} "
                sources.append(Source(f"a{n:05d}-copy{c}", dateline + copy))
                origin[f"a{n:05d}-copy{c}"] = f"a{n:05d}"
    return sources, origin


def passages(
    sources: Sequence[Source], count: int, rate: float, rng: random.Random
) -> list[tuple[Source, int, int, str]]:
    """(source, start, end, edited passage): passages of 40-300 chars with *rate* edits.

    The number of edits is ⌊rate × length⌋, lowered until the normalised passage is at
    most ⌊rate × its length⌋ edits from the original (the guarantee find makes).
    """
    out = []
    for _ in range(count):
        source = rng.choice(sources)
        size = rng.randint(40, 300)
        start = rng.randrange(0, len(source.body) - size)
        original = source.body[start : start + size]
        truth = normalize(original).text.strip(" ")
        k = int(rate * size)
        while True:
            edited = edit(original, k, rng)
            needle = normalize(edited).text.strip(" ")
            if Levenshtein.distance(needle, truth) <= int(rate * len(needle) + 1e-9):
                break
            k = max(0, k - 1)
        out.append((source, start, start + size, edited))
    return out


def overlaps(hit: Hit, start: int, end: int) -> bool:
    return hit.start < end and start < hit.end


def percentile(values: Sequence[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p * (len(ordered) - 1)))]


def timed(fn: Callable[[], object]) -> tuple[float, object]:
    t = time.perf_counter()
    out = fn()
    return time.perf_counter() - t, out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2500, help="original articles")
    parser.add_argument("--queries", type=int, default=300, help="passages per edit rate")
    parser.add_argument("--seed", type=int, default=2025)
    args = parser.parse_args()
    rng = random.Random(args.seed)

    t0 = time.perf_counter()
    sources, origin = corpus(args.articles, args.seed)
    chars = sum(len(s.body) for s in sources)
    print(f"Corpus: {len(sources):,} sources ({len(origin)} syndicated copies), "
          f"{chars:,} characters, generated in {time.perf_counter() - t0:.1f} s")

    full = Corpus(sources)
    seconds, _ = timed(lambda: full.stats)  # builds the index
    stats = full.stats
    print(f"Index: built in {seconds:.2f} s ({seconds / chars * 1e6:.2f} µs a character); "
          f"{stats['postings']:,} postings in {stats['buckets']:,} buckets, "
          f"{stats['index_bytes'] / 2**20:.1f} MiB of arrays")
    # tracemalloc slows every allocation down tenfold: measure a tenth of the corpus.
    part = sources[: len(sources) // 10]
    part_chars = sum(len(s.body) for s in part)
    tracemalloc.start()
    again = Corpus(part)
    again.stats  # noqa: B018 -- builds the index
    current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    del again
    print(f"       tracemalloc on a tenth ({len(part)} sources, {part_chars:,} chars): "
          f"{current / 2**20:.1f} MiB kept = {current / part_chars:.1f} bytes a character "
          f"(normalised texts included), {peak / part_chars:.1f} bytes a character at the peak")

    print(f"\nfind() over {args.queries} passages of 40-300 chars cut from random sources")
    print(f"  {'edits':>5}  {'median ms':>9}  {'p95 ms':>7}  {'postings/q':>10}  "
          f"{'windows/q':>9}  {'touched':>8}  {'hits/q':>6}  {'recall':>6}")
    for rate in (0.0, 0.02, 0.05):
        queries = passages(sources, args.queries, rate, rng)
        ms, touched, found, hits = [], [], 0, 0
        before = full.stats
        for source, start, end, passage in queries:
            verified = full.stats["sources_verified"]
            seconds, result = timed(lambda p=passage: full.find(p))
            assert isinstance(result, tuple)
            ms.append(seconds * 1000)
            touched.append((full.stats["sources_verified"] - verified) / len(sources))
            found += any(h.source == source.id and overlaps(h, start, end) for h in result)
            hits += len(result)
        after = full.stats
        postings = (after["postings_scanned"] - before["postings_scanned"]) / len(queries)
        windows = (after["windows_verified"] - before["windows_verified"]) / len(queries)
        print(f"  {rate:>5.0%}  {statistics.median(ms):9.2f}  {percentile(ms, 0.95):7.2f}  "
              f"{postings:10,.0f}  {windows:9.2f}  {statistics.mean(touched):8.3%}  "
              f"{hits / len(queries):6.2f}  {found / len(queries):6.3f}")

    subset = sources[:: max(1, len(sources) // 100)][:100]
    small = Corpus(subset)
    small.stats  # noqa: B018 -- builds the index
    options = AnchorOptions(max_edit_ratio=0.05)
    count = max(10, args.queries // 6)
    print(f"\nBrute force on {len(subset)} sources: anchor(max_edit_ratio=0.05) against each "
          f"source, {count} passages per rate")
    print(f"  {'edits':>5}  {'brute ms':>9}  {'find ms':>8}  {'speed-up':>8}  "
          f"{'brute recall':>12}  {'find recall':>11}  {'same sources':>12}")
    for rate in (0.0, 0.02, 0.05):
        queries = passages(subset, count, rate, rng)
        brute_ms, find_ms, brute_found, find_found, same = [], [], 0, 0, 0
        for source, start, end, passage in queries:
            t = time.perf_counter()
            anchored = {s.id: anchor(passage, s.body, options=options) for s in subset}
            brute_ms.append((time.perf_counter() - t) * 1000)
            carriers = {i for i, a in anchored.items() if a.found}
            own = anchored[source.id]
            brute_found += (own.found and own.start is not None and own.end is not None
                            and own.start < end and start < own.end)
            seconds, result = timed(lambda p=passage: small.find(p))
            assert isinstance(result, tuple)
            find_ms.append(seconds * 1000)
            find_found += any(h.source == source.id and overlaps(h, start, end) for h in result)
            same += carriers == {h.source for h in result}
        b, f = statistics.median(brute_ms), statistics.median(find_ms)
        print(f"  {rate:>5.0%}  {b:9.2f}  {f:8.2f}  {b / f:7.0f}x  "
              f"{brute_found / count:12.3f}  {find_found / count:11.3f}  {same}/{count:<10}")
    scale = len(sources) / len(subset)
    print(f"  (brute force grows with the corpus: about {scale:.0f}x the above on all "
          f"{len(sources):,} sources)")

    # The worst case: text made mostly of a few stock phrases, passages made of them too.
    stock = ["of the united nations ", "in the general assembly ", "human rights ",
             "the committee said "]
    boiler = []
    for n in range(300):
        parts: list[str] = []
        while sum(map(len, parts)) < 3000:
            if rng.random() < 0.6:
                parts.append(rng.choice(stock))
            else:
                parts.append("".join(rng.choices("abcdefgh", k=rng.randint(2, 7))) + " ")
        boiler.append(Source(f"b{n:03d}", "".join(parts)))
    worst = Corpus(boiler)
    worst.stats  # noqa: B018 -- builds the index
    queries = passages(boiler, 40, 0.05, rng)
    ms = [timed(lambda p=passage: worst.find(p))[0] * 1000 for _, _, _, passage in queries]
    print(f"\nWorst case, 300 sources 60 % made of 4 stock phrases, 40 passages with 5 % edits: "
          f"median {statistics.median(ms):.0f} ms, "
          f"{worst.stats['postings_scanned'] / len(queries):,.0f} postings and "
          f"{worst.stats['windows_verified'] / len(queries):.0f} windows a query")

    seconds, clusters = timed(full.clusters)
    assert isinstance(clusters, tuple)
    by_source = {s: c.origin for c in clusters for s in c.sources}
    together = sum(by_source[c] == by_source[o] for c, o in origin.items())
    wrong = sum(1 for c in clusters
                if len({origin.get(s, s) for s in c.sources}) > 1)
    print(f"\nclusters(): {seconds:.2f} s, {full.stats['fingerprints']:,} fingerprints; "
          f"{len(clusters):,} clusters, {sum(len(c.sources) > 1 for c in clusters)} with copies; "
          f"{together}/{len(origin)} copies with their original, "
          f"{wrong} clusters joining unrelated articles")


if __name__ == "__main__":
    main()
