"""Who keeps each item current and when it is due: content/owners.yml and the review fields.

content/owners.yml names every owner (so each is spelled one way), gives each kind its
default owner and review interval, and records the first edition's check of the items that
existed then. An item may override them with ``owner``, ``reviewed`` and ``review_every``.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from difflib import get_close_matches
from pathlib import Path
from typing import Any

from pydantic import Field, ValidationError

from macros.errors import ContentError, from_validation
from macros.load.kinds import KINDS
from macros.load.loader import Entry
from macros.load.models import Id, IsoDate, Strict
from macros.load.plaintext import Prose, Short
from macros.load.yamlsource import YamlProblem, decode, parse

REGISTRY_FILE = "owners.yml"


class Owner(Strict):
    name: Short
    covers: Prose | None = Field(None, description="负责哪些内容")


class KindDefaults(Strict):
    owner: Short = Field(description="本类型条目的默认负责人")
    review_every: int = Field(ge=7, le=1095, description="默认审核周期（天）")


class FirstEdition(Strict):
    """A check of many items at once, recorded here rather than in 300 files."""

    date: IsoDate
    note: Short
    items: list[Id] = Field(min_length=1)


class Registry(Strict):
    owners: list[Owner] = Field(min_length=1)
    kinds: dict[str, KindDefaults] = Field(
        description="每类条目（stage、activity、template……）的默认负责人和审核周期",
        json_schema_extra={"propertyNames": {"enum": list(KINDS)}},
    )
    first_edition: FirstEdition | None = None

    def names(self) -> list[str]:
        return [owner.name for owner in self.owners]


@dataclass(frozen=True)
class Status:
    """The review state of one item on one day."""

    owner: str | None
    reviewed: date | None
    by_first_edition: bool  # reviewed comes from the first edition, not the item's own field
    every: int | None
    due: date | None
    overdue_days: int  # 0 when not overdue

    @property
    def overdue(self) -> bool:
        return self.overdue_days > 0


def load_registry(
    content_dir: Path, root: Path, entries: dict[str, Entry], failed: Collection[str] = ()
) -> tuple[Registry | None, list[ContentError]]:
    """content/owners.yml (optional: without it no item has an owner) and every item's owner checked against it."""
    path = content_dir / REGISTRY_FILE
    file = path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)
    registry: Registry | None = None
    errors: list[ContentError] = []
    if path.exists():
        try:
            document = parse(decode(path.read_bytes()))
        except YamlProblem as problem:
            return None, [ContentError(file, problem.line, "(file)", problem.message)]
        try:
            registry = Registry.model_validate(document.data)
        except ValidationError as error:
            return None, from_validation(file, document, error)
        names = registry.names()
        for kind_name, defaults in registry.kinds.items():
            line = document.line_of(("kinds", kind_name))
            if kind_name not in KINDS:
                errors.append(ContentError(file, line, f"kinds.{kind_name}", f"没有这类条目，应为 {'、'.join(KINDS)}"))
            if defaults.owner not in names:
                errors.append(_unknown_owner(file, line, f"kinds.{kind_name}.owner", defaults.owner, names))
        if registry.first_edition:
            for index, item_id in enumerate(registry.first_edition.items):
                if item_id not in entries and item_id not in failed:  # failed: has its own errors
                    line = document.line_of(("first_edition", "items", index))
                    errors.append(
                        ContentError(file, line, f"first_edition.items[{index}]", f"没有 id 为 “{item_id}” 的条目")
                    )
    names = registry.names() if registry else []
    for entry in entries.values():
        owner = entry.item.owner
        if owner is not None and owner not in names:
            errors.append(_unknown_owner(entry.file, entry.line_of(("owner",)), "owner", owner, names))
    return registry, errors


def _unknown_owner(file: str, line: int, field: str, owner: str, names: list[str]) -> ContentError:
    if not names:
        return ContentError(file, line, field, f"“{owner}” 不是已登记的负责人：content/{REGISTRY_FILE} 不存在")
    guess = get_close_matches(owner, names, n=1, cutoff=0.3)
    hint = f"；是不是 {guess[0]}？" if guess else f"；可选：{'、'.join(names)}"
    return ContentError(file, line, field, f"“{owner}” 不在 content/{REGISTRY_FILE} 的负责人名单里{hint}")


def future_reviews(entries: dict[str, Entry], registry: Registry | None, today: date) -> list[ContentError]:
    """A review cannot be recorded for a day that has not come yet."""
    errors = []
    for entry in entries.values():
        reviewed = entry.item.reviewed
        if reviewed is not None and reviewed > today:
            message = f"审核日期 {reviewed} 晚于今天（{today}）"
            errors.append(ContentError(entry.file, entry.line_of(("reviewed",)), "reviewed", message))
    if registry and registry.first_edition and registry.first_edition.date > today:
        message = f"审核日期 {registry.first_edition.date} 晚于今天（{today}）"
        errors.append(ContentError(f"content/{REGISTRY_FILE}", 1, "first_edition.date", message))
    return errors


