"""Locate fuzzily, support strictly: the word-level differences between a quote and its source.

:func:`factcheck.anchoring.anchor` may find a quote's place approximately; that says
*where* the quote stands, not that the source *says* it. :func:`word_differences` aligns
the quote with the passage found, word by word, and returns every difference that is not
spelling-level; :func:`supports` is true when there is none; :func:`differences_at` compares
a quote with a span of a source body (an anchor's start and end), reading words the span
cuts as whole words (:func:`whole_words`), so that a cut word or number ("adopted by 15"
in "adopted by 150") is a difference.

**The rule** (the contract). Both texts are normalised (:func:`factcheck.text.normalize`:
NFKC, curly and straight quotes, dash kinds, whitespace runs, soft hyphens, zero-width
characters) and cut into words: runs of letters and digits, with inner apostrophes and
periods ("Korea's", "U.S.") and thousands commas ("6,000"); every other punctuation mark
separates words and is ignored. Currency, mathematical and percent signs ("$", "+", "%")
are words of their own; a plus or minus sign (any dash kind) written right before a digit,
and not after a letter or digit, is part of the number ("-10", "−5", "+3"), so that a sign
added or dropped is a number difference; a hyphen between words or numbers ("COVID-19",
"2019-22", "335-37") is not a sign. A contraction of *not* is read as two words ("didn't"
is "did not", "can't" is "can not", "won't" is "will not"). Words are compared by a key:
case folded, apostrophes and periods left out, thousands commas left out of numbers.

A difference is **spelling-level** (not reported) when it is one of

* case, punctuation, whitespace or typography (equal keys);
* hyphenation: two or three words on one side whose keys, joined, are the key of one word on
  the other ("co-sponsor", "co sponsor" and "cosponsor"); letters only, no typo on top, and
  never a join that adds or removes a negation: the words apart are negated (one of them is
  a negation word below) exactly when the word joined is (it begins with the first word as
  a negating prefix, or it is "cannot"). "can not" is "cannot" and "non-profit" is
  "nonprofit"; "not able" is not "notable", "in action" is not "inaction", "UN-backed" is
  not "unbacked", "no body" is not "nobody";
* a typo: one word replaced by another that is an *ordinary* word on both sides (lower-case
  first letter, no digit, in none of the word lists below), keeps its first letter, is not
  the other with a negating prefix (un, non, in, im, il, ir, dis), and is within ``1`` edit
  of it when the longer of the two has 5 to 8 letters, within ``2`` edits at 9 letters or
  more (Damerau-Levenshtein distance, so that a swap of two neighbouring letters is one
  edit); words of 4 letters or fewer have no typos.

Everything else is **meaning-changing** and reported: a word inserted, dropped or replaced,
at either end too (the caller passes the whole quote and the passage found, so the words an
approximate match left out come back as differences). Each :class:`Difference` gets the
first of these categories that one of its words falls in (:data:`CATEGORIES`, in order):

* ``negation`` -- not (and n't), cannot, no, never, without, nor, none, neither, nobody,
  nothing, nowhere, non; or a word with a negating prefix against the same word without it;
* ``number`` -- a word with a digit, a number word (one ... trillion, second ... hundredth,
  dozen, half, twice, percent) or a currency, mathematical or percent sign;
* ``date`` -- a month or weekday (abbreviations too; "May", "March", "Sun", "Sat", "Wed" only
  when capitalised), today, yesterday, tomorrow, ago, and day, week, month, year, decade,
  century (and plurals, and their -ly adjectives);
* ``comparative`` -- more, less, fewer, greater, higher, lower, larger, smaller, better,
  worse, before, after, earlier, later, prior, since, until, first, last, over, under,
  above, below, beyond, next, previous, former, latter, latest ...;
* ``quantifier`` -- all, some, most, least, many, few, several, every, each, any, both,
  either, only, just, almost, nearly, about, around, approximately, always, often ...;
* ``name`` -- a capitalised word (first letter upper-case; not a sentence-initial article,
  pronoun or preposition): a change of one letter in a name is a different name;
* ``word`` -- any other word.

Limits, by design: the typo rule cannot tell two real words one letter apart ("adopted" and
"adapted", "resolution" and "resolutions" pass as typos); word order matters (a moved word
is a word dropped and a word inserted); a typo and a hyphenation change in the same word
are reported; a hyphenated negating prefix that is not a word ("un-lawful" for "unlawful")
is reported, since the rule cannot tell it from "UN-backed". When in doubt, a difference
is reported: "supported" must mean the source says it.

>>> [str(d) for d in word_differences("did not participate", "did participate")]
['negation: “not” is not in the source']
>>> [str(d) for d in word_differences("ended in August 2022", "ended in September 2022")]
['date: “August” → “September”']
>>> supports("The U.S. didn’t co-sponsor it", "the US did not cosponsor  it")
True
>>> supports("the longstanding, systematic violations", "the long-standing, sytsematic violations")
True
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Sequence

import attrs
from rapidfuzz.distance import DamerauLevenshtein, Levenshtein

from factcheck.errors import SpanError
from factcheck.text import normalize

__all__ = ["CATEGORIES", "Difference", "differences_at", "supports", "whole_words",
           "word_differences"]

CATEGORIES = ("negation", "number", "date", "comparative", "quantifier", "name", "word")


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_NEGATIONS = _words(
    "not no never without nor none neither nobody nothing nowhere non aint nay cannot")
_NEGATING_PREFIXES = ("non", "un", "in", "im", "il", "ir", "dis")
_NUMBER_WORDS = _words(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy "
    "eighty ninety hundred thousand million billion trillion hundreds thousands millions "
    "billions trillions dozen dozens score half halves quarter quarters third thirds twice "
    "thrice once double triple quadruple single percent percentage pct zeroth second fourth "
    "fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth "
    "fifteenth sixteenth seventeenth eighteenth nineteenth twentieth thirtieth fortieth "
    "fiftieth sixtieth seventieth eightieth ninetieth hundredth thousandth millionth "
    "billionth"
)
_MONTHS = _words(
    "january february april june july august september october november december "
    "jan feb apr jun jul aug sep sept oct nov dec"
)
_WEEKDAYS = _words(
    "monday tuesday wednesday thursday friday saturday sunday mon tue tues thu thur thurs fri")
_CAPITAL_DATES = _words("may march mar sun sat wed")  # ordinary words in lower case
_DATE_WORDS = _words(
    "today yesterday tomorrow tonight ago weekend weekends day days daily week weeks weekly "
    "fortnight fortnights month months monthly quarterly year years yearly annual annually "
    "decade decades century centuries millennium morning afternoon evening night overnight "
    "biannual biennial"
)
_COMPARATIVES = _words(
    "more less fewer greater lesser higher lower larger smaller bigger better worse worst "
    "best before after earlier earliest later latest prior since until till first last "
    "over under above below beyond exceeding exceeded exceeds exceed next previous "
    "previously former formerly latter new newer newest old older oldest up down than "
    "longer shorter early late"
)
_QUANTIFIERS = _words(
    "all some most least many few several every each any both either only just almost "
    "nearly about around approximately roughly much little enough whole entire majority "
    "minority numerous multiple various fully partly partially mostly largely entirely "
    "completely always often sometimes rarely seldom usually occasionally frequently "
    "generally"
)
_NOT_NAMES = _words(
    "the a an this that these those it its he she they we i you his her their our my your "
    "in on at of for and but or as by to with from there here when while if so"
)
_CONTRACTED = {"ca": "can", "wo": "will", "sha": "shall"}

# A word: letters and digits, with inner apostrophes and periods, and thousands commas;
# a number keeps a plus or minus sign written before it, not after a letter or digit.
_WORD = r"[^\W_]+(?:(?:['.]|(?<=\d),(?=\d{3}(?!\d)))[^\W_]+)*"
_SIGN = r"(?<![^\W_])[-+](?=\d)"
_SYMBOLS = "$€£¥₩₹%‰°+±×÷=<>&#"
_TOKEN = re.compile(rf"(?:{_SIGN})?{_WORD}|[{re.escape(_SYMBOLS)}]")
_SYMBOL_KEYS = {"&": "and"}
_THOUSANDS = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?")

# Blocks of differing words larger than this (quote words × source words) are reported
# whole instead of being aligned word by word in Python.
_DP_LIMIT = 20_000
_MARGIN = 2  # a hyphenation change joins at most 3 words


@attrs.frozen
class Difference:
    """One meaning-changing difference: the quote's words and the source's words there.

    ``quote`` is "" when the source has words the quote lacks, ``source`` is "" when the
    quote has words the source lacks. The offsets are code points of the quote and of the
    passage given (of the body, for :func:`differences_at`), end exclusive; an empty side
    has an empty span where the words would be.

    >>> str(Difference("South", "North", "name"))
    'name: “South” → “North”'
    """

    quote: str
    source: str
    category: str
    quote_start: int = 0
    quote_end: int = 0
    source_start: int = 0
    source_end: int = 0

    def __str__(self) -> str:
        if not self.source:
            return f"{self.category}: “{self.quote}” is not in the source"
        if not self.quote:
            return f"{self.category}: “{self.source}” is in the source only"
        return f"{self.category}: “{self.quote}” → “{self.source}”"


@attrs.frozen
class _Token:
    key: str
    start: int  # in the original text
    end: int
    capital: bool
    kind: str  # "word" (letters), "number" (has a digit) or "symbol"
    category: str = attrs.field(init=False)

    @category.default
    def _categorise(self) -> str:
        key = self.key
        if key in _NEGATIONS:
            return "negation"
        if self.kind != "word" or key in _NUMBER_WORDS:
            return "number"
        if (key in _MONTHS or key in _WEEKDAYS or key in _DATE_WORDS
                or (self.capital and key in _CAPITAL_DATES)):
            return "date"
        if key in _COMPARATIVES:
            return "comparative"
        if key in _QUANTIFIERS:
            return "quantifier"
        if self.capital and key not in _NOT_NAMES:
            return "name"
        return "word"


def _tokens(text: str) -> list[_Token]:
    """The words of *text*, with their keys and their spans in *text* itself."""
    norm = normalize(text)
    out: list[_Token] = []
    for m in _TOKEN.finditer(norm.text):
        word = m.group()
        a, b = m.span()
        capital = word[0].isupper()
        if len(word) == 1 and word in _SYMBOLS:
            out.append(_Token(_SYMBOL_KEYS.get(word, word), *norm.to_original(a, b),
                              capital, "symbol"))
            continue
        if any(c.isdigit() for c in word):
            sign = word[0] if word[0] in "+-" else ""
            digits = word[len(sign):]
            key = sign + (digits.replace(",", "") if _THOUSANDS.fullmatch(digits)
                          else digits.casefold())
            out.append(_Token(key, *norm.to_original(a, b), capital, "number"))
            continue
        folded = word.casefold()
        if folded.endswith("n't") and len(folded) > 3 and folded != "ain't":
            base = folded[:-3]
            base_key = _CONTRACTED.get(base, base).replace("'", "").replace(".", "")
            out.append(_Token(base_key, *norm.to_original(a, b - 3), capital, "word"))
            out.append(_Token("not", *norm.to_original(b - 3, b), False, "word"))
            continue
        key = folded.replace("'", "").replace(".", "")
        out.append(_Token(key, *norm.to_original(a, b), capital, "word"))
    return out


def _negated(a: str, b: str) -> bool:
    """Whether one key is the other with a negating prefix ("unlawful", "lawful")."""
    short, long = sorted((a, b), key=len)
    return any(long == p + short for p in _NEGATING_PREFIXES)


def _typo_allowance(letters: int) -> int:
    return 2 if letters >= 9 else 1 if letters >= 5 else 0


def _same_word(a: _Token, b: _Token) -> bool:
    """Whether *a* and *b* differ at most at spelling level (see the module docstring)."""
    if a.key == b.key:
        return True
    if a.capital or b.capital or a.category != "word" or b.category != "word":
        return False
    if a.key[0] != b.key[0] or _negated(a.key, b.key):
        return False
    allowed = _typo_allowance(max(len(a.key), len(b.key)))
    distance = DamerauLevenshtein.distance(a.key, b.key, score_cutoff=allowed)
    return allowed > 0 and distance <= allowed


def _category(q: Sequence[_Token], s: Sequence[_Token]) -> str:
    if any(_negated(a.key, b.key) for a in q for b in s if a.kind == b.kind == "word"):
        return "negation"
    return min((t.category for t in (*q, *s)), key=CATEGORIES.index)


# A step of the alignment of one block: how many quote and source words it takes, and
# whether it is spelling-level (free) or a difference.
_Step = tuple[int, int, bool]


def _joins(tokens: Sequence[_Token]) -> dict[int, list[str | None]]:
    """For k = 1, 2, 3: the keys of tokens[i:i + k] joined, when all are words of letters
    and joining them keeps their negation (a hyphenation candidate), else None."""
    keys = [t.key if t.kind == "word" else None for t in tokens]
    out: dict[int, list[str | None]] = {}
    for k in (1, 2, 3):
        row: list[str | None] = []
        for i in range(len(keys)):
            part = [key for key in keys[i:i + k] if key is not None]
            row.append("".join(part) if len(part) == k and _join_keeps_negation(part)
                       else None)
        out[k] = row
    return out


def _join_keeps_negation(parts: Sequence[str]) -> bool:
    """Whether the words *parts*, written as one, are negated exactly when they are apart:
    "not able" is not "notable", "in action" is not "inaction"; "can not" is "cannot" and
    "non profit" is "nonprofit"; "no body" is not "nobody" (the two negations say
    different things). One part needs no join and keeps its negation."""
    if len(parts) < 2:
        return True
    apart = any(p in _NEGATIONS for p in parts)
    joined = parts[0] in _NEGATING_PREFIXES or "".join(parts) == "cannot"
    return apart == joined


def _align_block(q: Sequence[_Token], s: Sequence[_Token]) -> list[_Step]:
    """The cheapest alignment of a block of differing words (a free step costs nothing;
    on a tie, a free step is taken first)."""
    n, m = len(q), len(s)
    if n * m > _DP_LIMIT:
        # Too big to align word by word here: pair words from both ends while they are
        # spelling-level equal, and report the middle whole.
        head = 0
        while head < min(n, m) and _same_word(q[head], s[head]):
            head += 1
        tail = 0
        while tail < min(n, m) - head and _same_word(q[n - 1 - tail], s[m - 1 - tail]):
            tail += 1
        middle: list[_Step] = [(n - head - tail, m - head - tail, False)] if head + tail < max(
            n, m) else []
        return [(1, 1, True)] * head + middle + [(1, 1, True)] * tail
    qj, sj = _joins(q), _joins(s)
    never = n + m + 1
    cost = [[never] * (m + 1) for _ in range(n + 1)]
    best: list[list[_Step]] = [[(0, 0, True)] * (m + 1) for _ in range(n + 1)]
    cost[n][m] = 0
    for i in range(n, -1, -1):
        for j in range(m, -1, -1):
            if i == n and j == m:
                continue
            c, step = never, (0, 0, True)
            if i < n and j < m:
                if _same_word(q[i], s[j]):
                    c, step = cost[i + 1][j + 1], (1, 1, True)
                one_q, one_s = qj[1][i], sj[1][j]
                for k in (2, 3):
                    if (one_s is not None and i + k <= n and qj[k][i] == one_s
                            and cost[i + k][j + 1] < c):
                        c, step = cost[i + k][j + 1], (k, 1, True)
                    if (one_q is not None and j + k <= m and sj[k][j] == one_q
                            and cost[i + 1][j + k] < c):
                        c, step = cost[i + 1][j + k], (1, k, True)
                if cost[i + 1][j + 1] + 1 < c:
                    c, step = cost[i + 1][j + 1] + 1, (1, 1, False)
            if i < n and cost[i + 1][j] + 1 < c:
                c, step = cost[i + 1][j] + 1, (1, 0, False)
            if j < m and cost[i][j + 1] + 1 < c:
                c, step = cost[i][j + 1] + 1, (0, 1, False)
            cost[i][j], best[i][j] = c, step
    steps: list[_Step] = []
    i = j = 0
    while i < n or j < m:
        step = best[i][j]
        steps.append(step)
        i, j = i + step[0], j + step[1]
    return steps


def _blocks(q: Sequence[_Token], s: Sequence[_Token]) -> Iterator[tuple[int, int, int, int]]:
    """Runs of words whose keys differ (from a word-level edit script, at C speed), each
    with up to ``_MARGIN`` equal words on either side, so that a hyphenation change can
    join a differing word with an equal neighbour; runs that close are one block."""
    runs: list[list[int]] = []
    for op in Levenshtein.opcodes([t.key for t in q], [t.key for t in s]):
        if op.tag == "equal":
            continue
        if runs and op.src_start - runs[-1][1] <= 2 * _MARGIN:
            runs[-1][1], runs[-1][3] = op.src_end, op.dest_end
        else:
            runs.append([op.src_start, op.src_end, op.dest_start, op.dest_end])
    for qa, qb, sa, sb in runs:
        before = min(_MARGIN, qa, sa)
        after = min(_MARGIN, len(q) - qb, len(s) - sb)
        yield qa - before, qb + after, sa - before, sb + after


def _span(tokens: Sequence[_Token], lo: int, hi: int) -> tuple[int, int]:
    """The original span of tokens[lo:hi], or the empty span where they would be."""
    if lo < hi:
        return tokens[lo].start, tokens[hi - 1].end
    if lo > 0:
        return tokens[lo - 1].end, tokens[lo - 1].end
    if tokens:
        return tokens[0].start, tokens[0].start
    return 0, 0


def word_differences(quote: str, passage: str) -> tuple[Difference, ...]:
    """Every meaning-changing difference between *quote* and the source *passage*.

    Pass the whole quote as the claim gives it and the whole passage the anchor found:
    quote words the passage lacks (at either end too) and passage words the quote lacks
    are differences. Offsets are into *quote* and *passage*.

    >>> d, = word_differences("South Korea was among the 41", "North Korea was among the 41")
    >>> d.quote, d.source, d.category, (d.source_start, d.source_end)
    ('South', 'North', 'name', (0, 5))
    >>> [d.quote for d in word_differences("was in 2022, it is said", "was in 2022")]
    ['it is said']
    """
    q, s = _tokens(quote), _tokens(passage)
    found: list[Difference] = []
    for qa, qb, sa, sb in _blocks(q, s):
        i, j = qa, sa
        pending: tuple[int, int] | None = None  # where the current difference began
        for di, dj, free in [*_align_block(q[qa:qb], s[sa:sb]), (0, 0, True)]:
            if not free and pending is None:
                pending = (i, j)
            elif free and pending is not None:
                found.append(_difference(quote, passage, q, s, pending, (i, j)))
                pending = None
            i, j = i + di, j + dj
    return tuple(found)


def _difference(quote: str, passage: str, q: Sequence[_Token], s: Sequence[_Token],
                begin: tuple[int, int], end: tuple[int, int]) -> Difference:
    (qi, sj), (qe, se) = begin, end
    q0, q1 = _span(q, qi, qe)
    s0, s1 = _span(s, sj, se)
    return Difference(quote[q0:q1], passage[s0:s1], _category(q[qi:qe], s[sj:se]),
                      q0, q1, s0, s1)


def supports(quote: str, passage: str) -> bool:
    """True when *passage* says what *quote* says: no meaning-changing difference.

    >>> supports("did not participate as a co-sponsor", "did participate as a co-sponsor")
    False
    >>> supports("did not participate as a co-sponsor", "did not participate as a cosponsor")
    True
    """
    return not word_differences(quote, passage)


def _in_word(c: str) -> bool:
    return c.isalnum() or unicodedata.category(c).startswith("M")


def _sign(c: str) -> bool:
    return normalize(c).text in ("-", "+")


def _continues(body: str, i: int) -> bool:
    """Whether ``body[i - 1]`` and ``body[i]`` belong to one word (0 < i < len(body)): two
    letters or digits (or combining marks: "cafe|\u0301"); a number's digits across a
    thousands comma or decimal point ("15|,000", "15,|000"); a sign and the number it is
    written before ("-|10")."""
    a, b = body[i - 1], body[i]
    if _in_word(a) and _in_word(b):
        return True
    if a.isdigit() and b in ".," and i + 1 < len(body) and body[i + 1].isdigit():
        return True
    if a in ".," and b.isdigit() and i >= 2 and body[i - 2].isdigit():
        return True
    return b.isdigit() and _sign(a) and (i < 2 or not body[i - 2].isalnum())


def whole_words(body: str, start: int, end: int) -> tuple[int, int]:
    """The span ``[start, end)`` of *body* widened to the whole words it cuts (see
    :func:`differences_at`); a span that starts and ends between words is kept.

    >>> body = "adopted by 150 votes, by -10 and by 15,000"
    >>> [body[slice(*whole_words(body, a, b))] for a, b in ((2, 13), (0, 7), (26, 28), (36, 38))]
    ['adopted by 150', 'adopted', '-10', '15,000']
    """
    if not 0 <= start <= end <= len(body):
        raise SpanError(f"span [{start}, {end}) does not fit a body of {len(body)} characters")
    while 0 < start < len(body) and _continues(body, start):
        start -= 1
    while 0 < end < len(body) and _continues(body, end):
        end += 1
    return start, end


def differences_at(quote: str, body: str, start: int, end: int) -> tuple[Difference, ...]:
    """:func:`word_differences` of *quote* against ``body[start:end]``, offsets into *body*.

    A match can start or end inside a word of the source (an exact match of "adopted by 15"
    in "adopted by 150 votes", a fuzzy one ending in "…co-sponsorin"): the passage compared
    is the span widened to the whole words it cuts (:func:`whole_words`), since the source's
    word there is the whole word. A cut word or number is a difference; a quote that starts
    or ends at a word's edge or at punctuation is compared as it stands.

    >>> body = "The US did not co-sponsor it, by 150 votes."
    >>> differences_at("did not co-sponsor", body, 7, 24)
    ()
    >>> [(d.quote, d.source_start) for d in differences_at("did co-sponsor", body, 7, 25)]
    [('', 11)]
    >>> [str(d) for d in differences_at("by 15", body, 30, 35)]
    ['number: “15” → “150”']
    """
    wide_start, wide_end = whole_words(body, start, end)
    passage = body[wide_start:wide_end]
    if passage == quote:
        return ()
    return _shifted(word_differences(quote, passage), wide_start)


def _shifted(differences: tuple[Difference, ...], offset: int) -> tuple[Difference, ...]:
    return tuple(attrs.evolve(d, source_start=d.source_start + offset,
                              source_end=d.source_end + offset) for d in differences)
