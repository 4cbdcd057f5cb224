"""The grammar of one figure in news copy: tokens in, a Quantity and its token span out."""

from __future__ import annotations

import re
from collections.abc import Sequence

import attrs

from factcheck.errors import QuantityError
from factcheck.figures._vocab import (
    _CLOSE,
    _COMMON,
    _FILLERS,
    _ID_ABBREVIATIONS,
    _ID_NOUNS,
    _MONTHS,
    _OPEN,
    _POST_QUALIFIERS,
    _QUALIFIER_MAX,
    _QUALIFIER_PHRASES,
    _RUN_WORDS,
    _TIME_AFTER,
    _TIMES_WORDS,
    _VERB_QUALIFIERS,
    _YEAR_CUES_STRONG,
    _YEAR_CUES_WEAK,
    _YEAR_DETERMINERS,
)
from factcheck.values.numbers import YEAR_MAX, YEAR_MIN, Number
from factcheck.values.numberwords import _NUMBER_VOCAB, Atom, _read, _split_words, _tokenize
from factcheck.values.quantity import Kind, Quantity, _in_bare_range


@attrs.frozen
class _Match:
    start: int  # token indexes, end exclusive
    end: int
    quantity: Quantity


class _Context:
    """The tokens of one text and what the grammar knows about them."""

    def __init__(self, text: str, *, find: bool) -> None:
        self.text = text
        self.find = find
        self.toks = _tokenize(text)
        self.blocked: set[int] = set()  # dates, times, identifiers: never a figure
        self.paired: set[int] = set()  # "2019-22", "335-37": only a year span or a vote
        self.pair_start: set[int] = set()  # the first number of each such pair
        self._mark_glued_runs()
        self._mark_dates_and_identifiers()

    # -- what is not a figure --

    def _mark_glued_runs(self) -> None:
        toks = self.toks
        run: list[int] = []
        for idx in range(len(toks) + 1):
            if idx < len(toks) and (not run or toks[idx].glued):
                run.append(idx)
                continue
            a, b = 0, len(run)
            while a < b and toks[run[a]].kind == "punct" and toks[run[a]].text in _OPEN:
                a += 1
            while b > a and toks[run[b - 1]].kind == "punct" and toks[run[b - 1]].text in _CLOSE:
                b -= 1
            core = run[a:b]
            kinds = tuple(toks[x].kind for x in core)
            if "num" in kinds or "ord" in kinds:
                if kinds == ("num", "dash", "num"):
                    self.paired.update((core[0], core[2]))
                    self.pair_start.add(core[0])
                elif kinds not in (("num",), ("ord",)):
                    self.blocked.update(x for x in core if toks[x].kind in ("num", "ord"))
            run = [idx]

    def _prev_word(self, idx: int) -> int | None:
        """The word before token *idx*, looking through an abbreviation's dot ("Nov. 12")."""
        toks = self.toks
        p = idx - 1
        if p >= 0 and toks[idx].glued:
            return None
        if p >= 1 and toks[p].text == "." and toks[p].glued and toks[p - 1].kind == "word":
            p -= 1
        return p if p >= 0 and toks[p].kind == "word" else None

    def _sentence_initial(self, idx: int) -> bool:
        t = self.toks[idx]
        if idx == 0 or t.newline_before:
            return True
        prev = self.toks[idx - 1]
        return prev.kind == "punct" and prev.text in '.!?"“‘(:▲■●•'

    def _is_month(self, idx: int | None) -> bool:
        if idx is None or idx < 0 or idx >= len(self.toks):
            return False
        t = self.toks[idx]
        return t.kind == "word" and t.text[:1].isupper() and t.low in _MONTHS

    def _mark_dates_and_identifiers(self) -> None:
        toks = self.toks
        for idx, t in enumerate(toks):
            if t.kind not in ("num", "ord") or idx in self.blocked:
                continue
            day = t.text[:2].isdigit() and len(re.sub(r"\D", "", t.text)) <= 2 and "," not in t.text
            small = day and 1 <= int(re.sub(r"\D", "", t.text)) <= 31
            p = self._prev_word(idx)
            nxt = idx + 1
            if nxt < len(toks) and toks[nxt].low == "of":
                nxt += 1
            date = small and (self._is_month(p) or self._is_month(nxt))
            time = day and _TIME_AFTER.match(self.text, t.end) is not None
            if date or time or (p is not None and self._identifier_word(p, idx)):
                self.blocked.add(idx)

    def _identifier_word(self, p: int, idx: int) -> bool:
        toks = self.toks
        word = toks[p]
        if p == idx - 2:  # "No. 5"
            return word.low in _ID_ABBREVIATIONS
        if word.low in _ID_NOUNS:
            return True
        return (
            word.text[:1].isupper()
            and word.low not in _COMMON
            and word.low not in _MONTHS
            and not self._sentence_initial(p)
        )

    # -- small readers --

    def word(self, idx: int, *words: str) -> bool:
        return (
            0 <= idx < len(self.toks)
            and self.toks[idx].kind == "word"
            and self.toks[idx].low in words
        )

    def words_at(self, idx: int, phrase: Sequence[str]) -> bool:
        return all(self.word(idx + k, w) for k, w in enumerate(phrase))

    def content_word(self, idx: int) -> bool:
        """A plain lower-case noun-like word ("people"), not a function word."""
        if idx >= len(self.toks):
            return False
        t = self.toks[idx]
        return (
            t.kind == "word"
            and not t.glued
            and t.text == t.text.lower()
            and t.low not in _COMMON
            and t.low not in _NUMBER_VOCAB
            and not t.low.endswith("ed")  # "2005 marked the start": a verb, not a noun
        )

    def usable(self, idx: int, *, paired_ok: bool = False) -> bool:
        return idx not in self.blocked and (paired_ok or idx not in self.paired)

    def whole(self, idx: int, *, paired_ok: bool = False) -> int | None:
        """The whole number at token *idx* (digits, separators allowed)."""
        ok = 0 <= idx < len(self.toks) and self.toks[idx].kind == "num"
        if not ok or not self.usable(idx, paired_ok=paired_ok):
            return None
        v = self.toks[idx].value
        return v if isinstance(v, int) else None

    def cue_before(self, idx: int) -> int | None:
        """The year cue word right before *idx* ("in", "since", a month), if any."""
        p = idx - 1
        if p >= 0 and self.toks[p].text in (",",) and self._is_month(p - 1):
            p -= 1
        if p < 0 or self.toks[idx].glued:
            return None
        t = self.toks[p]
        if self._is_month(p) or (t.kind == "word" and t.low in _YEAR_CUES_WEAK):
            return p
        if t.low == "of" and self._is_month(p - 1):
            return p - 1
        return None

    def year_at(self, idx: int, *, ext: bool, paired_ok: bool = False) -> int | None:
        """A four-digit year at *idx*: 1900–2100, or 1000–2999 when *ext* (after a cue)."""
        if not (0 <= idx < len(self.toks)) or not self.toks[idx].plain_int:
            return None
        if len(self.toks[idx].text) != 4 or not self.usable(idx, paired_ok=paired_ok):
            return None
        y = int(self.toks[idx].text)
        ok = YEAR_MIN <= y <= YEAR_MAX if ext else _in_bare_range(y)
        return y if ok else None

    def reads_as_year(self, idx: int, *, ext: bool = False) -> bool:
        """Whether a lone four-digit number at *idx* is a year rather than a count."""
        if not self.toks[idx].plain_int or len(self.toks[idx].text) != 4:
            return False
        y = int(self.toks[idx].text)
        p = idx - 1 if idx > 0 and not self.toks[idx].glued else None
        prev = self.toks[p].low if p is not None and self.toks[p].kind == "word" else ""
        if prev in _YEAR_CUES_STRONG or self._is_month(p):
            return YEAR_MIN <= y <= YEAR_MAX
        if prev in _YEAR_DETERMINERS and _in_bare_range(y):
            return True
        if ext or prev in _YEAR_CUES_WEAK:
            return YEAR_MIN <= y <= YEAR_MAX
        if self.content_word(idx + 1):
            return False  # "2000 people"
        return _in_bare_range(y)

    def noun_run(self, start: int, end: int) -> bool:
        """Tokens start..end are a short noun phrase ("member states") a count may carry."""
        words = self.toks[start:end]
        return 0 < len(words) <= 5 and all(
            t.kind == "word" and t.low not in _NUMBER_VOCAB and t.low not in _COMMON for t in words
        )

    def atoms_at(self, j: int) -> tuple[list[Atom], list[bool], list[int]]:
        """Number atoms from token *j* on; ``ends[k]`` is the token end after *k* atoms."""
        atoms: list[Atom] = []
        boundary, ends = [True], [j]
        idx = j
        while idx < len(self.toks) and len(atoms) < 64:
            t = self.toks[idx]
            if idx > j and t.glued:
                break
            if t.kind == "num" and not atoms and self.usable(idx):
                atoms.append(t.value)
                boundary.append(True)
            elif t.kind == "word":
                parts = _split_words(t.text)
                if not all(p in _NUMBER_VOCAB for p in parts):
                    break
                atoms.extend(parts)
                boundary.extend([False] * (len(parts) - 1) + [True])
                ends.extend([-1] * (len(parts) - 1))
            else:
                break
            ends.append(idx + 1)
            idx += 1
        return atoms, boundary, ends

    # -- the grammar --

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

    def _vote(self, i: int) -> _Match | None:
        toks, n = self.toks, len(self.toks)

        def pair(j: int) -> tuple[int, int] | None:
            a = self.whole(j, paired_ok=True)
            if a is None or j + 2 >= n or toks[j + 1].kind != "dash":
                return None
            if j not in self.pair_start and (j in self.paired or j + 2 in self.paired):
                return None  # glued to other numbers: "0-2000 - 5"
            b = self.whole(j + 2, paired_ok=True)
            return None if b is None else (a, b)

        def vote(a: int, b: int, start: int, end: int) -> _Match:
            return _Match(start, end, Quantity(Kind.VOTE, a, other=b))

        if self.word(i, "vote", "votes") and self.word(i + 1, "of") and (p := pair(i + 2)):
            return vote(*p, i, i + 5)
        if self.word(i, "voted") and (p := pair(i + 1)):
            return vote(*p, i, i + 4)
        a = self.whole(i, paired_ok=True)
        if a is None or i + 3 >= n:
            return None
        if (p := pair(i)) and self.word(i + 3, "vote", "votes"):
            return vote(*p, i, i + 4)
        b = self.whole(i + 2)
        if b is not None and self.word(i + 1, "to") and self.word(i + 3, "vote", "votes"):
            return vote(a, b, i, i + 4)
        b = self.whole(i + 3)
        if b is not None and self.word(i + 1, "votes") and self.word(i + 2, "to"):
            return vote(a, b, i, i + 4)
        return None

    def _year_group(self, j: int, ext: bool) -> tuple[list[int], int, bool] | None:
        """One year or span at *j*: ([years], end, is_span)."""
        toks, n = self.toks, len(self.toks)
        y1 = self.year_at(j, ext=ext, paired_ok=True)
        if y1 is None:
            return None
        if j in self.paired:  # glued "2019-2022" / "2019-22"
            if j not in self.pair_start:
                return None  # the end of a pair, not its start
            end_text = toks[j + 2].text
            if not toks[j + 2].plain_int or len(end_text) not in (2, 4):
                return None
            y2 = int(end_text) if len(end_text) == 4 else y1 - y1 % 100 + int(end_text)
            if len(end_text) == 2 and y2 < y1:
                y2 += 100
            if not y1 <= y2 <= YEAR_MAX:
                return None
            return list(range(y1, y2 + 1)), j + 3, True
        if j + 2 < n and (
            (toks[j + 1].kind == "dash" and not toks[j + 1].glued)
            or self.word(j + 1, "to", "through", "thru", "until", "till")
        ):
            last = self.year_at(j + 2, ext=True)
            if last is not None and last >= y1:
                return list(range(y1, last + 1)), j + 3, True
        return [y1], j + 1, False

    def _years(self, i: int) -> _Match | None:  # noqa: C901
        toks, n = self.toks, len(self.toks)
        if i >= n:
            return None
        t = toks[i]
        if t.kind == "word":
            j = i + 1
            if self._is_month(j) and j + 1 < n and toks[j + 1].kind == "num":
                j += 1
            if t.low == "since":
                y = self.year_at(j, ext=True)
                if y is None:
                    return None
                return _Match(i, j + 1, Quantity(Kind.YEAR, y, "since"))
            if t.low == "from":
                g = self._year_group(j, ext=True)
                if g is None:
                    return None
                years, end, _ = g
                if (
                    len(years) == 1
                    and end < n
                    and (
                        toks[end].kind == "dash" or self.word(end, "to", "until", "till", "through")
                    )
                ):
                    y2 = self.year_at(end + 1, ext=True)
                    if y2 is not None and y2 >= years[0]:
                        years, end = list(range(years[0], y2 + 1)), end + 2
                return _Match(i, end, _year_quantity(years, len(years) > 1 or g[2]))
            if t.low == "between":
                y1 = self.year_at(i + 1, ext=True)
                y2 = self.year_at(i + 3, ext=True)
                if y1 is None or y2 is None or not self.word(i + 2, "and") or y2 <= y1:
                    return None
                return _Match(i, i + 4, _year_quantity(list(range(y1, y2 + 1)), True))
            return None
        if t.kind != "num":
            return None
        cue = self.cue_before(i)
        ext = cue is not None
        first = self._year_group(i, ext)
        if first is None:
            return None
        years, end, span = first
        if not span and not self.reads_as_year(i, ext=ext):
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
            if g is None or (not g[2] and not self.reads_as_year(j, ext=ext)):
                break
            years, end, groups = years + g[0], g[1], groups + 1
            span = True
        start = i
        if cue is not None and not all(_in_bare_range(y) for y in years):
            start = cue  # "in 1850" must read back as a year
        return _Match(start, end, _year_quantity(years, span or groups > 1))

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
            m = self._measure_body(i, q[1], q[0], verb=self.toks[i].low in _VERB_QUALIFIERS)
            if m is not None:
                return m
        return self._measure_body(i, i, "", verb=False)

    def _unit_after(self, e: int, *, ordinal: bool) -> tuple[str, int] | None:
        k = e + 1 if self.word(e, *_RUN_WORDS) else e
        units = ("year", "time") if ordinal else ("year", "years", "time", "times")
        if not self.word(k, *units):
            return None
        unit = "year" if self.toks[k].low.startswith("year") else "time"
        end = k + 1
        if unit == "year" and self.word(end, "ago", "old"):
            return ("ago", end)  # a point in time or an age, not a figure we read
        if self.words_at(end, ("in", "a", "row")):
            end += 3
        elif self.word(end, "running"):
            end += 1
        return unit, end

    def _measure_body(  # noqa: C901 - the grammar of one figure
        self, start: int, j: int, qual: str, *, verb: bool
    ) -> _Match | None:
        toks, n = self.toks, len(self.toks)
        if j >= n:
            return None
        decade = self._decade(start, j, qual)
        if decade is not None:
            return decade
        t = toks[j]
        times = t.kind == "word" and t.low in _TIMES_WORDS and qual != "first"
        if times and (t.low != "once" or not self.find):
            # "once" is left out of running text: "once adopted, …" is no figure
            return _Match(start, j + 1, Quantity(Kind.COUNT, _TIMES_WORDS[t.low], qual, "time"))
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
            if reading is None:
                return None
            value, end = reading.value, ends[reading.end]
            ordinal, dozen = reading.ordinal, reading.dozen
            single_word = reading.end == 1 and isinstance(atoms[0], str)
        if ordinal:
            if qual == "first" or not isinstance(value, int):
                return None
            unit = self._unit_after(end, ordinal=True)
            if unit is None:
                if self.find:
                    return None
                return _Match(start, end, Quantity(Kind.ORDINAL, value, qual))
            return _Match(start, unit[1], Quantity(Kind.ORDINAL, value, qual, unit[0]))
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
            if len(digits) == 4 and _in_bare_range(int(digits)) and self.content_word(end):
                end += 1  # "2000 people": the noun keeps it from reading back as a year
        return _Match(start, end, Quantity(Kind.COUNT, value, qual))

    def _decade(self, start: int, j: int, qual: str) -> _Match | None:
        if qual == "first":
            return None
        if self.word(j, "a") and self.word(j + 1, "decade"):
            count, end = 1, j + 2
        else:
            if j >= len(self.toks) or self.toks[j].kind not in ("num", "word"):
                return None
            atoms, boundary, ends = self.atoms_at(j)
            reading = _read(atoms, boundary, ordinal_ok=False)
            if reading is None or not isinstance(reading.value, int) or reading.dozen:
                return None
            end = ends[reading.end]
            if not self.word(end, "decade", "decades") or not 1 <= reading.value <= 99:
                return None
            count, end = reading.value, end + 1
        return _Match(start, end, Quantity(Kind.DURATION, 10 * count, qual or "about", "year"))

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
                if not (a.isdigit() and len(a) == 4 and self.year_at(idx, ext=True)):
                    return (
                        f"{pair!r} is a pair of numbers: it reads as a year span ('2019-2022') "
                        f"or, followed by 'vote', as a vote ('{pair} vote')"
                    )
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
            if t.low in ("since", "between", "from") and self.year_at(idx + 1, ext=True) is None:
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
            "'since 2005', '2019-2022' or '335-37 vote'"
        )


def _year_quantity(years: list[int], span: bool) -> Quantity:
    if span:
        return Quantity(Kind.YEARS, min(years), years=years)
    return Quantity(Kind.YEAR, years[0])
