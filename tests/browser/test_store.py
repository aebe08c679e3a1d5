"""Issue 12 item 6: the deal store under hostile imports, full and blocked storage, two tabs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from playwright.sync_api import BrowserContext, Page, expect

from macros.resolve.playbook import load_playbook

from ..conftest import ROOT
from .conftest import search
from .test_deals import KEY, boxes, new_deal, stored

DEAL = {
    "id": "d-1", "name": "仓储系统", "customer": "星河物流", "owner": "李明", "mode": "", "archived": False,
    "created": "2026-01-01T00:00:00Z", "updated": "2026-01-01T00:00:00Z", "checks": {}, "forms": {},
}  # fmt: skip


def export_file(tmp_path: Path, deals: object, version: object = 1, name: str = "import.json") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps({"format": "sales-playbook-deals", "version": version, "deals": deals}), "utf-8")
    return path


def put(page: Page, data: object) -> None:
    """Store raw data as an earlier visit (or another program) left it."""
    page.evaluate("([key, text]) => localStorage.setItem(key, text)", [KEY, json.dumps(data)])


# ---------------------------------------------------------------- hostile imports


@pytest.mark.parametrize(
    ("deals", "version", "message"),
    [
        ({"d-1": {**DEAL, "updated": 5}}, 1, "updated"),
        ({"d-1": {**DEAL, "checks": "done"}}, 1, "checks"),
        ({"d-1": {**DEAL, "forms": {"form-tiering": {"amount": {"x": 1}}}}}, 1, "forms.form-tiering.amount"),
        ({"d-1": {**DEAL, "checks": {"list-find": {"contact": {"done": "yes"}}}}}, 1, "done"),
        ({"d-1": {**DEAL, "id": "d-2"}}, 1, "id"),
        ([{"id": "d-1"}], 0, "name"),  # version 0: a deal without a name
        ({"d-1": DEAL}, "1", "version"),
    ],
    ids=[
        "updated-number",
        "checks-string",
        "form-value-object",
        "done-string",
        "id-mismatch",
        "v0-nameless",
        "version-string",
    ],
)
def test_an_import_of_the_wrong_shape_is_refused_saying_what_is_wrong(
    page: Page, fixture_url: str, tmp_path: Path, deals: object, version: object, message: str
) -> None:
    new_deal(page, fixture_url, "华东精密", "MES 项目")
    before = page.evaluate(f"localStorage.getItem('{KEY}')")
    page.set_input_files("#pb-import-file", export_file(tmp_path, deals, version))
    error = page.locator(".pb-import .pb-error")
    expect(error).to_contain_text("有误")
    expect(error).to_contain_text(message)
    expect(error).not_to_contain_text("更新版本")
    assert page.evaluate(f"localStorage.getItem('{KEY}')") == before
    page.reload()
    expect(page.locator(".pb-deal")).to_have_count(1)
    expect(page.locator(".pb-banner")).to_have_count(0)


def test_object_internals_are_plain_data(page: Page, fixture_url: str, tmp_path: Path) -> None:
    """Ids such as __proto__ and constructor are deals and checklists like any other."""
    deals = {
        "__proto__": {**DEAL, "id": "__proto__", "name": "原型商机"},
        "constructor": {**DEAL, "id": "constructor", "name": "构造商机"},
        "prototype": {**DEAL, "id": "prototype", "name": "普通商机",
                      "checks": {"__proto__": {"constructor": {"done": True, "note": "x"}}}},
    }  # fmt: skip
    page.goto(fixture_url + "deals.html")
    page.set_input_files("#pb-import-file", export_file(tmp_path, deals))
    changes = page.locator(".pb-import-preview tbody td:nth-child(3)").all_inner_texts()
    assert changes == ["新增", "新增", "新增"]
    page.click("#pb-import-confirm")
    expect(page.locator(".pb-deal")).to_have_count(3)
    page.reload()
    expect(page.locator(".pb-deal")).to_have_count(3)
    expect(page.locator(".pb-banner")).to_have_count(0)
    data = stored(page)
    assert sorted(data["deals"]) == ["__proto__", "constructor", "prototype"]
    assert data["deals"]["prototype"]["checks"]["__proto__"]["constructor"]["done"] is True
    # The orphaned checklist is reported by its id, not read as an object's internals.
    expect(page.locator(".pb-deal-orphans")).to_contain_text("__proto__")
    page.goto(fixture_url + "checklists/list-find.html")
    page.select_option("#pb-current-deal", "__proto__")
    boxes(page).nth(0).check()
    assert stored(page)["deals"]["__proto__"]["checks"]["list-find"]["target"]["done"] is True


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"version": 1, "current": None, "deals": {"d-1": {**DEAL, "checks": "x"}}}, "checks"),
        ({"version": 1, "current": None, "deals": {"d-1": {**DEAL, "forms": []}}}, "forms"),
        ({"version": 1, "current": None, "deals": {"d-1": {**DEAL, "updated": 5}}}, "updated"),
        ({"version": "1", "deals": {}}, "version"),
    ],
    ids=["checks-string", "forms-list", "updated-number", "version-string"],
)
def test_stored_data_of_the_wrong_shape_is_reported_and_never_overwritten(
    page: Page, fixture_url: str, data: object, message: str
) -> None:
    page.goto(fixture_url)
    put(page, data)
    page.goto(fixture_url + "checklists/list-find.html")
    banner = page.locator(".pb-banner")
    expect(banner).to_contain_text("已损坏")
    expect(banner).to_contain_text(message)
    boxes(page).nth(0).check()  # works for this session
    expect(page.locator(".pb-checklist .pb-progress")).to_have_text("已完成 1/3")
    assert json.loads(page.evaluate(f"localStorage.getItem('{KEY}')")) == data


# ---------------------------------------------------------------- full storage

FILL = """() => {
  let n = 0;
  for (let size = 1 << 22; size >= 1; size >>= 1) {
    const chunk = "x".repeat(size);
    for (;;) { try { localStorage.setItem("filler-" + n, chunk); n += 1; } catch (e) { break; } }
  }
  return n;
}"""


def test_full_storage_shows_deals_read_only_with_export_and_delete(
    page: Page, fixture_url: str, tmp_path: Path
) -> None:
    new_deal(page, fixture_url, "星河物流", "仓储系统")
    new_deal(page, fixture_url, "华东精密", "MES 项目")
    page.goto(fixture_url + "checklists/list-find.html")
    boxes(page).nth(0).check()
    assert page.evaluate(FILL) > 0
    # A later page load: full, not forbidden; the deals are all there.
    page.goto(fixture_url + "deals.html")
    banner = page.locator(".pb-banner")
    expect(banner).to_contain_text("已满")
    expect(banner).not_to_contain_text("不允许")
    expect(page.locator(".pb-deal")).to_have_count(2)
    expect(page.locator("#pb-current-deal option")).to_have_count(3)
    # A change that does not fit is undone on screen, not shown as saved.
    page.goto(fixture_url + "checklists/list-find.html")
    expect(boxes(page).nth(0)).to_be_checked()
    boxes(page).nth(1).click(force=True)
    expect(boxes(page).nth(1)).not_to_be_checked()
    expect(page.locator(".pb-banner")).to_contain_text("已满")
    # The way out works: export, then delete.
    page.goto(fixture_url + "deals.html")
    with page.expect_download() as download:
        page.get_by_role("button", name="导出全部 JSON").click()
    download.value.save_as(tmp_path / "all.json")
    assert len(json.loads((tmp_path / "all.json").read_text("utf-8"))["deals"]) == 2
    page.once("dialog", lambda dialog: dialog.accept())
    page.locator(".pb-deal", has_text="星河物流").get_by_role("button", name="删除").click()
    expect(page.locator(".pb-deal")).to_have_count(1)
    page.reload()
    expect(page.locator(".pb-deal")).to_have_count(1)
    assert [d["customer"] for d in stored(page)["deals"].values()] == ["华东精密"]
    # Room again: the message goes and changes are saved.
    page.evaluate(
        "() => { for (const k of Object.keys(localStorage)) if (k.startsWith('filler-')) localStorage.removeItem(k); }"
    )
    page.goto(fixture_url + "checklists/list-find.html")
    expect(page.locator(".pb-banner")).to_have_count(0)
    boxes(page).nth(1).check()
    page.reload()
    expect(boxes(page).nth(1)).to_be_checked()


# ---------------------------------------------------------------- blocked storage

BLOCK = """for (const name of ['localStorage', 'sessionStorage']) {
  Object.defineProperty(window, name, { configurable: true,
    get() { throw new DOMException('The document is sandboxed', 'SecurityError'); } });
}"""


def test_blocked_storage_leaves_material_and_search_working(page: Page, fixture_url: str) -> None:
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.add_init_script(BLOCK)
    page.goto(fixture_url + "checklists/list-find.html")
    expect(page.locator(".pb-banner")).to_contain_text("不允许本站保存数据")
    assert search(page, "分级")[:1] == ["客户分级表"]
    page.keyboard.press("Escape")  # close the search dialog
    boxes(page).nth(0).check()
    expect(page.locator(".pb-checklist .pb-progress")).to_have_text("已完成 1/3")
    assert errors == []


# ---------------------------------------------------------------- two tabs

PLAYBOOK = load_playbook(ROOT / "content", root=ROOT)
BIG = next(c for c in PLAYBOOK.of_kind("checklist") if len(c.items()) >= 16)

TICK_AT = """([at, indexes]) => new Promise(resolve => {
  const boxes = [...document.querySelectorAll('.pb-checklist input.pb-check')];
  indexes.forEach((index, n) => setTimeout(() => boxes[index].click(), at + n * 2 - Date.now()));
  setTimeout(resolve, at + indexes.length * 2 + 50 - Date.now());
})"""


def test_two_tabs_ticking_different_items_at_the_same_moment_lose_none(context: BrowserContext, site_url: str) -> None:
    first, second = context.new_page(), context.new_page()
    new_deal(first, site_url, "星河物流", "两个窗口")
    url = site_url + f"checklists/{BIG.id}.html"
    for page in (first, second):
        page.goto(url)
        expect(page.locator(".pb-deal-hint")).to_contain_text("两个窗口")
    count = len(BIG.items())
    at = first.evaluate("Date.now()") + 800
    # Both tabs tick at the same moments, 2 ms apart: first the even items, second the odd ones.
    with_first = list(range(0, count, 2))
    with_second = list(range(1, count, 2))
    first.evaluate(f"() => {{ window.__t = ({TICK_AT})({json.dumps([at, with_first])}); }}")
    second.evaluate(TICK_AT, [at, with_second])
    first.evaluate("window.__t")
    for page in (first, second):
        expect(page.locator(".pb-checklist .pb-progress")).to_have_text(f"已完成 {count}/{count}", timeout=5000)
    deal = next(iter(stored(first)["deals"].values()))
    assert sorted(deal["checks"][BIG.id]) == sorted(item.id for item in BIG.items())
    assert all(entry["done"] for entry in deal["checks"][BIG.id].values())
    second.reload()
    expect(second.locator(".pb-checklist input.pb-check:checked")).to_have_count(count)


def test_a_change_in_one_tab_shows_in_the_other(context: BrowserContext, fixture_url: str) -> None:
    first, second = context.new_page(), context.new_page()
    new_deal(first, fixture_url, "星河物流", "仓储系统")
    first.goto(fixture_url + "checklists/list-find.html")
    second.goto(fixture_url + "forms/form-tiering.html")
    second.fill("#f-form-tiering-customer", "星河物流集团")
    boxes(first).nth(2).check()
    expect(second.locator(".pb-letter .pb-slot").first).to_have_text("星河物流集团")
    first.goto(fixture_url + "forms/form-tiering.html")
    expect(first.locator("#f-form-tiering-customer")).to_have_value("星河物流集团")
    second.goto(fixture_url + "checklists/list-find.html")
    expect(boxes(second).nth(2)).to_be_checked()


def test_a_deal_deleted_in_one_tab_stays_deleted_in_the_other(context: BrowserContext, fixture_url: str) -> None:
    first, second = context.new_page(), context.new_page()
    new_deal(first, fixture_url, "星河物流", "仓储系统")
    new_deal(first, fixture_url, "华东精密", "MES 项目")
    second.goto(fixture_url + "deals.html")
    expect(second.locator(".pb-deal")).to_have_count(2)
    first.once("dialog", lambda dialog: dialog.accept())
    first.locator(".pb-deal", has_text="星河物流").get_by_role("button", name="删除").click()
    expect(second.locator(".pb-deal")).to_have_count(1)
    # A change in the second tab afterwards does not bring the deleted deal back.
    second.locator(".pb-deal").first.get_by_role("button", name="归档").click()
    first.reload()
    expect(first.locator(".pb-deal")).to_have_count(0)
    assert [d["customer"] for d in stored(first)["deals"].values()] == ["华东精密"]
