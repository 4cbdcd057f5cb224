"""Open an HTML brief in headless Chromium and fail on console errors or a blank page.

    python scripts/check_html.py brief.html

Needs Playwright (``pip install playwright``) and a Chromium: ``/usr/bin/chromium`` when
present, else Playwright's own (``playwright install chromium``). Without either, it says
so and exits 0 with "skipped", so that it can run in any CI; exit 1 means the page failed.
"""

from __future__ import annotations

import sys
from pathlib import Path

CHROMIUM = Path("/usr/bin/chromium")


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    page_path = Path(argv[0]).resolve()
    try:
        from playwright.sync_api import Error, sync_playwright
    except ImportError:
        print("skipped: Playwright is not installed (pip install playwright)")
        return 0
    errors: list[str] = []
    with sync_playwright() as p:
        try:
            browser = p.chromium.launch(
                executable_path=str(CHROMIUM) if CHROMIUM.exists() else None)
        except Error as exc:
            print(f"skipped: no Chromium to run ({exc.message.splitlines()[0]})")
            return 0
        page = browser.new_page()
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.on("request", lambda r: errors.append(f"external request: {r.url}")
                if not r.url.startswith(("file:", "data:", "about:")) else None)
        page.goto(page_path.as_uri())
        title = page.title()
        svgs = page.locator("svg").count()
        height = page.evaluate("document.body.scrollHeight")
        browser.close()
    print(f"{page_path.name}: title {title!r}, {svgs} timelines, {height}px tall")
    if errors or not title or height < 500:
        for e in errors:
            print(f"error: {e}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
