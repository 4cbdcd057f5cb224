"""What an undated text reveals about its own date.

An article that mentions "January 2024" as something past was written in January 2024
or later; one that says a vote "will" come "in December" was written before December.
:func:`date_clues` finds such mentions; :func:`factcheck.dating.infer_dates` combines
them with what the article's counts imply.

Read as clues: a month and year ("in January 2024", "North Korea's January 2024
declaration", "November 12, 2025") or a year after *in*, *since* or *from* ("lapsed in
2022", "In 2022, …"), in a sentence that does not look ahead before it (*will*, *next*,
*upcoming*, *scheduled*, *plans*, *expected*, *due*, *aims*, *takes effect*, …) and not
after *by* ("by December 2027"), bound the date from below; a month
without a year after such a future word ("will be sent … in December") bounds it from
above, within the year the other clues settle. Relative words ("last month", "on
Wednesday") need a date to count from and are not read.

>>> [str(c) for c in date_clues("The law lapsed in 2022. A vote will follow in December.")]
['not before 2022-01-01 (“law lapsed in 2022”)', 'before December (“will follow in December”)']
"""

from __future__ import annotations

import bisect
import datetime
import re

import attrs

from factcheck.figures import Sentences, find_quantities
from factcheck.figures._vocab import MONTH_ABBREVIATIONS, MONTHS
from factcheck.model import Span

__all__ = ["date_clues", "DateClue", "MONTHS", "reference_date_at", "reference_dates",
           "ReferenceDate", "relative_window", "WEEKDAYS"]

_MONTH = "(" + "|".join(m.title() for m in MONTHS) + ")"  # "January" … "December"
_FUTURE = re.compile(r"\b(will|shall|next|upcoming|scheduled|plans?|planned|expected|due|"
                     r"to be)\b", re.IGNORECASE)
# what makes a year one the text looks forward to, anywhere before it in its sentence
# ("aims to reach net zero in 2060", "takes effect in 2027"): no floor on the text's date
_AHEAD = re.compile(r"\b(?:will|shall|would|next|upcoming|scheduled|plans?|planned|planning|"
                    r"expected|expects?|due|to\s+be|aims?|aimed|aiming|intends?|targets?|"
                    r"(?:takes?|taking|comes?|coming|goes?|going)\s+(?:into\s+)?"
                    r"(?:effect|force)|set\s+to|going\s+to|seeks?\s+to|"
                    r"(?:pledged?|promised?|vowed?)\s+to)\b", re.IGNORECASE)
# a deadline: "by December 2027", "by the end of 2027"
_BY = re.compile(r"\bby\s+(?:(?:the\s+)?(?:end|middle|start|beginning)\s+of\s+|early\s+|"
                 r"mid-?\s*|late\s+)?$", re.IGNORECASE)
_MONTH_YEAR = re.compile(_MONTH + r"(?:\s+(\d{1,2}),?)?\s+((?:19|20)\d\d)\b")
_PREP_YEAR = re.compile(r"\b(?:in|since|from)\s+((?:19|20)\d\d)\b(?![-–/]\d)", re.IGNORECASE)
_MONTH_ALONE = re.compile(r"\bin\s+" + _MONTH + r"\b(?!\s+\d)")
_SENTENCE_END = re.compile(r"[.!?]\s|\n")


@attrs.frozen
class DateClue:
    """One mention that bounds a text's date: from below (``earliest``) or from above."""

    start: int
    end: int
    text: str  # the words around the mention, for the reason
    earliest: datetime.date | None = None
    before_month: int | None = None  # 1–12: the text is dated before this month

    def __str__(self) -> str:
        if self.earliest is not None:
            return f"not before {self.earliest.isoformat()} (“{self.text}”)"
        assert self.before_month is not None
        return f"before {MONTHS[self.before_month - 1].title()} (“{self.text}”)"


