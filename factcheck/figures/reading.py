"""Read figures: one whole phrase (:func:`parse_quantity`), every figure in a text
(:func:`find_quantities`)."""

from __future__ import annotations

import attrs

from factcheck.errors import QuantityError
from factcheck.figures._base import Sentences
from factcheck.figures._grammar import _Context
from factcheck.figures._vocab import _CLOSE, _SEASON_NOUNS, _YEAR_NAME_NOUNS
from factcheck.values.numbers import _words
from factcheck.values.quantity import Kind, Quantity

__all__ = ["find_quantities", "Mention", "parse_quantity"]



def parse_quantity(text: str) -> Quantity:
    """Read one whole phrase; ``parse_quantity(str(q)) == q`` for every quantity.

    Leading function words ("for", "the", "in", "marks", "began in", …) are
    skipped; a count may be followed by its noun ("61 countries"), which is not kept.

    >>> str(parse_quantity("marks the 16th year")), str(parse_quantity("since 2005"))
    ('16th year', 'since 2005')
    >>> str(parse_quantity("the first 41 member states")), str(parse_quantity("above 4,300"))
    ('first 41', 'more than 4,300')
    >>> parse_quantity("COVID-19")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    factcheck.errors.QuantityError: cannot read a quantity from 'COVID-19': '19' is part ...
    """
    if not isinstance(text, str):
        raise QuantityError(f"cannot read a quantity from {text!r}: expected text")
    ctx = _Context(text, find=False)
    n = len(ctx.toks)
    while n and ctx.toks[n - 1].kind == "punct" and ctx.toks[n - 1].text in _CLOSE:
        n -= 1
    i = _after_noun_label(ctx, n)
    while i < n:
        for match in ctx.matches_at(i):
            if match.end == n or _trailing_noun_ok(ctx, match.quantity, match.end, n):
                return match.quantity
        skip = ctx.filler_at(i) or int(ctx.word(i, *_PARSE_SKIP))
        if not skip:
            break
        i += skip
    raise QuantityError(f"cannot read a quantity from {text!r}: {ctx.explain(i, n)}")

_PARSE_SKIP = _words(
    "with their his her our record record-extending record-equalling record-equaling "
    "record-breaking record-tying record-setting unprecedented historic"
)
_LABEL_LINKS = _words("totalling totaling totalled totaled numbering numbered")


def _after_noun_label(ctx: _Context, n: int) -> int:
    """Where the figure starts after a noun label: "titles: 14", "wins totalling 14"."""
    k = 0
    while k < n and k < 4 and ctx.noun_run(k, k + 1) and not ctx.word(k, *_LABEL_LINKS):
        k += 1
    if not k or k >= n:
        return 0
    if ctx.toks[k].text == ":" or ctx.word(k, *_LABEL_LINKS):
        return k + 1
    return 0


def _trailing_noun_ok(ctx: _Context, q: Quantity, end: int, n: int) -> bool:
    """A figure may be followed by the noun it counts or names ("61 countries",
    "1997 winners", "the 2018-19 season")."""
    if q.kind is Kind.COUNT and not q.unit:
        return ctx.noun_run(end, n)
    if q.kind in (Kind.YEAR, Kind.YEARS) and not q.qualifier:
        return ctx.word(end, *_YEAR_NAME_NOUNS, *_SEASON_NOUNS) and ctx.noun_run(end, n)
    return False


# -- Mention and find_quantities ---------------------------------------------------------


@attrs.frozen
class Mention:
    """A quantity found in a text: where it is, what it says, and its sentence."""

    start: int
    end: int
    text: str
    quantity: Quantity
    sentence: str


def find_quantities(text: str) -> tuple[Mention, ...]:
    """Every figure in *text*, in text order, non-overlapping; the longest phrase wins.

    Spans (code points) cover the qualifier, the number and its unit words ("more
    than 60", "21 straight years", "second year in a row", "since 2005",
    "2012-2013 and 2016-2019", "335-37 vote") but not the noun a count counts.
    ``parse_quantity(m.text) == m.quantity`` for every mention *m*.

    >>> text = ("Since 2005, more than 60 member states backed it for 21 straight years, "
    ...         "in a 335-37 vote on November 12 amid COVID-19.")
    >>> for m in find_quantities(text):
    ...     print(m.start, m.end, repr(m.text), "->", m.quantity)
    0 10 'Since 2005' -> since 2005
    12 24 'more than 60' -> more than 60
    53 70 '21 straight years' -> 21 years
    77 88 '335-37 vote' -> 335-37 vote
    """
    ctx = _Context(text, find=True)
    sentences = Sentences(text)
    found: list[Mention] = []
    i, n = 0, len(ctx.toks)
    while i < n:
        best = max(ctx.matches_at(i), key=lambda m: m.end, default=None)
        if best is None:
            i += 1
            continue
        start, end = ctx.toks[best.start].start, ctx.toks[best.end - 1].end
        found.append(
            Mention(
                start, end, text[start:end], best.quantity, _sentence_at(text, sentences, start)
            )
        )
        i = best.end
    return tuple(found)


def _sentence_at(text: str, sentences: Sentences, at: int) -> str:
    bounds = sentences.bounds(at)
    return text.strip() if bounds is None else text[bounds[0] : bounds[1]].strip()
