"""Hypothesis strategies for claims and series."""

from __future__ import annotations

import datetime

from hypothesis import strategies as st

from factcheck import Claim, Kind, Series, Span, When


def ordinal(n: int) -> str:
    if 10 <= n % 100 <= 20:
        suffix = "th"
    else:
        suffix = {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


ANNUAL = Series("years", Kind.ANNUAL, "Years")


@st.composite
def annual_claim(draw: st.DrawFn, first: int, index: int) -> tuple[Claim, When | None]:
    """A claim that agrees with a first year of *first*, in one of the usual wordings."""
    form = draw(st.sampled_from(["ordinal", "straight", "consecutive", "since"]))
    year = draw(st.integers(first, first + 40))
    n = year - first + 1
    value = {
        "ordinal": f"{ordinal(n)} year",
        "straight": f"{n} straight years",
        "consecutive": f"{n} consecutive years",
        "since": f"since {first}",
    }[form]
    day = draw(st.dates(datetime.date(year, 1, 1), datetime.date(year, 12, 31)))
    claim = Claim(f"c{index:03d}", f"claim {index}", series="years", value=value)
    return claim, When(Span.day(day))


@st.composite
def agreeing_annual(draw: st.DrawFn) -> tuple[int, list[Claim], dict[str, When]]:
    """A first year and 1–8 annual claims that all imply it."""
    first = draw(st.integers(1950, 2050))
    count = draw(st.integers(1, 8))
    claims: list[Claim] = []
    when: dict[str, When] = {}
    for i in range(count):
        claim, w = draw(annual_claim(first, i))
        claims.append(claim)
        if w is not None:
            when[claim.id] = w
    return first, claims, when


@st.composite
def annual_any(draw: st.DrawFn) -> tuple[list[Claim], dict[str, When]]:
    """1–8 annual claims that may or may not agree."""
    claims: list[Claim] = []
    when: dict[str, When] = {}
    for i in range(draw(st.integers(1, 8))):
        first = draw(st.integers(1990, 2000))
        claim, w = draw(annual_claim(first, i))
        claims.append(claim)
        if w is not None:
            when[claim.id] = w
    return claims, when
