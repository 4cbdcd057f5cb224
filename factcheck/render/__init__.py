"""Everything people read: the Markdown brief, the text of ``check``, the JSON.

Rendering is the last stage: it takes :class:`~factcheck.results.Results` and never
changes them.
"""

from factcheck.render.json import report_dict, report_json
from factcheck.render.markdown import render_brief

__all__ = ["render_brief", "report_dict", "report_json"]
