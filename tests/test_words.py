"""Words: every reason a stage can give reads as a sentence, in every output."""

from __future__ import annotations

import datetime

from hypothesis import given
from hypothesis import strategies as st

from factcheck import Case, Claim, Kind, Monotone, Series, Span, When, reconcile
from factcheck.render.words import (
    Dated,
    Quoted,
    Ref,
    SourceRef,
    explain,
    explanation,
    names,
    plain,
    plural,
)
from tests.conftest import ROOT
from tests.strategies import typed


@given(st.lists(st.text("abc", min_size=1, max_size=3), min_size=1, max_size=6, unique=True))
def test_names_mentions_every_claim_once_in_order(ids: list[str]) -> None:
    refs = [p.claim for p in names(ids) if isinstance(p, Ref)]
    assert refs == ids


@given(st.integers(0, 10**6))
def test_plural_agrees_with_its_number(n: int) -> None:
    assert plural(n, "claim") == (f"{n} claim" if n == 1 else f"{n} claims")


def test_no_explanation_of_the_bundled_case_has_leftovers() -> None:
    """No '1 claims', no forum of the bundled topic in a generic sentence."""
    report = Case.load(ROOT).check()
    for f in report.findings:
        text = explain(f)
        assert " 1 claims" not in text and "forum" not in text, text
        assert all(isinstance(p, str | Ref | SourceRef | Quoted | Dated)
                   for p in explanation(f))


def test_every_series_kind_and_verdict_has_words() -> None:
    """A conflict, an assumption and an agreement of every kind all render."""
    d = datetime.date
    cases = [
        (Series("s", Kind.ANNUAL), ["16th year", "21 straight years", "23rd year"],
         [2020, 2025, 2025]),
        (Series("s", Kind.TALLY, monotone=Monotone.INCREASING), ["60", "35", "61"],
         [2020, 2021, 2021]),
        (Series("s", Kind.OCCURRENCES), ["2012 and 2013", "5th time", "2nd time"],
         [2013, 2014, 2014]),
        (Series("s", Kind.FIXED), ["2004", "2005", "2004"], [2020, 2021, 2022]),
        (Series("s", Kind.STATUS), ["co-sponsor", "not a co-sponsor", "co-sponsor"],
         [2019, 2019, 2020]),
    ]
    for series, values, years in cases:
        claims = [Claim(f"c{i}", "x", series="s", value=typed(v), wording=v)
                  for i, v in enumerate(values)]
        when = {c.id: When(Span.day(d(y, 6, 1))) for c, y in zip(claims, years, strict=True)}
        f = reconcile(series, claims, when)
        text = plain(explanation(f), lambda c: f"<{c}>")
        assert text and "`" not in text, (series.kind, text)
        assert any(f"<{c.id}>" in text for c in claims), (series.kind, text)
