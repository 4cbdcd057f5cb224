"""The error contract under fuzzing (issue 11): whatever the files hold, only a
FactCheckError leaves ``Case.load(...)`` and ``check()``, and every problem names its
file, and its line wherever the input has lines.

Claims files, source files, lock files and file names are generated valid and invalid
(structured TOML with wild values, then mutated as text and as bytes). CI (``CI=1``)
loads the derandomized profile of tests/conftest.py, so a red build is a real regression.
The examples add up to 10,600 (``TOTAL``); the suite takes about 60 s of CPU.
"""

from __future__ import annotations

import datetime
import json
import os
import shutil
import tempfile
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from factcheck import Case, FactCheckError, LoadError, Report
from factcheck.lock import LOCK_NAME

FUZZ = settings(deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                      HealthCheck.data_too_large])
CLAIMS_EXAMPLES = 3400
SOURCE_EXAMPLES = 2600
BYTES_EXAMPLES = 1000
LOCK_EXAMPLES = 2200
NAME_EXAMPLES = 800
EDGE_EXAMPLES = 600
ENDINGS_EXAMPLES = 300
TOTAL = CLAIMS_EXAMPLES + SOURCE_EXAMPLES + BYTES_EXAMPLES + LOCK_EXAMPLES + NAME_EXAMPLES \
    + EDGE_EXAMPLES + ENDINGS_EXAMPLES

BODY_A = ("The resolution, introduced for 16 straight years, marks the 16th year since 2005. "
          "More than 60 countries co-sponsored it, up from 41; South Korea was a co-sponsor "
          "for a decade and again in 2019-22, adopted in a 335-37 vote.")
BODY_B = ("It was the 20th consecutive year. The committee adopted it on Wednesday, Yonhap "
          "said; the plenary will vote next month, the 7th time since 2012.")
SOURCE_A = f'+++\ntitle = "A"\npublisher = "Yonhap"\npublished = 2020-06-01\n+++\n{BODY_A}\n'
SOURCE_B = f"+++\n+++\n{BODY_B}\n"

CLAIMS_OK = """[[series]]
id = "years"
kind = "annual"

[[series]]
id = "sk"
kind = "status"

[[claim]]
id = "sixteen"
statement = "Sixteen straight years."
series = "years"
value = "16 straight years"

[[claim.quote]]
source = "a"
text = "introduced for 16 straight years"

[[claim]]
id = "twentieth"
statement = "The 20th year."
series = "years"

[[claim.quote]]
source = "b"
text = "It was the 20th consecutive year"

[[claim]]
id = "decade"
statement = "A decade of co-sponsorship."
series = "sk"
value = "co-sponsor"
years = "a decade"
until = 2018

[[claim.quote]]
source = "a"
text = "South Korea was a co-sponsor for a decade"
"""

# -- generating TOML ---------------------------------------------------------------------

safe_text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=24)
words = st.sampled_from(["", " ", "x", "16th year", "since 2005", "a", "b", "years", "sk",
                         "co-sponsor", "é", "a\nb", "`<img src=x>`", "[^1]:", "{{ x }}"])
IDS = ["a", "b", "c", "years", "sk", "tally", "fixed", "yeras", "a.b", "x_1", "-x", ".x",
       "a b", "a`b", "<img src=x>", "a\n[^2]:", "é", "a@2025-01-01", "a" * 201, ""]
VALUES = ["16 straight years", "16th year", "20th consecutive year", "since 2005",
          "began in 2005", "more than 60", "41", "about 40", "nearly 60", "7th time",
          "2012-2013 and 2016-2019", "2019-22", "2022-2019", "a decade", "a dozen", "2023",
          "co-sponsor", "not a co-sponsor", "335-37 vote", "99999 years", "1000 years",
          "1001 years", "the 5000th year", "999th year", "the 1000th time", "since 1000",
          "0", "-5", "0 years", "more than 0 years", "fewer than 1", "", " ", "lots",
          "9" * 30, "1e400", "nan", "∞", "for the second year in a row", "the first 41",
          "2999", "3000", "1000", "at most 0", "10,000,000,000,000 years"]
KINDS = ["annual", "occurrences", "tally", "status", "fixed", "anual", "", "ANNUAL"]
YEARS = st.one_of(st.integers(990, 1010), st.integers(9990, 10010), st.integers(1990, 2030),
                  st.integers(-10**25, 10**25))
DAYS = st.one_of(st.dates(datetime.date(1, 1, 1), datetime.date(9999, 12, 31)),
                 st.dates(datetime.date(1998, 1, 1), datetime.date(2030, 12, 31)))
