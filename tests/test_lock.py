"""Pinning quotes to a version of their source, and noticing when the source changes.

Through the public API (``factcheck.lock``): reading a lock file into typed pins (every
malformed entry a load error naming the file, the line and the key), and verifying pins by
their words — on small texts, and exhaustively on every pin of the bundled case.
"""

from __future__ import annotations

import functools
import json
import string
import time
import unicodedata
from pathlib import Path

import attrs
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from factcheck import Case, LoadError, Source
from factcheck.anchoring import Anchor, anchor
from factcheck.cli import main
from factcheck.lock import LOCK_NAME, METHODS, Lock, Pin, PinCheck, pin, verify
from factcheck.model import Claim, Quote

ROOT = Path(__file__).resolve().parent.parent
BODY = ("The committee met on Wednesday. The resolution, introduced for 21 straight years, "
        "condemns the violations. It was co-sponsored by 61 countries.")


def pinned(body: str, quote: str) -> tuple[Pin, Source]:
    source = Source("s", body)
    claim = Claim("c", "x", quotes=(Quote("s", quote),))
    lock = pin([claim], {"s": source}, {("c", 1): anchor(quote, body)})
    (p,) = lock.pins
    return p, source


def check(p: Pin, body: str) -> PinCheck:
    return verify(p, p.quote, Source(p.source, body))


# -- verify on small texts --------------------------------------------------------------


def test_unchanged_moved_altered_orphaned_unpinned() -> None:
    quote = "introduced for 21 straight years"
    p, source = pinned(BODY, quote)
    assert verify(p, quote, source).status == "unchanged"
    moved = verify(p, quote, Source("s", "A new opening paragraph. " + BODY))
    assert (moved.status, moved.start, moved.now) == ("moved", p.start + 25, quote)
    assert moved.describe() == "moved later in `s` (same words)"
    altered = verify(p, quote, Source("s", BODY.replace("21 straight", "22 straight")))
    assert altered.status == "altered" and altered.changes == (("21", "22"),)
    assert altered.now == "introduced for 22 straight years"
    assert "“21” → “22”" in altered.describe()
    gone = verify(p, quote, Source("s", "Nothing of the sort is said here at all, by anyone."))
    assert gone.status == "orphaned" and "no longer in `s`" in gone.describe()
    lost = verify(p, quote, None)
    assert lost.status == "orphaned" and "source `s` is gone" in lost.describe()
    edited = verify(p, "an edited quote", source)
    assert edited.status == "unpinned" and "edited since it was pinned" in edited.describe()
    missing = verify(None, quote, source)
    assert missing.status == "unpinned" and missing.describe() == "not pinned"


def test_the_words_are_compared_whatever_the_sha_says() -> None:
    """An edited source with its new sha256 written into the lock still reads as altered."""
    p, _ = pinned(BODY, "introduced for 21 straight years")
    edited = Source("s", BODY.replace("21", "27"))
    forged = attrs.evolve(p, sha256=edited.sha256)
    result = verify(forged, forged.quote, edited)
    assert result.status == "altered" and result.changes == (("21", "27"),)


@pytest.mark.parametrize(("before", "after", "was", "now"), [
    ("lapsed in 2022.", "lapsed in 20229.", "2022", "20229"),
    ("lapsed in 2022.", "lapsed in 2022a.", "2022", "2022a"),
    ("has lapsed in 2022.", "has 9lapsed in 2022.", "lapsed", "9lapsed"),
    ("has lapsed in 2022.", "haslapsed in 2022.", "lapsed", "haslapsed"),
    ("lapsed in 2022.", "lapsed in 2022\u0301.", "2022", "2022\u0301"),
])
def test_a_letter_or_digit_glued_to_either_edge_is_altered(
        before: str, after: str, was: str, now: str) -> None:
    body = "The sanctions regime has lapsed in 2022. Talks resumed in spring."
    p, _ = pinned(body, "lapsed in 2022")
    result = check(p, body.replace(before, after))
    assert result.status == "altered", result
    assert result.changes == ((was, now),)


def test_punctuation_or_spacing_beside_an_unchanged_passage_is_not_altered() -> None:
    body = "The sanctions regime has lapsed in 2022. Talks resumed in spring."
    p, _ = pinned(body, "lapsed in 2022")
    for after in ("lapsed in 2022!", "lapsed in 2022 .", "has  lapsed in 2022", "has\nlapsed"):
        before = after.replace("!", ".").replace(" .", ".").replace("  ", " ").replace("\n", " ")
        result = check(p, body.replace(before, after))
        assert result.status in ("unchanged", "moved") and result.now == p.exact, (after, result)


