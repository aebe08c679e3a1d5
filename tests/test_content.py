"""Completeness and quality of the real content in content/."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest

from macros import models
from macros.playbook import Playbook, load_playbook

from .conftest import ROOT

PLAYBOOK: Playbook = load_playbook(ROOT / "content", root=ROOT)

PLACEHOLDERS = re.compile(r"TODO|TBD|待补充|待完善|lorem|XX公司|某某公司|_{3,}|\?\?|？？|！！|\.\.\.", re.IGNORECASE)
# Latin words allowed in Chinese prose: established terms and product words.
ALLOWED_LATIN = {
    "SPIN", "FBV", "USS", "ERP", "SaaS", "ISO", "ISO9001", "PPT", "Excel", "ARPU", "CRM", "IT", "KPI", "ROI",
    "CEO", "CFO", "CIO", "GM", "HR", "MES", "WMS", "OA", "App", "APP", "PDF", "VIP", "QQ", "OEM", "MRO",
    "PO", "SKU", "S", "C", "M", "N", "P", "I", "F", "B", "V", "A", "Q", "Word", "MOQ", "SLA",
}  # fmt: skip


def strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, models.Strict):
        for name in type(value).model_fields:
            if name not in ("id", "sources", "related"):
                yield from strings(getattr(value, name))
    elif isinstance(value, list):
        for element in value:
            yield from strings(element)


def ids(kind: str) -> list[str]:
    return [item.id for item in PLAYBOOK.of_kind(kind)]


def all_ids() -> list[str]:
    return sorted(PLAYBOOK.entries)


@pytest.mark.parametrize("item_id", ids("activity"))
def test_activity_is_complete(item_id: str) -> None:
    activity = PLAYBOOK.get(item_id)
    assert len(activity.steps) >= 4
    assert len(activity.exit_criteria) >= 3
    assert activity.techniques, "names its key techniques"


@pytest.mark.parametrize("item_id", ids("checklist"))
def test_checklist_has_at_least_five_items(item_id: str) -> None:
    assert len(PLAYBOOK.get(item_id).items()) >= 5


@pytest.mark.parametrize("item_id", ids("stage"))
def test_stage_links_techniques_and_checklists(item_id: str) -> None:
    kit = PLAYBOOK.stage_kit(item_id)
    assert kit["activities"], "has key activities"
    assert len(kit["techniques"]) >= 2
    assert len(kit["checklists"]) >= 1


@pytest.mark.parametrize("item_id", ids("technique"))
def test_technique_has_a_script_and_an_example(item_id: str) -> None:
    assert PLAYBOOK.referrers(item_id, "script", "techniques"), "no script demonstrates it"
    technique = PLAYBOOK.get(item_id)
    assert technique.examples, "no worked example"
    assert technique.pitfalls, "no common mistakes"


@pytest.mark.parametrize("item_id", ids("script"))
def test_script_is_a_real_conversation(item_id: str) -> None:
    script = PLAYBOOK.get(item_id)
    sides = [line.is_rep for line in script.lines]
    assert len(sides) >= 6
    assert any(sides) and not all(sides), "needs the rep and the other side"
    runs = "".join("R" if side else "o" for side in sides)
    assert "RRR" not in runs and "ooo" not in runs, "lines should alternate"


@pytest.mark.parametrize("item_id", ids("template"))
def test_template_has_fields_and_is_used_by_an_activity(item_id: str) -> None:
    template = PLAYBOOK.get(item_id)
    assert len(template.fields()) >= 5
    assert PLAYBOOK.referrers(item_id, "activity", "templates"), "no activity uses it"


@pytest.mark.parametrize("item_id", ids("case"))
def test_case_is_complete(item_id: str) -> None:
    case = PLAYBOOK.get(item_id)
    assert len(case.situation) >= 150
    assert len(case.discussion) >= 3
    assert len(case.related) >= 2


OUTSIDE_GLOSSARY = "\n".join(
    text for entry in PLAYBOOK.entries.values() if entry.kind.name != "term" for text in strings(entry.item)
)


@pytest.mark.parametrize("item_id", ids("term"))
def test_glossary_term_is_used_outside_the_glossary(item_id: str) -> None:
    term = PLAYBOOK.get(item_id)
    assert any(label in OUTSIDE_GLOSSARY for label in (term.title, *term.aliases)), term.title


@pytest.mark.parametrize("item_id", all_ids())
def test_no_placeholder_text(item_id: str) -> None:
    for text in strings(PLAYBOOK.get(item_id)):
        assert not PLACEHOLDERS.search(text), text


@pytest.mark.parametrize("item_id", all_ids())
def test_chinese_typography(item_id: str) -> None:
    for text in strings(PLAYBOOK.get(item_id)):
        han = r"[\u4e00-\u9fff]"
        assert not re.search(rf"{han}[,;!?]|[,;!?]{han}", text), f"half-width punctuation in: {text}"
        assert not re.search(rf"{han}:(?!\d)", text), f"half-width colon in: {text}"
        assert not re.search(rf"{han}[A-Za-z0-9]|[A-Za-z0-9]{han}", text.replace("%", "")), f"no space in: {text}"


@pytest.mark.parametrize("item_id", all_ids())
def test_no_english_prose_in_chinese_text(item_id: str) -> None:
    for text in strings(PLAYBOOK.get(item_id)):
        if not re.search(r"[\u4e00-\u9fff]", text):
            continue
        for word in re.findall(r"[A-Za-z][A-Za-z0-9]*", text):
            assert word in ALLOWED_LATIN, f"“{word}” in: {text}"


@pytest.mark.parametrize("item_id", all_ids())
def test_written_beyond_the_seeds_says_so(item_id: str) -> None:
    item = PLAYBOOK.get(item_id)
    assert item.sources
    if isinstance(item, models.Script | models.Case | models.Course):
        assert item.authored, "scripts, cases and courses are written by us: say so in `authored`"
