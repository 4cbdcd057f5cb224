"""Anchoring one quote in one ~5,000-character news text, against baselines in the same run.

Run from the repository root::

    python benchmarks/bench_anchor.py [--texts N] [--seed S] [--json FILE]

Texts are English-like news articles from ``benchmarks/corpus.py`` cut to about 5,000
characters; quotes of 40, 120 and 300 characters are cut from them at random. Per case, our
``anchor()`` and the baseline are timed side by side (the best of a few loops of calls, so
that the machine's noise hits both alike; single calls, best of nine, for the slower
cases) and the ratio is taken per quote; the figure
printed is the median ratio over the quotes (and the medians of the times).

* **exact** -- the quote as in the text; baseline ``str.find`` (one call). Target <= 3x.
* **typography** -- the text prints curly apostrophes and non-breaking spaces after full
  stops, the quote is typed with straight ones; baseline: ``normalize(quote)`` and one
  ``find`` in the text normalised beforehand. Target <= 2x.
* **noisy** -- 5 % of the quote's characters edited; baseline edlib's infix alignment
  (``mode="HW", task="path"``) of the normalised quote in the normalised text, both mapped
  to one byte a character. Target <= 1.0x, with the exact start and end of edlib's span on
  >= 95 % of the quotes where edlib's span overlaps the quote's true place. rapidfuzz's
  ``partial_ratio_alignment`` is timed too, for reference.
* **cold** -- the noisy case on a text never seen before (normalisation and indexes built
  in the call) against the same warm. Target <= 2x.
* **CJK** -- a text of more than 256 distinct characters still anchors (no byte mapping
  needed).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from corpus import Generator, edit  # noqa: E402

from factcheck._index import encode  # noqa: E402
from factcheck.anchoring import anchor  # noqa: E402
from factcheck.text import normalize  # noqa: E402

try:
    import edlib
except ImportError:  # pragma: no cover -- optional baseline
    edlib = None
try:
    from rapidfuzz.fuzz import partial_ratio_alignment
except ImportError:  # pragma: no cover
    partial_ratio_alignment = None

LENGTHS = (40, 120, 300)


def best(fn: Callable[[], object], loops: int = 5, calls: int = 20) -> float:
    """Seconds per call: the best of *loops* runs of *calls* calls."""
    out = []
    for _ in range(loops):
        start = time.perf_counter()
        for _ in range(calls):
            fn()
        out.append((time.perf_counter() - start) / calls)
    return min(out)


def texts(n: int, seed: int) -> list[str]:
    out = []
    for body in Generator(seed).articles(n, 900):
        cut = body.rfind(" ", 0, 5000)
        out.append(body[: cut if cut > 0 else 5000])
    return out


def cut(text: str, size: int, rng: np.random.Generator, inside: str = "") -> tuple[int, str]:
    """A slice of about *size* characters starting at a word, holding *inside* if given."""
    for _ in range(200):
        start = text.find(" ", int(rng.integers(0, max(1, len(text) - size - 1)))) + 1
        quote = text[start : start + size]
        if len(quote) == size and (not inside or inside in quote[1:-1]):
            return start, quote
    start = max(0, text.find(inside) - size // 2) if inside else 0
    return start, text[start : start + size]


def summary(ratios: list[float]) -> float:
    return statistics.median(ratios) if ratios else float("nan")


def run(n_texts: int = 24, seed: int = 2025) -> dict[str, object]:
    rng = np.random.default_rng(seed)
    corpus = texts(n_texts, seed)
    results: dict[str, object] = {"texts": n_texts, "mean_chars": statistics.mean(map(len, corpus))}
    for size in LENGTHS:
        exact, typo, noisy, rapid, cold = [], [], [], [], []
        t_ours, t_base, t_edlib = [], [], []
        same, comparable = 0, 0
        for i, text in enumerate(corpus):
            start, quote = cut(text, size, rng)
            # exact, warm
            anchor(quote, text)
            ours, base = best(lambda: anchor(quote, text)), best(lambda: text.find(quote))
            exact.append(ours / base)
            # typography: curly apostrophes and NBSP after full stops in the text
            printed = text.replace("'", "\u2019").replace(". ", ".\u00a0")
            _, typed = cut(text, size, rng, inside=". ")
            plain = normalize(printed).text
            anchor(typed, printed)
            ours = best(lambda: anchor(typed, printed))
            base = best(lambda: plain.find(normalize(typed).text.strip(" ")))
            typo.append(ours / base)
            # noisy
            noisy_quote = edit(quote, 0.05, rng) if size >= 40 else quote
            found = anchor(noisy_quote, text)
            ours = best(lambda: anchor(noisy_quote, text), loops=9, calls=1)
            t_ours.append(ours)
            if edlib is not None:
                norm = normalize(text)
                target, needle = encode(norm.text), encode(normalize(noisy_quote).text.strip())
                base = best(
                    lambda: edlib.align(needle, target, mode="HW", task="path"), loops=9, calls=1
                )
                t_edlib.append(base)
                noisy.append(ours / base)
                aligned = edlib.align(needle, target, mode="HW", task="path")
                if aligned["locations"]:
                    s, e = aligned["locations"][0]
                    s0, e0 = norm.to_original(s, e + 1)
                    if s0 < start + size and start < e0:
                        comparable += 1
                        same += (found.start, found.end) == (s0, e0)
            if partial_ratio_alignment is not None:
                rapid.append(best(lambda: partial_ratio_alignment(noisy_quote, text), 9, 1))
            # cold: the same on a text never seen (a unique tail defeats every cache)
            fresh = [text + f" {i}-{size}-{k}" for k in range(6)]
            cold_t = []
            for f in fresh:
                s0 = time.perf_counter()
                anchor(noisy_quote, f)
                cold_t.append(time.perf_counter() - s0)
            cold.append(min(cold_t) / ours)
        results[f"exact_{size}"] = {"ratio_vs_str_find": summary(exact), "target": 3.0}
        results[f"typography_{size}"] = {"ratio_vs_normalise_find": summary(typo), "target": 2.0}
        results[f"noisy_{size}"] = {
            "ours_us": statistics.median(t_ours) * 1e6,
            "edlib_us": statistics.median(t_edlib) * 1e6 if t_edlib else None,
            "rapidfuzz_partial_ratio_alignment_us": statistics.median(rapid) * 1e6
            if rapid else None,
            "ratio_vs_edlib": summary(noisy),
            "target": 1.0,
            "exact_boundaries": same / comparable if comparable else None,
            "boundaries_target": 0.95,
        }
        results[f"cold_{size}"] = {"ratio_cold_vs_warm": summary(cold), "target": 2.0}
    # CJK: more than 256 distinct characters
    cjk = "".join(chr(0x4E00 + (i * 7919) % 3000) for i in range(4000))
    quote = list(cjk[1000:1060])
    quote[10] = "\u3042"
    found = anchor("".join(quote), cjk)
    results["cjk"] = {"distinct_chars": len(set(cjk)), "found": found.status == "found",
                      "method": found.method}
    return results


def show(results: dict[str, object]) -> None:
    print(f"Anchoring in {results['texts']} texts of ~{results['mean_chars']:.0f} characters "
          "(median ratio of our time to the baseline's, per quote)")
    print(f"{'case':<14}{'40 chars':>12}{'120 chars':>12}{'300 chars':>12}   target")
    rows = [("exact", "exact_{}", "ratio_vs_str_find", "<= 3x str.find"),
            ("typography", "typography_{}", "ratio_vs_normalise_find",
             "<= 2x normalise+find"),
            ("noisy 5%", "noisy_{}", "ratio_vs_edlib", "<= 1.0x edlib HW"),
            ("cold/warm", "cold_{}", "ratio_cold_vs_warm", "<= 2x warm")]
    for label, key, field, target in rows:
        cells = [results[key.format(s)][field] for s in LENGTHS]  # type: ignore[index]
        print(f"{label:<14}" + "".join(f"{c:>11.2f}x" for c in cells) + f"   {target}")
    cells = [results[f"noisy_{s}"]["exact_boundaries"] for s in LENGTHS]  # type: ignore[index]
    print(f"{'boundaries':<14}" + "".join(
        f"{c:>12.1%}" if c is not None else f"{'n/a':>12}" for c in cells)
        + "   >= 95% same start and end as edlib")
    for s in LENGTHS:
        r = results[f"noisy_{s}"]
        print(f"  noisy {s:>3}: ours {r['ours_us']:.0f} us, edlib {r['edlib_us']:.0f} us, "  # type: ignore[index]
              f"rapidfuzz partial_ratio_alignment {r['rapidfuzz_partial_ratio_alignment_us']:.0f} us")  # type: ignore[index]
    c = results["cjk"]
    print(f"CJK text of {c['distinct_chars']} distinct characters: "  # type: ignore[index]
          f"{'found' if c['found'] else 'NOT found'} ({c['method']})")  # type: ignore[index]


def main(argv: list[str] | None = None) -> dict[str, object]:
    parser = argparse.ArgumentParser()
    parser.add_argument("--texts", type=int, default=24)
    parser.add_argument("--seed", type=int, default=2025)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args(argv)
    results = run(args.texts, args.seed)
    show(results)
    if args.json:
        args.json.write_text(json.dumps(results, indent=2))
    return results


if __name__ == "__main__":
    main()
