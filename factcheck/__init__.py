"""factcheck: source-cited fact-checking.

Load a case (sources and claims), anchor every quote in its source, reconcile the
figures that several articles give, and render a brief in which every statement is
footnoted to the exact words behind it::

    >>> import factcheck
    >>> report = factcheck.Case.load("path/to/case").check()   # doctest: +SKIP
    >>> print(report.brief())                                   # doctest: +SKIP
"""

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
from factcheck.differences import CATEGORIES, Difference, differences_at, supports, word_differences
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
