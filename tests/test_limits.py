"""The loader never crashes or hangs on hostile YAML, and one mistake prints one error."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from macros.errors import ContentErrors
from macros.load.yamlsource import MAX_CHARS, MAX_DEPTH, YamlProblem, parse
from macros.resolve.playbook import load_playbook

# Nine levels of nine aliases each: 400 bytes that expand to 9⁹ strings.
BOMB = "a: &a [x,x,x,x,x,x,x,x,x]\n" + "".join(
    f"{name}: &{name} [{', '.join([f'*{previous}'] * 9)}]\n"
    for previous, name in zip("abcdefgh", "bcdefghi", strict=True)
)


@pytest.mark.parametrize(
    ("text", "line", "fragment"),
    [
        ("id: a\ntitle: 空\x00字\n", 2, "第 9 列有不可见的控制字符 U+0000"),
        ("id: a\ntitle: 退\x08格\n", 2, "U+0008"),
        ("id: a\n\x0btitle: x\n", 2, "第 1 列有不可见的控制字符 U+000B"),
        ("id: a\ntitle: x\x7f\n", 2, "U+007F"),
        ("id: a\nb: &x [1]\nc: *x\n", 2, "不支持 YAML 锚点和别名"),
        ("id: a\nb: *x\n", 2, "不支持 YAML 锚点和别名"),
        (BOMB, 1, "不支持 YAML 锚点和别名"),
        ("id: a\nx: " + "[" * 1000 + "]" * 1000 + "\n", 2, "YAML 语法错误"),
        ("id: a\nx:\n" + "".join("  " * i + "-\n" for i in range(1, 40)), MAX_DEPTH + 3, "嵌套太深"),
        ("id: a\nx: " + "长" * MAX_CHARS + "\n", 1, "文件太大"),
    ],
)
def test_hostile_yaml_is_an_error_with_its_line_quickly(text: str, line: int, fragment: str) -> None:
    start = time.monotonic()
    with pytest.raises(YamlProblem) as raised:
        parse(text)
    assert time.monotonic() - start < 2  # the alias bomb took 36 s and 3 GB before
    assert raised.value.line == line
    assert fragment in raised.value.message


def test_an_ampersand_or_asterisk_in_text_is_not_an_anchor() -> None:
    data = parse("title: 明确需求（1S&C）\nb: '*粗*'\nc: 2*3 与 3&4\n").data
    assert data == {"title": "明确需求（1S&C）", "b": "*粗*", "c": "2*3 与 3&4"}


def test_a_control_character_in_a_file_names_file_line_and_character(content: Path) -> None:
    path = content / "terms" / "term-first-payment.yml"
    path.write_bytes(path.read_bytes().replace("首期款".encode(), "首期\x01款".encode(), 1))
    with pytest.raises(ContentErrors) as raised:
        load_playbook(content, root=content.parent)
    [error] = raised.value.errors
    assert str(error).startswith("content/terms/term-first-payment.yml:")
    assert "U+0001" in error.message


def test_one_mistake_in_an_item_is_one_error_not_one_per_reference(content: Path) -> None:
    path = content / "stages" / "stage-one.yml"
    path.write_text(path.read_text("utf-8").replace("customer_state: 潜在阶段", "customer_state: []"), "utf-8")
    with pytest.raises(ContentErrors) as raised:
        load_playbook(content, root=content.parent)
    assert [str(error) for error in raised.value.errors] == ["content/stages/stage-one.yml:6: customer_state: 应为文本"]


def test_a_renamed_file_is_one_error_too(content: Path) -> None:
    (content / "stages" / "stage-one.yml").rename(content / "stages" / "stage-1.yml")
    with pytest.raises(ContentErrors) as raised:
        load_playbook(content, root=content.parent)
    assert [error.file for error in raised.value.errors] == ["content/stages/stage-1.yml"]


def test_a_reference_to_a_broken_item_of_the_wrong_kind_is_still_reported(content: Path) -> None:
    stage = content / "stages" / "stage-one.yml"
    stage.write_text(stage.read_text("utf-8").replace("customer_state: 潜在阶段", "customer_state: []"), "utf-8")
    activity = content / "activities" / "act-find.yml"
    text = activity.read_text("utf-8")
    activity.write_text(text.replace("checklist: list-find", "checklist: stage-one"), "utf-8")
    with pytest.raises(ContentErrors) as raised:
        load_playbook(content, root=content.parent)
    messages = [str(error) for error in raised.value.errors]
    assert len(messages) == 2, messages
    assert any("act-find.yml" in message and "“stage-one” 是销售阶段（stage）" in message for message in messages)
