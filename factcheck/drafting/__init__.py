"""Find every figure in the sources and draft series and claims for them.

``factcheck extract`` is where a new case starts: it lists each count mention with its
span, its reading and its sentence; ``--format toml`` drafts a claims file from them:

* mentions of the same running count across sources ("the 28th consecutive year" in one
  article, "the 31st straight year" in another, "since 1992" in a third) become one
  series, annual, occurrences, tally or fixed by the kind of figure (the rule is in
  :mod:`factcheck.drafting._group`);
* each claim quotes the figure's sentence, and gets an ``as_of`` when the sentence dates
  the figure to a day or a year ("on Thursday", "yesterday", "as of Oct. 1", "last
  year"), with the words in a comment (:func:`factcheck.dates.reference_date_at`); a
  wider span ("last month") is named in a comment, not guessed;
* percentages, money, page numbers, ages and times are left out unless asked for
  (``everything=True``, ``extract --all``; :mod:`factcheck.drafting._noise`).

The draft loads as it is, every quote anchors, ids are unique, and the same sources give
the same text byte for byte, in whatever order they are given.

>>> from factcheck.model import Source
>>> found = extract([Source("s", "It was adopted for 21 straight years.")])
>>> [(e.source, e.mention.text, str(e.mention.quantity)) for e in found]
[('s', '21 straight years', '21 years')]
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable, Sequence

import attrs

from factcheck.dates import ReferenceDate, reference_date_at
from factcheck.drafting._group import (
    Candidate,
    common_words,
    context_words,
    group,
    implied_first_year,
    series_kind,
)
from factcheck.drafting._noise import noise
from factcheck.figures import Mention, Sentences, find_quantities
from factcheck.model import Kind, Source, Span
from factcheck.tomlw import toml_value
from factcheck.values import Kind as QKind

__all__ = ["Extracted", "draft_claims", "extract"]

QUOTE_ROOM = 90  # characters of the sentence kept on each side of the mention
CONTEXT = 32  # characters of prefix and suffix given to a quote that is not unique
COPY_ROOM = 30  # letters and digits around a mention that must match in a copy
_ID_BAD = re.compile(r"[^A-Za-z0-9._-]+")
# A plain year that starts a run: "began in 1992", "was first held in 1992"
_BEGAN = re.compile(r"\b(?:began|begun|started|first\s+(?:\w+\s+){0,2}?)\s*in\s*$",
                    re.IGNORECASE)
# A wire dateline opening the sentence: "UNITED NATIONS, Nov 7 (Meridian) - ", "NEW YORK — "
_DATELINE = re.compile(r"^[A-Z][A-Z .,'’-]*[A-Z](?:,\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2})?"
                       r"(?:\s+\([^)]{1,40}\))?\s+[-–—]+\s+(?=[A-Z])")


@attrs.frozen
class Extracted:
    source: str
    mention: Mention
    line: int  # 1-based line of the mention in the source body
    column: int  # 1-based column
    published: datetime.date | None = None  # the source's date, if it has one
    before: str = ""  # the mention's sentence before it
    after: str = ""  # and after it
    # the text right before and after the quote, when its words stand more than once in
    # the source (a headline repeated as the first sentence): prefix and suffix
    context: tuple[str, str] = ("", "")
    # the phrase that dates the figure in its sentence ("as of Oct. 1", "on Thursday")
    reference: ReferenceDate | None = None

    @property
    def quote(self) -> str:
        """The mention with enough of its sentence around it to stand as a quote."""
        sentence = " ".join(self.mention.sentence.split())
        text = self.mention.text
        at = sentence.find(text)
        if at < 0:
            return text
        left = sentence[max(0, at - QUOTE_ROOM):at]
        right = sentence[at + len(text):at + len(text) + QUOTE_ROOM]
        if at > QUOTE_ROOM:
            left = left.split(" ", 1)[-1]  # start on a whole word
        if at + len(text) + QUOTE_ROOM < len(sentence):
            right = right.rsplit(" ", 1)[0]
        return (left + text + right).strip()

    @property
    def noise(self) -> str | None:
        """"percentage", "money", "page", "age" or "time" when the figure is one; else None."""
        return noise(self.before, self.after, self.mention.text)


def extract(sources: Iterable[Source]) -> tuple[Extracted, ...]:
    """Every figure in every source, in source id and text order."""
    out = []
    for source in sorted(sources, key=lambda s: s.id):
        body = source.body
        sentences = Sentences(body)
        flat = " ".join(body.split())  # the body as quotes are written, made once
        line, line_start, done = 1, 0, 0  # lines counted up to *done*, mentions in order
        for m in find_quantities(body):
            line += body.count("\n", done, m.start)
            line_start = body.rfind("\n", done, m.start) + 1 or line_start
            done = m.start
            s0 = body.find(m.sentence, max(0, m.start - len(m.sentence)))
            if not m.sentence or not s0 <= m.start <= s0 + len(m.sentence):
                s0 = m.start
            s1 = max(m.end, s0 + len(m.sentence))
            ref = reference_date_at(body, m.start, m.end, source.published, sentences=sentences)
            e = Extracted(source.id, m, line, m.start - line_start + 1, source.published,
                          body[s0:m.start], body[m.end:s1], reference=ref)
            out.append(_with_context(e, body, flat))
    return tuple(out)


def _with_context(e: Extracted, body: str, flat: str) -> Extracted:
    """*e* with the text around its quote when the quote's words are not unique in *body*
    (*flat* is *body* with its whitespace runs made single spaces)."""
    quote = e.quote
    first = flat.find(quote)
    if first < 0 or flat.find(quote, first + 1) < 0 or e.mention.text not in quote:
        return e
    left, right = quote.split(e.mention.text, 1)
    starts = [t.start() for t in re.finditer(r"\S+", e.before)]
    ends = [t.end() for t in re.finditer(r"\S+", e.after)]
    k, j = len(left.split()), len(right.split())
    q0 = e.mention.start - len(e.before) + starts[-k] if 0 < k <= len(starts) \
        else e.mention.start
    q1 = e.mention.end + ends[j - 1] if 0 < j <= len(ends) else e.mention.end
    prefix = " ".join(body[max(0, q0 - CONTEXT):q0].split())
    suffix = " ".join(body[q1:q1 + CONTEXT].split())
    return attrs.evolve(e, context=(prefix, suffix))


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:40] or "figure"


class _Ids:
    """Unique ids matching ``[A-Za-z0-9][A-Za-z0-9._-]*``."""

    def __init__(self) -> None:
        self.seen: set[str] = set()

    def new(self, base: str) -> str:
        base = _ID_BAD.sub("-", base).strip("-._") or "x"
        cid, n = base, 2
        while cid in self.seen:
            cid, n = f"{base}-{n}", n + 1
        self.seen.add(cid)
        return cid


def _candidate(e: Extracted) -> Candidate | None:
    q = e.mention.quantity
    kind = series_kind(q)
    first = implied_first_year(q, e.published)
    if kind is None and q.kind is QKind.YEAR and _BEGAN.search(e.before):
        kind, first = Kind.ANNUAL, int(q.number)  # "began in 1992": an annual first year
    if kind is None:
        return None
    after = e.after
    if q.kind is QKind.VOTE:  # a vote's own words ("with 2 abstentions") say what it is about
        after = " " + re.sub(r"[\d.,]+", " ", e.mention.text) + after
    words, noun, spelled = context_words(e.before, after)
    return Candidate(e.source, e.mention.start, e.published, q, kind, words, noun, spelled,
                     first)


def _keep_one_per_value(members: Sequence[Candidate]) -> list[Candidate]:
    """One member per source and reading: a headline that repeats its story's figure
    adds nothing; the mention with the most words around it is kept."""
    best: dict[tuple[str, str], Candidate] = {}
    for c in members:
        k = (c.source, str(c.quantity))
        if k not in best or len(c.words) > len(best[k].words):
            best[k] = c
    return sorted(best.values(), key=lambda c: c.key)


def _norm(text: str) -> str:
    return re.sub(r"[\W_]+", "", text.lower())


def _copies(a: Extracted, b: Extracted) -> bool:
    """The same reading with the same letters and digits around it: COPY_ROOM of them
    before, and after as far as the shorter sentence goes (a reprint cut short)."""
    if a.mention.quantity != b.mention.quantity or _norm(a.mention.text) != _norm(b.mention.text):
        return False
    x, y = _norm(a.after)[:COPY_ROOM], _norm(b.after)[:COPY_ROOM]
    return (_norm(a.before)[-COPY_ROOM:] == _norm(b.before)[-COPY_ROOM:]
            and (x.startswith(y) or y.startswith(x)))


def _merge_copies(found: Iterable[Extracted]) -> list[list[Extracted]]:
    """Copies of one mention in several sources (a reprint's: "U.S." or "US", cut short)
    as one claim with a quote in each source: a series of copies would check nothing."""
    claims: list[list[Extracted]] = []
    for e in sorted(found, key=lambda e: (e.source, e.mention.start)):
        for copies in claims:
            if all(c.source != e.source for c in copies) and _copies(copies[0], e):
                copies.append(e)
                break
        else:
            claims.append([e])
    return claims


def draft_claims(found: Iterable[Extracted], *, everything: bool = False) -> str:
    """Ready-to-edit TOML: draft series of the running counts, then a claim per figure.

    Without *everything*, percentages, money, page numbers, ages and times are left out.
    """
    kept = sorted((e for e in found if everything or e.noise is None),
                  key=lambda e: (e.source, e.mention.start, e.mention.end))
    by_key = {(e.source, e.mention.start): e for e in kept}
    cands = [c for e in kept if (c := _candidate(e)) is not None]
    series: list[tuple[Kind, list[str], list[list[Extracted]], int]] = []
    alone: list[list[Extracted]] = []
    grouped: set[tuple[str, int]] = set()
    for kind, members in group(cands):
        grouped |= {c.key for c in members}
        claims = _merge_copies(by_key[c.key] for c in _keep_one_per_value(members))
        if len(claims) > 1:
            series.append((kind, common_words(members), claims, len(members)))
        else:
            alone += claims
    alone += _merge_copies(e for e in kept if (e.source, e.mention.start) not in grouped)
    alone.sort(key=lambda es: (es[0].source, es[0].mention.start))
    ids = _Ids()
    lines = [
        "# Drafted by `factcheck extract --format toml`: series of the running counts the",
        "# sources share, then one claim per other figure. Keep what is worth checking, fix",
        "# each statement, merge or split series where the grouping guessed wrong.",
    ]
    for kind, words, claims, mentions in series:
        sid = ids.new(f"{kind.value}-{'-'.join(words)}")
        sources = {e.source for es in claims for e in es}
        lines += ["", "[[series]]", f"id = {toml_value(sid)}", f"kind = {toml_value(kind.value)}",
                  f"title = {toml_value(_title(kind, words))}",
                  f"# {mentions} mentions in {len(sources)} sources, grouped by the words "
                  f"around them: {', '.join(words)}"]
        for es in claims:
            lines += _claim(es, ids, sid)
    if alone:
        lines += ["", "# -- figures in no series " + "-" * 62]
    for es in alone:
        lines += _claim(es, ids, None)
    return "\n".join(lines) + "\n"


def _title(kind: Kind, words: Sequence[str]) -> str:
    about = " ".join(words)
    return {
        Kind.ANNUAL: f"Years running: {about}",
        Kind.OCCURRENCES: f"Times: {about}",
        Kind.TALLY: f"Count: {about}",
        Kind.FIXED: f"Vote: {about}",
        Kind.STATUS: f"Status: {about}",
    }[kind] + " (drafted: rename)"


def _statement(sentence: str) -> str:
    """The figure's sentence as a first statement, without a wire dateline.

    >>> _statement("UNITED NATIONS, Nov 7 (Meridian) - The assembly voted 187-3.")
    'The assembly voted 187-3.'
    """
    return _DATELINE.sub("", " ".join(sentence.split()), count=1)


def _as_of(ref: ReferenceDate | None) -> list[str]:
    """The ``as_of`` line for the figure's reference date: a day or a year; a wider span
    is named in a comment for the reader to settle."""
    if ref is None or ref.resolved is None:
        return []
    span, words = ref.resolved, " ".join(ref.text.split())
    if span.is_day:
        return [f"as_of = {span.earliest.isoformat()}  # “{words}”"]
    if span == Span.year(span.first_year):
        return [f"as_of = {span.first_year}  # “{words}”"]
    return [f"# as_of: “{words}” is {span}; set a day or a year"]


def _claim(copies: Sequence[Extracted], ids: _Ids, series: str | None) -> list[str]:
    e = copies[0]
    m = e.mention
    cid = ids.new(f"{e.source.split('-')[0]}-{_slug(m.text)}")
    out = [""]
    for c in copies:
        out.append(f"# {c.source}:{c.line}:{c.column} [{c.mention.start}, {c.mention.end}) "
                   f"“{m.text}” reads as {m.quantity} ({m.quantity.kind.value}, "
                   f"{m.quantity.interval})" + (f"; {e.noise}" if e.noise else ""))
    out += [
        "[[claim]]",
        f"id = {toml_value(cid)}",
        f"statement = {toml_value(_statement(m.sentence))}",
        f"series = {toml_value(series)}" if series else '# series = ""',
        f"value = {toml_value(m.text)}",
    ]
    out += _as_of(e.reference)
    for c in copies:
        out += ["", "[[claim.quote]]", f"source = {toml_value(c.source)}",
                f"text = {toml_value(c.quote)}"]
        if c.context != ("", ""):  # the quote's words stand more than once in the source
            out += [f"prefix = {toml_value(c.context[0])}", f"suffix = {toml_value(c.context[1])}"]
    return out

