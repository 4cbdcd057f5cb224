"""The pipeline: stages in order, results that nothing edits, output the same everywhere."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys

from factcheck import Case
from factcheck.load import load_case
from factcheck.pipeline import check
from tests.conftest import ROOT


def test_case_check_is_the_pipeline() -> None:
    loaded = load_case(ROOT)
    assert check(loaded).to_json() == Case.load(ROOT).check().to_json()


def test_only_supported_claims_are_reconciled_and_the_rest_named() -> None:
    report = Case.load(ROOT).check()
    for f in report.findings:
        members = {c.id for c in report.claims if c.claim.series == f.series.id}
        assert set(f.claims) <= members


def _digest(seed: str) -> str:
    code = ("import sys; from factcheck import Case; r = Case.load(sys.argv[1]).check(); "
            "sys.stdout.write(r.to_json() + r.brief())")
    env = {**os.environ, "PYTHONHASHSEED": seed}
    out = subprocess.run([sys.executable, "-c", code, str(ROOT)], env=env, check=True,
                         capture_output=True, text=True, cwd=ROOT).stdout
    return hashlib.sha256(out.encode()).hexdigest()


def test_output_is_byte_identical_across_processes_and_hash_seeds() -> None:
    assert len({_digest(seed) for seed in ("0", "1", "4242")}) == 1
