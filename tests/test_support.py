"""Support: a claim is supported only when its source says it, in one place."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck import Case
from factcheck.render.words import problems_text
from factcheck.support import Support


def test_an_ambiguous_quote_is_not_support_and_shows_both_places(case_dir: Path) -> None:
    """A quote that stands equally well in two places supports nothing until settled."""
    src = case_dir / "sources" / "002-hyein-shim-2025-11-12.md"
    text = src.read_text(encoding="utf-8")
    case = Case.load(case_dir)
    claim = next(c for c in case.claims if c.quotes and c.quotes[0].source == src.stem
                 and not c.quotes[0].prefix and not c.quotes[0].suffix)
    quote = claim.quotes[0].text
    src.write_text(text + "\n\n" + quote + "\n", encoding="utf-8")
    result = Case.load(case_dir).check().claim(claim.id)
    assert result.support is Support.UNSUPPORTED
    assert "stands equally well in 2 places" in problems_text(result.problems)


def test_an_approximate_match_with_other_figures_is_not_support(case_dir: Path) -> None:
    src = case_dir / "sources" / "000-yonhap-2025-11-20.md"
    src.write_text(src.read_text(encoding="utf-8").replace(
        "introduced for 21 straight years", "introduced for 27 straight years"), encoding="utf-8")
    claims = case_dir / "claims" / "adoption-years.toml"
    claims.write_text(claims.read_text(encoding="utf-8"), encoding="utf-8")
    result = Case.load(case_dir).check().claim("introduced-21-straight-years")
    assert result.support is Support.UNSUPPORTED
    assert "27" in problems_text(result.problems)


REVERSALS = [  # issue 8: each edit left its claim supported before
    ("002-hyein-shim-2025-11-12", "did not participate as a co-sponsor",
     "did participate as a co-sponsor", "not"),
    ("001-ians-2025-11-12", "was not among the sponsoring countries",
     "was among the sponsoring countries", "not"),
    ("001-ians-2025-11-12", "South Korea was among the 41", "North Korea was among the 41",
     "South"),
    ("004-undated-taipei", "ended in August 2022", "ended in September 2022", "August"),
]


@pytest.mark.parametrize(("source", "was", "now", "word"), REVERSALS)
def test_an_edit_that_reverses_a_quote_makes_its_claim_unsupported(
        case_dir: Path, source: str, was: str, now: str, word: str) -> None:
    before = Case.load(case_dir).check()
    path = case_dir / "sources" / f"{source}.md"
    path.write_text(path.read_text(encoding="utf-8").replace(was, now), encoding="utf-8")
    report = Case.load(case_dir).check()
    hit = [c for c in report.claims if any(was in qr.quote.text for qr in c.quotes)]
    assert hit, was
    for c in hit:
        assert before.claim(c.id).support is Support.SUPPORTED
        assert c.support is Support.UNSUPPORTED, c.id
        assert f"“{word}”" in problems_text(c.problems), problems_text(c.problems)
    assert not report.ok


SPELLING = [
    ("002-hyein-shim-2025-11-12", "did not participate as a co-sponsor",
     "did not participate as a cosponsor"),
    ("001-ians-2025-11-12", "was not among the sponsoring countries",
     "was not among  the sponsoring Countries"),
    ("004-undated-taipei", "ended in August 2022", "ended in August, 2022"),
]


@pytest.mark.parametrize(("source", "was", "now"), SPELLING)
def test_a_spelling_level_edit_keeps_the_claim_supported(
        case_dir: Path, source: str, was: str, now: str) -> None:
    path = case_dir / "sources" / f"{source}.md"
    path.write_text(path.read_text(encoding="utf-8").replace(was, now), encoding="utf-8")
    report = Case.load(case_dir).check()
    hit = [c for c in report.claims if any(was in qr.quote.text for qr in c.quotes)]
    assert hit and all(c.support is Support.SUPPORTED for c in hit), [
        (c.id, problems_text(c.problems)) for c in hit]


def test_a_real_passage_with_an_invented_tail_is_not_support() -> None:
    """A quote that is a long passage of the source plus 40 invented characters still
    anchors (fuzzily), but the invented words are listed and the claim is unsupported."""
    import attrs

    from factcheck import Claim, Quote
    from tests.conftest import ROOT

    case = Case.load(ROOT)
    body = case.source("000-yonhap-2025-11-20").body
    start = body.index("The resolution, introduced")
    passage = body[start:start + 220].rsplit(" ", 1)[0]
    tail = " and was praised warmly by every delegation"
    claim = Claim("tail", "x", quotes=(Quote("000-yonhap-2025-11-20", passage + tail),))
    result = attrs.evolve(case, claims=(claim,), series=()).check().claim("tail")
    assert result.quotes[0].found
    assert result.support is Support.UNSUPPORTED
    assert "praised" in problems_text(result.problems)
