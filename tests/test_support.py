"""Support: a claim is supported only when its source says it, in one place."""

from __future__ import annotations

from pathlib import Path

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
