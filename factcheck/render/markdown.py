"""The cited brief as Markdown (GitHub, markdown-it, JupyterLab's marked).

Every claim has one footnote, numbered in order of first reference; the footnote gives
the words each quote cites, then publisher, title, date and link. One footnote per claim
means two references never stand side by side, which GitHub's renderer would run together
("¹²¹³") and marked would misread as a reference link. Definitions are separate
paragraphs, so renderers without footnotes still show them one per line.

Values reach the Markdown through :func:`factcheck.render.escape.markdown` (the
environment's finalizer); :func:`explain` renders an explanation's parts.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from markupsafe import Markup

from factcheck.render import escape
from factcheck.render.env import render
from factcheck.render.reasons import Dated, Part, Quoted, Ref, SourceRef
from factcheck.render.view import BriefView, ClaimView, build, human_date
from factcheck.results import Results

__all__ = ["Notes", "explain", "markdown_context", "render_brief"]


class Notes:
    """Footnote numbers, one per claim, handed out in order of first reference."""

    def __init__(self, view: BriefView) -> None:
        self.view = view
        self.order: list[ClaimView] = []
        self._number: dict[str, int] = {}

    def number(self, claim_id: str) -> int:
        if claim_id not in self._number:
            self.order.append(self.view.claim(claim_id))
            self._number[claim_id] = len(self.order)
        return self._number[claim_id]

    def ref(self, claim: ClaimView | str) -> Markup:
        cid = claim if isinstance(claim, str) else claim.id
        return Markup(f"[^{self.number(cid)}]")

    @property
    def defined(self) -> list[tuple[int, ClaimView]]:
        return [(i, c) for i, c in enumerate(self.order, 1)]


def claim_words(sentence: tuple[Part, ...], view: BriefView, here: str = "",
                here_continues: bool = False) -> list[tuple[str, ClaimView | None]]:
    """A sentence as (words, claim footnoted after them) pairs, for every format.

    A claim reads as its source's name and date; a claim from the same source as the one
    named just before it reads "the same article", and one from the source a passage is
    about (*here*) reads "its claim". Sources read as their name and date; dates as
    people write them; words from a source as they stand.
    """
    out: list[tuple[str, ClaimView | None]] = []
    previous = ""
    for p in sentence:
        if isinstance(p, Ref):
            claim = view.claim(p.claim)
            source = claim.source.id if claim.quotes else ""
            if source and source == here:
                words = "its claim"
            elif source and source == previous:
                words = "the same article"
            else:
                words = claim.label
            previous = source
            out.append((words, claim))
        elif isinstance(p, SourceRef):
            source_view = view.source(p.source)
            out.append(("this article" if p.source == here else source_view.label
                        if source_view else "a source no longer in the case", None))
        elif isinstance(p, Quoted):
            out.append((p.text, None))
        elif isinstance(p, Dated):
            out.append((human_date(p), None))
        else:
            if any(ch in p for ch in ".;:"):
                previous = ""  # a new clause names its sources afresh
            out.append((p, None))
    if out and out[0][0] in ("its claim", "the same article", "this article") \
            and not here_continues:
        out[0] = (out[0][0][0].upper() + out[0][0][1:], out[0][1])  # it opens the sentence
    return out


def explain(sentence: tuple[Part, ...], view: BriefView, notes: Notes,
            here: str = "", continues: bool = False) -> Markup:
    """A sentence of parts as Markdown, each claim footnoted: the one Markdown renderer of
    explanations and reasons (*continues*: it follows a semicolon, no capital)."""
    return Markup("".join(escape.markdown(words) + (str(notes.ref(c)) if c else "")
                          for words, c in claim_words(sentence, view, here, continues)))


def markdown_context(view: BriefView) -> dict[str, Any]:
    notes = Notes(view)
    return {
        "brief": view,
        "notes": notes,
        "ref": notes.ref,
        "explain": lambda sentence, here="", continues=False: explain(
            sentence, view, notes, here, continues),
        "link": lambda url: Markup(escape.markdown_url(url)),
    }


def render_brief(report: Results, title: str | None = None, *,
                 template_dir: str | Path | None = None,
                 template: str = "brief.md.j2", view: BriefView | None = None) -> str:
    """The cited brief of *report* as Markdown (same report, same bytes); *view*: its
    view, when already built for *title*."""
    view = view or build(report, title)
    return render(template, markdown_context(view), kind="md", template_dir=template_dir)
