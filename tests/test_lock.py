"""Pinning quotes to a version of their source, and noticing when the source changes."""

from __future__ import annotations

import json
from pathlib import Path

import attrs
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from factcheck import Case, Source
from factcheck.anchoring import anchor
from factcheck.cli import main
from factcheck.lock import LOCK_NAME, Lock, Pin, pin, verify
from factcheck.model import Claim, Quote

BODY = ("The committee met on Wednesday. The resolution, introduced for 21 straight years, "
        "condemns the violations. It was co-sponsored by 61 countries.")


def pinned(body: str, quote: str) -> tuple[Pin, Source]:
    source = Source("s", body)
    claim = Claim("c", "x", quotes=(Quote("s", quote),))
    lock = pin([claim], {"s": source}, {("c", 1): anchor(quote, body)})
    (p,) = lock.pins
    return p, source


def test_unchanged_moved_altered_orphaned() -> None:
    quote = "introduced for 21 straight years"
    p, source = pinned(BODY, quote)
    assert verify(p, quote, source).status == "unchanged"
    moved = Source("s", "A new opening paragraph. " + BODY)
    check = verify(p, quote, moved)
    assert check.status == "moved" and check.start == p.start + 25
    altered = Source("s", BODY.replace("21 straight", "22 straight"))
    check = verify(p, quote, altered)
    assert check.status == "altered" and check.changes == (("21", "22"),)
    assert "“21” → “22”" in check.describe()
    gone = Source("s", "Nothing of the sort is said here at all, by anyone, ever.")
    assert verify(p, quote, gone).status == "orphaned"
    assert verify(p, quote, None).status == "orphaned"
    assert verify(p, "an edited quote", source).status == "unpinned"


def test_lock_text_round_trips_and_is_sorted() -> None:
    p, _ = pinned(BODY, "co-sponsored by 61 countries")
    q = attrs.evolve(p, claim="a", exact='odd "chars"\\ \x7f\n\t')
    lock = Lock((p, q))
    text = lock.to_toml()
    assert Lock.parse(text) == Lock(tuple(sorted(lock.pins, key=lambda x: (x.claim, x.index))))
    assert text.index('claim = "a"') < text.index('claim = "c"')


@given(st.text(min_size=60, max_size=300), st.data())
def test_a_one_character_change_inside_a_pinned_passage_is_reported_as_altered(
        body: str, data: st.DataObject) -> None:
    """Changing one character inside a pinned passage is always 'altered', never unchanged."""
    start = data.draw(st.integers(0, len(body) - 20))
    end = data.draw(st.integers(start + 8, min(len(body), start + 80)))
    quote = body[start:end]
    assume(body.find(quote) == start)
    p = pin([Claim("c", "x", quotes=(Quote("s", quote),))], {"s": Source("s", body)},
            {("c", 1): _at(body, start, end)}).pins[0]
    at = data.draw(st.integers(start, end - 1))
    new_char = data.draw(st.characters(codec="utf-8").filter(lambda ch: ch != body[at]))
    changed = body[:at] + new_char + body[at + 1:]
    check = verify(p, quote, Source("s", changed))
    assert check.status == "altered", (check, p)


def _at(body: str, start: int, end: int):  # type: ignore[no-untyped-def]
    """An exact anchor at a given place (the property pins a chosen occurrence)."""
    from factcheck.anchoring import Anchor

    return Anchor("found", start, end, "exact", 100.0, body[start:end])


def test_bad_lock_file_is_a_load_error(case_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (case_dir / LOCK_NAME).write_text("version = 7\n", encoding="utf-8")
    assert main(["check", "--root", str(case_dir)]) == 2
    assert "factcheck.lock: version: expected 1" in capsys.readouterr().err


# -- through the command, on the bundled case -------------------------------------------


def test_pin_then_change_a_word_exits_1_naming_claim_source_and_word(
        case_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["pin", "--root", str(case_dir)]) == 0
    lock_text = (case_dir / LOCK_NAME).read_text(encoding="utf-8")
    assert main(["pin", "--root", str(case_dir)]) == 0  # idempotent
    assert (case_dir / LOCK_NAME).read_text(encoding="utf-8") == lock_text
    assert main(["check", "--root", str(case_dir)]) == 0
    capsys.readouterr()
    source = case_dir / "sources" / "000-yonhap-2025-11-20.md"
    source.write_text(source.read_text(encoding="utf-8").replace(
        "introduced for 21 straight years", "adopted for 21 straight years"), encoding="utf-8")
    assert main(["check", "--root", str(case_dir)]) == 1
    out = capsys.readouterr().out
    line = next(s for s in out.splitlines() if s.startswith("!! claim"))
    assert "introduced-21-straight-years" in line and "stale" in line
    assert "000-yonhap-2025-11-20" in line and "“introduced” → “adopted”" in line
    assert main(["check", "--root", str(case_dir), "--format", "json"]) == 1
    data = json.loads(capsys.readouterr().out)
    claim = next(c for c in data["claims"] if c["id"] == "introduced-21-straight-years")
    assert claim["verdict"] == "stale"
    assert claim["quotes"][0]["pin"]["changes"] == [{"was": "introduced", "now": "adopted"}]
    brief = Case.load(case_dir).check().brief()
    assert "## Changed since pinned" in brief and "adopted for 21 straight years" in brief
    # pin without --update keeps the old pin and asks for review; --update accepts
    assert main(["pin", "--root", str(case_dir)]) == 1
    assert "--update" in capsys.readouterr().err
    assert main(["pin", "--root", str(case_dir), "--update"]) == 0
    assert main(["check", "--root", str(case_dir)]) == 0


def test_pin_then_move_a_paragraph_reports_moved_and_exits_0(
        case_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["pin", "--root", str(case_dir)]) == 0
    source = case_dir / "sources" / "000-yonhap-2025-11-20.md"
    text = source.read_text(encoding="utf-8")
    para = next(p for p in text.split("\n\n") if p.startswith("The resolution, introduced"))
    text = text.replace(para + "\n\n", "").replace("North Korea has bristled",
                                                  para + "\n\nNorth Korea has bristled")
    source.write_text(text, encoding="utf-8")
    capsys.readouterr()
    assert main(["check", "--root", str(case_dir)]) == 0
    out = capsys.readouterr().out
    assert "pinned quote moved from" in out
