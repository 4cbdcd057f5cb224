"""Tests for factcheck.credits: the outlets a source credits, and a cluster's origin."""

from __future__ import annotations

import datetime
import random
import re
from pathlib import Path

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

import factcheck
from factcheck import Case, Corpus, Source
from factcheck.credits import (
    KNOWN_OUTLETS,
    Credit,
    credited_origin,
    credits,
    outlet_key,
    publisher_key,
)

ROOT = Path(__file__).resolve().parent.parent
YONHAP = "000-yonhap-2025-11-20"
IANS = "001-ians-2025-11-12"


def source(stem: str) -> Source:
    path = ROOT / "sources" / f"{stem}.md"
    return Source.from_text(path.read_text(encoding="utf-8"), stem, str(path))


def read(body: str, publisher: str = "") -> list[tuple[str, str, str]]:
    return [(c.outlet, c.key, c.kind) for c in credits(body, publisher)]


# --------------------------------------------------------------------------------------
# The bundled case

def test_the_bundled_sources_credits() -> None:
    yonhap, ians = source(YONHAP), source(IANS)
    assert [(c.key, c.evidence, c.kind) for c in credits(yonhap.body, yonhap.publisher)] == [
        ("yonhap", "(Yonhap)", "closing")]
    (credit,) = credits(ians.body, ians.publisher)
    assert (credit.outlet, credit.key, credit.evidence) == (
        "Yonhap", "yonhap", "Yonhap news agency reported")
    assert ians.body[credit.start:credit.end] == credit.evidence
    shim = source("002-hyein-shim-2025-11-12")
    assert [(c.key, c.field, c.evidence) for c in credits(shim.body, shim.publisher)] == [
        ("yonhap", "publisher", "Yonhap News (credited as source)"),
        ("yonhap", "body", "(Source: Yonhap News)"),
    ]
    # a photo credit and an editor's line are not text credits
    assert credits(source("003-undated-plenary").body) == ()
    assert credits(source("004-undated-taipei").body) == ()


def test_the_yonhap_ians_cluster_is_yonhaps() -> None:
    case = Case.load(ROOT)
    (cluster,) = [c for c in Corpus(case.sources).clusters() if YONHAP in c.sources]
    assert set(cluster.sources) == {YONHAP, IANS}
    members = [case.source(i) for i in cluster.sources]
    origin, credit = credited_origin(members)
    assert origin == YONHAP  # although IANS's copy is dated earlier
    assert credit is not None
    assert (credit.source, credit.key, credit.evidence) == (
        IANS, "yonhap", "Yonhap news agency reported")
    assert str(credit) == f"{IANS}: “Yonhap news agency reported” credits Yonhap"
    # the order of the sources does not matter
    assert credited_origin(list(reversed(members))) == (origin, credit)


def test_the_other_bundled_sources_are_their_own_origin() -> None:
    for stem in ("002-hyein-shim-2025-11-12", "003-undated-plenary", "004-undated-taipei"):
        assert credited_origin([source(stem)]) == (stem, None)


# --------------------------------------------------------------------------------------
# Credit lines, one form at a time

