"""What a brief shows, as plain data shared by every format (Markdown, HTML, notebooks).

The templates only lay this out; everything an editor reads is decided here: how a
source is named in prose ("Yonhap, 20 Nov 2025"), how dates read ("Jan–Nov 2024"),
the opening sentences, and the claim each explanation refers to.

>>> import datetime
>>> from factcheck.model import Span
>>> human_span(Span.day(datetime.date(2025, 11, 20)))
'20 Nov 2025'
>>> human_span(Span(datetime.date(2024, 1, 1), datetime.date(2024, 11, 30)))
'Jan–Nov 2024'
>>> human_span(Span.years(2019, 2022)), human_span(Span.year(2020))
('2019–2022', '2020')
>>> human_dates("'co-sponsor' 2023 – 2025-11-12; 2025-11-19: 61; 2024-01-01 – 2024-11-30")
"'co-sponsor' 2023 to 12 Nov 2025; 19 Nov 2025: 61; Jan–Nov 2024"
"""

from __future__ import annotations

import calendar
import datetime
import hashlib
import re
from collections.abc import Sequence

import attrs

from factcheck.dating import DateInference
from factcheck.errors import QuantityError
from factcheck.figures import parse_quantity
from factcheck.model import Claim, Source, Span
from factcheck.reasons import Reason
from factcheck.reconcilers import Finding, Verdict
from factcheck.render.reasons import (
    Dated,
    Part,
    finding_parts,
    inference_parts,
    plain,
    problem_parts,
    source_note_parts,
)
from factcheck.render.words import difference, figures_differ, fmt_years, plural
from factcheck.results import ClaimResult, Results, Support
from factcheck.text import supplied_title

__all__ = ["BriefView", "ClaimView", "QuoteView", "SeriesView", "SourceView", "build",
           "html_id", "human_date", "human_dates", "human_span", "supplied_title"]

# -- dates as people write them -------------------------------------------------------


def _day(d: datetime.date) -> str:
    return f"{d.day} {calendar.month_abbr[d.month]} {d.year}"


def human_span(span: Span) -> str:
    """A span as people write it: "20 Nov 2025", "2020", "2019–2022", "Jan–Nov 2024"."""
    a, b = span.earliest, span.latest
    if a == b:
        return _day(a)
    whole_start = a.day == 1
    whole_end = b.day == calendar.monthrange(b.year, b.month)[1]
    if whole_start and whole_end:
        if (a.month, b.month) == (1, 12):
            return str(a.year) if a.year == b.year else f"{a.year}–{b.year}"
        ma, mb = calendar.month_abbr[a.month], calendar.month_abbr[b.month]
        if a.year == b.year:
            return f"{ma} {a.year}" if a.month == b.month else f"{ma}–{mb} {a.year}"
        return f"{ma} {a.year} – {mb} {b.year}"
    if a.year == b.year:
        if a.month == b.month:
            return f"{a.day}–{b.day} {calendar.month_abbr[a.month]} {a.year}"
        return f"{a.day} {calendar.month_abbr[a.month]} – {_day(b)}"
    return f"{_day(a)} – {_day(b)}"


_ISO = r"(\d{4})-(\d{2})-(\d{2})"
_ISO_SPAN = re.compile(rf"\b{_ISO} – {_ISO}\b")
_YEAR_TO_DAY = re.compile(rf"\b(\d{{4}}) – {_ISO}\b")
_ISO_DAY = re.compile(rf"\b{_ISO}\b")


def _date(y: str, m: str, d: str) -> datetime.date | None:
    try:
        return datetime.date(int(y), int(m), int(d))
    except ValueError:
        return None


def human_date(date: Dated) -> str:
    """A date of a sentence as people write it ("19 Nov 2025 (inferred)")."""
    return human_dates(str(date))


def human_dates(text: str) -> str:
    """ISO dates and spans in a label the check wrote ("2019 – 2025-11-12"), as people
    write them. Never for words from a source: see :class:`~factcheck.render.words.Dated`."""

    def span(m: re.Match[str]) -> str:
        a, b = _date(*m.group(1, 2, 3)), _date(*m.group(4, 5, 6))
        return human_span(Span(a, b)) if a and b and a <= b else m.group(0)

    def year_to_day(m: re.Match[str]) -> str:
        b = _date(*m.group(2, 3, 4))
        return f"{m[1]} to {_day(b)}" if b else m.group(0)

    def day(m: re.Match[str]) -> str:
        d = _date(*m.group(1, 2, 3))
        return _day(d) if d else m.group(0)

    text = _ISO_SPAN.sub(span, text)
    text = _YEAR_TO_DAY.sub(year_to_day, text)
    return _ISO_DAY.sub(day, text)