def test_a_change_of_spacing_inside_the_words_is_shown() -> None:
    body = "The sanctions regime has lapsed in 2022. Talks resumed in spring."
    p, _ = pinned(body, "lapsed in 2022")
    result = check(p, body.replace("in 2022", "in\n2022"))
    assert result.status == "altered" and result.changes == (("in 2022", "in\\n2022"),)
    result = check(p, body.replace("in 2022", "in 20\u200b22"))
    assert result.status == "altered" and result.changes == (("2022", "20\\u200b22"),)


def test_a_repeated_passage_altered_in_place_is_not_taken_for_its_twin() -> None:
    """The same words elsewhere, in another context, do not hide an edit at the pinned place."""
    body = ("Seoul said it had backed the text for 21 straight years. Later, in New York, "
            "the envoy repeated that it had backed the text for 21 straight years, and left.")
    quote = "backed the text for 21 straight years"
    second = body.rindex(quote)
    p = pin([Claim("c", "x", quotes=(Quote("s", quote),))], {"s": Source("s", body)},
            {("c", 1): _exact_anchor(body, second, second + len(quote))}).pins[0]
    edited = body[:second] + body[second:].replace("21", "22", 1)
    result = check(p, edited)
    assert result.status == "altered" and result.start == second, result
    # and a move of the pinned sentence is still a move
    moved = check(p, "Breaking. " + body)
    assert (moved.status, moved.start) == ("moved", second + 10)


def test_moved_and_altered_at_once_is_altered_at_the_new_place() -> None:
    p, _ = pinned(BODY, "introduced for 21 straight years")
    edited = "An opening line.\n\n" + BODY.replace("for 21", "for some 21").replace(
        "The resolution, ", "The text, ")
    result = check(p, edited)
    assert result.status == "altered" and result.changes == (("", "some"),)
    assert result.now == edited[result.start:result.end] == "introduced for some 21 straight years"


def test_a_paragraph_moved_and_reworded_is_altered_at_its_new_place() -> None:
    body = ("First paragraph about the committee.\n\nThe resolution, introduced for 21 "
            "straight years, condemns the violations.\n\nLast paragraph, on the vote.")
    p, _ = pinned(body, "The resolution, introduced for 21 straight years")
    first, second, third = body.split("\n\n")
    edited = "\n\n".join([first, third, second.replace("introduced", "adopted")])
    result = check(p, edited)
    assert result.status == "altered" and result.changes == (("introduced", "adopted"),)
    assert result.start == edited.index("The resolution, adopted")


def _exact_anchor(body: str, start: int, end: int) -> Anchor:
    """An exact anchor at a given place (to pin a chosen occurrence)."""
    return Anchor("found", start, end, "exact", 100.0, body[start:end])


# -- one-character edits on generated texts ------------------------------------------------


@st.composite
def pinned_text(draw: st.DrawFn) -> tuple[str, Pin]:
    """A text of words and a pin on a run of whole words in it, found once."""
    words = draw(st.lists(st.text(string.ascii_letters + string.digits, min_size=1,
                                  max_size=8), min_size=6, max_size=40))
    seps = draw(st.lists(st.sampled_from([" ", ", ", ". ", "\n\n", " — "]),
                         min_size=len(words), max_size=len(words)))
    body = "".join(w + s for w, s in zip(words, seps, strict=True))
    first = draw(st.integers(0, len(words) - 2))
    last = draw(st.integers(first + 1, min(len(words) - 1, first + 8)))
    start = sum(len(w) + len(s) for w, s in zip(words[:first], seps, strict=False))
    end = start + sum(len(w) + len(s) for w, s in zip(words[first:last], seps[first:last],
                                                       strict=True)) + len(words[last])
    quote = body[start:end]
    assume(len(quote) >= 8 and body.count(quote) == 1)
    p = pin([Claim("c", "x", quotes=(Quote("s", quote),))], {"s": Source("s", body)},
            {("c", 1): _exact_anchor(body, start, end)}).pins[0]
    return body, p


EDIT_CHARS = st.characters(codec="utf-8", exclude_categories=("Cs",))


@st.composite
def one_char_edit(draw: st.DrawFn, body: str, start: int, end: int) -> str:
    """*body* with one character substituted, inserted or deleted inside [start, end)."""
    kind = draw(st.sampled_from(["substitute", "insert", "delete"]))
    if kind == "insert":  # between two characters of the passage
        at = draw(st.integers(start + 1, end - 1))
        return body[:at] + draw(EDIT_CHARS) + body[at:]
    at = draw(st.integers(start, end - 1))
    if kind == "delete":
        return body[:at] + body[at + 1:]
    new = draw(EDIT_CHARS)
    assume(new != body[at])
    return body[:at] + new + body[at + 1:]


