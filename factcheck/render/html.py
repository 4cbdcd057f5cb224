"""The cited brief as one self-contained HTML file: inline CSS, no scripts, no external assets.

Autoescape is on and every value passes :func:`factcheck.render.escape.html`; links go
through :func:`factcheck.render.escape.safe_url` (http and https only). Timelines are
matplotlib SVG, inline (``factcheck[html]``); without matplotlib the brief says so.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from markupsafe import Markup

from factcheck.render import escape
from factcheck.render.env import render
from factcheck.render.markdown import Notes, claim_words
from factcheck.render.reasons import Part
from factcheck.render.view import BriefView, ClaimView, build
from factcheck.results import Results

__all__ = ["explain", "render_html"]


class HtmlNotes(Notes):
    """Footnote references as superscript links; the first reference to a note carries the
    id the note links back to (ids stay unique)."""

    def __init__(self, view: BriefView) -> None:
        super().__init__(view)
        self._seen: set[int] = set()

    def ref(self, claim: ClaimView | str) -> Markup:
        n = self.number(claim if isinstance(claim, str) else claim.id)
        back = "" if n in self._seen else f' id="ref-{n}"'
        self._seen.add(n)
        return Markup(f'<sup class="ref"><a href="#fn-{n}"{back}>{n}</a></sup>')


def explain(sentence: tuple[Part, ...], view: BriefView, notes: Notes,
            here: str = "", continues: bool = False) -> Markup:
    """A sentence of parts as HTML, each claim footnoted: the one HTML renderer of
    explanations and reasons."""
    return Markup("".join(str(escape.html(words)) + (str(notes.ref(c)) if c else "")
                          for words, c in claim_words(sentence, view, here, continues)))


def link(url: str) -> Markup:
    """A link to a safe URL, shown by its host; "" for an unsafe one."""
    safe = escape.safe_url(url)
    if not safe:
        return Markup("")
    host = urlsplit(safe).hostname or safe
    return Markup(f'<a href="{escape.html(safe)}" rel="noopener noreferrer">'
                  f"{escape.html(host)}</a>")


def html_context(view: BriefView, report: Results, timelines: bool = True) -> dict[str, Any]:
    notes = HtmlNotes(view)
    svgs: dict[str, Markup] = {}
    note = ""
    if timelines and importlib.util.find_spec("matplotlib") is not None:
        from factcheck.render import timeline

        for s in timeline.timeline_series(view):
            svgs[s.id] = Markup(timeline.svg(report, s.id, view=view))
    elif timelines:
        note = "Timelines need matplotlib: pip install 'factcheck[html]'."
    return {
        "brief": view,
        "notes": notes,
        "ref": notes.ref,
        "explain": lambda sentence, here="", continues=False: explain(
            sentence, view, notes, here, continues),
        "link": link,
        "timelines": svgs,
        "timeline_note": note,
    }


def render_html(report: Results, title: str | None = None, *,
                template_dir: str | Path | None = None, timelines: bool = True,
                template: str = "brief.html.j2", view: BriefView | None = None) -> str:
    """The cited brief of *report* as one HTML file (same report, same bytes); *view*:
    its view, when already built for *title*."""
    view = view or build(report, title)
    return render(template, html_context(view, report, timelines), kind="html",
                  template_dir=template_dir)
