"""The conformance table: real-world news phrasings and what factcheck reads in them.

tests/data/news_phrasings.json holds phrasings written from the patterns of wire copy,
sports, disaster, vote, statistics and politics reporting (its ``sources`` note names the
style guides and wire conventions). Each entry lists every figure ``find_quantities``
must find in the text: its span, kind, canonical text and interval. Entries marked
``"expected": "unread"`` are phrasings factcheck leaves unread on purpose, with the reason;
``found`` lists what is read in their text instead, and README.md lists them.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from factcheck.figures import find_quantities, parse_quantity
from factcheck.values import Kind

ROOT = Path(__file__).resolve().parent.parent
TABLE: dict[str, Any] = json.loads(
    (ROOT / "tests" / "data" / "news_phrasings.json").read_text(encoding="utf-8")
)
PHRASINGS: list[dict[str, Any]] = TABLE["phrasings"]
DOC = (ROOT / "README.md").read_text(encoding="utf-8")


def _readings(text: str) -> list[dict[str, str]]:
    return [
        {
            "text": m.text,
            "kind": m.quantity.kind.value,
            "str": str(m.quantity),
            "interval": str(m.quantity.interval),
        }
        for m in find_quantities(text)
    ]


@pytest.mark.parametrize("entry", PHRASINGS, ids=[e["id"] for e in PHRASINGS])
def test_phrasing(entry: dict[str, Any]) -> None:
    text = entry["text"]
    got = _readings(text)
    if entry["expected"] == "unread":
        assert got == entry["found"], f"{text!r}: the unread phrasing now reads differently"
        assert entry["span"] not in [g["text"] for g in got]
    else:
        assert got == entry["expected"], f"{text!r}"
    for m in find_quantities(text):
        assert parse_quantity(m.text) == m.quantity, m.text
        assert text[m.start : m.end] == m.text
    if "parse" in entry:
        assert str(parse_quantity(text)) == entry["parse"]


def test_table_is_large_and_sourced() -> None:
    assert len(PHRASINGS) >= 300
    assert len({e["id"] for e in PHRASINGS}) == len(PHRASINGS)
    assert "AP Stylebook" in TABLE["sources"] and "press.un.org" in TABLE["sources"]
    kinds = {m["kind"] for e in PHRASINGS if e["expected"] != "unread" for m in e["expected"]}
    assert kinds == {k.value for k in Kind}


@pytest.mark.parametrize(
    "entry", [e for e in PHRASINGS if e["expected"] == "unread"],
    ids=[e["id"] for e in PHRASINGS if e["expected"] == "unread"],
)
def test_unread_phrasings_are_documented(entry: dict[str, Any]) -> None:
    """Every phrasing left unread is named in README.md, with its reason."""
    assert entry["reason"]
    assert f"“{entry['span']}”" in DOC, entry["span"]
