import pytest
from pydantic import ValidationError

from macros.load import models

BASE = {"id": "x", "title": "标题", "summary": "摘要。", "sources": ["003"]}


def test_markup_is_rejected_in_text() -> None:
    for text in ("<b>粗</b>", "<script>alert(1)</script>", "a&nbsp;b", "<img src=x>"):
        with pytest.raises(ValidationError, match="HTML"):
            models.Term(**BASE, definition=text)


def test_plain_ampersand_and_angle_comparison_are_text() -> None:
    term = models.Term(**BASE, definition="价格 < 成本 & 交期 > 30 天")
    assert term.definition == "价格 < 成本 & 交期 > 30 天"


def test_ids_are_ascii_kebab_case() -> None:
    with pytest.raises(ValidationError):
        models.Term(**{**BASE, "id": "客户"}, definition="d")
    with pytest.raises(ValidationError):
        models.Term(**{**BASE, "id": "Bad_Id"}, definition="d")


def test_day_must_fit_its_modules() -> None:
    module = {"title": "模块", "minutes": 200, "method": "讲授"}
    with pytest.raises(ValidationError, match="超出 09:00–12:00 的 180 分钟"):
        models.Day(title="第一天", start="09:00", end="12:00", modules=[module])


def test_scoring_weights_and_bands_must_be_complete() -> None:
    criterion = {
        "id": "a",
        "label": "金额",
        "weight": 100,
        "options": [{"label": "小", "score": 0}, {"label": "大", "score": 2}],
    }
    bands = [{"min": 0, "max": 49, "mode": "m1", "advice": "快"}, {"min": 50, "max": 100, "mode": "m2", "advice": "慢"}]
    assert models.Scoring(criteria=[criterion], bands=bands)
    with pytest.raises(ValidationError, match="断开"):
        models.Scoring(criteria=[criterion], bands=[bands[0], {**bands[1], "min": 51}])
    with pytest.raises(ValidationError, match="权重之和应为 100"):
        models.Scoring(criteria=[{**criterion, "weight": 90}], bands=bands)


def test_letter_placeholders_must_be_fields() -> None:
    section = {"title": "信息", "fields": [{"id": "name", "label": "姓名", "type": "text"}]}
    with pytest.raises(ValidationError, match="不是本表的字段"):
        models.Template(**BASE, usage=["用"], sections=[section], letter=["尊敬的{nmae}："])


def test_checklist_item_ids_unique_including_old_ids() -> None:
    group = {"title": "组", "items": [{"id": "a", "text": "一"}, {"id": "b", "text": "二", "was": ["a"]}]}
    with pytest.raises(ValidationError, match="重复"):
        models.Checklist(**BASE, groups=[group])


def test_choice_field_needs_options() -> None:
    with pytest.raises(ValidationError, match="options"):
        models.FormField(id="a", label="等级", type="choice")


def test_question_answers_must_fit_type() -> None:
    with pytest.raises(ValidationError, match="单选题"):
        models.Question(
            id="q", type="single", prompt="问", options=["甲", "乙"], correct=[1, 2], explanation="因为", ref="x"
        )
    with pytest.raises(ValidationError, match="truth"):
        models.Question(id="q", type="truefalse", prompt="问", explanation="因为", ref="x")


def test_line_knows_the_rep() -> None:
    assert models.Line(speaker="销售", text="您好").is_rep
    assert not models.Line(speaker="客户采购经理", text="您好").is_rep


@pytest.mark.parametrize(
    "text",
    [
        "开场白 {{ 7*7 }}",
        "{% raw %}吃掉后文",
        "注释 {# 未闭合",
        "电话技巧<img src=x onerror=alert(1)//",
        "</p>",
        "<!-- 注释",
        "a&#60;b",
        "a&#x3c;b",
        "[点我](javascript:alert(1))",
        "![图](x.png)",
        "[1]: javascript:alert(1)",
        "控制\x01字符",
        "反向\u202e字符",
    ],
)
def test_templates_markup_links_and_control_characters_are_rejected(text: str) -> None:
    with pytest.raises(ValidationError):
        models.Term(**{**BASE, "title": text}, definition="定义")
    with pytest.raises(ValidationError):
        models.Term(**BASE, definition=text)


def test_letter_slots_and_plain_punctuation_stay_legal() -> None:
    text = "尊敬的 {customer-name}：报价 {fact:price} 元，R&D 与 S&C 部门；a < b，c > d，\"引号\"、'单引号'。"
    assert models.Term(**BASE, definition=text).definition == text


def test_each_kind_of_text_has_a_maximum_length() -> None:
    from macros.load.plaintext import PROSE_MAX, SHORT_MAX, SUMMARY_MAX

    models.Term(**{**BASE, "title": "题" * SHORT_MAX, "summary": "摘" * SUMMARY_MAX}, definition="定" * PROSE_MAX)
    for field, size in (("title", SHORT_MAX), ("summary", SUMMARY_MAX), ("definition", PROSE_MAX)):
        values = {**BASE, "definition": "定义", field: "长" * (size + 1)}
        with pytest.raises(ValidationError, match="at most"):
            models.Term(**values)
    schema = models.Term.model_json_schema()
    assert schema["properties"]["title"]["maxLength"] == SHORT_MAX
    assert schema["properties"]["summary"]["maxLength"] == SUMMARY_MAX
    assert schema["properties"]["definition"]["maxLength"] == PROSE_MAX
