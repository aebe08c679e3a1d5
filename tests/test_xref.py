from pathlib import Path

import pytest

from macros.errors import ContentErrors
from macros.resolve.playbook import load_playbook


def test_references_include_nested_fields(content: Path) -> None:
    playbook = load_playbook(content, root=content.parent)
    paths = {(ref.source, ref.path) for ref in playbook.refs}
    assert ("mode-quick", ("visits", 0, "checklist")) in paths
    assert ("act-find", ("techniques", 0)) in paths
    assert ("course-one", ("days", 0, "modules", 1, "exercises", 0, "materials", 0)) in paths


def test_backlinks_list_each_referrer_once(content: Path) -> None:
    playbook = load_playbook(content, root=content.parent)
    assert playbook.backlinks("tech-phone") == ["act-find", "act-explore", "script-phone", "case-one", "course-one"]
    assert playbook.backlinks("topic-selling") == []


def test_derived_relations(content: Path) -> None:
    playbook = load_playbook(content, root=content.parent)
    assert [a.id for a in playbook.activities("stage-one")] == ["act-find"]
    assert playbook.stage_of("list-find").id == "stage-one"
    previous, following = playbook.neighbours(playbook.get("act-find"))
    assert previous is None and following.id == "act-explore"
    kit = playbook.stage_kit("stage-one")
    assert kit["techniques"] == ["tech-phone"] and kit["scripts"] == ["script-phone"]
    assert kit["checklists"] == ["list-find"]


def test_faq_links_each_question_to_the_page_that_answers_it(content: Path) -> None:
    playbook = load_playbook(content, root=content.parent)
    (stage, rows), *_ = playbook.faq()
    assert stage.id == "stage-one"
    row = next(row for row in rows if row["question"] == "怎么打电话约客户？")
    assert row == {"question": "怎么打电话约客户？", "answer": "tech-phone"}


def test_optional_reference_fields_are_checked(content: Path) -> None:
    path = content / "scripts" / "script-phone.yml"
    path.write_text(path.read_text("utf-8").replace("stage: stage-one", "stage: stage-nine"), "utf-8")
    with pytest.raises(ContentErrors) as raised:
        load_playbook(content, root=content.parent)
    assert str(raised.value.errors[0]).startswith(
        "content/scripts/script-phone.yml:8: stage: 引用了不存在的 id “stage-nine”"
    )
