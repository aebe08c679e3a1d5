"""The browser's Excel export writes what a user typed as text, never as a formula."""

from __future__ import annotations

import io
import zipfile

from openpyxl import load_workbook
from playwright.sync_api import Page

HOSTILE = ["=HYPERLINK(\"http://x\",\"点我\")", "+1+1", "-2", "@SUM(A1:A2)", "=cmd|'/c calc'!A1", "普通, 文字 \"引号\""]


def test_typed_text_that_looks_like_a_formula_stays_text(page: Page, fixture_url: str) -> None:
    page.goto(fixture_url)
    page.wait_for_function("() => window.PB && window.PB.workbook && window.fflate")
    script = "(cells) => Array.from(PB.workbook([{name: '=表', rows: [['字段', '值'], ...cells.map(c => ['x', c])]}]))"
    data = page.evaluate(script, HOSTILE)
    raw = bytes(data)
    with zipfile.ZipFile(io.BytesIO(raw)) as archive:
        sheet_xml = archive.read("xl/worksheets/sheet1.xml").decode("utf-8")
    assert "<f>" not in sheet_xml and "<f " not in sheet_xml
    sheet = load_workbook(io.BytesIO(raw)).worksheets[0]
    cells = {row[1].value: row[1] for row in sheet.iter_rows(min_row=2)}
    assert list(cells) == HOSTILE
    for text, cell in cells.items():
        assert cell.data_type == "s", text
        assert cell.quotePrefix == text.startswith(("=", "+", "-", "@")), text
