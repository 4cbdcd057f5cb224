"""Tests for factcheck.provenance: who else carries a passage, and syndication clusters."""

from __future__ import annotations

import math
import random
from pathlib import Path

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from rapidfuzz.distance import Levenshtein

from factcheck import Case, Source
from factcheck.anchoring import search
from factcheck.errors import FactCheckError
from factcheck.provenance import Cluster, Corpus, CorpusError, Hit
from factcheck.text import normalize

ROOT = Path(__file__).resolve().parent.parent

YONHAP = "000-yonhap-2025-11-20"
IANS = "001-ians-2025-11-12"
OTHERS = ("002-hyein-shim-2025-11-12", "003-undated-plenary", "004-undated-taipei")

CONDEMNS = (
    'condemns "in the strongest terms" the longstanding, systematic and gross violations of '
    "human rights in and by North Korea, including those that may amount to crimes against "
    "humanity"
)
BRISTLED = (
    'North Korea has bristled at past resolutions, calling them a "politically motivated '
    'provocation" encroaching upon its sovereignty'
)


@pytest.fixture(scope="module")
def case_corpus() -> Corpus:
    return Corpus(Case.load(ROOT).sources)


def body(corpus: Corpus, source_id: str) -> str:
    return next(s.body for s in corpus.sources if s.id == source_id)


def overlaps(hit: Hit, start: int, end: int) -> bool:
    return hit.start < end and start < hit.end


# --------------------------------------------------------------------- the bundled case


def test_the_yonhap_copy_is_one_cluster_and_the_others_stand_alone(case_corpus: Corpus) -> None:
    clusters = case_corpus.clusters()
    assert [c.sources for c in clusters] == [(YONHAP, IANS), *((o,) for o in OTHERS)]
    assert [c.origin for c in clusters] == [YONHAP, *OTHERS]  # IANS credits Yonhap
    assert all(c.shared == () for c in clusters[1:])


def test_the_evidence_is_the_shared_yonhap_sentences(case_corpus: Corpus) -> None:
    wire = case_corpus.clusters()[0]
    texts = [s.text for s in wire.shared]
    assert texts == [CONDEMNS + ".", BRISTLED + "."]
    for s in wire.shared:
        assert (s.a, s.b) == (YONHAP, IANS)
        assert body(case_corpus, s.a)[s.a_start : s.a_end] == s.text
        assert body(case_corpus, s.b)[s.b_start : s.b_end] == s.text


def test_002_shares_no_long_passage_with_the_wire_copy(case_corpus: Corpus) -> None:
    """Quoted phrases common to news copy ("the importance of dialogue and engagement")
    must not link two articles; even a low bar of 60 characters leaves 002 alone."""
    for c in case_corpus.clusters(min_shared_chars=60):
        if OTHERS[0] in c.sources:
            assert c.sources == (OTHERS[0],)


def test_origin_of(case_corpus: Corpus) -> None:
    assert case_corpus.origin_of(IANS) == case_corpus.origin_of(YONHAP) == YONHAP
    assert case_corpus.origin_of(OTHERS[0]) == OTHERS[0]
    with pytest.raises(CorpusError, match="did you mean '001-ians-2025-11-12'"):
        case_corpus.origin_of("001-ians-2025-1112")


@pytest.mark.parametrize("passage", [CONDEMNS, BRISTLED])
def test_a_yonhap_sentence_is_found_exactly_in_both_carriers(
    case_corpus: Corpus, passage: str
) -> None:
    hits = case_corpus.find(passage)
    assert [h.source for h in hits] == [YONHAP, IANS]
    for h in hits:
        assert (h.method, h.score, h.text) == ("exact", 100.0, passage)
        assert body(case_corpus, h.source)[h.start : h.end] == passage


def test_a_sentence_with_typos_is_still_found_in_both(case_corpus: Corpus) -> None:
    exact = {h.source: h for h in case_corpus.find(CONDEMNS)}
    typed = CONDEMNS.replace("strongest", "strongset").replace("violations", "violatons")
    hits = case_corpus.find(typed)
    assert [h.source for h in hits] == [YONHAP, IANS]
    for h in hits:
        assert h.method == "fuzzy" and 95 <= h.score < 100
        assert overlaps(h, exact[h.source].start, exact[h.source].end)
        assert body(case_corpus, h.source)[h.start : h.end] == h.text


def test_typographic_variants_are_found_after_normalisation(case_corpus: Corpus) -> None:
    curly = BRISTLED.replace('"', "\u201c", 1).replace('"', "\u201d", 1).replace(" ", "\u00a0")
    hits = case_corpus.find(curly)
    assert [(h.source, h.method, h.text) for h in hits] == [
        (YONHAP, "normalized", BRISTLED),
        (IANS, "normalized", BRISTLED),
    ]


