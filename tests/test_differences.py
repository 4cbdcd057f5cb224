"""Tests for factcheck.differences: locate fuzzily, support strictly.

The passages are the sentences of the bundled sources; the edits are the ones issue 8
reports (meaning-reversing edits that fuzzy matching accepts) and the spelling-level ones
that must never change the verdict.
"""

from __future__ import annotations

import functools
import random
import re
from pathlib import Path

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

import factcheck
from factcheck import Case, anchor
from factcheck.differences import (
    CATEGORIES,
    Difference,
    differences_at,
    supports,
    word_differences,
)
from factcheck.errors import SpanError

ROOT = Path(__file__).resolve().parent.parent
CASE = Case.load(ROOT)
BODIES = {s.id: s.body for s in CASE.sources}


def _sentences() -> list[str]:
    out: list[str] = []
    for body in BODIES.values():
        for line in body.split("\n"):
            for sentence in re.split(r"(?<=[.!?])\s+(?=[A-Z“\"])", line):
                words = sentence.split()
                if 6 <= len(words) <= 45 and sum(any(c.isalnum() for c in w) for w in words) >= 6:
                    out.append(sentence.strip())
    return sorted(set(out))


SENTENCES = _sentences()
sentences = st.sampled_from(SENTENCES)


@functools.cache
def dropped_category(word: str) -> str:
    """The category the rule gives *word* (through the public API: drop it from a quote)."""
    (d,) = word_differences(f"and {word}", "and")
    return d.category


def ordinary(word: str) -> bool:
    return word.isalpha() and word.islower() and dropped_category(word) == "word"


def changed(quote: str, passage: str) -> list[tuple[str, str, str]]:
    return [(d.quote, d.source, d.category) for d in word_differences(quote, passage)]


# --------------------------------------------------------------------------------------
# Issue 8: the four meaning-reversing edits, and spelling-level edits of the same passages

REVERSING = [
    # (source id, the source's words, the edit, the quote of the bundled claim, difference)
    ("002-hyein-shim-2025-11-12", "did not participate", "did participate",
     "The United States, however, did not participate as a co-sponsor this year",
     ("not", "", "negation")),
    ("001-ians-2025-11-12", "was not among the sponsoring", "was among the sponsoring",
     "The United States was not among the sponsoring countries",
     ("not", "", "negation")),
    ("001-ians-2025-11-12", "South Korea was among the 41", "North Korea was among the 41",
     "South Korea was among the 41 UN member states co-sponsoring the resolution",
     ("South", "North", "name")),
    ("004-undated-taipei", "ended in August 2022", "ended in September 2022",
     "The last reauthorization ended in August 2022",
     ("August", "September", "date")),
]


@pytest.mark.parametrize(("source", "old", "new", "quote", "expected"), REVERSING)
def test_issue_8_reversing_edits_are_listed(
    source: str, old: str, new: str, quote: str, expected: tuple[str, str, str]
) -> None:
    body = BODIES[source]
    assert body.count(old) == 1
    edited = body.replace(old, new)
    found = anchor(quote, edited)
    # The anchor still finds the edited passage (fuzzily): that is where, not support.
    assert found.status == "found"
    assert found.method == "fuzzy"
    assert found.start is not None and found.end is not None
    differences = differences_at(quote, edited, found.start, found.end)
    assert [(d.quote, d.source, d.category) for d in differences] == [expected]
    (d,) = differences
    assert edited[d.source_start:d.source_end] == d.source
    assert quote[d.quote_start:d.quote_end] == d.quote
    # Against the unedited source the same quote is supported.
    original = anchor(quote, body)
    assert original.start is not None and original.end is not None
    assert differences_at(quote, body, original.start, original.end) == ()


SPELLING_EDITS = [
    ("did not participate as a co-sponsor", "did not partcipate as a cosponsor"),
    ("did not participate as a co-sponsor", "DID NOT participate as a co sponsor"),
    ("did not participate as a co-sponsor", "didn’t participate as a co‑sponsor"),
    ("was not among the sponsoring countries", "was not among the sponsorinng countires"),
    ("was not among the sponsoring countries", "was  not\namong the spon-soring countries."),
    ("South Korea was among the 41", "south korea was among the 41"),
    ("South Korea was among the 41", "South Korea — was among, the 41"),
    ("ended in August 2022", "ended in August\u00a02022"),
    ("ended in August 2022", "Ended in AUGUST 2022."),
]


