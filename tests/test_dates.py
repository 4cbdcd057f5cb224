"""Tests of factcheck.dates (date clues, relative windows, reference dates) and
factcheck.gaps (statements of skipped years)."""

from __future__ import annotations

import datetime

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from factcheck.dates import (
    WEEKDAYS,
    date_clues,
    reference_date_at,
    reference_dates,
    relative_window,
)
from factcheck.gaps import gap_statements

PUB = datetime.date(2025, 11, 20)  # a Thursday

# -- the clues other modules use keep working --------------------------------------------


def test_date_clues_and_relative_window_still_read() -> None:
    clues = date_clues("The law lapsed in 2022. A vote will follow in December.")
    assert [str(c) for c in clues] == [
        "not before 2022-01-01 (“law lapsed in 2022”)",
        "before December (“will follow in December”)",
    ]
    assert relative_window("adopted on Wednesday", datetime.date(2025, 11, 19)) == (
        datetime.date(2025, 11, 19), datetime.date(2025, 11, 25), "on Wednesday")


@pytest.mark.parametrize(("text", "clues"), [
    # a year opening the sentence is a clue like any other
    ("In 2022, the law lapsed.", ["not before 2022-01-01 (“In 2022”)"]),
    ("Since 2019, it has passed every year.", ["not before 2019-01-01 (“Since 2019”)"]),
    # a year the text looks forward to is no floor on its date
    ("The country aims to reach net zero in 2060.", []),
    ("The ban takes effect in 2027.", []),
    ("The treaty comes into force in 2027.", []),
    ("The plant is due to open in 2027.", []),
    ("It is expected to be completed in 2026.", []),
    ("The census is scheduled for 2030 and a review in 2031.", []),
    ("The agency plans to finish in 2028.", []),
    ("Work should be finished by December 2027.", []),
    ("Work should be finished by the end of 2027.", []),
    # a past year in the same text still counts
    ("The law, adopted by 187 votes in 2022, lapsed.",
     ["not before 2022-01-01 (“187 votes in 2022”)"]),
])
def test_date_clues_read_past_years_only(text: str, clues: list[str]) -> None:
    assert [str(c) for c in date_clues(text)] == clues


# -- reference_dates ---------------------------------------------------------------------

REFERENCE_CASES = [
    ("As of Oct. 1, 59 people had died.", "As of Oct. 1", "2025-10-01"),
    ("As of October 1, 2024, the toll was 59.", "As of October 1, 2024", "2024-10-01"),
    ("as of Oct. 1 last year, the toll was 59", "as of Oct. 1 last year", "2024-10-01"),
    ("as of Sept. 30 this year", "as of Sept. 30 this year", "2025-09-30"),
    ("The toll rose on Sunday.", "on Sunday", "2025-11-16"),
    ("The toll rose on Thursday.", "on Thursday", "2025-11-20"),
    ("The toll rose last Thursday.", "last Thursday", "2025-11-13"),
    ("As of Monday, 12 were missing.", "As of Monday", "2025-11-17"),
    ("Yesterday 4 more died.", "Yesterday", "2025-11-19"),
    ("Today the toll stands at 60.", "Today", "2025-11-20"),
    ("Births fell last year.", "last year", "2024"),
    ("Prices rose last month.", "last month", "2025-10-01 – 2025-10-31"),
    ("Prices rose this week.", "this week", "2025-11-17 – 2025-11-20"),
    ("Prices rose last week.", "last week", "2025-11-10 – 2025-11-16"),
    ("Sales rose this year.", "this year", "2025-01-01 – 2025-11-20"),
    ("On Nov. 12 the committee voted.", "On Nov. 12", "2025-11-12"),
    ("On Dec. 12 the assembly voted.", "On Dec. 12", "2024-12-12"),
    ("on 1 October the toll was 5", "on 1 October", "2025-10-01"),
    ("As of 2023, there were 5.", "As of 2023", "2023"),
    ("As of the end of 2023, there were 5.", "As of the end of 2023", "2023-12-31"),
    ("As of September 2025, there were 5.", "As of September 2025", "2025-09-01 – 2025-09-30"),
    ("As of the end of September 2025", "As of the end of September 2025", "2025-09-30"),
]


@pytest.mark.parametrize(("text", "phrase", "resolved"), REFERENCE_CASES,
                         ids=[c[1] for c in REFERENCE_CASES])
def test_reference_dates(text: str, phrase: str, resolved: str) -> None:
    (ref,) = reference_dates(text, PUB)
    assert (ref.text, str(ref.resolved)) == (phrase, resolved)
    assert text[ref.start : ref.end] == ref.text


def test_reference_dates_without_publication_date() -> None:
    refs = reference_dates("As of October 1, 2024, 59 had died on Sunday; as of 2023, 40.")
    assert [(r.text, None if r.resolved is None else str(r.resolved)) for r in refs] == [
        ("As of October 1, 2024", "2024-10-01"), ("on Sunday", None), ("as of 2023", "2023")]


