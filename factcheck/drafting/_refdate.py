"""The date a figure's sentence says it holds at, for a drafted claim's ``as_of``.

The one entry point is :func:`reference_date`; it stands in for
``factcheck.dates.reference_date_at(text, start, end, published)``, which another change
adds to :mod:`factcheck.dates`. When that lands, :func:`reference_date` becomes a call to
it and the patterns below go.

Read here, in the sentence around the figure (*before* and *after* it), the simplest forms:

* "as of <Month> <day>[, <year>]" (also "as of Oct. 1"): that day, in the year given,
  else in the article's year (the year before when the day would fall after the article);
* "yesterday": the day before the article;
* "on <weekday>" ("on Thursday"): the last such day on or before the article.

A form that needs the article's date gives nothing for an undated article.

>>> import datetime
>>> published = datetime.date(2019, 11, 8)           # a Friday
>>> reference_date("The assembly on Thursday condemned", "", published)
(datetime.date(2019, 11, 7), 'on Thursday')
>>> reference_date("Cases stood at", ", as of Oct. 1 last year", published)
(datetime.date(2019, 10, 1), 'as of Oct. 1')
>>> reference_date("It was adopted", " yesterday", published)
(datetime.date(2019, 11, 7), 'yesterday')
>>> reference_date("It was adopted", " on Thursday", None) is None
True
"""

from __future__ import annotations

import datetime
import re

__all__ = ["reference_date"]

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_AS_OF = re.compile(
    r"\bas of\s+(?P<month>jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)[a-z]*\.?\s+"
    r"(?P<day>\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+(?P<year>(?:19|20)\d\d)\b)?",
    re.IGNORECASE)
_ON_WEEKDAY = re.compile(r"\bon\s+(?P<day>" + "|".join(_WEEKDAYS) + r")\b", re.IGNORECASE)
_YESTERDAY = re.compile(r"\byesterday\b", re.IGNORECASE)


def reference_date(
    before: str, after: str, published: datetime.date | None
) -> tuple[datetime.date, str] | None:
    """The day the sentence's own words date the figure to, with those words; or None.

    *before* and *after* are the sentence's text on either side of the figure. The
    phrase nearest the figure wins, "as of" before the others.
    """
    if published is None:
        return None
    text = before + " " + after
    centre = len(before)
    found: list[tuple[int, int, datetime.date, str]] = []  # (rank, distance, day, words)
    for m in _AS_OF.finditer(text):
        day = _as_of(m, published)
        if day is not None:
            found.append((0, _distance(m, centre), day, " ".join(m.group().split())))
    for m in _YESTERDAY.finditer(text):
        found.append((1, _distance(m, centre), published - datetime.timedelta(1), m.group()))
    for m in _ON_WEEKDAY.finditer(text):
        back = (published.weekday() - _WEEKDAYS.index(m.group("day").lower())) % 7
        found.append((1, _distance(m, centre), published - datetime.timedelta(back),
                      " ".join(m.group().split())))
    if not found:
        return None
    _, _, day, words = min(found)
    return day, words


def _distance(m: re.Match[str], centre: int) -> int:
    return m.start() - centre if m.start() >= centre else centre - m.end()


def _as_of(m: re.Match[str], published: datetime.date) -> datetime.date | None:
    month = _MONTHS[m.group("month").lower()[:3]]
    year = int(m.group("year")) if m.group("year") else published.year
    try:
        day = datetime.date(year, month, int(m.group("day")))
    except ValueError:
        return None
    if m.group("year") is None and day > published:
        try:
            day = day.replace(year=year - 1)
        except ValueError:
            return None
    return day
