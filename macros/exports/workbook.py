"""An .xlsx workbook per form template, for reps who keep their records in Excel."""

from __future__ import annotations

import re

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from macros.load import models

_HEADER = PatternFill("solid", fgColor="DCE3F5")
_THIN = Side(style="thin", color="999999")
_BOX = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_NUMBER_FORMATS = {"money": "#,##0.00", "number": "General", "date": "yyyy-mm-dd"}


OPTIONS_SHEET = "选项"
# A text that Excel would read as a formula (or as the start of one when the cell is edited).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def put(sheet: Worksheet, row: int, column: int, text: str) -> Cell:
    """Content text into a cell, always as text: `=HYPERLINK(…)` in a label stays those characters."""
    cell = sheet.cell(row=row, column=column)
    cell.value = text
    cell.data_type = "s"  # openpyxl makes any string starting with "=" a formula
    if text.startswith(_FORMULA_START):
        cell.quotePrefix = True  # and Excel keeps it text when the cell is edited
    return cell


def _choice(sheet: Worksheet, cell: str, options: list[str]) -> None:
    """A dropdown whose options sit in a hidden sheet, one per cell: any character is safe in them.

    An inline list (formula1 '"a,b"') splits an option at its comma, breaks at a quote and is
    capped at 255 characters.
    """
    book = sheet.parent
    if OPTIONS_SHEET in book.sheetnames:
        store = book[OPTIONS_SHEET]
    else:
        store = book.create_sheet(OPTIONS_SHEET)
        store.sheet_state = "hidden"
    column = store.max_column + 1 if store["A1"].value is not None else 1
    for row, option in enumerate(options, 1):
        put(store, row, column, option)
    letter = get_column_letter(column)
    validation = DataValidation(
        type="list", formula1=f"'{OPTIONS_SHEET}'!${letter}$1:${letter}${len(options)}", allow_blank=True
    )
    validation.error = "请从下拉列表中选择"
    validation.prompt = "请从下拉列表中选择"
    sheet.add_data_validation(validation)
    validation.add(cell)


def _single(sheet: Worksheet, row: int, field: models.FormField) -> int:
    label = put(sheet, row, 1, field.label + ("（必填）" if field.required else ""))
    label.font = Font(bold=True)
    label.fill = _HEADER
    label.border = _BOX
    value = sheet.cell(row=row, column=2)
    value.border = _BOX
    value.number_format = _NUMBER_FORMATS.get(field.type, "@")
    if field.type in ("choice", "multichoice"):
        if field.type == "choice":
            _choice(sheet, value.coordinate, field.options)
        hint = "可选：" + "、".join(field.options)
    elif field.type == "checkbox":
        _choice(sheet, value.coordinate, ["是", "否"])
        hint = "是 / 否"
    else:
        hint = field.help or ""
    put(sheet, row, 3, hint).alignment = Alignment(wrap_text=True)
    return row + 1


def _table(sheet: Worksheet, row: int, field: models.FormField) -> int:
    put(sheet, row, 1, field.label).font = Font(bold=True)
    row += 1
    for column, spec in enumerate(field.columns, 1):
        cell = put(sheet, row, column, spec.label)
        cell.font = Font(bold=True)
        cell.fill = _HEADER
        cell.border = _BOX
    for offset in range(1, field.rows + 1):
        for column, spec in enumerate(field.columns, 1):
            cell = sheet.cell(row=row + offset, column=column)
            cell.border = _BOX
            cell.number_format = _NUMBER_FORMATS.get(spec.type, "@")
            if spec.type == "choice" and spec.options:
                _choice(sheet, cell.coordinate, spec.options)
    return row + field.rows + 2


def sheet_title(title: str) -> str:
    """Excel forbids []:*?/\\ in sheet names and caps them at 31 characters."""
    return re.sub(r"[\[\]:*?/\\]", " ", title)[:31].strip() or "Sheet"


def template_workbook(template: models.Template) -> Workbook:
    book = Workbook()
    sheet = book.active
    sheet.title = sheet_title(template.title)
    put(sheet, 1, 1, template.title).font = Font(bold=True, size=14)
    put(sheet, 2, 1, template.summary)
    row = 4
    for section in template.sections:
        put(sheet, row, 1, section.title).font = Font(bold=True, size=12)
        row += 1
        for field in section.fields:
            row = _table(sheet, row, field) if field.type == "table" else _single(sheet, row, field)
        row += 1
    widths = [22, 36, 40] + [18] * 8
    for column, width in enumerate(widths, 1):
        sheet.column_dimensions[get_column_letter(column)].width = width
    return book