@pytest.mark.parametrize(("old", "new"), SPELLING_EDITS)
def test_issue_8_spelling_level_edits_keep_support(old: str, new: str) -> None:
    for source, body in BODIES.items():
        if old not in body:
            continue
        edited = body.replace(old, new)
        for claim in CASE.claims:
            for quote in claim.quotes:
                if quote.source != source or old not in quote.text:
                    continue
                found = anchor(quote.text, edited)
                assert found.status == "found"
                assert found.start is not None and found.end is not None
                assert differences_at(quote.text, edited, found.start, found.end) == ()
        assert supports(old, new)
        return
    pytest.fail(f"{old!r} is in no source")


def test_a_fabricated_tail_is_not_support() -> None:
    body = BODIES["000-yonhap-2025-11-20"]
    real = ("The resolution, introduced for 21 straight years, condemns \"in the strongest "
            "terms\" the longstanding, systematic and gross violations of human rights")
    tail = " and sent on to the Security Council for sanctions."
    assert len(tail) >= 40
    quote = real + tail
    found = anchor(quote, body)
    assert found.status == "found" and found.method == "fuzzy"
    assert found.start is not None and found.end is not None
    differences = differences_at(quote, body, found.start, found.end)
    # The anchor may stretch over the source's next words; either way the invented words
    # are differences.
    assert "sent on to the Security Council for sanctions" in " ".join(
        d.quote for d in differences)
    assert differences[-1].quote_end == len(quote) - 1  # the full stop is punctuation
    # Against the real passage alone, the tail is words the source lacks.
    (d,) = word_differences(quote, real)
    assert (d.quote, d.source) == ("and sent on to the Security Council for sanctions", "")
    assert (d.source_start, d.source_end) == (len(real), len(real))


def test_every_quote_of_the_bundled_case_is_supported_where_it_anchors() -> None:
    checked = 0
    for claim in CASE.claims:
        for quote in claim.quotes:
            found = anchor(quote.text, BODIES[quote.source], prefix=quote.prefix,
                           suffix=quote.suffix)
            assert found.start is not None and found.end is not None, claim.id
            body = BODIES[quote.source]
            assert differences_at(quote.text, body, found.start, found.end) == (), claim.id
            checked += 1
    assert checked >= 30


# --------------------------------------------------------------------------------------
# The rule, example by example

