"""The payload builds in Chromium: no page any of them reaches opens a dialog."""

from __future__ import annotations

from playwright.sync_api import Dialog, Page

from ..conftest import PayloadSite


def test_no_payload_runs_on_any_page(page: Page, payload_sites: list[PayloadSite]) -> None:
    dialogs: list[str] = []

    def record(dialog: Dialog) -> None:
        dialogs.append(f"{page.url}: {dialog.message}")
        dialog.dismiss()

    page.on("dialog", record)
    visited = 0
    for built in payload_sites:
        for path in sorted(built.site.folder.rglob("*.html")):
            page.goto(built.site.url + path.relative_to(built.site.folder).as_posix(), wait_until="load")
            # Hovering and focusing what the page shows is how attribute handlers would fire.
            page.mouse.move(200, 200)
            page.keyboard.press("Tab")
            visited += 1
    assert visited > 100  # every page of every payload build
    assert dialogs == []
