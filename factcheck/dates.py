"""What an undated text reveals about its own date.

An article that mentions "January 2024" as something past was written in January 2024
or later; one that says a vote "will" come "in December" was written before December.
:func:`date_clues` finds such mentions; :func:`factcheck.dating.infer_dates` combines
them with what the article's counts imply.

Read as clues: a month and year ("in January 2024", "North Korea's January 2024
declaration", "November 12, 2025") or a year after *in*, *since* or *from* ("lapsed in
2022"), in a sentence that does not speak of the future before it (*will*, *next*,
*upcoming*, *scheduled*, *plans*, *expected*, *due*), bound the date from below; a month
without a year after such a future word ("will be sent … in December") bounds it from
above, within the year the other clues settle. Relative words ("last month", "on
Wednesday") need a date to count from and are not read.

>>> [str(c) for c in date_clues("The law lapsed in 2022. A vote will follow in December.")]
['not before 2022-01-01 (“law lapsed in 2022”)', 'before December (“will follow in December”)']
"""

from __future__ import annotations

import datetime
import re

import attrs

MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august",
          "september", "october", "november", "december")
_MONTH = r"(January|February|March|April|May|June|July|August|September|October|November|December)"
_FUTURE = re.compile(r"\b(will|shall|next|upcoming|scheduled|plans?|planned|expected|due|"
                     r"to be)\b", re.IGNORECASE)
_MONTH_YEAR = re.compile(_MONTH + r"(?:\s+(\d{1,2}),?)?\s+((?:19|20)\d\d)\b")
_PREP_YEAR = re.compile(r"\b(?:in|since|from)\s+((?:19|20)\d\d)\b(?![-–/]\d)")
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


def _sentence_start(text: str, at: int) -> int:
    starts = [m.end() for m in _SENTENCE_END.finditer(text, 0, at)]
    return starts[-1] if starts else 0


def _future(text: str, at: int) -> bool:
    return bool(_FUTURE.search(text, _sentence_start(text, at), at))


def _context(text: str, start: int, end: int) -> str:
    left = _sentence_start(text, start)
    words = text[left:start].split()[-2:]
    return " ".join([*words, text[start:end]]).strip()


def date_clues(text: str) -> tuple[DateClue, ...]:
    """Every mention in *text* that bounds the text's own date, in text order."""
    clues: list[DateClue] = []
    taken: list[tuple[int, int]] = []
    for m in _MONTH_YEAR.finditer(text):
        if _future(text, m.start()):
            continue
        month = MONTHS.index(m.group(1).lower()) + 1
        day = int(m.group(2)) if m.group(2) else 1
        try:
            earliest = datetime.date(int(m.group(3)), month, day)
        except ValueError:
            continue
        taken.append(m.span())
        clues.append(DateClue(m.start(), m.end(), _context(text, m.start(), m.end()), earliest))
    for m in _PREP_YEAR.finditer(text):
        if _future(text, m.start()) or any(a <= m.start(1) < b for a, b in taken):
            continue
        clues.append(DateClue(m.start(), m.end(), _context(text, m.start(), m.end()),
                              datetime.date(int(m.group(1)), 1, 1)))
    for m in _MONTH_ALONE.finditer(text):
        if not _future(text, m.start()):
            continue
        month = MONTHS.index(m.group(1).lower()) + 1
        if month == 1:
            continue  # "in January" from December means next year: no bound within the year
        clues.append(DateClue(m.start(), m.end(), _context(text, m.start(), m.end()),
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