@given(st.data())
def test_any_one_character_edit_inside_a_pinned_passage_is_reported(
        data: st.DataObject) -> None:
    body, p = data.draw(pinned_text())
    edited = data.draw(one_char_edit(body, p.start, p.end))
    # In a run such as "000, 000, 000" an edit can leave the same words beside their old
    # place: those did not change. (Elsewhere, as a twin, they must not hide the edit.)
    n = len(p.exact)
    assume(p.exact not in edited[max(0, p.start - n):p.end + n])
    result = check(p, edited)
    assert result.status in ("altered", "orphaned"), (result, edited)
    if result.status == "altered":
        assert result.now != p.exact and result.changes


@given(st.data())
def test_a_letter_or_digit_inserted_at_either_edge_is_reported(data: st.DataObject) -> None:
    body, p = data.draw(pinned_text())
    at = data.draw(st.sampled_from([p.start, p.end]))
    glue = data.draw(st.characters(categories=("L", "N", "M")))
    result = check(p, body[:at] + glue + body[at:])
    assert result.status == "altered", result


@given(st.data())
def test_text_inserted_outside_a_pinned_passage_is_never_altered(data: st.DataObject) -> None:
    body, p = data.draw(pinned_text())
    at = data.draw(st.one_of(st.integers(0, p.start), st.integers(p.end, len(body))))
    text = data.draw(st.text(min_size=1, max_size=80))
    assume(p.exact not in text)
    edited = body[:at] + text + body[at:]
    assume(not _glues(edited, at, len(text), p))  # beside the words: must not run on into them
    shift = len(text) if at <= p.start else 0
    result = check(p, edited)
    assert result.status in ("unchanged", "moved"), (result, edited)
    assert (result.start, result.now) == (p.start + shift, p.exact)


def _glues(edited: str, at: int, n: int, p: Pin) -> bool:
    """Whether an insertion of *n* characters at *at* put a letter, digit or combining
    mark right beside the passage (which the lock rightly reads as a changed word)."""
    if at == p.start:
        return _wordy(edited[at + n - 1])
    if at == p.end:
        return _wordy(edited[at])
    return False


def _wordy(ch: str) -> bool:
    return ch.isalnum() or unicodedata.category(ch).startswith("M")


# -- the bundled case, exhaustively -------------------------------------------------------


@functools.cache
def bundled() -> tuple[dict[str, str], tuple[Pin, ...]]:
    case = Case.load(ROOT, read_lock=False)
    lock = case.pin()
    return {s.id: s.body for s in case.sources}, lock.pins


def test_the_bundled_case_pins_every_quote_at_word_boundaries() -> None:
    bodies, pins = bundled()
    assert len(pins) >= 40
    for p in pins:
        assert verify(p, p.quote, Source(p.source, bodies[p.source])).status == "unchanged"
        # the edge tests below assume the pinned words stand as whole words
        assert not p.prefix[-1:].isalnum() and not p.suffix[:1].isalnum()


INSERTS = (" Inserted sentence. ", "\n\nA whole new paragraph, 2026.\n\n", " (updated) ",
           "—", "\n")


def test_text_inserted_before_after_and_around_every_pin_is_never_altered() -> None:
    bodies, pins = bundled()
    checked = 0
    for p in pins:
        body = bodies[p.source]
        paragraph = body.rfind("\n\n", 0, p.start) + 1  # 0 when the pin is in the first one
        for text in INSERTS:
            for before, after in ((0, None), (paragraph, None), (p.start, None),
                                  (None, p.end), (None, len(body)), (p.start, p.end)):
                edited = body
                if after is not None:
                    edited = edited[:after] + text + edited[after:]
                if before is not None:
                    edited = edited[:before] + text + edited[before:]
                shift = len(text) if before is not None else 0
                result = check(p, edited)
                assert result.status in ("unchanged", "moved"), (p.claim, text, result)
                assert (result.start, result.now) == (p.start + shift, p.exact)
                checked += 1
    assert checked == len(pins) * len(INSERTS) * 6


def test_text_removed_around_every_pin_is_never_altered() -> None:
    bodies, pins = bundled()
    for p in pins:
        body = bodies[p.source]
        line_start = body.rfind("\n", 0, p.start) + 1
        line_end = body.find("\n", p.end)
        line_end = len(body) if line_end == -1 else line_end
        for edited, start in ((body[line_start:], p.start - line_start),
                              (body[:line_end], p.start),
                              (body[line_start:line_end], p.start - line_start)):
            result = check(p, edited)
            assert result.status in ("unchanged", "moved"), (p.claim, result)
            assert (result.start, result.now) == (start, p.exact)


