"""Contradictions a review found between items, each pinned so that it cannot come back."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from macros import models
from macros.lint import strings
from macros.render import Renderer

from .test_content import PLAYBOOK


def sentences(value: Any) -> Iterator[str]:
    """Every sentence of an item; a table row counts as one sentence, so its cells read together."""
    if isinstance(value, models.Table):
        yield from ("，".join(row) for row in value.rows)
    elif isinstance(value, models.Strict):
        for name in type(value).model_fields:
            field = getattr(value, name)
            if isinstance(field, str):
                yield from re.split(r"[。；]", field)
            else:
                yield from sentences(field)
    elif isinstance(value, list):
        for element in value:
            yield from sentences(element)
    elif isinstance(value, str):
        yield from re.split(r"[。；]", value)


def text_of(item_id: str) -> str:
    return "\n".join(strings(PLAYBOOK.get(item_id)))


def test_quality_control_issues_the_corrective_action_request() -> None:
    # 001 §5.3: 品管科 investigates a complaint and issues the 纠正和预防措施要求书; the rep hands it over.
    wrong = [
        f"{item_id}: {sentence}"
        for item_id, entry in PLAYBOOK.entries.items()
        for sentence in sentences(entry.item)
        if re.search(r"(发起|发出)[^，]{0,3}《?纠正和预防措施", sentence) and not re.search("品管|品质部门", sentence)
    ]
    assert wrong == []


def test_a_fact_objection_is_a_true_fact_not_a_misunderstanding() -> None:
    # 000 and objection-types: “你们的产品比竞品贵 10%” is a fact to acknowledge, then reframe as total cost.
    term = PLAYBOOK.get("term-fact-objection")
    assert "误解" not in term.summary and "不要否认" in term.definition


def test_the_first_visit_price_rule_says_when_quick_mode_quotes() -> None:
    # verify-on-visit's “don't quote on the first visit” must leave room for 快刀's 十步一杀 (one visit, quote, close).
    for sentence in sentences(PLAYBOOK.get("verify-on-visit")):
        if "第一次拜访" in sentence and "报价" in sentence and "不报价" in sentence:
            assert "顾问模式" in sentence or "战略模式" in sentence, sentence
    assert "十步一杀" in text_of("verify-on-visit")
    assert "只适用于快刀模式" in text_of("quick-mode")


def test_complaint_example_lists_the_three_options_it_announces() -> None:
    example = PLAYBOOK.get("complaint-handling").examples[0].text
    assert "三个办法" in example
    assert all(mark in example for mark in ("一是", "二是", "三是"))


def test_confirm_scope_files_the_partner_solved_need_as_adjust_or_partner() -> None:
    # Its own 需求三分法: a need a partner can meet is 需调整或合作, not 不能满足 / 不在能力范围内.
    example = next(s for s in PLAYBOOK.get("confirm-scope").sections if s.title.startswith("例子"))
    assert "不在能力范围内" not in example.text
    assert "需调整或合作" in example.text


def test_prepare_visit_checklist_counts_the_five_preparations_the_same_way() -> None:
    checklist = PLAYBOOK.get("prepare-visit-checklist")
    assert "五项" in checklist.authored and "四项" in checklist.authored and "拜访资料" in checklist.authored
    assert any("四项背景" in item.text for item in checklist.items())


def test_question_funnel_lists_the_activities_its_authored_note_names() -> None:
    technique = PLAYBOOK.get("question-funnel")
    for activity_id in ("verify-on-visit", "explore-needs", "build-vision"):
        assert activity_id in technique.activities
    # confirm-scope: the second follow-up letter goes out within 1 working day of the research.
    assert "两天后" not in technique.examples[0].text


def test_the_plants_erp_deal_has_one_value_from_payment_to_handover() -> None:
    def erp_value(item_id: str) -> set[str]:
        found = set()
        for sentence in sentences(PLAYBOOK.get(item_id)):
            if "精密零件厂" in sentence and "ERP" in sentence:
                found.update(re.findall(r"(\d+) 万元", sentence)[:1])
        return found

    assert erp_value("close-sale") == erp_value("hand-over-service") == {"120"}


def test_value_analysis_terms_cite_seed_000() -> None:
    # ARPU 值、复购率、转介绍率 appear in 000's 复盘与优化, not in 004.
    for term_id in ("term-repurchase-rate", "term-referral-rate", "term-arpu"):
        assert [source[:3] for source in PLAYBOOK.get(term_id).sources] == ["000"], term_id


def test_phone_skills_says_why_it_departs_from_the_seeds_closing_line() -> None:
    authored = PLAYBOOK.get("phone-skills").authored
    assert "您这周什么时候有空" in authored and "二选一" in authored


def test_strategic_mode_codes_only_sales_consultant_and_manager() -> None:
    mode = PLAYBOOK.get("strategic-mode")
    for visit in mode.visits:
        for step in (*visit.before, *visit.during, *visit.after):
            if "我方高层" in step.text and "M" in step.roles:
                assert "经理" in step.text, step.text
    visit6 = mode.visits[5]
    prep = next(step.text for step in visit6.before if "谈判准备表" in step.text)
    assert all(word in prep for word in ("最优", "可接受", "底线")), prep
    form_fields = {field.label for field in PLAYBOOK.get("negotiation-prep-form").fields()}
    assert {"最优目标", "底线目标"} <= form_fields


def test_selection_scorecard_worked_example_adds_up() -> None:
    example = PLAYBOOK.get("selection-scorecard").worked_example
    *rows, total = example.table.rows
    assert total[0] == "合计" and sum(int(row[1]) for row in rows) == int(total[1]) == 100
    for column in (3, 4, 5):
        weighted = 0
        for row in rows:
            score, shown = re.fullmatch(r"(\d)（(\d+)）", row[column]).groups()
            assert int(row[1]) * int(score) // 5 == int(shown), row
            weighted += int(shown)
        assert weighted == int(total[column])
    assert len(PLAYBOOK.get("selection-scorecard").notes) >= 4


def test_selection_scorecard_page_shows_the_worked_example() -> None:
    html = Renderer(PLAYBOOK).item("selection-scorecard", "forms/selection-scorecard.html")
    start = html.index("## 填写示例")
    table = html.index("<td>3 年总拥有成本</td>", start)
    assert table < html.index("我方 86 分，领先乙方 8 分", start) < html.index("## 注意", start)


def test_hidden_objection_and_honeymoon_terms_name_their_own_thing() -> None:
    # 真实异议 is another category, not an alias of 隐藏异议; 蜜月期 is upselling's second period, not 冲动期.
    assert "真实异议" not in PLAYBOOK.get("term-hidden-objection").aliases
    honeymoon = PLAYBOOK.get("term-honeymoon-phase").definition
    assert "刚用上产品" not in honeymoon and "3–12 个月" in honeymoon


def test_counts_of_stages_and_activities_are_uss_or_the_sites() -> None:
    # USS (seed 003) has 5 core steps and 15 key activities; this site teaches 6 stages and 19 activities.
    numbers = {"五": 5, "六": 6, "十五": 15, "十九": 19}  # as written in Chinese numerals
    stages, activities = len(PLAYBOOK.of_kind("stage")), len(PLAYBOOK.of_kind("activity"))
    for item_id, entry in PLAYBOOK.entries.items():
        for text in strings(entry.item):
            for count in re.findall(r"(\d{2,}|十[五九])\s*个关键活动", text):  # totals, not one stage's
                assert numbers.get(count, count) in (15, activities, "15", str(activities)), f"{item_id}: {text}"
            for count in re.findall(r"(\d+|[五六])\s*个销售阶段", text):
                assert numbers.get(count, count) in (stages, str(stages)), f"{item_id}: {text}"