@pytest.mark.parametrize(
    "passage", ["The resolution was vetoed by the Security Council in 1999.", "", "  \n", "\u00ad"]
)
def test_a_passage_in_no_source_is_not_found(case_corpus: Corpus, passage: str) -> None:
    assert case_corpus.find(passage) == ()


def test_a_short_passage_is_looked_up_in_every_source(case_corpus: Corpus) -> None:
    before = case_corpus.stats["full_scans"]
    hits = case_corpus.find("DPRK")  # shorter than q: no q-gram to filter with
    assert case_corpus.stats["full_scans"] == before + 1
    assert [h.source for h in hits] == [YONHAP, "002-hyein-shim-2025-11-12", OTHERS[2]]
    assert all(h.text == "DPRK" and h.method == "exact" for h in hits)


def test_hits_are_ordered_best_first_then_by_id(case_corpus: Corpus) -> None:
    hits = case_corpus.find("the human rights situation in North Korea", max_edit_ratio=0.1)
    assert hits
    assert list(hits) == sorted(hits, key=lambda h: (-h.score, h.source))


def test_a_smaller_q_gives_the_same_answers(case_corpus: Corpus) -> None:
    small = Corpus(case_corpus.sources, q=4)
    for passage in (CONDEMNS, BRISTLED, "DPRK", "inter-Korean talks"):
        assert small.find(passage) == case_corpus.find(passage)
    assert small.clusters() == case_corpus.clusters()


