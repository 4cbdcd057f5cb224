"""Everything people read: the briefs (Markdown, HTML, ClaimReview), the text of
``check``, the JSON, and the notebook displays.

``view`` decides what a brief shows (shared by every format); ``escape`` holds the one
escaping function per format; ``reasons`` turns explanations into parts; ``env`` runs
the (sandboxed) templates; ``markdown``, ``html``, ``claimreview``, ``json``,
``notebook``, ``timeline`` and ``frame`` render.

Rendering is the last stage: it takes :class:`~factcheck.results.Results` and never
changes them.
"""

from factcheck.render.json import report_dict, report_json
from factcheck.render.markdown import render_brief

__all__ = ["render_brief", "report_dict", "report_json"]
