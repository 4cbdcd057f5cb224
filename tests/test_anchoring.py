"""Tests for factcheck.anchoring: locating a quote in a source text."""

from __future__ import annotations

import random

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from rapidfuzz.distance import Levenshtein

from factcheck.anchoring import (
    Anchor,
    AnchorOptions,
    Candidate,
    Match,
    OptionsError,
    anchor,
    search,
)
from factcheck.errors import FactCheckError
from factcheck.text import normalize

# A text in which every word is different, so a passage cut from it occurs once.
WORDS = """
resolution committee assembly consensus member states sponsor adopted human rights north korea
united nations vote draft year consecutive annual report general third japan britain france
australia canada europe union council session plenary record decade straight support withdrew
returned listed proposer backing countries
"""
VOCABULARY = tuple(WORDS.split())


def unique_words(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return [f"{rng.choice(VOCABULARY)}{i:03d}" for i in range(count)]


word_text = st.builds(
    lambda n, seed: " ".join(unique_words(n, seed)),
    st.integers(20, 120),
    st.integers(0, 2**32),
)

OVERLAP = "the spans overlap"


def overlaps(a: Anchor | Candidate, start: int, end: int) -> bool:
    assert a.start is not None and a.end is not None
    return a.start < end and start < a.end


# ------------------------------------------------------------------------- exact stage


def test_exact_match() -> None:
    text = "A UN committee has adopted by consensus a resolution."
    a = anchor("adopted by consensus", text)
    assert (a.status, a.start, a.end, a.method, a.score) == ("found", 19, 39, "exact", 100.0)
    assert a.text == "adopted by consensus"
    assert a.found and a.nearest is None and a.alternatives == ()


def test_several_occurrences_without_context_are_ambiguous_at_the_first() -> None:
    text = "we had everything before us, we had nothing before us"
    a = anchor("before us", text)
    assert a.status == "ambiguous" and a.found
    assert (a.start, a.end, a.method) == (18, 27, "exact")
    assert [(c.start, c.end) for c in a.alternatives] == [(18, 27), (44, 53)]


@pytest.mark.parametrize(
    ("context", "start"),
    [
        ({"prefix": "we had everything "}, 18),
        ({"prefix": "we had nothing "}, 44),
        ({"suffix": ", we had nothing"}, 18),
        ({"hint": 40}, 44),
        ({"hint": 0}, 18),
    ],
)
def test_context_or_hint_chooses_among_occurrences(context: dict[str, object], start: int) -> None:
    text = "we had everything before us, we had nothing before us"
    a = anchor("before us", text, **context)  # type: ignore[arg-type]
    assert (a.status, a.start) == ("found", start)
    assert len(a.alternatives) == 1


def test_hint_halfway_between_two_occurrences_stays_ambiguous() -> None:
    text = "one x two x"
    assert anchor("x", text, hint=7).status == "ambiguous"


def test_context_that_disagrees_rejects_even_an_exact_match() -> None:
    """The quote "Robin" with context "written by ... and" was edited to "Elisa"; another
    "Robin" elsewhere must not take its place (hypothesis/h#2798)."""
    text = "Robin Jones chairs the panel. The report was written by Elisa and approved."
    a = anchor("Robin", text, prefix="The report was written by ", suffix=" and approved.")
    assert a.status == "not_found"
    assert a.nearest is not None and a.nearest.start == 0 and a.nearest.score < 75


def test_context_cut_off_by_the_end_of_the_text_neither_agrees_nor_disagrees() -> None:
    a = anchor("text", "Some document text", suffix="missing")
    assert (a.status, a.start) == ("found", 14)
    assert 75 <= a.score < 100  # less than agreeing context, more than disagreeing


def test_overlapping_exact_occurrences_are_distinct_places() -> None:
    a = anchor("aa", "aaa")
    assert a.status == "ambiguous"
    assert [(c.start, c.end) for c in a.alternatives] == [(0, 2), (1, 3)]


# -------------------------------------------------------------------- normalised stage


@pytest.mark.parametrize(
    ("quote", "text", "span"),
    [
        ("North Korea's human rights", "on North Korea\u2019s human rights", (3, 29)),
        ('"by consensus"', "adopted \u201cby consensus\u201d today", (8, 22)),
        ("2012-2013 and 2016-2019", "in 2012\u20132013 and 2016\u20142019.", (3, 26)),
        ("21 straight years", "for 21\u00a0straight\nyears.", (4, 21)),
        ("co-operation", "co\u00ad-opera\u00adtion", (0, 14)),
        ("the UN General Assembly", "the UN  General\r\n  Assembly", (0, 27)),
        ("caf\u00e9", "a cafe\u0301 here", (2, 7)),
    ],
)
def test_typographic_differences_match_after_normalisation(
    quote: str, text: str, span: tuple[int, int]
) -> None:
    a = anchor(quote, text)
    assert (a.status, a.method, a.score) == ("found", "normalized", 100.0)
    assert (a.start, a.end) == span
    assert a.text == text[span[0] : span[1]]


def test_quote_with_stray_whitespace_matches_after_normalisation() -> None:
    a = anchor("  straight years \n", "for 21 straight years.")
    assert (a.method, a.start, a.end) == ("normalized", 7, 21)


def test_quote_of_only_invisible_characters_is_not_found() -> None:
    assert anchor("\u200b\u00ad", "some text").status == "not_found"


# ------------------------------------------------------------------------- fuzzy stage


def test_fuzzy_match_reports_the_original_span_and_a_score() -> None:
    text = "Seoul said on Thursday that the resolution was adopted for 21 straight years."
    a = anchor("the resolution was adpoted for 21 straigth years", text)
    assert (a.status, a.method) == ("found", "fuzzy")
    assert a.text == "the resolution was adopted for 21 straight years"
    assert 80 < a.score < 100


def test_fuzzy_boundaries_are_exact_in_the_original_text() -> None:
    text = (
        "It said \u201cthe resolution\u2014adopted by\u00a0consensus\u2014passed\u201d yesterday."
    )
    a = anchor('"the resolution - adopted by consensus - pased"', text)
    assert a.method == "fuzzy"
    assert a.text == "\u201cthe resolution\u2014adopted by\u00a0consensus\u2014passed\u201d"


def test_short_quotes_are_never_matched_fuzzily() -> None:
    text = "The resolution was adopted for 21 straight years."
    a = anchor("for 27 straight", text)
    assert a.status == "not_found"
    assert a.nearest is not None and a.nearest.text == "for 21 straight"
    longer = anchor("for 27 straight", text, options=AnchorOptions(short_quote=10))
    assert (longer.status, longer.method) == ("found", "fuzzy")


def test_too_many_edits_is_not_found_with_the_nearest_passage() -> None:
    text = "It was the best of times, it was the worst of times, it was the age of wisdom."
    a = anchor("ot wus thy wrst af tmes, ot ws tha agy o wsdum", text)  # 13 edits in 46
    assert a.status == "not_found" and a.start is None and a.text == "" and a.score == 0
    assert a.nearest is not None and 0 < a.nearest.score < 100
    assert overlaps(a.nearest, 26, 77), OVERLAP


def test_fuzzy_candidates_within_the_margin_are_ambiguous() -> None:
    text = "the committee adopted the text today. the committee adopted the test today."
    a = anchor("the committee adopted the tekst today", text)
    assert a.status == "ambiguous" and a.method == "fuzzy"
    assert a.start == 0
    assert len(a.alternatives) == 2
    decided = anchor("the committee adopted the tekst today", text, hint=40)
    assert (decided.status, decided.start) == ("found", 38)


def test_margin_zero_lets_the_better_fuzzy_candidate_win() -> None:
    text = "the committee adopted the text today. the committee adopted the tex today."
    a = anchor("the committee adopted the tekst today", text, options=AnchorOptions(margin=0))
    assert (a.status, a.start) == ("found", 0)


def test_lookalike_paragraph_does_not_take_the_place_of_a_deleted_one() -> None:
    """hypothesis/client#7571: the quoted paragraph was deleted; its near twin about
    another team must not be reported as the quote's place."""
    before = "Quarterly results. "
    alpha = "Team Alpha reported that the new deployment reduced latency by twelve percent."
    beta = "Team Beta reported that the new deployment reduced latency by twelve percent."
    after = " Questions to the operations desk."
    edited = before + beta + after  # Alpha's paragraph is gone
    a = anchor(alpha, edited, prefix="Summary of the regional results: ", suffix=" Contact Alpha.")
    assert a.status == "not_found"
    assert a.nearest is not None and a.nearest.text == beta
    # Without any context the twin is the quote with five edits: that is a fuzzy find.
    assert anchor(alpha, edited).method == "fuzzy"


def test_max_displacement_keeps_an_edited_passage_from_drifting() -> None:
    text = (
        "Robin Jones said the panel met. "
        + "Filler text. " * 20
        + "Elisa Jones said the panel met."
    )
    hint = text.index("Elisa")
    quote = "Robin Jones said the panel met."
    assert anchor(quote, text, hint=hint).start == 0  # no limit: the old words are found
    limited = anchor(quote, text, hint=hint, options=AnchorOptions(max_displacement=50))
    assert limited.status == "found" and limited.method == "fuzzy" and limited.start == hint


# ------------------------------------------------------------------------ edge cases


@pytest.mark.parametrize(("quote", "text"), [("", "text"), ("quote", ""), ("", "")])
def test_empty_quote_or_text_is_not_found(quote: str, text: str) -> None:
    a = anchor(quote, text)
    assert a == Anchor("not_found", None, None, None, 0.0, "", None, ())


def test_quote_longer_than_text() -> None:
    a = anchor("the resolution was adopted by consensus", "adopted")
    assert a.status == "not_found"


@pytest.mark.parametrize(
    "options",
    [
        {"min_score": 101},
        {"min_score": -1},
        {"max_edit_ratio": 1.5},
        {"max_displacement": -1},
        {"margin": -0.5},
        {"short_quote": -2},
    ],
)
def test_options_out_of_range_are_errors(options: dict[str, float]) -> None:
    with pytest.raises(OptionsError) as info:
        AnchorOptions(**options)  # type: ignore[arg-type]
    assert isinstance(info.value, FactCheckError)


def test_anchoring_is_deterministic() -> None:
    text = " ".join(unique_words(300, 7))
    quote = text[500:640].replace("e", "a", 3)
    assert anchor(quote, text) == anchor(quote, text)


# ---------------------------------------------------------------------------- search


def test_search_examples() -> None:
    assert search("three blind mice", "blind", 0) == (Match(6, 11, 0),)
    assert search("four candles", "foouur", 1) == ()
    assert search("", "foo", 3) == () and search("foo", "", 3) == ()
    assert search("foo", "foo", -1) == ()
    assert len(search("foo bar " * 5, "foo", 0)) == 5


def brute_force(text: str, pattern: str, max_errors: int) -> list[tuple[int, int, int]]:
    out = []
    for end in range(1, len(text) + 1):
        costs = [Levenshtein.distance(pattern, text[s:end]) for s in range(end + 1)]
        best = min(costs)
        if best <= max_errors:
            out.append((costs.index(best), end, best))
    return out


@settings(max_examples=300)
@given(st.text("abc", max_size=14), st.text("abc", min_size=1, max_size=7), st.integers(0, 7))
def test_search_agrees_with_brute_force(text: str, pattern: str, max_errors: int) -> None:
    """Law: search reports, for every end with a substring within max_errors edits, the
    least edit count and the earliest start reaching it -- exactly what a brute-force
    Levenshtein comparison of every substring gives."""
    got = [(m.start, m.end, m.errors) for m in search(text, pattern, max_errors)]
    assert got == brute_force(text, pattern, min(max_errors, len(pattern)))


@settings(max_examples=60)
@given(st.text("ab ", min_size=60, max_size=140), st.text("ab ", min_size=40, max_size=70))
def test_search_agrees_with_brute_force_beyond_a_machine_word(text: str, pattern: str) -> None:
    """Law: the same holds for patterns and texts longer than 32 or 64 characters."""
    got = [(m.start, m.end, m.errors) for m in search(text, pattern, 20)]
    assert got == brute_force(text, pattern, 20)


@settings(max_examples=200)
@given(st.text(max_size=12), st.text(min_size=1, max_size=6), st.integers(0, 6))
def test_search_agrees_with_brute_force_on_any_unicode(
    text: str, pattern: str, max_errors: int
) -> None:
    """Law: search counts edits in code points, whatever the characters (astral ones
    included), exactly as a brute-force comparison does."""
    got = [(m.start, m.end, m.errors) for m in search(text, pattern, max_errors)]
    assert got == brute_force(text, pattern, min(max_errors, len(pattern)))


def test_search_in_a_text_of_more_than_255_distinct_characters() -> None:
    text = "".join(chr(0x4E00 + i) for i in range(400))
    pattern = text[300:310]
    assert search(text, pattern, 0) == (Match(300, 310, 0),)
    edited = pattern[:4] + "x" + pattern[5:]
    assert [(m.start, m.end, m.errors) for m in search(text, edited, 1)] == [(300, 310, 1)]
    a = anchor(edited + text[310:330], text)
    assert (a.status, a.method, a.start, a.end) == ("found", "fuzzy", 300, 330)


# ------------------------------------------------------------------------ properties


@settings(max_examples=300)
@given(st.text(max_size=60), st.data())
def test_a_cut_substring_anchors_back_to_its_offsets(text: str, data: st.DataObject) -> None:
    """Law: a substring cut from a text anchors back to its own offsets, exactly -- or, when
    an identical copy occurs earlier, the result is ambiguous, starts at the first copy and
    lists the cut among its alternatives."""
    assume(text)
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, len(text)))
    quote = text[start:end]
    a = anchor(quote, text)
    assert a.method == "exact" and a.text == quote
    if a.status == "found":
        assert (a.start, a.end) == (start, end)
    else:
        assert a.status == "ambiguous" and a.start == text.find(quote)
        assert (start, end) in [(c.start, c.end) for c in a.alternatives]