def html_id(prefix: str, text: str) -> str:
    """*prefix* + *text* as an HTML id: a text with other characters than letters, digits,
    ``-``, ``_`` and ``.`` gets them replaced and a hash of it added, so that two texts
    ("a b", "a_b") never share one."""
    safe = re.sub(r"[^A-Za-z0-9_.-]", "_", text)
    if safe != text:
        safe += "-" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:8]
    return prefix + safe


# -- sources named in prose -------------------------------------------------------------

def _short(text: str, words: int = 4) -> str:
    parts_ = text.split()
    return " ".join(parts_[:words]) + ("…" if len(parts_) > words else "")


@attrs.frozen
class SourceView:
    """A source as a reader meets it: named by publisher and date, never by id."""

    id: str
    publisher: str
    title: str
    title_supplied: bool  # the article has no headline: the title is its first sentence
    date: str  # "20 Nov 2025", "undated, inferred 2020", "undated"
    dated: bool
    inferred_reasons: tuple[tuple[Part, ...], ...]
    notes: tuple[tuple[Part, ...], ...]  # what the check says of the source (a newer version)
    url: str  # as written; renderers pass it through their format's safe link
    author: str
    sha256: str
    published: datetime.date | None
    span: Span | None  # the published day, or the inferred span

    @property
    def name(self) -> str:
        """Who published it; without a publisher, the opening words of its title."""
        return self.publisher or f"“{_short(self.title)}”"

    @property
    def label(self) -> str:
        """Publisher and date: "Yonhap, 20 Nov 2025"; "“Title…” (undated, inferred 2020)"."""
        if self.publisher:
            return f"{self.name}, {self.date}"
        return f"{self.name} ({self.date})"


def _source_view(source: Source, inference: DateInference | None,
                 notes: Sequence[Reason]) -> SourceView:
    span: Span | None = None
    if source.published is not None:
        date, span = _day(source.published), Span.day(source.published)
    elif inference is not None and inference.span is not None:
        span = inference.span
        date = f"undated, inferred {human_span(inference.span)}"
    else:
        date = "undated"
    updated = getattr(source, "updated", None)
    if updated is not None and updated != source.published:
        date += f", updated {_day(updated)}"
    title = source.title.strip()
    return SourceView(
        id=source.id, publisher=source.publisher.strip(),
        title=title or supplied_title(source.body), title_supplied=not title,
        date=date, dated=source.published is not None,
        inferred_reasons=tuple(inference_parts(inference) if inference else ()),
        notes=tuple(source_note_parts(n) for n in notes),
        url=source.url, author=source.author, sha256=source.sha256,
        published=source.published, span=span)


# -- claims, quotes, series ---------------------------------------------------------------


@attrs.frozen
class QuoteView:
    text: str  # the words as they stand in the source (or as quoted, when not found)
    found: bool
    status: str  # found, ambiguous, not_found
    start: int | None
    end: int | None
    method: str
    score: float
    source: SourceView
    pin: str  # the pin's status, "" without a lock
    figures: str  # how an approximate match's figures differ
    differences: tuple[str, ...] = ()  # a fuzzy match's word-level differences, in words


@attrs.frozen
class ClaimView:
    id: str
    statement: str
    value: str
    series: str  # the series id, "" for a claim on its own
    series_title: str
    support: str  # supported, unsupported, stale
    series_verdict: str  # the verdict of its series, "" without one
    in_conflict: bool
    when: str  # "19 Nov 2025", "2020 (inferred)", "" when undated
    when_inferred: bool
    span: Span | None
    as_of_set: bool  # the date was set in the claim, not taken from its source
    as_of_note: str  # why (the claim's as_of_note), "" when not given
    years: str  # a status held over years: "2008-2018", "a decade up to 2018"
    reason: tuple[Part, ...]
    quotes: tuple[QuoteView, ...]
    carriers: int
    origins: int

    @property
    def anchor(self) -> str:
        """An HTML id for the claim: ``claim-<id>`` (see :func:`html_id`)."""
        return html_id("claim-", self.id)

    @property
    def source(self) -> SourceView:
        return self.quotes[0].source

    @property
    def label(self) -> str:
        """How prose names the claim: by the source it quotes first."""
        return self.quotes[0].source.label if self.quotes else "a claim without quotes"

    @property
    def date_note(self) -> str:
        """The claim's date with its reason when the date was set by hand."""
        if not self.when or (self.years and (" up to " in self.years
                                              or self.years[:1].isdigit())):
            return ""  # a status over stated years carries its own dates
        if not self.as_of_set:
            return self.when
        why = self.as_of_note or "no reason recorded"
        return f"{self.when} (date set in the claim: {why})"