def test_a_named_day_after_publication_is_not_resolved() -> None:
    (ref,) = reference_dates("As of December 1, 2025, 70 had died.", PUB)
    assert ref.resolved is None


@pytest.mark.parametrize("text", ["The 2019 report", "Monday's vote", "in October", "May 2024",
                                  "at 10:30 on the 12th", "He may 12 times", "Super Tuesday"])
def test_not_reference_dates(text: str) -> None:
    assert reference_dates(text, PUB) == ()


AT_CASES = [
    # (text, figure, the governing phrase or None)
    ("As of Oct. 1 last year, 59 people had died.", "59", "As of Oct. 1 last year"),
    ("Police said 59 people died on Sunday.", "59", "on Sunday"),
    ("Officials said Monday. As of Oct. 1, 59 people had died.", "59", "As of Oct. 1"),
    ("As of Oct. 1, the toll was 59. Another 12 were found.", "12", None),
    ("Yesterday 4 died; as of today, 60 have died.", "60", "as of today"),
    ("The U.S. said on Sunday that 12 died.", "12", "on Sunday"),
    ("As of Oct. 1, 59 people had died, and 12 more died on Sunday.", "12", "on Sunday"),
    ("As of Oct. 1, 59 people had died, and 12 more died on Sunday.", "59", "As of Oct. 1"),
    ("As of Monday, 59 had died in floods that began on Sunday.", "59", "As of Monday"),
    # a phrase after another figure dates that figure, not this one
    ("It passed for the 16th straight year, up from 120 votes last year.", "16th", None),
    ("It passed for the 16th straight year, up from 120 votes last year.", "120", "last year"),
    ("On Sunday it passed for the 16th year, up from 120 votes last year.", "16th",
     "On Sunday"),
]


@pytest.mark.parametrize(("text", "figure", "phrase"), AT_CASES, ids=[c[0] for c in AT_CASES])
def test_reference_date_at(text: str, figure: str, phrase: str | None) -> None:
    at = text.index(figure)
    ref = reference_date_at(text, at, at + len(figure), PUB)
    assert (ref.text if ref else None) == phrase
    if ref is not None:
        assert text[ref.start : ref.end] == ref.text


publications = st.dates(datetime.date(1990, 1, 1), datetime.date(2040, 12, 31))
MONTH_NAMES = ["January", "Feb.", "March", "Apr.", "May", "June", "July", "Aug.", "Sept.",
               "Oct.", "Nov.", "December"]


@st.composite
def reference_phrases(draw: st.DrawFn) -> str:
    form = draw(st.sampled_from(["weekday", "month-day", "word", "as-of-year"]))
    if form == "weekday":
        return draw(st.sampled_from(["on", "last", "as of"])) + " " + draw(
            st.sampled_from(WEEKDAYS)).title()
    if form == "month-day":
        rel = draw(st.sampled_from(["", " last year", " this year"]))
        return (f"as of {draw(st.sampled_from(MONTH_NAMES))} "
                f"{draw(st.integers(1, 28))}{rel}")
    if form == "word":
        return draw(st.sampled_from(["yesterday", "today", "last year", "last month",
                                     "this week", "last week", "this month", "this year"]))
    return f"as of {draw(st.integers(1990, 2040))}"


@given(publications, reference_phrases())
def test_law_resolved_reference_dates_are_never_after_publication(
    published: datetime.date, phrase: str
) -> None:
    refs = reference_dates(f"Officials said {phrase} that 59 people had died.", published)
    assert [r.text for r in refs] == [phrase]
    resolved = refs[0].resolved
    assume(resolved is not None)  # "as of 2040" in a 1995 article names no past date
    assert resolved.latest <= published
    if phrase.split()[-1].lower() in WEEKDAYS:
        assert resolved.is_day
        assert WEEKDAYS[resolved.earliest.weekday()] == phrase.split()[-1].lower()
        assert 0 <= (published - resolved.earliest).days <= 7


UNRELATED = [
    "The ministry gave no further details.",
    "Rescue teams from 12 countries have arrived.",
    "It was the worst flood in the region in decades.",
    "Dr. Smith, of the U.N. agency, said 5 teams were working.",
    "More than 40 aftershocks followed.",
]


@settings(max_examples=100)
@given(publications, reference_phrases(), st.lists(st.sampled_from(UNRELATED), max_size=3),
       st.lists(st.sampled_from(UNRELATED), max_size=3))
def test_law_unrelated_sentences_do_not_change_a_figures_reference_date(
    published: datetime.date, phrase: str, before: list[str], after: list[str]
) -> None:
    sentence = f"{phrase[0].upper()}{phrase[1:]}, the toll stood at 3,958."
    alone_at = sentence.index("3,958")
    alone = reference_date_at(sentence, alone_at, alone_at + 5, published)
    head = " ".join(before) + (" " if before else "")
    text = head + sentence + (" " if after else "") + " ".join(after)
    at = len(head) + alone_at
    got = reference_date_at(text, at, at + 5, published)
    assert alone is not None and got is not None
    assert (got.text, got.resolved) == (alone.text, alone.resolved)
    assert got.start == alone.start + len(head)


