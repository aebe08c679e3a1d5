import re

import pytest

from macros.load.lint import problems

from .conftest import ROOT


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
        ("三至六个月内 从高层立项", "多了空格"),
        ("销售资源。 它由三步组成", "多了空格"),
        ("先问 “为什么”", "多了空格"),
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
        "感谢您 {visit-date} 抽出时间与{customer-company}交流。",
        "第一条　合同标的。",
    ],
)
def test_clean_text_passes(text: str) -> None:
    assert problems(text) == []


def test_a_letter_slot_does_not_hide_a_real_problem() -> None:
    assert problems("请联系{contact-person},电话{phone}")


def test_lint_accepts_the_folder_with_or_without_content_prefix(capsys: pytest.CaptureFixture[str]) -> None:
    from macros.__main__ import run_lint

    run_lint("content/terms")
    with_prefix = capsys.readouterr().out
    run_lint("terms")
    assert with_prefix == capsys.readouterr().out
    checked = int(re.search(r"查了 (\d+) 个文件", with_prefix).group(1))
    assert checked == len(list((ROOT / "content" / "terms").glob("*.yml")))
