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
from collections.abc import Callable, Iterable
from typing import TypeVar

import attrs

__all__ = ["CorpusError", "FactCheckError", "IngestError", "LoadError", "Location", "LockError",
           "NoArticleText", "OptionsError", "Problem", "QuantityError", "SpanError",
           "TemplateError", "UnknownIdError", "UsageError", "did_you_mean", "lookup"]

T = TypeVar("T")


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


class UsageError(FactCheckError):
    """A command or argument that cannot be carried out (a bad path, an unknown id)."""


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
