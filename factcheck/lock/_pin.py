"""The Pin value: where one quote of one claim was found, in one version of its source."""

from __future__ import annotations

import attrs

from factcheck.io import LOCK_NAME

LOCK_VERSION = 1
CONTEXT = 32  # characters of context kept on each side of a pinned passage
METHODS = ("exact", "normalized", "fuzzy")  # how anchoring found the passage


@attrs.frozen
class Pin:
    """Where one quote of one claim was found, in one version of its source.

    ``exact`` is the source's own text at ``[start, end)``; ``prefix`` and ``suffix`` are
    up to :data:`CONTEXT` characters before and after it; ``quote`` is the quote as the
    claims file worded it when pinned, to notice later edits. Values read from a lock
    file are validated by :meth:`Lock.from_toml <factcheck.lock.Lock.from_toml>`.
    """

    claim: str
    index: int  # 1-based position of the quote in its claim
    source: str
    sha256: str  # of the source's body when pinned (recorded; verification reads the words)
    start: int
    end: int
    exact: str
    prefix: str
    suffix: str
    method: str
    score: float
    quote: str

    @property
    def key(self) -> tuple[str, int]:
        """(claim id, 1-based quote index): what a pin is looked up by."""
        return (self.claim, self.index)


__all__ = ["CONTEXT", "LOCK_NAME", "LOCK_VERSION", "METHODS", "Pin"]