SINGLE_QUOTES = "\u2018\u2019\u201a\u201b\u2032"
DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"
ODD_SPACES = "\u00a0\u2009\u202f\n\t"


@st.composite
def typeset_text(draw: st.DrawFn) -> tuple[str, list[tuple[int, int]], list[str]]:
    """A text of unique words set with typographic marks, each word's span, and the word
    as a person would type it."""
    words = unique_words(draw(st.integers(8, 40)), draw(st.integers(0, 2**32)))
    parts: list[str] = []
    spans = []
    typed = []
    pos = 0
    for w in words:
        mark = draw(st.sampled_from(["plain", "apostrophe", "dash", "soft", "quoted"]))
        if mark == "apostrophe":
            set_w, typed_w = w + draw(st.sampled_from(SINGLE_QUOTES)) + "s", w + "'s"
        elif mark == "dash":
            set_w, typed_w = w + draw(st.sampled_from(DASHES)) + "x", w + "-x"
        elif mark == "soft":
            set_w, typed_w = w[:3] + "\u00ad" + w[3:], w
        elif mark == "quoted":
            set_w, typed_w = "\u201c" + w + "\u201d", '"' + w + '"'
        else:
            set_w, typed_w = w, w
        space = draw(st.sampled_from([" ", " ", "  ", *ODD_SPACES])) if parts else ""
        pos += len(space)
        parts.append(space + set_w)
        spans.append((pos, pos + len(set_w)))
        typed.append(typed_w)
        pos += len(set_w)
    return "".join(parts), spans, typed


