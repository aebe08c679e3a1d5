"""A course's handout or facilitator guide as one text, the way its PDF prints it: the index
page, then every day's page (macros/resolve/coursedocs.py)."""

from __future__ import annotations

from macros.render.markdown import Renderer
from macros.resolve.coursedocs import course_day_srcs, course_src
from macros.resolve.urls import page_url


def course_document(renderer: Renderer, course_id: str, output: str) -> str:
    course = renderer.playbook.get(course_id)
    parts = [renderer.fragment(f"course-{output}.md.j2", page_url(course_src(course_id, output)), course=course)]
    for day, src in enumerate(course_day_srcs(course, output), 1):
        parts.append(renderer.fragment(f"course-{output}-day.md.j2", page_url(src), course=course, day=day))
    return "\n".join(parts)
