"""What a stage's print pack holds, and where its pages live.

On the site a pack is an index page (packs/<stage>.html) and one page per checklist or form
(packs/<stage>/<id>.html): a single page with every sheet grew with the stage (235 kB at 1×,
2.2 MB at 10×). The PDF step (macros/exports/parts.py) puts the sheets back into one document.
"""

from __future__ import annotations

from macros.resolve.playbook import Playbook


def pack_parts(playbook: Playbook, stage_id: str) -> list[str]:
    """The pack's sheets in print order: the stage's checklists, then its forms."""
    kit = playbook.stage_kit(stage_id)
    return [*kit["checklists"], *kit["templates"]]


def pack_src(stage_id: str) -> str:
    """The pack's index page."""
    return f"packs/{stage_id}.md"


def pack_part_src(stage_id: str, item_id: str) -> str:
    return f"packs/{stage_id}/{item_id}.md"
