"""Load every YAML file under content/ into validated models, collecting all errors."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from macros.errors import ContentError, from_validation
from macros.load.kinds import BY_FOLDER, Kind
from macros.load.models import Item
from macros.load.yamlsource import Document, YamlProblem, decode, parse

THESAURUS = "thesaurus"  # content/thesaurus/: word groups for search, not items


@dataclass
class Entry:
    """One loaded item with where it came from."""

    kind: Kind
    item: Item
    file: str  # relative to the project root, for messages
    document: Document

    @property
    def id(self) -> str:
        return self.item.id

    def line_of(self, path: tuple[str | int, ...]) -> int:
        return self.document.line_of(path)


# Files at the top of content/ that are not items (macros/review.py reads owners.yml).
REGISTRY_FILES = frozenset({"owners.yml"})


def content_files(content_dir: Path) -> list[Path]:
    return sorted(
        path
        for path in content_dir.rglob("*")
        if path.suffix in (".yml", ".yaml")
        and path.is_file()
        and path.relative_to(content_dir).as_posix() not in REGISTRY_FILES
    )


def load_entries(content_dir: Path, root: Path) -> tuple[list[Entry], list[ContentError]]:
    """Parse and validate every file; never stop at the first problem."""
    entries: list[Entry] = []
    errors: list[ContentError] = []
    for path in content_files(content_dir):
        if path.relative_to(content_dir).parts[0] == THESAURUS:
            continue  # not pages: macros/search/thesaurus.py loads them
        file = path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)
        entry, problems = _load_file(path, content_dir, file)
        errors.extend(problems)
        if entry is not None:
            entries.append(entry)
    errors.extend(_duplicate_ids(entries))
    return entries, errors


def _load_file(path: Path, content_dir: Path, file: str) -> tuple[Entry | None, list[ContentError]]:
    relative = path.relative_to(content_dir)
    kind = BY_FOLDER.get(relative.parts[0]) if len(relative.parts) == 2 else None
    if kind is None:
        folders = "、".join(sorted(BY_FOLDER))
        return None, [ContentError(file, 1, "(file)", f"不在已知的内容目录里，应放在 content/<{folders}>/ 下")]
    if path.suffix != ".yml":
        return None, [ContentError(file, 1, "(file)", "扩展名应为 .yml")]
    try:
        document = parse(decode(path.read_bytes()))
    except YamlProblem as problem:
        return None, [ContentError(file, problem.line, "(file)", problem.message)]
    if not isinstance(document.data, dict):
        return None, [ContentError(file, 1, "(file)", "文件顶层应为键值对（映射）")]
    errors = []
    declared = document.data.get("id")
    if isinstance(declared, str) and declared != path.stem:
        line = document.line_of(("id",))
        errors.append(ContentError(file, line, "id", f"id “{declared}” 与文件名 “{path.stem}” 不一致"))
    try:
        item = kind.model.model_validate(document.data)
    except ValidationError as error:
        return None, errors + from_validation(file, document, error)
    if errors:
        return None, errors
    return Entry(kind, item, file, document), []


_DECLARED_ID = re.compile(rb"^id:\s*[\"']?([a-z0-9]+(?:-[a-z0-9]+)*)[\"']?\s*$", re.MULTILINE)


def failed_items(errors: list[ContentError], content_dir: Path, root: Path) -> dict[str, Kind]:
    """Items whose file exists but did not load: id (the file name) → kind (the folder).

    They still exist for reference checks, so that one mistake in a file is one error, not
    one more in every file that refers to it.
    """
    failed = {}
    for file in {error.file for error in errors}:
        path = root / file
        if path.suffix == ".yml" and path.is_relative_to(content_dir) and path.parent.parent == content_dir:
            kind = BY_FOLDER.get(path.parent.name)
            if kind is not None:
                failed[path.stem] = kind
                # A renamed file still holds the id the others use.
                declared = _DECLARED_ID.search(path.read_bytes()) if path.is_file() else None
                if declared:
                    failed[declared.group(1).decode("ascii")] = kind
    return failed


def duplicate_ids(entries: list[Entry]) -> dict[str, list[Entry]]:
    by_id: dict[str, list[Entry]] = {}
    for entry in entries:
        by_id.setdefault(entry.id, []).append(entry)
    return {item_id: group for item_id, group in by_id.items() if len(group) > 1}


def _duplicate_ids(entries: list[Entry]) -> list[ContentError]:
    """One error on every file that shares its id with another."""
    errors = []
    for item_id, group in duplicate_ids(entries).items():
        for entry in group:
            others = "、".join(other.file for other in group if other is not entry)
            errors.append(
                ContentError(entry.file, entry.line_of(("id",)), "id", f"id “{item_id}” 重复，也用于 {others}")
            )
    return errors