SCALARS: st.SearchStrategy[Any] = st.one_of(
    safe_text, st.booleans(), YEARS, DAYS,
    st.datetimes(datetime.datetime(1, 1, 1), datetime.datetime(9999, 12, 31)),
    st.floats(allow_nan=True, allow_infinity=True), st.times())
WILD: st.SearchStrategy[Any] = st.one_of(
    SCALARS, st.lists(SCALARS, max_size=2),
    st.dictionaries(st.sampled_from(["source", "text", "id", "x"]), SCALARS, max_size=2))


def lit(value: Any) -> str:
    """A TOML literal for *value* (strings as basic strings)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float | datetime.date | datetime.time):
        if isinstance(value, float):
            return {"inf": "inf", "-inf": "-inf", "nan": "nan"}.get(repr(value), repr(value))
        return value.isoformat() if not isinstance(value, int) else str(value)
    if isinstance(value, list):
        return "[" + ", ".join(lit(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{json.dumps(k)} = {lit(v)}" for k, v in value.items()) + "}"
    return json.dumps(str(value), ensure_ascii=False).replace("\x7f", "\\u007f")


def maybe(strategy: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    """Usually the strategy, sometimes absent (None), sometimes a value of any type."""
    return st.one_of(strategy, strategy, strategy, st.none(), st.none(), WILD)


EXTRA_KEYS = st.sampled_from(["valeu", "titel", "x", "quote.source"])


def fields(**strategies: st.SearchStrategy[Any]) -> st.SearchStrategy[dict[str, Any]]:
    """A table of the given fields, each perhaps absent or of the wrong type, perhaps
    with one unknown key."""
    keys = list(strategies)
    values = st.tuples(*(maybe(strategies[k]) for k in keys))
    extra = st.one_of(st.none(), st.none(), st.none(), st.tuples(EXTRA_KEYS, WILD))

    def build(parts: tuple[tuple[Any, ...], tuple[str, Any] | None]) -> dict[str, Any]:
        got, more = parts
        out = {k: v for k, v in zip(keys, got, strict=True) if v is not None}
        if more is not None:
            out[more[0]] = more[1]
        return out

    return st.tuples(values, extra).map(build)


def toml_table(header: str, data: Mapping[str, Any]) -> list[str]:
    return [header, *(f"{json.dumps(k)} = {lit(v)}" for k, v in data.items()), ""]


SERIES_TABLE = fields(id=st.sampled_from(["years", "sk", "tally", "fixed", *IDS]),
                      kind=st.sampled_from(KINDS), title=safe_text,
                      monotone=st.sampled_from(["increasing", "decreasing", "up"]))
CLAIM_TABLE = fields(id=st.sampled_from(IDS) | st.sampled_from(["c1", "c2", "c3"]),
                     statement=safe_text | st.just("A statement."),
                     series=st.sampled_from(["years", "sk", "tally", "fixed", *IDS]),
                     value=st.sampled_from(VALUES) | safe_text,
                     as_of=DAYS | YEARS, as_of_note=safe_text,
                     years=st.sampled_from(VALUES) | safe_text, until=YEARS)
PASSAGE = st.tuples(st.sampled_from([BODY_A, BODY_B]), st.integers(0, 200),
                    st.integers(0, 60)).map(lambda t: t[0][t[1]:t[1] + t[2]])
QUOTE_TABLE = fields(source=st.sampled_from(["a", "b", "c", *IDS]), text=PASSAGE | safe_text,
                     prefix=safe_text, suffix=safe_text)
SERIES_TABLES = st.lists(SERIES_TABLE, max_size=2)
CLAIM_TABLES = st.lists(st.tuples(CLAIM_TABLE, st.lists(QUOTE_TABLE, max_size=2)), max_size=3)


@st.composite
def claims_file(draw: st.DrawFn) -> str:
    out: list[str] = []
    for series in draw(SERIES_TABLES):
        out += toml_table("[[series]]", series)
    for claim, quotes in draw(CLAIM_TABLES):
        out += toml_table("[[claim]]", claim)
        for quote in quotes:
            out += toml_table("[[claim.quote]]", quote)
    return "\n".join(out)


@st.composite
def mutated(draw: st.DrawFn, text: str) -> str:
    """*text* with a few line- or character-level edits."""
    for _ in range(draw(st.integers(0, 3))):
        lines = text.split("\n")
        i = draw(st.integers(0, len(lines) - 1))
        edit = draw(st.sampled_from(["drop", "dup", "swap", "insert", "char"]))
        if edit == "drop":
            del lines[i]
        elif edit == "dup":
            lines.insert(i, lines[i])
        elif edit == "swap":
            j = draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
        elif edit == "insert":
            lines.insert(i, draw(st.sampled_from(['"""', "[[claim]]", "[claim]", "x = ",
                                                   "[[series]]", "id = 1", "quote = 5"])))
        else:
            line = lines[i]
            k = draw(st.integers(0, len(line)))
            lines[i] = line[:k] + draw(st.sampled_from(['"', "=", "[", "\\", "1", "é", "'"])) \
                + line[k + 1:]
        text = "\n".join(lines)
    return text


