"""A course's printable documents, and where their pages live.

The agenda is one page. The participant handout and the facilitator guide are an index page
(courses/<id>-handout.html) and one page per day (courses/<id>-handout/day-1.html …): a whole
three-day handout with its cases and dialogues passed 110 kB on one page. The PDF step
(macros/exports/parts.py) puts the days back into one document, as it does for print packs.
"""

from __future__ import annotations

from macros.load.models import Course

COURSE_OUTPUTS = {"agenda": "议程", "handout": "学员讲义", "guide": "讲师手册"}
BY_DAY = ("handout", "guide")  # the outputs that get one page per day


def course_src(course_id: str, output: str) -> str:
    """The output's page (for a handout or guide, its index page)."""
    return f"courses/{course_id}-{output}.md"


def course_day_src(course_id: str, output: str, day: int) -> str:
    """The page of day ``day`` (1-based) of a handout or guide."""
    return f"courses/{course_id}-{output}/day-{day}.md"


def course_day_srcs(course: Course, output: str) -> list[str]:
    """The day pages of one output, in course order (none for the agenda)."""
    if output not in BY_DAY:
        return []
    return [course_day_src(course.id, output, day) for day in range(1, len(course.days) + 1)]


def course_srcs(course: Course) -> list[str]:
    """Every page a course's documents make."""
    return [src for out in COURSE_OUTPUTS for src in [course_src(course.id, out), *course_day_srcs(course, out)]]
