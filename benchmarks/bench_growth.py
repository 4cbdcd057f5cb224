"""How the cost of reconciliation and of a locked check grows with the number of claims.

Run by hand from the repository root::

    python benchmarks/bench_growth.py [--sizes 1000,10000,100000] [--json out.json]

For each size N it times, in one process (the case's text: random sentences over the
bundled articles' vocabulary, 200 per source): a tally series of N figures for one date
(the same-moment sweep), a status series of N dated values, a growing tally of N
reports, and a whole `check` of a case with N claims with and without its lock. The
growth exponent between two sizes is log(t2 / t1) / log(N2 / N1): 1 is linear, 2
quadratic. A naive pairwise comparison of the same N figures is timed beside the
sweep (up to 10,000) as the baseline. It also times `pin` for the N claims, the lock stage of a locked check alone
(`verify` of every pin), and
`Corpus.clusters()` over two sources that are one repeated run of N characters (the worst
case for the exact runs and chains of ``_shared_pairs``).
"""

from __future__ import annotations

import argparse
import datetime
import json
import math
import random
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from factcheck import Case, Claim, Kind, Monotone, Quote, Series, Source, Span, When  # noqa: E402
from factcheck.figures import parse_quantity  # noqa: E402
from factcheck.lock import pin, verify  # noqa: E402
from factcheck.provenance import Corpus  # noqa: E402
from factcheck.reconcilers import reconcile  # noqa: E402


def _time(fn: Callable[[], object], repeat: int = 3) -> float:
    best = math.inf
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t)
    return best


def _tally_same_moment(n: int) -> tuple[Series, list[Claim], dict[str, When]]:
    rnd = random.Random(n)
    claims = [Claim(f"c{i}", "x", series="s",
                    value=parse_quantity(f"about {rnd.randint(900, 1100)}")) for i in range(n)]
    day = When(Span.day(datetime.date(2025, 1, 1)))
    return Series("s", Kind.TALLY), claims, {c.id: day for c in claims}


def _tally_growing(n: int) -> tuple[Series, list[Claim], dict[str, When]]:
    start = datetime.date(1900, 1, 1)
    claims = [Claim(f"c{i}", "x", series="s", value=parse_quantity(str(i + 1)))
              for i in range(n)]
    when = {c.id: When(Span.day(start + datetime.timedelta(days=i))) for i, c in
            enumerate(claims)}
    return Series("s", Kind.TALLY, monotone=Monotone.INCREASING), claims, when


def _status(n: int) -> tuple[Series, list[Claim], dict[str, When]]:
    start = datetime.date(1900, 1, 1)
    claims = [Claim(f"c{i}", "x", series="s", value="member" if (i // 7) % 2 else "observer")
              for i in range(n)]
    when = {c.id: When(Span.day(start + datetime.timedelta(days=i))) for i, c in
            enumerate(claims)}
    return Series("s", Kind.STATUS), claims, when


def _naive_pairs(claims: list[Claim]) -> int:
    """The baseline: every pair of figures compared (what _tally did before)."""
    ivs = [c.value.interval for c in claims]  # type: ignore[union-attr]
    return sum(1 for i, a in enumerate(ivs) for b in ivs[i + 1:] if a.intersect(b).is_empty)


def _case(n: int) -> Case:
    root = Path(__file__).resolve().parent.parent / "sources"
    words = sorted({w for f in root.glob("*.md") if f.name != "README.md"
                    for w in f.read_text(encoding="utf-8").split("+++")[-1].split()})
    rnd = random.Random(n)
    per_source = 200
    sources, claims = [], []
    for s in range(max(1, n // per_source)):
        sentences = [" ".join(rnd.choice(words) for _ in range(12)) + f" {s}-{k}."
                     for k in range(per_source)]
        sources.append(Source(f"s{s:05d}", " ".join(sentences),
                              published=datetime.date(2025, 1, 1)))
        for k, sentence in enumerate(sentences):
            if len(claims) < n:
                claims.append(Claim(f"c{s:05d}-{k:03d}", "x",
                                    quotes=(Quote(f"s{s:05d}", sentence),)))
    return Case(tuple(sources), (), tuple(claims))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--json", help="also write the figures to this file")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    rows: dict[str, list[tuple[int, float]]] = {}

    def record(name: str, n: int, seconds: float) -> None:
        rows.setdefault(name, []).append((n, seconds))
        print(f"{name:<36} N={n:>7,}  {seconds * 1000:10.1f} ms", flush=True)

    for n in sizes:
        for name, make in (("tally, one date (sweep)", _tally_same_moment),
                           ("tally, growing over time", _tally_growing),
                           ("status over time", _status)):
            series, claims, when = make(n)
            record(name, n, _time(lambda: reconcile(series, claims, when), 1 if n > 10**4
                                  else 3))
            if make is _tally_same_moment and n <= 10_000:
                record("  baseline: naive pairwise", n, _time(lambda: _naive_pairs(claims), 1))
        case = _case(n)
        report = case.check()
        anchors = {(c.id, i): qr.anchor for c in report.claims
                   for i, qr in enumerate(c.quotes, 1)}
        by_id = {s.id: s for s in case.sources}
        record("pin", n, _time(lambda: pin(case.claims, by_id, anchors), 1))
        lock = pin(case.claims, by_id, anchors)
        record("verify every pin (the lock stage)", n, _time(lambda: [
            verify(lock.get(c.id, i), q.text, by_id[q.source])
            for c in case.claims for i, q in enumerate(c.quotes, 1)], 1))
        locked = Case(case.sources, case.series, case.claims, None, lock)
        record("check, no lock", n, _time(case.check, 1))
        record("check, locked", n, _time(locked.check, 1))
        run = ("the resolution was adopted again " * (n // 33 + 1))[:n]
        twins = [Source("a", run), Source("b", "Reprinted: " + run)]
        record("clusters, a repeated run of N chars", n,
               _time(lambda: Corpus(twins, quiet=True).clusters(), 1))
    print()
    out = {}
    for name, points in rows.items():
        exps = [math.log(t2 / t1) / math.log(n2 / n1)
                for (n1, t1), (n2, t2) in zip(points, points[1:], strict=False) if t1 > 0]
        out[name] = {"points": points, "growth": exps}
        print(f"{name:<36} growth exponents: " + ", ".join(f"{e:.2f}" for e in exps))
    if args.json:
        Path(args.json).write_text(json.dumps(out, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
