"""The answer key a course page loads only after the quiz is handed in.

The page itself carries each answer as a hash (enough to score); explanations, the right
options and the reference answers to short questions would give the answers away, so they
live in a script of their own (a script, not JSON, so that it also loads from file://).
"""

from __future__ import annotations

import json
from typing import Any

from macros.load import models


def answer_key(course: models.Course) -> dict[str, dict[str, Any]]:
    key: dict[str, dict[str, Any]] = {}
    for question in course.quiz:
        entry: dict[str, Any] = {"explanation": question.explanation}
        if question.type in ("single", "multiple"):
            entry["correct"] = [str(n) for n in sorted(question.correct)]
        elif question.type == "truefalse":
            entry["correct"] = ["true" if question.truth else "false"]
        else:
            entry["reference"] = question.reference_answer
        key[question.id] = entry
    return key


def key_path(course_id: str) -> str:
    return f"assets/playbook/quiz/{course_id}.js"


def key_script(course: models.Course) -> str:
    data = json.dumps(answer_key(course), ensure_ascii=False)
    # "</" never appears in the output: the file is a script of its own, but stay safe if inlined.
    data = data.replace("</", "<\\/")
    return f"(window.PB_QUIZ_KEYS = window.PB_QUIZ_KEYS || {{}})[{json.dumps(course.id)}] = {data};\n"