SOURCE_META = fields(
    title=safe_text, publisher=safe_text, published=DAYS,
    updated=DAYS | DAYS.map(lambda d: datetime.datetime(d.year, d.month, d.day)),
    url=st.sampled_from(["https://example.org/a", "http://x.org", "javascript:alert(1)",
                         "script", "", "//x.org", "https://x.org/<script>"]) | safe_text,
    author=safe_text, note=safe_text, raw=safe_text, raw_sha256=safe_text,
    version_of=st.sampled_from(IDS))
BODIES = st.sampled_from([BODY_A, BODY_B, "", " ", "+++"]) | safe_text


@st.composite
def source_file(draw: st.DrawFn) -> str:
    meta = draw(SOURCE_META)
    front = "\n".join(f"{json.dumps(k)} = {lit(v)}" for k, v in meta.items())
    return draw(mutated(f"+++\n{front}\n+++\n{draw(BODIES)}"))


BAD_BYTES = st.sampled_from([b"\xff", b"\xc3", b"\xe9", b"\x00", b"\xed\xa0\x80"])


def encoded(draw: st.DrawFn, text: str) -> bytes:
    """*text* as UTF-8, perhaps with a BOM, other line endings, or a bad byte."""
    newline = draw(st.sampled_from(["\n", "\r\n", "\r"]))
    data = text.replace("\n", newline).encode("utf-8")
    if draw(st.booleans()):
        data = b"\xef\xbb\xbf" + data
    if draw(st.integers(0, 3)) == 0:
        k = draw(st.integers(0, len(data)))
        data = data[:k] + draw(BAD_BYTES) + data[k:]
    return data


# -- running ---------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    # in memory where the system has it: thousands of rewritten files on a disk are slow
    shm = Path("/dev/shm")
    if shm.is_dir() and os.access(shm, os.W_OK):
        path = Path(tempfile.mkdtemp(prefix="factcheck-fuzz-", dir=shm))
    else:
        path = tmp_path_factory.mktemp("fuzz")
    yield path
    shutil.rmtree(path, ignore_errors=True)


def fresh(workdir: Path, files: Mapping[str, bytes | str]) -> Path:
    """The case folder holding exactly *files*: one folder for all examples, files
    rewritten in place (creating and removing folders is what costs on most disks)."""
    root = workdir / "case"
    for folder in ("claims", "sources"):
        (root / folder).mkdir(parents=True, exist_ok=True)
    wanted = {root / rel for rel in files}
    for folder in (root, root / "claims", root / "sources"):
        for path in folder.iterdir():
            if path not in wanted and path.name not in ("claims", "sources"):
                path.unlink()
    for rel, content in files.items():
        (root / rel).write_bytes(content.encode("utf-8") if isinstance(content, str)
                                 else content)
    return root


def holds(root: Path, *, lined: tuple[str, ...] = ("claims/", "sources/"),
          to_json: bool = False) -> Report | None:
    """Load and check *root*: only a FactCheckError may escape, and every problem is located.

    Problems in files under *lined* must carry a line number: their input has lines.
    """
    try:
        case = Case.load(root)
    except LoadError as exc:
        assert exc.problems, "a LoadError carries its problems"
        for p in exc.problems:
            assert p.location.file, p
            assert "\n" not in str(p), p
            if p.location.file.startswith(lined):
                assert p.location.line is not None, str(p)
        return None
    except FactCheckError:
        return None
    report = case.check()
    if to_json:
        report.to_json()
    return report


@settings(FUZZ, max_examples=CLAIMS_EXAMPLES)
@given(st.data())
def test_claims_files(workdir: Path, data: st.DataObject) -> None:
    text = data.draw(claims_file() | st.just(CLAIMS_OK))
    text = data.draw(mutated(text))
    files: dict[str, bytes | str] = {"sources/a.md": SOURCE_A, "sources/b.md": SOURCE_B,
                                     "claims/c.toml": text}
    if data.draw(st.booleans()):
        files["claims/base.toml"] = CLAIMS_OK
    holds(fresh(workdir, files))