def _one_char_edits(body: str, p: Pin) -> list[tuple[str, str]]:
    """Every one-character edit inside the pinned passage: substitutions (a letter, a digit,
    a space or a letter's other case), insertions between its characters, deletions."""
    edits = []
    for at in range(p.start, p.end):
        ch = body[at]
        for new in dict.fromkeys(("x" if ch != "x" else "y", "7" if ch != "7" else "8",
                                  " " if ch != " " else "\n", ch.swapcase())):
            if new != ch:
                edits.append(("substitute", body[:at] + new + body[at + 1:]))
        edits.append(("delete", body[:at] + body[at + 1:]))
        if at > p.start:
            for new in ("e", "1", " ", ","):
                edits.append(("insert", body[:at] + new + body[at:]))
    return edits


def test_every_one_character_edit_inside_every_pin_is_detected() -> None:
    bodies, pins = bundled()
    counts = {"substitute": 0, "insert": 0, "delete": 0}
    for p in pins:
        for kind, edited in _one_char_edits(bodies[p.source], p):
            result = check(p, edited)
            assert result.status in ("altered", "orphaned"), (p.claim, kind, result)
            if result.status == "altered":
                assert result.now != p.exact and result.changes, (p.claim, kind, result)
            counts[kind] += 1
    total = sum(len(p.exact) for p in pins)
    assert counts["delete"] == total and counts["insert"] == 4 * (total - len(pins))
    assert counts["substitute"] >= 3 * total


EDGE_GLUE = ("x", "Z", "7", "é", "\u0301")  # letters, a digit, a combining mark
EDGE_APART = (" ", ",", "\n", "(")


def test_every_one_character_edit_at_both_edges_of_every_pin() -> None:
    """At each edge: a letter or digit inserted, or put in place of the character beside
    the passage, runs on into its words (altered); punctuation or space does not (the
    words stand where they stood, or one character away); deleting the character beside
    is altered exactly when that glues the passage to the next word."""
    bodies, pins = bundled()
    checked = 0
    for p in pins:
        body = bodies[p.source]
        for side, at in (("start", p.start), ("end", p.end)):
            beside = at - 1 if side == "start" else at  # the character outside the edge
            for ch in EDGE_GLUE + EDGE_APART:
                glued = ch in EDGE_GLUE
                inserted = check(p, body[:at] + ch + body[at:])
                shift = 1 if side == "start" else 0
                _assert_edge(inserted, p, glued, p.start + shift)
                if 0 <= beside < len(body) and body[beside] != ch:
                    replaced = check(p, body[:beside] + ch + body[beside + 1:])
                    _assert_edge(replaced, p, glued, p.start)
                    checked += 1
                checked += 1
            if 0 <= beside < len(body):
                edited = body[:beside] + body[beside + 1:]
                nxt = edited[beside - 1] if side == "start" else edited[beside:beside + 1]
                glued = bool(nxt) and nxt.isalnum()
                shift = -1 if side == "start" else 0
                _assert_edge(check(p, edited), p, glued, p.start + shift)
                checked += 1
    assert checked >= len(pins) * 2 * (len(EDGE_GLUE) + len(EDGE_APART))


def _assert_edge(result: PinCheck, p: Pin, glued: bool, start: int) -> None:
    if glued:
        assert result.status == "altered" and result.now != p.exact, (p.claim, result)
    else:
        assert result.status in ("unchanged", "moved"), (p.claim, result)
        assert (result.start, result.now) == (start, p.exact), (p.claim, result)


@st.composite
def bundled_pin(draw: st.DrawFn) -> tuple[str, Pin]:
    bodies, pins = bundled()
    p = draw(st.sampled_from(pins))
    return bodies[p.source], p


@given(st.data())
@settings(max_examples=300)
def test_any_one_character_edit_inside_a_bundled_pin_is_reported(data: st.DataObject) -> None:
    body, p = data.draw(bundled_pin())
    result = check(p, data.draw(one_char_edit(body, p.start, p.end)))
    assert result.status in ("altered", "orphaned"), result


