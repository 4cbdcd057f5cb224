"""Dating: when each claim holds, and undated sources dated from every clue."""

from __future__ import annotations

import datetime

from factcheck import Claim, Kind, Monotone, Quote, Series, Source, Span
from factcheck.dating import claim_dates, infer_dates
from factcheck.render.words import inference_reasons, plain
from tests.strategies import typed

D = datetime.date


def _case(series: Series, values: dict[str, tuple[str, str]],
          sources: list[Source]) -> dict[str, object]:
    claims = [Claim(cid, "x", quotes=(Quote(src, "x"),), series=series.id, value=typed(value))
              for cid, (value, src) in values.items()]
    return infer_dates({s.id: s for s in sources}, [series], claims)  # type: ignore[return-value]


def test_an_occurrence_count_dates_an_undated_source() -> None:
    """'The 7th time', after six listed occurrences up to 2019: not before 2020."""
    series = Series("titles", Kind.OCCURRENCES)
    sources = [Source("dated", "x", published=D(2019, 12, 1)), Source("undated", "x")]
    inf = _case(series, {"listed": ("2012-2013 and 2016-2019", "dated"),
                         "seventh": ("7th time", "undated"),
                         "eighth": ("8th time", "dated2")},
                sources + [Source("dated2", "x", published=D(2021, 12, 1))])["undated"]
    assert inf.span == Span.years(2020, 2020)  # type: ignore[attr-defined]
    assert "after the occurrence of 2019" in plain(inference_reasons(inf)[0])  # type: ignore[arg-type]


def test_a_figure_of_a_growing_tally_lies_between_its_neighbours() -> None:
    series = Series("toll", Kind.TALLY, monotone=Monotone.INCREASING)
    sources = [Source("early", "x", published=D(2023, 9, 11)),
               Source("late", "x", published=D(2023, 9, 20)), Source("undated", "x")]
    inf = _case(series, {"a": ("2,000", "early"), "b": ("11,300", "late"),
                         "c": ("5,100", "undated")}, sources)["undated"]
    assert inf.span == Span(D(2023, 9, 11), D(2023, 9, 20))  # type: ignore[attr-defined]


def test_a_disagreeing_series_dates_by_what_most_dated_claims_say() -> None:
    series = Series("years", Kind.ANNUAL)
    sources = [Source("a", "x", published=D(2025, 11, 19)),
               Source("b", "x", published=D(2024, 11, 19)),
               Source("c", "x", published=D(2025, 11, 20)), Source("undated", "x")]
    inf = _case(series, {"a": ("21 straight years", "a"), "b": ("20th year", "b"),
                         "c": ("19th year", "c"), "u": ("16th year", "undated")},
                sources)["undated"]
    assert inf.span == Span.years(2020, 2020)  # type: ignore[attr-defined]
    assert "as most of its dated claims say" in plain(inference_reasons(inf)[0])  # type: ignore[arg-type]


def test_a_hand_set_as_of_wins_and_keeps_its_date() -> None:
    claim = Claim("c", "x", quotes=(Quote("s", "x"),), as_of=Span.day(D(2025, 11, 19)))
    when = claim_dates([claim], {"s": Source("s", "x", published=D(2025, 11, 20))})
    assert when["c"].span == Span.day(D(2025, 11, 19)) and not when["c"].inferred
