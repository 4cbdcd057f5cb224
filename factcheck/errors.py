"""The whole exception tree, and the locations errors point at.

Every error a user can cause is a :class:`FactCheckError`; nothing else leaves the
library on purpose. Problems found while loading files are collected and raised
together as one :class:`LoadError`, which prints like a compiler::

    claims/years.toml:12: claim[3].quote[1].source: unknown source 'yonhap-2025-1120'
        (did you mean 'yonhap-2025-11-20'?)

The tree::

    FactCheckError              anything factcheck refuses, with a message for people
    ├── LoadError               the case's files (claims, sources, lock): every Problem at once
    ├── UsageError              a command or argument that cannot be carried out
    │   └── WriteError          an output file that cannot or must not be written
    ├── LockError               the lock does not fit the case
    ├── QuantityError           a text that does not read as a quantity   (also a ValueError)
    ├── OptionsError            anchoring options out of range            (also a ValueError)
    ├── CorpusError             a corpus that cannot be built or asked    (also a ValueError)
    ├── SpanError               a span that does not fit its text         (also an IndexError)
    ├── UnknownIdError          no source, claim or series by that id     (also a KeyError)
    ├── IngestError             a page, URL or web archive that cannot be added as a source
    │   └── NoArticleText       a page with no article text
    └── TemplateError           a brief template that cannot be read or rendered (file:line)
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterable
from typing import TypeVar

import attrs

__all__ = ["CorpusError", "FactCheckError", "IngestError", "LoadError", "Location", "LockError",
           "NoArticleText", "OptionsError", "Problem", "Problems", "QuantityError", "SpanError",
           "TemplateError", "UnknownIdError", "UsageError", "WriteError", "did_you_mean",
           "lookup", "printable"]

T = TypeVar("T")


@attrs.frozen
class Location:
    """Where in the user's files something came from: file, 1-based line, key path."""

    file: str
    line: int | None = None
    key: str = ""

    def __str__(self) -> str:
        file = printable(self.file)
        where = file if self.line is None else f"{file}:{self.line}"
        return f"{where}: {printable(self.key)}" if self.key else where

    @property
    def sort_key(self) -> tuple[str, int, str]:
        return (self.file, self.line or 0, self.key)


@attrs.frozen
class Problem:
    """One thing wrong with the input, and where it is."""

    location: Location
    message: str

    def __str__(self) -> str:
        return f"{self.location}: {printable(self.message)}"


class Problems:
    """A collector of problems, so that one load reports all of them together.

    The ``from_toml`` constructors of the model add to one when given it; without one,
    they raise a :class:`LoadError` themselves.
    """

    def __init__(self) -> None:
        self.items: list[Problem] = []

    def add(self, location: Location, message: str) -> None:
        self.items.append(Problem(location, message))

    def __bool__(self) -> bool:
        return bool(self.items)

    def __len__(self) -> int:
        return len(self.items)

    def raise_if_any(self) -> None:
        if self.items:
            raise LoadError(self.items)


class FactCheckError(Exception):
    """Root of every error factcheck raises on purpose."""


class LoadError(FactCheckError):
    """The case's files could not be read into the model; carries every problem found."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        unique = dict.fromkeys(problems)  # the same problem found twice is reported once
        # sorted by file, line and key path, so that the report reads top to bottom
        self.problems: tuple[Problem, ...] = tuple(
            sorted(unique, key=lambda p: (p.location.sort_key, p.message)))
        super().__init__("\n".join(str(p) for p in self.problems))


class QuantityError(FactCheckError, ValueError):
    """A text could not be read as a quantity."""


class LockError(FactCheckError):
    """The lock file is missing, unreadable or does not fit the case."""


class UsageError(FactCheckError):
    """A command or argument that cannot be carried out (a bad path, an unknown id)."""


class WriteError(UsageError):
    """An output file that cannot be written (a full disk, a missing folder) or must not be
    (the case's own inputs, a symlink, a device); the message names the path."""


class OptionsError(FactCheckError, ValueError):
    """An :class:`~factcheck.anchoring.AnchorOptions` value is out of range."""


class CorpusError(FactCheckError, ValueError):
    """A corpus cannot be built as asked, or a source id is not in it."""


class SpanError(FactCheckError, IndexError):
    """A span does not fit the normalised text it is applied to."""


class UnknownIdError(FactCheckError, KeyError):
    """No source, claim or series has the id asked for (the message has a "did you mean")."""

    def __str__(self) -> str:  # KeyError would print the message in quotes
        return str(self.args[0]) if self.args else ""


def lookup(items: Iterable[T], key: str, id_of: Callable[[T], str], what: str) -> T:
    """The item whose id is *key*; :class:`UnknownIdError` with a "did you mean" otherwise.

    >>> lookup(["ab", "cd"], "cd", str, "source")
    'cd'
    >>> lookup(["yonhap"], "yonhap2", str, "source")
    Traceback (most recent call last):
    ...
    factcheck.errors.UnknownIdError: no source 'yonhap2' (did you mean 'yonhap'?)
    """
    items = tuple(items)
    for item in items:
        if id_of(item) == key:
            return item
    raise UnknownIdError(f"no {what} {key!r}{did_you_mean(key, [id_of(i) for i in items])}")


class IngestError(FactCheckError):
    """A page, URL or web archive that cannot be added as a source (unreadable, offline,
    already added)."""


class NoArticleText(IngestError):
    """A page with no article text to make a source of."""


def did_you_mean(name: str, known: Iterable[str]) -> str:
    """A " (did you mean 'x'?)" suffix when *name* is close to a known name, else "".

    >>> did_you_mean("yonhap-2025-1120", ["yonhap-2025-11-20", "ians"])
    " (did you mean 'yonhap-2025-11-20'?)"
    >>> did_you_mean("zzz", ["yonhap"])
    ''
    """
    close = difflib.get_close_matches(name, sorted(known), n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""


class TemplateError(FactCheckError):
    """A brief template that cannot be read or rendered; names the template file and line."""


_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def printable(text: str) -> str:
    """*text* on one line: control characters (newlines too) shown as escapes.

    >>> printable("a\\nb\\x1b[31m")
    'a\\\\nb\\\\x1b[31m'
    """
    return _UNPRINTABLE.sub(lambda m: repr(m.group())[1:-1], text)
