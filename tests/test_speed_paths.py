"""Laws of the fast paths: each gives what the reference (slower, simpler) path gives."""

from __future__ import annotations

from itertools import chain, compress, repeat
from operator import lt

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from factcheck import _index
from factcheck.text import normalize

# Characters that exercise every branch of normalisation: ASCII (whitespace and controls
# included), Latin letters, typographic quotes and dashes, odd spaces, removed characters,
# combining accents, compatibility characters, Hangul jamo and CJK.
ALPHABET = st.sampled_from(
    list("ab e.,\t\n\r\x0b\x0c\x1c\x00\x7f")
    + list("éßÆø\u00a0\u2009\u3000\u2018\u2019\u201c\u201d\u2013\u2014\u2212\u00ad\u200b")
    + list("\u0301\u0308\ufb01\u00b4\u2026\u1100\u1161\u11a8\u4e2d\u00bd\u017f")
)
TEXTS = st.text(ALPHABET, max_size=200) | st.text(max_size=100)


@settings(max_examples=400, deadline=None)
@given(TEXTS)
def test_text_of_is_normalize_at_the_checkpoints(body: str) -> None:
    """Law: the numpy fast path gives normalize()'s text and offsets at every checkpoint."""
    fast = _index.text_of(body)
    slow = normalize(body)
    assert fast.text == slow.text
    last = len(slow.text) - 1
    every = range(0, len(slow.text), _index.CHECKPOINT)
    assert fast.starts.tolist() == [slow.starts[c] for c in every]
    assert fast.ends.tolist() == [slow.ends[min(c + _index.CHECKPOINT - 1, last)] for c in every]


def _reference_anchors(hashes: list[int], w: int) -> list[int]:
    """The winnowing rule written as a loop: low hashes, and the leftmost minimum of every
    window of *w* hashes holding no low hash."""
    n = len(hashes)
    out: list[int] = []
    previous = -1
    for low in chain(compress(range(n), map(lt, hashes, repeat(_index.LOW))), (n,)):
        for j in range(previous + 1, low - w + 1):
            part = hashes[j : j + w]
            at = j + part.index(min(part))
            if not out or out[-1] != at:
                out.append(at)
        if low < n:
            out.append(low)
        previous = low
    return out


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text("ab c", max_size=150), min_size=1, max_size=5))
def test_fingerprints_follow_the_winnowing_rule(bodies: list[str]) -> None:
    """Law: the vectorised fingerprints of texts laid end to end are those of the
    reference rule applied to each text alone."""
    texts = [_index.text_of(b) for b in bodies]
    _, owners, positions = _index.fingerprints(texts)
    expected = []
    for x, t in enumerate(texts):
        keys = _index.gram_keys(_index.encode(t.text), 8).tolist()
        scrambled = [(k * _index.MIX) % (1 << 64) for k in keys]
        last = len(t.text) - _index.PRINT
        expected += [(x, a) for a in _reference_anchors(scrambled, _index.WINDOW) if a <= last]
    assert sorted(zip(owners.tolist(), positions.tolist(), strict=True)) == sorted(expected)


# ------------------------------------------------------------------ anchoring fast paths

WORDS = st.sampled_from([
    "the", "of", "and", "resolution", "committee", "adopted", "consensus", "human", "rights",
    "north", "korea", "21", "straight", "years,", "said", "\u201cofficials\u201d", "\u2013",
    "vote",
])


def _article(words: list[str]) -> str:
    return " ".join(words)


