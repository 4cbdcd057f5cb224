"""Explanations as parts: plain words, and references to the claims and sources they name.

The reconciliation writes its reasons as sentences that name claims and sources by id in
backticks ("`assembly-16th-year` counts …"). Renderers never print those ids: they read a
sentence as parts — plain ``str`` and :class:`Ref` / :class:`SourceRef` markers — and each
format shows a claim as its source's publisher and date with its footnote, and a source
by publisher and date.

:func:`finding_parts` is the one place a finding's explanation is read. (When findings
carry structured reasons and ``factcheck.render.words`` yields a sentence as parts, it
will consume those instead of parsing backticks; nothing else changes.)

>>> for p in parts("`a` and `b` agree; `x` is no id; see `s1`", {"a", "b"}, {"s1"}):
...     print(repr(p))
Ref(claim_id='a')
' and '
Ref(claim_id='b')
' agree; x is no id; see '
SourceRef(source_id='s1')
>>> plain(parts("`a` and `b` agree", {"a", "b"}))
'a and b agree'
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence

import attrs

from factcheck.reconcile import Finding

__all__ = ["Part", "Ref", "SourceRef", "finding_parts", "parts", "plain"]


@attrs.frozen
class Ref:
    """A reference to a claim inside a sentence."""

    claim_id: str


@attrs.frozen
class SourceRef:
    """A reference to a source inside a sentence."""

    source_id: str


Part = str | Ref | SourceRef

_TICKED = re.compile(r"`([^`]*)`")


def parts(text: str, claim_ids: Collection[str],
          source_ids: Collection[str] = ()) -> tuple[Part, ...]:
    """*text* split into words and references; backticks around other words are dropped."""
    out: list[Part] = []
    pos = 0
    for m in _TICKED.finditer(text):
        if m.start() > pos:
            out.append(text[pos:m.start()])
        inner = m.group(1)
        if inner in claim_ids:
            out.append(Ref(inner))
        elif inner in source_ids:
            out.append(SourceRef(inner))
        else:
            out.append(inner)
        pos = m.end()
    if pos < len(text):
        out.append(text[pos:])
    merged: list[Part] = []
    for p in out:  # adjacent words read as one
        if isinstance(p, str) and merged and isinstance(merged[-1], str):
            merged[-1] += p
        else:
            merged.append(p)
    return tuple(merged)


def finding_parts(finding: Finding, claim_ids: Collection[str],
                  source_ids: Collection[str] = ()) -> tuple[Part, ...]:
    """A finding's explanation as parts: the only reader of ``Finding.explanation``."""
    return parts(finding.explanation, claim_ids, source_ids)


def plain(sentence: Sequence[Part]) -> str:
    """A sentence as plain text: references by their ids, no Markdown."""
    return "".join(p if isinstance(p, str) else
                   p.claim_id if isinstance(p, Ref) else p.source_id for p in sentence)