@settings(FUZZ, max_examples=SOURCE_EXAMPLES)
@given(st.data())
def test_source_files(workdir: Path, data: st.DataObject) -> None:
    files: dict[str, bytes | str] = {"sources/a.md": data.draw(source_file()),
                                     "sources/b.md": SOURCE_B, "claims/c.toml": CLAIMS_OK}
    holds(fresh(workdir, files))


@settings(FUZZ, max_examples=BYTES_EXAMPLES)
@given(st.data())
def test_encodings_and_line_endings(workdir: Path, data: st.DataObject) -> None:
    source = data.draw(st.sampled_from([SOURCE_A, SOURCE_B, SOURCE_A.replace("+++\n", "", 1),
                                        "+++\n+++\n", "+++\npublished = 2020-06-01\n+++\nx"]))
    claims = data.draw(st.sampled_from([CLAIMS_OK, CLAIMS_OK.replace("]]\n", "]\n", 1), ""]))
    files = {"sources/a.md": encoded(data.draw, source), "sources/b.md": SOURCE_B,
             "claims/c.toml": encoded(data.draw, claims)}
    holds(fresh(workdir, files))


@settings(FUZZ, max_examples=ENDINGS_EXAMPLES)
@given(st.data())
def test_line_endings_and_a_bom_change_nothing_read(workdir: Path, data: st.DataObject) -> None:
    """Law: a claims file reads the same, every problem on the same line, whatever its line
    endings (LF, CRLF, CR) and whether it starts with a byte-order mark. (Review: with CR
    endings every problem was reported at line 1.)"""
    text = data.draw(mutated(data.draw(claims_file() | st.just(CLAIMS_OK))))
    assume("\r" not in text)
    newline = data.draw(st.sampled_from(["\r\n", "\r"]))
    bom = data.draw(st.sampled_from([b"", b"\xef\xbb\xbf"]))

    def read(content: bytes) -> object:
        root = fresh(workdir, {"sources/a.md": SOURCE_A, "sources/b.md": SOURCE_B,
                               "claims/c.toml": content})
        try:
            case = Case.load(root)
        except LoadError as exc:
            return [str(p) for p in exc.problems]
        return case.series, case.claims

    assert read(bom + text.replace("\n", newline).encode("utf-8")) == \
        read(text.encode("utf-8"))


@pytest.fixture(scope="module")
def lock_text(workdir: Path) -> str:
    root = fresh(workdir, {"sources/a.md": SOURCE_A, "sources/b.md": SOURCE_B,
                           "claims/c.toml": CLAIMS_OK})
    case = Case.load(root)
    text = case.pin(case.check()).to_toml()
    assert text.count("[[quote]]") == 3
    return text


PIN_FIELDS: dict[str, st.SearchStrategy[Any]] = {
    "claim": st.sampled_from(["sixteen", "twentieth", "decade", "ghost"]),
    "index": st.integers(-1000, 5) | st.integers(-10**20, 10**20),
    "source": st.sampled_from(["a", "b", "c"]),
    "sha256": st.sampled_from(["0" * 64, ""]) | safe_text,
    "start": st.integers(-300, 300) | st.integers(-10**20, 10**20),
    "end": st.integers(-300, 300) | st.integers(-10**20, 10**20),
    "exact": st.sampled_from(["16 straight years", "20th", ""]) | safe_text,
    "prefix": safe_text, "suffix": safe_text,
    "method": st.sampled_from(["exact", "normalized", "fuzzy", "x"]),
    "score": st.floats(-1e9, 1e9) | st.integers(-5, 200).map(float),
    "quote": st.sampled_from(["introduced for 16 straight years",
                              "It was the 20th consecutive year"]) | safe_text,
}


