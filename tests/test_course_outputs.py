"""Issue 15: course outputs, the quiz key, observer sheets and attached tables, rendered."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from macros.errors import ContentErrors
from macros.render.markdown import Renderer
from macros.render.quiz import answer_key, key_script
from macros.resolve.playbook import Playbook, load_playbook
from tests.documents import course_document

from .conftest import VALID


@pytest.fixture(scope="module")
def playbook() -> Playbook:
    return load_playbook(VALID)


def test_agenda_lists_one_item_a_line_with_its_kind(playbook: Playbook) -> None:
    page = Renderer(playbook).item("course-one", "courses/course-one.html")
    cells = re.findall(r'<ul class="pb-agenda-items">(.*?)</ul>', page)
    assert cells, "agenda content cells list their items"
    first = re.findall(r"<li>(.*?)</li>", cells[0])
    assert len(first) == 1 and "电话技巧" in first[0] and '<span class="pb-kind">销售技巧</span>' in first[0]
    assert "、" not in "".join(cells), "items are never joined with 、 (titles contain it)"


def test_quiz_key_holds_what_the_page_must_not(playbook: Playbook) -> None:
    course = playbook.get("course-one")
    key = answer_key(course)
    assert key["q1"] == {"explanation": "解释丁：不超过 4 分钟。", "correct": ["false"]}
    assert key["q2"]["correct"] == ["2"]
    assert key["q3"]["reference"].startswith("参考己")
    script = key_script(course)
    assert script.startswith('(window.PB_QUIZ_KEYS = window.PB_QUIZ_KEYS || {})["course-one"] = ')
    assert json.loads(script.split("] = ", 1)[1].rstrip(";\n")) == key
    page = Renderer(playbook).item("course-one", "courses/course-one.html")
    assert "解释丁" not in page and "解释戊" not in page


def test_observer_sheet_uses_the_guides_scale_everywhere(playbook: Playbook) -> None:
    renderer = Renderer(playbook)
    script = renderer.item("script-phone", "scripts/script-phone.html")
    guide = course_document(renderer, "course-one", "guide")
    for page in (script, guide):
        assert "满分 8 分，达到 70%（6 分）为通过" in page
        assert "1–5" not in page
        assert '<th class="pb-num-head">#</th>' in page and '<th class="pb-notes-head">记录</th>' in page


def test_attached_tables_must_be_table_fields_of_a_letter(content: Path) -> None:
    form = content / "templates" / "form-tiering.yml"
    form.write_text(form.read_text("utf-8").replace("attach: [visits]", "attach: [tier]"), "utf-8")
    with pytest.raises(ContentErrors) as raised:
        load_playbook(content)
    assert any("attach 里的 tier 不是本表的表格字段 id" in str(error) for error in raised.value.errors)


def test_letter_names_its_attached_tables(playbook: Playbook) -> None:
    page = Renderer(playbook).item("form-tiering", "forms/form-tiering.html")
    assert '<div class="pb-letter" data-template="form-tiering" data-attach="visits">' in page
