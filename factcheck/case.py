"""A case: the sources and claims of one fact-check, and the check that ties them together."""

from __future__ import annotations

from pathlib import Path

import attrs

from factcheck import pipeline
from factcheck.anchoring import Anchor
from factcheck.errors import lookup
from factcheck.io import write_atomic
from factcheck.load import Loaded, load_case
from factcheck.lock import LOCK_NAME, Lock, pin
from factcheck.model import Claim, Series, Source
from factcheck.provenance import Corpus
from factcheck.report import Report

__all__ = ["Case"]


@attrs.frozen
class Case:
    """The sources, series and claims of one fact-check, and its lock if it has one."""

    sources: tuple[Source, ...]
    series: tuple[Series, ...]
    claims: tuple[Claim, ...]
    root: Path | None = None
    lock: Lock | None = None

    @classmethod
    def load(cls, root: str | Path = ".", *, read_lock: bool = True,
             claims_required: bool = True, max_source_bytes: int | None = None) -> Case:
        """Read ``root/sources/*.md``, ``root/claims/*.toml`` and ``root/factcheck.lock``.

        Raises :class:`~factcheck.errors.LoadError` listing every problem found. With
        ``claims_required=False`` a folder with ``sources/`` alone loads; every file is
        read up to *max_source_bytes* (default ``$FACTCHECK_MAX_SOURCE_BYTES``, else 50 MiB).
        """
        loaded = load_case(root, read_lock=read_lock, claims_required=claims_required,
                           max_source_bytes=max_source_bytes)
        return cls(loaded.sources, loaded.series, loaded.claims, Path(root), loaded.lock)

    def add(self, *pages: str | Path, source_id: str | None = None,
            skip: bool = False) -> tuple[Source, ...]:
        """Add saved pages, URLs (fetched) or web archives to this case's ``sources/`` and
        return the new sources (see :func:`factcheck.web.add_pages`; needs the ``web``
        extra). The case itself is unchanged: load it again to check the new sources.
        """
        from factcheck.errors import UsageError
        from factcheck.web import add_pages

        if self.root is None:
            raise UsageError("this case has no folder to add sources to: load it with "
                             "Case.load(folder), or give Case(..., root=folder)")
        return add_pages(self.root, pages, source_id=source_id, skip=skip).sources

    def source(self, source_id: str) -> Source:
        return lookup(self.sources, source_id, lambda s: s.id, "source")

    # Notebook and console displays: short, never whole articles (factcheck.render.notebook).
    def __repr__(self) -> str:
        from factcheck.render.notebook import case_repr

        return case_repr(self)

    def _repr_markdown_(self) -> str:
        from factcheck.render.notebook import case_markdown

        return case_markdown(self)

    def _repr_html_(self) -> str:
        from factcheck.render.notebook import case_html

        return case_html(self)

    def claim(self, claim_id: str) -> Claim:
        return lookup(self.claims, claim_id, lambda c: c.id, "claim")

    def corpus(self, *, jobs: int = 1) -> Corpus:
        """The sources as a :class:`~factcheck.provenance.Corpus` (find, clusters), its
        work spread over *jobs* processes."""
        return Corpus(self.sources, jobs=jobs)

    def check(self, *, strict: bool = False, jobs: int = 1) -> Report:
        """Anchor every quote, verify it against the lock, date every claim, reconcile.

        Each claim also learns which sources carry its quotes (its own, and any other
        that prints the same passage) and how many independent origins those are:
        syndicated copies count once. The corpus work (index, clusters) runs in *jobs*
        processes. See :func:`factcheck.pipeline.check`.
        """
        return pipeline.check(Loaded(self.sources, self.series, self.claims, self.lock),
                              strict=strict, root=self.root, corpus=self.corpus(jobs=jobs))

    def save_lock(self, lock: Lock) -> bool:
        """Write *lock* to the case's ``factcheck.lock`` atomically; False when unchanged."""
        path = (self.root or Path(".")) / LOCK_NAME
        text = lock.to_toml()
        try:  # bytes, not text: a damaged lock (not UTF-8) is simply not the same
            same = path.is_file() and path.read_bytes() == text.encode("utf-8")
        except OSError:
            same = False
        if same:
            return False
        write_atomic(path, text)
        return True

    def pin(self, report: Report | None = None, *, update: bool = False) -> Lock:
        """The lock for this case: existing pins kept (unless *update*), new quotes pinned."""
        report = report or self.check()
        by_id = {s.id: s for s in self.sources}
        anchors: dict[tuple[str, int], Anchor] = {
            (c.id, i): qr.anchor for c in report.claims for i, qr in enumerate(c.quotes, 1)
        }
        fresh = pin(self.claims, by_id, anchors)
        if update or self.lock is None:
            return fresh
        quotes = {(c.id, i): q.text for c in self.claims for i, q in enumerate(c.quotes, 1)}
        kept = {(p.claim, p.index): p for p in self.lock.pins
                if quotes.get((p.claim, p.index)) == p.quote}  # one lookup per pin: linear
        merged = [kept.get((p.claim, p.index), p) for p in fresh.pins]
        return Lock(tuple(merged))