CREDITED = [
    # datelines
    ("SEOUL, Nov. 20 (Yonhap) -- North Korea fired a missile.", "Yonhap", "yonhap", "dateline"),
    ("WASHINGTON (Reuters) - The U.S. House passed the bill.", "Reuters", "reuters",
     "dateline"),
    ("(AP) — A man was arrested on Sunday.", "AP", "ap", "dateline"),
    ("NEW YORK (AP) — Stocks fell.", "AP", "ap", "dateline"),
    ("PARIS, Jan 5 (AFP) - France said.", "AFP", "afp", "dateline"),
    ("TOKYO, Dec. 2 (Kyodo) -- Japan protested.", "Kyodo", "kyodo", "dateline"),
    ("New Delhi, Nov 12 (IANS) India welcomed the move.", "IANS", "ians", "dateline"),
    ("NEW DELHI, Nov 12 (PTI) - The government said.", "PTI", "pti", "dateline"),
    ("BEIJING, Dec. 1 (Xinhua) -- China said.", "Xinhua", "xinhua", "dateline"),
    ("BERLIN (dpa) - Germany said.", "dpa", "dpa", "dateline"),
    ("ROME, 3 dic (ANSA) - Italy said.", "ANSA", "ansa", "dateline"),
    ("MADRID, 3 dic (EFE).- Spain said.", "EFE", "efe", "dateline"),
    ("MOSCOW, Nov. 20 (TASS) - Russia said.", "TASS", "tass", "dateline"),
    ("PYONGYANG, Nov. 20 (KCNA) -- The DPRK said.", "KCNA", "kcna", "dateline"),
    ("LONDON (Sky News) - Britain said.", "Sky News", "sky", "dateline"),
    # closing and signed credits
    ("North Korea has bristled at past resolutions. (Yonhap)", "Yonhap", "yonhap", "closing"),
    ("The quake hit at dawn. (AFP)", "AFP", "afp", "closing"),
    ("The quake hit at dawn (AP).", "AP", "ap", "closing"),
    ("The quake hit at dawn. — Reuters", "Reuters", "reuters", "signed"),
    ("The quake hit at dawn. -- AP", "AP", "ap", "signed"),
    ("The quake hit at dawn. – Kyodo News", "Kyodo News", "kyodo", "signed"),
    # source lines
    ("UN (CG) (Source: Yonhap News)", "Yonhap News", "yonhap", "source"),
    ("Source: Xinhua", "Xinhua", "xinhua", "source"),
    ("(Source = Yonhap News Agency)", "Yonhap News Agency", "yonhap", "source"),
    ("(SOURCE: Reuters)", "Reuters", "reuters", "source"),
    # reported, according to
    ("It rained, Bloomberg reported.", "Bloomberg", "bloomberg", "reported"),
    ("CNN reported on Friday that the talks failed.", "CNN", "cnn", "reported"),
    ("The New York Times reported that the deal was near.", "The New York Times", "nyt",
     "reported"),
    ("The Washington Post first reported the plan.", "The Washington Post", "washington post",
     "reported"),
    ("Seoul's Yonhap news agency reported the launch.", "Yonhap", "yonhap", "reported"),
    ("The launch was reported by Kyodo News.", "Kyodo News", "kyodo", "reported"),
    ("Meanwhile Yonhap reported a second launch.", "Yonhap", "yonhap", "reported"),
    ("Xinhua News Agency reports that the vote passed.", "Xinhua News Agency", "xinhua",
     "reported"),
    ("The vote passed, according to Yonhap.", "Yonhap", "yonhap", "reported"),
    ("The vote passed, according to the Associated Press.", "the Associated Press", "ap",
     "reported"),
    ("The vote passed, according to the Korea Herald.", "the Korea Herald", "korea herald",
     "reported"),
    ("The vote passed, according to The Hankyoreh Daily.", "The Hankyoreh Daily",
     "hankyoreh daily", "reported"),
    ("(With inputs from PTI)", "PTI", "pti", "inputs"),
    ("With additional reporting by Reuters.", "Reuters", "reuters", "inputs"),
    # the wire's own words
    ("Reuters could not independently verify the report.", "Reuters", "reuters",
     "unverified"),
    ("AFP was unable to verify the footage.", "AFP", "afp", "unverified"),
]


@pytest.mark.parametrize(("body", "outlet", "key", "kind"), CREDITED)
def test_credit_lines(body: str, outlet: str, key: str, kind: str) -> None:
    assert read(body) == [(outlet, key, kind)]
    (credit,) = credits(body)
    assert body[credit.start:credit.end] == credit.evidence
    assert outlet in credit.evidence
    assert credit.field == "body"


NOT_CREDITED = [
    "The vote passed, according to the police.",
    "The vote passed, according to officials.",
    "The vote passed, according to the ministry.",
    "The vote passed, according to the Foreign Ministry.",
    "The vote passed, according to the resolution distributed earlier this month.",
    "The vote passed, according to a Reuters tally.",  # a tally is data, not the text
    "The Foreign Ministry reported a rise in defections.",
    "Officials reported no injuries.",
    "Kim told CNN on Sunday.",
    "Yonhap said the launch failed.",  # an outlet quoted as a party to the story
    "(Photo = United Nations Web TV capture, Yonhap News)",
    "Photo source: Yonhap",
    "It was sent to the International Criminal Court (ICC).",
    "The European Union (EU) tabled it.",
    "A photographer for the Associated Press (AP)",  # the abbreviation defined at the end
    "Edited by Mike Firn.",
    "By IANS | Updated: November 12, 2025 11:00 IST",
    "The resolution passed. — Kim Jong Un",
    "UN (CG)",
    "the ap reported it",  # lower case: not a name
    "Sources: the ministry said so.",
    "Seoul (IANS) South Korea said.",  # a parenthesis after a place, no date, no dash
]


