"""Loading a case folder: the model it builds and the errors it reports."""

from __future__ import annotations

import datetime
import json
import os
import stat
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck import Case, Kind, LoadError, Quantity, Source, parse_quantity
from factcheck._toml import check_year
from factcheck.errors import Problems
from factcheck.load import DEFAULT_MAX_SOURCE_BYTES, MAX_BYTES_ENV
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


# -- parsed once -------------------------------------------------------------------------


def test_a_whole_check_reads_each_claim_value_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 7: values were parsed again wherever needed (92 parses for 21 strings).

    Every module's ``parse_quantity`` (whatever name imported it) is wrapped with a
    counter, so that a re-parse anywhere in load or check makes this fail.
    """
    import sys

    import factcheck.figures.reading as reading

    original = reading.parse_quantity
    calls: list[str] = []

    def counting(text: str) -> object:
        calls.append(text)
        return original(text)

    patched = 0
    for name, module in list(sys.modules.items()):
        if name.startswith("factcheck") and getattr(module, "parse_quantity", None) is original:
            monkeypatch.setattr(module, "parse_quantity", counting)
            patched += 1
    assert patched >= 2  # at least the figures package and the model
    case = Case.load(ROOT)
    case.check()
    distinct = {c.wording for c in case.claims if c.wording} | {
        c.years_wording for c in case.claims if c.years_wording}
    assert calls, "the loader must read the values through parse_quantity"
    assert len(calls) == len(set(calls)), "a wording was parsed twice"
    assert set(calls) <= distinct


def test_claim_values_are_typed_at_load() -> None:
    case = Case.load(ROOT)
    kinds = {s.id: s.kind for s in case.series}
    for c in case.claims:
        if c.series is not None and kinds[c.series] is Kind.STATUS:
            assert isinstance(c.value, str) and c.value == c.wording
        elif c.series is not None:
            assert isinstance(c.value, Quantity), c.id
    decade = case.claim("sk-decade-of-cosponsorship")
    assert decade.years == parse_quantity("a decade") and decade.years_wording == "a decade"


# -- the error contract: reproducers of issue 11 -----------------------------------------

CLAIM = '''[[series]]
id = "s"
kind = "{kind}"

[[claim]]
id = "x"
statement = "x"
series = "s"
{extra}

[[claim.quote]]
source = "a"
text = "Body"
'''


def case_with(root: Path, extra: str, kind: str = "status",
              source: str = "+++\n+++\nBody 21 straight years.") -> list[str]:
    write(root, "sources/a.md", source)
    write(root, "claims/c.toml", CLAIM.format(kind=kind, extra=extra))
    return errors_of(root)


@pytest.mark.parametrize(("extra", "message"), [
    ('value = "co-sponsor"\nas_of = 0',
     "claims/c.toml:10: claim[1].as_of: year 0 is out of range (a year from 1000 to 9999)"),
    ('value = "co-sponsor"\nas_of = 99999999999999999999',
     "claims/c.toml:10: claim[1].as_of: year 999999999999… is out of range "
     "(a year from 1000 to 9999)"),
    ('value = "co-sponsor"\nyears = "11 years"\nuntil = 10000',
     "claims/c.toml:11: claim[1].until: year 10000 is out of range "
     "(a year from 1000 to 9999)"),
    ('value = "co-sponsor"\nyears = "99999 years"',
     "claims/c.toml:10: claim[1].years: claim 'x': 99,999 years is more than 1,000 years"),
])
def test_out_of_range_years_and_durations_are_load_errors(tmp_path: Path, extra: str,
                                                          message: str) -> None:
    """Issue 11, crashes: ValueError, OverflowError, a crash in reconcile._status."""
    assert case_with(tmp_path, extra) == [message]


def test_a_source_published_in_year_1_is_a_load_error(tmp_path: Path) -> None:
    problems = case_with(tmp_path, 'value = "co-sponsor"',
                         source="+++\npublished = 0001-01-01\n+++\nBody.")
    assert problems == ["sources/a.md:2: published: date 0001-01-01 is out of range "
                        "(a year from 1000 to 9999)"]


@given(st.dates())
def test_a_date_is_in_range_exactly_when_its_year_is(day: datetime.date) -> None:
    """Review: Table.day had its own copy of check_year's range and message."""
    problems = Problems()
    source = Source.from_text(f"+++\npublished = {day.isoformat()}\n+++\nBody.", "a",
                              "a.md", problems)
    problem = check_year(day.year, "date", day.isoformat())
    assert (source is None) == bool(problem)
    assert [str(p) for p in problems.items] == (
        [f"a.md:2: published: {problem}"] if problem else [])


