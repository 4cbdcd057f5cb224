"""Read a case folder (``sources/*.md``, ``claims/*.toml``, ``factcheck.lock``) into the model.

This is the only module that reads the case's files. It finds them, reads them safely,
hands their text to the model's constructors (:meth:`Source.from_text`,
:meth:`Series.from_toml`, :meth:`Claim.from_toml`) and checks ids across files. Every
problem found in one load is collected and raised together as one
:class:`~factcheck.errors.LoadError`, sorted, each naming its file, line and key path::

    claims/years.toml:14: claim[2].quote[1].source: claim 'x': unknown source
        '000-yonhap-2025-11-2O' (did you mean '000-yonhap-2025-11-20'?)

(one line each in the real message)

Reading safely means: only regular files inside the case folder (a symlink may point
elsewhere inside it, never out of it; folders, FIFOs and devices named like inputs are
refused, never opened), at most ``max_source_bytes`` each (default 50 MiB, or the
``FACTCHECK_MAX_SOURCE_BYTES`` environment variable), as UTF-8 (a byte-order mark is
dropped; a bad byte is reported with its offset and line).
"""

from __future__ import annotations

import os
import re
import stat
import tomllib
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

import attrs

from factcheck._toml import At, Table, key_lines, toml_problem
from factcheck.errors import LoadError, Location, Problem, Problems, did_you_mean
from factcheck.io import why
from factcheck.lock import LOCK_NAME, Lock
from factcheck.model import Claim, Kind, Quote, Series, Source
from factcheck.values import Quantity

__all__ = ["DEFAULT_MAX_SOURCE_BYTES", "MAX_BYTES_ENV", "Loaded", "load_case", "load_sources",
           "read_bytes", "source_limit"]

DEFAULT_MAX_SOURCE_BYTES = 50 * 1024 * 1024
MAX_BYTES_ENV = "FACTCHECK_MAX_SOURCE_BYTES"
_BOM = b"\xef\xbb\xbf"


@attrs.frozen
class Loaded:
    """Everything one case folder holds, in a stable order."""

    sources: tuple[Source, ...]
    series: tuple[Series, ...]
    claims: tuple[Claim, ...]
    lock: Lock | None = None


def load_case(root: str | Path, *, read_lock: bool = True, claims_required: bool = True,
              max_source_bytes: int | None = None) -> Loaded:
    """Load ``root/sources``, ``root/claims`` and the lock; raise LoadError listing every problem.

    With ``claims_required=False`` a folder holding ``sources/`` alone loads (``extract``,
    ``find`` and ``sources`` need no claims). *max_source_bytes* bounds every file read
    (default: ``$FACTCHECK_MAX_SOURCE_BYTES``, else 50 MiB).
    """
    reader = _open(root, max_source_bytes)
    problems = reader.problems
    folders = {sub: reader.folder(sub, required=sub == "sources" or claims_required)
               for sub in ("sources", "claims")}
    problems.raise_if_any()
    sources, source_names = reader.sources(folders["sources"])

    files: list[tuple[str, Mapping[str, Any], dict[Any, int]]] = []
    if folders["claims"] is not None:
        claim_files = reader.files(folders["claims"], ".toml")
        if not claim_files and claims_required:
            problems.add(Location("claims"), "no claims files (*.toml)")
        for path in claim_files:
            text = reader.read(path)
            if text is not None:
                parsed = _parse_toml(text, reader.rel(path), problems)
                if parsed is not None:
                    files.append((reader.rel(path), parsed, key_lines(text)))
    located_series, located_claims = _claims(files, problems)
    # A source file that failed to load still names a source: no cascade of "unknown source".
    _cross_check(sources, located_series, located_claims, problems, source_names)
    series = [s for _, s in located_series]
    claims = [c for _, _, c in located_claims]

    lock = None
    if read_lock and (lock_path := reader.optional(LOCK_NAME)) is not None:
        text = reader.read(lock_path)
        if text is not None:
            # Pins are checked against the claims only when those loaded cleanly (no cascade).
            quotes = None if problems else {c.id: [q.text for q in c.quotes] for c in claims}
            try:
                lock = Lock.from_toml(text, LOCK_NAME, claims=quotes)
            except LoadError as exc:
                problems.items.extend(exc.problems)
    problems.raise_if_any()
    return Loaded(tuple(sources), tuple(series), tuple(claims), lock)


