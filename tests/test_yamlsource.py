import pytest

from macros.load.yamlsource import YamlProblem, decode, parse


def test_lines_of_keys_and_list_items() -> None:
    document = parse("id: a\nsteps:\n  - text: 一\n  - text: 二\n    roles: [S]\n")
    assert document.lines[("id",)] == 1
    assert document.lines[("steps", 1)] == 4
    assert document.lines[("steps", 1, "roles")] == 5
    assert document.line_of(("steps", 1, "missing")) == 4


def test_yaml_12_scalars_keep_words_and_clock_times() -> None:
    data = parse("no: 否\nyes: 是\nstart: 10:30\nflag: true\ncount: 3\nratio: 0.5\nnothing: ~\n").data
    assert data == {"no": "否", "yes": "是", "start": "10:30", "flag": True, "count": 3, "ratio": 0.5, "nothing": None}


def test_quoted_numbers_stay_text() -> None:
    assert parse('amount: "120"\n').data == {"amount": "120"}


@pytest.mark.parametrize(
    ("text", "line", "fragment"),
    [
        ("a: 1\nb:\n\t- x\n", 3, "Tab"),
        ("a: 1\na: 2\n", 2, "重复"),
        ("", 1, "空"),
        ("# 注释\n\n", 1, "空"),
        ("a: [1, 2\nb: 3\n", 2, "语法"),
    ],
)
def test_problems_name_their_line(text: str, line: int, fragment: str) -> None:
    with pytest.raises(YamlProblem) as raised:
        parse(text)
    assert raised.value.line == line
    assert fragment in raised.value.message


def test_non_utf8_names_the_line() -> None:
    with pytest.raises(YamlProblem) as raised:
        decode("a: 1\nb: 中文\n".encode("gbk"))
    assert raised.value.line == 2


def test_bom_is_accepted() -> None:
    assert decode("\ufeffa: 1".encode()) == "a: 1"


@pytest.mark.parametrize(
    ("yaml_text", "expected"),
    [
        ("t: >-\n  三至六个月内\n  从高层立项\n", "三至六个月内从高层立项"),
        ("t: >-\n  以拜访的销售资源。\n  它由三步组成\n", "以拜访的销售资源。它由三步组成"),
        ("t: >-\n  先问清楚\n  “为什么”\n", "先问清楚“为什么”"),
        ("t: >-\n  用 SPIN\n  提问\n", "用 SPIN 提问"),
        ("t: >-\n  通话不超过\n  4 分钟\n", "通话不超过 4 分钟"),
        ("t: >-\n  plain English\n  words\n", "plain English words"),
        ("t: >-\n  第一段\n\n  第二段\n", "第一段\n第二段"),
        ("t: >\n  一行\n  两行\n", "一行两行\n"),
        ("t:\n  - >-\n    列表里的\n    一项\n", ["列表里的一项"]),
        ("t: 平的\n  多行文字\n", "平的多行文字"),
        ('t: "引号里\n  照旧"\n', "引号里 照旧"),
    ],
)
def test_a_line_break_inside_chinese_text_joins_without_a_space(yaml_text: str, expected: object) -> None:
    assert parse(yaml_text).data["t"] == expected
