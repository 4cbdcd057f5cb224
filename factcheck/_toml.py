"""Reading TOML tables from the user's files, with every problem located.

tomllib gives values but no positions, so :func:`key_lines` scans a file once and maps
key paths such as ``("claim", 3, "quote", 1, "source")`` to 1-based lines. :class:`At`
is a place in such a file (file, key path, that map); :class:`Table` reads one table's
fields with their types and ranges, adding a :class:`~factcheck.errors.Problem` for each
thing wrong. The model's ``from_toml`` constructors are built on these.

Also here: the rules every id, url and year follows (see README, "File formats").
"""

from __future__ import annotations

import datetime
import re
import tomllib
import urllib.parse
from collections.abc import Iterable, Mapping
from typing import Any, TypeAlias

import attrs

from factcheck.errors import Location, Problems, did_you_mean

__all__ = ["At", "Table", "check_id", "check_url", "check_year", "key_lines", "show_value",
           "toml_problem"]

KeyPath: TypeAlias = tuple[str | int, ...]

YEAR_MIN, YEAR_MAX = 1000, 9999  # every year a case mentions has four digits
MAX_YEARS = 1000  # the longest duration, or count of years, a claim may state
ID_MAX = 200
# An id: ASCII letters, digits, '-', '_' and '.', starting with a letter or digit. Ids end
# up in file names, Markdown, HTML and JSON; nothing in them needs escaping anywhere.
ID_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]*")
# A source id may carry one version suffix: the date of that version of a web page.
# (with a counter, "@2025-03-06-2", when two versions share a day).
SOURCE_ID_RE = re.compile(
    r"(?P<id>[A-Za-z0-9][A-Za-z0-9_.-]*)(?:@(?P<version>\d{4}-\d{2}-\d{2})(?:-\d{1,4})?)?")
ID_RULE = ("an id is letters, digits, '-', '_' and '.' (ASCII), starting with a letter or "
           f"digit, at most {ID_MAX} characters")


def check_id(value: str, what: str, *, source: bool = False) -> str:
    """Why *value* is not a valid id ("" when it is).

    >>> check_id("000-yonhap-2025-11-20", "source", source=True)
    ''
    >>> check_id("page@2025-02-30", "source", source=True)
    "source id 'page@2025-02-30': its version suffix is not a date (@YYYY-MM-DD)"
    >>> check_id("vote`<img>", "series")[:45]
    "series id 'vote`<img>' is not a valid id: an "
    """
    rule = ID_RULE + (" (a source id may end in one version suffix @YYYY-MM-DD, or "
                      "@YYYY-MM-DD-2 for a second version that day)"
                      if source else "")
    m = (SOURCE_ID_RE if source else ID_RE).fullmatch(value)
    if m is None or len(value) > ID_MAX:
        return f"{what} id {value!r} is not a valid id: {rule}"
    version = m.groupdict().get("version")
    if version is not None:
        try:
            day = datetime.date.fromisoformat(version)
        except ValueError:
            return f"{what} id {value!r}: its version suffix is not a date (@YYYY-MM-DD)"
        if problem := check_year(day.year, "its version's year"):
            return f"{what} id {value!r}: {problem}"
    return ""


def check_url(value: str) -> str:
    """Why *value* is not an http(s) URL ("" when it is).

    >>> check_url("https://www.yna.co.kr/view/AEN20251120000200315")
    ''
    >>> check_url("javascript:alert(1)")
    "expected an http:// or https:// URL, got 'javascript:alert(1)'"
    """
    bad = f"expected an http:// or https:// URL, got {value!r}"
    if any(c.isspace() or ord(c) < 32 or c in '<>"`\\' for c in value):
        return bad
    try:
        parts = urllib.parse.urlsplit(value)
    except ValueError:
        return bad
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return bad
    return ""


def check_year(year: int, what: str = "year", shown: str | None = None) -> str:
    """Why *year* is out of range ("" when it is not); *shown* is how the value is written
    in the message (by default the year itself, shortened).

    >>> check_year(2025)
    ''
    >>> check_year(1, "date", "0001-01-01")
    'date 0001-01-01 is out of range (a year from 1000 to 9999)'
    """
    if YEAR_MIN <= year <= YEAR_MAX:
        return ""
    if shown is None:
        shown = str(year) if abs(year) < 10**12 else f"{str(year)[:12]}…"
    return f"{what} {shown} is out of range (a year from {YEAR_MIN} to {YEAR_MAX})"