MEANING = [
    # negation
    ("did not support it", "did support it", [("not", "", "negation")]),
    ("did support it", "didn't support it", [("", "n't", "negation")]),
    ("it cannot be adopted", "it can be adopted", [("cannot", "can", "negation")]),
    ("no member state objected", "every member state objected",
     [("no", "every", "negation")]),
    ("it was adopted without a vote", "it was adopted with a vote",
     [("without", "with", "negation")]),
    ("an unlawful programme", "a lawful programme", [("an unlawful", "a lawful", "negation")]),
    ("a non-binding resolution", "a binding resolution", [("non", "", "negation")]),
    ("an irresponsible regime", "an responsible regime",
     [("irresponsible", "responsible", "negation")]),
    ("he never voted", "he voted", [("never", "", "negation")]),
    # a hyphenation join never adds or removes a negation
    ("he was not able to vote", "he was notable to vote",
     [("not able", "notable", "negation")]),
    ("a call for action", "a call for inaction", [("action", "inaction", "negation")]),
    ("they stood in action", "they stood inaction", [("in action", "inaction", "negation")]),
    ("it was not withstanding the vote", "it was notwithstanding the vote",
     [("not withstanding", "notwithstanding", "negation")]),
    ("no body was found", "nobody was found", [("no body", "nobody", "negation")]),
    ("an un-lawful act", "an unlawful act", [("un-lawful", "unlawful", "negation")]),
    ("the UN-backed plan", "the unbacked plan", [("UN-backed", "unbacked", "negation")]),
    # number
    ("co-sponsored by 61 countries", "co-sponsored by 16 countries", [("61", "16", "number")]),
    ("a 335-37 vote", "a 335-38 vote", [("37", "38", "number")]),
    ("for the 20th consecutive year", "for the 21st consecutive year",
     [("20th", "21st", "number")]),
    ("more than sixty states", "more than seventy states", [("sixty", "seventy", "number")]),
    ("for seventeen years", "for seventeenth years", [("seventeen", "seventeenth", "number")]),
    ("a 60% share", "a 60 share", [("%", "", "number")]),
    ("3.5 million", "35 million", [("3.5", "35", "number")]),
    # a sign before a number is part of it
    ("fell to -10 degrees", "fell to 10 degrees", [("-10", "10", "number")]),
    ("a \u22125% change", "a 5% change", [("\u22125", "5", "number")]),
    ("a +5% change", "a 5% change", [("+5", "5", "number")]),
    ("(-1,500 votes)", "(1,500 votes)", [("-1,500", "1,500", "number")]),
    # date
    ("ended in August 2022", "ended in September 2022", [("August", "September", "date")]),
    ("on Wednesday", "on Thursday", [("Wednesday", "Thursday", "date")]),
    ("in May 2024", "in March 2024", [("May", "March", "date")]),
    ("reviewed next month", "reviewed next year", [("month", "year", "date")]),
    ("for 21 straight years", "for 21 straight months", [("years", "months", "date")]),
    # comparative
    ("more than 60 member states", "less than 60 member states",
     [("more", "less", "comparative")]),
    ("fewer than 60", "more than 60", [("fewer", "more", "comparative")]),
    ("before the vote", "after the vote", [("before", "after", "comparative")]),
    ("the first 41 member states", "the last 41 member states",
     [("first", "last", "comparative")]),
    ("over 60 states", "under 60 states", [("over", "under", "comparative")]),
    ("since 2005", "until 2005", [("since", "until", "comparative")]),
    # quantifier
    ("all member states", "some member states", [("all", "some", "quantifier")]),
    ("at least 60 states", "at most 60 states", [("least", "most", "quantifier")]),
    ("many countries", "few countries", [("many", "few", "quantifier")]),
    ("about 60 states", "60 states", [("about", "", "quantifier")]),
    # name: a one-letter change in a capitalised word is another name
    ("South Korea", "North Korea", [("South", "North", "name")]),
    ("President Lee Jae Myung", "President Lee Jae Myang", [("Myung", "Myang", "name")]),
    ("the Republic of Korea", "the Republic of Corea", [("Korea", "Corea", "name")]),
    ("the UN resolution", "the US resolution", [("UN", "US", "name")]),
    # word: inserted, dropped, replaced
    ("the resolution was adopted", "the resolution was rejected",
     [("adopted", "rejected", "word")]),
    ("the systematic violations", "the violations", [("systematic", "", "word")]),
    ("the violations", "the gross violations", [("", "gross", "word")]),
    ("the gross and systematic violations", "the gross violations",
     [("and systematic", "", "word")]),
    ("the gross violations", "the gross violations and abuses",
     [("", "and abuses", "word")]),
    # short words have no typos
    ("the bill was sent", "the bull was sent", [("bill", "bull", "word")]),
    # a typo changing the first letter is a different word
    ("the tension eased", "the pension eased", [("tension", "pension", "word")]),
    # two edits in a word of fewer than 9 letters are a different word
    ("the formerly banned", "the formally banned", [("formerly", "formally", "comparative")]),
    # a typo on top of a hyphenation change is reported
    ("a co-sponsor", "a cosponser", [("co-sponsor", "cosponser", "word")]),
]


@pytest.mark.parametrize(("quote", "passage", "expected"), MEANING)
def test_meaning_changing_differences(
    quote: str, passage: str, expected: list[tuple[str, str, str]]
) -> None:
    assert changed(quote, passage) == expected
    assert not supports(quote, passage)
    assert not supports(passage, quote)


SPELLING = [
    ("the longstanding violations", "the long-standing violations"),
    ("the long-standing violations", "the long standing violations"),
    ("co-sponsoring nations", "cosponsoring nations"),
    ("inter-Korean talks", "inter Korean talks"),
    ("inter-Korean talks", "interKorean talks"),
    ("a non-governmental group", "a nongovernmental group"),
    ("a non-profit group", "a non profit group"),
    ("they cannot", "they can not"),
    ("they can't", "they cannot"),
    ("fell to -10 degrees", "fell to \u221210 degrees"),
    ("fell to \u20135 degrees", "fell to -5 degrees"),
    ("-1,500 votes", "-1500 votes"),
    ("COVID-19 cases", "COVID\u201319 cases"),
    ("in 2019-22, by 335-37", "in 2019 - 22, by 335 - 37"),
    ("they can't", "they can not"),
    ("it won't", "it will not"),
    ("they didn’t", "they did not"),
    ("the U.S. House", "the US House"),
    ("North Korea's regime", "North Korea’s regime"),
    ("6,000 people", "6000 people"),
    ("“politically motivated provocation”", '"politically motivated provocation"'),
    ("2019–22", "2019-22"),
    ("human   rights\n\nviolations", "human rights violations"),
    ("ﬁnal adoption", "final adoption"),
    ("ＵＮ resolution", "UN resolution"),
    ("co\u00adoperation", "cooperation"),
    ("SOUTH KOREA", "south korea"),
    ("the resolution was adopted.", "the resolution, was adopted"),
    ("R&D spending", "R and D spending"),
    # typos: one edit at 5 to 8 letters, two at 9 or more, a swap of neighbours is one
    ("the committee adopted", "the comittee adopted"),
    ("the ministry said", "the minsitry said"),
    ("systematic violations", "sistematik violations"),
    ("widespread violations", "widesrpead vilations"),
    ("a reauthorization bill", "a reauthorisation bill"),
]


