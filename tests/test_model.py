"""The model's constructors: the one filter from outside data."""

from __future__ import annotations

import datetime

import pytest

from factcheck import Claim, Kind, LoadError, Quote, Series, Source, Span, parse_quantity
from factcheck._toml import At, check_id, check_url, key_lines
from factcheck.errors import Problems

AT = At("claims/c.toml", ("claim", 1), {("claim", 1): 4, ("claim", 1, "value"): 7})
KINDS = {"years": Kind.ANNUAL, "cosponsors": Kind.TALLY, "sk": Kind.STATUS, "v": Kind.FIXED}
QUOTE = [{"source": "a", "text": "for 21 straight years, with more than 60 co-sponsors"}]


def claim(**table: object) -> Claim:
    return Claim.from_toml({"id": "c", "statement": "s", "quote": QUOTE, **table}, AT,
                           kinds=KINDS)


def problems_of(**table: object) -> list[str]:
    problems = Problems()
    Claim.from_toml({"id": "c", "statement": "s", "quote": QUOTE, **table}, AT, problems,
                    kinds=KINDS)
    return [str(p) for p in problems.items]


def test_a_numeric_value_is_a_quantity_and_keeps_its_wording() -> None:
    c = claim(series="years", value="21 straight years")
    assert c.value == parse_quantity("21 straight years") and c.quantity == c.value
    assert c.wording == "21 straight years"


def test_a_status_value_is_its_words() -> None:
    c = claim(series="sk", value="co-sponsor", years="2019-22")
    assert c.value == "co-sponsor" and c.quantity is None
    assert c.years == parse_quantity("2019-2022") and c.years_wording == "2019-22"


def test_a_claim_without_series_has_a_quantity_only_when_its_value_reads_as_one() -> None:
    assert claim(value="61").value == parse_quantity("61")
    words = claim(value="the resolution passed")
    assert words.value is None and words.wording == "the resolution passed"
    assert claim().value is None and claim().wording == ""


def test_an_absent_value_is_the_first_figure_the_series_can_read() -> None:
    tally = claim(series="cosponsors")
    assert tally.value == parse_quantity("more than 60") and tally.wording == "more than 60"
    assert claim(series="years").wording == "21 straight years"


def test_as_of_is_a_span_and_as_of_note_is_kept() -> None:
    c = claim(as_of=datetime.date(2025, 11, 19), as_of_note="the vote was held on Nov. 19")
    assert c.as_of == Span.day(datetime.date(2025, 11, 19))
    assert c.as_of_note == "the vote was held on Nov. 19"
    assert claim(as_of=2020).as_of == Span.year(2020)
    moment = datetime.datetime(2025, 11, 19, 10, 30)
    assert claim(as_of=moment).as_of == Span.day(moment.date())


@pytest.mark.parametrize(("table", "message"), [
    ({"as_of": 0}, "claims/c.toml:4: claim[1].as_of: year 0 is out of range"),
    ({"as_of": 99999999999999999999}, "claim[1].as_of: year 999999999999… is out of range"),
    ({"as_of": True}, "claim[1].as_of: expected a date (2025-11-19) or a year (2025), got true"),
    ({"as_of": datetime.date(1, 1, 1)}, "date 0001-01-01 is out of range"),
    ({"series": "sk", "value": "x", "years": "99999 years"}, "99,999 years is more than 1,000"),
    ({"series": "sk", "value": "x", "years": "11 years", "until": 10000},
     "until: year 10000 is out of range"),
    ({"series": "sk", "value": "x", "years": "1000 years", "until": 1500},
     "'1000 years' up to 1500 would start in 501, before 1000"),
    ({"series": "sk", "value": "x", "until": 2018}, "until goes with years given as a duration"),
    ({"series": "sk"}, "a status claim needs a value"),
    ({"series": "years", "value": "the 5000th year"}, "5,000th year is more than 1,000 years"),
    ({"series": "cosponsors", "value": "2019-22"},
     "claims/c.toml:7: claim[1].value: claim 'c': '2019-22' reads as years (2019-2022); "
     "its series takes count"),
    ({"series": "cosponsors", "value": "lots"}, "claim[1].value: claim 'c': cannot read"),
    ({"series": "yeras"}, "claim[1].series: claim 'c': unknown series 'yeras' (did you mean"),
    ({"value": ""}, "claim[1].value: must not be empty"),
    ({"id": "a\nb"}, "claim[1].id: claim id 'a\\nb' is not a valid id"),
    ({"id": "x`<img src=x>`"}, "is not a valid id"),
    ({"quote": []}, "a claim needs at least one [[claim.quote]]"),
    ({"quote": 5}, "claim[1].quote: expected [[claim.quote]] tables"),
    ({"quote": [{"source": "a"}]}, "claim[1].quote[1]: missing required key 'text'"),
    ({"valeu": "3"}, "claim[1].valeu: unknown key (did you mean 'value'?)"),
])
def test_bad_claims_are_refused_with_file_line_and_key(table: dict[str, object],
                                                       message: str) -> None:
    found = problems_of(**table)
    assert any(message in p for p in found), found
    assert all(p.startswith("claims/c.toml:") for p in found)