class _Starts:
    """Where each sentence of a text starts, found once: the sentence of any offset by
    bisection (a scan from the text's start for every mention was quadratic)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts = [0, *(m.end() for m in _SENTENCE_END.finditer(text))]

    def before(self, at: int) -> int:
        """The start of the sentence *at* is in: the end of the last stop ending by *at*."""
        return self.starts[bisect.bisect_right(self.starts, at) - 1]

    def future(self, at: int) -> bool:
        return bool(_FUTURE.search(self.text, self.before(at), at))

    def ahead(self, at: int) -> bool:
        """The year or date at *at* is one the text looks forward to, or may be: when
        unsure, no floor."""
        start = self.before(at)
        return bool(_AHEAD.search(self.text, start, at)
                    or _BY.search(self.text, max(start, at - 30), at))

    def context(self, start: int, end: int) -> str:
        words = self.text[self.before(start):start].split()[-2:]
        return " ".join([*words, self.text[start:end]]).strip()


def date_clues(text: str) -> tuple[DateClue, ...]:
    """Every mention in *text* that bounds the text's own date, in text order."""
    clues: list[DateClue] = []
    taken: set[int] = set()  # where the year of each month-and-year clue starts
    at = _Starts(text)
    for m in _MONTH_YEAR.finditer(text):
        if at.ahead(m.start()):
            continue
        month = MONTHS.index(m.group(1).lower()) + 1
        day = int(m.group(2)) if m.group(2) else 1
        try:
            earliest = datetime.date(int(m.group(3)), month, day)
        except ValueError:
            continue
        taken.add(m.start(3))
        clues.append(DateClue(m.start(), m.end(), at.context(m.start(), m.end()), earliest))
    for m in _PREP_YEAR.finditer(text):
        if at.ahead(m.start()) or m.start(1) in taken:
            continue
        clues.append(DateClue(m.start(), m.end(), at.context(m.start(), m.end()),
                              datetime.date(int(m.group(1)), 1, 1)))
    for m in _MONTH_ALONE.finditer(text):
        if not at.future(m.start()):
            continue
        month = MONTHS.index(m.group(1).lower()) + 1
        if month == 1:
            continue  # "in January" from December means next year: no bound within the year
        clues.append(DateClue(m.start(), m.end(), at.context(m.start(), m.end()),
                              before_month=month))
    return tuple(sorted(clues, key=lambda c: (c.start, c.end)))


WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_RELATIVE = re.compile(r"\b(next month|last month|yesterday|today|tomorrow|"
                       r"(?:next|last|on|this)?\s*(?:monday|tuesday|wednesday|thursday|"
                       r"friday|saturday|sunday))\b", re.IGNORECASE)


