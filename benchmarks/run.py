"""Every benchmark in one run, each figure next to its target; JSON in benchmarks/results.json.

Run from the repository root (about 8 minutes on 2 idle cores)::

    python benchmarks/run.py [--quick] [--big N] [--jobs J]

``--quick`` runs smaller sizes (a minute or two); ``--big 100000`` adds the 100,000-source
corpus to the provenance benchmark (several minutes more).
"""

from __future__ import annotations

import argparse
import json
import platform
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import bench_anchor  # noqa: E402
import bench_check  # noqa: E402
import bench_provenance  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--big", type=int, default=0)
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--json", type=Path, default=HERE / "results.json")
    args = parser.parse_args()
    started = time.perf_counter()
    results: dict[str, object] = {
        "python": platform.python_version(), "machine": platform.machine(),
        "started": time.strftime("%Y-%m-%d %H:%M:%S"),
    }
    print("== anchoring ==")
    results["anchor"] = bench_anchor.main(["--texts", "8" if args.quick else "24"])
    print("\n== provenance ==")
    sizes = ["1000"] if args.quick else ["1000", "10000"]
    extra = ["--big", str(args.big)] if args.big else []
    results["provenance"] = bench_provenance.main(
        ["--sizes", *sizes, "--jobs", str(args.jobs), "--queries", "20" if args.quick else "60",
         *extra])
    print("\n== check and brief ==")
    results["check"] = bench_check.main(
        ["--sizes", "10", "100"] if args.quick else ["--sizes", "10", "1000", "10000"])
    results["seconds"] = time.perf_counter() - started
    args.json.write_text(json.dumps(results, indent=2))
    print(f"\nall benchmarks in {results['seconds']:.0f} s; figures in {args.json}")


if __name__ == "__main__":
    main()