@pytest.mark.parametrize(("quote", "passage"), SPELLING)
def test_spelling_level_differences_are_not_reported(quote: str, passage: str) -> None:
    assert word_differences(quote, passage) == ()
    assert supports(quote, passage)
    assert supports(passage, quote)


def test_categories_are_the_documented_ones() -> None:
    assert CATEGORIES == ("negation", "number", "date", "comparative", "quantifier", "name",
                          "word")
    for name in ("Difference", "word_differences", "supports", "differences_at", "CATEGORIES"):
        assert name in factcheck.__all__
        assert getattr(factcheck, name) is not None


def test_the_first_category_in_order_names_a_difference() -> None:
    # "not" (negation) outranks "August" (date) and "more" (comparative) in one run
    assert changed("not in August", "") == [("not in August", "", "negation")]
    assert changed("not in August", "in") == [("not", "", "negation"), ("August", "", "date")]
    assert changed("did it in August", "did it") == [("in August", "", "date")]
    assert changed("and Seoul more", "and") == [("Seoul more", "", "comparative")]
    # a capitalised article or preposition at the start of a sentence is no name
    assert changed("The vote", "A vote") == [("The", "A", "word")]
    # "May" and "March" are months when capitalised, ordinary words otherwise
    assert changed("in May", "in") == [("May", "", "date")]
    assert changed("it may pass", "it pass") == [("may", "", "word")]


def test_difference_prints_both_sides() -> None:
    assert str(Difference("not", "", "negation")) == "negation: “not” is not in the source"
    assert str(Difference("", "gross", "word")) == "word: “gross” is in the source only"
    assert str(Difference("South", "North", "name")) == "name: “South” → “North”"


def test_offsets_point_at_the_original_texts() -> None:
    quote = "The  U.S. “didn’t” co‑sponsor the 41-nation draft"
    passage = "the US did co-sponsor the 42-nation draft"
    differences = word_differences(quote, passage)
    assert [(d.quote, d.source) for d in differences] == [("n’t", ""), ("41", "42")]
    for d in differences:
        assert quote[d.quote_start:d.quote_end] == d.quote
        assert passage[d.source_start:d.source_end] == d.source
    # an empty side sits where the words would be
    assert differences[0].source_start == differences[0].source_end == passage.index(" co-")


def test_empty_texts() -> None:
    assert word_differences("", "") == ()
    assert word_differences("...", " — ") == ()
    assert changed("", "the vote") == [("", "the vote", "word")]
    assert changed("the vote", "") == [("the vote", "", "word")]


def test_differences_at_reads_whole_words_at_cut_ends() -> None:
    body = "The resolution, co-sponsored by 61 countries, was adopted."
    quote = "resolution, co-sponsored by 61 countries"
    start = body.index("esolution")
    end = body.index("ountries") + 3  # "…cou", a cut inside the last word
    # As found, "esolution" and "cou" are not the quote's words; widened, they are.
    assert word_differences(quote, body[start:end]) != ()
    assert differences_at(quote, body, start, end) == ()
    # A real difference is still reported, with offsets into the body.
    (d,) = differences_at("resolution, co-sponsored by 16 countries", body, start, end)
    assert (d.quote, d.source, body[d.source_start:d.source_end]) == ("16", "61", "61")
    with pytest.raises(SpanError):
        differences_at(quote, body, 10, len(body) + 1)
    with pytest.raises(SpanError):
        differences_at(quote, body, 5, 4)


def test_differences_at_reads_the_whole_word_or_number_a_span_cuts() -> None:
    body = "By 150 votes (-10), at the cafe\u0301, it was 15,000 or 2.5."
    def at(quote: str, start: int) -> list[tuple[str, str, str]]:
        return [(d.quote, d.source, d.category)
                for d in differences_at(quote, body, start, start + len(quote))]
    assert at("By 15", 0) == [("15", "150", "number")]
    assert at("y 150 votes", 1) == [("y", "By", "word")]
    assert at("10)", body.index("10)")) == [("10", "-10", "number")]
    assert at("at the cafe", body.index("at the")) == [("cafe", "cafe\u0301", "word")]
    assert at("was 15", body.index("was 15")) == [("15", "15,000", "number")]
    assert at("000 or 2", body.index("000 or")) == [("000", "15,000", "number"),
                                                     ("2", "2.5", "number")]
    # Whole words, and ends at punctuation, are compared as they stand.
    for quote in ("By 150 votes (-10),", "(-10), at the", ", it was 15,000 or 2.5.", "2.5"):
        assert at(quote, body.index(quote)) == [], quote


