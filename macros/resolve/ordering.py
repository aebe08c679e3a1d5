"""Reading order within a kind: the sales process for what follows it, pinyin for the rest.

Stages, activities and their checklists follow the cycle (a checklist sits where its
activity or sales-mode visit does); processes by their ``order`` then the first stage they
cover; techniques, scripts, forms, cases, courses and terms by the pinyin of their title,
so the sidebar, the index page and every list read the same way. Never by file id.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from macros.render.glossary import pinyin_key

if TYPE_CHECKING:
    from .playbook import Playbook

# Sub-positions of a checklist inside its stage: an activity's own list, then visit lists, then the rest.
_ACTIVITY, _VISIT, _OTHER = 0, 1, 2


def key(playbook: Playbook, item_id: str) -> tuple[Any, ...]:
    entry = playbook.entries[item_id]
    item = entry.item
    kind = entry.kind.name
    if kind in ("stage", "mode", "topic"):
        return (item.order,)
    if kind == "activity":
        return (_stage_order(playbook, item.stage), item.order)
    if kind == "process":
        first = min(_stage_order(playbook, stage_id) for stage_id in item.stages)
        return (item.order, first, pinyin_key(item.title))
    if kind == "checklist":
        return _checklist_key(playbook, item_id)
    if kind == "case":
        return (_stage_order(playbook, item.stage), pinyin_key(item.title))
    return (pinyin_key(item.title),)


def _stage_order(playbook: Playbook, stage_id: str | None) -> int:
    return playbook.get(stage_id).order if stage_id in playbook.entries else 0


def _checklist_key(playbook: Playbook, checklist_id: str) -> tuple[Any, ...]:
    title = pinyin_key(playbook.get(checklist_id).title)
    owners = playbook.referrers(checklist_id, "activity", "checklist")
    if owners:
        return (_stage_order(playbook, owners[0].stage), _ACTIVITY, owners[0].order, 0, title)
    stage = playbook.stage_of(checklist_id)
    stage_order = stage.order if stage else 99
    for mode in playbook.of_kind("mode"):
        for visit in mode.visits:
            if visit.checklist == checklist_id:
                return (stage_order, _VISIT, mode.order, visit.number, title)
    return (stage_order, _OTHER, 0, 0, title)
