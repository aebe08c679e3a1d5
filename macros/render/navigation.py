"""The site navigation, derived from the content so that a new file gets its entry."""

from __future__ import annotations

from typing import Any

from macros.load.kinds import KINDS
from macros.resolve.playbook import Playbook
from macros.resolve.urls import index_path, src_path

NavEntry = Any  # str path or {title: [entries]}


def _listing(playbook: Playbook, kind_name: str) -> list[NavEntry]:
    kind = KINDS[kind_name]
    return [index_path(kind)] + [src_path(kind, item.id) for item in playbook.of_kind(kind_name)]


def build_nav(playbook: Playbook, extra: dict[str, list[NavEntry]] | None = None) -> list[NavEntry]:
    """Tabs: 首页 · 销售流程 · 基础与模式 · 技巧与话术 · 表单与清单 · 培训 · 术语表."""
    stage_kind, process_kind = KINDS["stage"], KINDS["process"]
    # The overview (process order 1) right after the tab's own page: where a newcomer looks first.
    overview = [src_path(process_kind, p.id) for p in playbook.of_kind("process") if p.order == 1]
    cycle: list[NavEntry] = [index_path(stage_kind), *overview]
    for stage in playbook.of_kind("stage"):
        pages = [src_path(stage_kind, stage.id)]
        pages += [src_path(KINDS["activity"], a.id) for a in playbook.activities(stage.id)]
        cycle.append({stage.title: pages})
    processes = [page for page in _listing(playbook, "process") if page not in overview]
    cycle.append({process_kind.label: processes})
    # Activities are listed under their stage; their index page still needs a place.
    cycle.append({KINDS["activity"].label: [index_path(KINDS["activity"])]})
    extra = extra or {}

    def group(*kind_names: str) -> list[NavEntry]:
        return [{KINDS[name].label: _listing(playbook, name)} for name in kind_names]

    return [
        {"首页": ["index.md", "guide/first-week.md", "guide/faq.md", "guide/matrix.md", *extra.get("首页", [])]},
        {"销售流程": cycle},
        {"基础与模式": group("topic", "mode")},
        {"技巧与话术": [*extra.get("技巧与话术", []), *group("technique", "script")]},
        {"表单与清单": [*extra.get("表单与清单", []), *group("template", "checklist")]},
        # The tab opens its first page: trainers start at the course list, the composer comes after.
        {"培训": [*group("course", "case", "company"), *extra.get("培训", [])]},
        {KINDS["term"].label: _listing(playbook, "term")},
    ]
