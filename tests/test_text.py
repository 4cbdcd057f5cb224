"""Tests for factcheck.text: normalisation and its offset map."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.errors import FactCheckError
from factcheck.text import Normalized, SpanError, normalize

SINGLE_QUOTES = "\u2018\u2019\u201a\u201b\u2032"
DOUBLE_QUOTES = "\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb"
DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"
REMOVED = "\u00ad\u200b\u200c\u200d\u2060\ufeff"
SPACES = " \t\n\r\u00a0\u2009\u202f\u3000\u2028"

# Text that exercises every rule: typographic marks, spaces of all kinds, removed
# characters, NFKC expansions and compositions, Hangul jamo, astral characters.
messy_text = st.text(
    alphabet=st.one_of(
        st.sampled_from(
            "ab Z9.,'\"-"
            + SINGLE_QUOTES
            + DOUBLE_QUOTES
            + DASHES
            + REMOVED
            + SPACES
            + "\ufb01\u2026\u00a8\u00bd\u2460\uff21\u0301\u0308\u0323\u1100\u1161\u11a8"
            + "\u00e9\u212b\U0001f600\u0d3e\u0d46"
        ),
        st.characters(),
    ),
    max_size=40,
)


def spans(n: Normalized) -> list[tuple[int, int]]:
    return list(zip(n.starts, n.ends, strict=True))


# ---------------------------------------------------------------------------- units


def test_plain_ascii_is_unchanged_and_maps_one_to_one() -> None:
    n = normalize("The resolution, introduced for 21 straight years")
    assert n.text == "The resolution, introduced for 21 straight years"
    assert n.starts == tuple(range(len(n.text)))
    assert n.ends == tuple(range(1, len(n.text) + 1))


@pytest.mark.parametrize("mark", SINGLE_QUOTES)
def test_single_quotes_become_apostrophes(mark: str) -> None:
    assert normalize(f"Korea{mark}s").text == "Korea's"


@pytest.mark.parametrize("mark", DOUBLE_QUOTES)
def test_double_quotes_become_straight(mark: str) -> None:
    assert normalize(f"{mark}yes{mark}").text == '"yes"'


@pytest.mark.parametrize("dash", DASHES)
def test_dashes_become_hyphen_minus(dash: str) -> None:
    assert normalize(f"2012{dash}2013").text == "2012-2013"


@pytest.mark.parametrize("char", REMOVED)
def test_soft_hyphen_and_zero_width_characters_are_removed(char: str) -> None:
    n = normalize(f"co{char}operation")
    assert n.text == "cooperation"
    # the characters around the removed one keep their own offsets
    assert n.starts[2] == 3


def test_every_whitespace_run_becomes_one_space() -> None:
    n = normalize("a \t\n\u00a0\u2009b\r\n\r\nc\u3000d")
    assert n.text == "a b c d"
    assert n.to_original(1, 2) == (1, 6)


def test_leading_and_trailing_whitespace_collapses_but_is_kept() -> None:
    n = normalize("\n\n  two words \u00a0")
    assert n.text == " two words "
    assert n.to_original(0, 1) == (0, 4)
    assert n.to_original(10, 11) == (13, 15)


def test_case_is_kept() -> None:
    assert normalize("UN General Assembly").text == "UN General Assembly"


def test_nfkc_expansion_maps_every_part_to_the_whole_character() -> None:
    n = normalize("a \ufb01ne day\u2026")
    assert n.text == "a fine day..."
    assert n.to_original(2, 3) == (2, 3)  # the "f" of the ligature
    assert n.to_original(3, 4) == (2, 3)  # its "i"
    assert n.to_original(10, 13) == (9, 10)  # "..." is one ellipsis


def test_nfkc_composes_a_letter_and_its_combining_mark() -> None:
    n = normalize("caf\u0065\u0301 ok")
    assert n.text == "caf\u00e9 ok"
    assert n.to_original(3, 4) == (3, 5)


def test_nfkc_composes_hangul_jamo() -> None:
    n = normalize("\u1100\u1161\u11a8!")
    assert n.text == "\uac01!"
    assert spans(n) == [(0, 3), (3, 4)]


def test_full_width_and_compatibility_characters() -> None:
    assert normalize("\uff35\uff2e \u2460 \u00bd").text == "UN 1 1\u20442"


def test_double_prime_is_a_double_quote_not_two_primes() -> None:
    assert normalize("5\u2033").text == '5"'


def test_empty_text() -> None:
    n = normalize("")
    assert n == Normalized("", (), ())
    assert n.to_original(0, 0) == (0, 0)


def test_empty_span_maps_to_a_position() -> None:
    n = normalize("ab\u00ad")
    assert n.to_original(1, 1) == (1, 1)
    assert n.to_original(2, 2) == (2, 2)


@pytest.mark.parametrize("span", [(-1, 2), (2, 1), (0, 99)])
def test_span_outside_the_text_is_an_error(span: tuple[int, int]) -> None:
    with pytest.raises(SpanError) as info:
        normalize("short").to_original(*span)
    assert isinstance(info.value, FactCheckError)


# ----------------------------------------------------------------------- properties


@settings(max_examples=300)
@given(messy_text)
def test_map_is_monotone_and_inside_the_original(text: str) -> None:
    """Law: for every normalised character i, 0 <= starts[i] < ends[i] <= len(original),
    and both starts and ends never decrease."""
    n = normalize(text)
    assert len(n.starts) == len(n.ends) == len(n.text)
    for (s, e), (s2, e2) in zip(spans(n), spans(n)[1:], strict=False):
        assert s <= s2 and e <= e2
    for s, e in spans(n):
        assert 0 <= s < e <= len(text)


@settings(max_examples=300)
@given(messy_text, st.data())
def test_to_original_round_trips(text: str, data: st.DataObject) -> None:
    """Law: for a span [s, e) of the normalised text, to_original gives the tightest
    original slice [starts[s], ends[e-1]), and normalising that slice yields the span
    again (as a substring: neighbours that share an original character come along)."""
    n = normalize(text)
    if not n.text:
        return
    s = data.draw(st.integers(0, len(n.text) - 1))
    e = data.draw(st.integers(s + 1, len(n.text)))
    a, b = n.to_original(s, e)
    assert (a, b) == (n.starts[s], n.ends[e - 1])
    assert n.text[s:e] in normalize(text[a:b]).text


@settings(max_examples=300)
@given(messy_text)
def test_whole_text_round_trips(text: str) -> None:
    """Law: normalising the original slice that the whole normalised text maps to gives
    the whole normalised text."""
    n = normalize(text)
    if n.text:
        a, b = n.to_original(0, len(n.text))
        assert normalize(text[a:b]).text == n.text


@settings(max_examples=300)
@given(messy_text)
def test_output_has_no_typographic_marks_or_whitespace_runs(text: str) -> None:
    """Law: the normalised text holds no typographic quote or dash, no removed character,
    no whitespace other than the plain space, and never two spaces in a row."""
    out = normalize(text).text
    assert not set(out) & set(SINGLE_QUOTES + DOUBLE_QUOTES + DASHES + REMOVED)
    assert all(c == " " or not c.isspace() for c in out)
    assert "  " not in out


words = st.lists(
    st.sampled_from(["UN", "resolution", "Korea's", "21", "straight", "years", "co-sponsor"]),
    min_size=1,
    max_size=12,
)


@settings(max_examples=200)
@given(words, st.data())
def test_typography_does_not_change_the_normalised_text(
    tokens: list[str], data: st.DataObject
) -> None:
    """Law: a text typed with straight quotes, hyphens and single spaces normalises to the
    same text as its typeset form (curly quotes, dashes, odd spaces, soft hyphens)."""
    typed = " ".join(tokens)
    typeset = []
    for token in tokens:
        token = token.replace("'", data.draw(st.sampled_from(SINGLE_QUOTES)))
        token = token.replace("-", data.draw(st.sampled_from(DASHES)))
        if len(token) > 3 and data.draw(st.booleans()):
            token = token[:2] + "\u00ad" + token[2:]
        typeset.append(token)
    spaces = [data.draw(st.text(st.sampled_from(SPACES), min_size=1, max_size=3)) for _ in tokens]
    text = "".join(s + t for s, t in zip(spaces, typeset, strict=True))
    assert normalize(text).text.strip() == normalize(typed).text


@settings(max_examples=300, deadline=None)
@given(messy_text)
def test_the_map_kept_as_runs_spells_out_what_it_was_built_from(text: str) -> None:
    """Law: the offset map kept as runs gives back, character by character, the spans it
    was built from, and two maps of the same spans are equal."""
    n = normalize(text)
    again = Normalized(n.text, n.starts, n.ends)
    assert again == n and hash(again) == hash(n)
    assert [n.start_of(i) for i in range(len(n.text))] == list(again.starts)
    assert [n.end_of(i) for i in range(len(n.text))] == list(again.ends)


@pytest.mark.parametrize("starts, ends", [
    ((0, "x"), (1, 2)), ((0, 1), (1, 2**70)), ((0, -1), (1, 2)), ((1, 0), (2, 1)),
    ((0, 1), (2, 1)), ((True, 1), (1, 2)),
])
def test_a_map_that_is_not_spans_in_order_is_a_span_error(
    starts: tuple[object, ...], ends: tuple[object, ...]
) -> None:
    with pytest.raises(SpanError, match="character"):
        Normalized("ab", starts, ends)  # type: ignore[arg-type]


@pytest.mark.parametrize("body, title", [
    ("Sen. Kim said on Nov. 12 that the vote was close. It was.",
     "Sen. Kim said on Nov. 12 that the vote was close"),
    ("Mr. Lee left early. Then more.", "Mr. Lee left early"),
    ("SEOUL, Nov. 20 -- The UN adopted it again. More.", "The UN adopted it again"),
    (" " * 100_000 + "Hello world. Bye.", "Hello world"),
])
def test_supplied_title_reads_abbreviations_and_datelines(body: str, title: str) -> None:
    from factcheck.text import supplied_title

    assert supplied_title(body) == title


@settings(max_examples=400, deadline=None)
@given(messy_text | st.text(st.sampled_from("한국어 위원회\u1100\u1161\u11a8\u0301é\u00a0“”"),
                            max_size=60))
def test_words_copied_whole_give_what_the_per_character_path_gives(text: str) -> None:
    """Law: copying an NFKC-stable word without combining marks whole (Hangul, CJK) gives
    the text and offsets of normalising it one segment at a time."""
    from factcheck import text as module

    fast = normalize(text)
    module._STABLE_RUNS = False
    try:
        slow = normalize(text)
    finally:
        module._STABLE_RUNS = True
    assert fast == slow