def test_long_blocks() -> None:
    words = [w for w in BODIES["004-undated-taipei"].split() if ordinary(w) and len(w) >= 6]
    assert len(words) > 150
    quote = " ".join(words)
    # every word with a swap of its last two letters: one long run of differing keys
    typos = " ".join(w[:-2] + w[-1] + w[-2] for w in words if w[-1] != w[-2])
    kept = " ".join(w for w in words if w[-1] != w[-2])
    assert word_differences(kept, typos) == ()
    # one real change in such a run is still found, and named
    changed_words = kept.split()
    middle = len(changed_words) // 2
    changed_words[middle] = "zebra"
    (d,) = word_differences(kept, " ".join(changed_words[:middle + 1] + typos.split()[middle + 1:]))
    assert d.source == "zebra"
    reversed_quote = " ".join(reversed(words))
    differences = word_differences(quote, reversed_quote)
    assert differences
    assert all(d.category == "word" for d in differences)


# --------------------------------------------------------------------------------------
# Properties: spelling-level edits never produce a difference

SINGLE = "'\u2018\u2019\u201b\u2032"
DOUBLE = '"\u201c\u201d\u201e\u00ab\u00bb'
DASHES = "-\u2010\u2011\u2012\u2013\u2014\u2015\u2212"
SPACES = [" ", "  ", "\n", "\n\n", "\t", "\u00a0", " \u2009", "\u202f", "\u3000"]
TYPO_LETTERS = "qxzj"


NEGATING_PREFIXES = ("non", "un", "in", "im", "il", "ir", "dis")


def negating_split(left: str, right: str) -> bool:
    """Whether a hyphen between *left* and *right* would read as a negation or a negating
    prefix ("not-able", "in-action", "UN-led") or cuts a negation word ("c-annot"), which a
    hyphenation join does not ignore."""
    parts = [re.split(r"[\W_]", left)[-1].casefold(), re.split(r"[\W_]", right)[0].casefold()]
    return parts[0] in NEGATING_PREFIXES or any(
        p and dropped_category(p) == "negation" for p in (*parts, "".join(parts)))


@st.composite
def typo(draw: st.DrawFn, word: str, edits: int = 1) -> str:
    """*word* with *edits* typos that keep its first letter."""
    for _ in range(edits):
        kind = draw(st.sampled_from(["substitute", "insert", "delete", "swap"]))
        if kind == "substitute":
            i = draw(st.integers(1, len(word) - 1))
            c = draw(st.sampled_from([c for c in TYPO_LETTERS if c != word[i]]))
            word = word[:i] + c + word[i + 1:]
        elif kind == "insert":
            i = draw(st.integers(1, len(word)))
            word = word[:i] + draw(st.sampled_from(TYPO_LETTERS)) + word[i:]
        elif kind == "delete":
            i = draw(st.integers(1, len(word) - 1))
            word = word[:i] + word[i + 1:]
        else:
            i = draw(st.integers(1, len(word) - 2))
            word = word[:i] + word[i + 1] + word[i] + word[i + 2:]
    return word


@st.composite
def respelled_word(draw: st.DrawFn, word: str) -> str:
    """One word with at most one spelling-level change to its letters, any case."""
    options = ["same", "case"]
    if ordinary(word) and len(word) >= 5:
        options.append("typo")
    if ordinary(word) and len(word) >= 9:
        options.append("two typos")
    inner = [i for i in range(1, len(word)) if word[i - 1].isalpha() and word[i].isalpha()
             and not negating_split(word[:i], word[i:])]
    if inner and not any(c.isdigit() for c in word):
        options.append("hyphen in")
    hyphens = [i for i in range(1, len(word) - 1)
               if word[i] == "-" and word[i - 1].isalpha() and word[i + 1].isalpha()
               and not negating_split(word[:i], word[i + 1:])]
    if hyphens:
        options += ["hyphen out", "hyphen to space"]
    kind = draw(st.sampled_from(options))
    if kind == "case":
        word = draw(st.sampled_from([word.upper(), word.lower(), word.title(), word.swapcase()]))
    elif kind == "typo":
        word = draw(typo(word))
    elif kind == "two typos":
        word = draw(typo(word, 2))
    elif kind == "hyphen in":
        i = draw(st.sampled_from(inner))
        word = word[:i] + draw(st.sampled_from(["-", "\u00ad", "\u2010"])) + word[i:]
    elif kind in ("hyphen out", "hyphen to space"):
        i = draw(st.sampled_from(hyphens))
        word = word[:i] + ("" if kind == "hyphen out" else " ") + word[i + 1:]
    return word


