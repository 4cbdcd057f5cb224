"""English number words and numeric tokens: "twenty-one", "142nd", "6,000", "1.5 million"."""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal
from typing import TypeAlias

import attrs

from factcheck.values.numbers import Number, _canon, _words_list

__all__ = ["Atom", "parse_number", "parse_ordinal"]

# -- number words ------------------------------------------------------------------------

_UNITS = {
    w: i for i, w in enumerate(_words_list("one two three four five six seven eight nine"), 1)
}
_TEENS = {
    w: i
    for i, w in enumerate(
        _words_list(
            "ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen"
        ),
        10,
    )
}
_TENS = {
    w: 10 * i
    for i, w in enumerate(_words_list("twenty thirty forty fifty sixty seventy eighty ninety"), 2)
}
_SCALES = {
    w: 10 ** (3 * i)
    for i, w in enumerate(
        _words_list(
            "thousand million billion trillion quadrillion quintillion sextillion septillion "
            "octillion nonillion decillion"
        ),
        1,
    )
}
_DIGIT_WORDS = {"zero": 0, **_UNITS}


def _ordinal_words() -> dict[str, str]:
    table = {
        "zeroth": "zero",
        "first": "one",
        "second": "two",
        "third": "three",
        "fourth": "four",
        "fifth": "five",
        "sixth": "six",
        "seventh": "seven",
        "eighth": "eight",
        "ninth": "nine",
        "twelfth": "twelve",
        "hundredth": "hundred",
    }
    for w in _TEENS:
        table.setdefault(w + "th", w)
    for w in _TENS:
        table[w[:-1] + "ieth"] = w
    for w in _SCALES:
        table[w + "th"] = w
    del table["twelveth"]
    return table


_ORDINAL_WORDS = _ordinal_words()
_NUMBER_VOCAB = frozenset(
    {"zero", "a", "and", "point", "hundred", "hundreds", "dozen"}
    | set(_UNITS)
    | set(_TEENS)
    | set(_TENS)
    | set(_SCALES)
    | {w + "s" for w in _SCALES}
    | set(_ORDINAL_WORDS)
)

Atom: TypeAlias = str | int | Decimal


@attrs.frozen
class _Reading:
    value: Number
    end: int  # atoms consumed
    ordinal: bool
    dozen: bool


_GROUP = ("u", "t", "T", "Tu")
_COMPLETE = frozenset({"zero", "u", "t", "T", "Tu", "h", "hT", "hx", "num", "scaled", "done"})


def _read(  # noqa: C901 - a state machine reads best in one place
    atoms: Sequence[Atom],
    boundary: Sequence[bool],
    *,
    ordinal_ok: bool,
    signed: bool = False,
) -> _Reading | None:
    """The longest well-formed number at the start of *atoms* that ends on a boundary.

    *atoms* are lower-case words (hyphenated words split) or the value of a run of
    digits, which may only come first; ``boundary[k]`` says whether a number may end
    after *k* atoms (not inside a hyphenated word).
    """
    best: _Reading | None = None
    k, sign = 0, 1
    if signed and atoms and atoms[0] in ("minus", "negative"):
        k, sign = 1, -1
    total: Number = 0
    group: Number = 0
    state = "start"
    last_scale: int | None = None
    ordinal = dozen = False
    while k < len(atoms):
        atom = atoms[k]
        is_ord = isinstance(atom, str) and ordinal_ok and atom in _ORDINAL_WORDS
        if is_ord:
            assert isinstance(atom, str)
            atom = _ORDINAL_WORDS[atom]
        if not isinstance(atom, str):
            if state != "start":
                break
            group, state = atom, "num"
        elif atom == "zero":
            if state != "start":
                break
            state = "zero"
        elif atom == "a":
            if state != "start" or is_ord:
                break
            state = "a"
        elif atom in _UNITS:
            v = _UNITS[atom]
            if state in ("start", "after_and", "scaled"):
                group, state = v, "u"
            elif state == "T":
                group, state = group + v, "Tu"
            elif state in ("h", "h_and", "hT"):
                group, state = group + v, "hx"
            else:
                break
        elif atom in _TEENS or atom in _TENS:
            v = _TEENS.get(atom) or _TENS[atom]
            tens = atom in _TENS
            if state in ("start", "after_and", "scaled"):
                group, state = v, ("T" if tens else "t")
            elif state in ("h", "h_and"):
                group, state = group + v, ("hT" if tens else "hx")
            else:
                break
        elif atom in ("hundred", "hundreds"):
            if state in _GROUP or (state == "num" and isinstance(group, int) and group <= 99):
                group, state = group * 100, "h"
            elif atom == "hundred" and state in ("start", "a"):
                group, state = 100, "h"
            else:
                break
        elif atom in _SCALES or (atom[-1:] == "s" and atom[:-1] in _SCALES):
            scale = _SCALES.get(atom) or _SCALES[atom[:-1]]
            if last_scale is not None and scale >= last_scale:
                break
            if state in (*_GROUP, "h", "hT", "hx", "num", "dec"):
                mult = group
            elif atom in _SCALES and state in ("start", "a"):
                mult = 1
            else:
                break
            ends_here = state == "dec" or isinstance(mult, Decimal)
            total, group, last_scale = total + mult * scale, 0, scale
            state = "done" if ends_here else "scaled"
        elif atom == "dozen":
            if is_ord or last_scale is not None:
                break
            if state == "a":
                group = 12
            elif state in _GROUP:
                group = group * 12
            else:
                break
            state, dozen = "done", True
        elif atom == "and":
            if state == "h":
                state = "h_and"
            elif state == "scaled":
                state = "after_and"
            else:
                break
        elif atom == "point":
            if state not in ("start", "zero", *_GROUP, "h", "hT", "hx"):
                break
            m = k + 1
            digits = ""
            while m < len(atoms) and isinstance(atoms[m], str) and atoms[m] in _DIGIT_WORDS:
                digits += str(_DIGIT_WORDS[str(atoms[m])])
                m += 1
            if not digits:
                break
            group, state, k = group + Decimal("0." + digits), "dec", m
            if boundary[k]:
                best = _Reading(_canon(sign * (total + group)), k, False, False)
            continue
        else:
            break
        k += 1
        if is_ord:
            ordinal, state = True, "done"
        if state in _COMPLETE and boundary[k]:
            best = _Reading(_canon(sign * (total + group)), k, ordinal, dozen)
        if state == "done":
            break
    return best


