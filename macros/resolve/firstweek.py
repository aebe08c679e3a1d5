"""A new hire's first week, derived from the content: what to read on which day.

Day 1 is the overview (the overview processes, the sales basics and the stages); days 2–4
follow the days of the new-hire bootcamp, each with the items its modules teach; day 5 is
practice on a deal. Nothing here is written twice: titles and links come from the items.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from macros.resolve.playbook import Playbook

BOOTCAMP = "new-hire-bootcamp"  # the course a new hire takes in week one


@dataclass
class Day:
    title: str
    items: list[str] = field(default_factory=list)  # item ids, in reading order
    note: str = ""


def bootcamp(playbook: Playbook) -> Any:
    return playbook.get(BOOTCAMP) if BOOTCAMP in playbook else None


def first_week(playbook: Playbook) -> list[Day]:
    overview = [p.id for p in playbook.of_kind("process") if p.order == 1]
    days = [
        Day(
            "先看全貌",
            [*overview, *(t.id for t in playbook.of_kind("topic")), *(s.id for s in playbook.of_kind("stage"))],
            "看懂六个阶段和三个决策点：每个阶段客户处在什么状态，要做到什么才算完成。",
        )
    ]
    course = bootcamp(playbook)
    if course is not None:
        for day in course.days:
            ids = dict.fromkeys(item_id for module in day.modules for item_id in module.items)
            days.append(Day(f"训练营{day.title}", list(ids), "上课前读一遍，课后用话术页的练习模式演练。"))
    first_stage = playbook.of_kind("stage")[:1]
    practice = [a.id for stage in first_stage for a in playbook.activities(stage.id)]
    practice += [playbook.get(a).checklist for a in practice]
    days.append(Day("跟一个真实商机", practice, "在“我的商机”里建一个练习商机，照第一阶段的检查清单逐项做一遍。"))
    return days


def reading_list(playbook: Playbook) -> set[str]:
    """Every item on the first-week path: what the 新人 tag keeps."""
    return {item_id for day in first_week(playbook) for item_id in day.items}