@attrs.frozen
class SeriesView:
    id: str
    title: str
    kind: str
    verdict: str
    explanation: tuple[Part, ...]
    first_year: str  # annual series: the reconciled first year, "" otherwise
    first_year_low: int | None
    first_year_high: int | None
    claims: tuple[ClaimView, ...]

    @property
    def conflicting(self) -> tuple[ClaimView, ...]:
        return tuple(c for c in self.claims if c.in_conflict)

    @property
    def agreeing(self) -> tuple[ClaimView, ...]:
        return tuple(c for c in self.claims if not c.in_conflict)


@attrs.frozen
class OriginView:
    sources: tuple[SourceView, ...]
    shared: str  # one passage they share


@attrs.frozen
class BriefView:
    title: str
    lead: tuple[str, ...]
    counts: dict[str, int]
    series: tuple[SeriesView, ...]
    others: tuple[ClaimView, ...]  # claims in no series
    claims: tuple[ClaimView, ...]  # every claim, in the case's order
    attention: tuple[ClaimView, ...]  # claims their quotes do not support
    sources: tuple[SourceView, ...]
    inferred: tuple[SourceView, ...]  # undated sources, with how they were dated
    origins: tuple[OriginView, ...]  # groups of copies of one origin
    changed: tuple[tuple[ClaimView, QuoteView, str, str], ...]  # claim, quote, pinned, now
    legend: tuple[tuple[str, str], ...]
    claim_by_id: dict[str, ClaimView] = attrs.field(repr=False, eq=False)
    source_by_id: dict[str, SourceView] = attrs.field(repr=False, eq=False)
    series_by_id: dict[str, SeriesView] = attrs.field(repr=False, eq=False)

    def claim(self, claim_id: str) -> ClaimView:
        return self.claim_by_id[claim_id]

    def source(self, source_id: str) -> SourceView | None:
        """The source of that id; None for one no longer in the case (a pin's gone source)."""
        return self.source_by_id.get(source_id)


LEGEND: tuple[tuple[str, str], ...] = (
    ("supported", "every quote stands in its source, word for word or nearly, and the "
                  "claim's figure is one the quotes give"),
    ("unsupported", "a quote is not in its source, or gives another figure"),
    ("stale", "the source changed since its quotes were pinned"),
    ("origin", "copies of one wire story printed by several outlets are one origin: "
               "they count once as support"),
    ("consistent", "the figures of a series agree, each read at its own date"),
    ("consistent if", "they agree under an assumption the brief states"),
    ("uncorroborated", "they agree, but every one of them rests on one origin"),
    ("conflict", "they disagree, and nothing usual explains it"),
    ("unchecked", "nothing to compare: a single claim, or none that could be dated"),
    ("inferred", "an undated article's date worked out from what it counts and mentions"),
    ("[a title in brackets]", "the article's first sentence, as the article has no headline"),
    ("as of", "a claim's date is its article's, unless the claim sets it; the reason then "
              "follows the date"),
)


def _wording(claim: Claim) -> str:
    """The claim's figure as worded in its file ("21 straight years")."""
    return claim.wording


def _as_of_note(claim: Claim) -> str:
    return claim.as_of_note.strip()


