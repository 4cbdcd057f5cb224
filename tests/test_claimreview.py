"""ClaimReview JSON-LD, checked against schema.org's term definitions and examples."""

from __future__ import annotations

import datetime
import json
import re
from pathlib import Path
from typing import Any

import pytest

from factcheck import Case
from factcheck.cli import main
from factcheck.render.claimreview import RATINGS
from tests.conftest import ROOT

DATA = ROOT / "tests" / "data" / "claimreview"
TERMS: dict[str, Any] = {**json.loads((DATA / "terms.json").read_text())["terms"],
                         **json.loads((DATA / "terms_extra.json").read_text())["terms"]}
EXAMPLES = json.loads((DATA / "examples.json").read_text())["examples"]
REQUIRED = json.loads((DATA / "requirements.json").read_text())[
    "google_search_requirements"]["ClaimReview"]["required"]


def ancestors(cls: str) -> set[str]:
    out = {cls}
    for parent in TERMS.get(cls, {}).get("subClassOf", []):
        out |= ancestors(parent)
    return out


def check_value(value: Any, ranges: list[str], path: str) -> list[str]:
    if isinstance(value, list):
        return [e for i, v in enumerate(value) for e in check_value(v, ranges, f"{path}[{i}]")]
    if isinstance(value, dict):
        kind = value.get("@type")
        if not isinstance(kind, str) or not ancestors(kind) & set(ranges):
            return [f"{path}: @type {kind!r} is not one of {ranges}"]
        return check_node(value, path)
    if isinstance(value, bool):
        return [f"{path}: a boolean"]
    if isinstance(value, int | float):
        return [] if {"Number", "Text"} & set(ranges) else [f"{path}: a number, not {ranges}"]
    if isinstance(value, str):
        if "URL" in ranges and not re.match(r"^(https?://[^\s]+|#[\w.-]+)$", value):
            return [f"{path}: not a URL: {value!r}"]
        if ("Date" in ranges or "DateTime" in ranges) and "Text" not in ranges:
            try:
                datetime.date.fromisoformat(value)
            except ValueError:
                return [f"{path}: not an ISO date: {value!r}"]
        return []
    return [f"{path}: unexpected {type(value).__name__}"]


def check_node(node: dict[str, Any], path: str = "$") -> list[str]:
    """Every property a schema.org term whose domain includes the node's type; every value
    in its range (the suggested check 'no-unknown-terms' and schema.org's definitions)."""
    errors = []
    kinds = ancestors(node["@type"])
    for key, value in node.items():
        if key in ("@context", "@type"):
            continue
        term = TERMS.get(key)
        if term is None or term["kind"] != "Property":
            errors.append(f"{path}.{key}: not a schema.org property known here")
            continue
        if not kinds & set(term["domainIncludes"]):
            errors.append(f"{path}.{key}: not a property of {node['@type']}")
        errors += check_value(value, term["rangeIncludes"], f"{path}.{key}")
    return errors


def suggested_checks(review: dict[str, Any]) -> list[str]:
    errors = []
    if review.get("@type") != "ClaimReview" or not all(k in review for k in REQUIRED):
        errors.append("has-required")
    rating = review.get("reviewRating", {})
    if rating.get("@type") != "Rating" or not rating.get("alternateName"):
        errors.append("rating-textual")
    if "ratingValue" in rating and not (rating.get("worstRating", 1) <= rating["ratingValue"]
                                        <= rating.get("bestRating", 5)):
        errors.append("rating-range")
    return errors


@pytest.fixture(scope="module")
def reviews() -> list[dict[str, Any]]:
    report = Case.load(ROOT).check()
    return json.loads(report.claimreview(review_url="https://news.example/brief.html",
                                         review_date=datetime.date(2025, 12, 1)))


def test_the_validator_accepts_schema_org_s_own_example() -> None:
    example = EXAMPLES[0]["jsonld"]
    assert suggested_checks(example) == [] or "rating-range" in suggested_checks(example)
    # its terms beyond ClaimReview's (image, sameAs, jobTitle) are not in our subset: drop them
    trimmed = json.loads(json.dumps(example))
    for node in (trimmed["author"], trimmed["reviewRating"], trimmed["itemReviewed"],
                 trimmed["itemReviewed"]["author"]):
        for key in ("image", "sameAs", "jobTitle"):
            node.pop(key, None)
    assert check_node(trimmed) == []