# -- where ---------------------------------------------------------------------------------


def key_path_str(path: KeyPath) -> str:
    """``("claim", 3, "quote", 1, "source")`` as ``claim[3].quote[1].source``."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            name = part if re.fullmatch(r"[A-Za-z0-9_-]+", part) else repr(part)
            out += ("." if out else "") + name
    return out


@attrs.frozen
class At:
    """A place in one TOML file: the file, a key path in it, and the file's line map.

    ``line`` is where the file's TOML starts (a source's front matter starts on line 2);
    a path with no line of its own gets the line of its nearest ancestor.
    """

    file: str
    path: KeyPath = ()
    lines: Mapping[KeyPath, int] = attrs.field(factory=dict, eq=False, repr=False)
    first_line: int | None = 1  # None: the text has no lines (a value built in memory)

    def __truediv__(self, part: str | int) -> At:
        return attrs.evolve(self, path=self.path + (part,))

    def loc(self, key: str | None = None) -> Location:
        path = self.path + ((key,) if key is not None else ())
        line = None
        for depth in range(len(path), 0, -1):
            line = self.lines.get(path[:depth])
            if line is not None:
                break
        if line is None:
            line = self.first_line
        return Location(self.file, line, key_path_str(path))


class Table:
    """Typed, located access to one TOML table; every problem goes to *problems*."""

    def __init__(self, data: Mapping[str, Any], at: At, problems: Problems,
                 allowed: Iterable[str], *, hint: str = "") -> None:
        """Reports every key of *data* not in *allowed* (with *hint* appended)."""
        self.data, self.at, self.problems = data, at, problems
        self.ok = True
        allowed = tuple(allowed)
        for key in data:
            if key not in allowed:
                # reported, but the object is still built so that later checks run too
                problems.add(at.loc(key), f"unknown key{did_you_mean(key, allowed)}{hint}")

    def loc(self, key: str | None = None) -> Location:
        return self.at.loc(key)

    def fail(self, key: str | None, message: str) -> None:
        self.ok = False
        self.problems.add(self.loc(key), message)

    def _get(self, key: str, types: tuple[type, ...], wanted: str, required: bool) -> Any:
        if key not in self.data:
            if required:
                self.fail(None, f"missing required key {key!r}")
            return None
        value = self.data[key]
        if not isinstance(value, types) or isinstance(value, bool) and bool not in types:
            self.fail(key, f"expected {wanted}, got {show_value(value)}")
            return None
        return value

    def text(self, key: str, *, required: bool = False, nonempty: bool = False) -> str | None:
        value: str | None = self._get(key, (str,), "a string", required)
        if value is not None and (required or nonempty) and not value.strip():
            self.fail(key, "must not be empty")
            return None
        return value

    def ident(self, key: str, what: str, *, required: bool = True,
              source: bool = False) -> str | None:
        value = self.text(key, required=required)
        if value is None:
            return None
        problem = check_id(value, what, source=source)
        if problem:
            self.fail(key, problem)
            return None
        return value

    def year(self, key: str) -> int | None:
        value: int | None = self._get(key, (int,), "a year such as 2018", False)
        if value is not None and (problem := check_year(value, "year")):
            self.fail(key, problem)
            return None
        return value

    def day(self, key: str) -> datetime.date | None:
        """A TOML date (a datetime is taken as its date), with a four-digit year."""
        value = self._get(key, (datetime.date,), "a TOML date such as 2025-11-20", False)
        if value is None:
            return None
        if isinstance(value, datetime.datetime):
            value = value.date()
        if problem := check_year(value.year, "date", value.isoformat()):
            self.fail(key, problem)
            return None
        assert isinstance(value, datetime.date)
        return value

    def day_or_year(self, key: str) -> datetime.date | int | None:
        value = self._get(key, (datetime.date, int), "a date (2025-11-19) or a year (2025)",
                          False)
        if isinstance(value, datetime.date):
            return self.day(key)
        if isinstance(value, int):
            return self.year(key)
        return None

    def tables(self, key: str, what: str) -> list[Mapping[str, Any]]:
        """An array of tables ([[claim.quote]]); a problem if the key holds anything else."""
        value = self.data.get(key, [])
        if not isinstance(value, list) or not all(isinstance(t, dict) for t in value):
            self.fail(key, f"expected {what} tables, got {show_value(value)}")
            return []
        return value


def show_value(value: object) -> str:
    """A value read from TOML, for a message: booleans, dates and times as TOML writes
    them, a table as "a table", anything else as its repr, shortened.

    >>> show_value(datetime.date(2025, 1, 1)), show_value({"a": 1}), show_value("x" * 70)[-4:]
    ('2025-01-01', 'a table', 'xxx…')
    >>> show_value(True)
    'true'
    """
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime.date | datetime.time):
        return value.isoformat()
    if isinstance(value, dict):
        return "a table"
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "…"


# -- line numbers --------------------------------------------------------------------------

_HEADER = re.compile(r"^\s*\[\[\s*([^\[\]]+?)\s*\]\]")
_TABLE = re.compile(r"^\s*\[\s*([^\[\]]+?)\s*\]")
_KEY = re.compile(r"""^\s*("(?:[^"\\]|\\.)*"|'[^']*'|[A-Za-z0-9_-]+)\s*[=.]""")
_DOTTED = re.compile(r"""\s*("(?:[^"\\]|\\.)*"|'[^']*'|[A-Za-z0-9_-]+)\s*""")