def test_parse_source_is_gone_source_from_text_is_the_one_way() -> None:
    """Review: load.parse_source only wrapped Source.from_text."""
    import factcheck.load
    assert not hasattr(factcheck.load, "parse_source")
    assert "parse_source" not in factcheck.load.__all__


@pytest.mark.parametrize("series_id", ["vote`<img src=x onerror=alert(1)>`", "a\n[^1]: forged",
                                       "<script>"])
def test_hostile_series_ids_are_refused(tmp_path: Path, series_id: str) -> None:
    write(tmp_path, "sources/a.md", "+++\n+++\nBody.")
    text = CLAIM.format(kind="status", extra='value = "x"').replace(
        'id = "s"', f"id = {json.dumps(series_id)}").replace('series = "s"',
                                                              f"series = {json.dumps(series_id)}")
    write(tmp_path, "claims/c.toml", text)
    problems = errors_of(tmp_path)
    assert any("series[1].id: series id" in p and "is not a valid id" in p for p in problems)
    assert all("\n" not in p for p in problems)


def test_a_claim_id_with_a_newline_is_refused(tmp_path: Path) -> None:
    write(tmp_path, "sources/a.md", "+++\n+++\nBody.")
    write(tmp_path, "claims/c.toml", CLAIM.format(kind="status", extra='value = "x"')
          .replace('id = "x"', 'id = "x\\n[^2]: swallowed"'))
    problems = errors_of(tmp_path)
    assert problems == ["claims/c.toml:6: claim[1].id: claim id 'x\\n[^2]: swallowed' is not "
                        "a valid id: an id is letters, digits, '-', '_' and '.' (ASCII), "
                        "starting with a letter or digit, at most 200 characters"]


def test_a_hostile_source_file_name_is_refused(tmp_path: Path) -> None:
    write(tmp_path, "sources/zz`<img src=x onerror=alert(2)>`.md", "+++\n+++\nBody.")
    write(tmp_path, "sources/a.md", "+++\n+++\nBody.")
    write(tmp_path, "claims/c.toml", CLAIM.format(kind="status", extra='value = "x"'))
    (problem,) = errors_of(tmp_path)
    assert problem.startswith("sources/zz`<img src=x onerror=alert(2)>`.md: source id ")
    assert "is not a valid id" in problem and "file's name" in problem


@pytest.mark.parametrize("url", ["script", "javascript:alert(1)", "data:text/html,x",
                                 "https://x.org/<script>"])
def test_urls_must_be_http(tmp_path: Path, url: str) -> None:
    problems = case_with(tmp_path, 'value = "x"',
                         source=f"+++\nurl = {json.dumps(url)}\n+++\nBody.")
    assert problems == [f"sources/a.md:2: url: expected an http:// or https:// URL, "
                        f"got {url!r}"]


# -- containment and wild files ------------------------------------------------------------


def small_case(root: Path) -> None:
    write(root, "sources/a.md", "+++\n+++\nBody.")
    write(root, "claims/c.toml", CLAIM.format(kind="status", extra='value = "x"'))


def test_a_symlink_leaving_the_case_is_refused(tmp_path: Path) -> None:
    """Issue 11: symlinks that leave the case were followed."""
    outside = tmp_path / "outside.md"
    outside.write_text("+++\n+++\nSecret.", encoding="utf-8")
    root = tmp_path / "case"
    small_case(root)
    (root / "sources" / "leak.md").symlink_to(outside)
    (root / "claims" / "leak.toml").symlink_to(outside)
    assert errors_of(root) == [
        f"claims/leak.toml: a symlink leading outside the case folder (to {str(outside)!r}); "
        "copy the file in instead",
        f"sources/leak.md: a symlink leading outside the case folder (to {str(outside)!r}); "
        "copy the file in instead"]


