"""Time anchoring: the bundled case's quotes, and quotes like them with edits, in long texts.

Run by hand from the repository root::

    python benchmarks/bench_anchor.py [--repeat N] [--seed S]

It prints, per scenario, the median and the 95th percentile of one anchor() call in
milliseconds. "cold" means the text is seen for the first time (its normalisation and
bit masks are computed); "warm" means it was anchored against just before, as when a
case checks several quotes in one source.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
import tomllib
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from factcheck.anchoring import anchor, search  # noqa: E402
from factcheck.text import normalize  # noqa: E402


def bodies() -> dict[str, str]:
    """The bundled sources' bodies: the text after the closing +++ of the front matter."""
    out = {}
    for path in sorted((ROOT / "sources").glob("*.md")):
        raw = path.read_text(encoding="utf-8").replace("\r\n", "\n")
        if raw.startswith("+++\n"):
            out[path.stem] = raw.split("+++\n", 2)[2]
    return out


def quotes() -> list[tuple[str, str]]:
    """(source id, quote text) of every quote in the bundled claims."""
    out = []
    for path in sorted((ROOT / "claims").glob("*.toml")):
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        for claim in data.get("claim", []):
            for q in claim.get("quote", []):
                out.append((q["source"], q["text"]))
    return out


def edit(text: str, k: int, rng: random.Random) -> str:
    """*text* with k random single-character substitutions, insertions or deletions."""
    chars = list(text)
    letters = "abcdefghijklmnopqrstuvwxyz"
    for _ in range(k):
        i = rng.randrange(len(chars))
        op = rng.choice("sid")
        if op == "s":
            chars[i] = rng.choice(letters)
        elif op == "i":
            chars.insert(i, rng.choice(letters))
        else:
            del chars[i]
    return "".join(chars)


def timed(fn: Callable[[], object], repeat: int) -> list[float]:
    out = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        out.append((time.perf_counter() - t) * 1000)
    return out


def report(label: str, ms: list[float], extra: str = "") -> None:
    ms = sorted(ms)
    p95 = ms[min(len(ms) - 1, round(0.95 * (len(ms) - 1)))]
    print(f"  {label:<46} median {statistics.median(ms):7.3f} ms   p95 {p95:7.3f} ms  {extra}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=40, help="calls per scenario")
    parser.add_argument("--seed", type=int, default=2025)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    texts = bodies()
    cited = quotes()

    print(f"Bundled case: {len(cited)} quotes in {len(texts)} sources")
    ms: list[float] = []
    methods: dict[str, int] = {}
    for source, quote in cited:
        body = texts[source]
        anchor(quote, body)  # warm the caches, as a case check does after its first quote
        ms.extend(timed(lambda q=quote, b=body: anchor(q, b), 5))
        method = str(anchor(quote, body).method)
        methods[method] = methods.get(method, 0) + 1
    report("as written (warm)", ms, f"methods {methods}")
    for k in (2, 5):
        ms, fuzzy, tried = [], 0, 0
        for source, quote in cited:
            if len(quote) < 40:
                continue
            tried += 1
            body = texts[source]
            edited = edit(quote, k, rng)
            ms.extend(timed(lambda q=edited, b=body: anchor(q, b), 3))
            fuzzy += anchor(edited, body).method == "fuzzy"
        report(f"with {k} edits, quotes of 40+ chars (warm)", ms, f"fuzzy finds {fuzzy}/{tried}")

    words = "\n\n".join(texts[s] for s in sorted(texts)).split(" ")
    for size in (10_000, 50_000):
        # The sources' words in a shuffled order: their letters and word lengths, without
        # the sentences that the syndicated articles repeat (a repeat is rightly ambiguous).
        parts: list[str] = []
        while sum(map(len, parts)) + len(parts) < size:
            parts.extend(rng.sample(words, len(words)))
        text = " ".join(parts)[:size]
        print(f"\nA {size:,}-character text (the sources' words, shuffled), 200-char quotes")
        for k in (0, 2, 5, 10, 20):
            cold, warm, found = [], [], 0
            for i in range(args.repeat):
                at = rng.randrange(0, len(text) - 200)
                quote = edit(text[at : at + 200], k, rng)
                # a text never seen before: one character differs at the far end
                fresh = text[:-1] + chr(0x41 + i % 26)
                cold.extend(timed(lambda q=quote, t=fresh: anchor(q, t), 1))
                warm.extend(timed(lambda q=quote, t=fresh: anchor(q, t), 1))
                a = anchor(quote, fresh)
                found += a.found and a.start is not None and a.start < at + 200 and at < a.end
            report(f"{k:>2} edits, cold", cold, f"at the passage: {found}/{args.repeat}")
            report(f"{k:>2} edits, warm", warm)

    text = text[:10_000]
    pattern = edit(text[4000:4200], 5, rng)
    print()
    ms = timed(lambda: normalize(text), args.repeat)
    report("normalize(): 10,000 chars", ms)
    ms = timed(lambda: search(text, pattern, 40), max(5, args.repeat // 4))
    report("search(): 10,000 chars, 200-char pattern, k=40", ms)


if __name__ == "__main__":
    main()
