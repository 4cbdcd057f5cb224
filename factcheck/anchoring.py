"""Locate one quote in one source text: exact, then normalised, then fuzzy.

:func:`anchor` tries three stages and stops at the first that yields an acceptable place:

1. **exact** -- the quote as typed (``str.find``);
2. **normalized** -- the same after :func:`factcheck.text.normalize` on both sides (curly
   quotes, dashes, whitespace, soft hyphens, NFKC), mapped back to the original offsets;
3. **fuzzy** -- approximate search (Levenshtein, :func:`search`) for quotes at least
   ``short_quote`` characters long, tolerating ``max_edit_ratio`` edits.

Every candidate place gets a score from 0 to 100: the mean of its similarity to the quote
and, when they are given, of the text before it to ``prefix`` and of the text after it to
``suffix``. An exact match with no context, or with context that agrees, scores 100.

The rules come from the bug reports of the Hypothesis annotation client, whose fuzzy
anchoring (``match-quote.ts``) re-anchored edited passages to look-alikes:

* edits and displacement have separate tolerances (``max_edit_ratio`` and
  ``max_displacement`` from the ``hint``), not one blended threshold, so an edited name does
  not drift to a nearby occurrence of the old name;
* a place whose given context disagrees scores below ``min_score`` and is not accepted,
  at any stage -- the quote "Robin" with the context "written by ... and" does not anchor
  to another "Robin" elsewhere;
* the best place must beat every other place by ``margin`` points; otherwise the result
  is ``ambiguous`` (reported, with every place, not guessed). The ``hint`` settles such a
  tie when one place is strictly nearest to it;
* short quotes are never matched fuzzily.

Offsets are code points of the original text, end exclusive.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable
from typing import Literal

import attrs

from factcheck._edits import Match, _final_row, _longest_start, _row_within, search
from factcheck.errors import OptionsError
from factcheck.text import Normalized, normalize

__all__ = [
    "Anchor",
    "AnchorOptions",
    "Candidate",
    "Match",
    "Method",
    "OptionsError",
    "Status",
    "anchor",
    "search",
]

Method = Literal["exact", "normalized", "fuzzy"]
Status = Literal["found", "ambiguous", "not_found"]


def _number(value: object, integer: bool = False) -> bool:
    """Whether *value* is a real number (an int when *integer*); never a bool."""
    kinds = (int,) if integer else (int, float)
    return isinstance(value, kinds) and not isinstance(value, bool) and value == value


def _between(lo: float, hi: float) -> Callable[[object, attrs.Attribute[float], float], None]:
    def check(_: object, attribute: attrs.Attribute[float], value: float) -> None:
        if not (_number(value) and lo <= value <= hi):
            raise OptionsError(f"{attribute.name} must be a number within [{lo}, {hi}], "
                               f"not {value!r}")

    return check


def _non_negative(_: object, attribute: attrs.Attribute[int], value: int) -> None:
    if not (_number(value, integer=True) and value >= 0):
        raise OptionsError(f"{attribute.name} must be a whole number, not negative, not "
                           f"{value!r}")


def _non_negative_or_none(
    _: object, attribute: attrs.Attribute[int | None], value: int | None
) -> None:
    if value is not None:
        _non_negative(_, attribute, value)  # type: ignore[arg-type]


@attrs.frozen
class Candidate:
    """A place in the original text and how well it fits the quote (0-100)."""

    start: int
    end: int
    score: float
    text: str


@attrs.frozen
class AnchorOptions:
    """Tolerances of :func:`anchor`.

    The defaults suit quotes typed from news articles: a fuzzy match may differ from the
    quote in one character in five; a place must agree with the quote and its given
    context to 75 on average; one place must beat the next by 5 points (two edits in a
    40-character quote) to be chosen; quotes under 16 characters ("21 straight years" is
    17) must match exactly or after normalisation, because two edits can turn a short quote
    into a different fact. ``max_displacement`` is off unless asked for: the hint then only
    settles ties.

    >>> AnchorOptions(max_edit_ratio=0.1).max_edit_ratio
    0.1
    >>> AnchorOptions(margin=-1)
    Traceback (most recent call last):
    ...
    factcheck.errors.OptionsError: margin must be a number within [0.0, 100.0], not -1
    """

    min_score: float = attrs.field(default=75.0, validator=_between(0.0, 100.0))
    max_edit_ratio: float = attrs.field(default=0.2, validator=_between(0.0, 1.0))
    max_displacement: int | None = attrs.field(default=None, validator=_non_negative_or_none)
    margin: float = attrs.field(default=5.0, validator=_between(0.0, 100.0))
    short_quote: int = attrs.field(default=16, validator=_non_negative)
    nearest: bool = True  # report the nearest passage of a quote not found (costs a scan)


@attrs.frozen
class Anchor:
    """Where a quote stands in a text, how it was found, and how sure that is."""

    status: Status
    start: int | None
    end: int | None
    method: Method | None
    score: float
    text: str
    nearest: Candidate | None = None
    alternatives: tuple[Candidate, ...] = ()

    @property
    def found(self) -> bool:
        """True when the quote has a place (``found`` or ``ambiguous``)."""
        return self.status != "not_found"


_NOT_FOUND = Anchor("not_found", None, None, None, 0.0, "")


_FILTER = True  # tests turn it off to compare with the kernel over the whole text
_SHORTCUTS = True  # tests turn off the one-exact-place shortcuts of anchor()
# --------------------------------------------------------------------------------------
# Scoring


def _similarity(pattern: str, text: str) -> float:
    """How well the start of *text* reads as *pattern*: 1 - edits / len(pattern)."""
    # (context snippets are not kept in the cache of texts: they would push out the source)
    return 1.0 - min(_final_row(pattern, text, anchored=True, cache=False)) / len(pattern)


@attrs.frozen
class _Place:
    start: int  # original offsets
    end: int
    score: float
    acceptable: bool  # within the tolerances, and scoring at least min_score

    def overlaps(self, other: _Place) -> bool:
        return self.start < other.end and other.start < self.end


class _Scorer:
    """Scores places in one text against one quote and its context."""

    def __init__(self, text: str, prefix: str, suffix: str) -> None:
        self.text = text
        self.prefix = normalize(prefix).text.strip(" ") if prefix else ""
        self.suffix = normalize(suffix).text.strip(" ") if suffix else ""
        self.parts = 1 + bool(self.prefix) + bool(self.suffix)

    def score(self, start: int, end: int, quote_similarity: float) -> float:
        total, parts = quote_similarity, 1
        if self.prefix:
            size = 2 * len(self.prefix) + 8
            before = normalize(self.text[max(0, start - size) : start]).text.rstrip(" ")
            total += _context_similarity(self.prefix[::-1], before[::-1], start <= size)
            parts += 1
        if self.suffix:
            size = 2 * len(self.suffix) + 8
            after = normalize(self.text[end : end + size]).text.lstrip(" ")
            total += _context_similarity(self.suffix, after, end + size >= len(self.text))
            parts += 1
        return 100.0 * total / parts


# Context cut off by the start or end of the text neither agrees nor disagrees: it counts
# as this much agreement -- less than text that agrees (so an occurrence with agreeing
# context beats one at the edge of the text), more than text that does not.
_UNSEEN_CONTEXT = 0.75


def _context_similarity(context: str, text: str, cut_off: bool) -> float:
    """Similarity of *context* to the start of *text*, when *text* may be cut short."""
    if not cut_off or len(text) >= len(context):
        return _similarity(context, text)
    seen = len(text) / len(context)
    part = _similarity(context[: len(text)], text) if text else 0.0
    return seen * part + (1 - seen) * _UNSEEN_CONTEXT


# --------------------------------------------------------------------------------------
# Deciding


class _Search:
    """The state of one anchor() call: its inputs and the places turned down so far."""

    def __init__(
        self, text: str, scorer: _Scorer, hint: int | None, options: AnchorOptions
    ) -> None:
        self.text = text
        self.scorer = scorer
        self.hint = hint
        self.options = options
        self.turned_down: list[_Place] = []

    def near_hint(self, place: _Place) -> bool:
        limit = self.options.max_displacement
        return self.hint is None or limit is None or abs(place.start - self.hint) <= limit

    def candidate(self, place: _Place) -> Candidate:
        return Candidate(place.start, place.end, place.score, self.text[place.start : place.end])

    def decide(self, places: list[_Place], method: Method) -> Anchor | None:
        """The anchor among *places*, or None when none of them is acceptable."""
        pool: list[_Place] = []
        for p in places:
            (pool if self.near_hint(p) else self.turned_down).append(p)
        ranked = sorted(pool, key=lambda p: (-p.score, p.start, p.end))
        accepted = [p for p in ranked if p.acceptable]
        if not accepted:
            self.turned_down.extend(ranked)
            return None
        best = accepted[0]
        margin = self.options.margin
        # Fuzzy places overlapping the best are the same place; exact ones are distinct
        # occurrences even when they overlap ("aa" in "aaa").
        tied = [
            p
            for p in ranked
            if p is best
            or (
                (method != "fuzzy" or not p.overlaps(best))
                and (p.score >= best.score or best.score - p.score < margin)
            )
        ]
        chosen: _Place | None = best if len(tied) == 1 else None
        if chosen is None and self.hint is not None:
            hint = self.hint
            by_distance = sorted(tied, key=lambda p: abs(p.start - hint))
            nearest = by_distance[0]
            if abs(nearest.start - hint) < abs(by_distance[1].start - hint) and nearest.acceptable:
                chosen = nearest
        if chosen is not None:
            others = tuple(self.candidate(p) for p in accepted if p is not chosen)
            return self._anchor("found", chosen, method, others)
        # No guessing: report the first of the tied places, and all of them.
        first = min((p for p in tied if p.acceptable), key=lambda p: (p.start, p.end))
        return self._anchor("ambiguous", first, method, tuple(map(self.candidate, tied)))

    def _anchor(
        self, status: Status, p: _Place, method: Method, alternatives: tuple[Candidate, ...]
    ) -> Anchor:
        return Anchor(
            status, p.start, p.end, method, p.score, self.text[p.start : p.end], None, alternatives
        )

    def not_found(self, fallback: Callable[[], list[_Place]] = list) -> Anchor:
        """Not found; the nearest passage is the best place turned down, else *fallback*'s."""
        pool = self.turned_down or fallback()
        if not pool:
            return _NOT_FOUND
        best = min(pool, key=lambda p: (-p.score, p.start, p.end))
        return attrs.evolve(_NOT_FOUND, nearest=self.candidate(best))