def status(entry: Entry, registry: Registry | None, today: date) -> Status:
    item = entry.item
    defaults = registry.kinds.get(entry.kind.name) if registry else None
    owner = item.owner or (defaults.owner if defaults else None)
    every = item.review_every or (defaults.review_every if defaults else None)
    first = registry.first_edition if registry else None
    by_first = item.reviewed is None and first is not None and item.id in first.items
    reviewed = item.reviewed or (first.date if by_first and first else None)
    due = reviewed + timedelta(days=every) if reviewed and every else None
    overdue = (today - due).days if due and today > due else 0
    return Status(owner, reviewed, by_first, every, due, overdue)


@dataclass(frozen=True)
class Report:
    """What the people who keep the playbook should look at, by owner."""

    overdue: dict[str, list[tuple[str, Status]]]  # owner → (item id, status), most overdue first
    never: dict[str, list[str]]  # owner → item ids never reviewed
    changed: dict[str, list[tuple[str, Status, datetime]]]  # owner → changed after their review
    total: int

    def counts(self) -> tuple[int, int, int]:
        return tuple(sum(len(group) for group in part.values()) for part in (self.overdue, self.never, self.changed))

    def summary(self) -> str:
        overdue, never, changed = self.counts()
        return f"审核：{self.total} 个条目中 {overdue} 个逾期、{never} 个从未审核、{changed} 个审核后又有修改。"


NO_OWNER = "（未指定负责人）"


def report(statuses: dict[str, Status], updated: dict[str, datetime | None]) -> Report:
    overdue: dict[str, list[tuple[str, Status]]] = {}
    never: dict[str, list[str]] = {}
    changed: dict[str, list[tuple[str, Status, datetime]]] = {}
    for item_id, state in statuses.items():
        owner = state.owner or NO_OWNER
        if state.reviewed is None:
            never.setdefault(owner, []).append(item_id)
            continue
        if state.overdue:
            overdue.setdefault(owner, []).append((item_id, state))
        when = updated.get(item_id)
        if when is not None and when.date() > state.reviewed:
            changed.setdefault(owner, []).append((item_id, state, when))
    for group in overdue.values():
        group.sort(key=lambda pair: -pair[1].overdue_days)
    for rows in changed.values():
        rows.sort(key=lambda row: row[2], reverse=True)
    order = sorted
    return Report(
        {k: overdue[k] for k in order(overdue)},
        {k: never[k] for k in order(never)},
        {k: changed[k] for k in order(changed)},
        len(statuses),
    )


# The site's report: an index (maintenance/review.md) and one page per part, continued on -2, -3 …
# past REVIEW_ROWS rows. One page with every row was 528 kB at 10× (2,698 items never reviewed).
REVIEW_SRC = "maintenance/review.md"
REVIEW_ROWS = 200  # an overdue row says when and how late: about 60 kB of rows
PARTS = {"overdue": "逾期未审核", "never": "从未审核", "changed": "审核后又有修改"}


@dataclass(frozen=True)
class ReviewPage:
    src: str  # maintenance/review/overdue.md, maintenance/review/overdue-2.md …
    part: str  # a key of PARTS
    number: int
    of: int
    rows: list[tuple[str, Any]]  # (owner, the report's row), owners in the report's order

    @property
    def label(self) -> str:
        return PARTS[self.part] + (f"（{self.number}/{self.of}）" if self.of > 1 else "")

    @property
    def url(self) -> str:
        return self.src.removesuffix(".md") + ".html"

    def owners(self) -> list[tuple[str, list[Any]]]:
        groups: dict[str, list[Any]] = {}
        for owner, row in self.rows:
            groups.setdefault(owner, []).append(row)
        return list(groups.items())

    def item_ids(self) -> list[str]:
        return [row if isinstance(row, str) else row[0] for _, row in self.rows]


def review_pages(result: Report) -> list[ReviewPage]:
    """The report's part pages, in PARTS order; a part with no rows has no page."""
    pages = []
    for part in PARTS:
        rows = [(owner, row) for owner, group in getattr(result, part).items() for row in group]
        chunks = [rows[start : start + REVIEW_ROWS] for start in range(0, len(rows), REVIEW_ROWS)]
        for number, chunk in enumerate(chunks, 1):
            src = f"maintenance/review/{part}.md" if number == 1 else f"maintenance/review/{part}-{number}.md"
            pages.append(ReviewPage(src, part, number, len(chunks), chunk))
    return pages


def owner_starts(pages: list[ReviewPage], part: str) -> dict[str, ReviewPage]:
    """Each owner of a part → the page where their rows begin."""
    starts: dict[str, ReviewPage] = {}
    for page in pages:
        if page.part == part:
            for owner, _ in page.rows:
                starts.setdefault(owner, page)
    return starts
