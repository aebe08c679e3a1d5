"""How current each page is: when its content last changed and how its review stands.

Dates come from :mod:`macros.resolve.history` (one ``git log``): an item page takes its YAML file's
last real change (an edit that only records a review or a change note does not count), a
generated page the newest of the files it is made from, a hand-written page its own file.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from macros.load.kinds import KINDS
from macros.resolve import urls
from macros.resolve.coursedocs import course_srcs
from macros.resolve.faq import faq_pages
from macros.resolve.history import FileChange, History, content_changed, load_yaml
from macros.resolve.lists import all_list_pages
from macros.resolve.packs import pack_part_src, pack_parts, pack_src
from macros.resolve.playbook import Playbook
from macros.resolve.review import Report, Status, report, review_pages, status


@dataclass
class Freshness:
    history: History
    today: date
    updated: dict[str, datetime | None]  # item id → last real change (None: not known)
    statuses: dict[str, Status]
    pages: dict[str, tuple[datetime | None, str | None]] = field(default_factory=dict)  # src → (date, item id)
    # checklist id → item id → (added, changed) when either happened after the checklist's first version
    check_items: dict[str, dict[str, tuple[datetime | None, datetime | None]]] = field(default_factory=dict)

    def report(self) -> Report:
        return report(self.statuses, self.updated)

    def page(self, src: str) -> tuple[datetime | None, str | None] | None:
        return self.pages.get(src)

    def newest(self, item_ids: list[str]) -> datetime | None:
        dates = [when for item_id in item_ids if (when := self.updated.get(item_id)) is not None]
        return max(dates) if dates else None


def last_change(history: History, changes: list[FileChange]) -> datetime | None:
    """The newest change to one file that altered its content (``changes`` newest first)."""
    for change in changes:
        if not history.trustworthy(change):
            return None  # a shallow clone's cut: the real date is older and unknown
        if change.status == "A":
            return change.when
        if change.status == "M" and content_changed(history.blob(change.old_blob), history.blob(change.new_blob)):
            return change.when
    return None


def _check_texts(text: str | None) -> dict[str, tuple[str, tuple[str, ...]]] | None:
    """Checklist item id → (what the rep reads, earlier ids) in one version of the file."""
    data = load_yaml(text)
    if data is None:
        return None
    result = {}
    for group in data.get("groups") or []:
        for check in (group or {}).get("items") or [] if isinstance(group, dict) else []:
            if isinstance(check, dict) and isinstance(check.get("id"), str):
                reads = f"{check.get('text', '')}\n{check.get('help') or ''}"
                result[check["id"]] = (reads, tuple(check.get("was") or ()))
    return result


def checklist_history(
    history: History, changes: list[FileChange]
) -> dict[str, tuple[datetime | None, datetime | None]]:
    """For each checklist item: when it was added and when its text changed, after the file's first version.

    Items present since the first version and never reworded are left out: the page only
    carries what a rep's earlier ticks can be out of date with.
    """
    state: dict[str, tuple[str, datetime | None, datetime | None]] = {}  # id → (text, added, changed)
    first = True
    for change in reversed(changes):  # oldest first
        if change.status == "D":
            state, first = {}, True
            continue
        if not history.trustworthy(change):
            first = True  # a shallow cut: its items are the baseline, not additions
        items = _check_texts(history.blob(change.new_blob))
        if items is None:
            continue
        following: dict[str, tuple[str, datetime | None, datetime | None]] = {}
        for item_id, (reads, was) in items.items():
            before = state.get(item_id) or next((state[old] for old in was if old in state), None)
            if before is None:
                following[item_id] = (reads, None if first else change.when, None)
            else:
                changed = before[2] if before[0] == reads else change.when
                following[item_id] = (reads, before[1], changed)
        state, first = following, False
    return {item_id: (added, changed) for item_id, (_, added, changed) in state.items() if added or changed}


def repo_path(history: History, path: Path) -> str | None:
    """``path`` as git names it (relative to the checkout), or None outside the checkout."""
    if history.root is None:
        return None
    path = path.resolve()
    return path.relative_to(history.root).as_posix() if path.is_relative_to(history.root) else None


def build(playbook: Playbook, history: History, today: date, content_dir: Path, docs_dir: Path) -> Freshness:
    by_path = history.by_path() if history.available else {}
    updated: dict[str, datetime | None] = {}
    check_items = {}
    for item_id, entry in playbook.entries.items():
        path = repo_path(history, content_dir / entry.kind.folder / f"{item_id}.yml")
        changes = by_path.get(path or "", [])
        updated[item_id] = last_change(history, changes) if changes else None
        if entry.kind.name == "checklist" and changes:
            check_items[item_id] = checklist_history(history, changes)
    statuses = {item_id: status(entry, playbook.registry, today) for item_id, entry in playbook.entries.items()}
    result = Freshness(history, today, updated, statuses, check_items=check_items)
    result.pages = _page_dates(playbook, result, by_path, repo_path(history, docs_dir))
    return result


def _page_dates(
    playbook: Playbook, fresh: Freshness, by_path: dict[str, list[FileChange]], docs: str | None
) -> dict[str, tuple[datetime | None, str | None]]:
    pages: dict[str, tuple[datetime | None, str | None]] = {}
    for item_id, entry in playbook.entries.items():
        pages[urls.src_path(entry.kind, item_id)] = (fresh.updated[item_id], item_id)
    for kind in KINDS.values():
        ids = [item.id for item in playbook.of_kind(kind.name)]
        pages[urls.index_path(kind)] = (fresh.newest(ids), None)
    for stage in playbook.of_kind("stage"):
        parts = pack_parts(playbook, stage.id)
        pages[pack_src(stage.id)] = (fresh.newest([stage.id, *parts]), None)
        for part in parts:
            pages[pack_part_src(stage.id, part)] = (fresh.newest([stage.id, part]), None)
    for course in playbook.of_kind("course"):
        for src in course_srcs(course):
            pages[src] = (fresh.updated[course.id], course.id)
    for part in faq_pages(playbook):
        pages[part.src] = (fresh.newest(part.answers()), None)
    for listing in all_list_pages(playbook):
        pages[listing.src] = (fresh.newest([listing.item_id, *listing.ids]), None)
    for review in review_pages(fresh.report()):
        pages[review.src] = (fresh.newest(review.item_ids()), None)
    everything = fresh.newest(list(playbook.entries))
    for src in ("guide/faq.md", "guide/matrix.md", "index.md"):
        pages[src] = (everything, None)
    # Hand-written pages (docs/*.md) date from their own file.
    for path, changes in by_path.items():
        if docs is not None and path.startswith(docs + "/") and path.endswith(".md"):
            src = path.removeprefix(docs + "/")
            pages.setdefault(src, (last_change(fresh.history, changes), None))
    return pages
