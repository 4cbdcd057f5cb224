"""Reasons: the structured facts every stage's verdict rests on, with no words in them.

Stages (support, dating, reconciliation) say *why* as :class:`Reason` values: a kind,
the claims concerned and the facts by name. :mod:`factcheck.render.words` alone turns
them into sentences, so every output format says the same thing its own way.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import attrs

__all__ = ["Reason", "reason"]


@attrs.frozen
class Reason:
    """One fact a verdict rests on: what kind of fact, the claims it concerns, its figures.

    ``kind`` names the fact ("agree", "skipped_years", "revised" …; the catalogue is
    :mod:`factcheck.render.words`); ``facts`` holds its values by name.

    >>> r = reason("agree", ["a", "b"], first_year=2005)
    >>> r.kind, r.claims, r["first_year"]
    ('agree', ('a', 'b'), 2005)
    """

    kind: str
    claims: tuple[str, ...] = ()
    facts: tuple[tuple[str, Any], ...] = ()

    def __getitem__(self, name: str) -> Any:
        for key, value in self.facts:
            if key == name:
                return value
        raise KeyError(name)

    def get(self, name: str, default: Any = None) -> Any:
        return next((v for k, v in self.facts if k == name), default)


def reason(kind: str, claims: Iterable[str] = (), **facts: Any) -> Reason:
    """A :class:`Reason`, its claims de-duplicated in order, its facts sorted by name."""
    return Reason(kind, tuple(dict.fromkeys(claims)), tuple(sorted(facts.items())))
