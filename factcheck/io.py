"""Writing files the safe way: atomically, and never over the case's own inputs.

Every file factcheck writes (a brief, the lock, a source added from the web) goes
through :func:`write_atomic`: readers see the old file or the new one, never half.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from factcheck.errors import UsageError

__all__ = ["guard_output", "write_atomic"]


def write_atomic(path: Path, text: str | bytes) -> None:
    """Write *text* to *path* so that readers see the old file or the new one, never half.

    Text is written as UTF-8; bytes (a raw page kept beside its source) exactly as they
    are.

    The file keeps the permissions it had (a new one gets the usual ones, as the umask
    allows); a missing folder is an error, not something to create on a typo.
    """
    if path.is_dir():
        raise UsageError(f"{path}: is a folder; name a file to write")
    if not path.parent.is_dir():
        raise UsageError(f"{path}: no such folder {str(path.parent)!r}")
    if path.exists():
        mode = path.stat().st_mode & 0o7777
    else:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        os.chmod(tmp, mode)
        with os.fdopen(fd, "wb") as out:
            out.write(text if isinstance(text, bytes) else text.encode("utf-8"))
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def guard_output(root: Path, target: Path) -> None:
    """Never write over the case's own inputs."""
    target = target.resolve()
    for folder in ("claims", "sources"):
        inputs = (root / folder).resolve()
        if target == inputs or inputs in target.parents:
            raise UsageError(f"{target}: refusing to write inside the case's {folder}/ folder")
