"""What an article says about years an annual event skipped.

"The Assembly has voted every year since 1992, except in 2020", "no vote was held in
2020", "the first time since 2019": such statements are facts about a series, as good as
any count. :func:`gap_statements` finds them; what they mean for a series (which years a
count skips) is the reasoning's job. Pure text reading: nothing here knows of claims.

>>> [(g.text, g.years) for g in gap_statements(
...     "It has passed every year since 1992, interrupted only in 2020 by the pandemic.")]
[('interrupted only in 2020', (2020,))]
>>> [(g.text, g.since_year) for g in gap_statements("It was the first vote since 2019.")]
[('first vote since 2019', 2019)]
"""

from __future__ import annotations

import re

import attrs

from factcheck.figures import find_quantities
from factcheck.values import Kind

__all__ = ["Gap", "gap_statements", "gaps_near"]

_NOUNS = (r"(?:vote|votes|ballot|resolution|event|edition|ceremony|meeting|summit|session|"
          r"tournament|race|election|contest|festival|parade|march|competition|award|awards|"
          r"debate|review|report|census|draw|final|games)")
_HELD = (r"(?:held|staged|run|played|contested|awarded|adopted|organi[sz]ed|taken|"
         r"put\s+to\s+a\s+vote)")
_CUES = re.compile(
    rf"""\b(?:
        interrupted(?:\s+only)?(?:\s+once)?
      | broken\s+only
      | (?:except|excepting|save)(?:\s+for)?
      | with\s+the\s+(?:sole\s+|only\s+)?exceptions?\s+of
      | apart\s+from
      | other\s+than
      | there\s+(?:was|were)\s+no\s+(?:\w+\s+){{0,2}}?{_NOUNS}
      | no\s+(?:\w+\s+){{0,2}}?{_NOUNS}\s+(?:was|were)\s+{_HELD}
      | no\s+{_NOUNS}
      | (?:was|were|is|are|had\s+been|has\s+been)\s+not\s+{_HELD}
      | (?:wasn't|weren't|isn't|aren't)\s+{_HELD}
      | did\s+not\s+take\s+place | didn't\s+take\s+place
      | skipped
      | (?:cancel(?:l)?ed|called\s+off|scrapped)
    )\b""",
    re.IGNORECASE | re.VERBOSE,
)
_BRIDGE = re.compile(
    r"[\s,]*(?:(?:only|once|just|in|during|for|the\s+year|the\s+years|of)\s*,?\s*)*",
    re.IGNORECASE,
)
_MORE = re.compile(r"\s*(?:,\s*)?(?:or|nor|and)\s+(?:in\s+)?", re.IGNORECASE)
# "the first vote since 2019", "the first time since 2019", "the first vote on the
# issue since 2019": the event's noun right after "first" (no adjective: "the first
# unanimous vote since 2019" says nothing of years without a vote)
_FIRST_SINCE = re.compile(
    rf"\bfirst\s+(?:time|{_NOUNS})(?:\s+(?:on|of|in|at|for)(?:\s+[\w'’-]+){{1,3}}?)?"
    r"\s+since\s+(?P<year>(?:1[89]|2[01])\d\d)\b(?![-–/]\d)",
    re.IGNORECASE,
)
# what the first is of follows in a clause: "the first time since 2019 that the US voted no"
_CLAUSE_AFTER = re.compile(r"\s*,?\s*(?:that|when|where|which|in\s+which|as)\b", re.IGNORECASE)
# "For the first time since 2019, the US voted no": what the first is of follows the comma
_FIRST_OPENS = re.compile(r"(?:^|[.!?]\s+|\n)\s*for\s+the\s+$", re.IGNORECASE)
# the cues that name an exception to a run, whatever it is about
_EXCEPTION = re.compile(r"except|save|with|apart|other", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?](?=\s|$)|\n")


@attrs.frozen
class Gap:
    """A statement that an annual event did not happen in some years.

    ``years`` are the years the text names ("except in 2020 and 2021": (2020, 2021));
    for "the first time since 2019" ``years`` is empty and ``since_year`` is 2019: the
    event did not happen from 2020 to the year before the text's own, which the caller
    knows and this reader does not.
    """

    start: int
    end: int
    text: str
    years: tuple[int, ...] = ()
    since_year: int | None = None


