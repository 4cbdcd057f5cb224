"""The Lock (every pin of a case) and its file format, read into typed values at the door.

:meth:`Lock.from_toml` is the one way in from outside data: every entry is checked key by
key, and all problems are raised together as one :class:`~factcheck.errors.LoadError`,
each naming the file, the line and the key path::

    factcheck.lock:14: quote[3].start: expected a whole number ≥ 0, got 'oops'
    factcheck.lock:2: version: expected 1, got 7; re-pin with `factcheck pin --update`
"""

from __future__ import annotations

import math
import re
import tomllib
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

import attrs

from factcheck._toml import At, Table, key_lines, show_value, toml_problem
from factcheck.anchoring import Anchor
from factcheck.errors import LoadError, Location, LockError, Problem, Problems, did_you_mean
from factcheck.lock._pin import CONTEXT, LOCK_NAME, LOCK_VERSION, METHODS, Pin
from factcheck.model import Claim, Source
from factcheck.tomlw import toml_value

FIELDS = tuple(f.name for f in attrs.fields(Pin))
TOP_KEYS = ("version", "quote")
_SHA256 = re.compile(r"[0-9a-f]{64}")
_REPIN = "re-pin with `factcheck pin --update`"


def _sorted(pins: Iterable[Pin]) -> tuple[Pin, ...]:
    return tuple(sorted(pins, key=lambda p: p.key))


@attrs.frozen
class Lock:
    """Every pin of a case, sorted by claim and quote index, at most one per quote."""

    pins: tuple[Pin, ...] = attrs.field(converter=_sorted)
    _by_key: Mapping[tuple[str, int], Pin] = attrs.field(
        init=False, eq=False, repr=False, hash=False)

    def __attrs_post_init__(self) -> None:
        by_key: dict[tuple[str, int], Pin] = {}
        for p in self.pins:
            if p.key in by_key:
                raise LockError(f"two pins for claim {p.claim!r} quote {p.index}")
            by_key[p.key] = p
        object.__setattr__(self, "_by_key", by_key)

    def get(self, claim: str, index: int) -> Pin | None:
        """The pin of *claim*'s quote number *index* (1-based), if there is one; O(1)."""
        return self._by_key.get((claim, index))

    def to_toml(self) -> str:
        """The lock file's text: deterministic, one table per quote, sorted."""
        out = [
            "# factcheck.lock: where each quote was found, pinned to a version of its source.",
            "# Written by `factcheck pin`; checked by `factcheck check`; "
            "`factcheck pin --update` re-pins.",
            f"version = {LOCK_VERSION}",
        ]
        for p in self.pins:
            out.append("")
            out.append("[[quote]]")
            for name in FIELDS:
                out.append(f"{name} = {toml_value(getattr(p, name))}")
        return "\n".join(out) + "\n"

    @classmethod
    def from_toml(
        cls,
        text: str,
        file: str = LOCK_NAME,
        *,
        claims: Mapping[str, Sequence[str]] | None = None,
    ) -> Lock:
        """Read a lock file's text into typed pins, or raise LoadError listing every problem.

        With *claims* (claim id → the quote texts of that claim, in order), a pin for an
        unknown claim or a quote the claim does not have is a problem too. Two pins for
        the same quote always are.

        >>> Lock.from_toml("version = 1\\n").pins
        ()
        >>> Lock.from_toml("version = true\\n")
        Traceback (most recent call last):
        ...
        factcheck.errors.LoadError: factcheck.lock:1: version: expected 1, got true; \
re-pin with `factcheck pin --update`
        """
        return _Reader(text, file, claims).read()


def pin(claims: Iterable[Claim], sources: Mapping[str, Source],
        anchors: Mapping[tuple[str, int], Anchor]) -> Lock:
    """Pin every found quote: *anchors* maps (claim id, 1-based quote index) to its Anchor."""
    pins = []
    for claim in claims:
        for i, quote in enumerate(claim.quotes, 1):
            a = anchors.get((claim.id, i))
            if a is None or a.start is None or a.end is None or a.method is None:
                continue  # not found: nothing to pin
            start, end = a.start, a.end
            body = sources[quote.source].body
            pins.append(Pin(
                claim=claim.id, index=i, source=quote.source,
                sha256=sources[quote.source].sha256, start=start, end=end,
                exact=body[start:end],
                prefix=body[max(0, start - CONTEXT):start],
                suffix=body[end:end + CONTEXT],
                method=a.method, score=round(float(a.score), 1), quote=quote.text,
            ))
    return Lock(pins)


# -- reading ---------------------------------------------------------------------------

# A field's check returns the value to store, or raises _Bad with what was expected.


class _Bad(Exception):
    pass


def _text(*, empty: bool) -> Callable[[object], str]:
    def check(value: object) -> str:
        if not isinstance(value, str):
            raise _Bad(f"expected a string, got {show_value(value)}")
        if not empty and not value:
            raise _Bad("expected a non-empty string, got ''")
        return value
    return check


def _whole(minimum: int) -> Callable[[object], int]:
    def check(value: object) -> int:
        if not isinstance(value, int) or isinstance(value, bool) or value < minimum:
            raise _Bad(f"expected a whole number ≥ {minimum}, got {show_value(value)}")
        return value
    return check


