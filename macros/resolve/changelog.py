"""更新记录: what changed in content/, newest first, by date and by new / changed / removed.

Built from :mod:`macros.resolve.history`. Each line names the item and says in one line what
changed: the item's ``changes`` note when that edit wrote a new one, else the commit's
subject. Edits that only record a review are not changes a reader needs to hear about.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from macros.load.kinds import BY_FOLDER, Kind
from macros.resolve.history import FileChange, History, content_changed, load_yaml
from macros.resolve.playbook import Playbook

STATUS = {"A": "new", "M": "changed", "D": "removed"}
STATUS_LABELS = {"new": "新增", "changed": "修改", "removed": "删除"}
# Lines on the page; older ones are counted, not listed. 400 lines with the long notes of a busy
# day made a 97 kB page: 250 keep it well under the 100 kB every page must stay below.
LIMIT = 250


@dataclass
class Line:
    when: datetime
    status: str  # new / changed / removed
    kind: Kind
    item_id: str
    title: str
    descriptions: list[str] = field(default_factory=list)
    exists: bool = True  # the item is in the current content (so it can be linked)


@dataclass
class Changelog:
    available: bool
    reason: str
    days: list[tuple[date, dict[str, list[Line]]]]  # newest first; status → lines
    omitted: int = 0

    def recent(self, count: int) -> list[tuple[date, str, Line]]:
        """The newest ``count`` lines about items that still exist, for the home page."""
        lines = [(day, status, line) for day, groups in self.days for status, group in groups.items() for line in group]
        return [row for row in lines if row[2].exists][:count]

    @property
    def count(self) -> int:
        return sum(len(lines) for _, groups in self.days for lines in groups.values())


# An item's change note is one line (CONTRIBUTING): reading that line alone spares parsing two
# whole versions of a file per line of the log, most of the time it took to build.
_NOTE_LINE = re.compile(r"^changes:(.*)$", re.MULTILINE)


def _note(text: str | None) -> str | None:
    """The change note (``changes:``) of one version of an item file, or None."""
    match = _NOTE_LINE.search(text) if text else None
    if match is None:
        return None
    assert text is not None
    value, following = match.group(1).strip(), text[match.end() :].lstrip("\r\n")
    # A block (| or >), a value on the next lines or a continued line: the whole file decides.
    alone = value and value[0] not in "|>" and not following.startswith((" ", "\t"))
    data = load_yaml(match.group(0)) if alone else None
    if data is None:
        data = load_yaml(text)
    note = data.get("changes") if data else None
    return note.strip() if isinstance(note, str) and note.strip() else None


def _line(change: FileChange, kind: Kind, item_id: str, history: History, playbook: Playbook) -> Line | None:
    old_text, new_text = history.blob(change.old_blob), history.blob(change.new_blob)
    if change.status == "M" and not content_changed(old_text, new_text):
        return None  # a review recorded, nothing a reader needs to know
    exists = item_id in playbook and playbook.kind_of(item_id) is kind
    if exists:
        title = playbook.get(item_id).title
    else:  # a removed item: its title from the file as it was
        source = load_yaml(new_text if change.status != "D" else old_text)
        title = str((source or {}).get("title") or item_id)
    note = _note(new_text)
    fresh_note = note if change.status == "A" or (change.status == "M" and note != _note(old_text)) else None
    status = STATUS[change.status]
    # A new item speaks for itself; a change says what changed.
    description = fresh_note or (change.subject if status != "new" else None)
    lines = [description] if description else []
    return Line(change.when, status, kind, item_id, title, lines, exists and status != "removed")


def build_changelog(playbook: Playbook, history: History, content_path: str | None, limit: int = LIMIT) -> Changelog:
    """``content_path``: the content folder as git names it (relative to the checkout)."""
    if not history.available or content_path is None:
        return Changelog(False, history.reason or "内容目录不在 git 仓库里，没有修改历史。", [])
    prefix = "" if content_path in ("", ".") else content_path + "/"
    merged: dict[tuple[date, str], Line] = {}
    order: list[tuple[date, str]] = []
    omitted = 0
    for change in history.changes:  # newest first
        if not change.path.startswith(prefix) or not history.trustworthy(change):
            continue
        parts = Path(change.path[len(prefix) :]).parts
        if len(parts) != 2 or parts[0] not in BY_FOLDER or not parts[1].endswith(".yml"):
            continue
        key = (change.when.date(), change.path)
        if key not in merged and len(order) >= limit:
            omitted += 1
            continue
        line = _line(change, BY_FOLDER[parts[0]], parts[1].removesuffix(".yml"), history, playbook)
        if line is None:
            continue
        if key not in merged:
            merged[key] = line
            order.append(key)
            continue
        # The same file more than once on one day: one line, "new" if it was added that day,
        # described by the newest change note of the day or else the newest commit's subject.
        same = merged[key]
        if line.status == "new" and same.status == "changed":
            same.status, same.descriptions = "new", line.descriptions
        elif line.descriptions and not same.descriptions:
            same.descriptions = line.descriptions
    days: dict[date, dict[str, list[Line]]] = {}
    for key in order:
        line = merged[key]
        days.setdefault(key[0], {name: [] for name in STATUS_LABELS})[line.status].append(line)
    for groups in days.values():
        for lines in groups.values():
            lines.sort(key=lambda line: (list(BY_FOLDER).index(line.kind.folder), line.title))
    reason = "" if history.complete else history.reason
    return Changelog(True, reason, sorted(days.items(), reverse=True), omitted)
