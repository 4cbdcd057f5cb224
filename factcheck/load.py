"""Read a case folder (``sources/*.md`` and ``claims/*.toml``) into the model.

This is the only module that reads files. Every problem found in one load is
collected and raised together as one :class:`~factcheck.errors.LoadError`, each
naming its file, line and key path::

    claims/years.toml:14: claim[2].quote[1].source: claim 'x': unknown source
        '000-yonhap-2025-11-2O' (did you mean '000-yonhap-2025-11-20'?)

(one line each in the real message)
"""

from __future__ import annotations

import datetime
import re
import tomllib
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import attrs

from factcheck.errors import LoadError, Location, Problem, QuantityError, did_you_mean
from factcheck.figures import find_quantities, parse_quantity
from factcheck.lock import LOCK_NAME, Lock
from factcheck.model import Claim, Kind, Monotone, Quote, Series, Source, Span
from factcheck.values import Kind as QKind

SOURCE_KEYS = ("title", "publisher", "published", "url", "author", "note", "updated", "raw",
               "raw_sha256", "version_of")
SERIES_KEYS = ("id", "kind", "title", "monotone")
CLAIM_KEYS = ("id", "statement", "series", "value", "as_of", "years", "until", "quote")
QUOTE_KEYS = ("source", "text", "prefix", "suffix")
# What each series kind can read (quantity kinds); see reconcile for how.
ACCEPTS: dict[Kind, tuple[QKind, ...]] = {
    Kind.ANNUAL: (QKind.ORDINAL, QKind.DURATION, QKind.COUNT, QKind.YEAR, QKind.YEARS),
    Kind.OCCURRENCES: (QKind.ORDINAL, QKind.COUNT, QKind.YEAR, QKind.YEARS),
    Kind.TALLY: (QKind.COUNT,),
    Kind.FIXED: tuple(QKind),
}
STATUS_YEARS = (QKind.YEAR, QKind.YEARS, QKind.DURATION, QKind.ORDINAL)

_HEADER = re.compile(r"^\s*\[\[\s*([A-Za-z0-9_.-]+)\s*\]\]")
_TABLE = re.compile(r"^\s*\[\s*([A-Za-z0-9_.-]+)\s*\]")
_KEY = re.compile(r"^\s*([A-Za-z0-9_-]+)\s*=")


@attrs.frozen
class Loaded:
    """Everything one case folder holds, in a stable order."""

    sources: tuple[Source, ...]
    series: tuple[Series, ...]
    claims: tuple[Claim, ...]
    lock: Lock | None = None


class _Problems:
    def __init__(self) -> None:
        self.items: list[Problem] = []
        self.lines: dict[str, dict[tuple[Any, ...], int]] = {}  # per file: key path -> line

    def add(self, location: Location, message: str) -> None:
        self.items.append(Problem(location, message))


def load_case(root: str | Path, *, read_lock: bool = True) -> Loaded:
    """Load ``root/sources`` and ``root/claims``; raise LoadError listing every problem."""
    root = Path(root)
    problems = _Problems()
    if not root.is_dir():
        raise LoadError([Problem(Location(str(root)), "no such folder")])
    for sub in ("sources", "claims"):
        if not (root / sub).is_dir():
            problems.add(Location(_rel(root / sub, root)), f"missing folder: a case needs {sub}/")
    if problems.items:
        raise LoadError(problems.items)

    source_files = [p for p in sorted((root / "sources").glob("*.md")) if p.name != "README.md"]
    sources = [
        s
        for path in source_files
        if path.name != "README.md"  # a folder's README documents the sources; it is not one
        and (s := read_source(path, _rel(path, root), problems)) is not None
    ]
    series: list[Series] = []
    claims: list[Claim] = []
    claim_files = sorted((root / "claims").glob("*.toml"))
    if not claim_files:
        problems.add(Location(_rel(root / "claims", root)), "no claims files (*.toml)")
    for path in claim_files:
        file_series, file_claims = read_claims(path, _rel(path, root), problems)
        series.extend(file_series)
        claims.extend(file_claims)
    # A source file that failed to load still names a source: no cascade of "unknown source".
    _cross_check(sources, series, claims, problems, {p.stem for p in source_files})
    lock = None
    if read_lock and (root / LOCK_NAME).is_file():
        # Pins are checked against the claims only when those loaded cleanly (no cascade).
        quotes = None if problems.items else {c.id: [q.text for q in c.quotes] for c in claims}
        try:
            lock = Lock.from_toml((root / LOCK_NAME).read_text(encoding="utf-8"), LOCK_NAME,
                                  claims=quotes)
        except UnicodeDecodeError as exc:
            problems.add(Location(LOCK_NAME), f"not UTF-8 text ({exc.reason} at byte {exc.start})")
        except LoadError as exc:
            problems.items.extend(exc.problems)
    if problems.items:
        raise LoadError(problems.items)
    return Loaded(tuple(sources), tuple(series), tuple(claims), lock)


