"""Turn a Results into text with Jinja2 templates (the only module that touches Jinja).

Every value printed into a template is escaped for Markdown by default, so text
from a source ("| ] [^1] <script>") always shows as text; the ``raw`` filter marks
what the template itself builds. Footnotes are numbered in order of first reference.

>>> md_escape("a | b [^1] <script>*x*")
'a \\\\| b \\\\[^1\\\\] &lt;script&gt;\\\\*x\\\\*'
"""

from __future__ import annotations

import functools
import re
from pathlib import Path
from typing import Any

import attrs
import jinja2
from markupsafe import Markup

from factcheck.dating import DateInference
from factcheck.reconcilers import Verdict
from factcheck.render import words
from factcheck.results import ClaimResult, QuoteResult, Results, Support

_PACKAGED = Path(__file__).parent.parent / "templates"  # inside an installed wheel
_SOURCE_TREE = Path(__file__).parent.parent.parent / "templates"  # a checkout / editable install

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]|#+!~])")


def md_escape(text: object) -> str:
    """Escape text so Markdown shows it literally: no links, tables, footnotes or HTML."""
    s = str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    s = " ".join(s.split())  # source line breaks would end a table row or a footnote
    return _MD_SPECIAL.sub(r"\\\1", s)


_CODE = re.compile(r"\\`((?:[^`\\]|\\[^`])+?)\\`")


def explain(text: str, ids: frozenset[str], refs: dict[str, str] | None = None) -> Markup:
    """Escape an explanation, showing the ids it names (in backticks) as code.

    A claim id is followed by its footnotes, so that a reader can go from the reason to
    the words behind it.

    >>> str(explain("`a_b` says *5*; `zz` is no id", frozenset({"a_b"}), {"a_b": "[^1]"}))
    '`a_b`[^1] says \\\\*5\\\\*; \\\\`zz\\\\` is no id'
    """

    def code(m: re.Match[str]) -> str:
        inner = re.sub(r"\\(.)", r"\1", m.group(1))
        return f"`{inner}`{(refs or {}).get(inner, '')}" if inner in ids else m.group(0)

    return Markup(_CODE.sub(code, md_escape(text)))


def url_link(url: str) -> Markup:
    """A Markdown autolink; characters that would end or break it are percent-encoded.

    >>> str(url_link("https://example.org/a b>|c"))
    '<https://example.org/a%20b%3E%7Cc>'
    """
    safe = "".join(f"%{ord(ch):02X}" if ch in ' <>|"' or ord(ch) < 32 else ch for ch in url)
    return Markup(f"<{safe}>")


def _finalize(value: object) -> object:
    if isinstance(value, Markup):
        return str(value)
    if value is None:
        return ""
    if isinstance(value, int | float):
        return value
    return md_escape(value)


@functools.lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    """The Jinja2 environment: templates from the wheel or the source tree, Markdown escaping."""
    paths = [str(p) for p in (_PACKAGED, _SOURCE_TREE) if p.is_dir()]
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(paths),
        autoescape=False,
        finalize=_finalize,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )
    env.filters["raw"] = Markup
    env.filters["md"] = md_escape
    env.filters["url"] = url_link
    return env


@attrs.frozen
class Footnote:
    number: int
    claim: ClaimResult
    quote: QuoteResult


def _footnotes(report: Results) -> tuple[list[Footnote], dict[str, list[int]]]:
    """One footnote per cited passage, numbered by first reference; each claim's numbers.

    Claims that cite the same words of the same source share that passage's footnote.
    """
    notes: dict[tuple[str, object], Footnote] = {}
    by_claim: dict[str, list[int]] = {}
    for result in report.claims:
        for qr in result.quotes:
            a = qr.anchor
            key = (qr.quote.source, (a.start, a.end) if a.found and qr.pin is None else
                   (qr.quote.text, qr.pin.status if qr.pin else ""))
            if key not in notes:
                notes[key] = Footnote(len(notes) + 1, result, qr)
            numbers = by_claim.setdefault(result.id, [])
            if notes[key].number not in numbers:
                numbers.append(notes[key].number)
    return list(notes.values()), by_claim


def _date_label(report: Results, source_id: str) -> str:
    source = report.source(source_id)
    if source.published is not None:
        return source.published.isoformat()
    inference: DateInference | None = report.inference(source_id)
    if inference is not None and inference.span is not None:
        return words.inference_words(inference)
    return "undated"


def _source_name(report: Results, source_id: str) -> str:
    """A source as an editor names it: its publisher (or title) and its date."""
    source = report.source(source_id)
    name = source.publisher or source.label
    return f"{name}, {_date_label(report, source_id)}"


def render_brief(report: Results, title: str | None = None, template: str = "brief.md.j2") -> str:
    """Render the cited brief of *report* as Markdown (deterministic: same report, same bytes)."""
    notes, by_claim = _footnotes(report)
    refs = {cid: "".join(f"[^{n}]" for n in ns) for cid, ns in by_claim.items()}
    counts = {
        "claims": len(report.claims),
        "supported": sum(c.support is Support.SUPPORTED for c in report.claims),
        "series": len(report.findings),
        "consistent": sum(f.verdict is Verdict.CONSISTENT for f in report.findings),
        "consistent_if": sum(f.verdict is Verdict.CONSISTENT_IF for f in report.findings),
        "conflict": sum(f.verdict is Verdict.CONFLICT for f in report.findings),
        "uncorroborated": sum(f.verdict is Verdict.UNCORROBORATED for f in report.findings),
        "unchecked": sum(f.verdict is Verdict.UNCHECKED for f in report.findings),
    }
    ids = frozenset({c.id for c in report.claims} | {s.id for s in report.sources}
                    | {f.series.id for f in report.findings})
    context: dict[str, Any] = {
        "explain": lambda text: explain(text, ids, refs),
        "finding_text": lambda f: explain(
            words.explain(f, source=lambda sid: _source_name(report, sid)), ids, refs),
        "problem_text": lambda c: explain(words.problems_text(c.problems), ids, refs),
        "inference_words": words.inference_words,
        "inference_reasons": lambda i: [explain(words.plain(r), ids, refs)
                                        for r in words.inference_reasons(i)],
        "title": title or "Fact-check brief",
        "report": report,
        "counts": counts,
        "notes": notes,
        "refs": {cid: Markup(r) for cid, r in refs.items()},
        "date_label": lambda sid: _date_label(report, sid),
        "series_claims": {f.series.id: [c for c in report.claims if c.claim.series == f.series.id]
                          for f in report.findings},
        "unseries": [c for c in report.claims if c.claim.series is None],
    }
    return environment().get_template(template).render(context)
