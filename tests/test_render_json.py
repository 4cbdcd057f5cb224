"""check --format json: structured dates, plain-text explanations, a shipped JSON Schema."""

from __future__ import annotations

import json
from importlib.resources import files
from pathlib import Path

import jsonschema
import pytest

from factcheck import Case
from tests.conftest import ROOT


def schema() -> dict[str, object]:
    text = files("factcheck").joinpath("schema/report.schema.json").read_text(encoding="utf-8")
    data: dict[str, object] = json.loads(text)
    return data


def test_schema_is_valid_draft_2020_12() -> None:
    jsonschema.Draft202012Validator.check_schema(schema())
    assert schema()["$schema"] == "https://json-schema.org/draft/2020-12/schema"


def test_bundled_output_validates() -> None:
    data = json.loads(Case.load(ROOT).check().to_json())
    jsonschema.Draft202012Validator(
        schema(), format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER).validate(data)


def test_an_unsupported_conflicting_case_validates(case_dir: Path) -> None:
    path = case_dir / "claims" / "cosponsors.toml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        'text = "adopted the resolution, co-sponsored by 61 countries"',
        'text = "The Security Council vetoed a motion on fisheries quotas"'), encoding="utf-8")
    path = case_dir / "claims" / "adoption-years.toml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        'value = "21 straight years"', 'value = "19 straight years"'), encoding="utf-8")
    data = json.loads(Case.load(case_dir).check().to_json())
    jsonschema.validate(data, schema())
    claim = next(c for c in data["claims"] if c["id"] == "cosponsored-by-61")
    assert "nearest" in claim["quotes"][0]


def test_dates_and_intervals_are_structured_and_text_is_plain() -> None:
    data = json.loads(Case.load(ROOT).check().to_json())
    claims = {c["id"]: c for c in data["claims"]}
    assert claims["introduced-21-straight-years"]["as_of"] == {"start": "2025-11-19",
                                                               "end": "2025-11-19"}
    assert claims["committee-20th-consecutive-year"]["as_of"] == {"start": "2024-01-01",
                                                                  "end": "2024-11-30"}
    series = {s["id"]: s for s in data["series"]}
    assert series["adoption-years"]["first_year"] == {"start": 2005, "end": 2005}
    text = json.dumps(data)
    assert "`" not in text
    assert "assembly-16th-year counts" in " ".join(
        r for s in data["sources"] for r in s["inferred_reasons"])


@pytest.mark.parametrize("bad", [{"as_of": "2025-11-19"}, {"reason": "see `x`"}])
def test_the_schema_rejects_display_strings_and_markdown(bad: dict[str, str]) -> None:
    data = json.loads(Case.load(ROOT).check().to_json())
    data["claims"][0].update(bad)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, schema())


def test_a_locked_case_with_a_changed_source_validates(case_dir: Path) -> None:
    from factcheck.cli import main

    assert main(["pin", "--root", str(case_dir)]) == 0
    path = case_dir / "sources" / "004-undated-taipei.md"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "lapsed in 2022", "lapsed in 2021"), encoding="utf-8")
    data = json.loads(Case.load(case_dir).check().to_json())
    jsonschema.validate(data, schema())
    pins = [q["pin"]["status"] for c in data["claims"] for q in c["quotes"]]
    assert "altered" in pins and "unchanged" in pins