def test_paragraph_swaps_are_moves() -> None:
    """Swapping two paragraphs moves the pins inside them, and alters none."""
    bodies, pins = bundled()
    swaps = 0
    for source, body in bodies.items():
        paras = body.split("\n\n")
        offsets = [sum(len(q) + 2 for q in paras[:i]) for i in range(len(paras))]
        mine = [p for p in pins if p.source == source]
        for i in range(len(paras) - 1):
            swapped = paras[:i] + [paras[i + 1], paras[i]] + paras[i + 2:]
            edited = "\n\n".join(swapped)
            new_offsets = [sum(len(q) + 2 for q in swapped[:k]) for k in range(len(swapped))]
            for p in mine:
                k = next(k for k in range(len(paras))
                         if offsets[k] <= p.start < offsets[k] + len(paras[k]) + 2)
                if p.end > offsets[k] + len(paras[k]):
                    continue  # a pin across two paragraphs is not one paragraph's words
                j = {i: i + 1, i + 1: i}.get(k, k)
                expected = new_offsets[j] + p.start - offsets[k]
                result = check(p, edited)
                assert result.status in ("moved", "unchanged"), (p.claim, i, result)
                assert (result.start, result.now) == (expected, p.exact)
                swaps += 1
    assert swaps >= 400, swaps


# -- the lock file --------------------------------------------------------------------------


def test_lock_text_round_trips_and_is_sorted() -> None:
    p, _ = pinned(BODY, "co-sponsored by 61 countries")
    odd = 'odd "chars"\\ \x7f\n\t'
    q = attrs.evolve(p, claim="a", exact=odd, end=p.start + len(odd))
    lock = Lock((p, q))
    assert lock.pins == (q, p)  # sorted by claim, then quote index
    text = lock.to_toml()
    assert Lock.from_toml(text) == lock
    assert text.index('claim = "a"') < text.index('claim = "c"')
    assert lock.get("c", 1) == p and lock.get("c", 2) is None


@st.composite
def pins(draw: st.DrawFn) -> Pin:
    exact = draw(st.text(min_size=1, max_size=40))
    start = draw(st.integers(0, 10**9))
    return Pin(
        claim=draw(st.text(min_size=1, max_size=20)), index=draw(st.integers(1, 10**6)),
        source=draw(st.text(min_size=1, max_size=20)),
        sha256=draw(st.text("0123456789abcdef", min_size=64, max_size=64)),
        start=start, end=start + len(exact), exact=exact,
        prefix=draw(st.text(max_size=32)), suffix=draw(st.text(max_size=32)),
        method=draw(st.sampled_from(METHODS)),
        score=draw(st.floats(0, 100, allow_nan=False)), quote=draw(st.text(min_size=1)),
    )


@given(st.lists(pins(), max_size=8, unique_by=lambda p: p.key))
def test_any_lock_reads_back_as_itself(generated: list[Pin]) -> None:
    lock = Lock(generated)
    text = lock.to_toml()
    assert Lock.from_toml(text) == lock
    assert Lock.from_toml(text).to_toml() == text


def test_two_pins_for_one_quote_cannot_make_a_lock() -> None:
    p, _ = pinned(BODY, "co-sponsored by 61 countries")
    with pytest.raises(Exception, match="two pins for claim 'c' quote 1"):
        Lock((p, attrs.evolve(p, score=50.0)))


def _lock_text(**edits: str) -> str:
    """A valid two-pin lock, with lines of its second entry replaced: key -> TOML value."""
    p, _ = pinned(BODY, "co-sponsored by 61 countries")
    q = attrs.evolve(p, index=2)
    text = Lock((p, q)).to_toml()
    head, second = text.rsplit("[[quote]]", 1)
    for key, value in edits.items():
        lines = second.split("\n")
        at = next((n for n, line in enumerate(lines) if line.startswith(f"{key} = ")), None)
        if at is None:
            lines.insert(1, f"{key} = {value}")
        elif value == "<drop>":
            del lines[at]
        else:
            lines[at] = f"{key} = {value}"
        second = "\n".join(lines)
    return head + "[[quote]]" + second


def _line_of(text: str, start: str) -> int:
    return next(n for n, line in enumerate(text.split("\n"), 1) if line.startswith(start))


def _problems(text: str, **kwargs: object) -> list[str]:
    with pytest.raises(LoadError) as info:
        Lock.from_toml(text, **kwargs)  # type: ignore[arg-type]
    return [str(p) for p in info.value.problems]


