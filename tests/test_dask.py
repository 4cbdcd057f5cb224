"""The Dask path and the process pool give the local path's answers, on the same code."""

from __future__ import annotations

import random

import pytest

from factcheck import Source
from factcheck.provenance import Corpus

_WORDS = """resolution committee assembly consensus member states sponsor adopted human rights
north korea united nations vote draft year consecutive annual report general third japan
britain france australia canada europe union council session plenary record decade straight
support withdrew returned listed proposer backing countries minister said statement officials
economy market growth inflation bank central rate policy election parliament court ruling
"""
WORDS = _WORDS.split()


def _corpus(n: int, seed: int) -> tuple[list[Source], list[str]]:
    """*n* articles of random words, one in twenty carrying 200+ characters of another;
    and passages to look for (exact, edited, and absent)."""
    rng = random.Random(seed)
    bodies = [
        " ".join(rng.choice(WORDS) + str(rng.randrange(100)) for _ in range(rng.randint(60, 110)))
        for _ in range(n)
    ]
    for c in rng.sample(range(n), n // 20):
        original = bodies[rng.randrange(n)]
        start = rng.randrange(max(1, len(original) - 220))
        bodies[c] += " Wire copy: " + original[start : start + 220]
    sources = [Source(f"s{i:05d}", b) for i, b in enumerate(bodies)]
    passages = []
    for _ in range(30):
        body = rng.choice(bodies)
        start = rng.randrange(max(1, len(body) - 80))
        passage = list(body[start : start + 80])
        if rng.random() < 0.5:
            passage[rng.randrange(len(passage))] = "#"
        passages.append("".join(passage))
    passages.append("no such passage in any of these articles, surely")
    return sources, passages


def test_the_dask_path_equals_the_local_path_on_10k_sources() -> None:
    distributed = pytest.importorskip("distributed")
    sources, passages = _corpus(10_000, 7)
    local = Corpus(sources, partition=250_000, quiet=True)
    with distributed.Client(
        processes=False, n_workers=2, threads_per_worker=1, dashboard_address=None
    ) as client:
        remote = Corpus(sources, partition=250_000, dask=client, quiet=True)
        for passage in passages:
            assert remote.find(passage) == local.find(passage)
        assert remote.clusters() == local.clusters()
        assert remote.stats == local.stats
    assert local.stats["partitions"] > 10
    assert sum(len(c.sources) > 1 for c in local.clusters()) >= 400


def test_a_pool_of_processes_gives_the_same_answers() -> None:
    sources, passages = _corpus(600, 11)
    alone = Corpus(sources, partition=20_000, quiet=True)
    pooled = Corpus(sources, partition=20_000, jobs=2, quiet=True)
    assert pooled.clusters(jobs=2) == alone.clusters()
    for passage in passages[:10]:
        assert pooled.find(passage, jobs=2) == alone.find(passage)
    assert pooled.stats == alone.stats


def test_a_progress_bar_shows_on_a_terminal_only(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    sources, _ = _corpus(200, 3)
    Corpus(sources, partition=5_000).clusters()
    assert capsys.readouterr().err == ""  # not a terminal
    monkeypatch.setattr("sys.stderr.isatty", lambda: True)
    Corpus(sources, partition=5_000, quiet=True).clusters()
    assert capsys.readouterr().err == ""  # quiet
    Corpus(sources, partition=5_000).clusters()
    assert "normalising" in capsys.readouterr().err
