import pytest

from macros.lint import problems


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("通话不超过4分钟", "空一格"),
        ("先确认需求,再报价", "半角标点"),
        ("注意:不要承诺", "半角冒号"),
        ("这里待补充", "占位"),
        ("请联系XX公司", "占位"),
        ("用 follow up 邮件", "英文"),
        ("好的...", "占位"),
    ],
)
def test_each_rule_catches_its_problem(text: str, fragment: str) -> None:
    assert any(fragment in problem for problem in problems(text)), problems(text)


@pytest.mark.parametrize(
    "text",
    [
        "通话不超过 4 分钟。",
        "用 SPIN 提问，用 FBV 呈现。",
        "战略客户占 5%，年采购额 100 万元以上。",
        "时间 09:30",
        "B2B 销售",
    ],
)
def test_clean_text_passes(text: str) -> None:
    assert problems(text) == []
