"""The loaded, checked playbook and the relations derived from it."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from macros.errors import ContentErrors
from macros.load import models
from macros.load.kinds import KINDS, Kind
from macros.load.loader import Entry, duplicate_ids, failed_items, load_entries
from macros.resolve import coursetiming, ordering
from macros.resolve.facts import fact_references, resolve
from macros.resolve.review import Registry, future_reviews, load_registry
from macros.resolve.xref import Reference, check, references
from macros.search.thesaurus import Thesaurus, load_thesaurus


@dataclass
class Playbook:
    entries: dict[str, Entry]
    refs: list[Reference] = field(default_factory=list)
    registry: Registry | None = None  # content/owners.yml: owners and review defaults
    thesaurus: Thesaurus = field(default_factory=Thesaurus)
    # Derived once: the content does not change during a build, and pages ask these thousands of times.
    _by_kind: dict[str, list[str]] = field(default_factory=dict, init=False, repr=False)
    _incoming: dict[str, list[Reference]] | None = field(default=None, init=False, repr=False)
    _keys: dict[str, tuple[Any, ...]] = field(default_factory=dict, init=False, repr=False)

    # ------------------------------------------------------------ lookups

    def __contains__(self, item_id: str) -> bool:
        return item_id in self.entries

    def get(self, item_id: str) -> Any:
        return self.entries[item_id].item

    def kind_of(self, item_id: str) -> Kind:
        return self.entries[item_id].kind

    def of_kind(self, kind: str) -> list[Any]:
        """Items of ``kind`` in reading order (see :mod:`macros.resolve.ordering`)."""
        if kind not in self._by_kind:
            ids = [item_id for item_id, entry in self.entries.items() if entry.kind.name == kind]
            self._by_kind[kind] = sorted(ids, key=self._sort_key)
        return [self.get(item_id) for item_id in self._by_kind[kind]]

    def incoming(self, item_id: str) -> list[Reference]:
        """The references that point at ``item_id``."""
        if self._incoming is None:
            self._incoming = {}
            for reference in self.refs:
                self._incoming.setdefault(reference.target, []).append(reference)
        return self._incoming.get(item_id, [])

    # ------------------------------------------------------------ relations

    def backlinks(self, item_id: str) -> list[str]:
        """Ids of the items that refer to ``item_id``, each once, in reading order."""
        seen: dict[str, None] = {}
        for reference in self.incoming(item_id):
            if reference.source != item_id:
                seen.setdefault(reference.source, None)
        return sorted(seen, key=self._sort_key)

    def referrers(self, item_id: str, kind: str, field_name: str | None = None) -> list[Any]:
        """Items of ``kind`` that refer to ``item_id`` (through ``field_name`` if given)."""
        ids = {
            reference.source
            for reference in self.incoming(item_id)
            if self.entries[reference.source].kind.name == kind
            and (field_name is None or reference.path[0] == field_name)
        }
        return [self.get(ref_id) for ref_id in sorted(ids, key=self._sort_key)]

    def activities(self, stage_id: str) -> list[models.Activity]:
        return [activity for activity in self.of_kind("activity") if activity.stage == stage_id]

    def stage_of(self, item_id: str) -> models.Stage | None:
        """The stage an item belongs to, directly or through its activity."""
        item = self.get(item_id)
        stage_id = getattr(item, "stage", None)
        if stage_id is None and isinstance(item, models.Checklist):
            owners = self.referrers(item_id, "activity", "checklist")
            stage_id = owners[0].stage if owners else None
        return self.get(stage_id) if stage_id else None

    def stage_kit(self, stage_id: str) -> dict[str, list[str]]:
        """Everything a stage uses, gathered from its activities and from items that name the stage."""
        activities = self.activities(stage_id)
        kit: dict[str, dict[str, None]] = {name: {} for name in ("techniques", "scripts", "templates", "checklists")}
        for activity in activities:
            for name in ("techniques", "scripts", "templates"):
                kit[name].update(dict.fromkeys(getattr(activity, name)))
            kit["checklists"][activity.checklist] = None
            kit["scripts"].update(dict.fromkeys(s.id for s in self.referrers(activity.id, "script", "activities")))
        kit["techniques"].update(dict.fromkeys(t.id for t in self.referrers(stage_id, "technique", "stages")))
        kit["scripts"].update(dict.fromkeys(s.id for s in self.referrers(stage_id, "script", "stage")))
        kit["checklists"].update(dict.fromkeys(c.id for c in self.referrers(stage_id, "checklist", "stage")))
        result: dict[str, Any] = {name: list(ids) for name, ids in kit.items()}
        result["processes"] = [process.id for process in self.referrers(stage_id, "process", "stages")]
        result["activities"] = activities
        return result

    def faq(self) -> list[tuple[models.Stage | None, list[dict[str, Any]]]]:
        """Every question a rep asks, with the page that answers it (the item that lists it), by stage."""
        by_stage: dict[str | None, list[dict[str, Any]]] = {}
        for item_id in sorted(self.entries, key=self._sort_key):
            entry = self.entries[item_id]
            item = entry.item
            if not item.questions or entry.kind.name in ("term", "course"):
                continue
            stage = self.stage_of(item_id) if entry.kind.name != "stage" else item
            if stage is None and isinstance(item, models.Technique):
                stage = self.get(item.stages[0])
            rows = by_stage.setdefault(stage.id if stage else None, [])
            rows.extend({"question": question, "answer": item_id} for question in item.questions)
        ordered = [(self.get(stage.id), by_stage[stage.id]) for stage in self.of_kind("stage") if stage.id in by_stage]
        if None in by_stage:
            ordered.append((None, by_stage[None]))
        return ordered

    def neighbours(self, activity: models.Activity) -> tuple[Any, Any]:
        """The previous and next activity across the whole cycle."""
        ordered = [a for stage in self.of_kind("stage") for a in self.activities(stage.id)]
        index = ordered.index(activity)
        previous = ordered[index - 1] if index > 0 else None
        following = ordered[index + 1] if index + 1 < len(ordered) else None
        return previous, following

    def _sort_key(self, item_id: str) -> tuple[Any, ...]:
        """Reading order: by kind, then by meaning within the kind (:func:`macros.resolve.ordering.key`)."""
        if item_id not in self._keys:
            entry = self.entries[item_id]
            self._keys[item_id] = (list(KINDS).index(entry.kind.name), *ordering.key(self, item_id), item_id)
        return self._keys[item_id]


def load_playbook(content_dir: Path, root: Path | None = None, today: date | None = None) -> Playbook:
    """Load, validate and cross-check all content; raise :class:`ContentErrors` listing every problem."""
    root = root or content_dir.parent
    loaded, errors = load_entries(content_dir, root)
    failed = failed_items(errors, content_dir, root)  # exist, with errors of their own
    entries = {}
    for entry in loaded:
        entries.setdefault(entry.id, entry)
    fact_refs = fact_references(entries)  # read before resolving replaces the slots
    errors.extend(resolve(entries, failed))
    refs = [reference for entry in entries.values() for reference in references(entry)]
    # A duplicated id is already an error; checking references to it would only add noise.
    ambiguous = set(duplicate_ids(loaded))
    errors.extend(check(entries, [reference for reference in refs if reference.target not in ambiguous], failed))
    errors.extend(coursetiming.check(entries))
    registry, problems = load_registry(content_dir, root, entries, failed)
    errors.extend(problems + future_reviews(entries, registry, today or date.today()))
    thesaurus, problems = load_thesaurus(content_dir, root)
    errors.extend(problems)
    if errors:
        raise ContentErrors(errors)
    return Playbook(entries, refs + fact_refs, registry=registry, thesaurus=thesaurus)
