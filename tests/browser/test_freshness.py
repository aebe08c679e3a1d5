"""Issue 17 in Chromium: the freshness line and overdue mark, new since the last visit, changed checklist items."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime

from playwright.sync_api import Page, expect

VISITS = "playbook.visits"


def set_visits(page: Page, record: object) -> None:
    text = record if isinstance(record, str) else json.dumps(record)
    page.evaluate("([key, text]) => localStorage.setItem(key, text)", [VISITS, text])


def test_every_page_says_when_it_changed_and_who_reviewed_it(page: Page, site_url: str) -> None:
    page.goto(site_url + "forms/quotation.html")
    line = page.locator(".pb-fresh")
    expect(line).to_contain_text("最后更新：20")
    expect(line).to_contain_text("最后审核：2026-11-27（销售运营）")
    expect(line.locator(".pb-fresh-overdue")).to_have_count(0)
    expect(page.locator(".pb-print-header .pb-print-version").first).to_contain_text("版本：20")


def test_an_old_build_read_after_the_due_date_marks_the_review_overdue(page: Page, site_url: str) -> None:
    page.clock.install(time=datetime(2027, 6, 1, 12, tzinfo=UTC))
    page.goto(site_url + "forms/quotation.html")
    due = date.fromisoformat(page.locator(".pb-fresh").get_attribute("data-due"))
    days = (date(2027, 6, 1) - due).days
    assert days > 0
    expect(page.locator(".pb-fresh .pb-fresh-overdue")).to_have_text(f"审核已逾期 {days} 天")


def test_items_changed_since_the_last_visit_are_marked_until_opened(page: Page, site_url: str) -> None:
    page.goto(site_url)
    since = page.locator("[data-pb-whatsnew] .pb-whatsnew-since")
    expect(since).to_contain_text("第一次打开本手册")
    changes = page.evaluate("window.PB_UPDATES.changes")
    now = page.evaluate("Date.now()")
    # The previous visit ended just before the newest change, and over 30 idle minutes ago (a visit's end).
    last = min((changes[0][0] - 1) * 1000, now - 31 * 60 * 1000)
    titles = page.evaluate("window.PB_UPDATES.titles")
    pages = [(name + ".html", titles.get(name)) for stamp, group in changes if stamp * 1000 > last for name in group]
    set_visits(page, {"version": 1, "last": last, "previous": None, "seen": {}})
    page.reload()
    expect(since).to_contain_text(f"以来更新了 {len(pages)} 个条目")
    expect(since.locator("li").first).to_contain_text(pages[0][1])
    expect(page.locator(".pb-whatsnew-list")).to_be_hidden()  # the build's list gives way to this one
    target, title = pages[0]
    folder = target.split("/")[0]
    old = [name for stamp, group in changes if stamp * 1000 <= last for name in group if name.startswith(folder + "/")]
    page.goto(site_url + folder + "/index.html")
    link = page.locator(f'.pb-index a[href$="{target.split("/")[1]}"]')
    expect(link.locator(".pb-new-mark")).to_have_text("新")
    if old:  # a page that changed only before the previous visit carries no mark
        expect(page.locator(f'.pb-index a[href$="{old[0].split("/")[1]}.html"] .pb-new-mark')).to_have_count(0)
    # Opening the page says so once, then it counts as seen. Its sidebar lists the page's own
    # neighbourhood (a long section is not listed whole), so the page's own link carries the mark.
    page.goto(site_url + target)
    own = target.split("/")[1]
    expect(page.locator(f'.md-sidebar--primary a.md-nav__link[href$="{own}"] .pb-new-mark').first).to_be_attached()
    expect(page.locator(".pb-fresh .pb-fresh-new")).to_have_text("你上次访问后更新过")
    page.goto(site_url + folder + "/index.html")
    expect(page.locator(".pb-index .pb-new-mark")).to_have_count(
        sum(1 for page_, _ in pages if page_.startswith(folder + "/")) - 1
    )
    assert target in json.loads(page.evaluate(f"localStorage.getItem('{VISITS}')"))["seen"]


def test_an_unreadable_visit_record_is_left_alone(page: Page, site_url: str) -> None:
    page.goto(site_url)
    set_visits(page, "{not json")
    page.reload()
    expect(page.locator(".pb-new-mark")).to_have_count(0)
    page.goto(site_url + "techniques/index.html")
    assert page.evaluate(f"localStorage.getItem('{VISITS}')") == "{not json"


def test_a_checklist_says_which_items_changed_since_they_were_ticked(page: Page, site_url: str) -> None:
    page.goto(site_url + "checklists/compliance-checklist.html")
    boxes = page.locator(".pb-checklist input.pb-check")
    boxes.nth(0).check()  # creates a deal for the tick
    expect(boxes.nth(0)).to_be_checked()
    expect(page.locator(".pb-check-change")).to_have_count(0)
    # As the build writes them for items reworded or added after the rep's tick (epoch seconds).
    page.evaluate(
        """() => {
          const later = Math.floor(Date.now() / 1000) + 60;
          const boxes = document.querySelectorAll('.pb-checklist input.pb-check');
          boxes[0].dataset.changed = later;
          boxes[1].dataset.added = later;
          boxes[2].dataset.added = 1;
          PB.refresh();
        }"""
    )
    items = page.locator(".pb-check-item")
    expect(items.nth(0).locator(".pb-check-change")).to_have_text("你勾选后改过")
    expect(items.nth(1).locator(".pb-check-change")).to_have_text("新增项")
    expect(items.nth(2).locator(".pb-check-change")).to_have_count(0)  # added before the tick
    expect(page.locator(".pb-check-changes")).to_contain_text("新增了 1 项、改了 1 项的文字")
