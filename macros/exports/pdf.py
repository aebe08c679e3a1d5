"""Print the site's PDFs with Chromium (Playwright): A4, fonts embedded, page numbers and a
running header from print.css, bookmarks from the headings (Chromium's tagged outline).

The site is served from its folder on a localhost port for the length of the run; the book
and the print packs (an index page and one page per sheet on the site) are assembled in
memory and handed to the browser through a route, never written into the site.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from pypdf import PdfReader

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

from macros.exports import book, parts
from macros.exports.targets import Target, targets
from macros.resolve.playbook import Playbook

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]  # fmt: skip
BOOK_URL = "book.html"  # answered by a route: the file never exists in the site


@dataclass(frozen=True)
class Printed:
    target: Target
    pages: int
    seconds: float


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib signature
        pass


@contextlib.contextmanager
def _served(folder: Path) -> Iterator[str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(folder)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def _print(page: Page, url: str, out: Path, blank: bool) -> int:
    page.goto(url, wait_until="load")
    # The page scripts prepare the print: values and choices, the running header.
    page.wait_for_function("() => window.PB && window.PB.preparePrint", timeout=30_000)
    page.evaluate("mode => window.PB.preparePrint(mode)", "blank" if blank else "filled")
    page.evaluate("() => document.fonts.ready")
    out.parent.mkdir(parents=True, exist_ok=True)
    page.pdf(path=str(out), prefer_css_page_size=True, print_background=True, outline=True, tagged=True)
    return len(PdfReader(str(out)).pages)


def _flat_outline(reader: PdfReader) -> list[tuple[str, int]]:
    found: list[tuple[str, int]] = []

    def walk(items: list) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item)
            else:
                found.append((str(item.title).strip(), reader.get_destination_page_number(item) + 1))

    walk(reader.outline)
    return found


def page_numbers(pdf: Path, wanted: list[tuple[str, str]]) -> dict[str, int]:
    """Each wanted heading's page, matched in order against the PDF's bookmarks."""
    marks = _flat_outline(PdfReader(str(pdf)))
    pages: dict[str, int] = {}
    position = 0
    for title, anchor in wanted:
        for index in range(position, len(marks)):
            if marks[index][0] == title:
                pages[anchor] = marks[index][1]
                position = index + 1
                break
    return pages


def _print_parts(page: Page, base: str, site: Path, target: Target, out: Path) -> int:
    """The index page of a pack, handout or guide, answered by a route with every part in it."""
    url = base + target.page
    html = parts.assemble(site, target.page, target.parts)
    page.route(url, lambda route: route.fulfill(body=html, content_type="text/html; charset=utf-8"))
    try:
        return _print(page, url, out, target.blank)
    finally:
        page.unroute(url)


def _print_book(page: Page, base: str, site: Path, playbook: Playbook, out: Path) -> int:
    today = date.today().isoformat()
    first = book.assemble(site, playbook, date=today)
    current = {"html": first.html}
    page.route(
        base + BOOK_URL, lambda route: route.fulfill(body=current["html"], content_type="text/html; charset=utf-8")
    )
    _print(page, base + BOOK_URL, out, blank=True)
    # A second printing with the contents' page numbers: the contents keep their length,
    # so every chapter stays on the page the first printing put it.
    current["html"] = book.assemble(site, playbook, pages=page_numbers(out, first.headings), date=today).html
    return _print(page, base + BOOK_URL, out, blank=True)


def build(
    site: Path,
    playbook: Playbook,
    include_book: bool = True,
    only: set[str] | None = None,
    browser: Browser | None = None,
) -> list[Printed]:
    """Print every PDF of ``targets`` into the site folder; returns what was printed.

    ``browser`` is an already running Chromium (the tests' own); without it one is started.
    """
    if browser is None:
        from playwright.sync_api import sync_playwright  # the browser is needed only here

        with sync_playwright() as playwright:
            started = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            try:
                return build(site, playbook, include_book, only, started)
            finally:
                started.close()
    printed: list[Printed] = []
    chosen = [t for t in targets(playbook, book=include_book) if only is None or t.pdf in only]
    with _served(site) as base:
        page = browser.new_page()
        # The book is one page of several hundred sheets: on a busy machine it takes minutes.
        page.set_default_timeout(600_000)
        try:
            for target in chosen:
                started_at = time.perf_counter()
                out = site / target.pdf
                if target.parts:
                    count = _print_parts(page, base, site, target, out)
                elif target.page:
                    count = _print(page, base + target.page, out, target.blank)
                else:
                    count = _print_book(page, base, site, playbook, out)
                printed.append(Printed(target, count, time.perf_counter() - started_at))
        finally:
            page.close()
    return printed
