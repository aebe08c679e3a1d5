"""Mechanical style rules for the Chinese text (the content style guide's checkable part).

Used by the content tests and by ``python -m macros lint`` while writing.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from macros.load import models
from macros.load.folding import STRAY_SPACE

PLACEHOLDERS = re.compile(r"TODO|TBD|待补充|待完善|lorem|XX公司|某某公司|_{3,}|\?\?|？？|！！|\.\.\.", re.IGNORECASE)
# Latin words allowed in Chinese prose: established terms and common business abbreviations.
ALLOWED_LATIN = {
    "SPIN", "FBV", "USS", "ERP", "SaaS", "ISO", "ISO9001", "PPT", "Excel", "ARPU", "CRM", "IT", "KPI", "ROI",
    "B2B", "CEO", "CFO", "CIO", "GM", "HR", "OA", "App", "PDF", "VIP", "QQ", "OEM", "SKU", "Word", "PS",
    "S", "C", "M", "N", "P", "I", "F", "B", "V", "A", "Q", "X",
}  # fmt: skip
_HAN = r"[\u4e00-\u9fff]"
LETTER_SLOT = re.compile(r"\{[a-z0-9]+(?:-[a-z0-9]+)*\}|\{fact:[^{}]*\}")  # a fact slot left unresolved too
# Fields whose values are not prose (ids, seed references).
_NOT_PROSE = {"id", "sources", "related", "was"}


def strings(value: Any) -> Iterator[str]:
    """Every prose string inside a model, recursively."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, models.Strict):
        for name in type(value).model_fields:
            if name not in _NOT_PROSE:
                yield from strings(getattr(value, name))
    elif isinstance(value, list):
        for element in value:
            yield from strings(element)


def problems(text: str) -> list[str]:
    """What is wrong with one piece of text, in words an editor understands."""
    found = []
    # A letter's slot is filled with a date or an amount, which takes a space beside Chinese.
    stray = STRAY_SPACE.search(LETTER_SLOT.sub("0", text))
    # A letter's {field-id} slots are filled by the form; they are not prose.
    text = LETTER_SLOT.sub("＿", text)
    if PLACEHOLDERS.search(text):
        found.append("占位或重复标点（TODO、待补充、XX公司、____、……要用全角省略号）")
    if re.search(rf"{_HAN}[,;!?]|[,;!?]{_HAN}", text):
        found.append("中文句子里用了半角标点（, ; ! ?）")
    if stray:
        found.append(f"中文字之间或全角标点旁多了空格：“{stray.group(0)}”")
    if re.search(rf"{_HAN}:(?!\d)", text):
        found.append("中文句子里用了半角冒号")
    spacing = re.search(rf"{_HAN}[A-Za-z0-9]|[A-Za-z0-9]{_HAN}", text.replace("%", ""))
    if spacing:
        found.append(f"中文与字母或数字之间要空一格：“{spacing.group(0)}”")
    if re.search(_HAN, text):
        latin = sorted({word for word in re.findall(r"[A-Za-z][A-Za-z0-9]*", text) if word not in ALLOWED_LATIN})
        if latin:
            found.append(f"中文里夹了英文：{'、'.join(latin)}")
    return found
