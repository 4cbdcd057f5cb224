"""Time the whole job: load a case, check it (anchor, provenance, reconcile), render the brief.

Run from the repository root::

    python benchmarks/bench_check.py [--sizes 10 1000 10000] [--json FILE]

Prints the bundled case's figures, then synthetic cases of N sources and claims (one quote
in three edited so that it anchors fuzzily), then the process-level figures: ``import
factcheck`` and ``factcheck brief`` on the bundled case, each the best of five fresh
interpreters, less an empty interpreter's start (targets: 100 ms and 200 ms).
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from factcheck import Case  # noqa: E402

WORDS = (
    "resolution", "committee", "assembly", "rights", "members", "adopted", "vote", "session",
    "report", "council", "states", "nations", "human", "general", "year", "meeting", "draft",
    "text", "support", "government", "ministry", "statement", "concern", "situation",
    "dialogue",
)


def timed(fn, repeat: int = 5) -> tuple[float, object]:  # type: ignore[no-untyped-def]
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def synthetic(root: Path, sources: int, seed: int = 7) -> int:
    """A case of *sources* articles, each carrying a dated annual count, quoted with edits."""
    rnd = random.Random(seed)
    # news-sized vocabulary: the common words, then thousands of rarer made-up ones
    vocabulary = list(WORDS) + ["".join(rnd.choice("aeioubcdfgklmnprstvz") for _ in range(
        rnd.randint(4, 10))) for _ in range(5000)]
    (root / "sources").mkdir()
    (root / "claims").mkdir()
    claims = ['[[series]]\nid = "years"\nkind = "annual"\n']
    for i in range(sources):
        year = 2006 + i % 19
        n = year - 2005 + 1
        words = [rnd.choice(WORDS) if rnd.random() < 0.3 else rnd.choice(vocabulary)
                 for _ in range(450)]
        # words of its own around the count, so that each article's sentence is its own
        before = " ".join(rnd.choice(vocabulary) for _ in range(6))
        after = " ".join(rnd.choice(vocabulary) for _ in range(3))
        sentence = f"The {before} was adopted for the {n}th consecutive year {after}"
        at = rnd.randrange(len(words))
        body = " ".join(words[:at]) + f". {sentence}. " + " ".join(words[at:])
        (root / "sources" / f"s{i:04d}.md").write_text(
            f"+++\ntitle = \"Article {i}\"\npublished = {year}-11-19\n+++\n{body}",
            encoding="utf-8")
        quote = sentence.replace("adopted", "adoptd") if i % 3 == 0 else sentence
        claims.append(f'[[claim]]\nid = "c{i:04d}"\nstatement = "x"\nseries = "years"\n'
                      f'value = "{n}th consecutive year"\n\n[[claim.quote]]\n'
                      f'source = "s{i:04d}"\ntext = "{quote}"\n')
    (root / "claims" / "years.toml").write_text("\n".join(claims), encoding="utf-8")
    return sources


def report(label: str, root: Path, repeat: int = 5) -> dict[str, object]:
    t_load, case = timed(lambda: Case.load(root), repeat)
    t_check, rep = timed(lambda: case.check(), repeat)  # type: ignore[union-attr]
    t_brief, brief = timed(lambda: rep.brief(), repeat)  # type: ignore[union-attr]
    print(f"| {label} | {len(case.sources)} | {len(case.claims)} | "  # type: ignore[union-attr]
          f"{t_load * 1000:.1f} | {t_check * 1000:.1f} | {t_brief * 1000:.1f} |")
    assert rep.ok, "the benchmark cases must check clean"  # type: ignore[union-attr]
    return {"case": label, "sources": len(case.sources),  # type: ignore[union-attr]
            "claims": len(case.claims),  # type: ignore[union-attr]
            "load_ms": t_load * 1000, "check_ms": t_check * 1000, "brief_ms": t_brief * 1000}


def process_ms(code: str) -> float:
    """Milliseconds of a fresh interpreter running *code*, less an empty one (best of 5)."""
    def best(snippet: str) -> float:
        out = []
        for _ in range(5):
            start = time.perf_counter()
            subprocess.run([sys.executable, "-c", snippet], cwd=ROOT, check=True,
                           stdout=subprocess.DEVNULL)
            out.append(time.perf_counter() - start)
        return min(out)
    return (best(code) - best("pass")) * 1000


def main(argv: list[str] | None = None) -> dict[str, object]:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="*", default=[10, 1000])
    parser.add_argument("--json", type=Path)
    args = parser.parse_args(argv)
    rows = []
    print("| case | sources | claims | load ms | check ms | brief ms |")
    print("|---|---|---|---|---|---|")
    rows.append(report("bundled", ROOT))
    for n in args.sizes:
        tmp = Path(tempfile.mkdtemp())
        try:
            synthetic(tmp, n)
            rows.append(report(f"synthetic {n} (1 in 3 quotes fuzzy)", tmp,
                               repeat=5 if n <= 1000 else 1))
        finally:
            shutil.rmtree(tmp)
    imported = process_ms("import factcheck")
    brief = process_ms("from factcheck.cli import main; main(['brief'])")
    print(f"\nimport factcheck: {imported:.0f} ms (target <= 100); factcheck brief on the "
          f"bundled case: {brief:.0f} ms (target <= 200); interpreter start excluded")
    results = {"cases": rows, "import_ms": imported, "brief_process_ms": brief}
    if args.json:
        args.json.write_text(json.dumps(results, indent=2))
    return results


if __name__ == "__main__":
    main()