def anchor(
    quote: str,
    text: str,
    *,
    prefix: str = "",
    suffix: str = "",
    hint: int | None = None,
    options: AnchorOptions = AnchorOptions(),  # noqa: B008 -- frozen, so sharing it is safe
) -> Anchor:
    """Find *quote* in *text*, using *prefix*, *suffix* and *hint* to choose among places.

    *prefix* and *suffix* are the text expected right before and after the quote; *hint*
    is the offset where it is expected to start. Never raises: an unanchored quote is a
    result (``status="not_found"``, with the nearest passage and its score).

    >>> text = "It was the best of times, it was the worst of times."
    >>> a = anchor("the worst of times", text)
    >>> a.status, a.start, a.end, a.method, a.score
    ('found', 33, 51, 'exact', 100.0)
    >>> a = anchor("of times", text)   # twice, and nothing to tell the two apart
    >>> a.status, a.start, [c.start for c in a.alternatives]
    ('ambiguous', 16, [16, 43])
    >>> anchor("of times", text, prefix="the worst").start
    43
    >>> a = anchor("it was the wurst of tymes", text)
    >>> a.method, a.text, round(a.score)
    ('fuzzy', 'it was the worst of times', 92)
    >>> a = anchor("best of tymes", text)   # too short to be matched fuzzily
    >>> a.status, a.nearest.text, round(a.nearest.score)
    ('not_found', 'best of times', 92)
    """
    if not quote or not text:
        return _NOT_FOUND
    shortcut = _SHORTCUTS and (hint is None or options.max_displacement is None)
    if shortcut and not prefix and not suffix:
        # The common cases, decided without the machinery: no context, one exact place,
        # or no exact place and one place after normalisation.
        at = text.find(quote)
        if at != -1 and text.rfind(quote) == at:  # the first place is the last one
            return Anchor("found", at, at + len(quote), "exact", 100.0, quote)
        if at == -1:
            norm = _normalized(text)
            needle = normalize(quote).text.strip(" ")
            at = norm.text.find(needle) if needle else -1
            if at != -1 and norm.text.rfind(needle) == at:
                start, end = norm.to_original(at, at + len(needle))
                return Anchor("found", start, end, "normalized", 100.0, text[start:end])
    scorer = _Scorer(text, prefix, suffix)
    state = _Search(text, scorer, hint, options)

    # 1. exact
    places = []
    at = text.find(quote)
    while at != -1:
        score = scorer.score(at, at + len(quote), 1.0)
        places.append(_Place(at, at + len(quote), score, score >= options.min_score))
        at = text.find(quote, at + 1)
    if places and (found := state.decide(places, "exact")) is not None:
        return found

    # 2. normalised
    norm = _normalized(text)
    needle = normalize(quote).text.strip(" ")
    if not needle:
        return state.not_found()
    at = norm.text.find(needle)
    spans: dict[tuple[int, int], None] = {}
    while at != -1:
        spans[norm.to_original(at, at + len(needle))] = None
        at = norm.text.find(needle, at + 1)
    places = []
    for start, end in spans:
        score = scorer.score(start, end, 1.0)
        places.append(_Place(start, end, score, score >= options.min_score))
    if places and (found := state.decide(places, "normalized")) is not None:
        return found

    # 3. fuzzy
    m = len(needle)
    if m >= options.short_quote:
        limit = min(m - 1, math.floor(options.max_edit_ratio * m + 1e-9))
        # Look a little further than accepted, so that a rival just beyond the limit can
        # still make the answer ambiguous instead of being silently outvoted.
        reach = min(m - 1, limit + math.ceil(options.margin / 100 * m * scorer.parts))
        minima = _minima(needle, norm.text, reach)
        places = _fuzzy_places(needle, norm, minima, reach, limit, scorer, options)
        if places and (found := state.decide(places, "fuzzy")) is not None:
            return found
    if not options.nearest:
        return state.not_found()
    return state.not_found(lambda: _closest(needle, norm, scorer))