def retype(rnd: random.Random, text: str) -> str:
    """Typography: quote marks, dash kinds, ligatures, full-width letters."""
    out = []
    for c in text:
        if c in SINGLE:
            c = rnd.choice(SINGLE)
        elif c in DOUBLE:
            c = rnd.choice(DOUBLE)
        elif c in DASHES:
            c = rnd.choice(DASHES)
        out.append(c)
    text = "".join(out)
    if rnd.random() < 0.5:
        text = text.replace("fi", "\ufb01")
    if rnd.random() < 0.5:
        text = text.replace("U", "\uff35")
    return text


@st.composite
def respelled(draw: st.DrawFn, sentence: str) -> str:
    """*sentence* with spelling-level edits to a few of its words, and any typography."""
    words = sentence.split()
    edited = draw(st.sets(st.integers(0, len(words) - 1), min_size=1, max_size=4))
    for i in sorted(edited):
        words[i] = draw(respelled_word(words[i]))
    rnd = draw(st.randoms(use_true_random=False))
    glue = [rnd.choice(SPACES) if rnd.random() < 0.3 else " " for _ in words]
    return retype(rnd, "".join(g + w for g, w in zip(glue, words, strict=True)))


@settings(max_examples=400, deadline=None)
@given(st.data())
def test_spelling_level_edits_never_produce_a_difference(data: st.DataObject) -> None:
    sentence = data.draw(sentences)
    edited = data.draw(respelled(sentence))
    assert word_differences(sentence, edited) == ()
    assert word_differences(edited, sentence) == ()


@settings(max_examples=200, deadline=None)
@given(st.data())
def test_one_typo_in_a_long_ordinary_word_is_spelling_level(data: st.DataObject) -> None:
    sentence = data.draw(sentences)
    words = sentence.split()
    candidates = [i for i, w in enumerate(words) if len(w) >= 5 and ordinary(w)]
    assume(candidates)
    i = data.draw(st.sampled_from(candidates))
    edits = 2 if len(words[i]) >= 9 and data.draw(st.booleans()) else 1
    new = data.draw(typo(words[i], edits))
    # a typo that happens to spell a word of meaning ("worsen" → "worse", a comparative)
    # is a change of meaning, not a typo: such draws are not this law's business
    assume(ordinary(new) or not new.isalpha())
    words[i] = new
    assert supports(sentence, " ".join(words))


# --------------------------------------------------------------------------------------
# Properties: each meaning-changing category always produces a difference

NEGATED = [s for s in SENTENCES if re.search(r"\b(not|no|never|without|nor)\b|n't", s)]


def _categories(quote: str, passage: str) -> set[str]:
    return {d.category for d in word_differences(quote, passage)}


@settings(max_examples=150, deadline=None)
@given(sentences, st.data(), st.sampled_from(["not", "never", "no", "without"]))
def test_inserting_a_negation_is_a_difference(
    sentence: str, data: st.DataObject, negation: str
) -> None:
    words = sentence.split()
    i = data.draw(st.integers(0, len(words)))
    edited = " ".join([*words[:i], negation, *words[i:]])
    assert "negation" in _categories(sentence, edited)
    assert "negation" in _categories(edited, sentence)


@settings(max_examples=100, deadline=None)
@given(st.sampled_from(NEGATED), st.data())
def test_dropping_a_negation_is_a_difference(sentence: str, data: st.DataObject) -> None:
    places = list(re.finditer(r"\b(?:not|no|never|without|nor) |n't\b", sentence))
    assume(places)
    m = data.draw(st.sampled_from(places))
    edited = sentence[:m.start()] + sentence[m.end():]
    assert "negation" in _categories(sentence, edited)


@settings(max_examples=100, deadline=None)
@given(sentences, st.data(), st.sampled_from(["un", "non", "non-", "dis"]))
def test_a_negating_prefix_is_a_difference(
    sentence: str, data: st.DataObject, prefix: str
) -> None:
    words = sentence.split()
    candidates = [i for i, w in enumerate(words) if ordinary(w)]
    assume(candidates)
    i = data.draw(st.sampled_from(candidates))
    words[i] = prefix + words[i]
    assert "negation" in _categories(sentence, " ".join(words))


CAPITALS = ["Seoul", "Tokyo", "Pyongyang", "Washington", "Japan", "China", "Moon", "Kim",
            "Yoon", "Trump", "Britain", "France", "Canada"]


