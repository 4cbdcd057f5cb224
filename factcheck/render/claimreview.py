"""schema.org ClaimReview JSON-LD: one review per claim, for fact-check publishers.

Rating scale (``worstRating`` 1, ``bestRating`` 5), from what the check found:

====  ==================================  =================================================
 5    Supported                           the quotes support it; its series is consistent
                                          (or it has none)
 4    Supported, under a stated           the quotes support it; its series agrees only
      assumption                          under an assumption ("consistent if")
 3    Supported, not cross-checked        the quotes support it; its series had nothing to
                                          compare with ("unchecked"), or agrees on the word
                                          of one origin only ("uncorroborated")
 2    Contradicted by other sources       the quotes support it, but the other figures of
                                          its series disagree with it ("conflict")
 1    Not supported by its sources        a quote is not in its source or gives another
                                          figure; or the source changed ("stale")
====  ==================================  =================================================

A claim in a conflicting series but not itself among the disagreeing claims is rated 4:
the others agree with it, but the series needs a look. ``claimReviewed`` is the claim's
statement; ``itemReviewed`` is a schema.org Claim whose ``appearance`` lists the articles
that carry its quotes and whose ``firstAppearance`` is the earliest dated one. An article's
``url`` is given only when it is http(s), and its ``datePublished`` only when the article
is dated (an inferred date is not a publication date).

The review's own author, URL and date come from the caller (``--reviewer``,
``--review-url``, ``--review-date``); the date is never "today" unless asked: without
one, it is the newest date among the sources, and the CLI says so.
"""

from __future__ import annotations

import datetime
from typing import Any

from factcheck.render import escape
from factcheck.render.view import BriefView, ClaimView, SourceView, build
from factcheck.results import Results

__all__ = ["RATINGS", "claimreview", "claimreview_json", "default_review_date", "rating"]

BEST, WORST = 5, 1
RATINGS: dict[str, tuple[int, str, str]] = {
    "supported": (5, "Supported", "Its quotes support it, and the other figures of its "
                                  "series agree."),
    "assumption": (4, "Supported, under a stated assumption", "Its quotes support it; the "
                   "figures of its series agree only under an assumption the brief states."),
    "unchecked": (3, "Supported, not cross-checked", "Its quotes support it; nothing "
                  "independent of its own source could be compared with it."),
    "conflict": (2, "Contradicted by other sources", "Its quotes support it, but other "
                 "sources give figures that disagree with it."),
    "unsupported": (1, "Not supported by its sources", "A quote is not in its source, or "
                    "gives another figure."),
    "stale": (1, "Source changed since checked", "The source no longer reads as it did "
              "when the quote was pinned."),
}


def rating(claim: ClaimView) -> tuple[int, str, str]:
    """(ratingValue, alternateName, ratingExplanation) for a claim."""
    if claim.support == "stale":
        return RATINGS["stale"]
    if claim.support != "supported":
        return RATINGS["unsupported"]
    if claim.in_conflict:
        return RATINGS["conflict"]
    if claim.series_verdict in ("consistent if", "conflict"):
        return RATINGS["assumption"]
    if claim.series_verdict in ("unchecked", "uncorroborated"):
        return RATINGS["unchecked"]
    return RATINGS["supported"]


def default_review_date(view: BriefView) -> datetime.date | None:
    """The newest date among the sources (published or inferred), or None."""
    days = [s.span.latest if s.span is not None else None for s in view.sources]
    known = [d for d in days if d is not None]
    return max(known) if known else None


def _work(source: SourceView) -> dict[str, Any]:
    work: dict[str, Any] = {"@type": "CreativeWork"}
    url = escape.safe_url(source.url)
    if url:
        work["url"] = url
    work["headline" if not source.title_supplied else "name"] = source.title
    if source.author:
        work["author"] = {"@type": "Person", "name": source.author}
    if source.publisher:
        work["publisher"] = {"@type": "Organization", "name": source.publisher}
    if source.published is not None:
        work["datePublished"] = source.published.isoformat()
    return work


def _fragment(claim: ClaimView) -> str:
    return claim.anchor


def claimreview(report: Results, *, reviewer: str = "factcheck",
                review_url: str = "", review_date: datetime.date | None = None,
                view: BriefView | None = None) -> list[dict[str, Any]]:
    """One ClaimReview per claim, as JSON-LD objects."""
    view = view or build(report)
    date = review_date or default_review_date(view)
    base = escape.safe_url(review_url) if review_url else ""
    out = []
    for c in view.claims:
        value, name, why = rating(c)
        carriers = {q.source.id: q.source for q in c.quotes if q.found}
        works = list(carriers.values()) or [q.source for q in c.quotes[:1]]
        dated = sorted((s for s in works if s.published is not None),
                       key=lambda s: (s.published, s.id))
        item: dict[str, Any] = {"@type": "Claim", "name": c.statement}
        if dated:
            item["firstAppearance"] = _work(dated[0])
        item["appearance"] = [_work(s) for s in works]
        review: dict[str, Any] = {
            "@context": "https://schema.org",
            "@type": "ClaimReview",
            "url": f"{base}#{_fragment(c)}",
            "claimReviewed": c.statement,
            "reviewRating": {
                "@type": "Rating",
                "ratingValue": value,
                "bestRating": BEST,
                "worstRating": WORST,
                "alternateName": name,
                "ratingExplanation": why,
            },
            "itemReviewed": item,
            "author": {"@type": "Organization", "name": reviewer},
        }
        if date is not None:
            review["datePublished"] = date.isoformat()
        out.append(review)
    return out


def claimreview_json(report: Results, **options: Any) -> str:
    """The reviews as one JSON-LD document (a list), safe to embed in an HTML page."""
    return escape.jsonld(claimreview(report, **options)) + "\n"
