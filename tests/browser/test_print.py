"""Issue 15: what prints is whole, lists its choices, and carries nothing internal to a customer.

Checked on the PDF Chromium prints (pdftotext) and on the page as an image (pdftoppm).
"""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Page, expect

from .printing import ink, page_count, page_image, pdf_text, print_pdf, squeeze

LONG = "仓储管理系统标准版（含三年维护与两次上门培训）"


def _form_with_deal(page: Page, url: str) -> None:
    page.goto(url + "forms/form-tiering.html")
    page.evaluate(
        "() => { localStorage.clear(); PB.store.create({ name: '仓储项目', customer: '星河物流', owner: '小李' }); }"
    )
    page.reload()


def test_printed_values_are_whole_and_blank_dropdowns_list_choices(
    page: Page, fixture_url: str, tmp_path: Path
) -> None:
    _form_with_deal(page, fixture_url)
    page.fill("#f-form-tiering-customer", "星河物流")
    cell = page.locator('.pb-field[data-field="visits"] td[data-column="note"] input').first
    cell.fill(LONG)
    expect(cell).to_have_value(LONG)
    filled = pdf_text(print_pdf(page, tmp_path / "filled.pdf", "filled"))
    assert LONG in squeeze(filled), "a table value prints whole, wrapping, not cut off by its box"
    # The empty dropdown lists its options to tick, on a filled print too.
    assert "□战略客户" in squeeze(filled) and "□普通客户" in squeeze(filled)
    page.select_option("#f-form-tiering-tier", "重点客户")
    filled = pdf_text(print_pdf(page, tmp_path / "chosen.pdf", "filled"))
    assert "分级重点客户" in squeeze(filled) and "□战略客户" not in squeeze(filled)
    blank = pdf_text(print_pdf(page, tmp_path / "blank.pdf", "blank"))
    assert LONG not in squeeze(blank) and "星河物流" not in blank
    assert "□战略客户" in squeeze(blank) and "□重点客户" in squeeze(blank)
    # Printing changed nothing on the screen or in storage.
    expect(cell).to_have_value(LONG)
    expect(page.locator("#f-form-tiering-tier")).to_have_value("重点客户")


def test_the_customer_document_prints_alone(page: Page, fixture_url: str, tmp_path: Path) -> None:
    _form_with_deal(page, fixture_url)
    page.fill("#f-form-tiering-customer", "星河物流")
    page.fill("#f-form-tiering-amount", "120")
    page.locator('.pb-field[data-field="visits"] td[data-column="note"] input').first.fill("季度回访，确认续约")
    page.evaluate("() => { window.print = () => { window.printed = true; }; }")
    page.get_by_role("button", name="只打印文书（给客户）").click()
    assert page.evaluate("window.printed")
    pdf = print_pdf(page, tmp_path / "document.pdf", mode=None)
    text = pdf_text(pdf)
    assert "星河物流 的年采购额为 120 万元。" in text
    assert "附：回访记录" in text and "季度回访，确认续约" in text  # the attached table
    for internal in ("怎么用", "每季度更新一次", "内部注意", "资料来源", "销售作战手册", "负责人", "分级标准"):
        assert internal not in text, internal
    assert page_count(pdf) == 1
    # Letterhead-ready: the top of the sheet stays empty.
    image = page_image(pdf, 1, tmp_path)
    assert ink(image, 0, 0.12) == 0
    assert ink(image, 0.12, 0.3) > 0


def test_observer_sheet_scores_as_the_guide_says(page: Page, fixture_url: str, tmp_path: Path) -> None:
    page.goto(fixture_url + "scripts/script-phone.html")
    page.evaluate("() => { window.print = () => {}; }")
    page.get_by_role("button", name="打印观察表").click()
    text = pdf_text(print_pdf(page, tmp_path / "observer.pdf", mode=None))
    # 2 rep lines, the tone and 1 thing to avoid: 4 rows of 2 points; 70 % of 8 is 5.6, so 6 pass.
    assert "满分 8 分，达到 70%（6 分）为通过" in text
    assert "1–5" not in text and "想约您十分钟" not in text  # only the sheet prints
    assert "做到" in text and "2 分" in text and "0 分" in text
    page.evaluate("document.body.classList.add('pb-print-observer')")  # printing ended it
    page.emulate_media(media="print")
    assert (
        page.locator(".pb-observer-table .pb-num").first.evaluate("td => getComputedStyle(td).whiteSpace") == "nowrap"
    )
    notes = page.locator(".pb-observer-table thead th").last.evaluate("th => th.getBoundingClientRect().width")
    table = page.locator(".pb-observer-table").evaluate("t => t.getBoundingClientRect().width")
    assert notes > 0.25 * table, "the 记录 column has room to write in"
    guide = page.context.new_page()
    guide.goto(fixture_url + "courses/course-one-guide/day-1.html")
    expect(guide.locator(".pb-observer-scoring")).to_contain_text("满分 8 分，达到 70%（6 分）为通过")


def test_practice_mode_prints_the_whole_script(page: Page, fixture_url: str, tmp_path: Path) -> None:
    page.goto(fixture_url + "scripts/script-phone.html")
    page.get_by_role("button", name="练习模式：隐藏销售的台词").click()
    expect(page.locator(".pb-say-rep .pb-words").first).to_be_hidden()
    text = pdf_text(print_pdf(page, tmp_path / "practice.pdf", mode=None))
    assert "您好，我是云帆软件的小李。" in text and "想约您十分钟" in text
    assert "轮到你说" not in text


def test_every_printed_page_is_numbered_and_headed(page: Page, fixture_url: str, tmp_path: Path) -> None:
    page.goto(fixture_url + "courses/course-one-handout/day-1.html")  # a day of the handout, pages long
    pdf = print_pdf(page, tmp_path / "handout.pdf", mode=None)  # as Ctrl+P would: beforeprint prepares
    total = page_count(pdf)
    for number in range(1, total + 1):
        text = pdf_text(pdf, number, number)
        assert "销售作战手册 · 新人训练营 · 学员讲义" in text
        assert f"第{number}页/共{total}页" in squeeze(text)
    image = page_image(pdf, 1, tmp_path)
    assert ink(image, 0, 0.06) > 0 and ink(image, 0.95, 1) > 0  # header and page number in the margins
