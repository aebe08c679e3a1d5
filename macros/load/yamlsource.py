"""Parse one YAML document into plain data plus the line of every key and list item.

PyYAML's node tree gives positions; we build the Python values ourselves so that
duplicate keys are errors and scalars follow YAML 1.2 rules: ``no``/``yes`` stay
strings and ``10:30`` is not read as the base-60 number 630.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from macros.load.folding import refold

Path = tuple[str | int, ...]

_INT = re.compile(r"^[-+]?\d+$")
_FLOAT = re.compile(r"^[-+]?(\d+\.\d*|\.\d+|\d+)([eE][-+]?\d+)?$")
_NULL = {"", "~", "null", "Null", "NULL"}
_BOOL = {"true": True, "false": False}
# libyaml's composer keeps line marks and is several times faster than the pure-Python one.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class YamlProblem(Exception):
    """A problem with the YAML text itself, with the 1-based line it was found on."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


@dataclass
class Document:
    data: Any
    lines: dict[Path, int] = field(default_factory=dict)

    def line_of(self, path: Path) -> int:
        """The line of ``path`` or of its closest ancestor that has one."""
        for end in range(len(path), -1, -1):
            line = self.lines.get(tuple(path[:end]))
            if line is not None:
                return line
        return 1


def decode(raw: bytes) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise YamlProblem(line, "文件不是 UTF-8 编码，请用 UTF-8 保存") from None


# ---------------------------------------------------------------- limits (a content file is small and flat)

MAX_CHARS = 200_000  # the largest real file has about 27 000 bytes
MAX_DEPTH = 16  # the deepest real nesting is about 8
# What the YAML reader refuses (it would raise a ReaderError naming no file).
_UNREADABLE = re.compile("[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
# An anchor (&name) or alias (*name) where YAML would see one; Chinese text like S&C is not.
_MAYBE_ANCHOR = re.compile(r"(?:^|[\s\[{,])[&*][^\s,\[\]{}]", re.MULTILINE)


def _guard(text: str) -> None:
    """Refuse what would crash, hang or blow up the parser, with the line it is on."""
    if len(text) > MAX_CHARS:
        raise YamlProblem(1, f"文件太大（{len(text)} 字符，最多 {MAX_CHARS}）")
    bad = _UNREADABLE.search(text)
    if bad:
        line = text.count("\n", 0, bad.start()) + 1
        column = bad.start() - (text.rfind("\n", 0, bad.start()) + 1) + 1
        raise YamlProblem(line, f"第 {column} 列有不可见的控制字符 U+{ord(bad.group(0)):04X}，请删除")
    if _MAYBE_ANCHOR.search(text):
        try:
            events = list(yaml.parse(text, Loader=_LOADER))
        except yaml.YAMLError:
            return  # a syntax error: compose reports it with its line
        for event in events:
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
                # An alias can expand a few hundred bytes into gigabytes; content never needs one.
                raise YamlProblem(event.start_mark.line + 1, "不支持 YAML 锚点和别名（&名字、*名字），请直接写出内容")


def parse(text: str) -> Document:
    _guard(text)
    for number, line in enumerate(text.splitlines(), 1):
        indent = line[: len(line) - len(line.lstrip())]
        if "\t" in indent:
            raise YamlProblem(number, "用了 Tab 缩进，YAML 只能用空格缩进")
    if not text.strip() or all(not line.strip() or line.lstrip().startswith("#") for line in text.splitlines()):
        raise YamlProblem(1, "文件是空的")
    try:
        node = yaml.compose(text, Loader=_LOADER)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else 1
        raise YamlProblem(line, f"YAML 语法错误：{error.problem or error}") from None
    except (yaml.YAMLError, RecursionError) as error:  # never a traceback without a file name
        raise YamlProblem(1, f"YAML 无法读取：{error}") from None
    if node is None:
        raise YamlProblem(1, "文件是空的")
    document = Document(data=None)
    document.data = _build(node, (), document.lines, text)
    return document


def _build(node: yaml.Node, path: Path, lines: dict[Path, int], text: str) -> Any:
    lines.setdefault(path, node.start_mark.line + 1)
    if len(path) > MAX_DEPTH:
        raise YamlProblem(node.start_mark.line + 1, f"嵌套太深（超过 {MAX_DEPTH} 层）")
    if isinstance(node, yaml.MappingNode):
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise YamlProblem(key_node.start_mark.line + 1, "键必须是简单文本")
            key = key_node.value
            if key in result:
                raise YamlProblem(key_node.start_mark.line + 1, f"键 “{key}” 重复出现")
            lines[(*path, key)] = key_node.start_mark.line + 1
            result[key] = _build(value_node, (*path, key), lines, text)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_build(child, (*path, index), lines, text) for index, child in enumerate(node.value)]
    return _scalar(node, text)


def _scalar(node: yaml.ScalarNode, text: str) -> Any:
    if node.style == "":  # libyaml marks a plain scalar with "" where PyYAML uses None
        node.style = None
    value = refold(node, text)  # a line break inside Chinese text joins without a space
    if node.style is not None:  # quoted or block scalar: always text
        return value
    if value in _NULL:
        return None
    if value.lower() in _BOOL:
        return _BOOL[value.lower()]
    if _INT.match(value):
        return int(value)
    if _FLOAT.match(value):
        return float(value)
    return value