@pytest.mark.parametrize("body", NOT_CREDITED)
def test_not_credit_lines(body: str) -> None:
    assert credits(body) == ()


def test_several_outlets_in_one_line() -> None:
    assert read("Sources: AP, Reuters and AFP") == [
        ("AP", "ap", "source"), ("Reuters", "reuters", "source"), ("AFP", "afp", "source")]


def test_credits_come_in_order_and_each_line_once() -> None:
    body = ("SEOUL, Nov. 20 (Yonhap) -- It rained.\n\nLater, AFP reported snow.\n"
            "The end. (Yonhap)")
    assert [(c.key, c.kind) for c in credits(body)] == [
        ("yonhap", "dateline"), ("afp", "reported"), ("yonhap", "closing")]
    starts = [c.start for c in credits(body)]
    assert starts == sorted(starts)


PUBLISHERS = [
    ("Yonhap", "yonhap", []),
    ("Yonhap News Agency", "yonhap", []),
    ("IANS / Yonhap", "ians", [("Yonhap", "yonhap")]),
    ("Yonhap via IANS", "ians", [("Yonhap", "yonhap")]),
    ("IANS | Yonhap; AFP", "ians", [("Yonhap", "yonhap"), ("AFP", "afp")]),
    ("Yonhap News (credited as source)", "", [("Yonhap News", "yonhap")]),
    ("Source: AFP", "", [("AFP", "afp")]),
    ("", "", []),
]


@pytest.mark.parametrize(("publisher", "own", "credited"), PUBLISHERS)
def test_publisher_fields(publisher: str, own: str, credited: list[tuple[str, str]]) -> None:
    assert publisher_key(publisher) == own
    found = credits("", publisher)
    assert [(c.outlet, c.key) for c in found] == credited
    for c in found:
        assert (c.field, c.kind, c.evidence) == ("publisher", "publisher", publisher.strip())
        assert publisher[c.start:c.end] == c.evidence


@pytest.mark.parametrize(("name", "key"), [
    ("Yonhap", "yonhap"), ("Yonhap News", "yonhap"), ("Yonhap News Agency", "yonhap"),
    ("YONHAP", "yonhap"), ("The Associated Press", "ap"), ("AP", "ap"),
    ("Agence France-Presse", "afp"), ("Agence France‑Presse", "afp"),
    ("Press Trust of India", "pti"), ("Indo-Asian News Service", "ians"),
    ("The New York Times", "nyt"), ("New York Times", "nyt"), ("Kyodo News", "kyodo"),
    ("Xinhua News Agency", "xinhua"), ("Deutsche Presse-Agentur", "dpa"),
    ("Korea Herald", "korea herald"), ("The Korea Herald", "korea herald"),
    ("Hankyoreh News", "hankyoreh"), ("Foo Newswire", "foo newswire"),
    ("Yonhap's", "yonhap"),
])
def test_outlet_keys(name: str, key: str) -> None:
    assert outlet_key(name) == key


def test_public_names() -> None:
    for name in ("Credit", "credits", "credited_origin", "outlet_key", "publisher_key",
                 "KNOWN_OUTLETS"):
        assert name in factcheck.__all__
    for key, names in KNOWN_OUTLETS.items():
        assert all(outlet_key(n) == key for n in names), key


# --------------------------------------------------------------------------------------
# credited_origin

def day(d: int) -> datetime.date:
    return datetime.date(2025, 11, d)


def test_origin_is_the_credited_outlet_not_the_earliest_copy() -> None:
    wire = Source("wire", "The resolution passed.", publisher="Kyodo News", published=day(20))
    copy1 = Source("copy1", "The resolution passed, Kyodo reported.", publisher="Japan Today",
                   published=day(12))
    copy2 = Source("copy2", "TOKYO (Kyodo) - The resolution passed.", publisher="NHK World",
                   published=day(13))
    origin, credit = credited_origin([copy1, copy2, wire])
    assert origin == "wire"
    assert credit is not None and credit.source == "copy1"  # the earliest crediting copy


def test_origin_without_credits_is_the_earliest_dated_copy() -> None:
    a = Source("a", "Text.", publisher="A Times", published=day(20))
    b = Source("b", "Text.", publisher="B Post", published=day(12))
    c = Source("c", "Text.", publisher="C Herald")
    assert credited_origin([a, b, c]) == ("b", None)
    assert credited_origin([c, Source("a2", "Text.")]) == ("a2", None)  # undated: by id
    # a credit of an outlet outside the cluster names no origin
    d = Source("d", "Text, AFP reported.", publisher="D News", published=day(25))
    assert credited_origin([a, d]) == ("a", None)