@st.composite
def lock_file(draw: st.DrawFn, pinned: str) -> str:
    """The case's real lock, with pins edited to wild values of any type, perhaps
    duplicated, perhaps truncated."""
    entries = pinned.split("[[quote]]")
    head, pins = entries[0], entries[1:]
    out = [draw(st.sampled_from([head, head.replace("version = 1", "version = 2"),
                                 head.replace("version = 1", "")]))]
    for pin in pins:
        lines = [line for line in pin.strip().split("\n") if line]
        for _ in range(draw(st.integers(0, 3))):
            field = draw(st.sampled_from(sorted(PIN_FIELDS)))
            value = draw(PIN_FIELDS[field] | WILD)  # well-typed, or of any type at all
            lines = [f"{field} = {lit(value)}" if line.startswith(f"{field} =") else line
                     for line in lines]
        out.append("[[quote]]\n" + "\n".join(lines) + "\n")
    if draw(st.integers(0, 4)) == 0:
        out.append(draw(st.sampled_from(out[1:] or [""])))  # a duplicate pin
    text = "\n".join(out)
    if draw(st.integers(0, 4)) == 0:  # truncated, as by a full disk
        text = text[: draw(st.integers(0, len(text)))]
    return text


@settings(FUZZ, max_examples=LOCK_EXAMPLES)
@given(st.data())
def test_lock_files(workdir: Path, lock_text: str, data: st.DataObject) -> None:
    lock = data.draw(lock_file(lock_text))
    source_a = data.draw(st.sampled_from([SOURCE_A, SOURCE_A.replace("16", "17"),
                                          SOURCE_A.replace("More than", "In all,")]))
    files = {"sources/a.md": source_a, "sources/b.md": SOURCE_B, "claims/c.toml": CLAIMS_OK,
             LOCK_NAME: encoded(data.draw, lock)}
    report = holds(fresh(workdir, files), lined=("claims/", "sources/", LOCK_NAME),
                   to_json=True)
    if report is not None and lock == lock_text and source_a == SOURCE_A:
        assert all(qr.pin is not None and qr.pin.status == "unchanged"
                   for c in report.claims for qr in c.quotes)


@settings(FUZZ, max_examples=NAME_EXAMPLES)
@given(st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="/\0"),
               min_size=1, max_size=40))
def test_source_file_names(workdir: Path, name: str) -> None:
    assume(name not in (".", "..") and len(os.fsencode(name)) <= 200)
    assume(name != "README")
    files = {f"sources/{name}.md": SOURCE_B, "sources/a.md": SOURCE_A,
             "claims/c.toml": CLAIMS_OK.replace('source = "b"', f"source = {lit(name)}")}
    report = holds(fresh(workdir, files), lined=())
    if report is not None:
        assert name in {s.id for s in report.sources}


def test_the_suite_is_at_least_ten_thousand_examples() -> None:
    assert TOTAL >= 10_000


EDGE_DAYS = st.sampled_from([datetime.date(1000, 1, 1), datetime.date(1000, 12, 31),
                             datetime.date(9999, 1, 1), datetime.date(9999, 12, 31),
                             datetime.date(2025, 11, 19)])
COUNTS = st.sampled_from(["the 1st year", "the 1000th year", "1000 straight years",
                          "999 consecutive years", "the 7th time", "since 1000",
                          "since 2999", "a decade", "more than 900 years"])
RELATIVE = st.sampled_from(["", " It was adopted yesterday.", " The vote is next month.",
                            " It passed on Friday.", " Last month it failed.",
                            " As of December 31, 9999 next year.", " On 5 March 1000."])
EDGE_CLAIMS = """[[series]]
id = "s"
kind = "{kind}"

[[claim]]
id = "dated"
statement = "x"
series = "s"
{as_of}
[[claim.quote]]
source = "a"
text = "{a}"

[[claim]]
id = "undated"
statement = "y"
series = "s"

[[claim.quote]]
source = "b"
text = "{b}"
"""
@settings(FUZZ, max_examples=EDGE_EXAMPLES)
@given(kind=st.sampled_from(["annual", "occurrences"]), published=EDGE_DAYS,
       as_of=st.none() | EDGE_DAYS, a=COUNTS, b=COUNTS, rel_a=RELATIVE, rel_b=RELATIVE)
def test_dating_at_the_edges_of_the_calendar(workdir: Path, kind: str,
                                             published: datetime.date,
                                             as_of: datetime.date | None, a: str, b: str,
                                             rel_a: str, rel_b: str) -> None:
    """Years in range (1000–9999) and counts of at most 1,000 years, read together, may
    point past the calendar (a count of 1,000 years after 9999): never a crash."""
    claims = EDGE_CLAIMS.format(kind=kind, a=a, b=b,
                                as_of="" if as_of is None else f"as_of = {as_of}\n")
    files = {"sources/a.md": f"+++\npublished = {published}\n+++\nIt is {a}.{rel_a}\n",
             "sources/b.md": f"+++\n+++\nIt is {b}.{rel_b}\n", "claims/c.toml": claims}
    holds(fresh(workdir, files), to_json=True)