def test_a_symlink_inside_the_case_is_followed(tmp_path: Path) -> None:
    small_case(tmp_path)
    write(tmp_path, "shared/b.md", "+++\n+++\nShared body.")
    (tmp_path / "sources" / "b.md").symlink_to(tmp_path / "shared" / "b.md")
    assert [s.id for s in Case.load(tmp_path).sources] == ["a", "b"]


def test_a_symlink_to_dev_zero_is_refused_without_reading_it(tmp_path: Path) -> None:
    """Issue 11: MemoryError after 3.8 GB."""
    small_case(tmp_path)
    (tmp_path / "sources" / "zero.md").symlink_to("/dev/zero")
    (problem,) = errors_of(tmp_path)
    assert problem.startswith("sources/zero.md: a symlink leading outside the case folder")


def test_a_fifo_is_refused_without_hanging(tmp_path: Path) -> None:
    """Issue 11: a FIFO at sources/fifo.md hung forever."""
    small_case(tmp_path)
    os.mkfifo(tmp_path / "sources" / "fifo.md")
    os.mkfifo(tmp_path / "claims" / "fifo.toml")
    assert errors_of(tmp_path) == [
        "claims/fifo.toml: not a regular file (a FIFO); inputs are plain files",
        "sources/fifo.md: not a regular file (a FIFO); inputs are plain files"]


def test_a_device_inside_the_case_is_refused(tmp_path: Path) -> None:
    small_case(tmp_path)
    try:
        os.mknod(tmp_path / "sources" / "null.md", 0o600 | stat.S_IFCHR, os.makedev(1, 3))
    except PermissionError:
        pytest.skip("creating a device node needs root")
    (problem,) = errors_of(tmp_path)
    assert problem == "sources/null.md: not a regular file (a device); inputs are plain files"


def test_a_folder_named_like_a_source_and_a_dangling_symlink(tmp_path: Path) -> None:
    """Issue 11: IsADirectoryError and FileNotFoundError escaped the library."""
    small_case(tmp_path)
    (tmp_path / "sources" / "dir.md").mkdir()
    (tmp_path / "claims" / "dir.toml").mkdir()
    (tmp_path / "sources" / "gone.md").symlink_to(tmp_path / "nowhere.md")
    assert errors_of(tmp_path) == [
        "claims/dir.toml: not a regular file (a folder); inputs are plain files",
        "sources/dir.md: not a regular file (a folder); inputs are plain files",
        "sources/gone.md: a symlink to nothing (its target is missing)"]


def test_a_folder_named_like_the_lock_and_a_lock_fifo(tmp_path: Path) -> None:
    small_case(tmp_path)
    os.mkfifo(tmp_path / "factcheck.lock")
    assert errors_of(tmp_path) == [
        "factcheck.lock: not a regular file (a FIFO); inputs are plain files"]