@pytest.mark.parametrize(("key", "value", "expected"), [
    ("quote", "5", "expected a string, got 5"),
    ("quote", "true", "expected a string, got true"),
    ("quote", "[1, 2]", "expected a string, got [1, 2]"),
    ("start", "2025-01-01", "expected a whole number ≥ 0, got 2025-01-01"),
    ("start", '"oops"', "expected a whole number ≥ 0, got 'oops'"),
    ("start", '"3"', "expected a whole number ≥ 0, got '3'"),
    ("start", "-1", "expected a whole number ≥ 0, got -1"),
    ("index", "-1000", "expected a whole number ≥ 1, got -1000"),
    ("index", "1.5", "expected a whole number ≥ 1, got 1.5"),
    ("prefix", "5", "expected a string, got 5"),
    ("exact", '""', "expected a non-empty string, got ''"),
    ("sha256", '"abc"', "expected a sha256 (64 hexadecimal digits, 0-9 and a-f), got 'abc'"),
    ("sha256", '"' + "G" * 64 + '"', "expected a sha256"),
    ("score", "101", "expected a number from 0 to 100, got 101"),
    ("score", "-0.5", "expected a number from 0 to 100, got -0.5"),
    ("score", "nan", "expected a number from 0 to 100, got nan"),
    ("score", "true", "expected a number from 0 to 100, got true"),
    ("method", '"fuzy"', "expected one of 'exact', 'normalized', 'fuzzy', got 'fuzy' "
                         "(did you mean 'fuzzy'?)"),
    ("end", "5", "expected a whole number ≥ start (114), got 5"),
    ("end", "1000", "expected start + the length of exact (114 + 28 = 142), got 1000"),
    ("score", "<drop>", "missing"),
    ("sorce", '"s"', "unknown key (did you mean 'source'?)"),
])
def test_a_malformed_entry_is_a_load_error_naming_file_line_and_key(
        key: str, value: str, expected: str) -> None:
    text = _lock_text(**{key: value})
    (problem,) = _problems(text)
    lines = text.split("\n")
    entry = max(n for n, line in enumerate(lines, 1) if line == "[[quote]]")
    where = next((n for n, line in enumerate(lines, 1)
                  if n > entry and line.startswith(f"{key} = ")), entry)
    assert problem.startswith(f"factcheck.lock:{where}: quote[2].{key}: "), problem
    assert expected in problem


@pytest.mark.parametrize(("text", "expected"), [
    ("version = 7\n", "factcheck.lock:1: version: expected 1, got 7; re-pin with `factcheck"),
    ("version = true\n", "factcheck.lock:1: version: expected 1, got true"),
    ('version = "1"\n', "factcheck.lock:1: version: expected 1, got '1'"),
    ("# a lock\n", "factcheck.lock:1: version: missing; expected version = 1"),
    ("version = 1\nquote = 5\n", "factcheck.lock:2: quote: expected [[quote]] tables, got 5"),
    ("version = 1\nvresion = 1\n", "factcheck.lock:2: vresion: unknown key (did you mean "
                                   "'version'?)"),
    ("version = 1\n[[quote]\n", "factcheck.lock:2: invalid TOML"),
])
def test_a_malformed_lock_is_a_load_error(text: str, expected: str) -> None:
    (problem,) = _problems(text)
    assert problem.startswith(expected), problem


def test_every_problem_of_a_lock_is_reported_at_once_in_line_order() -> None:
    text = _lock_text(start='"oops"', quote="5", method='"regex"').replace(
        "version = 1", "version = 2")
    problems = _problems(text)
    assert [p.split(": ")[1] for p in problems] == [
        "version", "quote[2].start", "quote[2].method", "quote[2].quote"]
    lines = [int(p.split(":")[1]) for p in problems]
    assert lines == sorted(lines)


def test_pins_must_fit_the_claims() -> None:
    text = _lock_text()
    claims = {"c": ["co-sponsored by 61 countries", "another quote"]}
    assert Lock.from_toml(text, claims=claims).get("c", 2) is not None
    (problem,) = _problems(text, claims={"c": ["co-sponsored by 61 countries"]})
    assert "quote[2].index: claim 'c' has 1 quote, not 2; re-pin" in problem
    problems = _problems(text, claims={"cc": ["x"]})
    assert [p.split(": ", 1)[1] for p in problems] == [
        f"quote[{i}].claim: no claim 'c' in the claims files (did you mean 'cc'?); "
        "re-pin with `factcheck pin --update`" for i in (1, 2)]


def test_two_pins_for_one_quote_are_a_load_error() -> None:
    text = _lock_text(index="1")
    (problem,) = _problems(text)
    first = _line_of(text, "[[quote]]")
    assert problem.startswith(f"factcheck.lock:{first + 14}: quote[2]: a second pin for "
                              f"claim 'c' quote 1 (the first is quote[1], line {first})")


TOML_VALUES = ("5", "-1", "0", "true", "false", "[1, 2]", "[]", "{}", "{a = 1}", "2025-01-01",
               "2025-01-01T10:00:00", "10:00:00", "1.5", "nan", "inf", "-inf", "1e400",
               "99999999999999999999", '""', '"x"', '"3"', '"' + "a" * 64 + '"',
               '"exact"', '"\\u0000"', "'''multi\nline'''")


