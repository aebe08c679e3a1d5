"""Shared facts, stated once: ``{fact:item-id.key}`` in any text shows the owner's value.

A number several items need (a tier's response time, a score band, a mode's visit count)
lives in one item. The owner declares it in ``facts:`` or, for data it already has in
fields (tiers, score bands, a mode's standard), gets it derived from those fields, so the
field stays the only place it is written. Every slot is checked like a reference and
replaced by the value after loading; an unknown item or key is a ``file:line`` error.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator
from typing import Any

from pydantic import BaseModel

from macros.errors import ContentError, field_name
from macros.load import models
from macros.load.loader import Entry
from macros.resolve.xref import Reference

FieldPath = tuple[str | int, ...]
# Any {fact:…}, well formed or not, so that a typo is reported instead of printed.
ANY_SLOT = re.compile(r"\{fact:([^{}]*)\}")
SLOT = re.compile(r"^([a-z0-9]+(?:-[a-z0-9]+)*)\.([a-z0-9]+(?:-[a-z0-9]+)*)$")
_NOT_TEXT = {"id", "sources", "related", "was"}


def derived(item: models.Item) -> dict[str, str]:
    """Facts an item states in its structured fields, under fixed keys."""
    found: dict[str, str] = {}
    if isinstance(item, models.Template):
        for tier in item.tiers:
            found[f"{tier.id}-name"] = tier.name
            found[f"{tier.id}-review"] = tier.review
            found[f"{tier.id}-response"] = f"{tier.response_hours} 小时"
            found[f"{tier.id}-share"] = f"{tier.share}%"
            found[f"{tier.id}-amount"] = _amount(tier.min_amount, tier.max_amount)
        if item.scoring:
            for band in item.scoring.bands:
                found[f"band-{band.mode}"] = f"{band.min}–{band.max} 分"
    if isinstance(item, models.Company):
        found.update(item.fact_values())
    if isinstance(item, models.Mode) and item.standard:
        found["standard-visits"] = f"{item.standard.visits} 次拜访"
        found["standard-period"] = item.standard.period
        found["standard-target"] = item.standard.target
    return found


def _amount(low: int | None, high: int | None) -> str:
    """A tier's annual amount in the words CONTRIBUTING asks for: ranges that don't overlap at the boundary."""
    if low is not None and high is not None:
        return f"{low} 万元到不到 {high} 万元"
    if low is not None:
        return f"{low} 万元及以上"
    return f"不到 {high} 万元" if high is not None else "不限"


def facts_of(item: models.Item) -> dict[str, str]:
    return {**derived(item), **item.facts}


def _texts(value: Any, path: FieldPath) -> Iterator[tuple[Any, str | int, FieldPath, str]]:
    """(container, key, path, text) for every text inside a model, so it can be replaced in place."""
    if isinstance(value, BaseModel):
        for name in type(value).model_fields:
            if name in _NOT_TEXT:
                continue
            child = getattr(value, name)
            if isinstance(child, str):
                yield value, name, (*path, name), child
            else:
                yield from _texts(child, (*path, name))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            if isinstance(child, str):
                yield value, index, (*path, index), child
            else:
                yield from _texts(child, (*path, index))
    elif isinstance(value, dict):
        for key, child in value.items():
            if isinstance(child, str):
                yield value, key, (*path, key), child
            else:
                yield from _texts(child, (*path, key))


def slots(entry: Entry) -> Iterator[tuple[FieldPath, str]]:
    """Every fact slot an item uses, with the field it is in."""
    for _, _, path, text in _texts(entry.item, ()):
        for match in ANY_SLOT.finditer(text):
            yield path, match.group(1)


def fact_references(entries: dict[str, Entry]) -> list[Reference]:
    """A slot links its item to the fact's owner, so the owner's page lists who shows its facts."""
    found = []
    for entry in entries.values():
        for path, slot in slots(entry):
            parsed = SLOT.match(slot)
            if parsed and parsed.group(1) in entries and parsed.group(1) != entry.id:
                found.append(Reference(entry.id, path, parsed.group(1), ()))
    return found


def resolve(entries: dict[str, Entry], failed: Collection[str] = ()) -> list[ContentError]:
    """Replace every slot by its value, in place; one error per slot that names no fact.

    A slot naming an item in ``failed`` (its file has errors of its own) stays quiet.
    """
    known = {item_id: facts_of(entry.item) for item_id, entry in entries.items()}
    errors: list[ContentError] = []
    for entry in entries.values():
        for key, value in entry.item.facts.items():
            if ANY_SLOT.search(value):
                errors.append(_error(entry, ("facts", key), "事实的值要直接写出来，不能再引用别的事实"))
        for container, key, path, text in list(_texts(entry.item, ())):
            if path[0] == "facts" or "{fact:" not in text:
                continue

            def value(match: re.Match[str], entry: Entry = entry, path: FieldPath = path) -> str:
                parsed = SLOT.match(match.group(1))
                if parsed and parsed.group(1) in failed and parsed.group(1) not in known:
                    return match.group(0)
                found = _lookup(match.group(1), known)
                if isinstance(found, ContentError):
                    errors.append(_error(entry, path, found.message))
                    return match.group(0)
                return found

            replaced = ANY_SLOT.sub(value, text)
            if isinstance(container, BaseModel):
                setattr(container, str(key), replaced)
            else:
                container[key] = replaced
    return errors


def _lookup(slot: str, known: dict[str, dict[str, str]]) -> str | ContentError:
    parsed = SLOT.match(slot)
    if parsed is None:
        return ContentError("", 0, "", f"事实 “{{fact:{slot}}}” 写法不对，应为 {{fact:条目id.事实名}}")
    item_id, key = parsed.groups()
    if item_id not in known:
        return ContentError("", 0, "", f"事实 “{{fact:{slot}}}” 引用了不存在的条目 “{item_id}”")
    if key not in known[item_id]:
        have = "、".join(sorted(known[item_id])) or "没有任何事实"
        return ContentError("", 0, "", f"条目 “{item_id}” 没有事实 “{key}”（它有：{have}）")
    return known[item_id][key]


def _error(entry: Entry, path: FieldPath, message: str) -> ContentError:
    return ContentError(entry.file, entry.line_of(path), field_name(path), message)
