"""The .xlsx made for each template at build time."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from macros.exports.workbook import sheet_title, template_workbook
from macros.load import models


def _template(title: str) -> models.Template:
    return models.Template.model_validate(
        {
            "id": "demo-form",
            "title": title,
            "summary": "演示用表单。",
            "sources": ["003"],
            "usage": ["拜访后填写。"],
            "sections": [
                {
                    "title": "基本信息",
                    "fields": [
                        {"id": "customer", "label": "客户名称", "type": "text"},
                        {"id": "tier", "label": "客户级别", "type": "choice", "options": ["战略", "重点", "普通"]},
                    ],
                }
            ],
        }
    )


def test_sheet_title_drops_what_excel_forbids() -> None:
    assert sheet_title("产品/解决方案演示：检查[草稿]?") == "产品 解决方案演示：检查 草稿"
    assert len(sheet_title("很长" * 40)) == 31


def test_a_title_with_a_slash_still_makes_a_workbook_with_a_dropdown() -> None:
    book = template_workbook(_template("客户档案表/资源支持申请表"))
    sheet = book.active
    assert sheet.title == "客户档案表 资源支持申请表"
    formulas = [validation.formula1 for validation in sheet.data_validations.dataValidation]
    assert formulas == ["'选项'!$A$1:$A$3"]
    assert [row[0].value for row in book["选项"]["A1:A3"]] == ["战略", "重点", "普通"]


def _hostile() -> models.Template:
    return models.Template.model_validate(
        {
            "id": "demo-form",
            "title": "=HYPERLINK(\"http://x\",\"点我\")",
            "summary": "+1+1 摘要",
            "sources": ["003"],
            "usage": ["拜访后填写。"],
            "sections": [
                {
                    "title": "-2+3",
                    "fields": [
                        {"id": "customer", "label": "@SUM(A1:A2)", "type": "text", "help": "=1+1"},
                        {
                            "id": "tier",
                            "label": "客户级别",
                            "type": "choice",
                            "options": ["战略, 重点", '说"是"', "=cmd|'/c calc'!A1"],
                        },
                        {
                            "id": "rows",
                            "label": "记录",
                            "type": "table",
                            "columns": [{"id": "kind", "label": "=A1", "type": "choice", "options": ["甲,乙", "丙"]}],
                        },
                    ],
                }
            ],
        }
    )


def _saved(tmp_path: Path, template: models.Template) -> tuple[Any, dict[str, str]]:
    import zipfile

    from openpyxl import load_workbook

    path = tmp_path / "demo.xlsx"
    template_workbook(template).save(path)
    with zipfile.ZipFile(path) as archive:
        xml = {name: archive.read(name).decode("utf-8") for name in archive.namelist() if name.endswith(".xml")}
    return load_workbook(path), xml


def test_content_that_looks_like_a_formula_is_written_as_text(tmp_path: Path) -> None:
    book, xml = _saved(tmp_path, _hostile())
    assert not any("<f>" in text or "<f " in text for text in xml.values())
    sheet = book.worksheets[0]
    values = [cell.value for row in sheet.iter_rows() for cell in row if cell.value is not None]
    for text in ('=HYPERLINK("http://x","点我")', "+1+1 摘要", "-2+3", "@SUM(A1:A2)", "=1+1", "=A1"):
        assert text in values
        cell = next(cell for row in sheet.iter_rows() for cell in row if cell.value == text)
        assert cell.data_type == "s" and cell.quotePrefix, text


def test_dropdown_options_with_commas_and_quotes_stay_whole(tmp_path: Path) -> None:
    book, _xml = _saved(tmp_path, _hostile())
    options = book["选项"]
    assert options.sheet_state == "hidden"
    sheet = book.worksheets[0]
    lists = {}
    for validation in sheet.data_validations.dataValidation:
        sheet_name, cells = validation.formula1.split("!")
        assert sheet_name == "'选项'"
        first, last = cells.replace("$", "").split(":")
        lists[str(validation.sqref)] = [cell.value for row in options[first:last] for cell in row]
    assert ["战略, 重点", '说"是"', "=cmd|'/c calc'!A1"] in lists.values()
    assert ["甲,乙", "丙"] in lists.values()
    assert all(cell.data_type == "s" for row in options.iter_rows() for cell in row if cell.value)


def test_a_workbook_made_once_is_reused_and_a_changed_form_is_made_anew(tmp_path: Path, monkeypatch: Any) -> None:
    from openpyxl import load_workbook

    from macros.exports import workbooks as workbook

    monkeypatch.setattr(workbook.tempfile, "gettempdir", lambda: str(tmp_path / "cache"))
    (tmp_path / "cache").mkdir()
    first = workbook.write_workbooks([_template("客户拜访表")], tmp_path / "a")[0]
    cached = workbook._cached(_template("客户拜访表"))
    assert cached.is_file() and cached.read_bytes() == first.read_bytes()
    cached.write_bytes(first.read_bytes())
    again = workbook.write_workbooks([_template("客户拜访表")], tmp_path / "b")[0]
    assert again.read_bytes() == cached.read_bytes()  # copied, not made again (made again differs in its timestamps)
    changed = workbook.write_workbooks([_template("客户回访表")], tmp_path / "c")[0]
    assert load_workbook(changed).active["A1"].value == "客户回访表"
    assert len(list((tmp_path / "cache" / "playbook-xlsx").glob("*.xlsx"))) == 2
