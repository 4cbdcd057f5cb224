from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from hypothesis import settings

# CI runs the same examples every time (derandomized), so that a red build is a real
# regression and not a newly drawn example; locally, examples stay random to find new bugs.
settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def case_dir(tmp_path: Path) -> Path:
    """A private copy of the bundled case, safe to edit."""
    for sub in ("claims", "sources"):
        shutil.copytree(ROOT / sub, tmp_path / sub)
    return tmp_path
