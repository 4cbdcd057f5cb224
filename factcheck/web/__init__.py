"""Sources straight from the web: saved pages, URLs and web archives (WARC) read with
trafilatura (main text) and htmldate (dates), written as ``sources/<id>.md`` with the
original kept in ``sources/.raw/``.

Needs the optional libraries: ``pip install 'factcheck[web]'``; they are imported only
when a page is read.
"""

from factcheck.web.inputs import read_pages
from factcheck.web.page import Page, read_page, url_date
from factcheck.web.store import (
    Added,
    add_pages,
    default_id,
    same_url,
    slug,
    source_text,
    verify_raw,
)

__all__ = ["Added", "Page", "add_pages", "default_id", "read_page", "read_pages",
           "same_url", "slug", "source_text", "url_date", "verify_raw"]
