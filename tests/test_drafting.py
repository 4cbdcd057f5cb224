"""`factcheck extract`: every figure in the sources, as a list and as draft claims."""

from __future__ import annotations

import contextlib
import datetime
import io
import json
import re
import shutil
import tempfile
import tomllib
from pathlib import Path
from random import Random

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from factcheck import Case, Claim
from factcheck.cli import main
from factcheck.drafting import draft_claims, extract
from factcheck.drafting._noise import noise
from factcheck.model import Kind, Source
from factcheck.report import Report
from tests.conftest import ROOT

# The count phrases the bundled case's claims rest on, by source.
NAMED = {
    "000-yonhap-2025-11-20": ["21 straight years", "61", "more than 60", "first 41"],
    "001-ians-2025-11-12": ["41", "from 2019-22", "a decade"],
    "002-hyein-shim-2025-11-12": ["From 2008 to 2018", "between 2019 and 2022", "2023"],
    "003-undated-plenary": ["16 consecutive years", "16th year", "2005", "7th time",
                            "2012-2013 and 2016-2019", "second year in a row", "58"],
    "004-undated-taipei": ["20th consecutive year", "Since 2005", "2004", "2022",
                           "335-37 vote"],
}


def test_extract_lists_every_named_count_phrase(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", "--root", str(ROOT), "--format", "json"]) == 0
    found = json.loads(capsys.readouterr().out)
    by_source: dict[str, list[str]] = {}
    for item in found:
        by_source.setdefault(item["source"], []).append(item["text"])
        body = Case.load(ROOT).source(item["source"]).body
        assert body[item["start"]:item["end"]] == item["text"]
    for source, phrases in NAMED.items():
        for phrase in phrases:
            assert phrase in by_source[source], (source, phrase)


def test_text_listing_has_span_value_and_sentence(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", "--root", str(ROOT), "--source", "000-yonhap-2025-11-20"]) == 0
    lines = capsys.readouterr().out.splitlines()
    line = next(s for s in lines if "“21 straight years”" in s)
    assert line.startswith("000-yonhap-2025-11-20:11:32\t[1065, 1082)\t")
    assert "\t21 years\t" in line and "The resolution, introduced for 21" in line
    assert all(s.startswith("000-yonhap-2025-11-20:") for s in lines)


def test_unknown_source_filter_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", "--root", str(ROOT), "--source", "000-yonhap"]) == 2
    assert "did you mean '000-yonhap-2025-11-20'?" in capsys.readouterr().err


def test_drafted_claims_load_and_every_quote_anchors(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The TOML draft is a valid claims file whose quotes all stand in their sources."""
    assert main(["extract", "--root", str(ROOT), "--format", "toml"]) == 0
    draft = capsys.readouterr().out
    shutil.copytree(ROOT / "sources", tmp_path / "sources")
    (tmp_path / "claims").mkdir()
    (tmp_path / "claims" / "draft.toml").write_text(draft, encoding="utf-8")
    report = Case.load(tmp_path).check()
    assert len(report.claims) >= 25
    assert all(c.support.value == "supported" for c in report.claims), [
        (c.id, c.problems) for c in report.claims if c.support.value != "supported"]


# -- series, as_of, noise, and drafting a case that has sources alone ----------------------

CUBA = ROOT / "tests" / "data" / "cases" / "cuba-embargo"


def _sources_only(tmp_path: Path, case: Path = CUBA) -> Path:
    shutil.copytree(case / "sources", tmp_path / "sources")
    return tmp_path


def _draft(root: Path, *extra: str) -> str:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["extract", "--root", str(root), "--format", "toml", *extra]) == 0
    return out.getvalue()


def _check_draft(root: Path, draft: str) -> Report:
    (root / "claims").mkdir(exist_ok=True)
    (root / "claims" / "draft.toml").write_text(draft, encoding="utf-8")
    return Case.load(root).check()


def test_extract_runs_on_sources_alone(tmp_path: Path) -> None:
    """A new case has no claims/ yet: every format of extract works without it."""
    root = _sources_only(tmp_path)
    for fmt in ("text", "json", "toml"):
        assert main(["extract", "--root", str(root), "--format", fmt]) == 0
    assert not (root / "claims").exists()


def test_extract_without_sources_is_bad_input(tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", "--root", str(tmp_path)]) == 2
    assert "missing folder: a case needs sources/" in capsys.readouterr().err


def test_draft_of_the_hand_made_case_loads_checks_and_groups(tmp_path: Path) -> None:
    """The draft for the Cuba folder loads, every quote anchors and supports its claim,
    and one annual series groups "28th consecutive year" (2019), "31st straight year"
    (2023) and "since 1992" from three or more sources."""
    root = _sources_only(tmp_path)
    report = _check_draft(root, _draft(root))
    assert all(c.support.value == "supported" for c in report.claims), [
        (c.id, c.problems) for c in report.claims if c.support.value != "supported"]
    annual = [s for s in report.series if s.kind is Kind.ANNUAL]
    sources = {s.id: {src for c in report.claims if c.claim.series == s.id
                      for src in c.claim.sources} for s in annual}
    wide = [sid for sid, srcs in sources.items() if len(srcs) >= 3]
    assert wide, sources
    values = {_wording(c.claim) for c in report.claims if c.claim.series == wide[0]}
    assert {"28th consecutive year", "31st straight year", "since 1992", "1992"} <= values


def _wording(claim: Claim) -> str:
    """A claim's value as the claims file words it."""
    return claim.wording


def test_draft_reaches_the_hand_written_verdicts(tmp_path: Path) -> None:
    """Each series the draft finds gets the verdict of its hand-written counterpart in
    tests/data/cases/cuba-embargo (the years of votes, the count of votes, the 2022 tally,
    the embargo's age), found by a figure the drafted series must hold."""
    root = _sources_only(tmp_path)
    draft = _check_draft(root, _draft(root))
    by_value = {(_wording(c.claim), c.claim.sources[0]): c.claim.series for c in draft.claims}
    hand = Case.load(CUBA).check()
    counterpart = {
        ("31st straight year", "003-atlantic-daily-2023-11-02"): "vote-years",
        ("30th time", "004-undated-isla-report"): "vote-count",
        ("by 185 votes to 2, with 2 abstentions", "004-undated-isla-report"): "vote-2022",
        ("almost six decades", "000-meridian-2019-11-07"): "embargo-age",
    }
    for key, written in counterpart.items():
        series = by_value[key]
        assert series is not None, key
        assert draft.finding(series).verdict is hand.finding(written).verdict, (key, series)


def test_unrelated_running_counts_stay_apart(tmp_path: Path) -> None:
    """"in power since 2018" (a president) and "almost six decades" (the embargo's age)
    are annual figures too, but about other things: the series of votes does not take
    them (the embargo's age makes a series of its own, with "first imposed in 1962")."""
    root = _sources_only(tmp_path)
    claims = tomllib.loads(_draft(root))["claim"]
    votes = next(c["series"] for c in claims if c["value"] == "31st straight year")
    in_votes = {c["value"] for c in claims if c.get("series") == votes}
    assert in_votes == {"28th consecutive year", "since 1992", "31st straight year", "1992"}
    age = next(c["series"] for c in claims if c["value"] == "almost six decades")
    assert {c["value"] for c in claims if c.get("series") == age} == {"1962",
                                                                      "almost six decades"}
    assert all("series" not in c for c in claims if c["value"] == "since 2018")


def test_reprinted_sentences_become_one_claim_with_two_quotes(tmp_path: Path) -> None:
    """The reprint (001) copies the wire story (000) with "US" for "U.S.": one claim cites
    both, rather than a series of copies that checks nothing."""
    root = _sources_only(tmp_path)
    draft = tomllib.loads(_draft(root))
    claim = next(c for c in draft["claim"] if c["value"] == "28th consecutive year")
    assert [q["source"] for q in claim["quote"]] == [
        "000-meridian-2019-11-07", "001-harbor-tribune-2019-11-08"]


def test_as_of_is_proposed_from_the_sentence_with_its_words(tmp_path: Path) -> None:
    root = _sources_only(tmp_path)
    draft = _draft(root)
    assert 'value = "31st straight year"\nas_of = 2023-11-02  # “on Thursday”' in draft
    # "on Wednesday" in an article of Wednesday 23 June 2021 is that day
    assert "as_of = 2021-06-23  # “on Wednesday”" in draft
    # the undated brief gets no as_of: a weekday needs the article's date
    parsed = tomllib.loads(draft)
    assert all("as_of" not in c for c in parsed["claim"]
               if c["quote"][0]["source"] == "004-undated-isla-report")


def test_noise_is_left_out_unless_all(tmp_path: Path) -> None:
    """"$138 billion", "9 percent", "10.9 percent" and the age "54" are not drafted by
    default; --all drafts them too, marked."""
    root = _sources_only(tmp_path)
    default, everything = _draft(root), _draft(root, "--all")
    for text in ("138 billion", "10.9", "54", "9"):
        value = re.compile(rf'value = "[^"\n]*(?<![\d.]){re.escape(text)}"')
        assert not value.search(default) and value.search(everything), text
    assert "; money" in everything and "; percentage" in everything and "; age" in everything
    _check_draft(root, everything)  # loads, quotes anchor (LoadError otherwise)


def test_draft_ids_are_valid_unique_and_output_deterministic(tmp_path: Path) -> None:
    root = _sources_only(tmp_path)
    first, second = _draft(root), _draft(root)
    assert first == second
    parsed = tomllib.loads(first)
    ids = [t["id"] for t in parsed["claim"]] + [t["id"] for t in parsed["series"]]
    assert len(ids) == len(set(ids))
    assert all(re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._-]*", i) for i in ids)


def test_noise_kinds() -> None:
    assert noise("rose", "% in a year", "12") == "percentage"
    assert noise("rose", " per cent", "12") == "percentage"
    assert noise("cost US$", "", "4.8 billion") == "money"
    assert noise("cost", " billion euros", "4.8") == "money"
    assert noise("see page", "", "6") == "page"
    assert noise("a man aged", "", "45") == "age"
    assert noise("The boy,", " years old, said", "12") == "age"
    assert noise("at", " a.m. local time", "10") == "time"
    for before, after, text in [("A", " vote", "187-2"), ("adopted by", " countries", "61"),
                                ("for the", " straight year", "31st")]:
        assert noise(before, after, text) is None


def _as_of(body: str, published: datetime.date | None) -> list[str]:
    """The as_of lines drafted for *body*'s figures."""
    draft = draft_claims(extract([Source("s", body, published=published)]), everything=True)
    return [line for line in draft.splitlines() if "as_of" in line]


FRIDAY = datetime.date(2019, 11, 8)


@pytest.mark.parametrize(("body", "published", "as_of"), [
    ("It was adopted by 187 votes on Friday.", FRIDAY, "as_of = 2019-11-08  # “on Friday”"),
    ("As of Dec. 31, 59 cases were counted.", FRIDAY, "as_of = 2018-12-31  # “As of Dec. 31”"),
    ("As of March 3, 2017, 59 cases were counted.", FRIDAY,
     "as_of = 2017-03-03  # “As of March 3, 2017”"),
    # a year named in the phrase needs no publication date
    ("As of March 3, 2017, 59 cases were counted.", None,
     "as_of = 2017-03-03  # “As of March 3, 2017”"),
    # "last year" counts from the article's year: 1 October 2018 for an article of 2019
    ("Cases stood at 59, as of Oct. 1 last year.", FRIDAY,
     "as_of = 2018-10-01  # “as of Oct. 1 last year”"),
    ("Births fell to 59 last year.", FRIDAY, "as_of = 2018  # “last year”"),
    # the nearest phrase before the figure wins
    ("On Monday it said that as of Nov. 1, 59 cases were counted.", FRIDAY,
     "as_of = 2019-11-01  # “as of Nov. 1”"),
    # a phrase after another figure dates that one: 120 last year, not the 16th
    ("It passed for the 16th straight year, up from 120 votes last year.", FRIDAY,
     "as_of = 2018  # “last year”"),
])
def test_as_of_is_drafted_from_the_reference_date(body: str, published: datetime.date | None,
                                                  as_of: str) -> None:
    assert _as_of(body, published) == [as_of]


def test_no_as_of_without_a_date_to_count_from() -> None:
    assert _as_of("It was adopted by 187 votes on Friday.", None) == []
    assert _as_of("59 cases were counted, officials said.", FRIDAY) == []
    # a span that is neither a day nor a year is said in a comment, not guessed
    assert _as_of("Prices rose 5 times last month.", FRIDAY) == [
        "# as_of: “last month” is 2019-10-01 – 2019-10-31; set a day or a year"]


# -- laws ----------------------------------------------------------------------------------

_EVENTS = ["the General Assembly voted to condemn the embargo",
           "the committee adopted the human rights resolution",
           "the club won the national football championship",
           "the city held its international film festival"]
_FORMS = ["for the {nth} consecutive year", "for {n} straight years", "for the {nth} time",
          "every year since {first}", "by {a} votes to {b}", "with {a} member states",
          "and prices rose {p} percent", "at a cost of ${a} million"]


def _ordinal(n: int) -> str:
    return f"{n}{'th' if 10 <= n % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"


@st.composite
def _articles(draw: st.DrawFn) -> list[Source]:
    n = draw(st.integers(2, 5))
    sources = []
    for i in range(n):
        year = draw(st.integers(1995, 2030))
        published = draw(st.one_of(st.none(), st.dates(datetime.date(year, 1, 1),
                                                      datetime.date(year, 12, 31))))
        sentences = []
        for _ in range(draw(st.integers(1, 4))):
            event = draw(st.sampled_from(_EVENTS))
            form = draw(st.sampled_from(_FORMS))
            k = draw(st.integers(2, 40))
            day = draw(st.sampled_from(["", " on Tuesday", " yesterday"]))
            figure = form.format(nth=_ordinal(k), n=k, first=year - k + 1,
                                 a=draw(st.integers(100, 199)), b=draw(st.integers(0, 9)),
                                 p=draw(st.integers(1, 99)))
            sentences.append(f"{event[0].upper()}{event[1:]}{day} {figure}.")
        sources.append(Source(f"{i:03d}-outlet", " ".join(sentences), published=published))
    return sources


def _load_draft(sources: list[Source], draft: str) -> Report:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        (root / "sources").mkdir()
        (root / "claims").mkdir()
        for s in sources:
            date = f"published = {s.published.isoformat()}\n" if s.published else ""
            (root / "sources" / f"{s.id}.md").write_text(f"+++\n{date}+++\n{s.body}",
                                                         encoding="utf-8")
        (root / "claims" / "draft.toml").write_text(draft, encoding="utf-8")
        return Case.load(root).check()


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_articles(), st.booleans())
def test_any_draft_loads_and_every_claim_is_supported(sources: list[Source],
                                                      everything: bool) -> None:
    """The draft of any set of articles is valid TOML that loads, whose quotes all anchor
    and support their claims, with unique ids."""
    draft = draft_claims(extract(sources), everything=everything)
    report = _load_draft(sources, draft)
    assert all(c.support.value == "supported" for c in report.claims), [
        (c.id, c.problems) for c in report.claims if c.support.value != "supported"]


@settings(max_examples=40, deadline=None)
@given(_articles(), st.randoms(use_true_random=False))
def test_draft_does_not_depend_on_source_order(sources: list[Source], rnd: Random) -> None:
    """Grouping, ids and text are the same byte for byte in whatever order the sources
    come."""
    shuffled = list(sources)
    rnd.shuffle(shuffled)
    assume(shuffled != sources)
    assert draft_claims(extract(shuffled)) == draft_claims(extract(sources))
