"""Reconciliation: verdicts, reasons, and the laws they obey."""

from __future__ import annotations

import datetime

from hypothesis import assume, given
from hypothesis import strategies as st

from factcheck import Claim, Kind, Monotone, Series, Span, Verdict, When, reconcile
from factcheck.render.words import explain, inference_reasons, inference_words, plain, sentence
from tests.strategies import (
    ANNUAL,
    agreeing_annual,
    annual_any,
    annual_claim,
    figure,
    ordinal,
    typed,
)

D = datetime.date


def claim(cid: str, value: str, series: str = "s", **kw: object) -> Claim:
    if isinstance(kw.get("years"), str):
        kw["years_wording"] = kw["years"]
        kw["years"] = figure(kw["years"])  # type: ignore[arg-type]
    return Claim(cid, f"statement {cid}", series=series, value=typed(value),  # type: ignore[arg-type]
                 wording=value, **kw)


def day(y: int, m: int = 6, d: int = 1) -> When:
    return When(Span.day(D(y, m, d)))


# -- annual ----------------------------------------------------------------------------


def test_annual_counts_read_at_their_dates_agree_on_2005() -> None:
    claims = [
        claim("a", "16th year", "years"),
        claim("b", "20th consecutive year", "years"),
        claim("c", "21 straight years", "years"),
        claim("d", "since 2005", "years"),
    ]
    when = {"a": day(2020), "b": day(2024), "c": day(2025)}
    f = reconcile(ANNUAL, claims, when)
    assert f.verdict is Verdict.CONSISTENT
    assert (f.first_year.low, f.first_year.high) == (2005, 2005)  # type: ignore[union-attr]
    assert "2005" in explain(f) and "`a`" in explain(f)


def test_a_19th_year_in_2025_is_a_conflict_with_its_reason() -> None:
    claims = [
        claim("a", "16th year", "years"),
        claim("b", "21 straight years", "years"),
        claim("bad", "19th year", "years"),
    ]
    when = {"a": day(2020), "b": day(2025), "bad": day(2025)}
    f = reconcile(ANNUAL, claims, when)
    assert f.verdict is Verdict.CONFLICT
    assert f.conflicts == ("bad",)
    assert "`bad` implies a first year of 2007" in explain(f)
    assert "2005" in explain(f)


def test_undated_annual_claim_is_left_out_and_said_so() -> None:
    f = reconcile(ANNUAL, [claim("a", "16th year", "years"), claim("b", "since 2005", "years")], {})
    assert f.verdict is Verdict.CONSISTENT
    assert "Left out" not in explain(f) or "`a`" in explain(f)
    assert any(r.left_out for r in f.readings)


# -- tally -----------------------------------------------------------------------------

TALLY = Series("s", Kind.TALLY, monotone=Monotone.INCREASING)


def test_growing_cosponsors_are_growth_not_conflict() -> None:
    claims = [claim("first", "41"), claim("later", "61"), claim("approx", "more than 60")]
    when = {"first": day(2025, 11, 12), "later": day(2025, 11, 19), "approx": day(2025, 11, 19)}
    f = reconcile(TALLY, claims, when)
    assert f.verdict is Verdict.CONSISTENT
    assert "growth" in explain(f)


def test_later_lower_figure_is_a_downward_revision() -> None:
    claims = [claim("a", "60"), claim("b", "35")]
    f = reconcile(TALLY, claims, {"a": day(2025, 1, 1), "b": day(2025, 1, 3)})
    assert f.verdict is Verdict.CONSISTENT_IF
    assert "revised downward" in explain(f)
    assert "60" in plain(sentence(f.assumptions[0])) and "35" in plain(sentence(f.assumptions[0]))


def test_same_day_different_figures_conflict_with_both_quoted() -> None:
    f = reconcile(Series("s", Kind.TALLY), [claim("a", "41"), claim("b", "61")],
                  {"a": day(2025), "b": day(2025)})
    assert f.verdict is Verdict.CONFLICT
    assert "41" in explain(f) and "61" in explain(f)


# -- status ----------------------------------------------------------------------------

STATUS = Series("s", Kind.STATUS)


def test_status_change_over_time_is_a_history() -> None:
    claims = [claim("no", "not a co-sponsor"), claim("yes", "co-sponsor")]
    f = reconcile(STATUS, claims, {"no": day(2025, 11, 12), "yes": day(2025, 11, 19)})
    assert f.verdict is Verdict.CONSISTENT
    assert "history" in explain(f)


