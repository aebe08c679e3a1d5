"""The .xlsx made for each template at build time."""

from __future__ import annotations

from macros import models
from macros.workbook import sheet_title, template_workbook


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
    assert any("战略" in formula for formula in formulas)
