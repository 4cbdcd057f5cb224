"""The exception tree and the locations errors point at.

Every error a user can cause is a :class:`FactCheckError`; problems found while
loading files are collected and raised together as one :class:`LoadError`, which
prints like a compiler::

    claims/years.toml:12: claim[3].quote[1].source: unknown source 'yonhap-2025-1120'
        (did you mean 'yonhap-2025-11-20'?)
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable

import attrs


@attrs.frozen
class Location:
    """Where in the user's files something came from: file, 1-based line, key path."""

    file: str
    line: int | None = None
    key: str = ""

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        return f"{where}: {self.key}" if self.key else where


@attrs.frozen
class Problem:
    """One thing wrong with the input, and where it is."""

    location: Location
    message: str

    def __str__(self) -> str:
        return f"{self.location}: {self.message}"


class FactCheckError(Exception):
    """Root of every error factcheck raises on purpose."""


class LoadError(FactCheckError):
    """The case's files could not be read into the model; carries every problem found."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems: tuple[Problem, ...] = tuple(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


class QuantityError(FactCheckError, ValueError):
    """A text could not be read as a quantity."""


class LockError(FactCheckError):
    """The lock file is missing, unreadable or does not fit the case."""


def did_you_mean(name: str, known: Iterable[str]) -> str:
    """A " (did you mean 'x'?)" suffix when *name* is close to a known name, else "".

    >>> did_you_mean("yonhap-2025-1120", ["yonhap-2025-11-20", "ians"])
    " (did you mean 'yonhap-2025-11-20'?)"
    >>> did_you_mean("zzz", ["yonhap"])
    ''
    """
    close = difflib.get_close_matches(name, sorted(known), n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""
