"""Issue: reps' deals, checklists and forms in a real browser (fixture content)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from openpyxl import load_workbook
from playwright.sync_api import Page, expect

KEY = "playbook.deals"


def new_deal(page: Page, base: str, customer: str, name: str, owner: str = "李明") -> None:
    page.goto(base + "deals.html")
    page.fill("#pb-new-customer", customer)
    page.fill("#pb-new-name", name)
    page.fill("#pb-new-owner", owner)
    page.click("#pb-new-submit")
    expect(page.locator("#pb-current-deal option:checked")).to_have_text(f"{customer} · {name}")


def stored(page: Page) -> dict:
    return json.loads(page.evaluate(f"localStorage.getItem('{KEY}')"))


def boxes(page: Page):  # noqa: ANN201 - Locator
    return page.locator(".pb-checklist input.pb-check")


def test_tick_survives_reload_and_instant_navigation(page: Page, fixture_url: str) -> None:
    new_deal(page, fixture_url, "星河物流", "仓储系统")
    page.goto(fixture_url + "checklists/list-find.html")
    boxes(page).nth(1).check()
    expect(page.locator(".pb-checklist .pb-progress")).to_have_text("已完成 1/3")
    page.reload()
    expect(boxes(page).nth(1)).to_be_checked()
    # Away and back through Material's instant navigation (no full reload).
    page.evaluate("window.__marker = 1")
    page.locator(".pb-position a", has_text="挖掘潜在商机").first.click()
    expect(page).to_have_url(fixture_url + "activities/act-find.html")
    expect(page.locator("[data-progress-checklist=list-find]")).to_have_text("已完成 1/3")
    page.go_back()
    expect(page).to_have_url(fixture_url + "checklists/list-find.html")
    expect(boxes(page).nth(1)).to_be_checked()
    assert page.evaluate("window.__marker") == 1, "navigation was not instant"
    assert stored(page)["deals"][stored(page)["current"]]["checks"]["list-find"]["contact"]["done"] is True


def test_switching_deals_switches_state(page: Page, fixture_url: str) -> None:
    new_deal(page, fixture_url, "星河物流", "仓储系统")
    first = stored(page)["current"]
    page.goto(fixture_url + "checklists/list-find.html")
    boxes(page).nth(0).check()
    new_deal(page, fixture_url, "华东精密", "MES 项目")
    page.goto(fixture_url + "checklists/list-find.html")
    expect(boxes(page).nth(0)).not_to_be_checked()
    page.select_option("#pb-current-deal", first)
    expect(boxes(page).nth(0)).to_be_checked()


def test_note_per_item_is_saved(page: Page, fixture_url: str) -> None:
    new_deal(page, fixture_url, "星河物流", "仓储系统")
    page.goto(fixture_url + "checklists/list-find.html")
    page.locator(".pb-note-toggle").first.click()
    page.locator(".pb-check-note").first.fill("王经理周三回电")
    page.reload()
    expect(page.locator(".pb-check-note").first).to_have_value("王经理周三回电")


def test_corrupt_storage_is_reported_and_never_overwritten(page: Page, fixture_url: str) -> None:
    page.goto(fixture_url)
    page.evaluate(f"localStorage.setItem('{KEY}', '{{not json')")
    page.goto(fixture_url + "checklists/list-find.html")
    expect(page.locator(".pb-banner")).to_contain_text("已损坏")
    boxes(page).nth(0).check()  # keeps working for the session
    expect(boxes(page).nth(0)).to_be_checked()
    assert page.evaluate(f"localStorage.getItem('{KEY}')") == "{not json"
    page.goto(fixture_url + "deals.html")
    expect(page.get_by_role("button", name="下载无法读取的原始数据")).to_be_visible()


def test_blocked_storage_keeps_working_for_the_session(page: Page, fixture_url: str) -> None:
    blocked = "{get() { throw new DOMException('blocked', 'SecurityError'); }}"
    page.add_init_script(f"Object.defineProperty(window, 'localStorage', {blocked});")
    page.goto(fixture_url + "checklists/list-find.html")
    expect(page.locator(".pb-banner")).to_contain_text("不允许本站保存数据")
    boxes(page).nth(0).check()
    expect(page.locator(".pb-checklist .pb-progress")).to_have_text("已完成 1/3")


def test_renamed_item_keeps_its_state_and_removed_item_is_reported(page: Page, fixture_url: str) -> None:
    deal = {
        "id": "d-1", "name": "仓储系统", "customer": "星河物流", "owner": "", "mode": "", "archived": False,
        "created": "2026-01-01T00:00:00Z", "updated": "2026-01-01T00:00:00Z", "forms": {},
        "checks": {"list-find": {"contact-old": {"done": True, "note": ""}, "gone-item": {"done": True, "note": ""}}},
    }  # fmt: skip
    page.goto(fixture_url)
    data = json.dumps({"version": 1, "current": "d-1", "deals": {"d-1": deal}})
    page.evaluate(f"localStorage.setItem('{KEY}', {json.dumps(data)})")
    page.goto(fixture_url + "checklists/list-find.html")
    expect(page.locator("input[data-item=contact]")).to_be_checked()
    page.goto(fixture_url + "deals.html")
    expect(page.locator(".pb-deal-orphans")).to_contain_text("gone-item")


def test_forms_save_and_validate_as_typed(page: Page, fixture_url: str) -> None:
    new_deal(page, fixture_url, "星河物流", "仓储系统")
    page.goto(fixture_url + "forms/form-tiering.html")
    page.fill("#f-form-tiering-amount", "12万")
    expect(page.locator("[data-field=amount] .pb-error")).to_contain_text("请输入金额数字")
    expect(page.locator("#f-form-tiering-amount")).to_have_attribute("aria-invalid", "true")
    page.fill("#f-form-tiering-amount", "120")
    expect(page.locator("[data-field=amount] .pb-error")).to_be_hidden()
    page.fill("#f-form-tiering-customer", "星河物流")
    page.select_option("#f-form-tiering-tier", "战略客户")
    page.fill("#f-form-tiering-since", "2026-03-01")
    table = page.locator("[data-field=visits]")
    table.locator("tbody tr").first.locator("input").first.fill("2026-04-02")
    table.get_by_role("button", name="添加一行").click()
    table.locator("tbody tr").nth(1).locator("input").nth(1).fill("高层互访")
    page.reload()
    expect(page.locator("#f-form-tiering-amount")).to_have_value("120")
    expect(page.locator("#f-form-tiering-tier")).to_have_value("战略客户")
    expect(page.locator("#f-form-tiering-since")).to_have_value("2026-03-01")
    expect(table.locator("tbody tr")).to_have_count(2)
    expect(page.locator(".pb-slot").first).to_have_text("星河物流")
    table.locator("tbody tr").nth(0).get_by_role("button", name="删除").click()
    page.reload()
    expect(table.locator("tbody tr")).to_have_count(1)
    expect(table.locator("tbody tr input").nth(1)).to_have_value("高层互访")


def test_export_clear_import_round_trip_is_lossless(page: Page, fixture_url: str, tmp_path: Path) -> None:
    new_deal(page, fixture_url, "星河物流", "仓储系统")
    page.goto(fixture_url + "checklists/list-find.html")
    boxes(page).nth(2).check()
    page.goto(fixture_url + "forms/form-tiering.html")
    page.fill("#f-form-tiering-amount", "35.5")
    before = stored(page)["deals"]
    page.goto(fixture_url + "deals.html")
    with page.expect_download() as download:
        page.get_by_role("button", name="导出全部 JSON").click()
    path = tmp_path / "deals.json"
    download.value.save_as(path)
    page.evaluate("localStorage.clear()")
    page.reload()
    expect(page.locator(".pb-empty")).to_be_visible()
    page.set_input_files("#pb-import-file", path)
    expect(page.locator(".pb-import-preview tbody tr")).to_have_count(1)
    expect(page.locator(".pb-import-preview td").nth(2)).to_have_text("新增")
    page.click("#pb-import-confirm")
    expect(page.locator(".pb-deal")).to_have_count(1)
    assert stored(page)["deals"] == before


@pytest.mark.parametrize(
    ("content", "message"),
    [("{broken", "不是有效的 JSON"), ('{"format": "other", "deals": {}}', "不是销售作战手册导出的")],
)
def test_malformed_import_leaves_data_untouched(
    page: Page, fixture_url: str, tmp_path: Path, content: str, message: str
) -> None:
    new_deal(page, fixture_url, "星河物流", "仓储系统")
    before = page.evaluate(f"localStorage.getItem('{KEY}')")
    path = tmp_path / "bad.json"
    path.write_text(content, "utf-8")
    page.set_input_files("#pb-import-file", path)
    expect(page.locator(".pb-import .pb-error")).to_contain_text(message)
    assert page.evaluate(f"localStorage.getItem('{KEY}')") == before


def test_deals_page_progress_next_step_archive_delete(page: Page, fixture_url: str) -> None:
    new_deal(page, fixture_url, "星河物流", "仓储系统")
    page.goto(fixture_url + "checklists/list-find.html")
    boxes(page).nth(0).check()
    page.goto(fixture_url + "deals.html")
    card = page.locator(".pb-deal").first
    expect(card.locator(".pb-deal-stages")).to_contain_text("开发商机 1/3")
    expect(card.locator(".pb-deal-next")).to_contain_text("已找到联系人")
    card.get_by_role("button", name="归档").click()
    expect(page.locator(".pb-deal")).to_have_count(0)
    page.get_by_label("显示已归档").check()
    expect(page.locator(".pb-deal-archived")).to_have_count(1)
    page.once("dialog", lambda dialog: dialog.accept())
    page.locator(".pb-deal").first.get_by_role("button", name="删除").click()
    expect(page.locator(".pb-deal")).to_have_count(0)
    assert stored(page)["deals"] == {}


def test_print_shows_only_content_with_real_boxes_and_values(page: Page, fixture_url: str) -> None:
    new_deal(page, fixture_url, "星河物流", "仓储系统", owner="张伟")
    page.goto(fixture_url + "checklists/list-find.html")
    boxes(page).nth(0).check()
    page.emulate_media(media="print")
    for chrome in (".md-header", ".md-sidebar--primary", ".md-footer", ".pb-print-bar"):
        expect(page.locator(chrome).first).to_be_hidden()
    header = page.locator(".pb-print-header")
    expect(header).to_be_visible()
    expect(header).to_contain_text("星河物流")
    expect(header).to_contain_text("张伟")
    visible_boxes = page.locator(".pb-check-item input[type=checkbox]:visible")
    expect(visible_boxes).to_have_count(3)
    assert page.locator(".pb-check-item").count() == 3


def test_excel_export_opens_in_openpyxl(page: Page, fixture_url: str, tmp_path: Path) -> None:
    new_deal(page, fixture_url, "星河物流", "仓储系统")
    page.goto(fixture_url + "checklists/list-find.html")
    boxes(page).nth(0).check()
    page.goto(fixture_url + "forms/form-tiering.html")
    page.fill("#f-form-tiering-amount", "120")
    page.goto(fixture_url + "deals.html")
    with page.expect_download() as download:
        page.locator(".pb-deal").first.get_by_role("button", name="导出 Excel").click()
    path = tmp_path / "deal.xlsx"
    download.value.save_as(path)
    book = load_workbook(path)
    assert book.sheetnames == ["商机信息", "挖掘潜在商机检查清单", "客户分级表"]
    assert book["商机信息"]["B2"].value == "星河物流"
    rows = list(book["挖掘潜在商机检查清单"].values)
    assert rows[1][:2] == ("已列出目标客户名单", "是")
    assert ("年采购额", 120) in list(book["客户分级表"].values)


def test_keyboard_and_labels(page: Page, fixture_url: str) -> None:
    new_deal(page, fixture_url, "星河物流", "仓储系统")
    page.goto(fixture_url + "checklists/list-find.html")
    boxes(page).nth(0).focus()
    page.keyboard.press("Space")
    expect(boxes(page).nth(0)).to_be_checked()
    page.goto(fixture_url + "forms/form-tiering.html")
    unlabeled = page.evaluate(
        """() => [...document.querySelectorAll('form.pb-form input, form.pb-form select, form.pb-form textarea')]
            .filter(el => !(el.labels && el.labels.length) && !el.getAttribute('aria-label')).length"""
    )
    assert unlabeled == 0


def test_phone_width_has_no_horizontal_scroll(page: Page, fixture_url: str) -> None:
    page.set_viewport_size({"width": 360, "height": 740})
    for path in ("checklists/list-find.html", "forms/form-tiering.html", "deals.html"):
        page.goto(fixture_url + path)
        assert page.evaluate("document.documentElement.scrollWidth") <= 360, path
