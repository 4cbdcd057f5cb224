"""Peak memory of `factcheck check` on one very large source.

Run by hand from the repository root::

    python benchmarks/bench_memory.py [--mb 50] [--keep DIR] [--json out.json]

It writes a case to a temporary folder: one source of ``--mb`` megabytes (random sentences
over the bundled articles' words, typographic quotes and dashes included, in paragraphs),
with one real paragraph of the Taipei article planted in the middle, and claims whose
quotes find it in each of the three ways -- exactly, after normalisation (typed with a
straight apostrophe where the article prints a curly one) and fuzzily (a typo) -- plus
an annual series, so that every stage of the check runs over the whole text; then
`factcheck pin`, and the check again with its lock. Beside them, in the same run, it
measures the baseline: a Python process that reads the source and normalises nothing
(``open().read()``). Peak resident memory of each child comes from ``os.wait4``. The
target (issue 11) is at most 1 GB for 50 MB.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PLANTED = (
    "A U.N. General Assembly committee passed a resolution on North Korea\u2019s human "
    "rights for the 20th consecutive year, while the U.S. House of Representatives passed "
    "a bipartisan bill to reauthorize and update the 2004 North Korean Human Rights Act. "
    "The last reauthorization ended in August 2022, and a reauthorization bill was "
    "subsequently submitted to Congress, but the bill has been delayed."
)
CLAIMS = """\
[[series]]
id = "years"
kind = "annual"
title = "Years the committee has adopted the resolution"

[[claim]]
id = "exact"
statement = "The act was to be reauthorized and updated."
[[claim.quote]]
source = "big"
text = "passed a bipartisan bill to reauthorize and update the 2004 North Korean Human Rights Act"

[[claim]]
id = "normalized"
statement = "The committee passed the resolution for the 20th consecutive year."
series = "years"
value = "20th consecutive year"
[[claim.quote]]
source = "big"
text = "passed a resolution on North Korea's human rights for the 20th consecutive year"

[[claim]]
id = "fuzzy"
statement = "The last reauthorization ended in August 2022."
[[claim.quote]]
source = "big"
text = "The last reauthorization ended in August 2022, and a reauthorization bill was subsequntly"
"""


def _words() -> list[str]:
    text = " ".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "sources").glob("0*.md")))
    return re.findall(r"\S+", text.split("+++")[-1] if "+++" in text else text)


def write_case(folder: Path, mb: int, seed: int = 11) -> Path:
    """The case: ``folder/claims/c.toml`` and ``folder/sources/big.md`` of *mb* megabytes."""
    rnd = random.Random(seed)
    words = _words()
    (folder / "claims").mkdir(parents=True, exist_ok=True)
    (folder / "sources").mkdir(exist_ok=True)
    (folder / "claims" / "c.toml").write_text(CLAIMS, encoding="utf-8")
    target = mb * 1_000_000
    paragraphs: list[str] = []
    size = 0
    while size < target:
        sentence = " ".join(rnd.choice(words) for _ in range(rnd.randint(60, 120))) + "."
        paragraphs.append(sentence)
        size += len(sentence) + 2
    paragraphs.insert(len(paragraphs) // 2, PLANTED)
    head = '+++\ntitle = "Big"\npublisher = "Big Wire"\npublished = 2024-11-14\n+++\n'
    source = folder / "sources" / "big.md"
    source.write_text(head + "\n\n".join(paragraphs) + "\n", encoding="utf-8")
    return source


def peak(argv: list[str], cwd: Path) -> tuple[int, float, int, str]:
    """(peak RSS in bytes, wall seconds, exit status, stdout) of one child process."""
    start = time.perf_counter()
    child = subprocess.Popen(argv, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    assert child.stdout is not None
    out = child.stdout.read().decode("utf-8", "replace")
    _, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)
    return usage.ru_maxrss * 1024, time.perf_counter() - start, child.returncode, out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=int, default=50)
    parser.add_argument("--keep", type=Path, help="write the case here and keep it")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or Path(tmp)
        source = write_case(folder, args.mb)
        chars = len(source.read_text(encoding="utf-8"))
        read = [sys.executable, "-c", f"open({str(source)!r}, encoding='utf-8').read()"]
        base_rss, base_s, _, _ = peak(read, folder)
        check = [sys.executable, "-m", "factcheck", "check"]
        rss, seconds, code, out = peak(check, folder)
        pin_rss, pin_s, pin_code, _ = peak([sys.executable, "-m", "factcheck", "pin"], folder)
        locked_rss, locked_s, locked_code, _ = peak(check, folder)
        (folder / "factcheck.lock").unlink(missing_ok=True)
    summary = out.strip().splitlines()[-1] if out.strip() else ""
    result = {
        "characters": chars,
        "baseline_peak_bytes": base_rss,
        "check_peak_bytes": rss,
        "check_bytes_per_char": round(rss / chars, 1),
        "ratio_to_baseline": round(rss / base_rss, 2),
        "check_seconds": round(seconds, 1),
        "baseline_seconds": round(base_s, 2),
        "exit": code,
        "pin_peak_bytes": pin_rss,
        "pin_seconds": round(pin_s, 1),
        "locked_check_peak_bytes": locked_rss,
        "locked_check_seconds": round(locked_s, 1),
        "pin_exit": pin_code,
        "locked_exit": locked_code,
        "summary": summary,
        "target_bytes": 1 << 30,
    }
    print(f"source: {chars:,} characters")
    print(f"baseline (read the file):  {base_rss / 2**20:8.0f} MiB  {base_s:6.2f} s")
    print(f"factcheck check:           {rss / 2**20:8.0f} MiB  {seconds:6.1f} s  "
          f"({rss / chars:.1f} B/char, {rss / base_rss:.1f}x baseline; target <= 1024 MiB)")
    print(f"factcheck pin:             {pin_rss / 2**20:8.0f} MiB  {pin_s:6.1f} s  "
          f"(exit {pin_code})")
    print(f"factcheck check, locked:   {locked_rss / 2**20:8.0f} MiB  {locked_s:6.1f} s  "
          f"(exit {locked_code})")
    print(f"exit {code}: {summary}")
    if code not in (0, 1):
        print(out)
    if args.json:
        args.json.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