@settings(max_examples=100)
@given(publications, reference_phrases(), st.integers(2, 900),
       st.sampled_from(["16th straight year", "21 consecutive years", "187-3 vote"]))
def test_law_a_phrase_after_another_figure_does_not_date_this_one(
    published: datetime.date, phrase: str, other: int, figure: str
) -> None:
    text = f"It passed in a {figure}, up from {other} votes {phrase}."
    at = text.index(figure)
    assert reference_date_at(text, at, at + len(figure), published) is None
    at = text.index(f"from {other}") + len("from ")
    got = reference_date_at(text, at, at + len(str(other)), published)
    assert got is not None and got.text == phrase


# -- gap_statements ----------------------------------------------------------------------

GAP_CASES = [
    ("It has passed every year since 1992, interrupted only in 2020 by the pandemic.",
     "interrupted only in 2020", (2020,), None),
    ("The Assembly has voted every year since 1992 except 2020.", "except 2020", (2020,), None),
    ("It has met annually except in 2020 and 2021.", "except in 2020 and 2021",
     (2020, 2021), None),
    ("With the exception of 2020, it has met every year.", "With the exception of 2020",
     (2020,), None),
    ("No vote was held in 2020.", "No vote was held in 2020", (2020,), None),
    ("There was no vote in 2020 because of the pandemic.", "There was no vote in 2020",
     (2020,), None),
    ("The race was not held in 2020 or 2021.", "was not held in 2020 or 2021",
     (2020, 2021), None),
    ("The parade did not take place in 2020.", "did not take place in 2020", (2020,), None),
    ("The festival skipped 2020.", "skipped 2020", (2020,), None),
    ("The event was cancelled in 2020 because of the pandemic.", "cancelled in 2020",
     (2020,), None),
    ("The Games were called off in 1940 and 1944.", "called off in 1940 and 1944",
     (1940, 1944), None),
    ("The vote was skipped in 2020-2021.", "skipped in 2020-2021", (2020, 2021), None),
    ("It was held for the first time since 2019.", "first time since 2019", (), 2019),
    ("It was the first vote on the issue since 2019.", "first vote on the issue since 2019",
     (), 2019),
]


@pytest.mark.parametrize(("text", "phrase", "years", "since"), GAP_CASES,
                         ids=[c[1] for c in GAP_CASES])
def test_gap_statements(text: str, phrase: str, years: tuple[int, ...], since: int | None
                        ) -> None:
    (gap,) = gap_statements(text)
    assert (gap.text, gap.years, gap.since_year) == (phrase, years, since)
    assert text[gap.start : gap.end] == gap.text


@pytest.mark.parametrize("text", [
    "Every country except China voted for it.",
    "It was cancelled after 1,500 complaints.",
    "Apart from the 12 members, nobody came.",
    "Since 1992 the vote has been held every year.",
    "The vote was held in 2020.",
    "It skipped the 2019-20 season.",
    # a first of some other kind, not the event's first since a year
    "It was the first unanimous vote since 2019.",
    "It was the first recorded vote on the text since 2019.",
    "It was the first time since 2019 that leaders met.",
    "It was the first vote since 2019 when the United States voted no.",
    "For the first time since 2019, the United States voted against the resolution.",
    # an exception about someone's vote, not a year without the event
    "It has been adopted every year since 1992, except in 2020, when the US abstained.",
    "It has been adopted every year since 1992 except 2020 when Israel voted yes.",
])
def test_not_gap_statements(text: str) -> None:
    assert gap_statements(text) == ()


def test_an_exception_whose_clause_says_no_vote_is_still_a_gap() -> None:
    (gap,) = gap_statements("It has met every year except in 2020, when no vote was held.")
    assert (gap.text, gap.years) == ("except in 2020", (2020,))


GAP_CUES = ["except in", "except", "interrupted only in", "with the exception of",
            "no vote was held in", "was not held in", "skipped", "cancelled in"]


@settings(max_examples=100)
@given(st.sampled_from(GAP_CUES), st.sets(st.integers(1950, 2090), min_size=1, max_size=3),
       st.lists(st.sampled_from(UNRELATED), max_size=3),
       st.lists(st.sampled_from(UNRELATED), max_size=3))
def test_law_gap_years_are_the_years_stated(
    cue: str, years: set[int], before: list[str], after: list[str]
) -> None:
    """The years a gap names are the years written, whatever sentences stand around it."""
    ordered = sorted(years)
    listed = ordered[0] if len(ordered) == 1 else (
        ", ".join(map(str, ordered[:-1])) + f" and {ordered[-1]}")
    sentence = f"The event has been held every year, {cue} {listed}."
    text = " ".join([*before, sentence, *after])
    gaps = gap_statements(text)
    assert [g.years for g in gaps] == [tuple(ordered)]
    assert gaps[0].text == f"{cue} {listed}"
