"""Tests of factcheck.values: parsing, printing, widths, intervals, finding figures in text."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from factcheck.errors import QuantityError
from factcheck.figures import Mention, find_quantities, parse_quantity
from factcheck.values import Interval, Kind, Quantity, parse_number, parse_ordinal


def C(n: int | Decimal, q: str = "", unit: str = "") -> Quantity:  # noqa: N802
    return Quantity(Kind.COUNT, n, q, unit)


def D(n: int | Decimal, q: str = "") -> Quantity:  # noqa: N802
    return Quantity(Kind.DURATION, n, q, "year")


def O(n: int, unit: str = "", q: str = "") -> Quantity:  # noqa: N802, E743
    return Quantity(Kind.ORDINAL, n, q, unit)


def Y(n: int, q: str = "") -> Quantity:  # noqa: N802
    return Quantity(Kind.YEAR, n, q)


def YS(*spans: tuple[int, int]) -> Quantity:  # noqa: N802
    years = sorted({y for a, b in spans for y in range(a, b + 1)})
    return Quantity(Kind.YEARS, years[0], years=years)


def V(a: int, b: int) -> Quantity:  # noqa: N802
    return Quantity(Kind.VOTE, a, other=b)


# -- parse_quantity: every form the articles use ----------------------------------------

PARSE_CASES = [
    # durations
    ("for 21 straight years", D(21)),
    ("21 straight years", D(21)),
    ("16 consecutive years", D(16)),
    ("for 16 consecutive years", D(16)),
    ("for 17 years", D(17)),
    ("3 years in a row", D(3)),
    ("four successive years", D(4)),
    ("1 year", D(1)),
    ("a decade", D(10, "about")),
    ("two decades", D(20, "about")),
    ("more than a decade", D(10, "more than")),
    ("nearly two decades", D(20, "nearly")),
    ("about 10 years", D(10, "about")),
    ("more than 2.5 years", D(Decimal("2.5"), "more than")),
    # ordinals
    ("the 20th consecutive year", O(20, "year")),
    ("marks the 16th year", O(16, "year")),
    ("16th year", O(16, "year")),
    ("for the 5th successive year", O(5, "year")),
    ("for the second year in a row", O(2, "year")),
    ("the 16th year running", O(16, "year")),
    ("the 7th time", O(7, "time")),
    ("the seventh time", O(7, "time")),
    ("for the first time", O(1, "time")),
    ("twenty-first", O(21)),
    ("fourteenth", O(14)),
    ("21st", O(21)),
    ("16th", O(16)),
    ("second", O(2)),
    ("1,000th", O(1000)),
    # counts
    ("61", C(61)),
    ("61 countries", C(61)),
    ("co-sponsors: 61", C(61)),
    ("335-37", V(335, 37)),
    ("58 member states", C(58)),
    ("41 UN member states", C(41)),
    ("the first 41 member states", C(41, "first")),
    ("more than 60 member states", C(60, "more than")),
    ("more than 60", C(60, "more than")),
    ("over 70", C(70, "more than")),
    ("above 4,300", C(4300, "more than")),
    ("passed 9,500", C(9500, "more than")),
    ("well over 100", C(100, "more than")),
    ("at least 149", C(149, "at least")),
    ("no fewer than 149", C(149, "at least")),
    ("60 or more", C(60, "at least")),
    ("fewer than 10", C(10, "fewer than")),
    ("less than 10", C(10, "fewer than")),
    ("under 10", C(10, "fewer than")),
    ("up to 10", C(10, "at most")),
    ("at most 10", C(10, "at most")),
    ("no more than 10", C(10, "at most")),
    ("about 60", C(60, "about")),
    ("around 60", C(60, "about")),
    ("approximately 60", C(60, "about")),
    ("some 60", C(60, "about")),
    ("roughly 60", C(60, "about")),
    ("60 or so", C(60, "about")),
    ("nearly 60", C(60, "nearly")),
    ("almost 60", C(60, "nearly")),
    ("exactly 61", C(61)),
    ("a dozen", C(12, "about")),
    ("a dozen countries", C(12, "about")),
    ("two dozen", C(24, "about")),
    ("6,000", C(6000)),
    ("1.5 million", C(1_500_000)),
    ("2.5", C(Decimal("2.5"))),
    ("twenty-one", C(21)),
    ("one hundred and forty two countries", C(142)),
    ("a hundred", C(100)),
    ("one", C(1)),
    ("7 times", C(7, "", "time")),
    ("twice", C(2, "", "time")),
    ("1,500", C(1500)),
    ("1500", C(1500)),
    ("2,005", C(2005)),
    ("2005 countries", C(2005)),
    ("more than 2000", C(2000, "more than")),
    # years
    ("2005", Y(2005)),
    ("since 2005", Y(2005, "since")),
    ("Since 2005,", Y(2005, "since")),
    ("since August 2022", Y(2022, "since")),
    ("began in 2005", Y(2005)),
    ("First adopted in 2004", Y(2004)),
    ("in 2023", Y(2023)),
    ("in 2018.", Y(2018)),
    ("August 2022", Y(2022)),
    ("in August 2022", Y(2022)),
    ("from 2005", Y(2005)),
    ("in 1850", Y(1850)),
    ("since 1850", Y(1850, "since")),
    # year spans and lists
    ("2019-22", YS((2019, 2022))),
    ("from 2019-22", YS((2019, 2022))),
    ("2019–2022", YS((2019, 2022))),
    ("2019 – 2022", YS((2019, 2022))),
    ("1998-02", YS((1998, 2002))),
    ("From 2008 to 2018", YS((2008, 2018))),
    ("from 2008 until 2018", YS((2008, 2018))),
    ("between 2019 and 2022", YS((2019, 2022))),
    ("2012-2013 and 2016-2019", YS((2012, 2013), (2016, 2019))),
    ("following 2012-2013 and 2016-2019", YS((2012, 2013), (2016, 2019))),
    ("2012, 2013 and 2016", YS((2012, 2013), (2016, 2016))),
    ("2019-2019", YS((2019, 2019))),
    ("in 1850-1851, 1860", YS((1850, 1851), (1860, 1860))),
    # votes
    ("335-37 vote", V(335, 37)),
    ("a 335-37 vote", V(335, 37)),
    ("in a 335-37 vote", V(335, 37)),
    ("335–37 vote", V(335, 37)),
    ("335 to 37 vote", V(335, 37)),
    ("by 335 votes to 37", V(335, 37)),
    ("vote of 335-37", V(335, 37)),
    ("voted 335-37", V(335, 37)),
    ("a 2019-2022 vote", V(2019, 2022)),
    # issue 9: news phrasings
    ("as many as 6,000", C(6000, "at most")),
    ("as few as 5", C(5, "at least")),
    ("exceeded 5,300 people", C(5300, "more than")),
    ("topped 11,300", C(11300, "more than")),
    ("14-time", C(14, "", "time")),
    ("Six-time", C(6, "", "time")),
    ("a 14th European Cup", O(14, "time")),
    ("record-extending 14th title", O(14, "time")),
    ("third successive title", O(3, "time")),
    ("a 31st straightyear", O(31, "year")),
    ("31st straight", O(31)),
    ("187-3", V(187, 3)),
    ("voted 187-3", V(187, 3)),
    ("by 187-3", V(187, 3)),
    ("187 to 3", V(187, 3)),
    ("187 in favour, 3 against", V(187, 3)),
    ("with 187 for and 3 against", V(187, 3)),
    ("187 votes to 3", V(187, 3)),
    ("187 in favour, 3 against, with 2 abstentions",
     Quantity(Kind.VOTE, 187, other=3, abstentions=2)),
    ("between 10 and 15", Quantity(Kind.COUNT, 10, "between", other=15)),
    ("10-15", Quantity(Kind.COUNT, 10, "between", other=15)),
    ("10 to 15", Quantity(Kind.COUNT, 10, "between", other=15)),
    ("between 10 and 15 years", Quantity(Kind.DURATION, 10, "between", "year", other=15)),
    ("dozens", C(24, "at least")),
    ("tens of thousands", C(20000, "at least")),
    ("1955-56", Quantity(Kind.YEARS, 1955, years=(1955,), season=True)),
    ("1955-56, 1956-57", Quantity(Kind.YEARS, 1955, years=(1955, 1956), season=True)),
    ("the 2019-2020 season", Quantity(Kind.YEARS, 2019, years=(2019,), season=True)),
    ("1997 winners", Y(1997)),
    ("the 2018 final", Y(2018)),
    ("before 2019", Y(2019, "before")),
    ("after 2019", Y(2019, "after")),
    ("until 2019", Y(2019, "until")),
    ("2003 and 2007", YS((2003, 2003), (2007, 2007))),
    ("titles: 14", C(14)),
    ("wins totalling 14", C(14)),
]


@pytest.mark.parametrize(
    ("text", "expected"), [c for c in PARSE_CASES if c[1] is not None], ids=lambda v: str(v)
)
def test_parse(text: str, expected: Quantity) -> None:
    assert parse_quantity(text) == expected


STR_CASES = [
    (C(61), "61"),
    (C(60, "more than"), "more than 60"),
    (C(6000), "6,000"),
    (C(2005), "2,005"),
    (C(Decimal("1234.5")), "1,234.5"),
    (C(41, "first"), "first 41"),
    (C(7, "", "time"), "7 times"),
    (C(1, "", "time"), "1 time"),
    (O(16, "year"), "16th year"),
    (O(7, "time"), "7th time"),
    (O(2, "year"), "2nd year"),
    (O(11), "11th"),
    (O(12), "12th"),
    (O(13), "13th"),
    (O(21), "21st"),
    (O(102), "102nd"),
    (O(73), "73rd"),
    (D(21), "21 years"),
    (D(1), "1 year"),
    (D(10, "about"), "about 10 years"),
    (Y(2005, "since"), "since 2005"),
    (Y(2005), "2005"),
    (Y(1850), "in 1850"),
    (YS((2019, 2022)), "2019-2022"),
    (YS((2012, 2013), (2016, 2019)), "2012-2013, 2016-2019"),
    (YS((2012, 2012), (2016, 2016)), "2012, 2016"),
    (YS((2019, 2019)), "2019-2019"),
    (YS((1850, 1851)), "in 1850-1851"),
    (V(335, 37), "335-37 vote"),
    (Quantity(Kind.VOTE, 187, other=3, abstentions=1), "187-3 vote, 1 abstention"),
    (Quantity(Kind.COUNT, 10, "between", other=15), "between 10 and 15"),
    (Quantity(Kind.COUNT, 2, "between", "time", other=3), "between 2 and 3 times"),
    (Quantity(Kind.DURATION, 10, "between", "year", other=15), "between 10 and 15 years"),
    (Quantity(Kind.YEARS, 1999, years=(1999, 2000), season=True), "1999-00, 2000-01"),
    (Quantity(Kind.YEARS, 1895, years=(1895,), season=True), "in 1895-96"),
    (Y(2019, "before"), "before 2019"),
    (Y(1850, "until"), "until 1850"),
]


@pytest.mark.parametrize(("quantity", "text"), STR_CASES, ids=lambda v: str(v))
def test_str_is_canonical(quantity: Quantity, text: str) -> None:
    assert str(quantity) == text
    assert parse_quantity(text) == quantity


WIDTH_CASES = [
    ("61", "61"),
    ("the first 41 member states", "41"),
    ("more than 60", "[61, ∞)"),
    ("over 70", "[71, ∞)"),
    ("above 4,300", "[4301, ∞)"),
    ("passed 9,500", "[9501, ∞)"),
    ("more than 2.5", "[2.5, ∞)"),
    ("at least 149", "[149, ∞)"),
    ("60 or more", "[60, ∞)"),
    ("fewer than 10", "[0, 9]"),
    ("fewer than 2.5", "[0, 2.5]"),
    ("up to 10", "[0, 10]"),
    ("about 60", "[54, 66]"),
    ("about 10", "[9, 11]"),
    ("about 5", "[4, 6]"),
    ("about 0", "[0, 1]"),
    ("about 149", "[134, 164]"),
    ("about 2.5", "[2.2, 2.8]"),
    ("nearly 60", "[54, 59]"),
    ("almost 10", "9"),
    ("nearly 1", "0"),
    ("nearly 2.5", "[2.2, 2.4]"),
    ("a decade", "[9, 11]"),
    ("two decades", "[18, 22]"),
    ("a dozen", "[10, 14]"),
    ("21 straight years", "21"),
    ("16th year", "16"),
    ("since 2005", "2005"),
    ("in 2023", "2023"),
    ("2012-2013 and 2016-2019", "[2012, 2019]"),
    ("335-37 vote", "335"),
    ("between 10 and 15", "[10, 15]"),
    ("as many as 6,000", "[0, 6000]"),
    ("dozens", "[24, ∞)"),
    ("hundreds of thousands", "[200000, ∞)"),
    ("before 2019", "(-∞, 2018]"),
    ("after 2019", "[2020, ∞)"),
    ("until 2019", "(-∞, 2019]"),
    ("1955-56, 1956-57", "[1955, 1956]"),
]


@pytest.mark.parametrize(("text", "interval"), WIDTH_CASES, ids=lambda v: str(v))
def test_interval_widths(text: str, interval: str) -> None:
    """The widths the module docstring documents."""
    assert str(parse_quantity(text).interval) == interval


def test_years_lists_each_year() -> None:
    q = parse_quantity("2012-2013 and 2016-2019")
    assert q.years == (2012, 2013, 2016, 2017, 2018, 2019)
    assert q.number == 2012


ERROR_CASES = [
    ("", "the text is empty"),
    ("lots", "no number, ordinal or year in it"),
    ("more than", "no number, ordinal or year in it"),
    ("2022-2019", "the year span '2022-2019' runs backwards"),
    ("11:00", "'11' is part of a date, a time or an identifier"),
    ("COVID-19", "'19' is part of a date, a time or an identifier"),
    ("Corona 19", "'19' is part of a date, a time or an identifier"),
    ("November 12", "'12' is part of a date, a time or an identifier"),
    ("Resolution 1718", "'1718' is part of a date, a time or an identifier"),
    ("since 61", "'since' needs a four-digit year after it"),
    ("21 years ago", "is a point in time or an age"),
    ("61 foo 5", "'61' reads as '61' but 'foo 5' after it is not part of it"),
    ("co-sponsors; 61", "expected a figure such as '61'"),
]


@pytest.mark.parametrize(("text", "message"), ERROR_CASES, ids=lambda v: str(v))
def test_parse_errors_say_what_could_not_be_read(text: str, message: str) -> None:
    with pytest.raises(QuantityError) as info:
        parse_quantity(text)
    assert str(info.value).startswith(f"cannot read a quantity from {text!r}: ")
    assert message in str(info.value)


INVALID = [
    (dict(kind=Kind.COUNT, number=5, qualifier="since"), "'since' goes with a year"),
    (dict(kind=Kind.COUNT, number=5, qualifier="roughly"), "unknown qualifier 'roughly'"),
    (dict(kind=Kind.COUNT, number=5, unit="month"), "unknown unit 'month'"),
    (dict(kind=Kind.COUNT, number=-1), "negative"),
    (dict(kind=Kind.COUNT, number=5, unit="year"), "a count's unit is '' or 'time'"),
    (dict(kind=Kind.DURATION, number=5), "a duration counts years"),
    (dict(kind=Kind.ORDINAL, number=Decimal("2.5")), "an ordinal is a whole number"),
    (dict(kind=Kind.YEAR, number=150), "a year is a whole number 1000-2999"),
    (dict(kind=Kind.YEARS, number=2019), "needs at least one year"),
    (dict(kind=Kind.YEARS, number=2020, years=(2019, 2020)), "number must be the first year"),
    (dict(kind=Kind.VOTE, number=335), "a vote needs whole 'for' and 'against' counts"),
    (dict(kind=Kind.COUNT, number=5, years=(2019,)), "only a YEARS quantity lists years"),
    (dict(kind=Kind.COUNT, number=5, other=3), "only a VOTE has an 'against' count"),
    (dict(kind=Kind.COUNT, number=5, qualifier="between"), "'between' goes with a count"),
    (dict(kind=Kind.COUNT, number=5, qualifier="between", other=5), "must exceed"),
    (dict(kind=Kind.YEARS, number=2019, qualifier="between", other=2020), "'between' goes"),
    (dict(kind=Kind.COUNT, number=5, qualifier="before"), "'before' goes with a year"),
    (dict(kind=Kind.YEAR, number=2019, season=True), "only a YEARS quantity lists seasons"),
    (dict(kind=Kind.COUNT, number=5, abstentions=2), "only a VOTE has abstentions"),
    (dict(kind=Kind.VOTE, number=5, other=2, abstentions=-1), "abstentions are a whole"),
    (dict(kind=Kind.COUNT, number=Decimal("2.5"), qualifier="first"), "'first' goes with"),
    (dict(kind=Kind.COUNT, number=1.5), "not a number: 1.5"),
]


@pytest.mark.parametrize(("fields", "message"), INVALID, ids=lambda v: str(v))
def test_invalid_quantities_are_refused(fields: dict[str, object], message: str) -> None:
    with pytest.raises(QuantityError, match=re.escape(message)):
        Quantity(**fields)  # type: ignore[arg-type]


def test_shift_years() -> None:
    assert parse_quantity("since 2005").shift_years(3) == Y(2008, "since")
    assert parse_quantity("2019-22").shift_years(-1) == YS((2018, 2021))
    assert parse_quantity("61").shift_years(3) == C(61)
    assert parse_quantity("16th year").shift_years(3) == O(16, "year")
    with pytest.raises(QuantityError, match="a year is a whole number"):
        Y(2999).shift_years(1)


def test_equal_values_are_equal() -> None:
    assert C(Decimal("5.0")) == C(5)
    assert C(Decimal("2.50")).number == Decimal("2.5")
    assert str(C(Decimal("2.50"))) == "2.5"
    assert hash(C(Decimal("5.0"))) == hash(C(5))
    assert Kind.COUNT == "count"


# -- Interval ----------------------------------------------------------------------------


def test_interval_basics() -> None:
    a = Interval(54, 66)
    assert 54 in a and 66 in a and 60 in a and Decimal("60.5") in a
    assert 53 not in a and 67 not in a and "60" not in a and float("nan") not in a
    assert 10**9 in Interval(61, None) and -(10**9) in Interval(None, 0)
    assert 5 not in Interval.empty()
    assert a.width == 12 and Interval(61, None).width is None and Interval.empty().width is None
    assert Interval(5, 3) == Interval.empty() == Interval(10, 2)
    assert Interval(5, 3).is_empty and not a.is_empty


INTERVAL_OPS = [
    ("intersect", Interval(54, 66), Interval(61, None), Interval(61, 66)),
    ("intersect", Interval(54, 66), Interval(70, None), Interval.empty()),
    ("intersect", Interval(None, None), Interval(1, 2), Interval(1, 2)),
    ("intersect", Interval.empty(), Interval(None, None), Interval.empty()),
    ("hull", Interval(54, 66), Interval(70, 70), Interval(54, 70)),
    ("hull", Interval(54, 66), Interval(None, 0), Interval(None, 66)),
    ("hull", Interval.empty(), Interval(3, 4), Interval(3, 4)),
    ("add", Interval(54, 66), Interval(1, 2), Interval(55, 68)),
    ("add", Interval(54, None), Interval(1, 2), Interval(55, None)),
    ("add", Interval(54, 66), Interval.empty(), Interval.empty()),
    ("sub", Interval(2025, 2025), Interval(20, 21), Interval(2004, 2005)),
    ("sub", Interval(2025, 2025), Interval(61, None), Interval(None, 1964)),
]


@pytest.mark.parametrize(("op", "a", "b", "expected"), INTERVAL_OPS, ids=lambda v: str(v))
def test_interval_ops(op: str, a: Interval, b: Interval, expected: Interval) -> None:
    got = {"intersect": a.intersect, "hull": a.hull, "add": a.__add__, "sub": a.__sub__}[op](b)
    assert got == expected


def test_interval_shift_and_numbers() -> None:
    assert Interval(2005, 2007).shift(-1) == Interval(2004, 2006)
    assert Interval(None, 5) + 1 == Interval(None, 6)
    assert Interval(5, 5) - Decimal("0.5") == Interval(Decimal("4.5"), Decimal("4.5"))


INTERVAL_TEXT = [
    (Interval(61, 61), "61"),
    (Interval(54, 66), "[54, 66]"),
    (Interval(61, None), "[61, ∞)"),
    (Interval(None, 59), "(-∞, 59]"),
    (Interval(None, None), "(-∞, ∞)"),
    (Interval.empty(), "∅"),
    (Interval(Decimal("2.2"), Decimal("2.8")), "[2.2, 2.8]"),
    (Interval(-5, 0), "[-5, 0]"),
]


@pytest.mark.parametrize(("interval", "text"), INTERVAL_TEXT, ids=lambda v: str(v))
def test_interval_text(interval: Interval, text: str) -> None:
    assert str(interval) == text
    assert Interval.parse(text) == interval


@pytest.mark.parametrize("text", ["", "[54, 66", "(54, 66]", "[61, ∞]", "61 countries", "[a, b]"])
def test_interval_parse_errors(text: str) -> None:
    with pytest.raises(QuantityError, match=re.escape(f"cannot read an interval from {text!r}")):
        Interval.parse(text)


# -- parse_number / parse_ordinal --------------------------------------------------------

NUMBER_CASES = [
    ("twenty-one", 21),
    ("one hundred and forty two", 142),
    ("6,000", 6000),
    ("1.5 million", 1_500_000),
    ("a dozen", 12),
    ("two point three", 2.3),
    ("minus five", -5),
    ("-5", -5),
    ("  32 ", 32),
    ("Twenty-One", 21),
    ("forty five hundred thirty eight", 4538),
    ("nineteen hundred", 1900),
    ("", None),
    ("twenty-first", None),
    ("sixty fifteen", None),
    ("1 2", None),
    ("twenty 1", None),
    ("one, two", None),
    ("million million", None),
    ("a", None),
    ("and", None),
]


@pytest.mark.parametrize(("words", "expected"), NUMBER_CASES, ids=lambda v: str(v))
def test_parse_number(words: str, expected: int | float | None) -> None:
    assert parse_number(words) == expected


ORDINAL_CASES = [
    ("twenty-first", 21),
    ("21st", 21),
    ("fourteenth", 14),
    ("second", 2),
    ("16th", 16),
    ("one hundredth", 100),
    ("two thousand and fifth", 2005),
    ("twelfth", 12),
    ("twentieth", 20),
    ("21", None),
    ("twenty-one", None),
    ("one second", None),
    ("fifth fiftieth", None),
    ("", None),
]


@pytest.mark.parametrize(("words", "expected"), ORDINAL_CASES, ids=lambda v: str(v))
def test_parse_ordinal(words: str, expected: int | None) -> None:
    assert parse_ordinal(words) == expected


# -- find_quantities ---------------------------------------------------------------------

FIND_CASES = [
    ("The toll passed 9,500 on Monday.", [("passed 9,500", "more than 9,500")]),
    ("The House passed 5 bills.", [("5", "5")]),
    ("backed by about 60 countries", [("about 60", "about 60")]),
    ("some of the 41 co-sponsors", [("41", "41")]),
    (
        "a dozen countries and two dozen observers",
        [("a dozen", "about 12"), ("two dozen", "about 24")],
    ),
    ("1.5 million people and 6,000 troops", [("1.5 million", "1,500,000"), ("6,000", "6,000")]),
    ("2000 people marched", [("2000 people", "2,000")]),
    ("It was founded in 1850.", [("in 1850", "in 1850")]),
    ("the 2018 summit", [("2018", "2018")]),
    ("the Act of 2004 lapsed in 2022", [("2004", "2004"), ("2022", "2022")]),
    ("for the twenty-first year", [("twenty-first year", "21st year")]),
    ("the fourteenth consecutive year", [("fourteenth consecutive year", "14th year")]),
    ("adopted for 17 years", [("17 years", "17 years")]),
    ("3 years in a row", [("3 years in a row", "3 years")]),
    ("for the 5th successive year", [("5th successive year", "5th year")]),
    ("in a 2019-2022 vote", [("2019-2022 vote", "2,019-2,022 vote")]),
    ("from 2019–2022 and in 2023", [("from 2019–2022", "2019-2022"), ("2023", "2023")]),
    ("between 50 and 60 countries", [("between 50 and 60", "between 50 and 60")]),
    ("it adopted it twice", [("twice", "2 times")]),
    ("60 or more countries", [("60 or more", "at least 60")]),
    ("for more than a decade", [("more than a decade", "more than 10 years")]),
    ("one hundred and forty two countries", [("one hundred and forty two", "142")]),
    (
        "fewer than 10 and under 5",
        [("fewer than 10", "fewer than 10"), ("under 5", "fewer than 5")],
    ),
    # an abbreviated month ends no sentence: the vote's words stand before it
    ("The vote on Nov. 12 ended 187-3.", [("187-3", "187-3 vote")]),
    ("The Assembly, meeting on Dec. 5, adopted it 187-3.", [("187-3", "187-3 vote")]),
    # not figures
    ("21 years ago", []),
    ("The law passed a decade ago.", []),  # a point in time, not "more than 10 years"
    ("The ban was imposed two decades ago.", []),
    ("The treaty is a decade old.", []),  # an age
    # "passed" before a noun: the plain reading, not "more than 10 years"
    ("Turnout passed a decade high.", [("a decade", "about 10 years")]),
    ("One of them, one by one, once adopted", []),
    ("the first summit of the Third Committee", []),
    ("at 11 a.m. on 12 November and Nov. 12 and November 12th", []),
    ("2025-11-12T11:00:06+5:30 and 11:00", []),
    ("No. 5 and Resolution 1718 and COVID-19 and Corona 19", []),
    ("5G networks in the 1990s, a 21-year-old, scores of 10-15", []),
    ("the UN and the U.N. and ROK", []),
    ("a second later", []),
    ("between 1000, the end", []),  # a year cue, but no span to read
    ("until 1000", [("1000", "1,000")]),  # 'until' is no year cue
    ("0-2000 0 2000-0", [("0", "0")]),
]


@pytest.mark.parametrize(("text", "expected"), FIND_CASES, ids=lambda v: str(v))
def test_find_quantities(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(m.text, str(m.quantity)) for m in find_quantities(text)] == expected


def test_mention_fields() -> None:
    text = "Seoul, Nov 12. The U.S. House voted 335-37 on Tuesday.\nIt began in 2005."
    first, second = find_quantities(text)
    assert isinstance(first, Mention)
    assert first.text == "voted 335-37" == text[first.start : first.end]
    assert first.quantity == V(335, 37)
    assert first.sentence == "The U.S. House voted 335-37 on Tuesday."
    assert (second.text, second.quantity, second.sentence) == ("2005", Y(2005), "It began in 2005.")


# -- the bundled articles ----------------------------------------------------------------
# The five seed articles, verbatim (the repository must stand alone).

SEEDS: dict[str, str] = {
    "000": (
        " date 2025-11-20 A UN committee has adopted by consensus a resolution "
        "condemning widespread human rights violations in North Korea, the foreign "
        "ministry said Thursday, with the backing of more than 60 member states, "
        "including South Korea and the United States.\n"
        "\n"
        "The UN General Assembly Third Committee handling human rights issues adopted "
        "the resolution, co-sponsored by 61 countries, during a meeting in New York on "
        "Wednesday (local time), the ministry said in a release.\n"
        "\n"
        "The resolution will be reviewed at the upcoming General Assembly plenary next "
        "month for final adoption.\n"
        "\n"
        "South Korea, led by the liberal government of President Lee Jae Myung, was "
        "among the first 41 member states supporting the draft resolution despite its "
        "push for rapprochement with Pyongyang, with the position that it will approach "
        "the North's human rights issues as a matter of universal principle.\n"
        "\n"
        "The US, which was not initially among the co-sponsoring nations, later joined "
        "the group that includes Australia, Britain, France and Japan, among others.\n"
        "\n"
        'The resolution, introduced for 21 straight years, condemns "in the strongest '
        'terms" the longstanding, systematic and gross violations of human rights in and '
        "by North Korea, including those that may amount to crimes against humanity.\n"
        "\n"
        'It also condemns the North for "continuing to divert a disproportionate amount '
        "of its resources into military spending and the pursuit of its unlawful nuclear "
        'weapons and ballistic missile programs over the welfare of its people."\n'
        "\n"
        "The resolution encourages diplomatic efforts, stressing the importance of "
        "dialogue and engagement, including inter-Korean talks, to seek improvement of "
        "the human rights and the humanitarian situation in the reclusive state.\n"
        "\n"
        '"The ROK government will continue its close cooperation with the international '
        'community for the substantive enhancement of human rights of DPRK people," the '
        "ministry said.\n"
        "\n"
        "ROK is short for South Korea's official name, the Republic of Korea. DPRK "
        "stands for the North's official name, the Democratic People's Republic of "
        "Korea.\n"
        "\n"
        'North Korea has bristled at past resolutions, calling them a "politically '
        'motivated provocation" encroaching upon its sovereignty. (Yonhap)'
    ),
    "001": (
        "Seoul keeps backing UN resolution against North Korean human rights violations\n"
        "By IANS | Updated: November 12, 2025 11:00 "
        "IST2025-11-12T11:00:06+5:302025-11-12T11:00:24+5:30\n"
        "Seoul, Nov 12 South Korea has maintained its support for a UN resolution "
        "condemning North Korea's human rights ...\n"
        "\n"
        "Seoul keeps backing UN resolution against North Korean human rights violations\n"
        "Seoul, Nov 12 South Korea has maintained its support for a UN resolution "
        "condemning North Korea's human rights violations, a document showed Wednesday, "
        "despite its push for rapprochement with Pyongyang under the liberal government "
        "of South Korean President Lee Jae Myung.\n"
        "South Korea was among the 41 UN member states co-sponsoring the resolution, "
        "according to the resolution distributed earlier this month, continuing its "
        "stance from the previous conservative government that had taken a hard-line "
        "approach toward the reclusive state.\n"
        "Earlier expectations were that the Lee government, launched in June, might pull "
        "back from UN-led efforts criticizing North Korea's human rights abuses, as it "
        "has put its top priority on easing tensions and resuming dialogue with "
        "Pyongyang.\n"
        "South Korea did not support the past UN resolutions from 2019-22, when then "
        "liberal President Moon Jae-in was in office, breaking with a decade of "
        "co-sponsorship.\n"
        "This came amid a strong push by the Moon government to engage with North Korea, "
        "which culminated in a flurry of diplomacy, including the first summit between "
        "North Korean leader Kim Jong-un and US President Donald Trump in 2018.\n"
        "Seoul's renewed backing of the resolution indicates the Lee government has "
        "positioned itself to approach the North's human rights issues as a matter of "
        "universal value and principle.\n"
        '"Our government believes it is important to make tangible improvements to the '
        "human rights of North Korean people, and we have co-sponsored the resolution "
        'based on this stance," a foreign ministry official said.\n'
        "The United States was not among the sponsoring countries, having withdrawn from "
        "the UN Human Rights Council on Trump's instructions.\n"
        "While the Lee government has made repeated overtures to Pyongyang, it remains "
        "steadfast on the principle of North Korea's denuclearisation.\n"
        "The latest UN resolution on North Korea's human rights will be introduced at "
        "the UN Third Committee before being brought to the General Assembly plenary "
        "next month for final adoption, Yonhap news agency reported.\n"
        'The resolution condemns "in the strongest terms" the longstanding, systematic '
        "and gross violations of human rights in and by North Korea, including those "
        "that may amount to crimes against humanity.\n"
        'North Korea has bristled at past resolutions, calling them a "politically '
        'motivated provocation" encroaching upon its sovereignty.\n'
        "Disclaimer: This post has been auto-published from an agency feed without any "
        "modifications to the text and has not been reviewed by an editor\n"
        "Open in app"
    ),
    "002": (
        "S.Korea joins as co-sponsor of UN resolution on N. Korean human rights under "
        "Lee Jae-myung administration\n"
        "\n"
        "U.S. abstains; Seoul says participation reflects “commitment to universal human "
        "rights values”\n"
        "\n"
        "2025-11-12\xa0\xa0\xa0\xa0\xa0Hyein Shim\n"
        "UN (CG) (Source: Yonhap News)\n"
        "\n"
        "The Lee Jae-myung administration has joined as a co-sponsor of the United "
        "Nations resolution on North Korean human rights for the first time since taking "
        "office.\n"
        "\n"
        "According to the list of co-sponsoring countries released on November 12 by the "
        "UN General Assembly’s Third Committee, South Korea was included among the "
        "nations supporting the draft resolution.\n"
        "\n"
        "From 2008 to 2018, South Korea had consistently co-sponsored the resolution but "
        "withdrew from participation between 2019 and 2022 under the Moon Jae-in "
        "administration, which cited concerns about the potential impact on inter-Korean "
        "relations. The country returned as a co-sponsor in 2023 under the Yoon Suk Yeol "
        "administration, and the new government has continued that policy line.\n"
        "\n"
        "Given the Lee administration’s emphasis on engagement with North Korea, its "
        "decision to maintain participation drew diverse interpretations. However, "
        "officials appear to have prioritized the principle that “human rights are "
        "universal values.” While some within the government urged caution to avoid "
        "provoking Pyongyang, the prevailing view favored international cooperation for "
        "tangible improvements in North Korean human rights conditions.\n"
        "\n"
        "A Foreign Ministry official stated, “The government is committed to working "
        "with the international community to achieve practical improvements in the human "
        "rights of North Korean people,” adding that this was the rationale behind "
        "Seoul’s decision to co-sponsor the resolution.\n"
        "\n"
        "The United States, however, did not participate as a co-sponsor this year—a "
        "move reflecting President Donald Trump’s isolationist approach and his earlier "
        "decision in February to withdraw from the UN Human Rights Council.\n"
        "\n"
        "This year’s resolution expresses “deep concern over the grave human rights "
        "situation in the DPRK, the widespread impunity, and the lack of accountability "
        "for human rights violations.” It also “condemns the diversion of resources "
        "toward military expenditures and illicit nuclear and ballistic missile programs "
        "at the expense of the welfare of its people.”\n"
        "\n"
        "Furthermore, it notes with concern that North Korea’s January 2024 declaration "
        "to halt efforts toward reunification with South Korea could worsen human rights "
        "issues, including the plight of separated families. The resolution also warns "
        "of the potential consequences of Pyongyang’s “two-state theory.”\n"
        "\n"
        "While reaffirming the importance of dialogue and engagement—including "
        "diplomatic efforts and inter-Korean communication—the resolution will be "
        "submitted to the UN General Assembly plenary for final adoption.\n"
        "\n"
        "North Korea has consistently denounced such UN resolutions as “political "
        "provocations led by the United States and its followers.” Last year, "
        "Pyongyang’s Foreign Ministry spokesperson condemned the move as “an act "
        "infringing on the dignity and sovereignty of the state.”"
    ),
    "003": (
        "▲ UN General Assembly plenary session to discuss North Korean human rights "
        "resolution\n"
        "\n"
        "\n"
        "A resolution on human rights in North Korea to condemn North Korea's human "
        "rights violations and urge improvement was passed at the UN General Assembly "
        "for 16 consecutive years.\n"
        "\n"
        "\n"
        "\n"
        "The UN General Assembly held a plenary session at the United Nations "
        "Headquarters in New York, USA, and adopted a North Korean human rights "
        "resolution condemning North Korea's systematic and widespread human rights "
        "violations without a vote.\n"
        "\n"
        "\n"
        "\n"
        "The adoption of the North Korean human rights resolution by the United Nations "
        "began in 2005 and marks the 16th year this year.\n"
        "\n"
        "\n"
        "\n"
        "This is the 7th time that North Korean human rights resolutions were adopted as "
        "consensus at the UN General Assembly, following 2012-2013 and 2016-2019.\n"
        "\n"
        "\n"
        "\n"
        "The resolution, led by member states of the European Union (EU), mostly "
        "reflected the text of the existing resolution as it was, and added concerns "
        "about the humanitarian crisis arising from the COVID-19 pandemic.\n"
        "\n"
        "\n"
        "\n"
        "First of all, the resolution pointed to North Korea's'torture, sexual violence "
        "and arbitrary detention','political prisoners' concentration camps','organized "
        "kidnapping', and'treatment of repatriated North Koreans'. \"I condemn it.\"\n"
        "\n"
        "\n"
        "\n"
        "The resolution also urged the UN Security Council to take appropriate measures, "
        "including referral to the International Criminal Court (ICC) for the human "
        'rights situation in North Korea and "consider additional sanctions against the '
        'most responsible."\n'
        "\n"
        "\n"
        "\n"
        "In particular, this year's resolution expresses very deep concern about the "
        "dangerous humanitarian situation in North Korea, which is likely to deteriorate "
        "rapidly due to limited ability to cope with health crises and natural disasters "
        "such as Corona 19. I was concerned about the possibility of an impact.\n"
        "\n"
        "\n"
        "\n"
        "Regarding the situation on the Korean peninsula, a message was added to "
        'encourage diplomatic efforts, saying, "It emphasizes the importance of dialogue '
        "and involvement including inter-Korean dialogue.\n"
        "\n"
        "\n"
        "\n"
        "It has also encouraged countries that maintain dialogue with North Korea to "
        "continue to support the establishment of permanent peace and security on the "
        "Korean Peninsula.\n"
        "\n"
        "\n"
        "\n"
        "It also contains a phrase that emphasizes the urgency and importance of the "
        "separated family problem and urges the reunion to resume.\n"
        "\n"
        "\n"
        "\n"
        "In addition to EU countries, 58 member states including Japan, the United "
        "States, the United Kingdom, and Canada participated as joint proposals for this "
        "resolution.\n"
        "\n"
        "\n"
        "\n"
        "Korea has not been listed as a co-proposer for the second year in a row since "
        "last year, but joined the consensus.\n"
        "\n"
        "\n"
        "\n"
        "(Photo = United Nations Web TV capture, Yonhap News)"
    ),
    "004": (
        "TAIPEI, Taiwan – The United Nations and the United States have both adopted "
        "resolutions condemning the human rights situation in North Korea where, its "
        "rivals say, the repressive political climate has allowed the regime to pursue "
        "its nuclear and missile programs without public scrutiny.\n"
        "A U.N. General Assembly committee passed a resolution on North Korea’s human "
        "rights for the 20th consecutive year, while the U.S. House of Representatives "
        "passed a bipartisan bill to reauthorize and update the 2004 North Korean Human "
        "Rights Act aimed at promoting rights and freedom in the North.\n"
        "“Noting with concern the possible negative impact on the human rights "
        "situation, including that of separated families, following the announcement of "
        "the Democratic People’s Republic of Korea in January 2024 that it would no "
        "longer pursue reunification with the Republic of Korea,” the U.N. committee "
        "said in its resolution.\n"
        "The Democratic People’s Republic of Korea and the Republic of Korea refer to "
        "North Korea and South Korea, respectively.\n"
        "The resolution highlighted North Korea’s “all-pervasive and severe "
        "restrictions,” including an “absolute monopoly” on information and total "
        "control over organized social life. It also emphasized the urgent need for "
        "reforms to ensure fundamental freedoms.\n"
        "Specifically, the resolution urged the North to guarantee the rights to freedom "
        "of thought, conscience, religion, opinion, expression, and association – both "
        "online and offline. It called for measures such as allowing independent "
        "newspapers and media to operate and repealing or reforming laws and practices "
        "that suppress those rights.\n"
        "The resolution strongly condemned the North Korean government for financing its "
        "“unlawful” nuclear weapons and ballistic missile programs through human rights "
        "violations, including forced labor. It further expressed concern over the "
        "“disproportionate” allocation of the state budget to military spending, which "
        "undermines the fulfillment of basic human rights, such as the right to adequate "
        "food.\n"
        "Additionally, the resolution requested the North’s leadership to convene a "
        "high-level meeting to feature testimony from civil society representatives and "
        "experts to address human rights abuses.\n"
        "It also called for the “immediate” repatriation of all abductees from South "
        "Korea and Japan, underscoring the urgency of the issue.\n"
        "The resolution will be sent to a full General Assembly session for approval in "
        "December.\n"
        "Since 2005, the committee has annually adopted the resolution to highlight "
        "human rights violations in North Korea and intensify international pressure on "
        "it to address the issue.\n"
        "RELATED STORIES\n"
        "North Korea executes 2 women who fled and were forcibly repatriated from China\n"
        "North Korea’s use of forced labor ‘deeply institutionalized,’ UN says\n"
        "UN Security Council discusses North Korean human rights\n"
        "South Korea welcomed the resolution.\n"
        "“We take note of the fact that through this resolution, the international "
        "community expressed concerns over the serious human rights situation in North "
        "Korea and sent a consistent and unified message calling for the North’s action "
        "to improve the situation,” the South’s foreign ministry said in a statement.\n"
        "North Korea, however, denounced it as a “document of a political plot "
        "fabricated for the ulterior purpose of defaming the dignity of the DPRK.”\n"
        "“The anti-DPRK draft resolution of human rights, tabled by the European Union "
        "every year at the instigation of the United States, is a false paper worthy of "
        "no deliberation at all as it is full of the fabrication and falsehood,” said "
        "North Korea’s ambassador to the U.N., Kim Song .\n"
        "“The so-called human rights issue cannot exist in our country.”\n"
        "U.S. North Korean Human Rights Act\n"
        "In the U.S., the House of Representatives endorsed the North Korean Human "
        "Rights Reauthorization Act in a 335-37 vote.\n"
        "First adopted in 2004, the act was intended to promote rights and freedom of "
        "North Korean refugees. The act is updated and reauthorized periodically.\n"
        "The last reauthorization ended in August 2022, and a reauthorization bill was "
        "subsequently submitted to Congress, but the bill has been delayed due to the "
        "agenda and other issues.\n"
        "“The authorization for the North Korean Human Rights Act of 2004 lapsed in "
        "2022. We must get this legislation signed into law this Congress,” Rep. Young "
        "Kim said during a House session.\n"
        "“We cannot ignore the threat posed by North Korea and holding the North Korean "
        "regime accountable without supporting human rights is a nonstarter,” she added.\n"
        "“Failing to reauthorize a landmark human rights initiative sends a signal to "
        "Kim Jong Un that the United States will allow human rights in North Korea and "
        "around the world to fall on deaf ears.”\n"
        "The move came after the U.S., South Korea and Japan affirmed last month their "
        "shared commitment to addressing North Korea’s human rights issues.\n"
        "This declaration came in a joint statement following their first trilateral "
        "meeting on North Korean human rights held in Washington, amid concerns that the "
        "North’s repressive political climate enables Pyongyang to advance its weapons "
        "programs unchecked.\n"
        "The three countries in their statement highlighted North Korea as “one of the "
        "worst human rights violators in the world,” citing credible reports of summary "
        "executions, assassinations, abductions – including those of Japanese, South "
        "Korean, and other foreign nationals – torture, and unlawful detentions.\n"
        "They called for a global shift in handling North Korean human rights, urging "
        "the international community to move beyond monitoring abuses to actively "
        "promoting accountability.\n"
        "Edited by Mike Firn."
    ),
}

# The count phrases each article carries, and what each must read as.
SEED_PHRASES = [
    ("000", "more than 60 member states", C(60, "more than")),
    ("000", "co-sponsored by 61 countries", C(61)),
    ("000", "the first 41 member states", C(41, "first")),
    ("000", "for 21 straight years", D(21)),
    ("001", "the 41 UN member states", C(41)),
    ("001", "from 2019-22", YS((2019, 2022))),
    ("001", "a decade of co-sponsorship", D(10, "about")),
    ("001", "in 2018", Y(2018)),
    ("002", "for the first time", O(1, "time")),
    ("002", "From 2008 to 2018", YS((2008, 2018))),
    ("002", "between 2019 and 2022", YS((2019, 2022))),
    ("002", "in 2023", Y(2023)),
    ("002", "January 2024", Y(2024)),
    ("003", "for 16 consecutive years", D(16)),
    ("003", "began in 2005", Y(2005)),
    ("003", "marks the 16th year", O(16, "year")),
    ("003", "the 7th time", O(7, "time")),
    ("003", "following 2012-2013 and 2016-2019", YS((2012, 2013), (2016, 2019))),
    ("003", "58 member states", C(58)),
    ("003", "for the second year in a row", O(2, "year")),
    ("004", "the 20th consecutive year", O(20, "year")),
    ("004", "the 2004 North Korean", Y(2004)),
    ("004", "in January 2024", Y(2024)),
    ("004", "Since 2005", Y(2005, "since")),
    ("004", "in a 335-37 vote", V(335, 37)),
    ("004", "First adopted in 2004", Y(2004)),
    ("004", "in August 2022", Y(2022)),
    ("004", "Act of 2004", Y(2004)),
    ("004", "lapsed in 2022", Y(2022)),
]


@pytest.mark.parametrize(("seed", "phrase", "expected"), SEED_PHRASES, ids=lambda v: str(v))
def test_seed_phrases_are_found(seed: str, phrase: str, expected: Quantity) -> None:
    """Every count phrase in the bundled articles is found, and reads as it should."""
    text = SEEDS[seed]
    at = text.find(phrase)
    assert at >= 0, f"{phrase!r} is not in seed {seed}"
    hits = [m for m in find_quantities(text) if m.start < at + len(phrase) and at < m.end]
    assert [m.quantity for m in hits] == [expected], [m.text for m in hits]


# Everything found in each article, in order: no more (false positives) and no less.
SEED_MENTIONS = {
    "000": [
        ("more than 60", "more than 60"),
        ("61", "61"),
        ("first 41", "first 41"),
        ("21 straight years", "21 years"),
    ],
    "001": [
        ("2025", "2025"),  # "Updated: November 12, 2025 11:00 IST2025-11-12T11:00:06+5:30…"
        ("41", "41"),
        ("from 2019-22", "2019-2022"),
        ("a decade", "about 10 years"),
        ("2018", "2018"),
    ],
    "002": [
        ("first time", "1st time"),
        ("From 2008 to 2018", "2008-2018"),
        ("between 2019 and 2022", "2019-2022"),
        ("2023", "2023"),
        ("2024", "2024"),
    ],
    "003": [
        ("16 consecutive years", "16 years"),
        ("2005", "2005"),
        ("16th year", "16th year"),
        ("7th time", "7th time"),
        ("2012-2013 and 2016-2019", "2012-2013, 2016-2019"),
        ("58", "58"),
        ("second year in a row", "2nd year"),
    ],
    "004": [
        ("20th consecutive year", "20th year"),
        ("2004", "2004"),
        ("2024", "2024"),
        ("Since 2005", "since 2005"),
        ("2", "2"),  # "North Korea executes 2 women"
        ("335-37 vote", "335-37 vote"),
        ("2004", "2004"),
        ("2022", "2022"),
        ("2004", "2004"),
        ("2022", "2022"),
        ("three", "3"),  # "The three countries"
    ],
}


@pytest.mark.parametrize("seed", sorted(SEEDS))
def test_seed_mentions(seed: str) -> None:
    mentions = find_quantities(SEEDS[seed])
    assert [(m.text, str(m.quantity)) for m in mentions] == SEED_MENTIONS[seed]
    for m in mentions:
        assert parse_quantity(m.text) == m.quantity
        assert m.text in m.sentence and "\n" not in m.sentence


NOT_FIGURES = [
    ("000", "2025-11-20"),
    ("001", "November 12, "),
    ("001", "11:00 IST2025-11-12T11:00:06+5:302025-11-12T11:00:24+5:30"),
    ("001", "Nov 12"),
    ("002", "2025-11-12"),
    ("002", "November 12"),
    ("003", "COVID-19"),
    ("003", "Corona 19"),
    ("004", "one of the worst"),
    ("004", "first trilateral"),
]


@pytest.mark.parametrize(("seed", "phrase"), NOT_FIGURES, ids=lambda v: str(v))
def test_seed_dates_times_and_identifiers_are_not_figures(seed: str, phrase: str) -> None:
    text = SEEDS[seed]
    at = text.index(phrase)
    assert not [m for m in find_quantities(text) if m.start < at + len(phrase) and at < m.end]


# -- laws --------------------------------------------------------------------------------

numbers = st.one_of(
    st.integers(0, 10**7),
    st.decimals(min_value=0, max_value=10**5, places=2, allow_nan=False, allow_infinity=False),
)
count_qualifiers = st.sampled_from(
    ["", "more than", "at least", "fewer than", "at most", "about", "nearly"]
)
years = st.integers(1000, 2999)


@st.composite
def quantities(draw: st.DrawFn) -> Quantity:
    kind = draw(st.sampled_from(list(Kind)))
    if kind is Kind.COUNT:
        if draw(st.booleans()):
            return C(draw(st.integers(0, 10**7)), "first")
        if draw(st.integers(0, 4)) == 0:
            low = draw(numbers)
            return Quantity(Kind.COUNT, low, "between", draw(st.sampled_from(["", "time"])),
                            other=low + draw(st.integers(1, 10**6)))
        return C(draw(numbers), draw(count_qualifiers), draw(st.sampled_from(["", "time"])))
    if kind is Kind.DURATION:
        if draw(st.integers(0, 4)) == 0:
            low = draw(st.integers(0, 500))
            return Quantity(Kind.DURATION, low, "between", "year", other=low + draw(
                st.integers(1, 50)))
        return D(draw(numbers), draw(count_qualifiers))
    if kind is Kind.ORDINAL:
        return O(
            draw(st.integers(0, 10**6)),
            draw(st.sampled_from(["", "year", "time"])),
            draw(count_qualifiers),
        )
    if kind is Kind.YEAR:
        return Y(draw(years), draw(st.sampled_from(["", "since", "before", "after", "until"])))
    if kind is Kind.YEARS:
        ys = draw(st.lists(st.integers(1000, 2998), min_size=1, max_size=8))
        return Quantity(Kind.YEARS, min(ys), years=ys, season=draw(st.booleans()))
    abstentions = draw(st.one_of(st.none(), st.integers(0, 10**4)))
    return Quantity(Kind.VOTE, draw(st.integers(0, 10**6)), other=draw(st.integers(0, 10**6)),
                    abstentions=abstentions)


bounds = st.one_of(
    st.none(),
    st.integers(-50, 50),
    st.decimals(min_value=-50, max_value=50, places=1, allow_nan=False, allow_infinity=False),
)
intervals = st.builds(Interval, bounds, bounds)
points = st.one_of(
    st.integers(-60, 60),
    st.decimals(min_value=-60, max_value=60, places=2, allow_nan=False, allow_infinity=False),
)


@given(quantities())
def test_law_quantity_text_round_trips(q: Quantity) -> None:
    """parse_quantity(str(q)) == q for every quantity."""
    assert parse_quantity(str(q)) == q


@given(intervals)
def test_law_interval_text_round_trips(i: Interval) -> None:
    """Interval.parse(str(i)) == i for every interval."""
    assert Interval.parse(str(i)) == i


@given(intervals, intervals, intervals)
def test_law_intersect_and_hull_commute_and_associate(
    a: Interval, b: Interval, c: Interval
) -> None:
    """a ∩ b = b ∩ a, (a ∩ b) ∩ c = a ∩ (b ∩ c); the same for hull."""
    assert a.intersect(b) == b.intersect(a)
    assert a.intersect(b).intersect(c) == a.intersect(b.intersect(c))
    assert a.hull(b) == b.hull(a)
    assert a.hull(b).hull(c) == a.hull(b.hull(c))


@given(intervals, intervals, points)
def test_law_membership(a: Interval, b: Interval, x: int | Decimal) -> None:
    """x ∈ a and x ∈ b ⇔ x ∈ a ∩ b; x ∈ a or x ∈ b ⇒ x ∈ hull(a, b); x ∈ a ⇔ x + k ∈ a + k."""
    assert (x in a and x in b) == (x in a.intersect(b))
    if x in a or x in b:
        assert x in a.hull(b)
    assert (x in a) == (x + 7 in a.shift(7))


@given(quantities(), st.integers(-700, 700))
def test_law_shift_years_undoes(q: Quantity, k: int) -> None:
    """shift_years(k) then shift_years(-k) is the identity; the interval of years moves by k."""
    assume_in_range = all(1000 <= y + k <= 2999 for y in (q.years or (q.number,)))
    if q.kind in (Kind.YEAR, Kind.YEARS) and not assume_in_range:
        with pytest.raises(QuantityError):
            q.shift_years(k)
        return
    shifted = q.shift_years(k)
    assert shifted.shift_years(-k) == q
    if q.kind in (Kind.YEAR, Kind.YEARS):
        assert shifted.interval == q.interval.shift(k)
    else:
        assert shifted == q


@given(quantities())
def test_law_exact_wordings_hold_their_figure(q: Quantity) -> None:
    """The figure as written lies in what an exact, 'about', 'at least' or 'at most'
    wording allows, and outside what 'more than', 'fewer than' and 'nearly' allow."""
    if q.qualifier in ("", "first", "about", "at least", "at most", "since"):
        assert q.number in q.interval
    if q.qualifier in ("more than", "fewer than", "nearly") and isinstance(q.number, int):
        assert q.number not in q.interval or q.number == 0


SNIPPETS = [w for _, phrase, _ in SEED_PHRASES for w in phrase.split()] + [
    "2019-22",
    "335-37",
    "vote",
    "November",
    "Nov.",
    "12",
    "11:00",
    "COVID-19",
    "more",
    "than",
    "a",
    "decade",
    "dozen",
    "one",
    "hundred",
    "and",
    "twenty-first",
    "year",
    "years",
    "in",
    "row",
    "since",
    "from",
    "to",
    "between",
    "2005",
    "1850",
    ",",
    ".",
    "\n",
    "–",
    "-",
    "first",
    "time",
    "1,500",
    "1.5",
    "million",
    "point",
    "five",
    "No.",
    "Resolution",
    "people",
    "ago",
]
texts = st.one_of(
    st.text(alphabet=st.sampled_from(list("0123456789 -–,.:/T+aAnd\n'’()%$")), max_size=60),
    st.lists(st.sampled_from(SNIPPETS), max_size=20).map(" ".join),
    st.text(max_size=40),
)


@given(texts)
def test_law_parse_reads_or_says_why(text: str) -> None:
    """parse_quantity either returns a quantity that round-trips or raises QuantityError."""
    try:
        q = parse_quantity(text)
    except QuantityError as exc:
        assert str(exc).startswith(f"cannot read a quantity from {text!r}: ")
    else:
        assert parse_quantity(str(q)) == q


@settings(max_examples=300)
@given(texts)
def test_law_find_quantities(text: str) -> None:
    """find_quantities never raises; its spans are in order, do not overlap, cut the text
    they name, and read back: parse_quantity(m.text) == m.quantity."""
    mentions = find_quantities(text)
    last_end = 0
    for m in mentions:
        assert last_end <= m.start < m.end <= len(text)
        assert text[m.start : m.end] == m.text
        assert parse_quantity(m.text) == m.quantity
        last_end = m.end


# -- the grammar's phrasing families, in generated sentences ----------------------------

QUALIFIER_WORDINGS = {
    "": "",
    "more than": "more than",
    "over": "more than",
    "just over": "more than",
    "well over": "more than",
    "exceeded": "more than",
    "topped": "more than",
    "surpassed": "more than",
    "at least": "at least",
    "as few as": "at least",
    "as many as": "at most",
    "up to": "at most",
    "nearly": "nearly",
    "almost": "nearly",
    "close to": "nearly",
    "some": "about",
    "about": "about",
    "roughly": "about",
    "an estimated": "about",
    "fewer than": "fewer than",
}
NOUNS = ["people", "homes", "countries", "troops", "votes cast", ""]
TITLES = ["title", "European Cup", "straight win", "successive title", "league crown",
          "Grand Slam title", "major"]
RUNS = ["consecutive", "straight", "successive", ""]
PREFIXES = ["", "Officials said", "On Monday,", "The report says", "In all,"]
SUFFIXES = [".", " on Tuesday.", ", officials said.", " in the report.", "; the rest fled."]
VAGUE = {"dozens": 24, "hundreds": 200, "thousands": 2000, "tens of thousands": 20_000,
         "hundreds of thousands": 200_000}


def _ordinal(n: int) -> str:
    suffix = "th" if n % 100 in (11, 12, 13) else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


@st.composite
def family_phrases(draw: st.DrawFn) -> tuple[str, Quantity]:
    """One phrase from a family the grammar reads, and the reading it must get."""
    family = draw(st.sampled_from(
        ["count", "title", "run", "times", "vote", "range", "season", "list", "bound",
         "vague", "name"]))
    if family == "count":
        wording = draw(st.sampled_from(sorted(QUALIFIER_WORDINGS)))
        n = draw(st.integers(2, 10**6))
        noun = draw(st.sampled_from(NOUNS))
        phrase = f"{wording} {n:,}".strip() + (f" {noun}" if noun else "")
        return phrase, C(n, QUALIFIER_WORDINGS[wording])
    if family == "title":
        n = draw(st.integers(1, 120))
        return f"a {_ordinal(n)} {draw(st.sampled_from(TITLES))}", O(n, "time")
    if family == "run":
        n = draw(st.integers(1, 120))
        run = draw(st.sampled_from(RUNS))
        glued = draw(st.booleans()) and run
        words = f"{run}year" if glued else f"{run} year".strip()
        return f"for the {_ordinal(n)} {words}", O(n, "year")
    if family == "times":
        n = draw(st.integers(2, 99))
        return f"the {n}-time champions", C(n, "", "time")
    if family == "vote":
        a, b = draw(st.integers(0, 400)), draw(st.integers(0, 400))
        form = draw(st.sampled_from(["voted {a}-{b}", "by {a} votes to {b}", "a {a}-{b} vote",
                                     "{a} in favour, {b} against"]))
        return form.format(a=a, b=b), V(a, b)
    if family == "range":
        a = draw(st.integers(2, 5000))
        b = draw(st.integers(2, 5000))
        assume(a < b)
        form = draw(st.sampled_from(["between {a} and {b} people", "{a}-{b} people",
                                     "{a} to {b} people"]))
        # "fell by 837,000 to 124 million" is a change, not a range: "to" spans 10-fold at most
        assume(b <= 10 * a or not form.startswith("{a} to"))
        return form.format(a=f"{a:,}", b=f"{b:,}"), Quantity(Kind.COUNT, a, "between", other=b)
    if family == "season":
        y = draw(st.integers(1950, 2090))
        return f"the {y}-{(y + 1) % 100:02d} season", Quantity(
            Kind.YEARS, y, years=(y,), season=True)
    if family == "list":
        ys = sorted(draw(st.sets(st.integers(1950, 2090), min_size=2, max_size=4)))
        text = ", ".join(map(str, ys[:-1])) + f" and {ys[-1]}"
        return f"in {text}", Quantity(Kind.YEARS, ys[0], years=ys)
    if family == "bound":
        word = draw(st.sampled_from(["before", "after", "until", "since"]))
        y = draw(st.integers(1950, 2090))
        return f"{word} {y},", Y(y, word)
    if family == "vague":
        word = draw(st.sampled_from(sorted(VAGUE)))
        return f"{word} of people", C(VAGUE[word], "at least")
    y = draw(st.integers(1950, 2090))
    return f"the {y} {draw(st.sampled_from(['winners', 'final', 'election']))}", Y(y)


@settings(max_examples=300)
@given(st.lists(family_phrases(), min_size=1, max_size=3), st.data())
def test_law_find_and_parse_read_a_phrase_alike(
    phrases: list[tuple[str, Quantity]], data: st.DataObject
) -> None:
    """In sentences built from the grammar's families, every mention reads back the same
    through parse_quantity, and each generated phrase gives its own reading."""
    sentences, targets = [], []
    offset = 0
    for phrase, expected in phrases:
        prefix = data.draw(st.sampled_from(PREFIXES))
        suffix = data.draw(st.sampled_from(SUFFIXES))
        head = (prefix + " ") if prefix else ""
        sentence = (head + phrase + suffix).strip()
        sentence = sentence[0].upper() + sentence[1:]
        targets.append((offset + len(head), offset + len(head) + len(phrase), expected))
        sentences.append(sentence)
        offset += len(sentence) + 1
    text = " ".join(sentences)
    mentions = find_quantities(text)
    for m in mentions:
        assert parse_quantity(m.text) == m.quantity, (m.text, text)
    for start, end, expected in targets:
        inside = [m.quantity for m in mentions if start <= m.start and m.end <= end]
        assert expected in inside, (text, expected)


@given(st.sampled_from(["Jan.", "Feb.", "Aug.", "Sept.", "Oct.", "Nov.", "Dec.", "U.S.",
                        "Dr. Smith", "No. 5"]), st.integers(1, 28))
def test_law_an_abbreviation_ends_no_sentence(abbreviation: str, day: int) -> None:
    """The words before an abbreviation's dot still belong to the figure's sentence: a
    vote named before "Nov. 12" reads the tally after it as in plain text."""
    plain = find_quantities("The vote ended 187-3.")
    text = f"The vote on {abbreviation} {day} ended 187-3."
    got = [(m.text, m.quantity) for m in find_quantities(text)]
    assert got[-1:] == [(m.text, m.quantity) for m in plain]