def test_sources_over_the_size_limit_are_refused_and_the_limit_can_be_raised(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    small_case(tmp_path)
    write(tmp_path, "sources/big.md", "+++\n+++\n" + "x" * 2000)
    with pytest.raises(LoadError) as info:
        Case.load(tmp_path, max_source_bytes=1000)
    (problem,) = [str(p) for p in info.value.problems]
    assert problem == ("sources/big.md: 2,008 bytes, over the limit of 1,000 bytes; raise it "
                       "with max_source_bytes= (Case.load) or $FACTCHECK_MAX_SOURCE_BYTES")
    assert len(Case.load(tmp_path, max_source_bytes=3000).sources) == 2
    monkeypatch.setenv(MAX_BYTES_ENV, "1000")
    assert "over the limit" in errors_of(tmp_path)[0]
    monkeypatch.setenv(MAX_BYTES_ENV, "lots")
    assert errors_of(tmp_path) == ["$FACTCHECK_MAX_SOURCE_BYTES: expected a number of bytes "
                                   "such as 104857600, got 'lots'"]
    monkeypatch.delenv(MAX_BYTES_ENV)
    assert DEFAULT_MAX_SOURCE_BYTES == 50 * 1024 * 1024
    with pytest.raises(LoadError, match="positive number of bytes"):
        Case.load(tmp_path, max_source_bytes=0)


@pytest.mark.parametrize("value", ["\u00b2", "\u0663", "1e6", "-1", "0"])
def test_a_limit_variable_that_is_no_plain_number_is_a_load_error(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, value: str) -> None:
    """Review: "²" passed str.isdigit() and int() raised ValueError (a traceback)."""
    small_case(tmp_path)
    monkeypatch.setenv(MAX_BYTES_ENV, value)
    assert errors_of(tmp_path) == ["$FACTCHECK_MAX_SOURCE_BYTES: expected a number of bytes "
                                   f"such as 104857600, got {value!r}"]


def test_a_file_growing_after_its_size_was_checked_is_read_up_to_the_limit(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    small_case(tmp_path)
    write(tmp_path, "sources/big.md", "+++\n+++\n" + "x" * 2000)
    real_stat = os.stat

    def lying_stat(path: object, *args: object, **kw: object) -> os.stat_result:
        result = real_stat(path, *args, **kw)  # type: ignore[arg-type]
        if str(path).endswith("big.md"):
            fields = list(result)
            fields[stat.ST_SIZE] = 10
            return os.stat_result(fields)
        return result

    monkeypatch.setattr(os, "stat", lying_stat)
    with pytest.raises(LoadError, match="over the limit of 1,000 bytes"):
        Case.load(tmp_path, max_source_bytes=1000)


def test_a_byte_order_mark_and_cr_line_endings_are_accepted(tmp_path: Path) -> None:
    """Issue 11: a UTF-8 BOM was rejected as "a source starts with a '+++' line"."""
    small_case(tmp_path)
    (tmp_path / "sources" / "bom.md").write_bytes(
        b"\xef\xbb\xbf+++\rtitle = \"T\"\r+++\rOne.\rTwo.")
    (tmp_path / "claims" / "cr.toml").write_bytes(
        b"\xef\xbb\xbf[[series]]\rid = \"t\"\rkind = \"tally\"\r")
    case = Case.load(tmp_path)
    bom = case.source("bom")
    assert (bom.title, bom.body) == ("T", "One.\nTwo.")
    assert [s.id for s in case.series] == ["s", "t"]


BAD_CLAIMS = """# line 1
[[series]]
id = "s"
kind = "tally"
colour = "red"

[[claim]]
id = "x"
statement = "x"
series = "s"
value = "3"
valeu = "3"

[[claim.quote]]
source = "nowhere"
text = "Body"
"""


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
@pytest.mark.parametrize("bom", [b"", b"\xef\xbb\xbf"])
def test_line_endings_and_a_bom_do_not_move_a_problem(tmp_path: Path, newline: str,
                                                      bom: bytes) -> None:
    """Review: with bare-CR line endings every problem was reported at line 1."""
    write(tmp_path, "sources/a.md", "+++\n+++\nBody.")
    (tmp_path / "claims").mkdir()
    (tmp_path / "claims" / "c.toml").write_bytes(
        bom + BAD_CLAIMS.replace("\n", newline).encode("utf-8"))
    assert errors_of(tmp_path) == [
        "claims/c.toml:5: series[1].colour: unknown key",
        "claims/c.toml:12: claim[1].valeu: unknown key (did you mean 'value'?)",
        "claims/c.toml:15: claim[1].quote[1].source: claim 'x': unknown source 'nowhere'"]


def test_non_utf8_bytes_are_named_by_offset_and_line(tmp_path: Path) -> None:
    small_case(tmp_path)
    (tmp_path / "sources" / "latin.md").write_bytes(b"+++\n+++\nCaf\xe9.")
    (tmp_path / "claims" / "latin.toml").write_bytes(b"\xef\xbb\xbf# \xff\n")
    assert errors_of(tmp_path) == [
        "claims/latin.toml:1: not UTF-8 text (invalid start byte at byte 5); "
        "save the file as UTF-8",
        "sources/latin.md:3: not UTF-8 text (invalid continuation byte at byte 11); "
        "save the file as UTF-8"]


def test_a_bad_root_is_a_load_error(tmp_path: Path) -> None:
    for root in (tmp_path / "missing", tmp_path / "a\0b"):
        with pytest.raises(LoadError, match="no such folder"):
            Case.load(root)
    (tmp_path / "file").write_text("x", encoding="utf-8")
    with pytest.raises(LoadError, match="not a folder"):
        Case.load(tmp_path / "file")


def test_sources_alone_load_when_claims_are_optional(tmp_path: Path) -> None:
    """Issue 9: extract, find and sources work on a folder with sources/ alone."""
    write(tmp_path, "sources/a.md", "+++\n+++\nBody.")
    assert errors_of(tmp_path) == ["claims: missing folder: a case needs claims/"]
    case = Case.load(tmp_path, claims_required=False)
    assert [s.id for s in case.sources] == ["a"] and case.claims == ()
    (tmp_path / "claims").mkdir()
    assert Case.load(tmp_path, claims_required=False).claims == ()
    with pytest.raises(LoadError, match="no claims files"):
        Case.load(tmp_path)


def test_problems_are_sorted_and_one_line_each(tmp_path: Path) -> None:
    write(tmp_path, "sources/b.md", "no front matter")
    write(tmp_path, "sources/a.md", "+++\nurl = \"x\"\n+++\nBody.")
    write(tmp_path, "claims/c.toml", '[[claim]]\nid = "a b"\n"bad\\nkey" = 1\n')
    problems = errors_of(tmp_path)
    assert problems == sorted(problems, key=lambda p: (p.split(":")[0], p))
    assert all("\n" not in p for p in problems)
    assert "claims/c.toml:3: claim[1].'bad\\nkey': unknown key" in problems


# -- the lock's own file -------------------------------------------------------------------


def pinned(case_dir: Path) -> Path:
    case = Case.load(case_dir)
    lock = case_dir / "factcheck.lock"
    lock.write_text(case.pin(case.check()).to_toml(), encoding="utf-8")
    return lock


@pytest.mark.parametrize("value", ["5", "true", "[1, 2]"])
def test_a_lock_of_the_wrong_shape_is_a_load_error(case_dir: Path, value: str) -> None:
    """Issue 11: a lock holding quote = 5 (or true, or [1, 2]) gave a TypeError."""
    lock = pinned(case_dir)
    lock.write_text("version = 1\nquote = " + value + "\n", encoding="utf-8")
    (problem,) = errors_of(case_dir)
    assert problem.startswith("factcheck.lock:2: quote: ")


def test_a_lock_is_read_like_any_input(case_dir: Path) -> None:
    lock = pinned(case_dir)
    text = lock.read_text(encoding="utf-8")
    lock.write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"))
    assert Case.load(case_dir).lock is not None
    lock.write_bytes(text.encode("utf-8") + b"\xff")
    (problem,) = errors_of(case_dir)
    assert problem.startswith("factcheck.lock:") and "not UTF-8 text" in problem
    lock.unlink()
    lock.symlink_to("/dev/zero")
    (problem,) = errors_of(case_dir)
    assert "a symlink leading outside the case folder" in problem


def edit_pin(lock: Path, field: str, value: str) -> None:
    text = lock.read_text(encoding="utf-8")
    head, first, rest = text.partition("[[quote]]")
    rest = "\n".join(f"{field} = {value}" if line.startswith(f"{field} =") else line
                     for line in rest.split("\n"))
    lock.write_text(head + first + rest.replace("\n" + field + " =", "\n" + field + " =", 1),
                    encoding="utf-8")


@pytest.mark.parametrize(("field", "value", "edit_source"), [
    ("start", "2025-01-01", False),
    ("start", '"3"', True),
    ("prefix", "5", True),
])
def test_a_pin_of_the_wrong_type_is_a_load_error(case_dir: Path, field: str, value: str,
                                                 edit_source: bool) -> None:
    """Issue 11: `start = 2025-01-01` broke the JSON; `start = "3"`, `prefix = 5` with the
    source edited gave a TypeError."""
    lock = pinned(case_dir)
    edit_pin(lock, field, value)
    if edit_source:
        for path in (case_dir / "sources").glob("0*.md"):
            path.write_text(path.read_text(encoding="utf-8") + "\nMore.", encoding="utf-8")
    try:
        Case.load(case_dir).check().to_json()
    except LoadError as exc:
        assert any(p.location.file == "factcheck.lock" for p in exc.problems)
    else:
        pytest.fail("a mistyped pin must be a load error")


def test_a_pin_with_a_negative_index_is_a_load_error(case_dir: Path) -> None:
    """Issue 11: a pin's `index = -1000` made `pin` raise IndexError."""
    lock = pinned(case_dir)
    edit_pin(lock, "index", "-1000")
    with pytest.raises(LoadError):
        case = Case.load(case_dir)
        case.pin(case.check())


def test_counts_pointing_past_the_calendar_are_no_date_not_a_crash(tmp_path: Path) -> None:
    """Found by the fuzz suite: in range each ("the 1st year" in 9999, "the 1000th year"),
    together they date an undated source to 10998; and "last month" about 31 Dec 9999."""
    write(tmp_path, "sources/a.md", "+++\npublished = 9999-06-01\n+++\nIt is the 1st year.")
    write(tmp_path, "sources/b.md", "+++\n+++\nIt is the 1000th year. Last month it failed.")
    write(tmp_path, "claims/c.toml", '''[[series]]
id = "s"
kind = "annual"

[[claim]]
id = "x"
statement = "x"
series = "s"

[[claim.quote]]
source = "a"
text = "the 1st year"

[[claim]]
id = "y"
statement = "y"
series = "s"
as_of = 9999-12-31

[[claim.quote]]
source = "b"
text = "the 1000th year. Last month"
''')
    report = Case.load(tmp_path).check()
    inference = report.inference("b")
    assert inference is None or inference.span is None
    report.to_json()


LOCATED = '''surplus = 1
[[series]]
id = "s"
kind = "status"

[[series]]
"id" = "s"
kind = "status"

[[claim]]
id = "x"
statement = "x"
series = "s"
value = "v"

[[claim.quote]]
text = "no source"

[[claim.quote]]
text = "Body"
source = "nowhere"

[[claim]]
statement = "y"
series = "s"
value = "v"
'id' = "x"

[[claim.quote]]
source = "a"
text = "Body"
'''


def test_problems_across_files_are_on_the_line_of_their_key(tmp_path: Path) -> None:
    """Review: the checks across files found a key's line by turning the key path back out
    of its text; they now keep the place of each table. A quote that cannot be read before
    one with an unknown source must not shift that source's place."""
    write(tmp_path, "sources/a.md", "+++\n+++\nBody.")
    write(tmp_path, "claims/c.toml", LOCATED)
    assert errors_of(tmp_path) == [
        "claims/c.toml:1: surplus: unknown key (a claims file holds [[series]] and [[claim]] "
        "tables)",
        "claims/c.toml:7: series[2].id: duplicate series id 's' (first defined at "
        "claims/c.toml:2: series[1])",
        "claims/c.toml:16: claim[1].quote[1]: missing required key 'source'",
        "claims/c.toml:21: claim[1].quote[2].source: claim 'x': unknown source 'nowhere'",
        "claims/c.toml:27: claim[2].id: duplicate claim id 'x' (first defined at "
        "claims/c.toml:10: claim[1])"]


@pytest.mark.parametrize("name", ["series", "claim"])
def test_a_claims_file_key_that_is_no_array_of_tables_is_named(tmp_path: Path,
                                                                name: str) -> None:
    write(tmp_path, "sources/a.md", "+++\n+++\nBody.")
    write(tmp_path, "claims/c.toml", f"# c\n{name} = 5\n")
    assert errors_of(tmp_path) == [f"claims/c.toml:2: {name}: expected [[{name}]] tables, got 5"]