@settings(max_examples=150)
@given(typeset_text(), st.data())
def test_typography_never_moves_the_anchor(
    case: tuple[str, list[tuple[int, int]], list[str]], data: st.DataObject
) -> None:
    """Law: a passage typed with straight quotes, hyphens, plain spaces and no soft hyphens
    anchors to exactly the span of its typeset original (curly quotes, dashes, odd spaces,
    soft hyphens)."""
    text, spans, typed = case
    i = data.draw(st.integers(0, len(spans) - 1))
    j = data.draw(st.integers(i + 1, len(spans)))
    quote = " ".join(typed[i:j])
    a = anchor(quote, text)
    assert a.status == "found" and a.method in ("exact", "normalized")
    assert (a.start, a.end) == (spans[i][0], spans[j - 1][1])


def random_edits(quote: str, k: int, rng: random.Random) -> str:
    chars = list(quote)
    for _ in range(k):
        i = rng.randrange(len(chars))
        op = rng.choice("sid")
        if op == "s":
            chars[i] = rng.choice("xyzq")
        elif op == "i":
            chars.insert(i, rng.choice("xyzq"))
        elif len(chars) > 1:
            del chars[i]
    return "".join(chars)


@settings(max_examples=120)
@given(word_text, st.data())
def test_edits_within_tolerance_anchor_to_an_overlapping_span(
    text: str, data: st.DataObject
) -> None:
    """Law: a passage of 40+ characters with k random edits, k within max_edit_ratio of its
    length, anchors (found or ambiguous) to a span that overlaps the passage."""
    start = data.draw(st.integers(0, len(text) - 40))
    end = data.draw(st.integers(start + 40, min(len(text), start + 250)))
    passage = text[start:end]
    ratio = AnchorOptions().max_edit_ratio
    # k deletions shorten the quote, and the tolerance is a fraction of the quote's length
    k = data.draw(st.integers(0, int(ratio * (len(passage) - 2) / (1 + ratio))))
    quote = random_edits(passage, k, random.Random(data.draw(st.integers(0, 2**32))))
    assume(k <= ratio * len(normalize(quote).text.strip()))
    a = anchor(quote, text)
    assert a.found
    assert overlaps(a, start, end), OVERLAP