@settings(max_examples=200, deadline=None)
@given(sentences, st.data())
def test_changing_a_capitalised_name_is_a_difference(
    sentence: str, data: st.DataObject
) -> None:
    words = sentence.split()
    names = [i for i, w in enumerate(words)
             if w.isalpha() and w[0].isupper() and dropped_category(w) == "name"]
    assume(names)
    i = data.draw(st.sampled_from(names))
    old = words[i]
    if len(old) >= 3 and data.draw(st.booleans()):
        new = data.draw(typo(old))  # one letter off: still another name
    else:
        new = data.draw(st.sampled_from([c for c in CAPITALS if c != old]))
    assume(new.casefold() != old.casefold())
    words[i] = new
    edited = " ".join(words)
    differences = word_differences(sentence, edited)
    # a name, or whatever the new word is if it ranks higher ("Moon" to "Mon", a weekday)
    category = min(dropped_category(old), dropped_category(new), key=CATEGORIES.index)
    assert dropped_category(old) == "name"
    assert category in ("name", "date", "negation", "number", "comparative", "quantifier")
    assert [(d.quote, d.source, d.category) for d in differences] == [(old, new, category)]


@settings(max_examples=200, deadline=None)
@given(sentences, st.data())
def test_changing_a_number_is_a_difference(sentence: str, data: st.DataObject) -> None:
    digits = [m.start() for m in re.finditer(r"\d", sentence)]
    assume(digits)
    i = data.draw(st.sampled_from(digits))
    new = data.draw(st.sampled_from([d for d in "0123456789" if d != sentence[i]]))
    edited = sentence[:i] + new + sentence[i + 1:]
    assert "number" in _categories(sentence, edited)


NUMBER_WORDS = ["one", "two", "three", "five", "ten", "twelve", "sixteen", "twenty", "sixty",
                "hundred", "thousand", "million", "second", "third", "tenth", "dozen", "half"]


@settings(max_examples=100, deadline=None)
@given(sentences, st.data(), st.sampled_from(NUMBER_WORDS), st.sampled_from(NUMBER_WORDS))
def test_changing_a_number_word_is_a_difference(
    sentence: str, data: st.DataObject, old: str, new: str
) -> None:
    assume(old != new)
    words = sentence.split()
    i = data.draw(st.integers(0, len(words)))
    quote = " ".join([*words[:i], old, *words[i:]])
    passage = " ".join([*words[:i], new, *words[i:]])
    assert changed(quote, passage) == [(old, new, "number")]


MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December", "Jan.", "Sept.", "Nov."]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


@settings(max_examples=200, deadline=None)
@given(sentences, st.data(), st.sampled_from([MONTHS, WEEKDAYS]))
def test_changing_a_month_or_weekday_is_a_difference(
    sentence: str, data: st.DataObject, names: list[str]
) -> None:
    old, new = data.draw(st.lists(st.sampled_from(names), min_size=2, max_size=2,
                                  unique=True))
    assume(old.rstrip(".")[:3] != new.rstrip(".")[:3])
    words = sentence.split()
    i = data.draw(st.integers(0, len(words)))
    quote = " ".join([*words[:i], "in", old, "2022", *words[i:]])
    passage = " ".join([*words[:i], "in", new, "2022", *words[i:]])
    assert changed(quote, passage) == [(old.rstrip("."), new.rstrip("."), "date")]


SWAPS = [("more", "less", "comparative"), ("more", "fewer", "comparative"),
         ("before", "after", "comparative"), ("first", "last", "comparative"),
         ("over", "under", "comparative"), ("higher", "lower", "comparative"),
         ("earlier", "later", "comparative"), ("since", "until", "comparative"),
         ("above", "below", "comparative"),
         ("all", "some", "quantifier"), ("most", "many", "quantifier"),
         ("many", "few", "quantifier"), ("least", "most", "quantifier"),
         ("every", "some", "quantifier"), ("always", "sometimes", "quantifier"),
         ("only", "nearly", "quantifier")]


@settings(max_examples=200, deadline=None)
@given(sentences, st.data(), st.sampled_from(SWAPS), st.booleans())
def test_swapping_a_comparative_or_quantifier_is_a_difference(
    sentence: str, data: st.DataObject, swap: tuple[str, str, str], flip: bool
) -> None:
    old, new, category = swap
    if flip:
        old, new = new, old
    words = sentence.split()
    i = data.draw(st.integers(0, len(words)))
    quote = " ".join([*words[:i], old, *words[i:]])
    passage = " ".join([*words[:i], new, *words[i:]])
    assert changed(quote, passage) == [(old, new, category)]