def test_two_values_for_the_same_moment_conflict() -> None:
    claims = [claim("no", "not a co-sponsor"), claim("yes", "co-sponsor")]
    f = reconcile(STATUS, claims, {"no": day(2025, 11, 12), "yes": day(2025, 11, 12)})
    assert f.verdict is Verdict.CONFLICT


def test_year_spans_and_an_approximate_decade() -> None:
    claims = [
        claim("y", "co-sponsor", years="2008-2018"),
        claim("n", "not a co-sponsor", years="2019-22"),
        claim("decade", "co-sponsor", years="a decade", until=2018),
    ]
    f = reconcile(STATUS, claims, {})
    assert f.verdict is Verdict.CONSISTENT
    assert "approximate agreement" in explain(f).lower()


def test_overlapping_year_spans_with_different_values_conflict() -> None:
    claims = [claim("y", "co-sponsor", years="2008-2019"),
              claim("n", "not a co-sponsor", years="2019-2022")]
    f = reconcile(STATUS, claims, {})
    assert f.verdict is Verdict.CONFLICT
    assert set(f.conflicts) == {"y", "n"}


# -- occurrences and fixed -------------------------------------------------------------

OCC = Series("s", Kind.OCCURRENCES)


def test_seventh_time_matches_listed_years_plus_its_own() -> None:
    claims = [claim("n", "7th time"), claim("list", "2012-2013 and 2016-2019")]
    f = reconcile(OCC, claims, {"n": When(Span.year(2020), inferred=True)})
    assert f.verdict is Verdict.CONSISTENT
    assert "number 7" in explain(f)


def test_too_many_listed_occurrences_conflict() -> None:
    claims = [claim("n", "5th time"), claim("list", "2012-2013 and 2016-2019")]
    f = reconcile(OCC, claims, {"n": day(2020)})
    assert f.verdict is Verdict.CONFLICT


def test_too_few_listed_occurrences_is_consistent_if() -> None:
    claims = [claim("n", "9th time"), claim("list", "2012-2013 and 2016-2019")]
    f = reconcile(OCC, claims, {"n": day(2020)})
    assert f.verdict is Verdict.CONSISTENT_IF
    assert f.assumptions


def test_fixed_values_must_agree() -> None:
    fixed = Series("s", Kind.FIXED)
    assert reconcile(fixed, [claim("a", "2004"), claim("b", "2004")], {}).verdict is \
        Verdict.CONSISTENT
    f = reconcile(fixed, [claim("a", "2004"), claim("b", "2004"), claim("c", "2005")], {})
    assert f.verdict is Verdict.CONFLICT and f.conflicts == ("c",)


# -- laws ------------------------------------------------------------------------------


@given(annual_any(), st.randoms(use_true_random=False))
def test_input_order_never_changes_a_verdict(data: tuple[list[Claim], dict[str, When]],
                                             rnd: object) -> None:
    """reconcile(s, claims) == reconcile(s, shuffled(claims)) for every series."""
    claims, when = data
    shuffled = list(claims)
    rnd.shuffle(shuffled)  # type: ignore[attr-defined]
    assert reconcile(ANNUAL, claims, when) == reconcile(ANNUAL, shuffled, when)


@given(agreeing_annual(), st.integers(-50, 50))
def test_shifting_every_date_by_k_shifts_the_first_year_by_k(
        data: tuple[int, list[Claim], dict[str, When]], k: int) -> None:
    """Moving every date (and every stated year) k years later moves the first year by k."""
    first, claims, when = data
    shifted_claims = [
        Claim(c.id, c.statement, series=c.series,
              value=typed(f"since {first + k}") if c.wording.startswith("since") else c.value)
        for c in claims
    ]
    shifted_when = {cid: When(w.span.shift_years(k), w.inferred) for cid, w in when.items()}
    a = reconcile(ANNUAL, claims, when)
    b = reconcile(ANNUAL, shifted_claims, shifted_when)
    expected = Verdict.CONSISTENT if len(claims) > 1 else Verdict.UNCHECKED
    assert a.verdict is b.verdict is expected
    assert a.first_year is not None and b.first_year is not None
    assert (b.first_year.low, b.first_year.high) == (a.first_year.low + k, a.first_year.high + k)


