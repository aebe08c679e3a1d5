"""What the browser scripts need to know about checklists, forms and stages.

Split so that a page loads only what its own scripts use (a page's HTML and data must not
grow with the rest of the playbook):

- ``manifest(playbook)``: a small index every page loads (assets/playbook/manifest.js):
  stages with their checklist ids, and the sales modes;
- ``page_data(...)``: the checklists and forms one page shows, written into that page as
  JSON (activity, checklist and form pages);
- ``stage_data(playbook, stage)``: what a stage page's progress line counts, its checklists'
  item ids without their text, in assets/playbook/stage-<id>.js (at 10× a stage has 100
  checklists: 200 kB in the page with their text, 45 kB without);
- ``deal_data(playbook)``: every checklist and form, for the deals page (progress per
  stage, the next unchecked item, stored items that no longer exist, Excel export);
- ``catalog(playbook)``: every item a trainer can put into a course, for the composer.

pb-core.js merges each into ``PB.manifest`` before a page's scripts run.
"""

from __future__ import annotations

from typing import Any

from macros.resolve import urls
from macros.resolve.playbook import Playbook


def _visit_modes(playbook: Playbook) -> dict[str, str]:
    return {visit.checklist: mode.id for mode in playbook.of_kind("mode") for visit in mode.visits}


def checklist_entry(playbook: Playbook, checklist_id: str, visit_mode: dict[str, str] | None = None) -> dict[str, Any]:
    # A mode's own visit checklists count only for deals in that mode (one an activity owns counts for all).
    visit_mode = _visit_modes(playbook) if visit_mode is None else visit_mode
    checklist = playbook.get(checklist_id)
    stage = playbook.stage_of(checklist_id)
    owners = playbook.referrers(checklist_id, "activity", "checklist")
    return {
        "title": checklist.title,
        "url": urls.page_url(urls.item_src("checklist", checklist_id)),
        "stage": stage.id if stage else None,
        "mode": None if owners else visit_mode.get(checklist_id),
        "activities": [owner.id for owner in owners],
        "items": [{"id": item.id, "text": item.text, "was": item.was} for item in checklist.items()],
    }


def template_entry(playbook: Playbook, template_id: str) -> dict[str, Any]:
    template = playbook.get(template_id)
    owners = playbook.referrers(template_id, "activity", "templates")
    return {
        "title": template.title,
        "url": urls.page_url(urls.item_src("template", template_id)),
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


def page_data(playbook: Playbook, checklists: list[str] = (), templates: list[str] = ()) -> dict[str, Any]:
    visit_mode = _visit_modes(playbook)
    return {
        "checklists": {cid: checklist_entry(playbook, cid, visit_mode) for cid in checklists},
        "templates": {tid: template_entry(playbook, tid) for tid in templates},
    }


def stage_data(playbook: Playbook, stage_id: str) -> dict[str, Any]:
    """A stage's checklists for its progress line: what PB.progress reads (mode, item ids), no text."""
    visit_mode = _visit_modes(playbook)
    checklists = {}
    for checklist_id in stage_checklists(playbook, stage_id):
        entry = checklist_entry(playbook, checklist_id, visit_mode)
        checklists[checklist_id] = {**entry, "items": [{"id": item["id"]} for item in entry["items"]]}
    return {"checklists": checklists}


def stage_script(stage_id: str) -> str:
    """The name a stage page asks for (data-pb-needs): assets/playbook/<name>.js sets window.PB_<NAME>."""
    return f"stage-{stage_id}"


def stage_checklists(playbook: Playbook, stage_id: str) -> list[str]:
    """A stage's checklists as a rep works through them: each activity's, in activity order,
    then those the stage holds directly (a mode's visit checklists), in reading order.
    The deals page takes the first unticked item of this list as the next step."""
    mine = [c.id for c in playbook.of_kind("checklist") if (s := playbook.stage_of(c.id)) and s.id == stage_id]
    ordered = [activity.checklist for activity in playbook.activities(stage_id) if activity.checklist in mine]
    return list(dict.fromkeys(ordered)) + [cid for cid in mine if cid not in ordered]


def manifest(playbook: Playbook) -> dict[str, Any]:
    stages = [
        {
            "id": stage.id,
            "title": stage.title,
            "url": urls.page_url(urls.item_src("stage", stage.id)),
            "checklists": stage_checklists(playbook, stage.id),
        }
        for stage in playbook.of_kind("stage")
    ]
    modes = [{"id": mode.id, "title": mode.title} for mode in playbook.of_kind("mode")]
    return {"checklists": {}, "templates": {}, "stages": stages, "modes": modes, "catalog": []}


def deal_data(playbook: Playbook) -> dict[str, Any]:
    checklists = [c.id for c in playbook.of_kind("checklist")]
    return page_data(playbook, checklists, [t.id for t in playbook.of_kind("template")])


def catalog(playbook: Playbook) -> dict[str, Any]:
    return {
        "catalog": [
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
    }
