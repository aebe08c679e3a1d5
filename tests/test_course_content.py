"""The real courses can run as written: timings add up, exercises match their materials."""

from __future__ import annotations

import re

import pytest

from macros.load import models
from macros.render.markdown import Renderer
from macros.resolve import coursetiming
from tests.documents import course_document

from .test_content import PLAYBOOK, ids

COURSES = ids("course")
CHINESE_NUMBERS = {"五": 5, "六": 6, "七": 7, "八": 8, "十五": 15, "十九": 19}


def exercises(course: models.Course) -> list[models.Exercise]:
    return [exercise for day in course.days for module in day.modules for exercise in module.exercises]


def test_every_course_exercise_gives_its_case_the_minutes_it_needs() -> None:
    assert coursetiming.check(PLAYBOOK.entries) == []


@pytest.mark.parametrize("course_id", COURSES)
def test_each_day_ends_when_it_says(course_id: str) -> None:
    for day in PLAYBOOK.get(course_id).days:
        used = sum(module.minutes for module in day.modules)
        assert models.clock_minutes(day.start) + used == models.clock_minutes(day.end), day.title


@pytest.mark.parametrize("course_id", COURSES)
def test_no_case_or_form_is_practised_twice(course_id: str) -> None:
    seen: dict[str, str] = {}
    for exercise in exercises(PLAYBOOK.get(course_id)):
        for material in exercise.materials:
            if PLAYBOOK.kind_of(material).name in ("case", "template"):
                assert material not in seen, f"{material}: {seen.get(material)} / {exercise.title}"
                seen[material] = exercise.title


@pytest.mark.parametrize("course_id", COURSES)
def test_a_case_an_exercise_uses_is_printed_with_its_module(course_id: str) -> None:
    # The participant handout prints a module's items (a case's situation and questions), not an
    # exercise's materials: a case left out of items is a case the participants never get on paper.
    missing = [
        f"{module.title}: {material}"
        for day in PLAYBOOK.get(course_id).days
        for module in day.modules
        for exercise in module.exercises
        for material in exercise.materials
        if PLAYBOOK.kind_of(material).name == "case" and material not in module.items
    ]
    assert not missing, "a case used by an exercise is not in its module's items: " + ", ".join(missing)


@pytest.mark.parametrize("course_id", COURSES)
def test_an_observer_needs_a_group_of_three(course_id: str) -> None:
    for exercise in exercises(PLAYBOOK.get(course_id)):
        if "观察者" in exercise.instructions:
            assert "两人一组" not in exercise.instructions, exercise.title


@pytest.mark.parametrize("course_id", COURSES)
def test_role_play_figures_come_from_its_script(course_id: str) -> None:
    for exercise in exercises(PLAYBOOK.get(course_id)):
        if exercise.type != "角色扮演":
            continue
        scripts = [PLAYBOOK.get(m) for m in exercise.materials if PLAYBOOK.kind_of(m).name == "script"]
        text = " ".join(s.scenario + " ".join(line.text for line in s.lines) for s in scripts)
        for figure in re.findall(r"\d+(?:\.\d+)?%", exercise.title + exercise.instructions):
            assert figure in text, f"{exercise.title}: {figure} is not in {[s.id for s in scripts]}"


@pytest.mark.parametrize("course_id", COURSES)
def test_counts_of_stages_and_activities_match_the_site(course_id: str) -> None:
    counts = {"销售阶段": len(ids("stage")), "关键活动": len(ids("activity"))}
    course = PLAYBOOK.get(course_id)
    texts = [course.summary, *course.outcomes, *(day.title for day in course.days)]
    for text in texts:
        for number, noun in re.findall(r"([五六七八九十]+)[个大]\s*(销售阶段|关键活动|核心步骤)", text):
            assert noun != "核心步骤", f"the site teaches stages, not the seed's core steps: {text}"
            assert CHINESE_NUMBERS[number] == counts[noun], text


def test_retention_quiz_covers_all_eight_parts() -> None:
    course = PLAYBOOK.get("key-account-retention-course")
    parts: dict[str, set[str]] = {}
    for day in course.days:
        for module in day.modules:
            if match := re.match(r"第[一二三四五六七八]部分：([^（]+)", module.title):
                used = parts.setdefault(match.group(1), set())
                used.update(module.items, *(exercise.materials for exercise in module.exercises))
    assert len(parts) == 8
    refs = {question.ref for question in course.quiz}
    assert [part for part, used in parts.items() if not used & refs] == []


@pytest.mark.parametrize("course_id", COURSES)
def test_guide_has_no_doubled_full_stops(course_id: str) -> None:
    guide = course_document(Renderer(PLAYBOOK), course_id, "guide")
    assert "。。" not in guide


@pytest.mark.parametrize("course_id", COURSES)
def test_a_daily_quiz_promised_in_the_style_is_on_every_day(course_id: str) -> None:
    course = PLAYBOOK.get(course_id)
    if any("每天" in line and "测验" in line for line in course.style):
        for day in course.days:
            assert any(module.method == "测验" for module in day.modules), day.title
