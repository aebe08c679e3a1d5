import pytest

from macros.yamlsource import YamlProblem, decode, parse


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
