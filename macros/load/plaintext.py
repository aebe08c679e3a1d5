"""The one rule for every text field of every item: content text is text, never code.

Text reaches Jinja (mkdocs-macros renders page titles), HTML (Material writes titles raw
into the navigation, h1 and footers) and Markdown. Rather than trust each of those to
escape, the model refuses anything any of them would interpret: template delimiters,
tags (closed or not), character references, Markdown links and images, control
characters. What is left (``<`` before a space or digit, a lone ``&``, quotes) is still
escaped wherever it is written into HTML.

Each kind of text has a maximum length, stated in the JSON Schema (``maxLength``): a
summary is copied onto every page that links to its item, so it stays short.
"""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import AfterValidator, Field

# Each pattern with what the editor is told. Letter slots use single braces ({field-id},
# {fact:…}): only the doubled or %/# forms are Jinja.
RULES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\{[{%#]"), "不能含模板记号 {{ }}、{% %}、{# #}（内容只是文字，不会被当作模板执行）"),
    (
        re.compile(r"<[A-Za-z/!?]"),
        "只能写纯文本，不允许 HTML 标记（如 <b>、<script>、<img，有没有写 > 都算）；比较大小请在 < 后空一格",
    ),
    (
        re.compile(r"&(#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);"),
        "不允许 HTML 实体（如 &nbsp;、&#60;），直接写字符",
    ),
    (
        re.compile(r"\]\s*\(|^\s*\[[^\]\n]*\]:", re.MULTILINE),
        "不允许 Markdown 链接或图片（[文字](地址)），引用条目请用引用字段",
    ),
    (re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2028\u2029\u2066-\u2069\ufeff]"), "含有不可见的控制字符"),
)

# Maximum lengths (characters) per kind of text.
SHORT_MAX = 100  # titles, names, labels, options, aliases, questions
SUMMARY_MAX = 300  # summaries: repeated in link previews and the page description
PROSE_MAX = 3000  # paragraphs, answers, notes


def check(value: str) -> str:
    for pattern, message in RULES:
        found = pattern.search(value)
        if found:
            shown = repr(found.group(0))[1:-1] if not found.group(0).isprintable() else found.group(0)
            raise ValueError(f"{message}：第 {found.start() + 1} 个字符处 “{shown.strip()}”")
    return value


def text_type(max_length: int) -> type[str]:
    return Annotated[str, Field(min_length=1, max_length=max_length), AfterValidator(check)]  # type: ignore[return-value]


Prose = text_type(PROSE_MAX)
Short = text_type(SHORT_MAX)
Summary = text_type(SUMMARY_MAX)