def _claim_view(result: ClaimResult, sources: dict[str, SourceView],
                finding: Finding | None) -> ClaimView:
    claim = result.claim
    when = result.when
    first = sources.get(claim.quotes[0].source) if claim.quotes else None
    as_of_set = claim.as_of is not None and not (
        first is not None and first.published is not None and claim.as_of.is_day
        and claim.as_of.earliest == first.published)
    years = ""
    if claim.years_wording:
        years = claim.years_wording + (f" up to {claim.until}" if claim.until else "")
    quotes = []
    for qr in result.quotes:
        a = qr.anchor
        quotes.append(QuoteView(
            text=a.text if a.found else qr.quote.text, found=a.found, status=a.status,
            start=a.start if a.found else None, end=a.end if a.found else None,
            method=a.method or "", score=round(a.score, 1), source=sources[qr.quote.source],
            pin=qr.pin.status if qr.pin is not None else "",
            figures="" if qr.figures is None else plain(figures_differ(*qr.figures)),
            differences=tuple(plain(difference(d)) for d in qr.differences)))
    return ClaimView(
        id=claim.id, statement=claim.statement, value=_wording(claim),
        series=claim.series or "",
        series_title=(finding.series.title or finding.series.id) if finding else "",
        support=result.support.value,
        series_verdict=finding.verdict.value if finding else "",
        in_conflict=bool(finding and claim.id in finding.conflicts),
        when=("" if when is None else human_span(when.span)
              + (" (inferred)" if when.inferred else "")),
        when_inferred=bool(when and when.inferred), span=when.span if when else None,
        as_of_set=as_of_set, as_of_note=_as_of_note(claim), years=years,
        reason=problem_parts(result.problems),
        quotes=tuple(quotes), carriers=len(result.carriers), origins=len(result.origins))


def _subject(title: str) -> str:
    """ "Years the UN has adopted the resolution" → "The UN has adopted the resolution"."""
    m = re.match(r"(?i)years (?:that |in which )?(.+)", title.strip())
    if not m:
        return ""
    rest = m.group(1)
    return rest[0].upper() + rest[1:]


def _figure(value: str) -> tuple[float, float] | None:
    try:
        iv = parse_quantity(value).interval
    except QuantityError:
        return None
    if iv.low is None or iv.high is None:
        return None
    return float(iv.low), float(iv.high)


def _tally_line(s: SeriesView) -> str:
    """ "41 on 12 Nov 2025, then 61 by 19 Nov 2025": the most precise figure at each date."""
    by_date: dict[Span, list[ClaimView]] = {}
    for c in s.claims:
        if c.span is not None and c.support == "supported" and _figure(c.value):
            by_date.setdefault(c.span, []).append(c)
    steps = []
    for span in sorted(by_date):
        best = min(by_date[span], key=lambda c: (lambda f: (f[1] - f[0], f[0]))(
            _figure(c.value) or (0.0, 0.0)))
        steps.append(f"{best.value} on {human_span(span)}")
    return ", then ".join(steps)


def _lead(series: Sequence[SeriesView], claims: Sequence[ClaimView],
          counts: dict[str, int]) -> tuple[str, ...]:
    """Two or three sentences: the main finding, what else stands out, and the counts."""
    sentences: list[str] = []
    annual = [s for s in series if s.kind == "annual" and s.first_year
              and s.verdict in ("consistent", "consistent if", "uncorroborated")]
    if annual:
        s = max(annual, key=lambda s: len(s.claims))
        dated = [c for c in s.claims if c.span is not None and c.support == "supported"]
        origin_sources = {c.source.id for c in dated if c.quotes}
        years = sorted({c.span.first_year for c in dated if c.span is not None})
        subject = _subject(s.title)
        since = f"every year since {s.first_year}"
        head = f"{subject} {since}" if subject else f"{s.title}: {since}"
        when = (f" written between {years[0]} and {years[-1]}" if len(years) > 1 else "")
        tail = (" once a stated assumption holds" if s.verdict == "consistent if" else "")
        sentences.append(
            f"{head}: all {plural(len(dated), 'count')}, from "
            f"{plural(len(origin_sources), 'article')}{when}, point to that "
            f"first year{tail}.")
    conflicts = [s for s in series if s.verdict == "conflict"]
    if conflicts:
        names = "; ".join(s.title for s in conflicts)
        sentences.append(f"The sources disagree on {plural(len(conflicts), 'point')}: "
                         f"{names}.")
    else:
        tallies = [s for s in series if s.kind == "tally" and len(
            {c.span for c in s.claims if c.span is not None}) > 1]
        for s in tallies[:1]:
            line = _tally_line(s)
            if line:
                one = (", all from one origin" if s.verdict == "uncorroborated" else "")
                sentences.append(f"{s.title}: {line}{one}.")
    verdicts = [f"{counts['consistent']} consistent"]
    if counts["consistent_if"]:
        verdicts.append(f"{counts['consistent_if']} consistent under a stated assumption")
    if counts["uncorroborated"]:
        verdicts.append(f"{counts['uncorroborated']} in agreement but resting on one origin")
    if counts["unchecked"]:
        verdicts.append(f"{counts['unchecked']} with nothing to compare")
    verdicts.append(f"{counts['conflict']} in conflict")
    sentences.append(
        f"Of {plural(counts['claims'], 'claim')} checked against "
        f"{plural(counts['sources'], 'article')}, {counts['supported']} "
        f"{'is' if counts['supported'] == 1 else 'are'} supported by their quotes; of "
        f"{plural(counts['series'], 'series', 'series')} of figures, "
        + ", ".join(verdicts[:-1]) + " and " + verdicts[-1] + ".")
    return tuple(sentences)


