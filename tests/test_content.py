"""Completeness and quality of the real content in content/."""

from __future__ import annotations

import pytest

from macros.load import models
from macros.load.lint import problems, strings
from macros.resolve.playbook import Playbook, load_playbook

from .conftest import ROOT

PLAYBOOK: Playbook = load_playbook(ROOT / "content", root=ROOT)


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
def test_text_follows_the_style_rules(item_id: str) -> None:
    found = [f"{problem}: {text}" for text in strings(PLAYBOOK.get(item_id)) for problem in problems(text)]
    assert not found, "\n".join(found)


@pytest.mark.parametrize("item_id", all_ids())
def test_written_beyond_the_seeds_says_so(item_id: str) -> None:
    item = PLAYBOOK.get(item_id)
    assert item.sources
    if isinstance(item, models.Script | models.Case | models.Course):
        assert item.authored, "scripts, cases and courses are written by us: say so in `authored`"
