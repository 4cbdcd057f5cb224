"""The grammar of one figure in news copy: tokens in, a Quantity and its token span out.

The rules live in mixins, one module each: :mod:`._votes` (tallies), :mod:`._years`
(years, spans, seasons, lists), :mod:`._measure` (counts, ordinals, durations, ranges);
:mod:`._base` holds the tokens and what is no figure (dates, times, identifiers).
"""

from __future__ import annotations

from factcheck.errors import QuantityError
from factcheck.figures._base import _Match
from factcheck.figures._measure import _MeasureRules
from factcheck.figures._vocab import _FILLERS, _OPEN
from factcheck.figures._votes import _VoteRules
from factcheck.figures._years import _YearRules
from factcheck.values.numberwords import _NUMBER_VOCAB, _split_words

__all__ = ["_Context", "_Match"]


class _Context(_VoteRules, _YearRules, _MeasureRules):
    """The tokens of one text and every reading the grammar has for them."""

    def matches_at(self, i: int) -> list[_Match]:
        found = []
        for matcher in (self._vote, self._years, self._measure):
            try:
                match = matcher(i)
            except QuantityError:  # a reading the value types refuse is no reading
                match = None
            if match is not None:
                found.append(match)
        return sorted(found, key=lambda m: -m.end)

    # -- whole-phrase helpers --

    def filler_at(self, i: int) -> int:
        """How many tokens at *i* are function words a whole phrase may start with."""
        t = self.toks[i]
        if t.kind == "punct" and t.text in _OPEN:
            return 1
        if t.kind != "word":
            return 0
        if self._is_month(i) and self.year_at(i + 1, ext=True) is not None:
            return 1
        return 1 if t.low in _FILLERS else 0

    def explain(self, i: int, n: int) -> str:
        toks = self.toks[:n]
        if not toks:
            return "the text is empty"
        for idx, t in enumerate(toks):
            if idx in self.blocked:
                return f"{t.text!r} is part of a date, a time or an identifier, not a figure"
        for idx in sorted(self.pair_start):
            if idx + 2 < len(toks):
                pair = "".join(x.text for x in toks[idx : idx + 3])
                a, b = toks[idx].text, toks[idx + 2].text
                if len(a) == 4 and a.isdigit() and len(b) == 4 and b.isdigit() and b < a:
                    return f"the year span {pair!r} runs backwards"
        has_figure = any(
            t.kind in ("num", "ord")
            or (
                t.kind == "word"
                and any(p in _NUMBER_VOCAB - {"a", "and", "point"} for p in _split_words(t.text))
            )
            or self.word(idx, "decade", "dozen")
            for idx, t in enumerate(toks)
        )
        if not has_figure:
            return "no number, ordinal or year in it"
        for idx, t in enumerate(toks):
            no_year = self.year_at(idx + 1, ext=True) is None
            if t.low in ("since", "between", "from") and no_year and (
                t.low != "between" or self.whole(idx + 1) is None
            ):
                return f"{t.text!r} needs a four-digit year after it (e.g. '{t.low} 2005')"
            if t.low in ("ago", "old") and idx and toks[idx - 1].low.startswith("year"):
                return f"'… years {t.low}' is a point in time or an age, not a figure"
        for match in self.matches_at(i) if i < n else []:
            read = self.text[toks[i].start : toks[match.end - 1].end]
            rest = self.text[toks[match.end].start : toks[-1].end] if match.end < n else ""
            return (
                f"{read!r} reads as {str(match.quantity)!r} but {rest!r} after it is not part of it"
            )
        return (
            "expected a figure such as '61', 'more than 60', '16th year', '21 years', "
            "'since 2005', '2019-2022', '10-15' or '335-37 vote'"
        )
