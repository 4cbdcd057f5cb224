"""Writing outputs: atomic, never over the case's inputs, a symlink or a device."""

from __future__ import annotations

import errno
import os
import time
from pathlib import Path

import pytest

from factcheck.cli import main
from factcheck.errors import FactCheckError, WriteError
from factcheck.io import STALE_AFTER, guard_output, write_atomic


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_write_atomic_writes_and_keeps_the_mode(tmp_path: Path) -> None:
    target = tmp_path / "brief.md"
    write_atomic(target, "one\n")
    target.chmod(0o640)
    write_atomic(target, "two\n")
    assert target.read_text(encoding="utf-8") == "two\n"
    assert target.stat().st_mode & 0o777 == 0o640
    assert leftovers(tmp_path) == []


def test_brief_o_never_writes_over_the_lock(case_dir: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    """Issue 11: `brief -o factcheck.lock` overwrote the lock."""
    lock = case_dir / "factcheck.lock"
    assert main(["pin", "--root", str(case_dir)]) == 0
    before = lock.read_bytes()
    assert main(["brief", "--root", str(case_dir), "-o", str(lock)]) == 2
    assert "refusing to write over the case's lock" in capsys.readouterr().err
    assert lock.read_bytes() == before


@pytest.mark.parametrize("rel", ["claims/nkhra.toml", "sources/new.md", "claims",
                                 "factcheck.lock", "."])
def test_guard_refuses_the_case_inputs(case_dir: Path, rel: str) -> None:
    with pytest.raises(WriteError):
        guard_output(case_dir, case_dir / rel)


def test_guard_sees_through_symlinks_to_the_inputs(case_dir: Path) -> None:
    link = case_dir / "innocent.md"
    link.symlink_to(case_dir / "claims" / "nkhra.toml")
    with pytest.raises(WriteError, match="claims/ folder"):
        guard_output(case_dir, link)


def test_a_symlink_is_never_written_through(tmp_path: Path) -> None:
    outside = tmp_path / "outside.txt"
    outside.write_text("keep", encoding="utf-8")
    link = tmp_path / "out.md"
    link.symlink_to(outside)
    with pytest.raises(WriteError, match="symlink"):
        write_atomic(link, "x")
    assert outside.read_text(encoding="utf-8") == "keep" and link.is_symlink()


def test_a_device_node_is_never_replaced() -> None:
    """Issue 11: `-o` replaced a device node with a regular file."""
    with pytest.raises(WriteError, match="not a regular file"):
        write_atomic(Path("/dev/null"), "x")
    assert Path("/dev/null").is_char_device()


def test_a_fifo_is_never_replaced(tmp_path: Path) -> None:
    fifo = tmp_path / "out.md"
    os.mkfifo(fifo)
    with pytest.raises(WriteError, match="not a regular file"):
        write_atomic(fifo, "x")
    assert leftovers(tmp_path) == []


def test_a_folder_is_named(tmp_path: Path) -> None:
    with pytest.raises(WriteError, match="is a folder"):
        write_atomic(tmp_path, "x")


def test_disk_full_names_the_path_and_leaves_no_temporary_file(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 11: a disk-full error did not name the path."""
    target = tmp_path / "brief.md"
    target.write_text("old", encoding="utf-8")

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(WriteError) as info:
        write_atomic(target, "new text")
    assert str(target) in str(info.value) and "no space left" in str(info.value)
    assert isinstance(info.value, FactCheckError)
    assert target.read_text(encoding="utf-8") == "old"
    assert leftovers(tmp_path) == []


def test_an_interrupted_write_leaves_no_temporary_file(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupted(src: str, dst: str) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_atomic(tmp_path / "brief.md", "x")
    assert leftovers(tmp_path) == []


def test_a_stale_temporary_file_is_ignored_then_cleaned(case_dir: Path) -> None:
    """Issue 11: killed runs left `.factcheck.lock.*.tmp` behind."""
    stale = case_dir / ".factcheck.lock.abc123.tmp"
    stale.write_text("half a lock", encoding="utf-8")
    old = time.time() - STALE_AFTER - 10
    os.utime(stale, (old, old))
    fresh = case_dir / ".factcheck.lock.def456.tmp"  # perhaps a write under way: kept
    fresh.write_text("another run", encoding="utf-8")
    assert main(["check", "--root", str(case_dir)]) == 0  # ignored by loading
    assert main(["pin", "--root", str(case_dir)]) == 0
    assert not stale.exists() and fresh.exists()
    assert (case_dir / "factcheck.lock").read_text(encoding="utf-8").startswith("# factcheck")


def test_a_missing_folder_is_named(tmp_path: Path) -> None:
    with pytest.raises(WriteError, match="no such folder"):
        write_atomic(tmp_path / "typo" / "brief.md", "x")
