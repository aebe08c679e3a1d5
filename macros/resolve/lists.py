"""The lists an item's page shows, capped so that no page grows with the content.

At 10× the content a stage page listed 710 items in its toolkit and 702 that refer to it
(586 kB), a sales mode 287 referrers, a company 246. A page now shows the first ``SHOWN``
items of each list and links "全部 N 个" to a list page of its own
(``<segment>/<item id>/<list>.md``, continued on ``-2``, ``-3`` … past ``ROWS_PER_PAGE``),
so neither page grows with the number of items elsewhere. 相关 is written by hand in the
item and stays whole. The 阶段工具矩阵 links its cells
to the same pages.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from macros.resolve.playbook import Playbook
from macros.resolve.urls import src_path

SHOWN = 10  # at 1× most lists are shorter and look as they always did; at 10× a stage page stays under 100 kB
ROWS_PER_PAGE = 400  # titles only: about 45 kB of links
PREVIEWS_UP_TO = 60  # a list page this short gives each row its summary, as an index page does
# A stage's toolkit, by kind, in the order its page shows them.
KIT = {
    "techniques": "销售技巧", "scripts": "话术", "templates": "表单模板",
    "checklists": "检查清单", "processes": "业务流程",
}  # fmt: skip
RELATED, BACKLINKS = "related", "backlinks"
LABELS = {**KIT, RELATED: "相关", BACKLINKS: "引用它的"}


@dataclass(frozen=True)
class ListPage:
    src: str
    item_id: str  # the page the list belongs to
    key: str  # a KIT key, RELATED or BACKLINKS
    number: int  # 1-based, among the pages of the same list
    of: int
    ids: list[str]  # this page's rows
    total: int  # rows of the whole list

    @property
    def label(self) -> str:
        return LABELS[self.key]

    @property
    def url(self) -> str:
        return self.src.removesuffix(".md") + ".html"


def activity_scripts(playbook: Playbook, activity: Any) -> list[str]:
    """An activity's scripts: those it names, then those that name it."""
    named = [script.id for script in playbook.referrers(activity.id, "script")]
    return list(dict.fromkeys([*activity.scripts, *named]))


def page_lists(playbook: Playbook, item_id: str) -> dict[str, list[str]]:
    """Each list of an item's page, in page order, every item once: a stage's toolkit by kind,
    then 相关 (minus what the page already listed), then 引用它的 (minus both)."""
    entry = playbook.entries[item_id]
    item = entry.item
    lists: dict[str, list[str]] = {}
    listed: list[str] = []
    if entry.kind.name == "stage":
        kit = playbook.stage_kit(item_id)
        lists.update({key: kit[key] for key in KIT if kit[key]})
        listed = [*(ref for key in KIT for ref in kit[key]), *(activity.id for activity in kit["activities"])]
    elif entry.kind.name == "activity":
        listed = [*item.techniques, *activity_scripts(playbook, item), *item.templates, item.checklist, item.stage]
    shown = set(listed)
    related = [ref for ref in item.related if ref not in shown]
    back = [ref for ref in playbook.backlinks(item_id) if ref not in shown and ref not in related]
    if related:
        lists[RELATED] = related
    if back:
        lists[BACKLINKS] = back
    return lists


def list_src(playbook: Playbook, item_id: str, key: str, number: int = 1) -> str:
    """stages/present-value/scripts.md, modes/quick-mode/backlinks-2.md …"""
    base = src_path(playbook.kind_of(item_id), item_id).removesuffix(".md")
    return f"{base}/{key}.md" if number == 1 else f"{base}/{key}-{number}.md"


def list_pages(playbook: Playbook, item_id: str) -> list[ListPage]:
    """The list pages of one item: one for each list longer than SHOWN, continued past ROWS_PER_PAGE."""
    pages = []
    for key, ids in page_lists(playbook, item_id).items():
        if key == RELATED or len(ids) <= SHOWN:  # 相关 is written by hand, not grown by the content
            continue
        chunks = [ids[start : start + ROWS_PER_PAGE] for start in range(0, len(ids), ROWS_PER_PAGE)]
        for number, chunk in enumerate(chunks, 1):
            src = list_src(playbook, item_id, key, number)
            pages.append(ListPage(src, item_id, key, number, len(chunks), chunk, len(ids)))
    return pages


def all_list_pages(playbook: Playbook) -> list[ListPage]:
    return [page for item_id in playbook.entries for page in list_pages(playbook, item_id)]