def load_sources(root: str | Path, *, max_source_bytes: int | None = None
                 ) -> tuple[Source, ...]:
    """The sources of ``root/sources`` (none when it has no such folder), read exactly as
    :func:`load_case` reads them; claims and the lock are not read. Raises LoadError
    listing every source file that does not load (``factcheck add`` reads the case so).
    """
    reader = _open(root, max_source_bytes)
    folder = reader.folder("sources", required=False)
    reader.problems.raise_if_any()
    sources, _ = reader.sources(folder)
    reader.problems.raise_if_any()
    return tuple(sources)


def _open(root: str | Path, max_source_bytes: int | None) -> _Reader:
    """A reader of the case folder *root*; LoadError when it is not a folder."""
    limit = source_limit(max_source_bytes)
    root = Path(root)
    where = str(root)
    try:
        real_root = root.resolve(strict=True)
        is_dir = real_root.is_dir()
    except (OSError, RuntimeError, ValueError) as exc:
        raise LoadError([Problem(Location(where), f"no such folder ({why(exc)})")]) from None
    if not is_dir:
        raise LoadError([Problem(Location(where), "not a folder: name the case folder, "
                                                  "which holds claims/ and sources/")])
    return _Reader(root, real_root, limit, Problems())


def source_limit(max_source_bytes: int | None = None) -> int:
    """The most bytes one input file may hold: *max_source_bytes* if given, else
    ``$FACTCHECK_MAX_SOURCE_BYTES``, else 50 MiB. LoadError when that is no positive number."""
    if max_source_bytes is None:
        env = os.environ.get(MAX_BYTES_ENV, "").strip().replace("_", "")
        if not env:
            return DEFAULT_MAX_SOURCE_BYTES
        if not re.fullmatch(r"[0-9]+", env) or int(env) < 1:  # ASCII: not "²" or "٣"
            raise LoadError([Problem(Location(f"${MAX_BYTES_ENV}"),
                                     f"expected a number of bytes such as 104857600, "
                                     f"got {env[:40]!r}")])
        return int(env)
    if isinstance(max_source_bytes, bool) or not isinstance(max_source_bytes, int) \
            or max_source_bytes < 1:
        raise LoadError([Problem(Location("max_source_bytes"),
                                 f"expected a positive number of bytes, got "
                                 f"{max_source_bytes!r}")])
    return max_source_bytes


# -- files -----------------------------------------------------------------------------


