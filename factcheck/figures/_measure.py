"""Counts, ordinals and durations: "more than 60", "the 16th year", "21 straight years",
"14-time champions", "a 14th European Cup", "10-15 people", "dozens"."""

from __future__ import annotations

from factcheck.figures._base import _Base, _Match
from factcheck.figures._vocab import (
    _GLUED_UNITS,
    _POST_QUALIFIERS,
    _QUALIFIER_MAX,
    _QUALIFIER_PHRASES,
    _RUN_WORDS,
    _SCORE_WORDS,
    _TIMES_WORDS,
    _TITLE_FILLERS,
    _TITLE_NOUNS,
    _VAGUE_PLURALS,
    _VERB_QUALIFIERS,
)
from factcheck.values.numbers import Number, _words
from factcheck.values.numberwords import _NUMBER_VOCAB, _read, _split_words
from factcheck.values.quantity import Kind, Quantity

_SCALE_WORDS = _words("hundred thousand million billion trillion")
_SCALE_VALUES = {"hundred": 100, "thousand": 1000, "million": 10**6, "billion": 10**9,
                 "trillion": 10**12}
_RANGE_VERBS = _words("ranged ranging range ranges varied varying varies vary anywhere")
_CURRENCY = frozenset("$£€¥")
_VAGUE_BEFORE = _words("several few many countless numerous")
_DETERMINERS = _words("the its their his her our this")
_AFTER_BARE_ORDINAL = _words("in since so overall this ever")


