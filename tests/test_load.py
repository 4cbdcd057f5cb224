"""Loading a case folder: the model it builds and the errors it reports."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from factcheck import Case, Kind, LoadError, parse_quantity
from tests.conftest import ROOT


def test_bundled_case_loads() -> None:
    case = Case.load(ROOT)
    assert [s.id for s in case.sources] == [
        "000-yonhap-2025-11-20",
        "001-ians-2025-11-12",
        "002-hyein-shim-2025-11-12",
        "003-undated-plenary",
        "004-undated-taipei",
    ]
    assert case.source("001-ians-2025-11-12").published == datetime.date(2025, 11, 12)
    assert case.source("003-undated-plenary").published is None
    assert {s.kind for s in case.series} == set(Kind)
    assert len(case.claims) >= 25


def test_source_bodies_are_the_seed_articles_byte_for_byte() -> None:
    """sources/README.md records the seeds' sha256; the bodies must still match them."""
    table = (ROOT / "sources" / "README.md").read_text(encoding="utf-8")
    case = Case.load(ROOT)
    for source in case.sources:
        assert source.sha256 in table, source.id


def write(root: Path, rel: str, text: str) -> None:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def errors_of(root: Path) -> list[str]:
    with pytest.raises(LoadError) as info:
        Case.load(root)
    return [str(p) for p in info.value.problems]


def test_unknown_source_names_file_line_claim_and_close_match(case_dir: Path) -> None:
    path = case_dir / "claims" / "adoption-years.toml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('source = "000-yonhap-2025-11-20"',
                                 'source = "000-yonhap-2025-11-2O"'), encoding="utf-8")
    lines = text.split("\n")
    line = next(i for i, s in enumerate(lines, 1) if "000-yonhap-2025-11-20" in s)
    (problem,) = errors_of(case_dir)
    assert problem.startswith(f"claims/adoption-years.toml:{line}: claim[1].quote[1].source:")
    assert "'introduced-21-straight-years'" in problem
    assert "did you mean '000-yonhap-2025-11-20'?" in problem


def test_all_problems_of_one_load_are_reported_together(tmp_path: Path) -> None:
    write(tmp_path, "sources/a.md", '+++\ntitel = "x"\npublished = "yesterday"\n+++\nBody.')
    write(tmp_path, "claims/c.toml", '''
[[series]]
id = "s"
kind = "anual"

[[claim]]
id = "c1"
statement = "x"
series = "z"
valeu = "3"

[[claim.quote]]
source = "a"
text = "Body"

[[claim]]
id = "c1"
statement = "y"

[[claim.quote]]
sourc = "a"
''')
    problems = errors_of(tmp_path)
    joined = "\n".join(problems)
    assert "sources/a.md:2: titel: unknown key (did you mean 'title'?)" in joined
    assert "sources/a.md:3: published: expected a TOML date" in joined
    assert "claims/c.toml:4: series[1].kind: unknown kind 'anual' (did you mean 'annual'?)" \
        in joined
    assert "claims/c.toml:10: claim[1].valeu: unknown key (did you mean 'value'?)" in joined
    assert "claim[2].quote[1].sourc: unknown key (did you mean 'source'?)" in joined
    assert "missing required key 'source'" in joined
    assert "duplicate claim id 'c1'" in joined
    assert "unknown series 'z'" in joined


def test_bad_toml_reports_its_line(tmp_path: Path) -> None:
    write(tmp_path, "sources/a.md", "+++\n+++\nBody.")
    write(tmp_path, "claims/c.toml", '[[claim]]\nid = "x"\nstatement = \n')
    (problem,) = errors_of(tmp_path)
    assert problem.startswith("claims/c.toml:3: invalid TOML")


def test_unreadable_value_is_reported(tmp_path: Path) -> None:
    write(tmp_path, "sources/a.md", "+++\n+++\nBody.")
    write(tmp_path, "claims/c.toml", '''[[series]]
id = "s"
kind = "tally"

[[claim]]
id = "x"
statement = "x"
series = "s"
value = "lots and lots"

[[claim.quote]]
source = "a"
text = "Body"
''')
    (problem,) = errors_of(tmp_path)
    assert problem.startswith("claims/c.toml:9: claim[1].value: claim 'x':")


def test_missing_folders_are_named(tmp_path: Path) -> None:
    problems = errors_of(tmp_path)
    assert problems == ["claims: missing folder: a case needs claims/",
                        "sources: missing folder: a case needs sources/"]


def test_value_is_read_from_the_quote_when_absent(tmp_path: Path) -> None:
    write(tmp_path, "sources/a.md", "+++\npublished = 2020-01-01\n+++\nIt marks the 16th year.")
    write(tmp_path, "claims/c.toml", '''[[series]]
id = "s"
kind = "annual"

[[claim]]
id = "x"
statement = "x"
series = "s"

[[claim.quote]]
source = "a"
text = "marks the 16th year"
''')
    (claim,) = Case.load(tmp_path).claims
    assert claim.wording == "16th year"
    assert claim.value == parse_quantity("16th year")


def test_a_value_of_the_wrong_kind_for_its_series_is_reported(tmp_path: Path) -> None:
    write(tmp_path, "sources/a.md", "+++\n+++\nBody.")
    write(tmp_path, "claims/c.toml", '''[[series]]
id = "s"
kind = "tally"

[[claim]]
id = "x"
statement = "x"
series = "s"
value = "2019-22"

[[claim.quote]]
source = "a"
text = "Body"
''')
    (problem,) = errors_of(tmp_path)
    assert problem == ("claims/c.toml:9: claim[1].value: claim 'x': '2019-22' reads as years "
                       "(2019-2022); its series takes count")