@functools.lru_cache(maxsize=8)
def _normalized(text: str) -> Normalized:
    return normalize(text)


# A text longer than this is searched a block at a time (its rows would cost eight bytes
# per character); each block carries the 2m characters before it that an alignment ending
# in it can reach back to, so the answer is the whole text's.
_BLOCK = 1 << 20


def _blocks(text: str, m: int) -> list[tuple[int, int, int]]:
    """(lo, b0, b1): ends ``b0 < j <= b1`` of *text* are read in ``text[lo : b1 + 1]``."""
    n = len(text)
    if n <= _BLOCK:
        return [(0, 0, n)]
    return [(max(0, b0 - 2 * m - 2), b0, min(n, b0 + _BLOCK)) for b0 in range(0, n, _BLOCK)]


def _minima(needle: str, text: str, reach: int) -> list[tuple[int, int]]:
    """(end, edits) of every end where *needle* is within *reach* edits of a stretch of
    *text* ending there and no neighbouring end does better."""
    out: list[tuple[int, int]] = []
    blocks = _blocks(text, len(needle))
    cache = len(blocks) == 1  # the blocks of a long text are not kept between quotes
    for lo, b0, b1 in blocks:
        part = text[lo : b1 + 1]
        near = _row_within(needle, part, reach, cache=cache) if _FILTER else None
        row = _final_row(needle, part, cache=cache) if near is None else near
        out.extend((j + lo, row[j]) for j in _local_minima(row, reach)
                   if b0 < j + lo <= b1)
    return out