@given(agreeing_annual(), st.data())
def test_adding_an_agreeing_claim_never_creates_a_conflict(
        data: tuple[int, list[Claim], dict[str, When]], more: st.DataObject) -> None:
    """A consistent series plus a claim implying the same first year stays consistent."""
    first, claims, when = data
    extra, w = more.draw(annual_claim(first, 999))
    f = reconcile(ANNUAL, [*claims, extra], {**when, extra.id: w} if w else when)
    assert f.verdict is Verdict.CONSISTENT
    assert f.first_year is not None and first in f.first_year


@given(agreeing_annual(), st.data())
def test_removing_a_claim_never_creates_a_conflict(
        data: tuple[int, list[Claim], dict[str, When]], more: st.DataObject) -> None:
    """If a series is consistent, every non-empty subset of its claims is consistent too."""
    _, claims, when = data
    assume(len(claims) >= 2)
    assert reconcile(ANNUAL, claims, when).verdict is Verdict.CONSISTENT
    drop = more.draw(st.sampled_from(claims))
    rest = [c for c in claims if c is not drop]
    expected = Verdict.CONSISTENT if len(rest) > 1 else Verdict.UNCHECKED
    assert reconcile(ANNUAL, rest, when).verdict is expected


def test_a_series_with_nothing_to_compare_is_unchecked() -> None:
    for kind in Kind:
        f = reconcile(Series("s", kind), [], {})
        assert f.verdict is Verdict.UNCHECKED, kind
        assert explain(f).startswith("Nothing to compare") or "nothing to compare" in \
            explain(f)


APPROX = ["{v}", "more than {below}", "at least {v}", "about {v}", "nearly {above}",
          "fewer than {above}", "at most {v}", "over {below}"]


@given(st.integers(20, 10_000), st.lists(st.sampled_from(APPROX), min_size=1, max_size=6))
def test_intervals_holding_the_true_value_are_consistent(true: int, forms: list[str]) -> None:
    """Figures worded approximately but each allowing the true value agree at one moment."""
    claims = [claim(f"c{i}", f.format(v=true, below=true - 1, above=true + 1))
              for i, f in enumerate(forms)]
    when = {c.id: day(2025) for c in claims}
    f = reconcile(Series("s", Kind.TALLY), claims, when)
    assert f.verdict is (Verdict.CONSISTENT if len(claims) > 1 else Verdict.UNCHECKED), explain(f)


@given(st.lists(st.integers(0, 5000), min_size=1, max_size=10), st.randoms(use_true_random=False))
def test_monotone_series_consistent_under_any_interleaving(values: list[int], rnd: object) -> None:
    """Increasing values, dated in increasing order and listed in any order, are consistent."""
    values = sorted(values)
    claims = [claim(f"c{i}", str(v)) for i, v in enumerate(values)]
    when = {c.id: When(Span.day(D(2025, 1, 1) + datetime.timedelta(days=i)))
            for i, c in enumerate(claims)}
    rnd.shuffle(claims)  # type: ignore[attr-defined]
    expected = Verdict.CONSISTENT if len(claims) > 1 else Verdict.UNCHECKED
    assert reconcile(TALLY, claims, when).verdict is expected