@given(st.data())
@settings(max_examples=300)
def test_a_damaged_lock_is_read_or_refused_never_crashes(data: st.DataObject) -> None:
    """Any value in any key, lines dropped or doubled: a Lock (whose pins then verify
    without error against any text) or a LoadError naming factcheck.lock, nothing else."""
    lines = _lock_text().split("\n")
    for _ in range(data.draw(st.integers(1, 4))):
        at = data.draw(st.integers(0, len(lines) - 1))
        action = data.draw(st.sampled_from(["value", "drop", "double"]))
        if action == "value" and " = " in lines[at]:
            key = lines[at].split(" = ")[0]
            lines[at] = f"{key} = {data.draw(st.sampled_from(TOML_VALUES))}"
        elif action == "drop":
            del lines[at]
        else:
            lines.insert(at, lines[at])
    text = "\n".join(lines)
    claims = data.draw(st.none() | st.just({"c": ["a", "b"]}))
    try:
        lock = Lock.from_toml(text, claims=claims)
    except LoadError as exc:
        assert exc.problems and all(str(p).startswith("factcheck.lock") for p in exc.problems)
        return
    body = data.draw(st.sampled_from([BODY, "", "x", BODY[::-1], BODY * 3]))
    for p in lock.pins:
        assert verify(p, p.quote, Source(p.source, body)).status in (
            "unchanged", "moved", "altered", "orphaned")


@given(st.text(max_size=200))
def test_any_text_is_read_or_refused_as_a_lock(text: str) -> None:
    try:
        Lock.from_toml(text)
    except LoadError as exc:
        assert exc.problems and all(str(p).startswith("factcheck.lock") for p in exc.problems)


def test_a_byte_order_mark_is_accepted() -> None:
    text = _lock_text()
    assert Lock.from_toml("\ufeff" + text) == Lock.from_toml(text)


def test_looking_up_pins_takes_constant_time() -> None:
    """Lock.get is a dict lookup: 20,000 pins are built and looked up in well under a second
    (a scan over the pins for each lookup would take minutes)."""
    p, _ = pinned(BODY, "co-sponsored by 61 countries")
    many = [attrs.evolve(p, claim=f"c{i:05d}") for i in range(20_000)]
    began = time.perf_counter()
    lock = Lock(many)
    assert all(lock.get(q.claim, 1) is q for q in many)
    assert time.perf_counter() - began < 5


# -- through the command, on the bundled case -------------------------------------------


