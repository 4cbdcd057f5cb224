"""The tokens of one text and what the figure grammar knows about them before reading."""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

import attrs

from factcheck.figures._vocab import (
    _CLOSE,
    _COMMON,
    _GLUE_OK,
    _ID_ABBREVIATIONS,
    _ID_NOUNS,
    _MONTHS,
    _OPEN,
    _TIME_AFTER,
    _YEAR_CUES_STRONG,
    _YEAR_CUES_WEAK,
    _YEAR_DETERMINERS,
    _YEAR_NAME_NOUNS,
)
from factcheck.values.numbers import YEAR_MAX, YEAR_MIN, Number, _words
from factcheck.values.numberwords import _NUMBER_VOCAB, Atom, _read, _split_words, _tokenize
from factcheck.values.quantity import Quantity, _in_bare_range


@attrs.frozen
class _Match:
    start: int  # token indexes, end exclusive
    end: int
    quantity: Quantity


_SENTENCE_END = re.compile(r"\n\s*|[.!?]+[\"'”’)\]]*(?=\s|$)")
_ABBREVIATIONS = _words(
    "mr mrs ms dr prof rep sen gov gen col lt sgt st jr sr no nos vs etc inc ltd co corp "
    "jan feb mar apr jun jul aug sep sept oct nov dec approx fig vol pp p para art sec"
)
_LAST_WORD = re.compile(r"([^\W\d_][\w.]*)$")


def _sentence_spans(text: str) -> list[tuple[int, int]]:
    """The sentences of *text* as (start, end) offsets, end to end from 0 to ``len(text)``:
    a stop ends one, but not after an abbreviation or an initial ("Nov. 12", "U.S.")."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _SENTENCE_END.finditer(text):
        if m.group().startswith("."):
            # the word before the stop, read from a few characters back (no word is longer)
            low = max(start, m.start() - 64)
            last = _LAST_WORD.search(text, low, m.start())
            if last is not None and last.start() == low > start:
                last = _LAST_WORD.search(text, start, m.start())  # a longer run of letters
            word = last.group(1).lower() if last else ""
            if word in _ABBREVIATIONS or len(word) == 1 or "." in word:
                continue
        spans.append((start, m.end()))
        start = m.end()
    spans.append((start, len(text)))
    return spans


class Sentences:
    """The sentences of one text, found once; the one around any offset by bisection."""

    def __init__(self, text: str) -> None:
        self.spans = _sentence_spans(text)
        self.starts = [low for low, _ in self.spans]

    def bounds(self, at: int) -> tuple[int, int] | None:
        """The (start, end) of the sentence holding offset *at*; None past the text's end."""
        k = bisect.bisect_right(self.starts, at) - 1
        if k < 0:
            return None
        low, high = self.spans[k]
        return (low, high) if low <= at < high else None