def test_without_a_collector_a_constructor_raises_every_problem_at_once() -> None:
    with pytest.raises(LoadError) as info:
        Claim.from_toml({"id": "c", "statement": "", "as_of": 0, "quote": QUOTE}, AT)
    assert len(info.value.problems) == 2


def test_series_and_quote_constructors() -> None:
    s = Series.from_toml({"id": "s", "kind": "tally", "monotone": "increasing"}, At("c.toml"))
    assert s.kind is Kind.TALLY
    q = Quote.from_toml({"source": "a", "text": "t", "prefix": "p"}, At("c.toml"))
    assert (q.source, q.text, q.prefix) == ("a", "t", "p")
    problems = Problems()
    assert Series.from_toml({"id": "s", "kind": "status", "monotone": "increasing"},
                            At("c.toml", ("series", 1)), problems) is None
    assert "monotone applies to tally series" in str(problems.items[0])


def test_source_from_text_accepts_a_bom_and_cr_line_endings() -> None:
    s = Source.from_text("\ufeff+++\rtitle = \"T\"\r+++\rOne.\rTwo.", "a")
    assert (s.title, s.body) == ("T", "One.\nTwo.")


@pytest.mark.parametrize(("front", "message"), [
    ('url = "script"', "url: expected an http:// or https:// URL, got 'script'"),
    ('url = "javascript:alert(1)"', "expected an http:// or https:// URL"),
    ("published = 0001-01-01", "published: date 0001-01-01 is out of range"),
    ("updated = 10000-01-01", "invalid TOML"),
    ('version_of = "a b"', "version_of: source id 'a b' is not a valid id"),
    ('titel = "x"', "titel: unknown key (did you mean 'title'?)"),
])
def test_bad_front_matter_is_refused(front: str, message: str) -> None:
    problems = Problems()
    assert Source.from_text(f"+++\n{front}\n+++\nBody.", "a", "sources/a.md", problems) is None
    (problem,) = problems.items
    assert str(problem).startswith("sources/a.md:2: ") and message in str(problem)


@pytest.mark.parametrize("good", ["000-yonhap-2025-11-20", "a", "A_b.c-9",
                                  "page@2025-11-20", "page@2025-11-20-2"])
def test_source_ids_that_follow_the_pattern(good: str) -> None:
    assert check_id(good, "source", source=True) == ""


@pytest.mark.parametrize("bad", ["", "-a", ".hidden", "a b", "a\nb", "zz`<img src=x>`",
                                 "a@b", "a@2025-13-01", "a@0999-01-01", "a@2025-01-01@2025-01-02",
                                 "é", "x" * 201])
def test_source_ids_off_the_pattern(bad: str) -> None:
    assert check_id(bad, "source", source=True) != ""


def test_a_version_suffix_is_for_source_ids_only() -> None:
    assert check_id("page@2025-11-20", "claim") != ""


@pytest.mark.parametrize(("url", "ok"), [
    ("https://example.org/a?b=c#d", True), ("http://example.org", True),
    ("HTTPS://EXAMPLE.ORG", True), ("ftp://example.org", False), ("https://", False),
    ("https://exa mple.org", False), ("https://example.org/<script>", False),
    ("//example.org", False), ("", False),
])
def test_urls(url: str, ok: bool) -> None:
    assert (check_url(url) == "") is ok


def test_key_lines_follow_quoted_keys_and_multiline_strings() -> None:
    text = '[[claim]]\nid = "a"\nstatement = """\nid = "no"\n"""\n"value" = "3"\n'
    lines = key_lines(text)
    assert lines[("claim", 1, "id")] == 2 and lines[("claim", 1, "value")] == 6


def test_every_public_name_is_exported_and_loads() -> None:
    """The lazy package lists its public names three times (for type checkers, for loading
    on first use, in __all__): they must agree, and each must load."""
    import factcheck

    assert sorted(factcheck.__all__) == sorted(factcheck._WHERE)
    for name in factcheck.__all__:
        assert getattr(factcheck, name) is not None