def _month_shift(day: datetime.date, k: int) -> tuple[datetime.date, datetime.date]:
    """The first and last day of the month k months from *day*'s."""
    index = day.year * 12 + day.month - 1 + k
    first = datetime.date(index // 12, index % 12 + 1, 1)
    following = datetime.date((index + 1) // 12, (index + 1) % 12 + 1, 1)
    return first, following - datetime.timedelta(1)


def relative_window(
    quote: str, event: datetime.date
) -> tuple[datetime.date, datetime.date, str] | None:
    """When a text was written, from a relative word in *quote* about an event dated *event*.

    "the plenary next month" about a plenary in December puts the text in November;
    "adopted on Wednesday" about a vote on Wednesday 19 November 2025 puts it within the
    six days after. Returns (earliest, latest, the words) or None when the quote has no
    such word (or names a weekday the event was not on).

    >>> relative_window("adopted the resolution on Wednesday", datetime.date(2025, 11, 19))
    (datetime.date(2025, 11, 19), datetime.date(2025, 11, 25), 'on Wednesday')
    >>> relative_window("will be reviewed at the plenary next month", datetime.date(2025, 12, 5))
    (datetime.date(2025, 11, 1), datetime.date(2025, 11, 30), 'next month')
    """
    m = _RELATIVE.search(quote)
    if m is None:
        return None
    try:
        return _window(quote, event, m)
    except (OverflowError, ValueError):
        return None  # a window past the calendar's last (or first) day tells nothing


def _window(quote: str, event: datetime.date,
            m: re.Match[str]) -> tuple[datetime.date, datetime.date, str] | None:
    words = " ".join(m.group(1).split())
    low = words.lower()
    day = datetime.timedelta(1)
    if low == "next month":
        first, last = _month_shift(event, -1)
    elif low == "last month":
        first, last = _month_shift(event, 1)
    elif low in ("yesterday", "today", "tomorrow"):
        shift = {"yesterday": 1, "today": 0, "tomorrow": -1}[low]
        first = last = event + shift * day
    else:
        name = low.split()[-1]
        if WEEKDAYS.index(name) != event.weekday():
            return None
        if low.startswith("next") or _FUTURE.search(quote, 0, m.start()):
            first, last = event - 6 * day, event - day  # an event still to come this week
        else:
            first, last = event, event + 6 * day  # an event of the past week
    return first, last, words


# -- reference dates: the date a count refers to ---------------------------------------

# a month's name or its abbreviation, with or without its dot: "October", "Oct.", "Sept"
_MONTH_NAME = "(?:" + "|".join(
    [m.title() for m in MONTHS]
    + [rf"{a.title()}\.?" for a in sorted(set(MONTH_ABBREVIATIONS) - set(MONTHS),
                                          key=lambda a: (MONTH_ABBREVIATIONS[a], -len(a)))]
) + ")"
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_DAY_FIRST = rf"(?P<d1>\d{{1,2}})\s+(?P<m1>{_MONTH_NAME})(?:,?\s+(?P<y1>\d{{4}}))?"
_MONTH_FIRST = (rf"(?P<m2>{_MONTH_NAME})\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?"
                rf"(?:,?\s+(?P<y2>\d{{4}}))?")
_YEAR_WORDS = r"(?:\s+(?P<rel>last|this|next)\s+year)?"
_REFERENCE = re.compile(
    rf"""(?P<asof>\b[Aa]s\s+of\s+)?(?:
        (?P<on>\b[Oo]n\s+)?(?:{_MONTH_FIRST}|{_DAY_FIRST})(?![\d:]){_YEAR_WORDS}
      | (?P<wdon>\b(?:[Oo]n\s+|[Ll]ast\s+)|(?<=[Aa]s\sof\s))(?P<wd>{_WEEKDAY})\b
      | (?P<word>\b(?:[Yy]esterday|[Tt]oday|[Ll]ast\s+(?:year|month|week)
                    |[Tt]his\s+(?:week|month|year)))\b
      | (?<=[Aa]s\sof\s)(?:(?:the\s+)?end\s+of\s+)?(?P<mon>{_MONTH_NAME})\s+(?P<my>\d{{4}})\b
      | (?<=[Aa]s\sof\s)(?P<endof>(?:the\s+)?end\s+of\s+)?(?P<year>(?:19|20)\d\d)\b(?![-–/]\d)
    )""",
    re.VERBOSE,
)


@attrs.frozen
class ReferenceDate:
    """A phrase that sets the date a figure refers to ("as of Oct. 1", "on Sunday").

    ``start`` and ``end`` are code-point offsets of ``text`` in the article; ``resolved``
    is the day (or wider span: "last month", "this week") it names, counted from the
    article's publication date, or ``None`` when no date was given or the phrase names a
    date after it.
    """

    start: int
    end: int
    text: str
    resolved: Span | None


def _month(name: str) -> int:
    return MONTH_ABBREVIATIONS[name.rstrip(".").lower()[:3]]


def _on_or_before(published: datetime.date, month: int, day: int,
                  year_shift: int | None) -> datetime.date | None:
    """*month*/*day* in the year *year_shift* from published's, or, when that is None,
    the most recent one not after *published*."""
    try:
        if year_shift is not None:
            return datetime.date(published.year + year_shift, month, day)
        this = datetime.date(published.year, month, day)
        return this if this <= published else datetime.date(published.year - 1, month, day)
    except ValueError:  # 30 February, or 29 February in a common year
        return None


def _resolve(m: re.Match[str], published: datetime.date) -> Span | None:  # noqa: C901
    g = m.groupdict()
    one = datetime.timedelta(1)
    if g["m1"] or g["m2"]:
        month, day = _month(g["m1"] or g["m2"]), int(g["d1"] or g["d2"])
        year = g["y1"] or g["y2"]
        if year:
            try:
                return Span.day(datetime.date(int(year), month, day))
            except ValueError:
                return None
        shift = {"last": -1, "this": 0, "next": 1}.get(g["rel"] or "")
        found = _on_or_before(published, month, day, shift)
        return None if found is None else Span.day(found)
    if g["wd"]:
        back = (published.weekday() - WEEKDAYS.index(g["wd"].lower())) % 7
        if g["wdon"].strip().lower() == "last" and back == 0:
            back = 7
        return Span.day(published - back * one)
    if g["word"]:
        word = " ".join(g["word"].lower().split())
        if word in ("yesterday", "today"):
            return Span.day(published - (one if word == "yesterday" else 0 * one))
        if word == "last year":
            return Span.year(published.year - 1)
        if word == "this year":
            return Span(datetime.date(published.year, 1, 1), published)
        if word in ("last month", "this month"):
            first, last = _month_shift(published, -1 if word == "last month" else 0)
            return Span(first, min(last, published))
        monday = published - published.weekday() * one
        if word == "this week":
            return Span(monday, published)
        return Span(monday - 7 * one, monday - one)  # last week
    if g["mon"]:
        first, last = _month_shift(datetime.date(int(g["my"]), _month(g["mon"]), 1), 0)
        return Span.day(last) if "end" in m.group() else Span(first, last)
    year = int(g["year"])
    if g["endof"]:
        return Span.day(datetime.date(year, 12, 31))
    return Span.year(year)


def reference_dates(text: str, published: datetime.date | None = None
                    ) -> tuple[ReferenceDate, ...]:
    """Every phrase in *text* that dates what a figure refers to, in text order.

    Read: "as of <date>" ("as of Oct. 1", "as of October 1, 2024", "as of Oct. 1 last
    year", "as of 2023", "as of the end of 2023"), "on <weekday>" and "last <weekday>"
    (the most recent such day on or before *published*), "yesterday", "today", "last
    year", "last month", "last week", "this week", "this month", "this year", and a
    month and day with or without a year ("on Oct. 1": the most recent 1 October not after
    *published*). Resolved spans are never after *published*: a phrase naming a later day
    is kept with ``resolved=None``, and a span running past it ends on it.

    >>> pub = datetime.date(2025, 11, 20)
    >>> [(r.text, str(r.resolved)) for r in reference_dates(
    ...     "As of Oct. 1 last year, 59 had died; 12 more died on Sunday.", pub)]
    [('As of Oct. 1 last year', '2024-10-01'), ('on Sunday', '2025-11-16')]
    """
    found: list[ReferenceDate] = []
    for m in _REFERENCE.finditer(text):
        resolved = _resolve(m, published) if published is not None else None
        if m["year"] and published is None:
            resolved = (Span.day(datetime.date(int(m["year"]), 12, 31)) if m["endof"]
                        else Span.year(int(m["year"])))
        if (m["y1"] or m["y2"]) and published is None:
            resolved = _resolve(m, datetime.date(2999, 12, 31))
        if resolved is not None and published is not None:
            if resolved.earliest > published:
                resolved = None  # a date still to come is no date a count refers to
            elif resolved.latest > published:
                resolved = Span(resolved.earliest, published)  # "as of 2025" in Nov. 2025
        found.append(ReferenceDate(m.start(), m.end(), m.group(), resolved))
    return tuple(found)


def reference_date_at(text: str, start: int, end: int, published: datetime.date | None = None,
                      *, sentences: Sentences | None = None) -> ReferenceDate | None:
    """The reference-date phrase governing the figure at ``text[start:end]``, or None.

    It is in the figure's sentence: the nearer of the last one before the figure and the
    first one just after it (within 60 characters: "12 more died on Sunday", but not past
    another figure: in "the 16th year, up from 120 votes last year", "last year" dates
    the 120); on a tie, the one before. *sentences* are *text*'s, when the caller reads
    many figures of one text (found once, not once per figure).

    >>> text = "Officials said Monday. As of Oct. 1, 59 people had died."
    >>> reference_date_at(text, text.index("59"), text.index("59") + 2,
    ...                   datetime.date(2025, 11, 20)).text
    'As of Oct. 1'
    """
    bounds = (sentences or Sentences(text)).bounds(start)
    low, high = bounds if bounds is not None else (0, len(text))
    candidates = [r for r in reference_dates(text[low:high], published)
                  if not (r.start < end - low and start - low < r.end)]
    before = [(start - low - r.end, 0, r) for r in candidates if r.end <= start - low]
    after = [(r.start - (end - low), 1, r) for r in candidates
             if r.start >= end - low and r.start - (end - low) <= 60]
    if after:  # "the 16th year, up from 120 votes last year": "last year" dates the 120
        stop = after[0][2].start
        if any(end - low <= m.start and m.end <= stop for m in find_quantities(text[low:high])):
            after = []
    if not before and not after:
        return None
    # the nearer of the last one before and the first one after; before wins a tie
    best = min(before[-1:] + after[:1], key=lambda c: (c[0], c[1]))[2]
    return attrs.evolve(best, start=best.start + low, end=best.end + low)
