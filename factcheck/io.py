"""Writing files the safe way: atomically, and never over the case's own inputs.

Every file factcheck writes (a brief, the lock, a source added from the web) goes
through :func:`write_atomic`: readers see the old file or the new one, never half. It
writes only regular files: a symlink, a folder, a FIFO or a device at the target is
refused, never replaced or written through. :func:`guard_output` further keeps ``-o``
away from the case's inputs (``claims/``, ``sources/``, ``factcheck.lock``).

The new text goes to a temporary file ``.<name>.<random>.tmp`` beside the target, which
is removed on every error path; one left behind by a killed run is never read (no input
pattern matches it) and is removed by the next successful write once it is an hour old.
Every failure is a :class:`~factcheck.errors.WriteError` naming the path.
"""

from __future__ import annotations

import os
import stat
import tempfile
import time
from pathlib import Path

from factcheck.errors import WriteError

__all__ = ["INPUT_FOLDERS", "LOCK_NAME", "STALE_AFTER", "guard_output", "why", "write_atomic"]

LOCK_NAME = "factcheck.lock"  # the lock file of a case (factcheck.lock re-exports it)
INPUT_FOLDERS = ("claims", "sources")
STALE_AFTER = 3600.0  # seconds: a temporary file this old belongs to no running write


def write_atomic(path: Path, text: str | bytes) -> None:
    """Write *text* to *path* so that readers see the old file or the new one, never half.

    Text is written as UTF-8; bytes (a raw page kept beside its source) exactly as they
    are.

    The file keeps the permissions it had (a new one gets the usual ones, as the umask
    allows); a missing folder is an error, not something to create on a typo.
    """
    path = Path(path)
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        info = None
    except (OSError, ValueError) as exc:
        raise WriteError(f"{path}: cannot be written ({why(exc)})") from None
    if info is not None:
        if stat.S_ISLNK(info.st_mode):
            raise WriteError(f"{path}: is a symlink; refusing to write through it "
                             "(name the file it points to, or another file)")
        if stat.S_ISDIR(info.st_mode):
            raise WriteError(f"{path}: is a folder; name a file to write")
        if not stat.S_ISREG(info.st_mode):
            raise WriteError(f"{path}: is not a regular file (a device, FIFO or socket); "
                             "refusing to replace it")
    if not path.parent.is_dir():
        raise WriteError(f"{path}: no such folder {str(path.parent)!r}")
    if info is not None:
        mode = info.st_mode & 0o7777
    else:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    tmp: str | None = None
    try:
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
        with os.fdopen(fd, "wb") as out:
            os.chmod(tmp, mode)
            out.write(text if isinstance(text, bytes) else text.encode("utf-8"))
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, path)
        tmp = None
    except OSError as exc:
        raise WriteError(f"{path}: could not be written ({why(exc)}); "
                         "the old file, if any, is unchanged") from None
    finally:
        if tmp is not None:
            Path(tmp).unlink(missing_ok=True)
    _clean_stale(path)


def _clean_stale(path: Path) -> None:
    """Remove temporary files of *path* left by killed runs (regular, ours, an hour old)."""
    prefix = f".{path.name}."
    now = time.time()
    try:
        entries = list(os.scandir(path.parent))
    except OSError:
        return
    for entry in entries:
        if not (entry.name.startswith(prefix) and entry.name.endswith(".tmp")):
            continue
        try:
            info = entry.stat(follow_symlinks=False)
            if (stat.S_ISREG(info.st_mode) and info.st_uid == os.getuid()
                    and now - info.st_mtime > STALE_AFTER):
                os.unlink(entry.path)
        except OSError:
            continue  # another run's file, or gone already: not ours to worry about


def guard_output(root: Path, target: Path) -> None:
    """Never write over the case's own inputs: claims/, sources/ and the lock."""
    try:
        resolved = Path(target).resolve()
        real_root = Path(root).resolve()
    except (OSError, RuntimeError, ValueError) as exc:
        raise WriteError(f"{target}: cannot be written ({why(exc)})") from None
    for folder in INPUT_FOLDERS:
        inputs = real_root / folder
        if resolved == inputs or inputs in resolved.parents:
            raise WriteError(f"{target}: refusing to write inside the case's {folder}/ folder")
    if resolved == real_root / LOCK_NAME:
        raise WriteError(f"{target}: refusing to write over the case's lock ({LOCK_NAME}); "
                         "`factcheck pin` writes it")
    if resolved == real_root:
        raise WriteError(f"{target}: is a folder (the case folder); name a file to write")


def why(exc: BaseException) -> str:
    """Why a file operation failed, in a few words: "permission denied", "a symlink loop"."""
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror.lower()
    if isinstance(exc, RuntimeError):
        return "a symlink loop"
    return str(exc)
