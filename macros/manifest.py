"""What the browser needs to know about checklists, forms and stages, as one JSON file.

The deals page uses it to show progress per stage, the next unchecked item, and stored
items whose checklist item no longer exists in the content.
"""

from __future__ import annotations

from typing import Any

from . import urls
from .playbook import Playbook


def manifest(playbook: Playbook) -> dict[str, Any]:
    # A mode's own visit checklists count only for deals in that mode (one an activity owns counts for all).
    visit_mode = {visit.checklist: mode.id for mode in playbook.of_kind("mode") for visit in mode.visits}
    checklists = {}
    for checklist in playbook.of_kind("checklist"):
        stage = playbook.stage_of(checklist.id)
        owners = playbook.referrers(checklist.id, "activity", "checklist")
        checklists[checklist.id] = {
            "title": checklist.title,
            "url": urls.page_url(urls.item_src("checklist", checklist.id)),
            "stage": stage.id if stage else None,
            "mode": None if owners else visit_mode.get(checklist.id),
            "activities": [owner.id for owner in owners],
            "items": [{"id": item.id, "text": item.text, "was": item.was} for item in checklist.items()],
        }
    templates = {}
    for template in playbook.of_kind("template"):
        owners = playbook.referrers(template.id, "activity", "templates")
        templates[template.id] = {
            "title": template.title,
            "url": urls.page_url(urls.item_src("template", template.id)),
            "stages": sorted({owner.stage for owner in owners}),
            "fields": [
                {
                    "id": field.id,
                    "label": field.label,
                    "type": field.type,
                    "columns": [{"id": c.id, "label": c.label, "type": c.type} for c in field.columns],
                }
                for field in template.fields()
            ],
        }
    stages = [
        {
            "id": stage.id,
            "title": stage.title,
            "url": urls.page_url(urls.item_src("stage", stage.id)),
            "checklists": _in_process_order(playbook, stage.id, checklists),
        }
        for stage in playbook.of_kind("stage")
    ]
    modes = [{"id": mode.id, "title": mode.title} for mode in playbook.of_kind("mode")]
    # Everything a trainer can put into a course (the composer's catalogue).
    catalog = [
        {
            "id": item_id,
            "title": entry.item.title,
            "kind": entry.kind.name,
            "label": entry.kind.label,
            # A composed course cites the seeds of the items it uses (the trainer never picks them).
            "seeds": sorted({source[:3] for source in entry.item.sources}),
        }
        for item_id, entry in playbook.entries.items()
        if entry.kind.name != "course"
    ]
    return {"checklists": checklists, "templates": templates, "stages": stages, "modes": modes, "catalog": catalog}


def _in_process_order(playbook: Playbook, stage_id: str, checklists: dict[str, dict[str, Any]]) -> list[str]:
    """A stage's checklists as a rep works through them: each activity's, in activity order,
    then those the stage holds directly (a mode's visit checklists), in reading order.
    The deals page takes the first unticked item of this list as the next step."""
    mine = [cid for cid, info in checklists.items() if info["stage"] == stage_id]
    ordered = [activity.checklist for activity in playbook.activities(stage_id) if activity.checklist in mine]
    return list(dict.fromkeys(ordered)) + [cid for cid in mine if cid not in ordered]
