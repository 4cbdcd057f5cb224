"""factcheck: source-cited fact-checking.

Load a case (sources and claims), anchor every quote in its source, reconcile the
figures that several articles give, and render a brief in which every statement is
footnoted to the exact words behind it::

    >>> import factcheck
    >>> report = factcheck.Case.load("path/to/case").check()   # doctest: +SKIP
    >>> print(report.brief())                                   # doctest: +SKIP
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from factcheck.anchoring import Anchor, AnchorOptions, Candidate, anchor
    from factcheck.case import Case
    from factcheck.credits import (
        KNOWN_OUTLETS,
        Credit,
        credited_origin,
        credits,
        outlet_key,
        publisher_key,
    )
    from factcheck.dating import DateInference
    from factcheck.differences import (
        CATEGORIES,
        Difference,
        differences_at,
        supports,
        word_differences,
    )
    from factcheck.drafting import Extracted, draft_claims, extract
    from factcheck.errors import (
        FactCheckError,
        IngestError,
        LoadError,
        Location,
        LockError,
        NoArticleText,
        Problem,
        QuantityError,
    )
    from factcheck.figures import Mention, find_quantities, parse_quantity
    from factcheck.lock import Lock, Pin, PinCheck
    from factcheck.model import (
        Claim,
        Kind,
        Monotone,
        Quote,
        Series,
        Source,
        Span,
        TextPositionSelector,
        TextQuoteSelector,
    )
    from factcheck.provenance import Cluster, Corpus, CorpusError, Hit, Shared
    from factcheck.reasons import Reason
    from factcheck.reconcilers import Finding, Reading, Verdict, When, reconcile
    from factcheck.render import render_brief
    from factcheck.report import Report
    from factcheck.results import ClaimResult, Results
    from factcheck.support import QuoteResult, Support
    from factcheck.text import Normalized, normalize
    from factcheck.values import Interval, Quantity
    from factcheck.web import Page, add_pages, read_page, read_pages, verify_raw

# Names are imported on first use (PEP 562): ``import factcheck`` stays cheap, and a
# notebook or a script pays only for what it touches.
_WHERE: dict[str, str] = {
    "Anchor": "factcheck.anchoring",
    "AnchorOptions": "factcheck.anchoring",
    "CATEGORIES": "factcheck.differences",
    "Candidate": "factcheck.anchoring",
    "Case": "factcheck.case",
    "Claim": "factcheck.model",
    "ClaimResult": "factcheck.results",
    "Cluster": "factcheck.provenance",
    "Corpus": "factcheck.provenance",
    "CorpusError": "factcheck.provenance",
    "Credit": "factcheck.credits",
    "DateInference": "factcheck.dating",
    "Difference": "factcheck.differences",
    "Extracted": "factcheck.drafting",
    "FactCheckError": "factcheck.errors",
    "Finding": "factcheck.reconcilers",
    "Hit": "factcheck.provenance",
    "IngestError": "factcheck.errors",
    "Interval": "factcheck.values",
    "KNOWN_OUTLETS": "factcheck.credits",
    "Kind": "factcheck.model",
    "LoadError": "factcheck.errors",
    "Location": "factcheck.errors",
    "Lock": "factcheck.lock",
    "LockError": "factcheck.errors",
    "Mention": "factcheck.figures",
    "Monotone": "factcheck.model",
    "NoArticleText": "factcheck.errors",
    "Normalized": "factcheck.text",
    "Page": "factcheck.web",
    "Pin": "factcheck.lock",
    "PinCheck": "factcheck.lock",
    "Problem": "factcheck.errors",
    "Quantity": "factcheck.values",
    "QuantityError": "factcheck.errors",
    "Quote": "factcheck.model",
    "QuoteResult": "factcheck.support",
    "Reading": "factcheck.reconcilers",
    "Reason": "factcheck.reasons",
    "Report": "factcheck.report",
    "Results": "factcheck.results",
    "Series": "factcheck.model",
    "Shared": "factcheck.provenance",
    "Source": "factcheck.model",
    "Span": "factcheck.model",
    "Support": "factcheck.support",
    "TextPositionSelector": "factcheck.model",
    "TextQuoteSelector": "factcheck.model",
    "Verdict": "factcheck.reconcilers",
    "When": "factcheck.reconcilers",
    "add_pages": "factcheck.web",
    "anchor": "factcheck.anchoring",
    "credited_origin": "factcheck.credits",
    "credits": "factcheck.credits",
    "differences_at": "factcheck.differences",
    "draft_claims": "factcheck.drafting",
    "extract": "factcheck.drafting",
    "find_quantities": "factcheck.figures",
    "normalize": "factcheck.text",
    "outlet_key": "factcheck.credits",
    "parse_quantity": "factcheck.figures",
    "publisher_key": "factcheck.credits",
    "read_page": "factcheck.web",
    "read_pages": "factcheck.web",
    "reconcile": "factcheck.reconcilers",
    "render_brief": "factcheck.render",
    "supports": "factcheck.differences",
    "verify_raw": "factcheck.web",
    "word_differences": "factcheck.differences",
}


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module 'factcheck' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_WHERE))


__all__ = [
    "Anchor",
    "AnchorOptions",
    "CATEGORIES",
    "Candidate",
    "Case",
    "Claim",
    "ClaimResult",
    "Cluster",
    "Corpus",
    "Credit",
    "CorpusError",
    "DateInference",
    "Difference",
    "Extracted",
    "FactCheckError",
    "Finding",
    "Hit",
    "IngestError",
    "Interval",
    "KNOWN_OUTLETS",
    "Kind",
    "LoadError",
    "Location",
    "Lock",
    "LockError",
    "Mention",
    "Monotone",
    "NoArticleText",
    "Normalized",
    "Page",
    "Pin",
    "PinCheck",
    "Problem",
    "Quantity",
    "QuantityError",
    "Quote",
    "QuoteResult",
    "Reading",
    "Reason",
    "Report",
    "Results",
    "Series",
    "Shared",
    "Source",
    "Span",
    "Support",
    "TextPositionSelector",
    "TextQuoteSelector",
    "Verdict",
    "When",
    "add_pages",
    "anchor",
    "credited_origin",
    "credits",
    "differences_at",
    "draft_claims",
    "extract",
    "find_quantities",
    "normalize",
    "outlet_key",
    "parse_quantity",
    "publisher_key",
    "read_page",
    "read_pages",
    "reconcile",
    "render_brief",
    "supports",
    "verify_raw",
    "word_differences",
]