def test_the_validator_rejects_what_schema_org_does_not_define() -> None:
    bad = {"@type": "ClaimReview", "claimReviewSiteLogo": "x",
           "reviewRating": {"@type": "Rating", "ratingValue": 1, "appearance": []},
           "datePublished": "yesterday", "url": "javascript:alert(1)"}
    errors = check_node(bad)
    assert any("claimReviewSiteLogo" in e for e in errors)
    assert any("appearance: not a property of Rating" in e for e in errors)
    assert any("not an ISO date" in e for e in errors)
    assert any("not a URL" in e for e in errors)


def test_one_review_per_claim_valid_against_schema_org(reviews: list[dict[str, Any]]) -> None:
    report = Case.load(ROOT).check()
    assert len(reviews) == len(report.claims)
    for review, claim in zip(reviews, report.claims, strict=True):
        assert check_node(review) == [], claim.id
        assert suggested_checks(review) == [], claim.id
        assert review["claimReviewed"] == claim.claim.statement
        assert review["itemReviewed"]["@type"] == "Claim"
        assert review["itemReviewed"]["appearance"]
        assert review["author"] == {"@type": "Organization", "name": "factcheck"}
        assert review["datePublished"] == "2025-12-01"
        assert review["url"].startswith("https://news.example/brief.html#claim-")
    first = reviews[0]["itemReviewed"]["firstAppearance"]
    assert first["publisher"] == {"@type": "Organization", "name": "Yonhap"}
    assert first["datePublished"] == "2025-11-20"


def test_the_rating_scale(reviews: list[dict[str, Any]]) -> None:
    report = Case.load(ROOT).check()
    verdicts = {f.series.id: f.verdict.value for f in report.findings}
    for review, c in zip(reviews, report.claims, strict=True):
        series = verdicts.get(c.claim.series or "", "consistent")
        expected = 5 if series == "consistent" else 3  # the bundled case: all supported
        assert review["reviewRating"]["ratingValue"] == expected, (c.id, series)
    assert {v for v, _, _ in RATINGS.values()} == {1, 2, 3, 4, 5}


def test_a_conflict_and_an_unsupported_claim_are_rated_low(case_dir: Path) -> None:
    path = case_dir / "claims" / "adoption-years.toml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        'value = "21 straight years"', 'value = "19 straight years"').replace(
        "introduced for 21 straight years", "introduced for 19 straight years"), encoding="utf-8")
    source = case_dir / "sources" / "000-yonhap-2025-11-20.md"
    source.write_text(source.read_text(encoding="utf-8").replace(
        "introduced for 21 straight years", "introduced for 19 straight years"), encoding="utf-8")
    claims = case_dir / "claims" / "cosponsors.toml"
    claims.write_text(claims.read_text(encoding="utf-8").replace(
        'text = "adopted the resolution, co-sponsored by 61 countries"',
        'text = "The Security Council vetoed a motion on fisheries quotas"'), encoding="utf-8")
    reviews = {r["url"]: r["reviewRating"] for r in json.loads(
        Case.load(case_dir).check().claimreview())}
    assert reviews["#claim-introduced-21-straight-years"]["ratingValue"] == 2
    assert reviews["#claim-introduced-21-straight-years"]["alternateName"] == \
        "Contradicted by other sources"
    assert reviews["#claim-committee-since-2005"]["ratingValue"] == 4
    assert reviews["#claim-cosponsored-by-61"]["ratingValue"] == 1


def test_cli_claimreview_is_dated_deterministically(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["brief", "--root", str(ROOT), "--format", "claimreview"]) == 0
    out, err = capsys.readouterr()
    assert "no --review-date" in err
    assert {r["datePublished"] for r in json.loads(out)} == {"2025-11-20"}  # the newest source
    assert main(["brief", "--root", str(ROOT), "--format", "claimreview",
                 "--review-date", "2025-13-01"]) == 2
    assert "YYYY-MM-DD" in capsys.readouterr().err