def test_bad_lock_file_is_a_load_error(case_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (case_dir / LOCK_NAME).write_text("version = 7\n", encoding="utf-8")
    assert main(["check", "--root", str(case_dir)]) == 2
    assert "factcheck.lock:1: version: expected 1, got 7" in capsys.readouterr().err


@pytest.mark.parametrize(("key", "value"), [
    ("quote", "5"), ("start", "2025-01-01"), ("index", "-1000"), ("prefix", "5"),
    ("start", '"3"'),
])
def test_a_malformed_pin_stops_every_command_with_exit_2(
        case_dir: Path, capsys: pytest.CaptureFixture[str], key: str, value: str) -> None:
    assert main(["pin", "--root", str(case_dir)]) == 0
    path = case_dir / LOCK_NAME
    lines = path.read_text(encoding="utf-8").split("\n")
    at = next(n for n, line in enumerate(lines) if line.startswith(f"{key} = "))
    lines[at] = f"{key} = {value}"
    path.write_text("\n".join(lines), encoding="utf-8")
    capsys.readouterr()
    for command in (["check"], ["check", "--format", "json"], ["pin"], ["brief"]):
        assert main([*command, "--root", str(case_dir)]) == 2
        assert f"factcheck.lock:{at + 1}: quote[1].{key}: expected" in capsys.readouterr().err
    assert main(["pin", "--root", str(case_dir), "--update"]) == 0


def test_a_pin_for_a_claim_no_longer_there_is_a_load_error(
        case_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["pin", "--root", str(case_dir)]) == 0
    path = case_dir / LOCK_NAME
    path.write_text(path.read_text(encoding="utf-8").replace(
        'claim = "introduced-21-straight-years"', 'claim = "introduced-21-straight-yaers"'),
        encoding="utf-8")
    capsys.readouterr()
    assert main(["check", "--root", str(case_dir)]) == 2
    err = capsys.readouterr().err
    assert "claim: no claim 'introduced-21-straight-yaers' in the claims files (did you mean " \
           "'introduced-21-straight-years'?)" in err


def test_pin_then_change_a_word_exits_1_naming_claim_source_and_word(
        case_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["pin", "--root", str(case_dir)]) == 0
    lock_text = (case_dir / LOCK_NAME).read_text(encoding="utf-8")
    assert main(["pin", "--root", str(case_dir)]) == 0  # idempotent
    assert (case_dir / LOCK_NAME).read_text(encoding="utf-8") == lock_text
    assert main(["check", "--root", str(case_dir)]) == 0
    capsys.readouterr()
    source = case_dir / "sources" / "000-yonhap-2025-11-20.md"
    source.write_text(source.read_text(encoding="utf-8").replace(
        "introduced for 21 straight years", "adopted for 21 straight years"), encoding="utf-8")
    assert main(["check", "--root", str(case_dir)]) == 1
    out = capsys.readouterr().out
    line = next(s for s in out.splitlines() if s.startswith("!! claim"))
    assert "introduced-21-straight-years" in line and "stale" in line
    assert "000-yonhap-2025-11-20" in line and "“introduced” → “adopted”" in line
    assert main(["check", "--root", str(case_dir), "--format", "json"]) == 1
    data = json.loads(capsys.readouterr().out)
    claim = next(c for c in data["claims"] if c["id"] == "introduced-21-straight-years")
    assert claim["verdict"] == "stale"
    assert claim["quotes"][0]["pin"]["changes"] == [{"was": "introduced", "now": "adopted"}]
    brief = Case.load(case_dir).check().brief()
    assert "## Changed since pinned" in brief and "adopted for 21 straight years" in brief
    # pin without --update keeps the old pin and asks for review; --update accepts
    assert main(["pin", "--root", str(case_dir)]) == 1
    assert "--update" in capsys.readouterr().err
    assert main(["pin", "--root", str(case_dir), "--update"]) == 0
    # re-pinned, the quote is no longer stale; but its words now differ from the source
    # in more than spelling, so it supports nothing until the claim is edited too
    capsys.readouterr()
    assert main(["check", "--root", str(case_dir)]) == 1
    out = capsys.readouterr().out
    assert "stale" not in out and "“introduced”, the source “adopted”" in out


def test_pin_then_move_a_paragraph_reports_moved_and_exits_0(
        case_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["pin", "--root", str(case_dir)]) == 0
    source = case_dir / "sources" / "000-yonhap-2025-11-20.md"
    text = source.read_text(encoding="utf-8")
    para = next(p for p in text.split("\n\n") if p.startswith("The resolution, introduced"))
    text = text.replace(para + "\n\n", "").replace("North Korea has bristled",
                                                  para + "\n\nNorth Korea has bristled")
    source.write_text(text, encoding="utf-8")
    capsys.readouterr()
    assert main(["check", "--root", str(case_dir)]) == 0
    out = capsys.readouterr().out
    assert "pinned quote moved later in `000-yonhap-2025-11-20` (same words)" in out
    assert main(["check", "--root", str(case_dir), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    moved = [q["pin"] for c in data["claims"] for q in c["quotes"]
             if q.get("pin", {}).get("status") == "moved"]
    assert moved and all(m["now"]["text"] == m["pinned"]["text"] for m in moved)


def test_the_sha_of_an_edited_source_in_the_lock_does_not_hide_the_edit(
        case_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["pin", "--root", str(case_dir)]) == 0
    source = case_dir / "sources" / "000-yonhap-2025-11-20.md"
    old = Case.load(case_dir).source("000-yonhap-2025-11-20").sha256
    source.write_text(source.read_text(encoding="utf-8").replace(
        "introduced for 21 straight years", "introduced for 12 straight years"),
        encoding="utf-8")
    new = Case.load(case_dir, read_lock=False).source("000-yonhap-2025-11-20").sha256
    path = case_dir / LOCK_NAME
    path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    capsys.readouterr()
    assert main(["check", "--root", str(case_dir)]) == 1
    assert "“21” → “12”" in capsys.readouterr().out


def test_pins_written_inline_are_located_on_their_line() -> None:
    """Review: the lock had its own key-line scanner, which knew only [[quote]] headers; it
    now uses _toml.key_lines like every other file (an inline table had no line at all)."""
    problems = _problems('version = 1\n\nquote = [{claim = "c", "so rce" = 1}]\n')
    assert problems[0] == ("factcheck.lock:3: quote[1].'so rce': unknown key "
                           "(did you mean 'source'?)")
    assert all(p.startswith("factcheck.lock:3: quote[1].") for p in problems), problems


def test_a_quoted_or_dotted_key_of_a_pin_is_on_its_own_line() -> None:
    text = _lock_text(**{'"sco re"': "1", "extra.part": "2"})
    spaced, dotted = _line_of(text, '"sco re"'), _line_of(text, "extra.part")
    assert sorted(_problems(text)) == sorted([
        f"factcheck.lock:{spaced}: quote[2].'sco re': unknown key (did you mean 'score'?)",
        f"factcheck.lock:{dotted}: quote[2].extra: unknown key (did you mean 'exact'?)"])