def _rel(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return str(path)


# -- sources ---------------------------------------------------------------------------


def parse_source(text: str, source_id: str, where: str = "<memory>") -> Source:
    """Build a Source from the text of a source file (front matter, then body).

    >>> s = parse_source('+++\\ntitle = "T"\\npublished = 2025-11-12\\n+++\\nBody text.', "x")
    >>> s.title, s.published, s.body
    ('T', datetime.date(2025, 11, 12), 'Body text.')
    """
    problems = _Problems()
    source = _parse_source(text, source_id, where, problems)
    if problems.items or source is None:
        raise LoadError(problems.items)
    return source


def read_source(path: Path, where: str, problems: _Problems) -> Source | None:
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        problems.add(Location(where), f"not UTF-8 text ({exc.reason} at byte {exc.start})")
        return None
    return _parse_source(text, path.stem, where, problems)


def _parse_source(text: str, source_id: str, where: str, problems: _Problems) -> Source | None:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    if not lines or lines[0].strip() != "+++":
        problems.add(Location(where, 1),
                     "a source starts with a '+++' line opening its front matter")
        return None
    try:
        close = next(i for i in range(1, len(lines)) if lines[i].strip() == "+++")
    except StopIteration:
        problems.add(Location(where, 1), "front matter is not closed by a second '+++' line")
        return None
    front = "\n".join(lines[1:close])
    body = "\n".join(lines[close + 1 :])
    try:
        meta = tomllib.loads(front)
    except tomllib.TOMLDecodeError as exc:
        problems.add(Location(where, _toml_line(exc, offset=1)), f"front matter: {_toml_msg(exc)}")
        return None
    key_line = _key_lines(front, offset=1)
    fields: dict[str, Any] = {}
    for key, value in meta.items():
        loc = Location(where, key_line.get((key,)), key)
        if key not in SOURCE_KEYS:
            problems.add(loc, f"unknown key{did_you_mean(key, SOURCE_KEYS)}")
        elif key in ("published", "updated"):
            if isinstance(value, datetime.datetime):
                value = value.date()
            if not isinstance(value, datetime.date):
                problems.add(loc, f"expected a TOML date such as 2025-11-20, got {value!r}")
                continue
            fields[key] = value
        elif not isinstance(value, str):
            problems.add(loc, f"expected a string, got {type(value).__name__}")
        else:
            fields[key] = value
    if not body.strip():
        problems.add(Location(where, close + 2), "the source has no body text")
    return Source(id=source_id, body=body, location=Location(where, 1), **fields)


# -- claims ----------------------------------------------------------------------------


def read_claims(
    path: Path, where: str, problems: _Problems
) -> tuple[list[Series], list[Claim]]:
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        problems.add(Location(where), f"not UTF-8 text ({exc.reason} at byte {exc.start})")
        return [], []
    return parse_claims(text, where, problems)


def parse_claims(
    text: str, where: str, problems: _Problems
) -> tuple[list[Series], list[Claim]]:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        problems.add(Location(where, _toml_line(exc)), _toml_msg(exc))
        return [], []
    lines = _key_lines(text)
    problems.lines[where] = lines
    series: list[Series] = []
    claims: list[Claim] = []
    for key in data:
        if key not in ("series", "claim"):
            problems.add(
                Location(where, lines.get((key,)), key),
                f"unknown top-level key{did_you_mean(key, ('series', 'claim'))}"
                " (a claims file holds [[series]] and [[claim]] tables)",
            )
    for i, table in enumerate(_tables(data, "series", where, lines, problems), 1):
        s = _series(table, i, where, lines, problems)
        if s is not None:
            series.append(s)
    for i, table in enumerate(_tables(data, "claim", where, lines, problems), 1):
        c = _claim(table, i, where, lines, problems)
        if c is not None:
            claims.append(c)
    return series, claims


def _tables(
    data: Mapping[str, Any],
    name: str,
    where: str,
    lines: Mapping[tuple[Any, ...], int],
    problems: _Problems,
) -> list[Mapping[str, Any]]:
    value = data.get(name, [])
    if not isinstance(value, list) or not all(isinstance(t, dict) for t in value):
        problems.add(Location(where, lines.get((name,)), name), f"expected [[{name}]] tables")
        return []
    return value


class _Fields:
    """Typed access to one TOML table, recording problems with their locations."""

    def __init__(
        self,
        table: Mapping[str, Any],
        path: tuple[Any, ...],
        where: str,
        lines: Mapping[tuple[Any, ...], int],
        problems: _Problems,
        allowed: Iterable[str],
    ) -> None:
        self.table, self.path, self.where, self.lines, self.problems = (
            table,
            path,
            where,
            lines,
            problems,
        )
        self.ok = True
        allowed = tuple(allowed)
        for key in table:
            if key not in allowed:
                # reported, but the table is still built so that later checks run too
                self.problems.add(self.loc(key), f"unknown key{did_you_mean(key, allowed)}")

    def loc(self, key: str | None = None) -> Location:
        path = self.path + ((key,) if key else ())
        line = self.lines.get(path) or self.lines.get(self.path)
        return Location(self.where, line, _key_path(path))

    def fail(self, key: str | None, message: str) -> None:
        self.ok = False
        self.problems.add(self.loc(key), message)

    def get(self, key: str, types: type | tuple[type, ...], required: bool = False) -> Any:
        if key not in self.table:
            if required:
                self.fail(None, f"missing required key {key!r}")
            return None
        value = self.table[key]
        if not isinstance(value, types) or isinstance(value, bool) and bool not in _tuple(types):
            self.fail(key, f"expected {_type_name(types)}, got {value!r}")
            return None
        if isinstance(value, str) and required and not value.strip():
            self.fail(key, "must not be empty")
            return None
        return value


def _tuple(types: type | tuple[type, ...]) -> tuple[type, ...]:
    return types if isinstance(types, tuple) else (types,)


def _type_name(types: type | tuple[type, ...]) -> str:
    names = {str: "a string", int: "a whole number", datetime.date: "a date"}
    return " or ".join(names.get(t, t.__name__) for t in _tuple(types))


def _key_path(path: tuple[Any, ...]) -> str:
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + part
    return out


def _series(
    table: Mapping[str, Any],
    index: int,
    where: str,
    lines: Mapping[tuple[Any, ...], int],
    problems: _Problems,
) -> Series | None:
    f = _Fields(table, ("series", index), where, lines, problems, SERIES_KEYS)
    sid = f.get("id", str, required=True)
    kind_name = f.get("kind", str, required=True)
    title = f.get("title", str) or ""
    monotone_name = f.get("monotone", str)
    kind = _enum(Kind, kind_name, "kind", f)
    monotone = _enum(Monotone, monotone_name, "monotone", f)
    if monotone is not None and kind is not None and kind is not Kind.TALLY:
        f.fail("monotone", f"monotone applies to tally series, not {kind.value}")
    if not f.ok or sid is None or kind is None:
        return None
    return Series(id=sid, kind=kind, title=title, monotone=monotone, location=f.loc())


def _enum(enum_type: Any, name: str | None, key: str, f: _Fields) -> Any:
    if name is None:
        return None
    try:
        return enum_type(name)
    except ValueError:
        known = [m.value for m in enum_type]
        hint = did_you_mean(name, known) or f" (one of: {', '.join(known)})"
        f.fail(key, f"unknown {key} {name!r}{hint}")
        return None


def _claim(
    table: Mapping[str, Any],
    index: int,
    where: str,
    lines: Mapping[tuple[Any, ...], int],
    problems: _Problems,
) -> Claim | None:
    f = _Fields(table, ("claim", index), where, lines, problems, CLAIM_KEYS)
    cid = f.get("id", str, required=True)
    statement = f.get("statement", str, required=True)
    series = f.get("series", str)
    value = f.get("value", str)
    as_of_raw = f.get("as_of", (datetime.date, int))
    years = f.get("years", str)
    until = f.get("until", int)
    as_of: Span | None = None
    if isinstance(as_of_raw, datetime.datetime):
        as_of = Span.day(as_of_raw.date())
    elif isinstance(as_of_raw, datetime.date):
        as_of = Span.day(as_of_raw)
    elif isinstance(as_of_raw, int):
        as_of = Span.year(as_of_raw)
    quotes: list[Quote] = []
    raw_quotes = table.get("quote", [])
    if not isinstance(raw_quotes, list) or not all(isinstance(q, dict) for q in raw_quotes):
        f.fail("quote", "expected [[claim.quote]] tables")
        raw_quotes = []
    if not raw_quotes:
        f.fail(None, "a claim needs at least one [[claim.quote]]")
    for j, raw in enumerate(raw_quotes, 1):
        qf = _Fields(raw, ("claim", index, "quote", j), where, lines, problems, QUOTE_KEYS)
        source = qf.get("source", str, required=True)
        text = qf.get("text", str, required=True)
        prefix = qf.get("prefix", str) or ""
        suffix = qf.get("suffix", str) or ""
        if qf.ok:
            quotes.append(Quote(source, text, prefix, suffix, location=qf.loc()))
    # Built even when parts are wrong (the load fails anyway), so that cross-file checks
    # (duplicate ids, unknown series and sources) report in the same run.
    if cid is None or statement is None:
        return None
    return Claim(
        id=cid,
        statement=statement,
        quotes=tuple(quotes),
        series=series,
        value=value,
        as_of=as_of,
        years=years,
        until=until,
        location=f.loc(),
    )


# -- across files ----------------------------------------------------------------------


def _cross_check(
    sources: list[Source], series: list[Series], claims: list[Claim], problems: _Problems,
    file_ids: set[str] | None = None,
) -> None:
    _unique(sources, "source", problems)
    _unique(series, "series", problems)
    _unique(claims, "claim", problems)
    source_ids = {s.id for s in sources} | (file_ids or set())
    series_by_id = {s.id: s for s in series}
    for i, claim in enumerate(claims):
        kind = None
        if claim.series is not None:
            if claim.series not in series_by_id:
                problems.add(
                    _at(claim.location, "series", problems),
                    f"claim {claim.id!r}: unknown series {claim.series!r}"
                    f"{did_you_mean(claim.series, series_by_id)}",
                )
            else:
                kind = series_by_id[claim.series].kind
        for quote in claim.quotes:
            if quote.source not in source_ids:
                problems.add(
                    _at(quote.location, "source", problems),
                    f"claim {claim.id!r}: unknown source {quote.source!r}"
                    f"{did_you_mean(quote.source, source_ids)}",
                )
        claims[i] = _check_value(claim, kind, problems)


def _check_value(claim: Claim, kind: Kind | None, problems: _Problems) -> Claim:
    """Make sure a numeric claim's figure can be read; take it from the quote when absent."""
    if kind is None:
        return claim
    if kind is Kind.STATUS:
        if claim.value is None:
            problems.add(_at(claim.location), f"claim {claim.id!r}: a status claim needs a value")
        if claim.years is not None:
            _parse_or_report(claim.years, claim, "years", problems, STATUS_YEARS)
        elif claim.until is not None:
            problems.add(_at(claim.location, "until", problems),
                         "until goes with years (a duration)")
        return claim
    if claim.value is not None:
        _parse_or_report(claim.value, claim, "value", problems, ACCEPTS[kind])
        return claim
    for quote in claim.quotes:
        mentions = [m for m in find_quantities(quote.text) if m.quantity.kind in ACCEPTS[kind]]
        if mentions:
            return attrs.evolve(claim, value=mentions[0].text)
    problems.add(
        _at(claim.location),
        f"claim {claim.id!r}: no figure found in its quotes; give one with value = \"…\"",
    )
    return claim


def _parse_or_report(text: str, claim: Claim, key: str, problems: _Problems,
                     accepts: tuple[QKind, ...]) -> None:
    try:
        q = parse_quantity(text)
    except QuantityError as exc:
        problems.add(_at(claim.location, key, problems), f"claim {claim.id!r}: {exc}")
        return
    if q.kind not in accepts:
        wanted = " or ".join(k.value for k in accepts)
        problems.add(_at(claim.location, key, problems),
                     f"claim {claim.id!r}: {text!r} reads as {q.kind.value} ({q}); "
                     f"its series takes {wanted}")


_PATH_PART = re.compile(r"([^.\[\]]+)|\[(\d+)\]")


def _at(location: Location, key: str | None = None, problems: _Problems | None = None) -> Location:
    """The location of *key* inside the table at *location*, on the key's own line if known."""
    if key is None:
        return location
    full = f"{location.key}.{key}" if location.key else key
    line = location.line
    if problems is not None and location.file in problems.lines:
        path = tuple(name or int(index) for name, index in _PATH_PART.findall(full))
        line = problems.lines[location.file].get(path, line)
    return attrs.evolve(location, key=full, line=line)


def _unique(items: Iterable[Source | Series | Claim], what: str, problems: _Problems) -> None:
    seen: dict[str, Location] = {}
    for item in items:
        if item.id in seen:
            problems.add(
                _at(item.location, "id", problems),
                f"duplicate {what} id {item.id!r} (first defined at {seen[item.id]})",
            )
        else:
            seen[item.id] = item.location


# -- line numbers ----------------------------------------------------------------------


def _key_lines(text: str, offset: int = 0) -> dict[tuple[Any, ...], int]:
    """Map key paths such as ("claim", 3, "quote", 1, "source") to 1-based line numbers.

    tomllib gives values but no positions, so the file is scanned once for array-of-table
    headers and keys; multi-line strings are skipped over.
    """
    lines: dict[tuple[Any, ...], int] = {}
    counts: dict[tuple[Any, ...], int] = {}
    current: tuple[Any, ...] = ()
    open_quote: str | None = None
    for number, line in enumerate(text.split("\n"), 1 + offset):
        if open_quote is not None:
            if line.count(open_quote) % 2 == 1:
                open_quote = None
            continue
        if m := _HEADER.match(line):
            parts = m.group(1).split(".")
            parent: tuple[Any, ...] = ()
            for depth, part in enumerate(parts):
                if depth < len(parts) - 1:
                    parent += (part, counts.get(parent + (part,), 0))
            key = parent + (parts[-1],)
            counts[key] = counts.get(key, 0) + 1
            current = key + (counts[key],)
            lines.setdefault(current, number)
            lines.setdefault(key, number)
        elif m := _TABLE.match(line):
            current = tuple(m.group(1).split("."))
            lines.setdefault(current, number)
        elif m := _KEY.match(line):
            lines.setdefault(current + (m.group(1),), number)
            for quote in ('"""', "'''"):
                if line.count(quote) % 2 == 1:
                    open_quote = quote
    return lines


def _toml_line(exc: tomllib.TOMLDecodeError, offset: int = 0) -> int | None:
    lineno = getattr(exc, "lineno", None)
    if isinstance(lineno, int):
        return lineno + offset
    m = re.search(r"line (\d+)", str(exc))
    return int(m.group(1)) + offset if m else None


def _toml_msg(exc: tomllib.TOMLDecodeError) -> str:
    msg = getattr(exc, "msg", None) or str(exc)
    return "invalid TOML: " + re.sub(r"\s*\(at line \d+, column \d+\)", "", str(msg))


__all__ = ["Loaded", "load_case", "parse_source"]

