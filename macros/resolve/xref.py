"""Find every reference in the loaded items, check it, and compute backlinks."""

from __future__ import annotations

import difflib
import functools
from collections.abc import Iterator
from dataclasses import dataclass
from types import UnionType
from typing import Annotated, Any, Union, get_args, get_origin

from pydantic import BaseModel

from macros.errors import ContentError, field_name
from macros.load.kinds import KINDS, Kind
from macros.load.loader import Entry
from macros.load.models import Ref

FieldPath = tuple[str | int, ...]


@dataclass(frozen=True)
class Reference:
    source: str  # id of the referring item
    path: FieldPath
    target: str
    kinds: tuple[str, ...]  # expected kinds; empty means any


def _marker(annotation: Any) -> Ref | None:
    if get_origin(annotation) is Annotated:
        return next((meta for meta in get_args(annotation)[1:] if isinstance(meta, Ref)), None)
    if get_origin(annotation) in (Union, UnionType):  # optional references: `StageRef | None`
        return next((marker for arg in get_args(annotation) if (marker := _marker(arg))), None)
    return None


def _walk(value: Any, annotation: Any, path: FieldPath) -> Iterator[tuple[FieldPath, str, Ref]]:
    marker = _marker(annotation)
    if marker is not None and isinstance(value, str):
        yield path, value, marker
    elif isinstance(value, BaseModel):
        for name, annotated in _fields(type(value)):
            yield from _walk(getattr(value, name), annotated, (*path, name))
    elif isinstance(value, list):
        inner = _element_type(annotation)
        for index, element in enumerate(value):
            yield from _walk(element, inner, (*path, index))


@functools.cache
def _fields(model: type[BaseModel]) -> tuple[tuple[str, Any], ...]:
    """Each field's name and full annotation; built once per model class (the walk is hot)."""
    return tuple(
        (name, Annotated[(info.annotation, *info.metadata)] if info.metadata else info.annotation)
        for name, info in model.model_fields.items()
    )


def _element_type(annotation: Any) -> Any:
    while get_origin(annotation) is Annotated:
        annotation = get_args(annotation)[0]
    args = get_args(annotation)
    return args[0] if args else None


def references(entry: Entry) -> list[Reference]:
    return [
        Reference(entry.id, path, target, marker.kinds)
        for path, target, marker in _walk(entry.item, type(entry.item), ())
    ]


def check(
    entries: dict[str, Entry], refs: list[Reference], failed: dict[str, Kind] | None = None
) -> list[ContentError]:
    """Errors for references to missing items or items of the wrong kind.

    ``failed`` are items whose file has errors of its own: a reference to one is checked for
    its kind only, so the mistake in that file is reported once, where it is.
    """
    failed = failed or {}
    errors = []
    for reference in refs:
        source = entries[reference.source]
        target = entries.get(reference.target)
        expected = "、".join(KINDS[kind].label + f"（{kind}）" for kind in reference.kinds) or "任意条目"
        broken = failed.get(reference.target) if target is None else None
        if broken is not None:
            if not reference.kinds or broken.name in reference.kinds:
                continue
            message = f"“{reference.target}” 是{broken.label}（{broken.name}），这里应引用{expected}"
        elif target is None:
            candidates = [
                entry_id
                for entry_id, entry in entries.items()
                if not reference.kinds or entry.kind.name in reference.kinds
            ]
            close = difflib.get_close_matches(reference.target, candidates, n=3, cutoff=0.5)
            hint = f"；是不是 {'、'.join(close)}？" if close else ""
            message = f"引用了不存在的 id “{reference.target}”，这里应引用{expected}{hint}"
        elif reference.kinds and target.kind.name not in reference.kinds:
            message = f"“{reference.target}” 是{target.kind.label}（{target.kind.name}），这里应引用{expected}"
        elif reference.target == reference.source:
            message = "条目不能引用自己"
        else:
            continue
        errors.append(ContentError(source.file, source.line_of(reference.path), field_name(reference.path), message))
    return errors