any_options = st.builds(
    AnchorOptions,
    min_score=st.floats(0, 100),
    max_edit_ratio=st.floats(0, 1),
    max_displacement=st.none() | st.integers(0, 100),
    margin=st.floats(0, 100),
    short_quote=st.integers(0, 30),
)


@settings(max_examples=300)
@given(
    st.text(max_size=40),
    st.text(max_size=80),
    st.text(max_size=20),
    st.text(max_size=20),
    st.none() | st.integers(-100, 200),
    any_options,
)
def test_anchor_never_raises(
    quote: str, text: str, prefix: str, suffix: str, hint: int | None, options: AnchorOptions
) -> None:
    """Law: anchor() returns an Anchor for any Unicode quote, text, prefix, suffix, hint and
    valid options -- and what it returns is consistent: a span inside the text whose text
    is reported, a score within 0-100, a nearest passage only when nothing was found."""
    a = anchor(quote, text, prefix=prefix, suffix=suffix, hint=hint, options=options)
    assert 0 <= a.score <= 100
    if a.found:
        assert a.start is not None and a.end is not None and a.method is not None
        assert 0 <= a.start <= a.end <= len(text) and a.text == text[a.start : a.end]
        assert a.nearest is None
    else:
        assert (a.start, a.end, a.method, a.text, a.alternatives) == (None, None, None, "", ())
    for c in (*a.alternatives, *([a.nearest] if a.nearest else [])):
        assert 0 <= c.start <= c.end <= len(text) and c.text == text[c.start : c.end]
        assert 0 <= c.score <= 100


