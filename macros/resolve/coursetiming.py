"""Course exercises give every case they use at least the minutes the case says it needs."""

from __future__ import annotations

from macros.errors import ContentError, field_name
from macros.load.loader import Entry
from macros.load.models import Case, Course


def check(entries: dict[str, Entry]) -> list[ContentError]:
    errors = []
    for entry in entries.values():
        if isinstance(entry.item, Course):
            errors.extend(_course_errors(entry, entries))
    return errors


def _course_errors(entry: Entry, entries: dict[str, Entry]) -> list[ContentError]:
    errors = []
    for d, day in enumerate(entry.item.days):
        for m, module in enumerate(day.modules):
            for e, exercise in enumerate(module.exercises):
                # An exercise without its own minutes has the whole module.
                given = exercise.minutes or module.minutes
                path = ("days", d, "modules", m, "exercises", e)
                path = (*path, "minutes") if exercise.minutes else (*path, "materials")
                for material in exercise.materials:
                    case_entry = entries.get(material)
                    if case_entry is None or not isinstance(case_entry.item, Case):
                        continue  # unknown ids are reported by the reference check
                    needed = case_entry.item.minutes
                    if given < needed:
                        where = f"{case_entry.file}:{case_entry.line_of(('minutes',))}"
                        message = f"给案例 “{material}” {given} 分钟，它要 {needed} 分钟（{where}）：加时间或换案例"
                        errors.append(ContentError(entry.file, entry.line_of(path), field_name(path), message))
    return errors