class _Reader:
    """Finds and reads the case's files: regular files inside the root, within a size limit."""

    def __init__(self, root: Path, real_root: Path, limit: int, problems: Problems) -> None:
        self.root, self.real_root, self.limit, self.problems = root, real_root, limit, problems
        self.real_folders: dict[Path, Path] = {root: real_root}

    def rel(self, path: Path) -> str:
        try:
            return path.relative_to(self.root).as_posix()
        except ValueError:
            return str(path)

    def _inside(self, path: Path) -> Path | None:
        """The real path of *path* if it stays inside the case; else report and None."""
        rel = self.rel(path)
        parent = self.real_folders.get(path.parent)
        if parent is not None:  # a known folder: only a symlink needs following
            try:
                if not stat.S_ISLNK(os.lstat(path).st_mode):
                    return parent / path.name
            except (OSError, ValueError) as exc:
                self.problems.add(Location(rel), f"cannot be read ({why(exc)})")
                return None
        try:
            real = path.resolve(strict=True)
        except FileNotFoundError:
            self.problems.add(Location(rel), "a symlink to nothing (its target is missing)")
            return None
        except (OSError, RuntimeError, ValueError) as exc:
            self.problems.add(Location(rel), f"cannot be read ({why(exc)})")
            return None
        if real != self.real_root and self.real_root not in real.parents:
            self.problems.add(Location(rel), "a symlink leading outside the case folder "
                                             f"(to {str(real)!r}); copy the file in instead")
            return None
        return real

    def folder(self, name: str, *, required: bool) -> Path | None:
        path = self.root / name
        if not os.path.lexists(path):
            if required:
                self.problems.add(Location(name), f"missing folder: a case needs {name}/")
            return None
        real = self._inside(path)
        if real is None:
            return None
        if not real.is_dir():
            self.problems.add(Location(name), f"not a folder: a case needs {name}/ to be one")
            return None
        self.real_folders[path] = real
        return path

    def optional(self, name: str) -> Path | None:
        path = self.root / name
        return path if os.path.lexists(path) else None

    def files(self, folder: Path | None, suffix: str, skip: Iterable[str] = ()) -> list[Path]:
        if folder is None:
            return []
        try:
            names = sorted(e.name for e in os.scandir(folder))
        except OSError as exc:
            self.problems.add(Location(self.rel(folder)), f"cannot be listed ({why(exc)})")
            return []
        return [folder / n for n in names if n.endswith(suffix) and n not in skip]

    def sources(self, folder: Path | None) -> tuple[list[Source], set[str]]:
        """The sources of the folder's ``*.md`` files, and the id every such file names
        (a file that fails to load still names its source)."""
        sources: list[Source] = []
        names: set[str] = set()
        for path in self.files(folder, ".md", skip=("README.md",)):
            source_id = path.name[: -len(".md")]
            names.add(source_id)
            text = self.read(path)
            if text is not None:
                source = Source.from_text(text, source_id, self.rel(path), self.problems)
                if source is not None:
                    sources.append(source)
        return sources, names

    def read(self, path: Path) -> str | None:
        """The text of one input file, or None with the problem reported."""
        rel = self.rel(path)
        real = self._inside(path)
        if real is None:
            return None
        data = read_bytes(real, self.limit, rel, self.problems)
        return None if data is None else _decode(data, rel, self.problems)


def read_bytes(path: Path, limit: int, rel: str, problems: Problems) -> bytes | None:
    """The bytes of the regular file *path*, at most *limit* of them; None with the problem
    reported as *rel*'s when it is no regular file, is larger or cannot be read.

    A FIFO, a device or a folder is never read from (a FIFO would hang the read)."""
    try:
        info = os.stat(path)
        if not stat.S_ISREG(info.st_mode):
            problems.add(Location(rel), f"not a regular file ({_file_type(info)}); "
                                        "inputs are plain files")
            return None
        if info.st_size > limit:
            problems.add(Location(rel), _too_big(info.st_size, limit))
            return None
        # O_NONBLOCK: a FIFO swapped in after the check above must not hang the read.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0)
                     | getattr(os, "O_NOFOLLOW", 0))
        try:
            if not stat.S_ISREG(os.fstat(fd).st_mode):
                problems.add(Location(rel), "not a regular file; inputs are plain files")
                return None
            chunks, size = [], 0
            while size <= limit and (chunk := os.read(fd, min(1 << 20, limit + 1 - size))):
                chunks.append(chunk)
                size += len(chunk)
        finally:
            os.close(fd)
    except (OSError, ValueError) as exc:  # ValueError: a NUL byte in the path
        problems.add(Location(rel), f"cannot be read ({why(exc)})")
        return None
    data = b"".join(chunks)
    if len(data) > limit:
        problems.add(Location(rel), _too_big(len(data), limit))
        return None
    return data


def _too_big(size: int, limit: int) -> str:
    return (f"{size:,} bytes, over the limit of {limit:,} bytes; raise it with "
            f"max_source_bytes= (Case.load) or ${MAX_BYTES_ENV}")


def _file_type(info: os.stat_result) -> str:
    mode = info.st_mode
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a FIFO"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a plain file"