def _sha256(value: object) -> str:
    if not isinstance(value, str) or not _SHA256.fullmatch(value):
        raise _Bad("expected a sha256 (64 hexadecimal digits, 0-9 and a-f), "
                   f"got {show_value(value)}")
    return value


def _method(value: object) -> str:
    if not isinstance(value, str) or value not in METHODS:
        hint = did_you_mean(value, METHODS) if isinstance(value, str) else ""
        raise _Bad(f"expected one of {', '.join(map(repr, METHODS))}, "
                   f"got {show_value(value)}{hint}")
    return value


def _score(value: object) -> float:
    if (not isinstance(value, int | float) or isinstance(value, bool)
            or not math.isfinite(value) or not 0 <= value <= 100):
        raise _Bad(f"expected a number from 0 to 100, got {show_value(value)}")
    return float(value)


CHECKS: dict[str, Callable[[object], Any]] = {
    "claim": _text(empty=False),
    "index": _whole(1),
    "source": _text(empty=False),
    "sha256": _sha256,
    "start": _whole(0),
    "end": _whole(0),
    "exact": _text(empty=False),
    "prefix": _text(empty=True),
    "suffix": _text(empty=True),
    "method": _method,
    "score": _score,
    "quote": _text(empty=False),
}
assert tuple(CHECKS) == FIELDS, "every Pin field has its check, in order"


class _Reader:
    def __init__(self, text: str, file: str,
                 claims: Mapping[str, Sequence[str]] | None) -> None:
        self.text, self.file, self.claims = text.removeprefix("\ufeff"), file, claims
        self.problems = Problems()
        self.top = At(file, (), key_lines(self.text))

    def read(self) -> Lock:
        try:
            data = tomllib.loads(self.text)
        except tomllib.TOMLDecodeError as exc:
            line, message = toml_problem(exc, self.text)  # "at end of document" has a line too
            raise LoadError([Problem(Location(self.file, line), message)]) from None
        top = Table(data, self.top, self.problems, TOP_KEYS)
        self._version(data)
        pins = self._pins(top.tables("quote", "[[quote]]"))
        self.problems.raise_if_any()
        return Lock(pins)

    def _version(self, data: Mapping[str, Any]) -> None:
        if "version" not in data:
            self.problems.add(self.top.loc("version"),
                              f"missing; expected version = {LOCK_VERSION}")
            return
        version = data["version"]
        if (not isinstance(version, int) or isinstance(version, bool)
                or version != LOCK_VERSION):
            self.problems.add(self.top.loc("version"),
                              f"expected {LOCK_VERSION}, got {show_value(version)}; {_REPIN}")

    def _pins(self, entries: list[Mapping[str, Any]]) -> list[Pin]:
        pins: list[Pin] = []
        first: dict[tuple[str, int], At] = {}  # pin key -> where its entry is
        for i, entry in enumerate(entries, 1):
            at = self.top / "quote" / i
            p = self._pin(at, entry)
            if p is None:
                continue
            if p.key in first:
                where = first[p.key].loc()
                self.problems.add(at.loc(), f"a second pin for claim {p.claim!r} quote "
                                            f"{p.index} (the first is {where.key}, line "
                                            f"{where.line}); {_REPIN}")
                continue
            first[p.key] = at
            if self._fits_claims(at, p):
                pins.append(p)
        return pins

    def _pin(self, at: At, entry: Mapping[str, Any]) -> Pin | None:
        Table(entry, at, self.problems, FIELDS)  # reports unknown keys
        values: dict[str, Any] = {}
        for key, check in CHECKS.items():
            if key not in entry:
                self.problems.add(at.loc(key), "missing")
                continue
            try:
                values[key] = check(entry[key])
            except _Bad as exc:
                self.problems.add(at.loc(key), str(exc))
        if len(values) < len(CHECKS):
            return None
        v = values  # every value checked above
        p = Pin(claim=v["claim"], index=v["index"], source=v["source"], sha256=v["sha256"],
                start=v["start"], end=v["end"], exact=v["exact"], prefix=v["prefix"],
                suffix=v["suffix"], method=v["method"], score=v["score"], quote=v["quote"])
        if p.end < p.start:
            self.problems.add(at.loc("end"),
                              f"expected a whole number ≥ start ({p.start}), got {p.end}")
            return None
        if p.end - p.start != len(p.exact):
            self.problems.add(at.loc("end"),
                              f"expected start + the length of exact ({p.start} + "
                              f"{len(p.exact)} = {p.start + len(p.exact)}), got {p.end}")
            return None
        return p

    def _fits_claims(self, at: At, p: Pin) -> bool:
        if self.claims is None:
            return True
        quotes = self.claims.get(p.claim)
        if quotes is None:
            self.problems.add(at.loc("claim"),
                              f"no claim {p.claim!r} in the claims files"
                              f"{did_you_mean(p.claim, self.claims)}; {_REPIN}")
            return False
        if p.index > len(quotes):
            self.problems.add(at.loc("index"),
                              f"claim {p.claim!r} has {len(quotes)} quote"
                              f"{'' if len(quotes) == 1 else 's'}, not {p.index}; {_REPIN}")
            return False
        return True


__all__ = ["FIELDS", "Lock", "pin"]
