"""Hypothesis strategies for claims and series."""

from __future__ import annotations

import datetime

from hypothesis import strategies as st

from factcheck import Claim, Kind, Quantity, QuantityError, Series, Span, When, parse_quantity


def typed(wording: str) -> Quantity | str:
    """A hand-written value as the loader types it: a Quantity when it reads as one."""
    try:
        return parse_quantity(wording)
    except QuantityError:
        return wording


def figure(wording: str | None) -> Quantity | None:
    """A hand-written ``years`` as the loader types it."""
    return None if wording is None else parse_quantity(wording)


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
    claim = Claim(f"c{index:03d}", f"claim {index}", series="years", value=typed(value),
                  wording=value)
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


TALLY_FORMS = ["{n}", "more than {n}", "at least {n}", "about {n}", "nearly {n}", "fewer than {n}"]


@st.composite
def any_series(draw: st.DrawFn) -> tuple[Series, list[Claim], dict[str, When]]:
    """A series of any kind with 1–7 claims that may or may not agree."""
    from factcheck import Monotone

    kind = draw(st.sampled_from(list(Kind)))
    monotone = draw(st.sampled_from([None, Monotone.INCREASING])) if kind is Kind.TALLY else None
    series = Series("s", kind, monotone=monotone)
    claims: list[Claim] = []
    when: dict[str, When] = {}
    for i in range(draw(st.integers(1, 7))):
        cid = f"c{i:02d}"
        years = until = None
        if kind is Kind.ANNUAL:
            claim, w = draw(annual_claim(draw(st.integers(1995, 2000)), i))
            claims.append(claim)
            if w is not None:
                when[claim.id] = w
            continue
        if kind is Kind.TALLY:
            value = draw(st.sampled_from(TALLY_FORMS)).format(n=draw(st.integers(5, 80)))
        elif kind is Kind.FIXED:
            value = str(draw(st.integers(2000, 2003)))
        elif kind is Kind.OCCURRENCES:
            value = draw(st.sampled_from([f"{ordinal(draw(st.integers(1, 8)))} time",
                                          "2012-2013 and 2016-2019", "2015"]))
        else:
            value = draw(st.sampled_from(["co-sponsor", "not a co-sponsor"]))
            if draw(st.booleans()):
                first = draw(st.integers(2005, 2015))
                years = f"{first}-{first + draw(st.integers(0, 5))}"
            elif draw(st.booleans()):
                years, until = "a decade", draw(st.integers(2010, 2020))
        claims.append(Claim(cid, "x", series="s", value=typed(value), years=figure(years),
                            until=until, wording=value, years_wording=years or ""))
        day = draw(st.dates(datetime.date(2018, 1, 1), datetime.date(2020, 12, 31)))
        when[cid] = When(Span.day(day))
    return series, claims, when
