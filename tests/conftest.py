from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def case_dir(tmp_path: Path) -> Path:
    """A private copy of the bundled case, safe to edit."""
    for sub in ("claims", "sources"):
        shutil.copytree(ROOT / sub, tmp_path / sub)
    return tmp_path