def _name(token: str) -> str:
    if token[:1] == '"':
        try:
            loaded: Any = tomllib.loads(f"k = {token}")
            return str(loaded["k"])
        except tomllib.TOMLDecodeError:
            return token
    return token[1:-1] if token[:1] == "'" else token


def _parts(dotted: str) -> list[str]:
    return [_name(m.group(1)) for m in _DOTTED.finditer(dotted) if m.group(1)]


def key_lines(text: str, offset: int = 0) -> dict[KeyPath, int]:
    """Map key paths such as ("claim", 3, "quote", 1, "source") to 1-based line numbers.

    Array-of-table headers count from 1; multi-line strings are skipped over; *offset*
    is added to every line (a source's front matter starts after its first line).

    >>> lines = key_lines('[[claim]]\\nid = "a"\\n[[claim]]\\n"id" = "b"\\n[[claim.quote]]\\n')
    >>> lines[("claim", 2, "id")], lines[("claim", 2, "quote", 1)]
    (4, 5)
    """
    lines: dict[KeyPath, int] = {}
    counts: dict[KeyPath, int] = {}
    current: KeyPath = ()
    open_quote: str | None = None
    for number, line in enumerate(text.split("\n"), 1 + offset):
        if open_quote is not None:
            if line.count(open_quote) % 2 == 1:
                open_quote = None
            continue
        if m := _HEADER.match(line):
            parts = _parts(m.group(1))
            parent: KeyPath = ()
            for depth, part in enumerate(parts):
                if depth < len(parts) - 1:
                    parent += (part, counts.get(parent + (part,), 0))
            key = parent + (parts[-1],) if parts else parent
            counts[key] = counts.get(key, 0) + 1
            current = key + (counts[key],)
            lines.setdefault(current, number)
            lines.setdefault(key, number)
        elif m := _TABLE.match(line):
            current = tuple(_parts(m.group(1)))
            lines.setdefault(current, number)
        elif m := _KEY.match(line):
            lines.setdefault(current + (_name(m.group(1)),), number)
            for quote in ('"""', "'''"):
                if line.count(quote) % 2 == 1:
                    open_quote = quote
    return lines


def toml_problem(exc: tomllib.TOMLDecodeError, text: str, offset: int = 0) -> tuple[int, str]:
    """The line (with *offset* added) and the message of a TOML syntax error."""
    msg = str(exc)
    m = re.search(r"\(at line (\d+), column \d+\)", msg)
    if m:
        line = int(m.group(1))
    else:  # "at end of document"
        line = max(1, text.count("\n") + (0 if text.endswith("\n") else 1))
    msg = re.sub(r"\s*\(at (line \d+, column \d+|end of document)\)", "", msg)
    return line + offset, "invalid TOML: " + msg