class _Base:
    """Tokens, the numbers that are no figures (dates, times, identifiers), sentences."""

    def __init__(self, text: str, *, find: bool) -> None:
        self.text = text
        self.find = find
        self.toks = _tokenize(text)
        self.blocked: set[int] = set()  # dates, times, identifiers: never a figure
        self.paired: set[int] = set()  # "2019-22", "335-37": a year span, a vote or a range
        self.pair_start: set[int] = set()  # the first number of each such pair
        self.slashed: set[int] = set()  # "2018/19": the start of a season written with "/"
        self.times_compound: set[int] = set()  # "14-time": the number of each
        self._mark_glued_runs()
        self._mark_dates_and_identifiers()
        self.sentence = self._sentence_ids()
        self._sentence_words: dict[int, set[str]] = {}

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
            self._mark_run(run[a:b])
            run = [idx]

    def _mark_run(self, core: list[int]) -> None:
        toks = self.toks
        kinds = tuple(toks[x].kind for x in core)
        if "num" not in kinds and "ord" not in kinds:
            return
        if kinds == ("num", "dash", "num") and "".join(toks[x].text for x in core) == "9-11":
            self.blocked.update((core[0], core[2]))  # the attacks of 11 September 2001
        elif kinds == ("num", "dash", "num"):
            self.paired.update((core[0], core[2]))
            self.pair_start.add(core[0])
        elif kinds == ("num", "dash", "word") and toks[core[2]].low == "time":
            self.times_compound.add(core[0])  # "14-time champions"
        elif kinds == ("num", "punct", "num") and toks[core[1]].text == "/" and _season_shape(
            toks[core[0]].text, toks[core[2]].text
        ):
            self.paired.update((core[0], core[2]))
            self.slashed.add(core[0])  # "2018/19"
        elif kinds[:1] in (("num",), ("ord",)) and all(
            toks[x].kind == "word" and toks[x].low in _GLUE_OK for x in core[1:]
        ):
            pass  # a scraping artefact: "21straight years", "31ststraight year", "14times"
        elif kinds not in (("num",), ("ord",)):
            self.blocked.update(x for x in core if toks[x].kind in ("num", "ord"))

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
            digits = re.sub(r"\D", "", t.text)
            day = t.text[:2].isdigit() and len(digits) <= 2 and "," not in t.text
            small = day and 1 <= int(digits) <= 31
            p = self._prev_word(idx)
            nxt = idx + 1
            if nxt < len(toks) and toks[nxt].low == "of":
                nxt += 1
            date = small and (self._is_month(p) or self._is_month(nxt))
            clock = (day or (t.plain_int and len(t.text) == 4)) and _TIME_AFTER.match(
                self.text, t.end
            ) is not None
            if date or clock or (p is not None and self._identifier_word(p, idx)):
                self.blocked.add(idx)

    def _identifier_word(self, p: int, idx: int) -> bool:
        toks = self.toks
        word = toks[p]
        if p == idx - 2:  # "No. 5"
            return word.low in _ID_ABBREVIATIONS
        pair = idx in self.pair_start and idx + 2 < len(toks)
        if pair and toks[idx].plain_int and toks[idx + 2].plain_int and int(
            toks[idx].text
        ) >= int(toks[idx + 2].text) and word.low not in _ID_NOUNS:
            return False  # "passed the House 228-199": a tally after a name
        if word.low in _ID_NOUNS:
            # "the bill 220 to 207", "the resolution 187-3": a tally after the noun
            tally = idx in self.pair_start or (
                self.word(idx + 1, "to") and idx + 2 < len(toks) and toks[idx + 2].kind == "num"
            )
            return not (word.text.islower() and tally)
        if toks[idx].plain_int and len(toks[idx].text) == 4 and _in_bare_range(
            int(toks[idx].text)
        ):
            return False  # "AC Milan 2003 and 2007", "Euro 2016": a year after a name
        return (
            word.text[:1].isupper()
            and not word.low.endswith("'s")  # "Japan's 124 million": a possessive, no name
            and word.low not in _COMMON
            and word.low not in _MONTHS
            and not self._sentence_initial(p)
        )

    def _sentence_ids(self) -> list[int]:
        """The sentence number of every token, by :func:`_sentence_spans` ("Nov. 12" and
        "U.S." end no sentence)."""
        ids: list[int] = []
        spans = _sentence_spans(self.text)
        current = 0
        for t in self.toks:
            while current + 1 < len(spans) and t.start >= spans[current][1]:
                current += 1
            ids.append(current)
        return ids

    def sentence_words(self, idx: int) -> set[str]:
        """The lower-case words of the sentence token *idx* is in."""
        if not self.toks:
            return set()
        sid = self.sentence[min(max(idx, 0), len(self.toks) - 1)]
        if not self._sentence_words:
            for k, t in enumerate(self.toks):
                words = self._sentence_words.setdefault(self.sentence[k], set())
                if t.kind == "word":
                    words.add(t.low)
        return self._sentence_words[sid]

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
        if self.word(idx + 1, *_YEAR_NAME_NOUNS) and _in_bare_range(y):
            return True  # "1997 winners", "2018 final": a year as a name
        if self.content_word(idx + 1):
            return False  # "2000 people"
        return _in_bare_range(y)

    def noun_run(self, start: int, end: int) -> bool:
        """Tokens start..end are a short noun phrase ("member states") a count may carry."""
        words = self.toks[start:end]
        return 0 < len(words) <= 5 and all(
            t.kind == "word" and t.low not in _NUMBER_VOCAB and t.low not in _COMMON for t in words
        )

    def _number_at(self, j: int) -> tuple[Number, int] | None:
        """A plain number at token *j* ("15", "2.5", "fifteen", "1.5 million") and its end."""
        if j >= len(self.toks) or self.toks[j].kind not in ("num", "word"):
            return None
        atoms, boundary, ends = self.atoms_at(j)
        reading = _read(atoms, boundary, ordinal_ok=False)
        if reading is None or reading.dozen or reading.ordinal:
            return None
        return reading.value, ends[reading.end]

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


def _season_shape(a: str, b: str) -> bool:
    """"2018" and "19" (or "2019") name one season: the second year follows the first."""
    if not (a.isdigit() and b.isdigit() and len(a) == 4 and len(b) in (2, 4)):
        return False
    y = int(a)
    return int(b) == (y + 1) % 100 if len(b) == 2 else int(b) == y + 1
