"""Content errors: one per problem, printed as ``file:line: field: message``."""

from __future__ import annotations

from dataclasses import dataclass

from pydantic import ValidationError
from pydantic_core import ErrorDetails

from macros.load.yamlsource import Document, Path

# Pydantic's English messages, said the way an editor of Chinese content needs them.
_MESSAGES = {
    "missing": "缺少必填字段",
    "extra_forbidden": "未知字段（拼写错误，或这类条目没有这个字段）",
    "string_type": "应为文本",
    "int_type": "应为整数",
    "int_parsing": "应为整数",
    "int_from_float": "应为整数",
    "bool_type": "应为 true 或 false",
    "bool_parsing": "应为 true 或 false",
    "list_type": "应为列表（每项以 “- ” 开头）",
    "model_type": "应为键值对（映射）",
    "model_attributes_type": "应为键值对（映射）",
    "dict_type": "应为键值对（映射）",
    "date_type": "应为日期，写成 YYYY-MM-DD（如 2026-11-27）",
    "date_parsing": "应为真实存在的日期，写成 YYYY-MM-DD（如 2026-11-27）",
    "date_from_datetime_parsing": "应为真实存在的日期，写成 YYYY-MM-DD（如 2026-11-27）",
}


@dataclass(frozen=True, order=True)
class ContentError:
    file: str  # path relative to the project, e.g. content/techniques/x.yml
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.field}: {self.message}"


class ContentErrors(Exception):
    """Raised with every problem found in one run."""

    def __init__(self, errors: list[ContentError]) -> None:
        self.errors = sorted(errors)
        super().__init__(self.report())

    def report(self) -> str:
        lines = [str(error) for error in self.errors]
        lines.append(f"内容有 {len(self.errors)} 处错误，站点未生成。")
        return "\n".join(lines)


def field_name(path: Path) -> str:
    """``('steps', 2, 'roles')`` → ``steps[2].roles``; the root is ``(file)``."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text or "(file)"


def _message(detail: ErrorDetails) -> str:
    kind = detail["type"]
    if kind in _MESSAGES:
        return _MESSAGES[kind]
    if kind == "value_error":
        return detail["msg"].removeprefix("Value error, ")
    if kind == "string_pattern_mismatch":
        pattern = (detail.get("ctx") or {}).get("pattern", "")
        if "a-z0-9" in str(pattern):
            return f"“{detail['input']}” 不是合法 id：只能用小写 ASCII 字母、数字和短横线"
        return f"“{detail['input']}” 格式不对（应匹配 {pattern}）"
    if kind == "too_short":
        minimum = (detail.get("ctx") or {}).get("min_length")
        return f"至少需要 {minimum} 项" if minimum and minimum > 1 else "不能为空"
    if kind == "literal_error":
        expected = (detail.get("ctx") or {}).get("expected", "")
        return f"“{detail['input']}” 不是可选值，应为 {expected}"
    if kind == "string_too_long":
        maximum = (detail.get("ctx") or {}).get("max_length")
        return f"太长：最多 {maximum} 字，现在 {len(str(detail['input']))} 字"
    if kind in ("greater_than_equal", "less_than_equal"):
        return f"数值超出范围：{detail['msg']}"
    return detail["msg"]


def from_validation(file: str, document: Document, error: ValidationError) -> list[ContentError]:
    results = []
    for detail in error.errors():
        # Union members add their type name to loc; keep only real keys and indexes.
        path = tuple(part for part in detail["loc"] if isinstance(part, int) or not (part[:1].isupper() or "[" in part))
        line = document.line_of(path)
        results.append(ContentError(file, line, field_name(path), _message(detail)))
    return results