def test_self_credits_do_not_count() -> None:
    wire = Source("wire", "Text. (Yonhap)", publisher="Yonhap", published=day(20))
    copy = Source("copy", "Text.", publisher="IANS", published=day(12))
    assert credited_origin([wire, copy]) == ("copy", None)


def test_the_most_credited_outlet_wins() -> None:
    ap = Source("ap", "Text.", publisher="Associated Press", published=day(20))
    reuters = Source("reuters", "Text.", publisher="Reuters", published=day(19))
    x = Source("x", "(AP) — Text.", publisher="X News", published=day(21))
    y = Source("y", "Text, the Associated Press reported.", publisher="Y Post",
               published=day(21))
    z = Source("z", "WASHINGTON (Reuters) - Text.", publisher="Z Times", published=day(21))
    assert credited_origin([ap, reuters, x, y, z])[0] == "ap"


def test_a_publisher_that_only_credits_is_not_the_outlet() -> None:
    # 002 is "Yonhap News (credited as source)": it credits Yonhap and is not Yonhap
    yonhap, shim = source(YONHAP), source("002-hyein-shim-2025-11-12")
    origin, credit = credited_origin([shim, yonhap])
    assert origin == YONHAP
    assert credit is not None and credit.source == shim.id and credit.field == "publisher"


def test_an_empty_cluster_is_an_error() -> None:
    with pytest.raises(ValueError, match="at least one source"):
        credited_origin([])


# --------------------------------------------------------------------------------------
# Properties

credited_bodies = st.sampled_from([body for body, *_ in CREDITED])
paragraph = st.text(
    st.sampled_from("abcdefghij klmnopqrstuvwxyz ABCDEFG .,;:()-—'\"0123456789"),
    max_size=80,
).map(lambda t: t.replace("\n", " "))
real_paragraphs = st.sampled_from([
    line for stem in (YONHAP, IANS, "004-undated-taipei")
    for line in source(stem).body.split("\n") if line.strip()])


def _keys(body: str) -> list[tuple[str, str]]:
    return [(c.key, c.evidence) for c in credits(body)]


@settings(max_examples=200, deadline=None)
@given(st.lists(credited_bodies, min_size=1, max_size=4),
       st.lists(st.one_of(paragraph, real_paragraphs), max_size=4),
       st.randoms(use_true_random=False))
def test_unrelated_paragraphs_never_remove_a_credit(
    credited: list[str], unrelated: list[str], rnd: random.Random
) -> None:
    body = "\n\n".join(credited)
    before = _keys(body)
    assert len(before) >= len(credited)
    paragraphs = list(credited)
    for extra in unrelated:
        paragraphs.insert(rnd.randint(0, len(paragraphs)), extra)
    after = _keys("\n\n".join(paragraphs))
    for credit in before:
        assert credit in after


SPACES = [" ", "  ", "\t", "\u00a0", " \u2009 "]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(credited_bodies, real_paragraphs), min_size=1, max_size=5),
       st.randoms(use_true_random=False))
def test_credits_survive_whitespace_changes(paragraphs: list[str], rnd: random.Random) -> None:
    body = "\n\n".join(paragraphs)
    spaced = []
    for p in paragraphs:
        words = p.split(" ")
        glue = [rnd.choice(SPACES) for _ in words[1:]]
        lead = rnd.choice(["", " ", "\t"])
        spaced.append(lead + words[0] + "".join(g + w for g, w in zip(glue, words[1:],
                                                                      strict=True)))
    respaced = rnd.choice(["\n", "\n\n", "\n \n\n"]).join(spaced)
    assume(respaced != body)

    def squash(text: str) -> str:
        return re.sub(r"\s+", " ", text).strip()

    assert [(c.key, squash(c.evidence)) for c in credits(body)] == [
        (c.key, squash(c.evidence)) for c in credits(respaced)]
    for c in credits(respaced):
        assert respaced[c.start:c.end] == c.evidence


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200), st.text(max_size=40))
def test_any_text_gives_well_formed_credits(body: str, publisher: str) -> None:
    for c in credits(body, publisher):
        assert isinstance(c, Credit)
        text = publisher if c.field == "publisher" else body
        assert text[c.start:c.end] == c.evidence
        assert c.key == outlet_key(c.outlet)
        assert c.key