def test_ordinal_helper() -> None:
    assert [ordinal(n) for n in (1, 2, 3, 4, 11, 12, 13, 21, 22, 101, 111)] == [
        "1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "101st", "111th"]


# -- explanations (issue: reconciliation that explains itself) --------------------------


def test_one_skipped_year_makes_counts_consistent_if_and_names_the_span() -> None:
    """'12 years' in 2010 and 'the 15th year' in 2014: consistent if a year was skipped."""
    claims = [claim("twelve", "12 years", "years"), claim("fifteenth", "15th year", "years")]
    f = reconcile(ANNUAL, claims, {"twelve": day(2010), "fifteenth": day(2014)})
    assert f.verdict is Verdict.CONSISTENT_IF
    (assumption,) = f.assumptions
    assert "1 year without the event in 2011–2013" in plain(sentence(assumption))
    assert "1999" in explain(f)


def test_a_second_body_counting_from_two_years_earlier_is_named() -> None:
    claims = [
        claim("a", "16th year", "years"),
        claim("b", "21 straight years", "years"),
        claim("council", "23rd consecutive year", "years"),
    ]
    when = {"a": day(2020), "b": day(2025), "council": day(2025)}
    f = reconcile(ANNUAL, claims, when)
    assert f.verdict is Verdict.CONFLICT
    assert f.conflicts == ("council",)
    assert "fits a first year of 2003, 2 years before the others' 2005" in explain(f)
    assert "another body" in explain(f)


def test_disagreement_weighs_independent_origins() -> None:
    claims = [claim("a", "16th year", "years"), claim("b", "21 straight years", "years"),
              claim("c", "19th year", "years")]
    when = {"a": day(2020), "b": day(2025), "c": day(2025)}
    origins = {"a": frozenset({"x"}), "b": frozenset({"y"}), "c": frozenset({"z"})}
    f = reconcile(ANNUAL, claims, when, origins)
    assert "rest on 2 independent origins, `c` on 1 independent origin" in explain(f)
    same = {"a": frozenset({"x"}), "b": frozenset({"x"}), "c": frozenset({"z"})}
    assert "Weight" not in explain(reconcile(ANNUAL, claims, when, same))


def test_toll_rising_with_approximate_wording_is_consistent() -> None:
    values = ["at least 40", "43", "more than 45", "47"]
    claims = [claim(f"t{i}", v) for i, v in enumerate(values)]
    when = {f"t{i}": day(2025, 3, 1 + i) for i in range(4)}
    assert reconcile(TALLY, claims, when).verdict is Verdict.CONSISTENT


def test_round_figure_against_a_precise_one_is_rounding() -> None:
    f = reconcile(Series("s", Kind.TALLY), [claim("a", "60"), claim("b", "61")],
                  {"a": day(2025), "b": day(2025)})
    assert f.verdict is Verdict.CONSISTENT_IF
    assert "60 is 61 rounded to the nearest ten" in explain(f)


def test_same_moment_vote_tallies_that_differ_conflict_quoting_both() -> None:
    fixed = Series("vote", Kind.FIXED)
    f = reconcile(fixed, [claim("a", "335-37 vote"), claim("b", "333-37 vote")], {})
    assert f.verdict is Verdict.CONFLICT
    assert "335-37" in explain(f) and "333-37" in explain(f)


# -- dates of undated sources ---------------------------------------------------------

from factcheck.dates import date_clues  # noqa: E402
from factcheck.dating import infer_dates  # noqa: E402


def test_text_mentions_bound_an_undated_source() -> None:
    clues = [str(c) for c in date_clues(
        "It lapsed in August 2022. Pyongyang's January 2024 declaration. "
        "The vote will be held in December. It plans to act in 2031.")]
    assert clues == [
        "not before 2022-08-01 (“lapsed in August 2022”)",
        "not before 2024-01-01 (“Pyongyang's January 2024”)",
        "before December (“be held in December”)",
    ]


def _undated_case(body: str) -> dict[str, object]:
    from factcheck import Quote, Source

    sources = {
        "dated": Source("dated", "x", published=D(2025, 11, 19)),
        "undated": Source("undated", body),
    }
    claims = [
        Claim("c21", "x", quotes=(Quote("dated", "x"),), series="years",
              value=typed("21 straight years")),
        Claim("c20", "x", quotes=(Quote("undated", "x"),), series="years",
              value=typed("20th consecutive year")),
    ]
    return infer_dates(sources, [ANNUAL], claims)  # type: ignore[return-value]


def test_counts_and_mentions_narrow_the_date() -> None:
    inf = _undated_case("Announced in January 2024. It will go to a vote in December, "
                        "when it passes.")["undated"]
    assert inference_words(inf) == "undated, inferred 2024 (2024-01-01 to 2024-11-30)"  # type: ignore[arg-type]


def test_a_mention_after_the_counted_year_is_a_conflict() -> None:
    inf = _undated_case("It was announced in March 2025.")["undated"]
    assert inf.conflict and inf.span is None  # type: ignore[attr-defined]
    assert "no date" in plain(inference_reasons(inf)[-1])  # type: ignore[arg-type]


# -- laws over every kind ---------------------------------------------------------------

from tests.strategies import any_series  # noqa: E402


@given(any_series(), st.randoms(use_true_random=False))
def test_order_never_changes_a_finding_of_any_kind(
        data: tuple[Series, list[Claim], dict[str, When]], rnd: object) -> None:
    """For every kind, reconcile(series, claims) does not depend on the claims' order."""
    series, claims, when = data
    shuffled = list(claims)
    rnd.shuffle(shuffled)  # type: ignore[attr-defined]
    assert reconcile(series, claims, when) == reconcile(series, shuffled, when)


@given(any_series(), st.data())
def test_removing_a_claim_never_creates_a_conflict_of_any_kind(
        data: tuple[Series, list[Claim], dict[str, When]], more: st.DataObject) -> None:
    """For every kind: if claims agree outright, no subset of them is in conflict.

    Not so under an assumption: a "consistent if" may rest on the claim removed (the
    skipped-year reading needs two exactly dated counts; with one of them gone, what
    remains of the disagreement is a conflict).
    """
    series, claims, when = data
    assume(reconcile(series, claims, when).verdict not in (Verdict.CONFLICT,
                                                           Verdict.CONSISTENT_IF))
    drop = more.draw(st.sampled_from(claims))
    rest = [c for c in claims if c is not drop]
    assert reconcile(series, rest, when).verdict is not Verdict.CONFLICT


def test_relative_words_about_a_dated_event_place_the_text() -> None:
    from factcheck import Quote, Source

    wire = Source("wire", "Shared wire text. (Yonhap)", publisher="Yonhap",
                  published=D(2025, 11, 20))
    body = ("The committee adopted it on Wednesday, Yonhap said. The plenary will review it "
            "next month.")
    copy = Source("copy", body)
    claims = [
        Claim("vote", "x", quotes=(Quote("copy", "adopted it on Wednesday"),),
              as_of=Span.day(D(2025, 11, 19))),
        Claim("plenary", "x", quotes=(Quote("copy", "will review it next month"),),
              as_of=Span.day(D(2025, 12, 10))),
    ]
    sources = {"wire": wire, "copy": copy}
    inf = infer_dates(sources, [], claims, {"copy": ["wire"], "wire": ["copy"]})["copy"]
    assert inf.span == Span(D(2025, 11, 20), D(2025, 11, 25))
    joined = " ".join(plain(r) for r in inference_reasons(inf))
    assert "“on Wednesday”" in joined and "“next month”" in joined
    assert "names Yonhap" in joined
    # a weekday the event was not on tells nothing
    wrong = [Claim("vote", "x", quotes=(Quote("copy", "adopted it on Wednesday"),),
                   as_of=Span.day(D(2025, 11, 18)))]
    assert infer_dates(sources, [], wrong)["copy"].span is None


def test_an_uncertain_date_is_stated_as_the_assumption() -> None:
    """A count dated only to 2019–2021 agrees with the others only if written in 2020."""
    claims = [claim("a", "21 straight years", "years"), claim("vague", "16th year", "years")]
    when = {"a": day(2025), "vague": When(Span.years(2019, 2021))}
    f = reconcile(ANNUAL, claims, when)
    assert f.verdict is Verdict.CONSISTENT_IF
    assert [plain(sentence(a)) for a in f.assumptions] == [
        "`vague`, dated only to 2019–2021, was written in 2020"]


# -- skipped years with loosely dated counts (issue 9) ---------------------------------


def test_a_loosely_dated_count_takes_part_in_the_skipped_year_reading() -> None:
    """Votes since 1992, none in 2020: '28th' in 2019, '29th' in 2021, and a count dated
    only to 2017–2018 ('27th year') that fits the schedule: consistent if one year
    (2020) was skipped, and the loosely dated count does not block it."""
    claims = [claim("y2019", "28th year", "years"), claim("y2021", "29th year", "years"),
              claim("loose", "27th year", "years")]
    when = {"y2019": day(2019), "y2021": day(2021),
            "loose": When(Span.years(2017, 2018))}
    f = reconcile(ANNUAL, claims, when)
    assert f.verdict is Verdict.CONSISTENT_IF
    (gap,) = f.assumptions
    assert "1 year without the event in 2020" in plain(sentence(gap))


def test_a_loosely_dated_count_that_fits_no_year_leaves_the_conflict() -> None:
    claims = [claim("y2019", "28th year", "years"), claim("y2021", "29th year", "years"),
              claim("loose", "35th year", "years")]
    when = {"y2019": day(2019), "y2021": day(2021),
            "loose": When(Span.years(2017, 2018))}
    assert reconcile(ANNUAL, claims, when).verdict is Verdict.CONFLICT


def test_a_series_of_one_claim_is_unchecked_for_every_kind() -> None:
    for kind, value in ((Kind.ANNUAL, "16th year"), (Kind.TALLY, "41"), (Kind.FIXED, "2004"),
                        (Kind.OCCURRENCES, "7th time")):
        f = reconcile(Series("s", kind), [claim("only", value)], {"only": day(2020)})
        assert f.verdict is Verdict.UNCHECKED, kind
        assert "only `only` speaks of this series" in explain(f)


def test_agreement_on_one_origin_is_uncorroborated_and_two_origins_consistent() -> None:
    claims = [claim("a", "41"), claim("b", "41")]
    when = {"a": day(2025), "b": day(2025)}
    one = {"a": frozenset({"wire"}), "b": frozenset({"wire"})}
    two = {"a": frozenset({"wire"}), "b": frozenset({"paper"})}
    f = reconcile(TALLY, claims, when, one)
    assert f.verdict is Verdict.UNCORROBORATED and f.origins == ("wire",)
    assert "one independent origin" in explain(f)
    assert reconcile(TALLY, claims, when, two).verdict is Verdict.CONSISTENT


def test_revisions_are_the_steps_between_consecutive_reports() -> None:
    """A toll revised 11,300 → 5,000 → 3,958: two steps, not every pair of reports."""
    deaths = Series("deaths", Kind.TALLY, monotone=Monotone.INCREASING)
    claims = [claim("first", "11,300"), claim("second", "5,000"), claim("third", "3,958")]
    when = {"first": day(2023, 9, 12), "second": day(2023, 9, 14), "third": day(2023, 9, 20)}
    f = reconcile(deaths, claims, when)
    assert f.verdict is Verdict.CONSISTENT_IF
    steps = [a.claims for a in f.assumptions]
    assert steps == [("first", "second"), ("second", "third")]


def test_unlisted_occurrences_are_counted_once() -> None:
    """'7th time' in 2022 and '8th time' in 2024 with four listed: the two unlisted
    occurrences before 2022 (with 2022 itself, seven) are assumed once, not again for 2024."""
    titles = Series("titles", Kind.OCCURRENCES)
    claims = [claim("listed", "2010, 2012, 2014 and 2016"), claim("seventh", "7th time"),
              claim("eighth", "8th time")]
    f = reconcile(titles, claims, {"seventh": day(2022), "eighth": day(2024)})
    assert f.verdict is Verdict.CONSISTENT_IF
    words = [plain(sentence(a)) for a in f.assumptions]
    assert words == ["2 occurrences before 2022 that no claim lists"]


@given(st.lists(st.integers(0, 10_000), min_size=2, max_size=40), st.integers(0, 2**32 - 1))
def test_tally_same_moment_verdict_does_not_depend_on_order(values: list[int],
                                                            seed: int) -> None:
    """Figures for one date, listed in any order: the same verdict and the same conflicts."""
    import random

    claims = [claim(f"c{i:02d}", str(v)) for i, v in enumerate(values)]
    when = {c.id: day(2025) for c in claims}
    shuffled = claims[:]
    random.Random(seed).shuffle(shuffled)
    a, b = reconcile(TALLY, claims, when), reconcile(TALLY, shuffled, when)
    assert (a.verdict, set(a.conflicts)) == (b.verdict, set(b.conflicts))
    if len(set(values)) == 1:
        assert a.verdict is Verdict.CONSISTENT
    else:
        assert a.verdict is not Verdict.CONSISTENT  # different exact figures for one date


def test_a_gap_the_source_states_is_named_exactly_and_cited() -> None:
    """'since 1992' and 'the 29th time' in 2021, whose article says no vote was held in
    2020: consistent, the skipped year named (2020) and cited to that claim."""
    claims = [claim("since", "since 1992", "years"), claim("y2021", "29th time", "years")]
    when = {"y2021": day(2021)}
    f = reconcile(ANNUAL, claims, when, gaps={"y2021": (2020,)})
    assert f.verdict is Verdict.CONSISTENT, explain(f)
    assert "no event in 2020, as `y2021` says" in explain(f)
    unstated = reconcile(ANNUAL, claims, when)
    assert unstated.verdict is Verdict.CONFLICT  # one count alone is no evidence of a skip


def test_a_stated_gap_in_the_wrong_place_stays_an_assumption() -> None:
    claims = [claim("a", "28th year", "years"), claim("b", "29th year", "years"),
              claim("since", "since 1992", "years")]
    when = {"a": day(2019), "b": day(2021)}
    f = reconcile(ANNUAL, claims, when, gaps={"b": (2010,)})
    assert f.verdict is Verdict.CONSISTENT_IF
    assert "1 year without the event in 2020" in plain(sentence(f.assumptions[0]))


# -- exact figures, year qualifiers, tallies at one moment and across moments -----------


FIXED = Series("s", Kind.FIXED)


def test_identical_decimal_figures_agree() -> None:
    """'2.5' and '2.5' are one figure; 'about 2.5' allows 2.4."""
    f = reconcile(FIXED, [claim("a", "2.5"), claim("b", "2.5")], {})
    assert f.verdict is Verdict.CONSISTENT, explain(f)
    g = reconcile(FIXED, [claim("a", "about 2.5"), claim("b", "2.4")], {})
    assert g.verdict is Verdict.CONSISTENT, explain(g)
    h = reconcile(FIXED, [claim("a", "2.5"), claim("b", "2.5"), claim("c", "2.4")], {})
    assert h.verdict is Verdict.CONFLICT and h.conflicts == ("c",), explain(h)
    assert "2.5" in explain(h)


@given(st.decimals(min_value=0, max_value=10_000, places=2, allow_nan=False,
                   allow_infinity=False), st.integers(2, 5))
def test_a_figure_always_agrees_with_itself(value: object, copies: int) -> None:
    """The same figure, given by every claim of a fixed series, is never a conflict."""
    claims = [claim(f"c{i}", str(value)) for i in range(copies)]
    f = reconcile(FIXED, claims, {})
    assert f.verdict is Verdict.CONSISTENT, explain(f)


def test_a_year_before_2019_allows_a_first_year_of_2005() -> None:
    claims = [claim("a", "16th year", "years"), claim("b", "21 straight years", "years"),
              claim("c", "before 2019", "years")]
    when = {"a": day(2020), "b": day(2025)}
    f = reconcile(ANNUAL, claims, when)
    assert f.verdict is Verdict.CONSISTENT, explain(f)
    assert f.first_year is not None and str(f.first_year) == "2005"
    after = [*claims[:2], claim("c", "after 2019", "years")]
    g = reconcile(ANNUAL, after, when)
    assert g.verdict is Verdict.CONFLICT and g.conflicts == ("c",), explain(g)


def test_a_year_with_a_qualifier_lists_no_occurrence() -> None:
    """'before 2014' is no occurrence in 2014: with 2015-2018 listed, '5th time' in 2019
    (2019 itself the fifth) matches."""
    claims = [claim("list", "2015-2018"), claim("n", "5th time"), claim("b", "before 2014")]
    f = reconcile(OCC, claims, {"n": day(2019)})
    assert f.verdict is Verdict.CONSISTENT, explain(f)
    assert "number 5" in explain(f)


def test_exact_figures_for_one_moment_that_differ_conflict_past_a_round_one() -> None:
    """60, 61 and 64 (twice) on one day: 60 may round 61, but 61 and 64 cannot both be
    true; each claim of 64 is named."""
    claims = [claim("a", "60"), claim("b", "61"), claim("c", "64"), claim("d", "64")]
    f = reconcile(Series("s", Kind.TALLY), claims, {c.id: day(2025) for c in claims})
    assert f.verdict is Verdict.CONFLICT, explain(f)
    assert set(f.conflicts) == {"b", "c", "d"}
    assert "`b` says 61" in explain(f) and "`c` says 64" in explain(f)


@given(st.lists(st.tuples(st.integers(0, 99), st.integers(1, 9)), min_size=2, max_size=30),
       st.lists(st.integers(1, 100), max_size=10), st.integers(0, 2**32 - 1))
def test_exact_figures_that_are_not_round_conflict_when_they_differ(
        pairs: list[tuple[int, int]], tens: list[int], seed: int) -> None:
    """Figures that are neither round nor approximate, for one moment: any two that
    differ are a conflict, whatever round figures are said too and in whatever order."""
    import random

    precise = [10 * t + unit for t, unit in pairs]
    assume(len(set(precise)) > 1)
    values = precise + [10 * t for t in tens]
    claims = [claim(f"c{i:02d}", str(v)) for i, v in enumerate(values)]
    random.Random(seed).shuffle(claims)
    f = reconcile(TALLY, claims, {c.id: day(2025) for c in claims})
    assert f.verdict is Verdict.CONFLICT, explain(f)
    named = {values[int(c[1:])] for c in f.conflicts}
    assert min(precise) in named and max(precise) in named


def test_a_later_figure_below_any_earlier_one_is_a_revision() -> None:
    """{about 60, 65} and then 55 in a series that only grows: 65 was revised to 55."""
    claims = [claim("a", "about 60"), claim("b", "65"), claim("c", "55")]
    when = {"a": day(2025, 1, 1), "b": day(2025, 1, 1), "c": day(2025, 1, 3)}
    f = reconcile(TALLY, claims, when)
    assert f.verdict is Verdict.CONSISTENT_IF, explain(f)
    assert [a.claims for a in f.assumptions] == [("b", "c")]
    assert "revised downward" in explain(f)


@given(st.lists(st.tuples(st.sampled_from(APPROX), st.integers(20, 200)), min_size=1,
                max_size=4),
       st.lists(st.tuples(st.sampled_from(APPROX), st.integers(20, 200)), min_size=1,
                max_size=4))
def test_a_growing_series_never_falls_unremarked(
        before: list[tuple[str, int]], after: list[tuple[str, int]]) -> None:
    """When some figure of a moment lies wholly above some figure of the next moment, a
    series that only grows is not simply consistent."""
    def claims_of(prefix: str, forms: list[tuple[str, int]]) -> list[Claim]:
        return [claim(f"{prefix}{i}", f.format(v=v, below=v - 1, above=v + 1))
                for i, (f, v) in enumerate(forms)]

    first, then = claims_of("a", before), claims_of("b", after)
    when = {**{c.id: day(2025, 1, 1) for c in first}, **{c.id: day(2025, 2, 1) for c in then}}
    lows = [c.value.interval.low for c in first]  # type: ignore[union-attr]
    highs = [c.value.interval.high for c in then]  # type: ignore[union-attr]
    top = max(x for x in lows if x is not None)
    assume(any(h is not None and h < top for h in highs))
    f = reconcile(TALLY, [*first, *then], when)
    assert f.verdict is not Verdict.CONSISTENT, explain(f)


def test_a_year_with_a_qualifier_fixes_no_first_year_for_a_skipped_year() -> None:
    """'before 1993' allows 1992: the 28th year in 2019 and the 29th in 2021 fit it with
    one year without the event (2020), where '1993' itself would not fit."""
    claims = [claim("a", "28th year", "years"), claim("b", "29th year", "years"),
              claim("c", "before 1993", "years")]
    when = {"a": day(2019), "b": day(2021)}
    f = reconcile(ANNUAL, claims, when)
    assert f.verdict is Verdict.CONSISTENT_IF, explain(f)
    assert "1 year without the event in 2020" in plain(sentence(f.assumptions[0]))


@given(st.lists(st.tuples(st.sampled_from(["member", "observer", "absent"]),
                          st.integers(2000, 2012), st.integers(0, 4)), min_size=1, max_size=25))
def test_status_clashes_are_every_overlapping_pair_with_different_values(
        spans: list[tuple[str, int, int]]) -> None:
    """The sweep finds exactly the pairs a comparison of every pair finds: different values
    for overlapping years clash, unless one span lies strictly within the other."""
    claims = [claim(f"c{i:02d}", value) for i, (value, _, _) in enumerate(spans)]
    when = {f"c{i:02d}": When(Span.years(start, start + length))
            for i, (_, start, length) in enumerate(spans)}
    f = reconcile(STATUS, claims, when)
    clashing: set[str] = set()
    nested = 0
    for i, (va, sa, la) in enumerate(spans):
        for j, (vb, sb, lb) in enumerate(spans[:i]):
            a, b = (sa, sa + la), (sb, sb + lb)
            if va == vb or a[1] < b[0] or b[1] < a[0]:
                continue
            if a != b and ((b[0] <= a[0] and a[1] <= b[1]) or (a[0] <= b[0] and b[1] <= a[1])):
                nested += 1
            else:
                clashing |= {f"c{i:02d}", f"c{j:02d}"}
    assert set(f.conflicts) == clashing
    if not clashing:
        assert len(f.assumptions) == nested
