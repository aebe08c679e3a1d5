"""Issue 15, deals and forms: values as a rep types them, local time, process order, imports by name."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import load_workbook
from playwright.sync_api import Browser, Page, expect

from macros.resolve.playbook import load_playbook

from ..conftest import ROOT
from .test_deals import KEY, new_deal, stored

AMOUNT = "#f-form-tiering-amount"
SINCE = "#f-form-tiering-since"


def field_error(page: Page, field: str):  # noqa: ANN201 - Locator
    return page.locator(f"[data-field={field}] > .pb-error")


@pytest.mark.parametrize(
    ("typed", "stored_as"),
    [("１２０００", "12000"), ("１２，０００", "12000"), ("12,000.5", "12000.5"), ("３.５", "3.5"), (" 35 ", "35")],
)
def test_full_width_digits_and_separators_are_converted(
    page: Page, fixture_url: str, typed: str, stored_as: str
) -> None:
    new_deal(page, fixture_url, "星河物流", "仓储系统")
    page.goto(fixture_url + "forms/form-tiering.html")
    page.fill(AMOUNT, typed)
    page.locator(AMOUNT).blur()
    expect(page.locator(AMOUNT)).to_have_value(stored_as)
    expect(field_error(page, "amount")).to_be_hidden()
    form = stored(page)["deals"][stored(page)["current"]]["forms"]["form-tiering"]
    assert form["amount"] == stored_as


@pytest.mark.parametrize(
    ("typed", "message"), [("abc", "金额数字"), ("-5", "不小于 0"), ("12万", "不要写单位"), ("1,2", "金额数字")]
)
def test_a_bad_amount_stays_flagged_after_reload_and_out_of_the_letter_and_excel(
    page: Page, fixture_url: str, tmp_path: Path, typed: str, message: str
) -> None:
    new_deal(page, fixture_url, "星河物流", "仓储系统")
    page.goto(fixture_url + "forms/form-tiering.html")
    page.fill(AMOUNT, typed)
    expect(field_error(page, "amount")).to_contain_text(message)
    page.reload()
    expect(page.locator(AMOUNT)).to_have_value(typed)  # kept as typed, to be fixed
    expect(field_error(page, "amount")).to_contain_text(message)
    expect(page.locator(AMOUNT)).to_have_attribute("aria-invalid", "true")
    expect(page.locator(".pb-slot[data-field=amount]")).to_have_text("【年采购额】")
    page.goto(fixture_url + "deals.html")
    with page.expect_download() as download:
        page.locator(".pb-deal").first.get_by_role("button", name="导出 Excel").click()
    download.value.save_as(tmp_path / "deal.xlsx")
    rows = list(load_workbook(tmp_path / "deal.xlsx")["客户分级表"].values)
    assert ("年采购额", None) in rows, rows


@pytest.mark.parametrize(
    ("typed", "message"),
    [("2026-13-45", "没有这一天"), ("2026-02-30", "没有这一天"), ("202611", "年-月-日"), ("12/02/2026", "年-月-日")],
)
def test_impossible_dates_are_refused(page: Page, fixture_url: str, typed: str, message: str) -> None:
    new_deal(page, fixture_url, "星河物流", "仓储系统")
    page.goto(fixture_url + "forms/form-tiering.html")
    page.fill(SINCE, typed)
    expect(field_error(page, "since")).to_contain_text(message)
    page.reload()
    expect(page.locator(SINCE)).to_have_value(typed)
    expect(field_error(page, "since")).to_contain_text(message)


@pytest.mark.parametrize(
    "typed", ["2026-12-02", "2026/12/2", "2026.12.02", "2026年12月2日", "２０２６－１２－０２", "20261202"]
)
def test_dates_are_stored_and_shown_as_year_month_day(page: Page, fixture_url: str, typed: str) -> None:
    new_deal(page, fixture_url, "星河物流", "仓储系统")
    page.goto(fixture_url + "forms/form-tiering.html")
    page.fill(SINCE, typed)
    page.locator(SINCE).blur()
    expect(page.locator(SINCE)).to_have_value("2026-12-02")
    expect(field_error(page, "since")).to_be_hidden()
    page.reload()
    expect(page.locator(SINCE)).to_have_value("2026-12-02")
    # On paper it is the same text as on screen (no mm/dd/yyyy control).
    page.emulate_media(media="print")
    assert page.locator(SINCE).evaluate("el => el.type") == "text"


def test_a_date_in_a_table_cell_is_checked_too(page: Page, fixture_url: str) -> None:
    new_deal(page, fixture_url, "星河物流", "仓储系统")
    page.goto(fixture_url + "forms/form-tiering.html")
    cell = page.locator("[data-field=visits] tbody tr").first.locator("td[data-column=date]")
    cell.locator("input").fill("2026-02-30")
    expect(cell.locator(".pb-error")).to_contain_text("没有这一天")
    cell.locator("input").fill("2026/4/2")
    cell.locator("input").blur()
    expect(cell.locator("input")).to_have_value("2026-04-02")
    expect(cell.locator(".pb-error")).to_be_hidden()


@pytest.fixture
def shanghai(browser: Browser) -> Iterator[Page]:
    """A page in Shanghai at 06:30 on 2 December 2026 (22:30 UTC the day before)."""
    context = browser.new_context(timezone_id="Asia/Shanghai", accept_downloads=True)
    page = context.new_page()
    page.clock.install(time=dt.datetime(2026, 12, 1, 22, 30, tzinfo=dt.UTC))
    yield page
    context.close()


def test_cards_print_headers_file_names_and_excel_use_local_time(
    shanghai: Page, fixture_url: str, tmp_path: Path
) -> None:
    page = shanghai
    new_deal(page, fixture_url, "星河物流", "仓储系统")
    expect(page.locator(".pb-deal").first).to_contain_text("最后更新：2026-12-02 06:30")
    page.goto(fixture_url + "forms/form-tiering.html")
    page.fill(SINCE, "2026-03-01")
    expect(page.locator(".pb-print-header [data-deal=date]")).to_have_text("2026-12-02")
    page.goto(fixture_url + "deals.html")
    with page.expect_download() as download:
        page.get_by_role("button", name="导出全部 JSON").click()
    assert download.value.suggested_filename == "全部商机-20261202-0630.json"
    with page.expect_download() as download:
        page.locator(".pb-deal").first.get_by_role("button", name="导出 Excel").click()
    assert download.value.suggested_filename == "商机-仓储系统-20261202-0630.xlsx"
    download.value.save_as(tmp_path / "deal.xlsx")
    book = load_workbook(tmp_path / "deal.xlsx")
    info = dict(book["商机信息"].values)
    assert info["最后更新"].replace(second=0) == dt.datetime(2026, 12, 2, 6, 30)
    assert book["商机信息"]["B7"].number_format == "yyyy-mm-dd hh:mm"
    assert ("合作开始日期", dt.datetime(2026, 3, 1)) in list(book["客户分级表"].values)


def test_typing_into_a_form_with_no_deal_says_so(page: Page, fixture_url: str) -> None:
    page.goto(fixture_url + "forms/form-tiering.html")
    hint = page.locator(".pb-form .pb-deal-hint")
    expect(hint).to_contain_text("还没有选定商机")
    page.fill("#f-form-tiering-customer", "星河物流")
    expect(hint).to_contain_text("已自动新建“未命名商机”")
    expect(page.locator("#pb-current-deal option:checked")).to_have_text("未命名商机")


def test_merge_import_replaces_the_deal_of_the_same_customer_and_name(
    page: Page, fixture_url: str, tmp_path: Path
) -> None:
    new_deal(page, fixture_url, "星河物流", "仓储系统")
    new_deal(page, fixture_url, "华东精密", "MES 项目")
    mine = stored(page)["deals"]
    other = {
        "id": "d-from-laptop", "name": "仓储系统", "customer": "星河物流", "owner": "王芳", "mode": "",
        "archived": False, "created": "2026-01-01T00:00:00Z", "updated": "2026-11-30T00:00:00Z", "forms": {},
        "checks": {"list-find": {"target": {"done": True, "note": "", "at": "2026-11-30T00:00:00Z"}}},
    }  # fmt: skip
    path = tmp_path / "laptop.json"
    path.write_text(
        json.dumps({"format": "sales-playbook-deals", "version": 1, "deals": {other["id"]: other}}), "utf-8"
    )
    page.goto(fixture_url + "deals.html")
    page.set_input_files("#pb-import-file", path)
    expect(page.locator(".pb-import-mode")).to_contain_text("客户名称和商机名称都相同")
    expect(page.locator(".pb-import-preview tbody td").nth(2)).to_have_text("覆盖")
    page.click("#pb-import-confirm")
    expect(page.locator(".pb-deal")).to_have_count(2)
    deals = stored(page)["deals"]
    assert sorted(d["customer"] for d in deals.values()) == ["华东精密", "星河物流"]
    assert deals["d-from-laptop"]["owner"] == "王芳"
    assert len(set(deals) - set(mine)) == 1


def test_table_controls_look_like_controls(page: Page, fixture_url: str) -> None:
    new_deal(page, fixture_url, "星河物流", "仓储系统")
    page.goto(fixture_url + "forms/form-tiering.html")
    table = page.locator("[data-field=visits]")
    cell = table.locator("tbody td[data-column] input").first
    assert float(cell.evaluate("el => parseFloat(getComputedStyle(el).borderTopWidth)")) >= 1
    remove = table.get_by_role("button", name="删除这一行").first
    line = float(remove.evaluate("el => parseFloat(getComputedStyle(el).lineHeight) || 20"))
    assert remove.bounding_box()["height"] < 2 * line, "删除 wraps"
    add = table.get_by_role("button", name="添加一行")
    assert "md-button" in (add.get_attribute("class") or "")


def test_phone_tables_keep_their_cells_readable(page: Page, fixture_url: str, site_url: str) -> None:
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(fixture_url + "forms/form-tiering.html")
    cell = page.locator("[data-field=visits] tbody td[data-column]").first
    assert cell.bounding_box()["width"] > 250
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.goto(site_url + "forms/customer-tiering.html")
    strategy = page.locator(".pb-tiers tbody td[data-label=维护策略]").first
    assert strategy.bounding_box()["width"] > 250
    expect(strategy).to_be_visible()
    page.goto(site_url + "forms/opportunity-assessment.html")
    assert page.locator("[data-field=criterion-scores] td[data-column=basis]").first.bounding_box()["width"] > 250


PLAYBOOK = load_playbook(ROOT / "content", root=ROOT)


def test_next_step_follows_the_process(page: Page, site_url: str) -> None:
    """A new deal starts at the first item of the first activity of the first stage."""
    stage = PLAYBOOK.of_kind("stage")[0]
    first = PLAYBOOK.get(PLAYBOOK.activities(stage.id)[0].checklist)
    new_deal(page, site_url, "星河物流", "仓储系统")
    next_step = page.locator(".pb-deal").first.locator(".pb-deal-next")
    expect(next_step).to_contain_text(first.items()[0].text)
    expect(next_step).to_contain_text(first.title)
    # Ticking the whole first checklist moves on to the next activity's, not to file-id order.
    data = stored(page)
    deal = data["current"]
    data["deals"][deal]["checks"][first.id] = {item.id: {"done": True, "note": ""} for item in first.items()}
    page.evaluate("([key, text]) => localStorage.setItem(key, text)", [KEY, json.dumps(data)])
    page.reload()
    second = PLAYBOOK.get(PLAYBOOK.activities(stage.id)[1].checklist)
    expect(page.locator(".pb-deal").first.locator(".pb-deal-next")).to_contain_text(second.title)
