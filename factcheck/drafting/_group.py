"""Group mentions of the same running count, across sources, into draft series.

The rule, in three steps:

1. **Which kind of series a figure can belong to**, by the kind of figure alone
   (:func:`series_kind`): an ordinal of years or a duration in years ("the 28th consecutive
   year", "21 straight years", "a decade") and "since YEAR" → *annual*; "the Nth time",
   "N times" → *occurrences* ("the first time" excepted: it is nearly always "for the first
   time", about something else); a plain count of a noun ("61 countries") → *tally*; a vote
   ("187-2 vote", "by 185 votes to 2") → *fixed*. Plain years and lists of years get no series.
2. **What the figure is about**: the content words of its sentence nearest the figure, up to
   :data:`WINDOW` on each side (:func:`context_words`): lower-cased, without stop words,
   numbers, dates and the figure's own words ("consecutive", "year", "time"), each cut to a
   crude stem ("voted", "votes", "voting" → "vot") so that wording varies less than meaning.
3. **Which figures speak of the same thing**: two figures of the same kind are linked when
   their words share at least :data:`MIN_SHARED` stems (one for two votes with the same
   tally) and score at least :data:`SIMILAR` on
   ``rapidfuzz.fuzz.token_set_ratio`` (0–100; it ignores word order and repeats and scores
   one set inside a larger one high, as a short sentence inside a long one), or at least
   :data:`RELATED` when both are annual or occurrence counts whose implied first years
   (the article's year − N + 1; the year of "since YEAR") are known and within
   :data:`NEAR_YEARS` of each other, or two votes with the same tally: the figures then
   corroborate the words. Links are
   taken best first and join whole groups (single linkage), except that
   a tally links only counts of the same noun ("187 countries", "184 countries"); a vote
   links only votes from the same year (of the articles' dates) or with the same tally;
   and neither ever puts two different figures from one source together (an article's
   "187 countries" and "3 countries", or this year's and last year's vote, are different
   things).

Every step depends only on the figures, their words and their sources' ids and dates,
never on the order the sources are given in: links are sorted by score and by (source id,
offset) before they are taken.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable, Sequence

import attrs
from rapidfuzz import fuzz

from factcheck.model import Kind
from factcheck.values import Kind as QKind
from factcheck.values import Quantity

__all__ = ["MIN_SHARED", "NEAR_YEARS", "RELATED", "SIMILAR", "WINDOW", "Candidate",
           "common_words", "context_words", "group", "implied_first_year", "series_kind",
           "similarity"]

WINDOW = 8  # content words kept on each side of the figure
SIMILAR = 60.0  # token_set_ratio at or above which two figures' words are the same subject
MIN_SHARED = 2  # stems two figures' words must share, besides the score
RELATED = 45.0  # the lower score that links counts implying (nearly) the same first year
NEAR_YEARS = 3  # how far apart two implied first years may be to count as nearly the same

_STOP = frozenset(re.split(r"\s+", """
a about above according across after again against ago all almost along already also
although always am among an and another any are around as at be because been before being
below between both but by can could did do does done down during each either else even
ever every few for from further had has have having he her here hers him his how however
i if in including into is it its itself just last latest least less like made make many
may me more most much must my near nearly neither new next no nor not now of off on once
one only or other our out over own per rather said same says she should since so some
still such than that the their them then there these they this those though through thus
to too under until up upon us very was we were what when where whether which while who
whom whose why will with within without would year years yet you your time times
consecutive straight successive running row decade decades annual first second third
fourth fifth sixth seventh eighth ninth tenth two three four five six seven eight nine ten
eleven twelve dozen dozens hundred hundreds thousand thousands million millions billion
monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow january
february march april june july august september october november december jan feb mar apr
jun jul aug sep sept oct nov dec week weeks month months day days told say saying mr ms
""".strip()))
_WORD = re.compile(r"\b[^\W\d_][\w'’.-]*")
_SUFFIXES = ("ing", "ed", "es", "s", "e")


@attrs.frozen
class Candidate:
    """One figure that may join a series: where it is, what it reads as, what it is about."""

    source: str
    start: int
    published: datetime.date | None
    quantity: Quantity
    kind: Kind
    words: frozenset[str]
    noun: str = ""  # a tally's noun, stemmed ("country"); "" when none follows the count
    spelled: tuple[tuple[str, str], ...] = ()  # (stem, a word it came from), for names
    first_year: int | None = None  # an annual or occurrence count's implied first year

    @property
    def key(self) -> tuple[str, int]:
        return self.source, self.start


def series_kind(q: Quantity) -> Kind | None:
    """The kind of series a figure can belong to by its reading alone (step 1), or None.

    >>> from factcheck.figures import parse_quantity
    >>> [str(series_kind(parse_quantity(t))) for t in ("28th consecutive year", "since 1992",
    ...  "29th time", "61", "187-2 vote", "in 2020", "first time")]
    ['annual', 'annual', 'occurrences', 'tally', 'fixed', 'None', 'None']
    """
    if q.kind is QKind.DURATION or (q.kind is QKind.ORDINAL and q.unit == "year"):
        return Kind.ANNUAL
    if q.kind is QKind.YEAR and q.qualifier == "since":
        return Kind.ANNUAL
    if q.unit == "time" and q.kind in (QKind.ORDINAL, QKind.COUNT):
        return None if q.kind is QKind.ORDINAL and q.number == 1 else Kind.OCCURRENCES
    if q.kind is QKind.COUNT and not q.unit:
        return Kind.TALLY
    if q.kind is QKind.VOTE:
        return Kind.FIXED
    return None


def implied_first_year(q: Quantity, published: datetime.date | None) -> int | None:
    """The first year a running count implies at its article's date, when it says one.

    >>> from factcheck.figures import parse_quantity
    >>> implied_first_year(parse_quantity("28th consecutive year"), datetime.date(2019, 11, 7))
    1992
    >>> implied_first_year(parse_quantity("since 1992"), None)
    1992
    """
    if q.kind is QKind.YEAR and q.qualifier == "since":
        return int(q.number)
    kind = series_kind(q)
    if kind in (Kind.ANNUAL, Kind.OCCURRENCES) and published is not None \
            and isinstance(q.number, int):
        return published.year - q.number + 1
    return None


def _stem(word: str) -> str:
    w = word.lower().replace("’", "'").removesuffix("'s").replace(".", "").replace("'", "")
    if w.endswith("ies") and len(w) > 5:
        return w[:-3] + "y"  # "countries" → "country"
    for suffix in _SUFFIXES:
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            return w[: -len(suffix)]
    return w


def _content(text: str) -> list[tuple[str, str]]:
    out = []
    for m in _WORD.finditer(text):
        word = m.group().lower().replace("’", "'").strip(".-'").removesuffix("'s")
        if word and word not in _STOP:
            stem = _stem(word)
            if len(stem) > 1:
                out.append((stem, re.sub(r"[^a-z0-9]+", "-", word).strip("-")))
    return out


def context_words(before: str, after: str) -> tuple[frozenset[str], str,
                                                    tuple[tuple[str, str], ...]]:
    """The stems nearest a figure (step 2), the noun right after it ("" when none), and
    the words the stems came from.

    >>> words, noun, _ = context_words("The assembly voted", " countries against the embargo")
    >>> sorted(words), noun
    (['assembly', 'country', 'embargo', 'vot'], 'country')
    """
    pairs = _content(before)[-WINDOW:] + _content(after)[:WINDOW]
    first = _WORD.match(after.lstrip(" -"))
    noun = ""
    if first and first.group().lower() not in _STOP and after[:1] in (" ", "-"):
        noun = _stem(first.group())
    return frozenset(s for s, _ in pairs), noun, tuple(sorted(set(pairs)))


def similarity(a: Candidate, b: Candidate) -> float:
    """How alike two figures' words are (step 3), 0–100.

    Symmetric: the word sets are compared in sorted order whichever figure comes first.
    """
    x, y = sorted((" ".join(sorted(a.words)), " ".join(sorted(b.words))))
    return float(fuzz.token_set_ratio(x, y))


def _figure(q: Quantity) -> tuple[object, ...]:
    """What makes two figures the same: a vote's for and against (whether or not the
    abstentions are given), else the quantity itself."""
    return (q.kind, q.number, q.other) if q.kind is QKind.VOTE else (q,)


def _may_link(a: Candidate, b: Candidate) -> bool:
    if a.kind is not b.kind:
        return False
    if a.kind is Kind.TALLY:
        return bool(a.noun) and a.noun == b.noun
    if a.kind is Kind.FIXED:
        same_year = (a.published is not None and b.published is not None
                     and a.published.year == b.published.year)
        return same_year or _figure(a.quantity) == _figure(b.quantity)
    return True


def _needed(a: Candidate, b: Candidate) -> tuple[int, float]:
    """The stems two figures must share and the score they must reach to be linked."""
    if a.kind is Kind.FIXED and _figure(a.quantity) == _figure(b.quantity):
        return 1, RELATED
    if a.first_year is not None and b.first_year is not None \
            and abs(a.first_year - b.first_year) <= NEAR_YEARS:
        return MIN_SHARED, RELATED
    return MIN_SHARED, SIMILAR


def _clash(members: Iterable[Candidate]) -> bool:
    """Two different counts (or votes) from one source: not one tally (or vote)."""
    seen: dict[str, Quantity] = {}
    return any(_figure(seen.setdefault(c.source, c.quantity)) != _figure(c.quantity)
               for c in members)


def group(candidates: Iterable[Candidate]) -> list[tuple[Kind, tuple[Candidate, ...]]]:
    """The groups of two or more figures that speak of the same count, in (kind, first
    member) order; each group's members in (source id, offset) order."""
    cands = sorted(candidates, key=lambda c: c.key)
    edges: list[tuple[float, tuple[str, int], tuple[str, int], int, int]] = []
    for i, a in enumerate(cands):
        for j in range(i + 1, len(cands)):
            b = cands[j]
            if not _may_link(a, b):
                continue
            shared, needed = _needed(a, b)
            if len(a.words & b.words) >= shared and (score := similarity(a, b)) >= needed:
                edges.append((-score, a.key, b.key, i, j))
    edges.sort()
    parent = list(range(len(cands)))
    members: dict[int, list[int]] = {i: [i] for i in range(len(cands))}

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for _, _, _, i, j in edges:
        ri, rj = find(i), find(j)
        if ri == rj:
            continue
        joined = members[ri] + members[rj]
        if cands[i].kind in (Kind.TALLY, Kind.FIXED) and _clash(cands[k] for k in joined):
            continue
        root, other = min(ri, rj), max(ri, rj)
        parent[other] = root
        members[root] = sorted(joined)
        del members[other]
    groups = [(cands[idx[0]].kind, tuple(cands[k] for k in idx))
              for idx in members.values() if len(idx) > 1]
    return sorted(groups, key=lambda g: (list(Kind).index(g[0]), g[1][0].key))


def common_words(members: Sequence[Candidate], n: int = 3) -> list[str]:
    """The words most members share, most shared first (ties alphabetical): a series' name.

    Each stem is spelled as the shortest word it came from ("votes", "voted" → "voted").
    """
    counts: dict[str, int] = {}
    spelled: dict[str, str] = {}
    for c in members:
        for w in c.words:
            counts[w] = counts.get(w, 0) + 1
        for stem, word in c.spelled:
            if stem not in spelled or (len(word), word) < (len(spelled[stem]), spelled[stem]):
                spelled[stem] = word
    top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:n]
    return [spelled.get(w, w) for w, _ in top]