def _years_after(text: str, at: int) -> tuple[tuple[int, ...], int] | None:
    """The year, span or list of years that starts right after *at* (a few linking words
    such as "only in" may come between), and where it ends."""
    bridge = _BRIDGE.match(text, at)
    begin = bridge.end() if bridge else at
    window_end = _SENTENCE_END.search(text, begin)
    window = text[begin : window_end.start() if window_end else len(text)]
    years: list[int] = []
    at = last = 0
    for m in find_quantities(window):
        if m.start != at:
            break
        q = m.quantity
        if q.kind is Kind.YEAR and not q.qualifier:
            years.append(int(q.number))
        elif q.kind is Kind.YEARS and not q.season:
            years.extend(q.years)
        else:
            break
        at = last = m.end
        more = _MORE.match(window, at)  # "in 2020 or 2021": neither year
        if more is None:
            break
        at = more.end()
    if not years:
        return None
    return tuple(sorted(set(years))), begin + last


def gap_statements(text: str) -> tuple[Gap, ...]:
    """Every statement in *text* that an annual event skipped a year, in text order.

    Read: "interrupted (only) in 2020", "except (in) 2020", "every year since 1992 except
    2020", "with the exception of 2020", "apart from 2020", "no vote was held in 2020",
    "there was no vote in 2020", "no vote in 2020", "was not held in 2020", "did not take
    place in 2020", "skipped 2020", "cancelled in 2020 because of the pandemic", each
    with one year, a span ("2020-2021") or a list ("2020 and 2021") right after it; and
    "the first (time, vote, …) since 2019" (``since_year``). A cue without a year right
    after it ("except for China") is no gap. When unsure, no gap: "the first unanimous
    vote since 2019" (a first of another kind), "the first time since 2019 that the US
    voted no" and "For the first time since 2019, the US voted no" (the first is of what
    the clause says), "except in 2020, when the US abstained" (an exception to something
    else, unless the clause says the event did not happen: "…, when no vote was held").
    """
    found: list[Gap] = []
    for m in _CUES.finditer(text):
        got = _years_after(text, m.end())
        if got is None:
            continue
        years, end = got
        if _EXCEPTION.match(m.group()) and _CLAUSE_AFTER.match(text, end) and not _says_no_event(
            text, end
        ):
            continue  # "except in 2020, when the US abstained": an exception to something else
        found.append(Gap(m.start(), end, text[m.start() : end], years=years))
    for m in _FIRST_SINCE.finditer(text):
        if _CLAUSE_AFTER.match(text, m.end()):
            continue
        if _FIRST_OPENS.search(text, max(0, m.start() - 12), m.start()) and text[
            m.end() : m.end() + 1
        ] == ",":
            continue
        found.append(Gap(m.start(), m.end(), m.group(), since_year=int(m["year"])))
    found.sort(key=lambda g: (g.start, g.end))
    kept: list[Gap] = []
    for g in found:  # "no vote was held in 2020" also holds "no vote": keep the first
        if kept and g.start < kept[-1].end:
            continue
        kept.append(g)
    return tuple(kept)


def _says_no_event(text: str, at: int) -> bool:
    """The clause from *at* to the sentence's end says the event did not happen
    ("…, when no vote was held")."""
    stop = _SENTENCE_END.search(text, at)
    clause = text[at : stop.start() if stop else len(text)]
    return any(not _EXCEPTION.match(m.group()) for m in _CUES.finditer(clause))


def gaps_near(text: str, start: int, end: int) -> tuple[Gap, ...]:
    """The gap statements in the sentences that ``text[start:end]`` spans (offsets in *text*).

    >>> t = "It was the 29th vote. No vote was held in 2020. Others followed."
    >>> [g.years for g in gaps_near(t, t.index("No"), t.index("No") + 5)]
    [(2020,)]
    """
    low = max((m.end() for m in _SENTENCE_END.finditer(text, 0, start)), default=0)
    stop = _SENTENCE_END.search(text, end)
    high = stop.end() if stop else len(text)
    return tuple(attrs.evolve(g, start=g.start + low, end=g.end + low)
                 for g in gap_statements(text[low:high]))