names = st.sampled_from(["Robin", "Elisa", "Marta", "Jonas", "Ileana", "Tomas", "Priya"])


@settings(max_examples=100)
@given(st.lists(names, min_size=2, max_size=2, unique=True), word_text, word_text, st.data())
def test_an_edited_name_does_not_reanchor_to_an_earlier_occurrence_of_the_old_name(
    pair: list[str], filler1: str, filler2: str, data: st.DataObject
) -> None:
    """Law: when the quoted name was edited in the source (old -> new) and the old name
    still occurs earlier, the quote -- given with its original context -- is either found
    at the edited place or not found; it never lands on the earlier old name."""
    old, new = pair
    lead = "The report was written by "
    tail = " and approved by the council."
    text = f"{filler1} {old} spoke. {filler2}. {lead}{new}{tail}"
    edited_at = text.index(lead) + len(lead)
    old_at = text.index(f" {old} spoke") + 1
    shape = data.draw(st.sampled_from(["name", "sentence"]))
    if shape == "name":
        quote, prefix, suffix = old, lead, tail
    else:
        quote, prefix, suffix = f"{lead}{old}{tail}".strip(), filler2[-20:] + ". ", ""
    a = anchor(quote, text, prefix=prefix, suffix=suffix, hint=edited_at)
    if a.found:
        assert not overlaps(a, old_at, old_at + len(old))
        assert overlaps(a, edited_at, edited_at + len(new)), OVERLAP


@settings(max_examples=100)
@given(word_text, st.data())
def test_not_found_gives_the_nearest_passage_with_a_score(text: str, data: st.DataObject) -> None:
    """Law: a passage edited beyond tolerance (40% of its characters changed) is not found,
    and the result names the nearest passage -- overlapping the original one -- with a
    score between 0 and 100."""
    start = data.draw(st.integers(0, len(text) - 60))
    passage = text[start : start + 60]
    rng = random.Random(data.draw(st.integers(0, 2**32)))
    chars = list(passage)
    for i in rng.sample(range(len(chars)), 24):
        chars[i] = "#"
    a = anchor("".join(chars), text)
    assert a.status == "not_found"
    assert a.nearest is not None and 0 < a.nearest.score < 100
    assert overlaps(a.nearest, start, start + 60), OVERLAP


@pytest.mark.parametrize("kwargs", [{"margin": "x"}, {"min_score": None}, {"short_quote": 2.5},
                                    {"max_displacement": "3"}, {"max_edit_ratio": float("nan")},
                                    {"short_quote": True}])
def test_options_of_the_wrong_type_are_option_errors(kwargs: dict[str, object]) -> None:
    from factcheck.anchoring import AnchorOptions, OptionsError

    with pytest.raises(OptionsError):
        AnchorOptions(**kwargs)  # type: ignore[arg-type]
