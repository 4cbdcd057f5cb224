"""Explanations as parts: plain words, and references to the claims and sources they name.

:mod:`factcheck.render.words` gives every sentence as parts — plain ``str``,
:class:`~factcheck.render.words.Ref` markers for claims and
:class:`~factcheck.render.words.SourceRef` markers for sources. The briefs never print
ids: each format shows a claim by its source's publisher and date with its footnote, and
a source by publisher and date. Ids left in the words' text, in backticks or bare, are
turned into markers too (:func:`parts`), so that none reaches a reader.

:func:`finding_parts` is the one place a finding's explanation is read;
:func:`problem_parts` and :func:`inference_parts` do the same for a claim's problems and
an inferred date's reasons.

>>> for p in parts("`a` and `b` agree; `x` is no id; see `s1`", {"a", "b"}, {"s1"}):
...     print(repr(p))
Ref(claim='a')
' and '
Ref(claim='b')
' agree; x is no id; see '
SourceRef(source='s1')
>>> plain(parts("`a` and `b` agree", {"a", "b"}))
'a and b agree'
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Sequence

from factcheck.dating import DateInference
from factcheck.reasons import Reason
from factcheck.reconcilers import Finding
from factcheck.render import words
from factcheck.render.words import Ref, SourceRef

__all__ = ["Part", "Ref", "SourceRef", "assumption_parts", "finding_parts", "inference_parts",
           "parts", "plain", "problem_parts", "source_note_parts"]


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
    return _merge(p for segment in out for p in (
        _bare_sources(segment, source_ids) if isinstance(segment, str) else (segment,)))


def _bare_sources(text: str, source_ids: Collection[str]) -> list[Part]:
    """Source ids written without backticks (an origin is named after a source)."""
    if not source_ids or not text:
        return [text]
    names = "|".join(re.escape(s) for s in sorted(source_ids, key=lambda s: (-len(s), s)))
    out: list[Part] = []
    pos = 0
    for m in re.finditer(rf"(?<![\w-])(?:{names})(?![\w-])", text):
        out += [text[pos:m.start()], SourceRef(m.group(0))]
        pos = m.end()
    return [*out, text[pos:]]


def _merge(items: Iterable[Part]) -> tuple[Part, ...]:
    merged: list[Part] = []
    for p in items:  # adjacent words read as one
        if isinstance(p, str) and merged and isinstance(merged[-1], str):
            merged[-1] += p
        elif p != "":
            merged.append(p)
    return tuple(merged)


def _expand(sentence: Iterable[words.Part], claim_ids: Collection[str],
            source_ids: Collection[str]) -> tuple[Part, ...]:
    out: list[Part] = []
    for p in sentence:
        out += list(parts(p, claim_ids, source_ids)) if isinstance(p, str) else [p]
    return _merge(out)


def finding_parts(finding: Finding, claim_ids: Collection[str],
                  source_ids: Collection[str] = ()) -> tuple[Part, ...]:
    """A finding's explanation as parts: the only reader of a finding's reasons' words."""
    return _expand(words.explanation(finding), claim_ids, source_ids)


def assumption_parts(assumption: Reason, claim_ids: Collection[str],
                     source_ids: Collection[str] = ()) -> tuple[Part, ...]:
    return _expand(words.sentence(assumption), claim_ids, source_ids)


def problem_parts(problems: Iterable[Reason], claim_ids: Collection[str],
                  source_ids: Collection[str] = ()) -> tuple[Part, ...]:
    """Why a claim is not supported, as parts ("" when it is)."""
    out: list[words.Part] = []
    for i, r in enumerate(problems):
        out += (["; "] if i else []) + list(words.problem(r))
    return _expand(out, claim_ids, source_ids)


def inference_parts(inference: DateInference, claim_ids: Collection[str],
                    source_ids: Collection[str] = ()) -> list[tuple[Part, ...]]:
    """Each reason behind an inferred date, as parts."""
    return [_expand(r, claim_ids, source_ids) for r in words.inference_reasons(inference)]


def source_note_parts(note: Reason, claim_ids: Collection[str],
                      source_ids: Collection[str] = ()) -> tuple[Part, ...]:
    """What the check says of a source itself (a newer version of a page …), as parts."""
    return _expand(words.source_note(note), claim_ids, source_ids)


def plain(sentence: Sequence[Part]) -> str:
    """A sentence as plain text: references by their ids, no Markdown."""
    return "".join(p if isinstance(p, str) else
                   p.claim if isinstance(p, Ref) else p.source for p in sentence)
