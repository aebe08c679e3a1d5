"""Editor notes: on screen for editors, collapsed; never on paper."""

from __future__ import annotations

from playwright.sync_api import Page, expect


def test_editor_notes_are_collapsed_on_screen_and_absent_on_paper(page: Page, fixture_url: str) -> None:
    page.goto(fixture_url + "checklists/list-find.html")
    notes = page.locator(".pb-editor-notes")
    expect(notes.locator("summary")).to_be_visible()
    expect(notes.locator(".pb-editor-sources")).to_be_hidden()
    notes.locator("summary").click()
    expect(notes.locator(".pb-editor-sources")).to_contain_text("资料来源")
    page.emulate_media(media="print")
    expect(notes).to_be_hidden()
    assert "资料来源" not in page.locator("article").inner_text()