def build(report: Results, title: str | None = None) -> BriefView:
    """The view of *report* every brief format renders (each id looked up once)."""
    inferences = {i.source: i for i in reversed(report.inferred)}  # the first one wins
    notes: dict[str, list[Reason]] = {}
    for n in report.source_notes:
        notes.setdefault(n["source"], []).append(n)
    sources = {s.id: _source_view(s, inferences.get(s.id), notes.get(s.id, ()))
               for s in report.sources}
    findings = {f.series.id: f for f in report.findings}
    claims = tuple(_claim_view(c, sources, findings.get(c.claim.series or ""))
                   for c in report.claims)
    in_series: dict[str, list[ClaimView]] = {}
    for c in claims:
        in_series.setdefault(c.series, []).append(c)
    series = []
    for f in report.findings:
        fy = f.first_year
        series.append(SeriesView(
            id=f.series.id, title=f.series.title or f.series.id, kind=f.series.kind.value,
            verdict=f.verdict.value, explanation=finding_parts(f),
            first_year="" if fy is None or fy.is_empty else fmt_years(fy),
            first_year_low=None if fy is None or fy.low is None else int(fy.low),
            first_year_high=None if fy is None or fy.high is None else int(fy.high),
            claims=tuple(in_series.get(f.series.id, ()))))
    counts = {
        "claims": len(claims),
        "sources": len(sources),
        "supported": sum(r.support is Support.SUPPORTED for r in report.claims),
        "unsupported": sum(r.support is Support.UNSUPPORTED for r in report.claims),
        "stale": sum(r.support is Support.STALE for r in report.claims),
        "series": len(report.findings),
        "consistent": sum(f.verdict is Verdict.CONSISTENT for f in report.findings),
        "consistent_if": sum(f.verdict is Verdict.CONSISTENT_IF for f in report.findings),
        "conflict": sum(f.verdict is Verdict.CONFLICT for f in report.findings),
        "unchecked": sum(f.verdict is Verdict.UNCHECKED for f in report.findings),
        "uncorroborated": sum(f.verdict is Verdict.UNCORROBORATED for f in report.findings),
    }
    by_id = {c.id: c for c in claims}
    changed = []
    for r in report.claims:
        for qv, qr in zip(by_id[r.id].quotes, r.quotes, strict=True):
            if qr.pin is not None and qr.pin.status in ("moved", "altered", "orphaned"):
                pinned = qr.pin.pin.exact if qr.pin.pin is not None else ""
                now = "" if qr.pin.status == "orphaned" else (qr.pin.now or "")
                changed.append((by_id[r.id], qv, pinned, now))
    origins = tuple(
        OriginView(tuple(sources[s] for s in cl.sources), cl.shared[0].text)
        for cl in report.clusters if cl.shared and len(cl.sources) > 1)
    return BriefView(
        title=title or "Fact-check brief",
        lead=_lead(series, claims, counts),
        counts=counts,
        series=tuple(series),
        others=tuple(c for c in claims if not c.series),
        claims=claims,
        attention=tuple(c for c in claims if c.support != "supported"),
        sources=tuple(sources.values()),
        inferred=tuple(s for s in sources.values() if not s.dated and s.inferred_reasons),
        origins=origins,
        changed=tuple(changed),
        legend=LEGEND,
        claim_by_id=by_id,
        source_by_id=sources,
        series_by_id={s.id: s for s in series},
    )
