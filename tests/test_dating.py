"""Dating: when each claim holds, and undated sources dated from every clue."""

from __future__ import annotations

import datetime

from factcheck import Claim, Kind, Monotone, Quote, Series, Source, Span, Verdict, When, reconcile
from factcheck.dating import claim_dates, infer_dates
from factcheck.render.words import explain, inference_reasons, plain
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


def _dated_and_undated(undated_value: str) -> tuple[Series, list[Claim], dict[str, When]]:
    """'16th year' in a source of 2020, and *undated_value* in an undated source."""
    series = Series("years", Kind.ANNUAL)
    sources = {"dated": Source("dated", "x", published=D(2020, 6, 1)),
               "undated": Source("undated", "x")}
    claims = [Claim("a", "x", quotes=(Quote("dated", "x"),), series="years",
                    value=typed("16th year")),
              Claim("b", "x", quotes=(Quote("undated", "x"),), series="years",
                    value=typed(undated_value))]
    inferred = infer_dates(sources, [series], claims)
    return series, claims, claim_dates(claims, sources, inferred)


def test_a_source_dated_from_a_series_does_not_confirm_it() -> None:
    """'16th year' in 2020 and an undated '25th year': the undated source is dated 2029
    only by assuming the series agrees, so the two do not corroborate each other."""
    series, claims, when = _dated_and_undated("25th year")
    assert when["b"].span == Span.years(2029, 2029) and when["b"].series == ("years",)
    assert when["a"].series == ()
    origins = {"a": frozenset({"dated"}), "b": frozenset({"undated"})}
    f = reconcile(series, claims, when, origins)
    assert f.verdict is Verdict.UNCORROBORATED
    assert f.origins == ("dated",)
    assert "inferred from this series" in explain(f)
    assert reconcile(series, claims, when).verdict is Verdict.UNCORROBORATED


def test_a_year_in_an_undated_source_still_confirms_a_dated_count() -> None:
    """'since 2005' needs no date: its undated source stands behind the series."""
    series, claims, when = _dated_and_undated("since 2005")
    origins = {"a": frozenset({"dated"}), "b": frozenset({"undated"})}
    f = reconcile(series, claims, when, origins)
    assert f.verdict is Verdict.CONSISTENT and f.origins == ("dated", "undated")


def test_a_source_dated_from_a_series_takes_no_side_in_its_disagreement() -> None:
    """Two sources of 2020 say 2005, one says 2002; an undated '20th year' dated by the
    majority (2024) is no third voice for 2005."""
    series = Series("years", Kind.ANNUAL)
    sources = {s: Source(s, "x", published=D(2020, 6, 1)) for s in ("p", "q", "r")}
    sources["u"] = Source("u", "x")
    values = {"a": ("16th year", "p"), "c": ("16th year", "q"), "b": ("19th year", "r"),
              "u": ("20th year", "u")}
    claims = [Claim(cid, "x", quotes=(Quote(src, "x"),), series="years", value=typed(v))
              for cid, (v, src) in values.items()]
    when = claim_dates(claims, sources, infer_dates(sources, [series], claims))
    assert when["u"].span == Span.years(2024, 2024) and when["u"].series == ("years",)
    origins = {"a": frozenset({"p"}), "c": frozenset({"p"}), "b": frozenset({"r"}),
               "u": frozenset({"u"})}
    f = reconcile(series, claims, when, origins)
    assert f.verdict is Verdict.CONFLICT and f.conflicts == ("b",)
    disagree = next(r for r in f.reasons if r.kind == "disagree")
    assert disagree["majority"] == ("a", "c")
    assert not any(r.kind == "weight" for r in f.reasons)  # p against r: one origin each


def test_a_copy_is_dated_by_the_source_it_names_by_its_whole_publisher() -> None:
    """A copy that names "the guardian" follows The Guardian's article; one that only says
    "The minister" names no publisher, whatever the first word of one."""
    dated = Source("dated", "x", published=D(2024, 3, 1), publisher="The Guardian")
    naming = Source("naming", "As the guardian reported, the vote passed.")
    other = Source("other", "The minister said the vote passed.")
    sources = {s.id: s for s in (dated, naming, other)}
    copies = {"naming": ["dated"], "other": ["dated"]}
    inf = infer_dates(sources, [], [], copies)
    assert [r.kind for r in inf["naming"].reasons] == ["quotes_source"]
    assert inf["naming"].reasons[0]["name"] == "The Guardian"
    assert not any(r.kind == "quotes_source" for r in inf["other"].reasons)
