"""Explanations as parts: plain words, and references to the claims and sources they name.

:mod:`factcheck.render.words` gives every sentence as parts — plain ``str``,
:class:`~factcheck.render.words.Ref` markers for claims,
:class:`~factcheck.render.words.SourceRef` markers for sources,
:class:`~factcheck.render.words.Dated` dates and :class:`~factcheck.render.words.Quoted`
words from a source. The briefs never print ids: each format shows a claim by its
source's publisher and date with its footnote, and a source by publisher and date. The
words are never read again for ids or dates: a source's words stay as they stand.

:func:`finding_parts` is the one place a finding's explanation is read;
:func:`problem_parts` and :func:`inference_parts` do the same for a claim's problems and
an inferred date's reasons.

>>> from factcheck.reconcilers import reason
>>> plain(assumption_parts(reason("left_out", ["a", "b"])))
' Left out for want of a date: a and b.'
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from factcheck.dating import DateInference
from factcheck.reasons import Reason
from factcheck.reconcilers import Finding
from factcheck.render import words
from factcheck.render.words import Dated, Quoted, Ref, SourceRef

__all__ = ["Dated", "Part", "Quoted", "Ref", "SourceRef", "assumption_parts", "finding_parts",
           "inference_parts", "plain", "problem_parts", "source_note_parts"]


Part = words.Part


def _merge(items: Iterable[Part]) -> tuple[Part, ...]:
    merged: list[Part] = []
    for p in items:  # adjacent words read as one
        if isinstance(p, str) and merged and isinstance(merged[-1], str):
            merged[-1] += p
        elif p != "":
            merged.append(p)
    return tuple(merged)


def finding_parts(finding: Finding) -> tuple[Part, ...]:
    """A finding's explanation as parts: the only reader of a finding's reasons' words."""
    return _merge(words.explanation(finding))


def assumption_parts(assumption: Reason) -> tuple[Part, ...]:
    return _merge(words.sentence(assumption))


def problem_parts(problems: Iterable[Reason]) -> tuple[Part, ...]:
    """Why a claim is not supported, as parts ("" when it is)."""
    out: list[Part] = []
    for i, r in enumerate(problems):
        out += (["; "] if i else []) + list(words.problem(r))
    return _merge(out)


def inference_parts(inference: DateInference) -> list[tuple[Part, ...]]:
    """Each reason behind an inferred date, as parts."""
    return [_merge(r) for r in words.inference_reasons(inference)]


def source_note_parts(note: Reason, detail: bool = False) -> tuple[Part, ...]:
    """What the check says of a source itself (a newer version of a page …), as parts;
    *detail*: the researcher's version, with files and lines."""
    return _merge(words.source_note(note, detail))


def plain(sentence: Sequence[Part]) -> str:
    """A sentence as plain text: references by their ids, dates as ISO, no Markdown."""
    return words.plain(sentence, str, str)