def _split_words(text: str) -> list[str]:
    return text.lower().replace("’", "'").split("-")


def _whole_atoms(words: str) -> tuple[list[Atom], list[bool]] | None:
    """Atoms of a whole string for :func:`parse_number` / :func:`parse_ordinal`."""
    atoms: list[Atom] = []
    boundary = [True]
    toks = _tokenize(words)
    for idx, t in enumerate(toks):
        if t.kind == "num":
            atoms.append(t.value)
            boundary.append(True)
        elif t.kind == "word":
            parts = _split_words(t.text)
            atoms.extend(parts)
            boundary.extend([False] * (len(parts) - 1) + [True])
        elif t.kind == "dash" and idx == 0 and len(toks) == 2 and toks[1].kind == "num":
            if not toks[1].glued:
                return None
            atoms.append("minus")
            boundary.append(False)
        else:
            return None
    return atoms, boundary


def parse_number(words: str) -> int | float | None:
    """The number a whole string spells, in digits or English words; ``None`` if it is not one.

    Decimals come back as ``float``. "a dozen" is 12. A year read as two pairs of
    digits ("nineteen ninety") is not a number here: it is two numbers.

    >>> parse_number("twenty-one"), parse_number("one hundred and forty two"), parse_number("6,000")
    (21, 142, 6000)
    >>> parse_number("1.5 million"), parse_number("two point three"), parse_number("sixty fifteen")
    (1500000, 2.3, None)
    """
    if not isinstance(words, str):
        return None
    whole = _whole_atoms(words)
    if whole is None or not whole[0]:
        return None
    atoms, boundary = whole
    reading = _read(atoms, boundary, ordinal_ok=False, signed=True)
    if reading is None or reading.end != len(atoms):
        return None
    return float(reading.value) if isinstance(reading.value, Decimal) else reading.value


def parse_ordinal(words: str) -> int | None:
    """The ordinal a whole string spells ("twenty-first", "21st"); ``None`` if it is not one.

    Only ordinals count: a cardinal ("fifty five") is not an ordinal, and an ordinal
    word must come last ("fiftieth fifth" is no number).

    >>> parse_ordinal("twenty-first"), parse_ordinal("21st"), parse_ordinal("fourteenth")
    (21, 21, 14)
    >>> parse_ordinal("one hundred and forty second"), parse_ordinal("fifty five")
    (142, None)
    """
    if not isinstance(words, str):
        return None
    toks = _tokenize(words)
    if len(toks) == 1 and toks[0].kind == "ord":
        value = toks[0].value
        return value if isinstance(value, int) else None
    whole = _whole_atoms(words)
    if whole is None or not whole[0]:
        return None
    atoms, boundary = whole
    reading = _read(atoms, boundary, ordinal_ok=True)
    if reading is None or reading.end != len(atoms) or not reading.ordinal:
        return None
    return reading.value if isinstance(reading.value, int) else None


# -- tokens ------------------------------------------------------------------------------

_TOKEN_RE = re.compile(
    r"(?P<ord>(?:\d{1,3}(?:,\d{3})+|\d+)(?i:st|nd|rd|th)(?![^\W_]))"
    r"|(?P<num>(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)"
    r"|(?P<word>[^\W\d_]+(?:['’][^\W\d_]+)*(?:-[^\W\d_]+(?:['’][^\W\d_]+)*)*)"
    r"|(?P<dash>[-‐‑‒–—―−])"
    r"|(?P<punct>\S)"
)


@attrs.frozen
class _Tok:
    kind: str  # "ord", "num", "word", "dash", "punct"
    text: str
    start: int
    end: int
    glued: bool  # no space between the previous token and this one
    newline_before: bool

    @property
    def low(self) -> str:
        return self.text.lower().replace("’", "'")

    @property
    def value(self) -> Number:
        digits = re.sub(r"[^\d.]", "", self.text)
        return _canon(Decimal(digits)) if "." in digits else int(digits)

    @property
    def plain_int(self) -> bool:
        return self.kind == "num" and self.text.isdigit()


def _tokenize(text: str) -> list[_Tok]:
    toks: list[_Tok] = []
    prev_end = 0
    for m in _TOKEN_RE.finditer(text):
        kind = m.lastgroup
        assert kind is not None
        gap = text[prev_end : m.start()]
        toks.append(_Tok(kind, m.group(), m.start(), m.end(), bool(toks) and not gap, "\n" in gap))
        prev_end = m.end()
    return toks
