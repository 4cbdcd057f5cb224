"""Years in news copy: one year, spans, seasons, lists, and years bounded by a word."""

from __future__ import annotations

import attrs

from factcheck.figures._base import _Base, _Match, _season_shape
from factcheck.figures._vocab import _SEASON_NOUNS, _YEAR_NAME_NOUNS
from factcheck.values.numbers import YEAR_MAX
from factcheck.values.quantity import Kind, Quantity, _in_bare_range

_BOUND_WORDS = {"before": "before", "after": "after", "until": "until", "till": "until"}


@attrs.frozen
class _Group:
    years: list[int]
    end: int
    span: bool  # more than one year, or written as a span
    season: bool  # "1955-56": one season, read as its first year


class _YearRules(_Base):
    def _year_group(self, j: int, ext: bool) -> _Group | None:
        """One year, span or season at token *j*."""
        toks, n = self.toks, len(self.toks)
        y1 = self.year_at(j, ext=ext, paired_ok=True)
        if y1 is None:
            return None
        if j in self.paired:  # glued "2019-2022", "2019-22", "1955-56", "2018/19"
            if j not in self.pair_start and j not in self.slashed:
                return None  # the end of a pair, not its start
            end_text = toks[j + 2].text
            if not toks[j + 2].plain_int or len(end_text) not in (2, 4):
                return None
            season = _season_shape(toks[j].text, end_text) and (
                len(end_text) == 2 or j in self.slashed or self.word(j + 3, *_SEASON_NOUNS)
            )
            if season:  # "2019-2020 season" needs its noun to read as one season
                end = j + 3 if len(end_text) == 2 or j in self.slashed else j + 4
                return _Group([y1], end, False, True)
            y2 = int(end_text) if len(end_text) == 4 else y1 - y1 % 100 + int(end_text)
            if len(end_text) == 2 and y2 < y1:
                y2 += 100
            if not y1 <= y2 <= YEAR_MAX:
                return None
            return _Group(list(range(y1, y2 + 1)), j + 3, True, False)
        if j + 2 < n and (
            (toks[j + 1].kind == "dash" and not toks[j + 1].glued)
            or self.word(j + 1, "to", "through", "thru", "until", "till")
        ):
            last = self.year_at(j + 2, ext=True)
            if last is not None and last >= y1:
                return _Group(list(range(y1, last + 1)), j + 3, True, False)
        return _Group([y1], j + 1, False, False)

    def _years(self, i: int) -> _Match | None:
        toks, n = self.toks, len(self.toks)
        if i >= n:
            return None
        t = toks[i]
        if t.kind == "word":
            return self._cued_years(i)
        if t.kind != "num":
            return None
        cue = self.cue_before(i)
        ext = cue is not None
        first = self._year_group(i, ext)
        if first is None:
            return None
        years, end, span, season = first.years, first.end, first.span, first.season
        if not span and not season and not self.reads_as_year(i, ext=ext):
            return None
        groups = 1
        while end < n:
            j = end
            if toks[j].text == ",":
                j += 1
            if self.word(j, "and"):
                j += 1
            if j == end:
                break
            g = self._year_group(j, ext)
            if g is None or g.season != season:
                break
            if not g.span and not g.season and not self.reads_as_year(j, ext=ext):
                break
            years, end, groups = years + g.years, g.end, groups + 1
            span = True
        start = i
        if cue is not None and not all(_in_bare_range(y) for y in years):
            start = cue  # "in 1850" must read back as a year
        if season:
            return _Match(start, end, Quantity(Kind.YEARS, min(years), years=years, season=True))
        return _Match(start, end, _year_quantity(years, span or groups > 1))

    def _cued_years(self, i: int) -> _Match | None:
        toks, n = self.toks, len(self.toks)
        t = toks[i]
        j = i + 1
        if self._is_month(j) and j + 1 < n and toks[j + 1].kind == "num":
            j += 1
        if t.low == "since":
            y = self.year_at(j, ext=True)
            if y is None:
                return None
            return _Match(i, j + 1, Quantity(Kind.YEAR, y, "since"))
        if t.low in _BOUND_WORDS:
            # "before 2019", "until 2019"; not "after 2000 people" (a count)
            y = self.year_at(j, ext=not self.find)
            if y is None or (j + 1 < n and toks[j + 1].kind == "dash"):
                return None
            if self.content_word(j + 1) and not self.word(j + 1, *_YEAR_NAME_NOUNS):
                return None
            return _Match(i, j + 1, Quantity(Kind.YEAR, y, _BOUND_WORDS[t.low]))
        if t.low == "from":
            g = self._year_group(j, ext=True)
            if g is None:
                return None
            years, end = g.years, g.end
            if g.season:  # "from 1955-56 to 1959-60"
                last = self._year_group(end + 1, True) if self.word(end, "to") else None
                if last is None or not last.season or last.years[0] <= years[0]:
                    return None
                seasons = list(range(years[0], last.years[0] + 1))
                return _Match(i, last.end, Quantity(Kind.YEARS, seasons[0], years=seasons,
                                                    season=True))
            if len(years) == 1 and end < n and (
                toks[end].kind == "dash" or self.word(end, "to", "until", "till", "through")
            ):
                y2 = self.year_at(end + 1, ext=True)
                if y2 is not None and y2 >= years[0]:
                    years, end = list(range(years[0], y2 + 1)), end + 2
            return _Match(i, end, _year_quantity(years, len(years) > 1 or g.span))
        if t.low == "between":
            y1 = self.year_at(i + 1, ext=True)
            y2 = self.year_at(i + 3, ext=True)
            if y1 is None or y2 is None or not self.word(i + 2, "and") or y2 <= y1:
                return None
            return _Match(i, i + 4, _year_quantity(list(range(y1, y2 + 1)), True))
        return None


def _year_quantity(years: list[int], span: bool) -> Quantity:
    if span:
        return Quantity(Kind.YEARS, min(years), years=years)
    return Quantity(Kind.YEAR, years[0])