def test_find_verifies_only_the_sources_that_carry_the_passage() -> None:
    rng = random.Random(7)
    sources = [Source(f"s{i:03d}", " ".join(unique_words(400, rng.random()))) for i in range(60)]
    corpus = Corpus(sources)
    passage = sources[17].body[1000:1200]
    hits = corpus.find(passage)
    assert [h.source for h in hits] == ["s017"]
    assert corpus.stats["sources_verified"] == 1
    # one q-gram in two is indexed: the even offsets of each text
    assert corpus.stats["postings"] == sum((len(s.body) - 7 + 1) // 2 for s in sources)


# --------------------------------------------------------------------------- the errors


def test_duplicate_ids_and_a_bad_q_are_errors() -> None:
    with pytest.raises(CorpusError, match="'a' occurs more than once"):
        Corpus([Source("a", "one"), Source("b", "two"), Source("a", "three")])
    for q in (1, 9):
        with pytest.raises(CorpusError, match="q must be within"):
            Corpus([], q=q)
    assert issubclass(CorpusError, FactCheckError)


def test_an_empty_corpus_answers_nothing() -> None:
    corpus = Corpus([])
    assert corpus.find("anything at all, and long enough to be filtered") == ()
    assert corpus.clusters() == ()
    assert corpus.stats["postings"] == 0


# ------------------------------------------------------------------------- properties

WORDS = """
resolution committee assembly consensus member states sponsor adopted human rights north korea
united nations vote draft year consecutive annual report general third japan britain france
australia canada europe union council session plenary record decade straight support withdrew
returned listed proposer backing countries
"""
VOCABULARY = tuple(WORDS.split())
# Typography that normalisation folds away: it must not cost a hit.
DECORATIONS = ("", "", "", ",", ".", "\u201c", "\u2014", "\u00a0", "  ", "\u00ad", "\ufb01")


def unique_words(count: int, seed: float) -> list[str]:
    """Words that do not repeat, so a passage of a few words occurs once in its source."""
    rng = random.Random(seed)
    return [f"{rng.choice(VOCABULARY)}{i:03d}" for i in range(count)]


@st.composite
def article(draw: st.DrawFn, min_words: int = 10, max_words: int = 120) -> str:
    words = unique_words(draw(st.integers(min_words, max_words)), draw(st.floats(0, 1)))
    decorated = [w + draw(st.sampled_from(DECORATIONS)) for w in words]
    return " ".join(decorated)


@st.composite
def corpora(draw: st.DrawFn, max_sources: int = 6) -> list[Source]:
    """Independent articles, some with a syndicated copy (a slice of one, lightly edited)."""
    bodies = draw(st.lists(article(), min_size=1, max_size=max_sources))
    sources = [Source(f"src-{i:02d}", b) for i, b in enumerate(bodies)]
    for i, original in enumerate(bodies[:3]):
        if draw(st.booleans()):
            start = draw(st.integers(0, len(original) // 2))
            copy = "DATELINE - " + edit(original[start:], draw(st.integers(0, 3)), draw)
            sources.append(Source(f"src-{i:02d}-copy", copy))
    return sources


def edit(text: str, count: int, draw: st.DrawFn) -> str:
    chars = list(text)
    for _ in range(count):
        if not chars:
            break
        i = draw(st.integers(0, len(chars) - 1))
        op = draw(st.sampled_from("sid"))
        letter = draw(st.sampled_from("abcdefghijklmnopqrstuvwxyz"))
        if op == "s":
            chars[i] = letter
        elif op == "i":
            chars.insert(i, letter)
        else:
            del chars[i]
    return "".join(chars)


@settings(max_examples=120, deadline=None)
@given(corpora(), st.data())
def test_a_cut_passage_is_found_in_its_source_at_its_own_offsets(
    sources: list[Source], data: st.DataObject
) -> None:
    """Law: a passage cut from a source is found in that source, exactly, at its own offsets
    or at an identical passage."""
    source = data.draw(st.sampled_from(sources))
    start = data.draw(st.integers(0, len(source.body) - 1))
    end = data.draw(st.integers(start + 1, min(len(source.body), start + 400)))
    passage = source.body[start:end]
    assume(normalize(passage).text.strip(" "))
    hits = {h.source: h for h in Corpus(sources).find(passage)}
    hit = hits[source.id]
    assert hit.method == "exact" and hit.score == 100.0
    assert source.body[hit.start : hit.end] == hit.text == passage


@settings(max_examples=120, deadline=None)
@given(corpora(), st.data())
def test_a_passage_with_five_percent_of_edits_is_still_found(
    sources: list[Source], data: st.DataObject
) -> None:
    """Law (recall 1.0): a passage of 40+ characters cut from a source, with at most 5 % of
    random character edits, is found in that source at an overlapping span."""
    source = data.draw(st.sampled_from(sources))
    assume(len(source.body) >= 40)
    start = data.draw(st.integers(0, len(source.body) - 40))
    end = data.draw(st.integers(start + 40, min(len(source.body), start + 600)))
    original = source.body[start:end]
    edited = edit(original, math.floor(0.05 * len(original) / 1.05), data.draw)
    needle = normalize(edited).text.strip(" ")
    truth = normalize(original).text.strip(" ")
    assume(len(needle) >= 40)
    assume(Levenshtein.distance(needle, truth) <= math.floor(0.05 * len(needle)))
    hits = {h.source: h for h in Corpus(sources).find(edited)}
    assert source.id in hits
    assert overlaps(hits[source.id], start, end)


@settings(max_examples=80, deadline=None)
@given(
    st.lists(st.text("ab c", min_size=0, max_size=300), min_size=1, max_size=5),
    st.text("ab c", min_size=1, max_size=60),
    st.sampled_from([0.05, 0.1, 0.2, 0.35]),
)
def test_find_returns_exactly_the_sources_a_full_search_finds(
    bodies: list[str], passage: str, ratio: float
) -> None:
    """Law (no loss to the index): find returns the sources whose normalised text holds a
    stretch within k = ⌊ratio × m⌋ edits of the normalised passage -- the same set as an
    approximate search of every source, whichever filter (q-gram lemma, pigeonhole, full
    scan) the passage's length and the ratio call for. A four-letter alphabet makes near
    matches plentiful."""
    sources = [Source(f"s{i}", b) for i, b in enumerate(bodies)]
    needle = normalize(passage).text.strip(" ")
    assume(needle)
    m = len(needle)
    k = 0 if m < 16 else min(m - 1, math.floor(ratio * m + 1e-9))
    expected = {s.id for s in sources if search(normalize(s.body).text, needle, k)}
    hits = Corpus(sources).find(passage, max_edit_ratio=ratio, min_score=0.0)
    assert {h.source for h in hits} == expected


@settings(max_examples=100, deadline=None)
@given(st.lists(st.text(max_size=200), max_size=5), st.text(max_size=80), st.booleans())
def test_find_never_raises_on_any_unicode(bodies: list[str], passage: str, cut: bool) -> None:
    """Law: find takes any text and reports spans that are slices of the original body."""
    sources = [Source(f"s{i}", b) for i, b in enumerate(bodies)]
    if cut and bodies and bodies[0]:
        passage = bodies[0][len(bodies[0]) // 3 :]
    for ratio in (0.05, 0.3):
        for hit in Corpus(sources).find(passage, max_edit_ratio=ratio):
            text = sources[int(hit.source[1:])].body
            assert 0 <= hit.start <= hit.end <= len(text)
            assert text[hit.start : hit.end] == hit.text


@settings(max_examples=80, deadline=None)
@given(corpora(max_sources=8))
def test_every_source_is_in_exactly_one_cluster(sources: list[Source]) -> None:
    """Law: clusters partition the corpus; each is sorted and named by its first source."""
    clusters = Corpus(sources).clusters()
    members = [s for c in clusters for s in c.sources]
    assert sorted(members) == sorted(s.id for s in sources)
    assert len(members) == len(set(members))
    assert all(c.sources == tuple(sorted(c.sources)) for c in clusters)
    assert list(clusters) == sorted(clusters, key=lambda c: c.sources)


@settings(max_examples=60, deadline=None)
@given(corpora(max_sources=8), st.randoms(use_true_random=False), st.sampled_from([50, 120]))
def test_clusters_do_not_depend_on_the_order_of_the_sources(
    sources: list[Source], rng: random.Random, min_shared: int
) -> None:
    """Law: shuffling the sources changes neither the clusters nor their evidence; every
    shared passage names the smaller id as ``a`` and is the same text in both sources."""
    shuffled = sources[:]
    rng.shuffle(shuffled)
    clusters = Corpus(sources).clusters(min_shared_chars=min_shared)
    assert Corpus(shuffled).clusters(min_shared_chars=min_shared) == clusters
    bodies = {s.id: s.body for s in sources}
    for c in clusters:
        for s in c.shared:
            assert s.a < s.b and {s.a, s.b} <= set(c.sources)
            a, b = bodies[s.a][s.a_start : s.a_end], bodies[s.b][s.b_start : s.b_end]
            assert a == s.text and len(normalize(a).text) >= min_shared
            # near-identical: one edit in ten (the exact ends trimmed off may add a few)
            assert Levenshtein.distance(normalize(a).text, normalize(b).text) <= 0.1 * len(a) + 5


@settings(max_examples=60, deadline=None)
@given(corpora(max_sources=8), st.data())
def test_find_does_not_depend_on_the_order_of_the_sources(
    sources: list[Source], data: st.DataObject
) -> None:
    """Law: the hits of a passage are the same whatever order the sources come in."""
    source = data.draw(st.sampled_from(sources))
    start = data.draw(st.integers(0, max(0, len(source.body) - 60)))
    passage = source.body[start : start + 60]
    shuffled = data.draw(st.permutations(sources))
    assert Corpus(shuffled).find(passage) == Corpus(sources).find(passage)


@settings(max_examples=60, deadline=None)
@given(article(min_words=60), article(min_words=30), st.data())
def test_a_copy_sharing_a_long_passage_joins_its_original(
    original: str, other: str, data: st.DataObject
) -> None:
    """Law: a source that repeats 120+ characters of another (edited elsewhere) is clustered
    with it; an unrelated article is not."""
    start = data.draw(st.integers(0, len(original) - 130))
    end = data.draw(st.integers(start + 130, len(original)))
    before = edit(original[:start], data.draw(st.integers(0, 3)), data.draw)
    copy = "By a staff writer. " + before[-50:] + original[start:end]
    assume(normalize(original[start:end]).text.strip(" .,;:!?)]}").__len__() >= 120)
    other = other.upper()  # never the same words, even when drawn from the same seed
    corpus = Corpus([Source("wire", original), Source("copy", copy), Source("own", other)])
    assert corpus.clusters() == (
        Cluster(("copy", "wire"), corpus.clusters()[0].shared),
        Cluster(("own",)),
    )
    assert corpus.origin_of("wire") == corpus.origin_of("copy") == "copy"


def test_a_cluster_is_named_after_its_earliest_dated_source() -> None:
    """Copies cannot predate what they copy: the earliest dated member names the cluster."""
    import datetime

    text = ("The committee adopted the resolution by consensus on Wednesday, condemning "
            "the longstanding, systematic and gross violations of human rights in the north.")
    corpus = Corpus([
        Source("a-later", text, published=datetime.date(2025, 11, 20)),
        Source("b-earlier", "SEOUL. " + text, published=datetime.date(2025, 11, 12)),
        Source("c-undated", text + " More."),
    ])
    (cluster,) = corpus.clusters()
    assert cluster.origin == "b-earlier"
    assert corpus.origin_of("c-undated") == "b-earlier"


@pytest.mark.parametrize("kwargs", [{"q": "8"}, {"jobs": None}, {"partition": 2.5},
                                    {"q": True}])
def test_corpus_options_of_the_wrong_type_are_corpus_errors(kwargs: dict[str, object]) -> None:
    with pytest.raises(CorpusError):
        Corpus([Source("a", "text")], **kwargs)  # type: ignore[arg-type]


def test_origin_of_a_non_string_is_a_corpus_error() -> None:
    with pytest.raises(CorpusError, match="unknown source 5"):
        Corpus([Source("a", "text")]).origin_of(5)  # type: ignore[arg-type]


@pytest.mark.parametrize("kwargs", [{"min_score": "x"}, {"max_edit_ratio": None}])
def test_find_options_of_the_wrong_type_are_option_errors(kwargs: dict[str, object]) -> None:
    from factcheck.errors import FactCheckError

    with pytest.raises(FactCheckError):
        Corpus([Source("a", "some text here")]).find("some text", **kwargs)  # type: ignore[arg-type]


def test_credited_origin_of_no_sources_is_a_corpus_error() -> None:
    from factcheck.credits import credited_origin

    with pytest.raises(CorpusError):
        credited_origin([])