class _MeasureRules(_Base):
    def _qualifier(self, i: int) -> tuple[str, int] | None:
        for size in range(_QUALIFIER_MAX, 0, -1):
            phrase = tuple(t.low for t in self.toks[i : i + size] if t.kind == "word")
            if len(phrase) != size or phrase not in _QUALIFIER_PHRASES:
                continue
            if all(not self.toks[i + k].glued for k in range(1, size)):
                return _QUALIFIER_PHRASES[phrase], i + size
        return None

    def _measure(self, i: int) -> _Match | None:
        q = self._qualifier(i)
        if q is not None:
            j = q[1]
            if j + 1 < len(self.toks) and self.toks[j].text in _CURRENCY and self.toks[j + 1].glued:
                j += 1  # "topped $1 billion"
            m = self._measure_body(i, j, q[0], verb=self.toks[i].low in _VERB_QUALIFIERS)
            if m is not None:
                return m
        return self._measure_body(i, i, "", verb=False)

    def _unit_after(self, e: int, *, ordinal: bool) -> tuple[str, int] | None:
        if 0 <= e < len(self.toks) and self.toks[e].low in _GLUED_UNITS:
            unit, end = _GLUED_UNITS[self.toks[e].low], e + 1  # "straightyear"
            if not ordinal or unit != "time" or not self.toks[e].low.endswith("s"):
                return self._unit_tail(unit, end)
        run = self.word(e, *_RUN_WORDS)
        k = e + 1 if run else e
        units = ("year", "time") if ordinal else ("year", "years", "time", "times")
        if not self.word(k, *units):
            if ordinal and run:
                return "", k  # "31st straight"
            if ordinal and self.words_at(e, ("in", "a", "row")):
                return "", e + 3  # "third in a row"
            return None
        unit = "year" if self.toks[k].low.startswith("year") else "time"
        return self._unit_tail(unit, k + 1)

    def _unit_tail(self, unit: str, end: int) -> tuple[str, int]:
        if unit == "year" and self.word(end, "ago", "old"):
            return ("ago", end)  # a point in time or an age, not a figure we read
        if self.words_at(end, ("in", "a", "row")):
            end += 3
        elif self.word(end, "running"):
            end += 1
        return unit, end

    def _title_after(self, e: int) -> int | None:
        """The end of "European Cup", "Champions League title", "straight win" after an
        ordinal: an occurrence of a win or title."""
        last = None
        for k in range(e, min(e + 4, len(self.toks))):
            t = self.toks[k]
            if t.kind != "word" or t.glued:
                break
            if t.low in _TITLE_NOUNS:
                last = k + 1
            elif not (t.low in _TITLE_FILLERS or (t.text[:1].isupper() and t.low.isalpha())):
                break
        if last is not None and self.words_at(last, ("in", "a", "row")):
            last += 3
        return last

    def _measure_body(  # noqa: C901 - the grammar of one figure
        self, start: int, j: int, qual: str, *, verb: bool
    ) -> _Match | None:
        toks, n = self.toks, len(self.toks)
        if j >= n:
            return None
        decade = self._decade(j, qual)
        if decade is not None:
            count, end = decade
            if self._unit_tail("year", end)[0] == "ago":
                return None  # "a decade ago": a point in time; "a decade old": an age
            if verb and self.find and self.content_word(end):
                return None  # "passed a decade high": the plain reading wins
            return _Match(start, end, Quantity(Kind.DURATION, 10 * count, qual or "about", "year"))
        t = toks[j]
        times = t.kind == "word" and t.low in _TIMES_WORDS and qual != "first"
        if times and (t.low != "once" or not self.find):
            # "once" is left out of running text: "once adopted, …" is no figure
            return _Match(start, j + 1, Quantity(Kind.COUNT, _TIMES_WORDS[t.low], qual, "time"))
        special = (
            self._times_compound(start, j, qual)
            or self._vague(start, j, qual)
            or (None if qual else self._tens_of(start, j))
        )
        if special is not None:
            return special
        if qual in ("", "about"):
            rng = self._range(start, j)
            if rng is not None:
                return rng
        dozen = False
        single_word = False
        if t.kind == "ord":
            if not self.usable(j):
                return None
            value: Number = t.value
            end, ordinal = j + 1, True
        else:
            atoms, boundary, ends = self.atoms_at(j)
            reading = _read(atoms, boundary, ordinal_ok=True)
            if reading is None or (atoms[0] in _SCALE_WORDS and self.word(j - 1, *_VAGUE_BEFORE)):
                return None  # "several hundred", "a few thousand": no agreed width
            if self.find and atoms[0] in _SCALE_WORDS and j > 0 and self.toks[j - 1].kind == "num":
                return None  # "$10-15 million" not read as a range: "million" is no figure
            value, end = reading.value, ends[reading.end]
            ordinal, dozen = reading.ordinal, reading.dozen
            single_word = reading.end == 1 and isinstance(atoms[0], str)
        if ordinal:
            return self._ordinal(start, j, end, qual, value)
        if not qual:
            for phrase, post in _POST_QUALIFIERS.items():
                if self.words_at(end, phrase):
                    qual, end = post, end + len(phrase)
                    break
        if dozen and not qual:
            qual = "about"
        unit = self._unit_after(end, ordinal=False)
        if unit is not None:
            if qual == "first" or unit[0] == "ago":
                return None
            kind = Kind.DURATION if unit[0] == "year" else Kind.COUNT
            return _Match(start, unit[1], Quantity(kind, value, qual, unit[0]))
        if qual == "first" and (not isinstance(value, int) or dozen):
            return None
        bare_year = end == j + 1 and toks[j].kind == "num" and not qual
        if bare_year and self.reads_as_year(j):
            return None  # a year: _years reads it
        if self.find:
            if not qual and single_word and value in (0, 1):
                return None  # "one of the worst", "zero tolerance"
            if verb and self.content_word(end):
                return None  # "passed 5 bills": the plain count wins
            digits = toks[j].text if bare_year and toks[j].plain_int else ""
            if len(digits) == 4 and self.content_word(end):
                end += 1  # "2000 people": the noun keeps it from reading back as a year
        return _Match(start, end, Quantity(Kind.COUNT, value, qual))

    def _ordinal(self, start: int, j: int, end: int, qual: str, value: Number) -> _Match | None:
        if qual == "first" or not isinstance(value, int):
            return None
        title = self._title_after(end)
        if title is not None:
            return _Match(start, title, Quantity(Kind.ORDINAL, value, qual, "time"))
        unit = self._unit_after(end, ordinal=True)
        if unit is not None and unit[0] != "ago":
            return _Match(start, unit[1], Quantity(Kind.ORDINAL, value, qual, unit[0]))
        if unit is not None:
            return None
        if not self.find:
            return _Match(start, end, Quantity(Kind.ORDINAL, value, qual))
        # "the eighth in the Champions League era": an ordinal standing for its noun
        if (
            not qual
            and start == j
            and j > 0
            and self.toks[j - 1].kind == "word"
            and (self.toks[j - 1].low in _DETERMINERS or self.toks[j - 1].low.endswith("'s"))
            and self.word(end, *_AFTER_BARE_ORDINAL)
        ):
            return _Match(start, end, Quantity(Kind.ORDINAL, value))
        return None

    def _times_compound(self, start: int, j: int, qual: str) -> _Match | None:
        """"14-time champions", "Six-time": a count of occurrences."""
        if qual:
            return None
        t = self.toks[j]
        if t.kind == "num" and j in self.times_compound and isinstance(t.value, int):
            if t.value >= 2 and self.usable(j):
                return _Match(start, j + 3, Quantity(Kind.COUNT, t.value, "", "time"))
            return None
        if t.kind != "word" or t.glued:
            return None
        parts = _split_words(t.text)
        if len(parts) < 2 or parts[-1] != "time" or not all(p in _NUMBER_VOCAB for p in parts[:-1]):
            return None
        reading = _read(parts[:-1], [True] * len(parts), ordinal_ok=False)
        if reading is None or reading.end != len(parts) - 1 or reading.dozen:
            return None
        if not isinstance(reading.value, int) or reading.value < 2:
            return None  # "one-time" means former
        return _Match(start, j + 1, Quantity(Kind.COUNT, reading.value, "", "time"))

    def _vague(self, start: int, j: int, qual: str) -> _Match | None:
        """"dozens", "hundreds", "tens of thousands", "scores of": at least two of the unit."""
        if qual or not self.word(j, *_VAGUE_PLURALS):
            return None
        low = self.toks[j].low
        value, end = _VAGUE_PLURALS[low], j + 1
        if low in ("dozens", "hundreds") and self.word(end, "of") and self.word(
            end + 1, "thousands", "millions", "billions"
        ):
            value, end = value * _VAGUE_PLURALS[self.toks[end + 1].low] // 2, end + 2
        elif low == "scores" and self.find and (not self.word(end, "of") or self._numeric(end + 1)):
            return None  # "test scores", "scores of 3-1"
        return _Match(start, end, Quantity(Kind.COUNT, value, "at least"))

    def _numeric(self, idx: int) -> bool:
        return 0 <= idx < len(self.toks) and self.toks[idx].kind in ("num", "ord")

    def _tens_of(self, start: int, j: int) -> _Match | None:
        """"tens of thousands": at least twenty thousand."""
        if not (self.word(j, "tens") and self.word(j + 1, "of")):
            return None
        if not self.word(j + 2, "thousands", "millions", "billions"):
            return None
        value = 10 * _VAGUE_PLURALS[self.toks[j + 2].low]
        return _Match(start, j + 3, Quantity(Kind.COUNT, value, "at least"))

    def _shared_scale(self, low_end: int, low: Number, high_end: int, high: Number) -> Number:
        """"between 1.5 and 2.5 million": the low end shares the high end's scale word."""
        if self.word(low_end - 1, *_SCALE_WORDS) or not self.word(high_end - 1, *_SCALE_WORDS):
            return low
        scaled = low * _SCALE_VALUES[self.toks[high_end - 1].low]
        return scaled if scaled < high else low

    def _range(self, start: int, j: int) -> _Match | None:
        """"between 10 and 15", "10-15 people", "10 to 15 people": a count from 10 to 15."""
        between = self.word(j, "between")
        low: Number | None
        high: Number | None
        if between:
            first = self._number_at(j + 1)
            if first is None or not self.word(first[1], "and"):
                return None
            last = self._number_at(first[1] + 1)
            if last is None:
                return None
            (low, _), (high, k) = first, last
            low = self._shared_scale(first[1], low, k, high)
        elif (self.word(j - 1, "from") and not self.word(j - 2, *_RANGE_VERBS)) or self.word(
            j - 1, *_SCORE_WORDS
        ):
            return None  # "rose from 10 to 15" (not "ranged from 10 to 15"), "won 3-1"
        elif j in self.pair_start:
            if not self.usable(j, paired_ok=True) or not self.usable(j + 2, paired_ok=True):
                return None
            low, high, k = self.toks[j].value, self.toks[j + 2].value, j + 3
        else:
            first = self._number_at(j)
            if first is None or not self.word(first[1], "to"):
                return None
            last = self._number_at(first[1] + 1)
            if last is None:
                return None
            (low, _), (high, k) = first, last
            low = self._shared_scale(first[1], low, k, high)
            if high > 10 * low and not self.word(j - 1, "from"):
                return None  # "fell by 837,000 to 124 million": a change, then a level
        if high <= low:
            return None
        if self.word(k, *_SCALE_WORDS) and not between:  # "10-15 million"
            scale = _SCALE_VALUES[self.toks[k].low]
            low, high, k = low * scale, high * scale, k + 1
            if not isinstance(low, int) and low != int(low):
                return None
        unit = self._unit_after(k, ordinal=False)
        if unit is not None and unit[0] == "ago":
            return None
        ranged = self.word(j - 1, "from") or (j in self.pair_start and self.word(
            k - 1, *_SCALE_WORDS))
        if self.find and not between and not ranged:
            noun = unit is not None or (self.content_word(k) and not self.word(k, *_SCORE_WORDS))
            if not noun:
                return None  # "10-15." alone may be a score
        if self.reads_as_year(j) or self.year_at(j, ext=False, paired_ok=True):
            return None  # "2019-22" is a span of years
        if unit is not None:
            kind = Kind.DURATION if unit[0] == "year" else Kind.COUNT
            return _Match(start, unit[1], Quantity(kind, low, "between", unit[0], other=high))
        return _Match(start, k, Quantity(Kind.COUNT, low, "between", other=high))

    def _decade(self, j: int, qual: str) -> tuple[int, int] | None:
        """"a decade", "two decades" at *j*: the count of decades and where it ends."""
        if qual == "first":
            return None
        if self.word(j, "a") and self.word(j + 1, "decade"):
            return 1, j + 2
        if j >= len(self.toks) or self.toks[j].kind not in ("num", "word"):
            return None
        atoms, boundary, ends = self.atoms_at(j)
        reading = _read(atoms, boundary, ordinal_ok=False)
        if reading is None or not isinstance(reading.value, int) or reading.dozen:
            return None
        end = ends[reading.end]
        if not self.word(end, "decade", "decades") or not 1 <= reading.value <= 99:
            return None
        return reading.value, end + 1