def _decode(data: bytes, rel: str, problems: Problems) -> str | None:
    """The text of a file, the one place it is normalised: no byte-order mark, and every
    line ending (CRLF, CR) a plain newline, so that lines count the same everywhere."""
    skip = len(_BOM) if data.startswith(_BOM) else 0
    try:
        return data[skip:].decode("utf-8").replace("\r\n", "\n").replace("\r", "\n")
    except UnicodeDecodeError as exc:
        offset = skip + exc.start
        line = len(re.split(rb"\r\n|\r|\n", data[:offset]))
        problems.add(Location(rel, line),
                     f"not UTF-8 text ({exc.reason} at byte {offset}); save the file as UTF-8")
        return None


# -- claims ----------------------------------------------------------------------------


def _parse_toml(text: str, rel: str, problems: Problems) -> Mapping[str, Any] | None:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        line, message = toml_problem(exc, text)
        problems.add(Location(rel, line), message)
        return None


def _claims(files: list[tuple[str, Mapping[str, Any], dict[Any, int]]], problems: Problems
            ) -> tuple[list[tuple[At, Series]], list[tuple[At, Mapping[str, Any], Claim]]]:
    """Every series of every file first (a claim may name a series of another file); each
    with the place of its table (and a claim with its table), for the checks across files."""
    series: list[tuple[At, Series]] = []
    tables: list[tuple[At, Mapping[str, Any]]] = []
    for rel, data, lines in files:
        top = Table(data, At(rel, (), lines), problems, ("series", "claim"),
                    hint=" (a claims file holds [[series]] and [[claim]] tables)")
        for name in ("series", "claim"):
            for i, table in enumerate(top.tables(name, f"[[{name}]]"), 1):
                at = top.at / name / i
                if name == "claim":
                    tables.append((at, table))
                elif (s := Series.from_toml(table, at, problems)) is not None:
                    series.append((at, s))
    kinds: dict[str, Kind] = {}
    for _, s in series:
        kinds.setdefault(s.id, s.kind)
    quantities: dict[str, Quantity | Any] = {}
    claims = [(at, table, c) for at, table in tables
              if (c := Claim.from_toml(table, at, problems, kinds=kinds,
                                       quantities=quantities)) is not None]
    return series, claims


# -- across files ----------------------------------------------------------------------


def _cross_check(sources: list[Source], series: list[tuple[At, Series]],
                 claims: list[tuple[At, Mapping[str, Any], Claim]], problems: Problems,
                 file_ids: set[str]) -> None:
    _unique([(s.location, s) for s in sources], "source", problems)
    _unique([(at.loc("id"), s) for at, s in series], "series", problems)
    _unique([(at.loc("id"), c) for at, _, c in claims], "claim", problems)
    source_ids = {s.id for s in sources} | file_ids
    for at, table, claim in claims:
        for quote_at, quote in _quotes(at, table, claim):
            if quote.source not in source_ids:
                problems.add(
                    quote_at.loc("source"),
                    f"claim {claim.id!r}: unknown source {quote.source!r}"
                    f"{did_you_mean(quote.source, source_ids)}",
                )


def _quotes(at: At, table: Mapping[str, Any], claim: Claim) -> Iterator[tuple[At, Quote]]:
    """The claim's quotes with the places of their tables. A claim keeps the quote tables
    that could be read, in order: each quote's is the next table whose place it names."""
    raw = table.get("quote")
    places = iter([at / "quote" / j for j in range(1, len(raw) + 1)]
                  if isinstance(raw, list) else [])
    for quote in claim.quotes:
        yield next((p for p in places if p.loc() == quote.location), at / "quote"), quote


def _unique(items: Iterable[tuple[Location, Source | Series | Claim]], what: str,
            problems: Problems) -> None:
    """A problem, at the place of its id, for every id defined before."""
    seen: dict[str, Location] = {}
    for id_location, item in items:
        if item.id in seen:
            problems.add(id_location,
                         f"duplicate {what} id {item.id!r} (first defined at {seen[item.id]})")
        else:
            seen[item.id] = item.location