def _local_minima(row: list[int], reach: int) -> list[int]:
    """Ends j >= 1 where ``row[j] <= reach`` and no neighbour is lower."""
    n = len(row) - 1
    out = []
    j = 1
    while j <= n:
        v = row[j]
        if v > reach:
            j += v - reach  # the row changes by at most one per step
            continue
        if row[j - 1] >= v and (j == n or row[j + 1] >= v):
            out.append(j)
        j += 1
    return out


def _fuzzy_places(
    needle: str,
    norm: Normalized,
    minima: list[tuple[int, int]],
    reach: int,
    limit: int,
    scorer: _Scorer,
    options: AnchorOptions,
) -> list[_Place]:
    """Distinct, non-overlapping places within *reach* edits of *needle* (*minima*: the
    (end, edits) of :func:`_minima`)."""
    m = len(needle)
    close = m - reach  # ends nearer than this belong to overlapping spans
    row = dict(minima)
    kept: list[int] = []
    for j in sorted(row, key=lambda j: (row[j], j)):
        if any(
            abs(j - c) < close and (row[c] < row[j] or abs(j - c) > 2) for c in kept
        ):  # a better end of the same place, or a tie too far from it to be a boundary choice
            continue
        kept.append(j)
    places = []
    for j in kept:
        errors = row[j]
        s = _longest_start(needle, norm.text, j, errors, tidy=True)
        start, end = norm.to_original(s, j)
        similarity = 1.0 - errors / m
        score = scorer.score(start, end, similarity)
        ok = errors <= limit and score >= options.min_score
        places.append((_Place(start, end, score, ok), _tidiness(norm.text[s:j], m)))
    # Among overlapping places keep the best; ties go to the span without loose
    # whitespace at its edges, then to the length nearest the quote's.
    places.sort(key=lambda pt: (-pt[0].score, pt[1], pt[0].start))
    distinct: list[_Place] = []
    for place, _ in places:
        if not any(place.overlaps(d) for d in distinct):
            distinct.append(place)
    return distinct


def _tidiness(span: str, m: int) -> tuple[bool, int]:
    return (span[:1] == " " or span[-1:] == " ", abs(len(span) - m))


def _closest(needle: str, norm: Normalized, scorer: _Scorer) -> list[_Place]:
    """The passage with the fewest edits from *needle*, for a not-found report."""
    m = len(needle)
    if not norm.text:
        return []
    best: tuple[int, int] | None = None  # (edits, end)
    blocks = _blocks(norm.text, m)
    for lo, b0, b1 in blocks:
        row = _final_row(needle, norm.text[lo : b1 + 1], cache=len(blocks) == 1)
        core = row[b0 - lo + 1 : b1 - lo + 1]
        least = min(core)
        if best is None or least < best[0]:
            best = least, core.index(least) + b0 + 1
        del row, core
    errors, j = best if best is not None else (m, 0)
    if errors >= m:
        return []
    s = _longest_start(needle, norm.text, j, errors, tidy=True)
    start, end = norm.to_original(s, j)
    return [_Place(start, end, scorer.score(start, end, 1.0 - errors / m), False)]
