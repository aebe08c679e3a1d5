"""Shared facts: {fact:item-id.key} slots are filled from the owner and checked like references."""

from __future__ import annotations

from pathlib import Path

import pytest

from macros.errors import ContentErrors
from macros.render.markdown import Renderer
from macros.resolve.facts import facts_of
from macros.resolve.playbook import load_playbook


def _write(content: Path, owner_facts: str, summary: str) -> None:
    phone = content / "techniques" / "tech-phone.yml"
    phone.write_text(phone.read_text("utf-8") + f"facts:\n{owner_facts}", "utf-8")
    find = content / "activities" / "act-find.yml"
    text = find.read_text("utf-8").replace("summary: 找到目标客户并了解基本信息。", f"summary: {summary}")
    find.write_text(text, "utf-8")


def test_a_slot_shows_the_owners_value_and_links_back(content: Path) -> None:
    _write(content, "  call-max: 4 分钟\n", "电话不超过 {fact:tech-phone.call-max}，找到目标客户。")
    playbook = load_playbook(content, root=content.parent)
    assert playbook.get("act-find").summary == "电话不超过 4 分钟，找到目标客户。"
    assert "act-find" in playbook.backlinks("tech-phone")
    html = Renderer(playbook).item("act-find", "activities/act-find.html")
    assert "电话不超过 4 分钟" in html and "{fact:" not in html


def test_facts_are_derived_from_structured_fields(content: Path) -> None:
    _write(content, "  call-max: 4 分钟\n", "按 {fact:mode-quick.standard-visits}成交。")
    playbook = load_playbook(content, root=content.parent)
    visits = playbook.get("mode-quick").standard.visits
    assert playbook.get("act-find").summary == f"按 {visits} 次拜访成交。"


@pytest.mark.parametrize(
    ("slot", "fragment"),
    [
        ("{fact:tech-phone.call-min}", "没有事实 “call-min”（它有：call-max）"),
        ("{fact:tech-nowhere.call-max}", "不存在的条目 “tech-nowhere”"),
        ("{fact:tech-phone}", "写法不对"),
    ],
)
def test_an_unknown_fact_is_a_file_line_error(content: Path, slot: str, fragment: str) -> None:
    _write(content, "  call-max: 4 分钟\n", f"电话不超过 {slot}。")
    with pytest.raises(ContentErrors) as raised:
        load_playbook(content, root=content.parent)
    [error] = raised.value.errors
    assert (error.file, error.line, error.field) == ("content/activities/act-find.yml", 3, "summary")
    assert fragment in error.message


def test_a_fact_value_is_written_out_not_another_slot(content: Path) -> None:
    _write(content, '  call-max: "{fact:tech-phone.other}"\n  other: 4 分钟\n', "找到目标客户。")
    with pytest.raises(ContentErrors) as raised:
        load_playbook(content, root=content.parent)
    assert any(e.field == "facts.call-max" and "直接写出来" in e.message for e in raised.value.errors)


def test_fact_names_are_ids(content: Path) -> None:
    _write(content, "  通话时长: 4 分钟\n", "找到目标客户。")
    with pytest.raises(ContentErrors) as raised:
        load_playbook(content, root=content.parent)
    assert any(e.field.startswith("facts") for e in raised.value.errors)


def _company(**extra: object) -> dict[str, object]:
    return {
        "id": "acme",
        "title": "某公司",
        "summary": "示例。",
        "sources": ["003"],
        "industry": "制造",
        "profile": [{"id": "staff", "label": "员工", "value": "450 人"}],
        **extra,
    }


def test_a_company_sheet_offers_its_numbers_as_facts() -> None:
    from macros.load.models import Company

    deal = {"id": "erp", "title": "ERP", "facts": [{"id": "contract", "label": "合同", "value": "120 万元"}]}
    company = Company.model_validate(_company(deals=[deal]))
    assert facts_of(company) == {"name": "某公司", "staff": "450 人", "erp-title": "ERP", "erp-contract": "120 万元"}


@pytest.mark.parametrize(
    "extra",
    [
        {"profile": [{"id": "staff", "label": "员工", "value": "1"}, {"id": "staff", "label": "人数", "value": "2"}]},
        {"deals": [{"id": "a", "title": "甲", "story": [{"stage": "s", "text": "一"}, {"stage": "s", "text": "二"}]}]},
    ],
)
def test_a_company_sheet_states_each_fact_and_stage_once(extra: dict[str, object]) -> None:
    from pydantic import ValidationError

    from macros.load.models import Company

    with pytest.raises(ValidationError):
        Company.model_validate(_company(**extra))


def test_a_tier_offers_its_share_and_amount_as_facts(content: Path) -> None:
    # The amount reads the way CONTRIBUTING asks for ranges: no overlap at the boundary (100 万元 is 战略 only).
    playbook = load_playbook(content, root=content.parent)
    [tiering] = [item for item in playbook.of_kind("template") if item.tiers]
    facts = {key: value for key, value in facts_of(tiering).items() if key.endswith(("-share", "-amount"))}
    assert facts == {
        "strategic-share": "5%",
        "strategic-amount": "100 万元及以上",
        "key-share": "20%",
        "key-amount": "10 万元到不到 100 万元",
        "normal-share": "75%",
        "normal-amount": "不到 10 万元",
    }