invented_word = st.text("abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=12)


@settings(max_examples=200, deadline=None)
@given(sentences, st.data(), invented_word)
def test_inserting_a_word_is_a_difference(
    sentence: str, data: st.DataObject, word: str
) -> None:
    words = sentence.split()
    i = data.draw(st.integers(0, len(words)))
    edited = " ".join([*words[:i], word, *words[i:]])
    differences = word_differences(sentence, edited)
    assert differences
    assert any(word in d.source.casefold() for d in differences)
    assert not supports(edited, sentence)


@settings(max_examples=200, deadline=None)
@given(sentences, st.data())
def test_dropping_a_word_is_a_difference(sentence: str, data: st.DataObject) -> None:
    words = sentence.split()
    real = [i for i, w in enumerate(words) if any(c.isalnum() for c in w)]
    i = data.draw(st.sampled_from(real))
    edited = " ".join(words[:i] + words[i + 1:])
    differences = word_differences(sentence, edited)
    assert differences
    assert not supports(edited, sentence)


@settings(max_examples=200, deadline=None)
@given(sentences, st.lists(invented_word, min_size=1, max_size=8), st.booleans())
def test_words_missing_at_either_end_are_differences(
    sentence: str, invented: list[str], at_start: bool
) -> None:
    extra = " ".join(invented)
    quote = f"{extra} {sentence}" if at_start else f"{sentence} {extra}"
    differences = word_differences(quote, sentence)
    assert differences
    end = differences[0] if at_start else differences[-1]
    assert end.source == ""
    # (an invented word equal to the sentence's own first or last word may be matched to
    # either copy: the same word, in any case)
    if at_start:
        assert end.quote.casefold().startswith(invented[0])
    else:
        assert end.quote.casefold().endswith(invented[-1])


# --------------------------------------------------------------------------------------
# Properties of the function itself

@settings(max_examples=300, deadline=None)
@given(st.text(max_size=60), st.text(max_size=60))
def test_offsets_categories_and_symmetry_on_any_text(quote: str, passage: str) -> None:
    differences = word_differences(quote, passage)
    for d in differences:
        assert d.category in CATEGORIES
        assert quote[d.quote_start:d.quote_end] == d.quote
        assert passage[d.source_start:d.source_end] == d.source
        assert d.quote or d.source
    assert supports(quote, passage) == (not differences) == supports(passage, quote)
    assert word_differences(quote, quote) == ()


@settings(max_examples=100, deadline=None)
@given(sentences, st.data())
def test_edited_sentences_keep_valid_offsets(sentence: str, data: st.DataObject) -> None:
    edited = data.draw(respelled(data.draw(sentences)))
    differences = word_differences(sentence, edited)
    for d in differences:
        assert sentence[d.quote_start:d.quote_end] == d.quote
        assert edited[d.source_start:d.source_end] == d.source
    assert supports(sentence, edited) == supports(edited, sentence)


@settings(max_examples=200, deadline=None)
@given(sentences, st.data(), st.sampled_from(DASHES + "+"))
def test_a_sign_before_a_number_is_a_difference(
        sentence: str, data: st.DataObject, sign: str) -> None:
    """Law: writing a plus or minus sign (any dash kind) before a number of a sentence is a
    number difference; writing it as another dash kind is not."""
    numbers = [m.start() for m in re.finditer(r"(?<![^\s(])\d", sentence)]
    assume(numbers)
    at = data.draw(st.sampled_from(numbers))
    signed = sentence[:at] + sign + sentence[at:]
    assert "number" in _categories(sentence, signed)
    assert "number" in _categories(signed, sentence)
    if sign != "+":
        other = data.draw(st.sampled_from(DASHES))
        assert supports(signed, sentence[:at] + other + sentence[at:])


@settings(max_examples=200, deadline=None)
@given(sentences, st.data(), st.sampled_from("0123456789aekst"), st.booleans())
def test_a_number_cut_by_a_span_is_a_difference(
        sentence: str, data: st.DataObject, char: str, after: bool) -> None:
    """Law: a quote that ends (or starts) with a number of the sentence has no difference at
    its span; write one more letter or digit right after (or before) that number in the
    source, and the same span, as found, shows a number difference."""
    numbers = list(re.finditer(r"(?<![\w.,-])\d+(?![\w.,]*\w)", sentence))
    assume(numbers)
    m = data.draw(st.sampled_from(numbers))
    quote = sentence[:m.end()] if after else sentence[m.start():]
    assert differences_at(quote, sentence, *((0, m.end()) if after else
                                             (m.start(), len(sentence)))) == ()
    cut = m.end() if after else m.start()
    body = sentence[:cut] + char + sentence[cut:]
    start = 0 if after else m.start() + 1
    assert body[start:start + len(quote)] == quote
    differences = differences_at(quote, body, start, start + len(quote))
    assert "number" in [d.category for d in differences]