@settings(max_examples=150, deadline=None)
@given(
    st.lists(WORDS, min_size=80, max_size=400),
    st.data(),
    st.sampled_from([0.05, 0.2, 0.4]),
    st.sampled_from(["", "the committee "]),
)
def test_the_filtered_fuzzy_path_gives_the_whole_text_answer(
    words: list[str], data: st.DataObject, ratio: float, prefix: str
) -> None:
    """Law: narrowing the text with the 3-gram filter before the kernel changes nothing:
    status, span, method, score, alternatives and nearest passage are those of the kernel
    over the whole text."""
    from factcheck import anchoring
    from factcheck.anchoring import AnchorOptions, anchor

    text = _article(words)
    start = data.draw(st.integers(0, len(text) - 20))
    size = data.draw(st.integers(16, 120))
    quote = list(text[start : start + size])
    for _ in range(data.draw(st.integers(0, max(1, len(quote) // 8)))):
        at = data.draw(st.integers(0, len(quote) - 1))
        quote[at] = data.draw(st.sampled_from("xyz e"))
    options = AnchorOptions(max_edit_ratio=ratio)
    fast = anchor("".join(quote), text, prefix=prefix, options=options)
    anchoring._FILTER = False
    try:
        slow = anchor("".join(quote), text, prefix=prefix, options=options)
    finally:
        anchoring._FILTER = True
    assert fast == slow


@settings(max_examples=150, deadline=None)
@given(st.text("ab ", max_size=60), st.text("ab ", min_size=1, max_size=8), st.data())
def test_the_exact_shortcut_gives_the_full_answer(
    text: str, quote: str, data: st.DataObject
) -> None:
    """Law: a quote found once exactly, without context, is the same Anchor as the general
    path gives (the shortcut is taken only when it applies)."""
    from factcheck.anchoring import Anchor, AnchorOptions, anchor

    a = anchor(quote, text)
    at = text.find(quote)
    if at != -1 and text.find(quote, at + 1) == -1:  # one place, overlapping ones counted
        assert a == Anchor("found", at, at + len(quote), "exact", 100.0, quote)
        # the general path (a displacement limit keeps the shortcut out) agrees
        general = AnchorOptions(max_displacement=len(text))
        assert anchor(quote, text, hint=at, options=general) == a
    else:
        assert a.method != "exact" or a.status == "ambiguous"


TYPOGRAPHIC = st.sampled_from(list("ab \u2019'\u00a0\u2013-\n") + ["ab", "\u201cb\u201d"])


@settings(max_examples=300, deadline=None)
@given(st.lists(TYPOGRAPHIC, max_size=40), st.lists(TYPOGRAPHIC, min_size=1, max_size=6),
       st.sampled_from(["", "a"]), st.sampled_from([None, 3]))
def test_the_shortcuts_give_the_general_answer(
    text: list[str], quote: list[str], prefix: str, hint: int | None
) -> None:
    """Law: with the one-place shortcuts (exact and normalised) turned off, every anchor is
    the same."""
    from factcheck import anchoring

    fast = anchoring.anchor("".join(quote), "".join(text), prefix=prefix, hint=hint)
    anchoring._SHORTCUTS = False
    try:
        slow = anchoring.anchor("".join(quote), "".join(text), prefix=prefix, hint=hint)
    finally:
        anchoring._SHORTCUTS = True
    assert fast == slow


@settings(max_examples=400, deadline=None)
@given(st.text(st.characters(max_codepoint=127), max_size=200))
def test_the_ascii_normalisation_is_the_general_one(text: str) -> None:
    """Law: the ASCII path of normalize() gives the general path's text and maps."""
    from factcheck import text as module

    assert module._normalize_ascii(text) == module._normalize_general(text)


@settings(max_examples=400, deadline=None)
@given(TEXTS)
def test_normalize_is_the_general_path(text: str) -> None:
    """Law: normalize()'s fast paths (ASCII, simple Latin text with typographic quotes,
    dashes and odd spaces) give the character-by-character path's text and maps."""
    from factcheck import text as module

    assert module.normalize(text) == module._normalize_general(text)


# ------------------------------------------------------- long texts, a slice at a time

SLICED = st.lists(st.text(ALPHABET, max_size=300), min_size=1, max_size=4)


@settings(max_examples=200, deadline=None)
@given(SLICED, st.integers(1, 120))
def test_a_long_text_worked_on_in_slices_gives_the_same_index(
    bodies: list[str], slice_chars: int
) -> None:
    """Law: normalising, fingerprinting and indexing a slice at a time (as a source of
    many megabytes is) gives the same texts, checkpoints, fingerprints and postings as
    doing each whole."""
    whole = [_index.text_of(b) for b in bodies]
    sliced = [_index.text_of(b, slice_chars=slice_chars) for b in bodies]
    assume(sum(len(b) for b in bodies) > slice_chars)
    for w, s in zip(whole, sliced, strict=True):
        assert (w.text, w.starts.tolist(), w.ends.tolist()) == (
            s.text, s.starts.tolist(), s.ends.tolist())
    for w_array, s_array in zip(_index.fingerprints(whole),
                                _index.fingerprints(whole, slice_chars=slice_chars),
                                strict=True):
        assert w_array.tolist() == s_array.tolist()
    for q in (3, 8):
        w_part = _index.Part(0, whole, q)
        s_part = _index.Part(0, whole, q, slice_chars=slice_chars)
        assert w_part.buckets == s_part.buckets
        assert w_part.offsets.tolist() == s_part.offsets.tolist()
        assert w_part.postings.tolist() == s_part.postings.tolist()


@settings(max_examples=150, deadline=None)
@given(st.lists(WORDS, min_size=20, max_size=200), st.data(), st.integers(8, 200))
def test_a_long_text_anchored_in_blocks_gives_the_whole_text_answer(
    words: list[str], data: st.DataObject, block: int
) -> None:
    """Law: a text longer than the block size is searched fuzzily (and for its nearest
    passage) a block at a time with the same answer as all at once."""
    from factcheck import anchoring
    from factcheck.anchoring import AnchorOptions, anchor

    text = _article(words)
    assume(len(text) > block)
    start = data.draw(st.integers(0, len(text) - 20))
    quote = list(text[start : start + data.draw(st.integers(16, 120))])
    for _ in range(data.draw(st.integers(0, max(1, len(quote) // 6)))):
        quote[data.draw(st.integers(0, len(quote) - 1))] = data.draw(st.sampled_from("xyz e"))
    options = AnchorOptions(max_edit_ratio=data.draw(st.sampled_from([0.05, 0.2])))
    whole = anchor("".join(quote), text, options=options)
    saved = anchoring._BLOCK
    anchoring._BLOCK = block
    try:
        blocks = anchor("".join(quote), text, options=options)
    finally:
        anchoring._BLOCK = saved
    assert blocks == whole


def test_the_partition_code_uses_the_kernels_sizes() -> None:
    """_partitions keeps copies of two sizes so that importing it does not load numpy."""
    from factcheck import _partitions

    assert (_partitions._PRINT, _partitions._Q_MAX) == (_index.PRINT, _index.Q_MAX)
