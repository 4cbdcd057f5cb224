"""Figures a draft leaves out unless asked (``extract --all``): they are rarely what a
fact-check reconciles, and they crowd out the counts that are.

* percentage: "9 percent", "10.9%", "4 per cent", "3 percentage points";
* money: a currency sign before ("$138 billion", "US$4.8 billion", "€2m") or a currency
  word after ("4.8 billion dollars", "200 euros");
* page: "page 6", "p. 4", "pp. 12";
* age: "aged 54", "age 54", "54 years old", and a bare number set off by commas after a
  name ("Ana Ferrer, 54, said");
* time: "10 a.m.", "18:30 GMT" (most are not read as figures at all).

>>> noise("down", " percent on a year earlier", "9")
'percentage'
>>> noise("had cost the island more than $", " over almost six decades", "138 billion")
'money'
>>> noise("said Ana Ferrer,", ", who has followed the vote", "54")
'age'
>>> noise("The assembly adopted it", " with Colombia abstaining", "187-3") is None
True
"""

from __future__ import annotations

import re

__all__ = ["noise"]

_CURRENCY_WORDS = (r"dollars?|euros?|pounds?(?:\s+sterling)?|pesos?|yuan|yen|rupees?|"
                   r"francs?|rubles?|roubles?|reais|real|won|usd|eur|gbp|cents?")
_PERCENT_AFTER = re.compile(r"^\s*(?:%|percent\b|per\s*cent\b|pct\b|percentage\s+points?\b)",
                            re.IGNORECASE)
_MONEY_BEFORE = re.compile(r"(?:[$€£¥₹₽]|\b(?:USD|EUR|GBP))\s*$")
_MONEY_AFTER = re.compile(r"^\s*(?:(?:million|billion|trillion|bn|m)\s+)?(?:" + _CURRENCY_WORDS
                          + r")\b", re.IGNORECASE)
_PAGE_BEFORE = re.compile(r"\b(?:page|pages|pg\.?|pp?\.)\s*$", re.IGNORECASE)
_AGE_BEFORE = re.compile(r"\b(?:aged|age|ages)\s*$", re.IGNORECASE)
_AGE_AFTER = re.compile(r"^[\s-]*(?:years?|yrs?)[\s-]+old\b", re.IGNORECASE)
_COMMA_AGE = (re.compile(r"[A-Z][\w.'’-]*,\s*$"), re.compile(r"^\s*,"))
_TIME_AFTER = re.compile(r"^\s*(?:a\.?m\.?|p\.?m\.?|o'clock|gmt|utc|hrs)\b|^:\d\d",
                         re.IGNORECASE)
_PLAIN_NUMBER = re.compile(r"^\d{1,3}$")
_MONEY_INSIDE = re.compile(r"[$€£¥₹₽]|\b(?:USD|EUR|GBP)\b")  # "more than $138 billion"


def noise(before: str, after: str, text: str) -> str | None:
    """What sort of noise a figure worded *text* is, between *before* and *after*; or None."""
    if _PERCENT_AFTER.search(after) or text.endswith("%"):
        return "percentage"
    if (_MONEY_BEFORE.search(before) or _MONEY_AFTER.search(after)
            or _MONEY_INSIDE.search(text)):
        return "money"
    if _PAGE_BEFORE.search(before):
        return "page"
    if _AGE_BEFORE.search(before) or _AGE_AFTER.search(after):
        return "age"
    if (_PLAIN_NUMBER.match(text) and int(text) <= 120 and _COMMA_AGE[0].search(before)
            and _COMMA_AGE[1].search(after)):
        return "age"
    if _TIME_AFTER.search(after):
        return "time"
    return None
