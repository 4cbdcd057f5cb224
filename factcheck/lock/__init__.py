"""Pinning: record where every quote was found, and tell later whether it still stands.

``factcheck pin`` writes ``factcheck.lock`` (TOML, one ``[[quote]]`` table per quote,
sorted by claim and quote, so that it diffs well). :meth:`Lock.from_toml` reads it back
into typed :class:`Pin` values, refusing a malformed entry with a
:class:`~factcheck.errors.LoadError` that names the file, the line and the key. A later
check compares each quote with its pin (:func:`verify`), always by the pinned words:

* **unchanged** — the pinned words still stand at the pinned span;
* **moved** — the pinned words stand elsewhere (text was inserted or removed around them,
  or their paragraph moved); the new span is reported;
* **altered** — the pinned words themselves changed (or now run on into a letter or digit
  they did not have); the claim becomes *stale*, and old and new words are shown;
* **orphaned** — the passage cannot be found any more (or its source is gone);
* **unpinned** — the quote has no pin (new, or its pin was removed), or the claims file
  words it differently from the pin (edited since pinning).

Modules: ``_pin`` (the Pin value and :func:`pin`), ``_lock`` (the Lock and its file
format), ``_verify`` (:func:`verify` and :class:`PinCheck`).
"""

from factcheck.lock._lock import Lock, pin
from factcheck.lock._pin import CONTEXT, LOCK_NAME, LOCK_VERSION, METHODS, Pin
from factcheck.lock._verify import PinCheck, PinStatus, verify

__all__ = [
    "CONTEXT",
    "LOCK_NAME",
    "LOCK_VERSION",
    "METHODS",
    "Lock",
    "Pin",
    "PinCheck",
    "PinStatus",
    "pin",
    "verify",
]
