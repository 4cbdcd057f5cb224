"""The pipeline: stages in order, results that nothing edits, output the same everywhere."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from factcheck import Case
from factcheck.load import load_case
from factcheck.pipeline import check
from factcheck.render.words import plain, source_note
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


def test_check_names_new_page_versions_and_text_edited_since_added(tmp_path: Path) -> None:
    """Two versions of a page: check says one is a newer version of the other; a body
    edited by hand afterwards is reported against the raw page it was read from."""
    from factcheck.web import add_pages

    pages = ROOT / "tests" / "data" / "pages"
    add_pages(tmp_path, [pages / "harbor-ledger-flood.html"])
    add_pages(tmp_path, [pages / "harbor-ledger-flood-updated.html"])
    (tmp_path / "claims").mkdir()
    shutil.copy(pages / "floods-claims.toml", tmp_path / "claims" / "floods.toml")
    first = "harbor-ledger-2025-03-04-floods-in-the-marrow"
    report = Case.load(tmp_path).check()
    notes = [plain(source_note(n)) for n in report.source_notes]
    assert notes == [f"`{first}@2025-03-06` is a newer version of `{first}`: the same page, "
                     "changed since; claims quoting each read its own figures at its own date"]
    path = tmp_path / "sources" / f"{first}.md"
    path.write_text(path.read_text(encoding="utf-8") + "\nA sentence added by hand.\n",
                    encoding="utf-8")
    kinds = [n.kind for n in Case.load(tmp_path).check().source_notes]
    assert "raw_mismatch" in kinds


def test_a_removed_pin_is_reported_and_strict_fails_on_it(case_dir: Path,
                                                          capsys: object) -> None:
    from factcheck.cli import main
    from factcheck.lock import LOCK_NAME

    assert main(["pin", "--root", str(case_dir)]) == 0
    lock = case_dir / LOCK_NAME
    text = lock.read_text(encoding="utf-8")
    first = text.index("[[quote]]")
    second = text.index("[[quote]]", first + 1)
    lock.write_text(text[:first] + text[second:], encoding="utf-8")  # delete one pin
    assert main(["check", "--root", str(case_dir)]) == 0
    assert main(["check", "--root", str(case_dir), "--strict"]) == 1
    report = Case.load(case_dir).check(strict=True)
    assert len(report.unpinned) == 1 and not report.ok


def test_check_with_jobs_gives_the_same_report() -> None:
    """The corpus work in two processes: byte-identical JSON and brief."""
    one, two = Case.load(ROOT).check(), Case.load(ROOT).check(jobs=2)
    assert one.to_json() == two.to_json() and one.brief() == two.brief()


def test_a_corpus_of_other_sources_is_a_usage_error() -> None:
    from factcheck.errors import UsageError
    from factcheck.provenance import Corpus

    loaded = load_case(ROOT)
    with pytest.raises(UsageError, match="other sources"):
        check(loaded, corpus=Corpus(loaded.sources[1:]))
