"""Pinning: record where every quote was found, and tell later whether it still stands.

``factcheck pin`` writes ``factcheck.lock`` (TOML, one ``[[quote]]`` table per quote,
sorted, so that it diffs well) from a check's anchors. A later check compares each quote
with its pin:

* **unchanged** — the source is byte-identical, or the pinned words still sit at the pinned span;
* **moved** — the source changed and the pinned words are found elsewhere (new span reported);
* **altered** — the pinned passage now reads differently; the claim becomes *stale* and the
  report shows old and new wording side by side;
* **orphaned** — the passage cannot be found any more (or its source is gone);
* **unpinned** — the claim's quote is not in the lock (new, or edited since pinning).
"""

from __future__ import annotations

import difflib
import json
import re
import tomllib
from collections.abc import Iterable, Mapping
from typing import Literal

import attrs

from factcheck.anchoring import Anchor, anchor
from factcheck.errors import LockError
from factcheck.model import Claim, Source

LOCK_NAME = "factcheck.lock"
LOCK_VERSION = 1
CONTEXT = 32

PinStatus = Literal["unchanged", "moved", "altered", "orphaned", "unpinned"]


@attrs.frozen
class Pin:
    """Where one quote of one claim was found, in one version of its source."""

    claim: str
    index: int  # 1-based position of the quote in its claim
    source: str
    sha256: str
    start: int
    end: int
    exact: str  # the source's own text at [start, end)
    prefix: str
    suffix: str
    method: str
    score: float
    quote: str  # the quote as the claims file words it, to notice edits


@attrs.frozen
class Lock:
    pins: tuple[Pin, ...]

    def get(self, claim: str, index: int) -> Pin | None:
        return next((p for p in self.pins if p.claim == claim and p.index == index), None)

    def to_toml(self) -> str:
        """The lock file's text: deterministic, one table per quote, sorted."""
        out = [
            "# factcheck.lock: where each quote was found, pinned to a version of its source.",
            "# Written by `factcheck pin`; checked by `factcheck check`; "
            "`factcheck pin --update` re-pins.",
            f"version = {LOCK_VERSION}",
        ]
        for pin in sorted(self.pins, key=lambda p: (p.claim, p.index)):
            out.append("")
            out.append("[[quote]]")
            for field in attrs.fields(Pin):
                out.append(f"{field.name} = {toml_value(getattr(pin, field.name))}")
        return "\n".join(out) + "\n"

    @classmethod
    def parse(cls, text: str, where: str = LOCK_NAME) -> Lock:
        """Read a lock file's text; raises LockError naming the file and the entry."""
        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            raise LockError(f"{where}: invalid TOML: {exc}") from None
        if data.get("version") != LOCK_VERSION:
            raise LockError(f"{where}: version: expected {LOCK_VERSION}, got "
                            f"{data.get('version')!r}; re-pin with `factcheck pin --update`")
        pins = []
        names = [f.name for f in attrs.fields(Pin)]
        for i, entry in enumerate(data.get("quote", []), 1):
            missing = [n for n in names if n not in entry]
            if missing:
                raise LockError(f"{where}: quote[{i}]: missing {', '.join(missing)}")
            try:
                pins.append(Pin(**{n: entry[n] for n in names}))
            except TypeError as exc:
                raise LockError(f"{where}: quote[{i}]: {exc}") from None
        return cls(tuple(pins))


def toml_value(value: object) -> str:
    """A TOML literal for a string or number (strings as basic strings)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    # JSON's string escapes are valid TOML basic-string escapes; TOML also forbids a raw DEL.
    return json.dumps(str(value), ensure_ascii=False).replace("\x7f", "\\u007f")


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
    return Lock(tuple(pins))


@attrs.frozen
class PinCheck:
    """How a pinned quote fares against the current source."""

    status: PinStatus
    pin: Pin | None
    start: int | None = None  # the current span, when found
    end: int | None = None
    now: str = ""  # the current wording at that span
    changes: tuple[tuple[str, str], ...] = ()  # (old words, new words) for an altered passage

    @property
    def ok(self) -> bool:
        return self.status in ("unchanged", "moved", "unpinned")

    def describe(self) -> str:
        p = self.pin
        if p is None:
            return "not pinned"
        if self.status == "unchanged":
            return f"unchanged at {p.start}–{p.end}"
        if self.status == "moved":
            return f"moved from {p.start}–{p.end} to {self.start}–{self.end}"
        if self.status == "orphaned":
            return f"orphaned: the pinned passage is no longer in `{p.source}`"
        changed = "; ".join(f"“{old}” → “{new}”" for old, new in self.changes)
        return (f"altered in `{p.source}` ({changed}): was “{p.exact}”, now “{self.now}”")


_WORDS = re.compile(r"\S+")


def _changes(old: str, new: str) -> tuple[tuple[str, str], ...]:
    a, b = _WORDS.findall(old), _WORDS.findall(new)
    out = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if op != "equal":
            out.append((" ".join(a[i1:i2]), " ".join(b[j1:j2])))
    return tuple(out)


def verify(p: Pin | None, quote_text: str, source: Source | None) -> PinCheck:
    """Check one pinned quote against the current version of its source."""
    if p is None or p.quote != quote_text:
        return PinCheck("unpinned", None)
    if source is None:
        return PinCheck("orphaned", p)
    body = source.body
    if source.sha256 == p.sha256 or body[p.start:p.end] == p.exact:
        return PinCheck("unchanged", p, p.start, p.end, p.exact)
    # The pinned context still in place: whatever now lies between it is the passage.
    region = _between(body, p)
    if region is not None:
        start, end = region
        now = body[start:end]
        if now == p.exact:
            return PinCheck("moved", p, start, end, now)
        return PinCheck("altered", p, start, end, now, _changes(p.exact, now))
    # Elsewhere, with its old context first; then on its own words (a moved paragraph
    # takes the passage away from the context it had).
    for context in ((p.prefix, p.suffix), ("", "")):
        found = anchor(p.exact, body, prefix=context[0], suffix=context[1], hint=p.start)
        if found.found and found.start is not None and found.end is not None:
            now = body[found.start:found.end]
            if now == p.exact:
                return PinCheck("moved", p, found.start, found.end, now)
            return PinCheck("altered", p, found.start, found.end, now, _changes(p.exact, now))
    return PinCheck("orphaned", p)


def _between(body: str, p: Pin) -> tuple[int, int] | None:
    """The span between the pin's prefix and suffix, where both still stand close together."""
    if not p.prefix and not p.suffix:
        return None
    room = 2 * len(p.exact) + 16
    if p.prefix:
        starts = [m.end() for m in re.finditer(re.escape(p.prefix), body)]
    else:
        starts = [0]
    for pe in sorted(starts, key=lambda s: (abs(s - p.start), s)):
        if p.suffix:
            ss = body.find(p.suffix, pe, pe + room + len(p.suffix))
        else:
            ss = len(body) if len(body) - pe <= room else -1
        if ss != -1:
            return pe, ss
    return None
