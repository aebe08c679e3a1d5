"""Fold multi-line YAML text the way Chinese is written: no space where a Chinese line breaks.

YAML turns every line break of a folded (``>-``) or plain multi-line scalar into a space. That
is right between two English words and wrong between two Chinese characters or next to
full-width punctuation ("三至六个月内 从高层立项"). We refold those scalars from their source
lines: a break joins with nothing when both sides are CJK or either side is full-width
punctuation, and with a space otherwise ("用 SPIN" + "提问" keeps its space).
"""

from __future__ import annotations

import re

import yaml

CJK = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
# Ideographic punctuation, full-width forms, Chinese quotes, ellipsis and dash; not the middle dot ·
# nor the full-width low line ＿, which draws a blank to write a number in ("＿＿ 分").
FULL_WIDTH = r"\u3000-\u303f\uff01-\uff3e\uff40-\uff60\uffe0-\uffee\u2018\u2019\u201c\u201d\u2026\u2014"
_CJK = re.compile(f"[{CJK}]")
_FULL_WIDTH = re.compile(f"[{FULL_WIDTH}]")
# A space that should not be there: between two CJK characters, or next to full-width punctuation.
STRAY_SPACE = re.compile(f"[{CJK}][ \u00a0]+[{CJK}]|[{FULL_WIDTH}][ \u00a0]+\\S|\\S[ \u00a0]+[{FULL_WIDTH}]")


def joiner(left: str, right: str) -> str:
    """What a line break between ``left`` and ``right`` becomes."""
    if _FULL_WIDTH.match(left) or _FULL_WIDTH.match(right) or (_CJK.match(left) and _CJK.match(right)):
        return ""
    return " "


def fold_lines(lines: list[str]) -> str:
    """YAML's folding of already de-indented lines, with :func:`joiner` for each line break."""
    result = lines[0] if lines else ""
    previous = result
    empty = 0
    for line in lines[1:]:
        if not line:
            empty += 1
            continue
        if empty:
            result += "\n" * empty
        elif line[0] in " \t" or previous[:1] in (" ", "\t"):
            result += "\n"  # more-indented lines keep their breaks
        else:
            result += joiner(previous[-1], line[0])
        result += line
        previous, empty = line, 0
    return result


def refold(node: yaml.ScalarNode, text: str | None = None) -> str:
    """The value of a folded or plain scalar, refolded; other scalars as YAML read them.

    ``text`` is the document: libyaml's marks carry the character index but not the buffer.
    """
    start, end = node.start_mark, node.end_mark
    buffer = text if text is not None else start.buffer
    if end.line == start.line or node.style not in (">", None) or not isinstance(buffer, str):
        return node.value
    source = buffer[start.index : end.index]
    if node.style == ">":
        # The same block read as literal (|) keeps the line breaks we need to decide on.
        literal = yaml.compose("|" + source[1:], Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
        text = literal.value if isinstance(literal, yaml.ScalarNode) else node.value
        body = text.rstrip("\n")
        return fold_lines(body.split("\n")) + text[len(body) :]
    return fold_lines([line.strip() for line in source.split("\n")])
