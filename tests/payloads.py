"""The payload corpus: every text field of every kind × hostile and tricky strings.

The fields come from the models, not from a list kept by hand: every string field that
carries the plain-text rule (:mod:`macros.load.plaintext`), found in the fixture content, and
optional ones the fixture leaves out are added. Each (field, payload) is loaded in-process
(parse and validate, as ``macros check`` does): it is either rejected with errors naming the
file and a line, or accepted. Accepted payloads are then built, many in one build (every
accepting field of every file carries the bundle at once), and the output is searched for
executable markup; the browser test opens every page of those builds and waits for dialogs.
"""

from __future__ import annotations

import copy
import functools
import json
import re
import shutil
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from types import UnionType
from typing import Annotated, Any, Union, get_args, get_origin

import yaml
from pydantic import AfterValidator, BaseModel

from macros.errors import field_name
from macros.load import plaintext
from macros.load.kinds import BY_FOLDER
from macros.load.loader import _load_file
from macros.load.yamlsource import decode, parse

from .conftest import VALID

FieldPath = tuple[str | int, ...]

# Rejected in every text field: the rule must catch each of these.
MUST_REJECT: dict[str, str] = {
    "tag": "<img src=x onerror=alert(1)>",
    "unclosed tag": "电话技巧<img src=x onerror=alert(1)//",
    "closing tag": "</p><script>alert(1)</script>",
    "svg": "<svg/onload=alert(1)>",
    "html comment": "<!-- 注释",
    "named entity": "&lt;script&gt;alert(1)&lt;/script&gt;",
    "numeric entity": "&#60;img src=x onerror=alert(1)&#62;",
    "hex entity": "&#x3c;svg onload=alert(1)&#x3e;",
    "description break-out": '摘要"><img src=x onerror=alert(1)>',
    "markdown link": "[点我](javascript:alert(1))",
    "markdown image": '![图](x.png "t")',
    "reference link": "[点我]\n[点我]: javascript:alert(1)",
    "autolink": "<javascript:alert(1)>",
    "jinja expression": "开场白技巧 {{ 7*7 }}",
    "jinja shell": "{{ cycler.__init__.__globals__.os.popen('id').read() }}",
    "jinja statement": "{% raw %}吃掉后文",
    "jinja comment": "注释 {# 未闭合",
    "control character": "控制\x07字符",
    "line separator": "行\u2028分隔",
    "bidi override": "反向\u202e字符",
}
# May be accepted (they are text), and then must come out as text.
MAY_ACCEPT: dict[str, str] = {
    "double-quote break-out": '" onmouseover="alert(1)" x="',
    "single-quote break-out": "' onfocus='alert(1)' autofocus='",
    "javascript url": "javascript:alert(1)",
    "attr list": '文字 {: onclick="alert(1)" }',
    "bare attr list": "文字 {onmouseover=alert(1)}",
    "markdown specials": "*粗* _斜_ `码` # 井 > 引 | 表 ~删~ 1. 2)",
    "comparison": "a < b && c > d; R&D",
    "script string": "${alert(1)} \\\"); alert(1); (\"",
    "fullwidth": "＜script＞alert(1)＜/script＞",
    "closers": "}} %} #} ]]> --> */",
}
# Built together: one bundle per build, placed in every field that accepts it.
BUNDLES: dict[str, str] = {
    "bundle: attributes": " ".join(MAY_ACCEPT[name] for name in ("double-quote break-out", "single-quote break-out"))
    + " " + MAY_ACCEPT["javascript url"],
    "bundle: markdown": " ".join(MAY_ACCEPT[name] for name in ("attr list", "bare attr list", "markdown specials")),
    "bundle: text": " ".join(MAY_ACCEPT[name] for name in ("comparison", "script string", "fullwidth", "closers")),
}  # fmt: skip
LONGEST = "longest allowed"  # each field at exactly its maximum: accepted
TOO_LONG = "too long"  # one character more: rejected


# ---------------------------------------------------------------- the fields, from the models


def _annotations(annotation: Any) -> Iterator[Any]:
    """``annotation`` and what it wraps (Optional, list, Annotated)."""
    yield annotation
    if get_origin(annotation) is Annotated:
        yield from _annotations(get_args(annotation)[0])
    elif get_origin(annotation) in (Union, UnionType, list):
        for arg in get_args(annotation):
            yield from _annotations(arg)


def text_limit(info: Any) -> int | None:
    """The maximum length if the field (or its list items) is plain text, else None."""
    candidates = [info] + [a for a in _annotations(info.annotation) if get_origin(a) is Annotated]
    for candidate in candidates:
        metadata = candidate.metadata if candidate is info else get_args(candidate)[1:]
        flat = []
        for meta in metadata:
            flat.append(meta)
            flat.extend(getattr(meta, "metadata", []))
        if any(isinstance(meta, AfterValidator) and meta.func is plaintext.check for meta in flat):
            return next(meta.max_length for meta in flat if hasattr(meta, "max_length") and meta.max_length)
    return None


def _list_depth(info: Any) -> int:
    """0 for a string, 1 for a list of strings, 2 for a table's rows."""
    return sum(1 for annotation in _annotations(info.annotation) if get_origin(annotation) is list)


def _submodel(info: Any) -> type[BaseModel] | None:
    for annotation in _annotations(info.annotation):
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            return annotation
    return None


@dataclass(frozen=True)
class Slot:
    """One text field in one file: where it is, whether it exists there, how long it may be."""

    file: str  # relative to the content folder
    model: str  # the model class that declares the field
    name: str
    path: FieldPath  # where the string goes; ends in 0 (or 0, 0) inside a list
    limit: int
    depth: int  # of lists around the string
    present: bool


def slots_of(model: type[BaseModel], data: dict[str, Any], file: str, path: FieldPath = ()) -> Iterator[Slot]:
    for name, info in model.model_fields.items():
        limit = text_limit(info)
        value = data.get(name)
        if limit is not None:
            depth = _list_depth(info)
            present = bool(value) if depth else value is not None
            yield Slot(file, model.__name__, name, (*path, name, *[0] * depth), limit, depth, present)
            continue
        sub = _submodel(info)
        if sub is None or value is None:
            continue
        for index, element in enumerate(value) if isinstance(value, list) else [(None, value)]:
            if isinstance(element, dict):
                where = (*path, name) if index is None else (*path, name, index)
                yield from slots_of(sub, element, file, where)


# Blocks the fixture content does not use, added so that their fields are tried too.
AUGMENT: dict[str, dict[str, Any]] = {
    "techniques/tech-phone.yml": {
        "methods": [{"name": "直接约见法", "text": "开门见山。", "when": "客户时间紧时", "line": "想约您十分钟。"}]
    },
    "templates/form-tiering.yml": {
        "scoring": {
            "criteria": [
                {
                    "id": "size",
                    "label": "金额",
                    "weight": 100,
                    "help": "按合同金额估算。",
                    "options": [{"label": "小", "score": 0}, {"label": "大", "score": 1}],
                }
            ],
            "bands": [{"min": 0, "max": 100, "mode": "mode-quick", "advice": "快速推进。"}],
        },
        "worked_example": {
            "title": "星河物流",
            "text": "一家年采购额 120 万元的客户。",
            "table": {"columns": ["项目", "内容"], "rows": [["分级", "战略客户"]]},
            "points": ["先看金额。"],
        },
    },
}


# Kinds the fixture content has no file of.
ADD: dict[str, dict[str, Any]] = {
    "companies/acme-parts.yml": {
        "id": "acme-parts",
        "title": "示例零件厂",
        "summary": "一家虚构的零件厂。",
        "sources": ["003"],
        "industry": "机械加工",
        "profile": [{"id": "staff", "label": "员工", "value": "300 人"}],
        "people": [{"role": "生产副总", "part": "决策人", "cares": "交期。"}],
        "deals": [{"id": "erp", "title": "ERP 项目", "facts": [{"id": "budget", "label": "预算", "value": "80 万元"}],
                   "story": [{"stage": "stage-one", "text": "第一次电话。"}]}],
    },
}  # fmt: skip


def corpus_content(target: Path) -> Path:
    """The fixture content plus :data:`AUGMENT` and :data:`ADD`, copied to ``target``."""
    shutil.copytree(VALID, target)
    for file, extra in AUGMENT.items():
        path = target / file
        path.write_text(_dump({**parse(decode(path.read_bytes())).data, **extra}), "utf-8")
    for file, data in ADD.items():
        (target / file).parent.mkdir(exist_ok=True)
        (target / file).write_text(_dump(data), "utf-8")
    return target


def all_slots(content: Path) -> list[Slot]:
    """Every text field of every file, each model field once per file (the first place it occurs)."""
    result = []
    for path in sorted(content.glob("*/*.yml")):
        kind = BY_FOLDER.get(path.parent.name)
        if kind is None:
            continue  # not an item: content/thesaurus/ holds word lists for search
        data = parse(decode(path.read_bytes())).data
        chosen: dict[tuple[str, str], Slot] = {}
        for slot in slots_of(kind.model, data, path.relative_to(content).as_posix()):
            # Where the file has the field, use it; an absent optional field is added.
            if (slot.model, slot.name) not in chosen or (slot.present and not chosen[slot.model, slot.name].present):
                chosen[slot.model, slot.name] = slot
        result.extend(chosen.values())
    return result


def place(data: dict[str, Any], slot: Slot, value: str) -> dict[str, Any]:
    data = copy.deepcopy(data)
    field_path = slot.path[: len(slot.path) - slot.depth]
    target: Any = data
    for key in field_path[:-1]:
        target = target[key]
    if not slot.present:
        for _ in range(slot.depth):
            value = [value]  # type: ignore[assignment]
        target[field_path[-1]] = value
        return data
    target = target[field_path[-1]]
    if not slot.depth:
        target = data
        for key in field_path[:-1]:
            target = target[key]
        target[field_path[-1]] = value
        return data
    for key in slot.path[len(field_path) : -1]:
        target = target[key]
    target[slot.path[-1]] = value
    return data


def payload_for(name: str, slot: Slot) -> str:
    # A source must start with its seed number; the rest is free text.
    prefix = "003 " if slot.name == "sources" else ""
    if name == LONGEST:
        return prefix + "长" * (slot.limit - len(prefix))
    if name == TOO_LONG:
        return prefix + "长" * (slot.limit + 1 - len(prefix))
    return prefix + {**MUST_REJECT, **MAY_ACCEPT, **BUNDLES}[name]


PAYLOAD_NAMES = [*MUST_REJECT, *MAY_ACCEPT, *BUNDLES, LONGEST, TOO_LONG]


# ---------------------------------------------------------------- phase 1: load each (field, payload)


@dataclass
class Outcome:
    slot: Slot
    payload: str
    errors: list[str] = field(default_factory=list)  # "file:line: field: message"
    problem: str = ""  # what is wrong with the outcome, if anything

    @property
    def accepted(self) -> bool:
        return not self.errors and not self.problem


def _dump(data: dict[str, Any]) -> str:
    return yaml.dump(data, Dumper=yaml.CSafeDumper, allow_unicode=True, sort_keys=False, width=10_000)


def _check_errors(outcome: Outcome) -> None:
    file = f"content/{outcome.slot.file}"
    for error in outcome.errors:
        if not error.startswith(f"{file}:"):
            outcome.problem = f"error names another file: {error}"
        elif not error.split(":")[1].isdigit() or int(error.split(":")[1]) < 1:
            outcome.problem = f"error has no line: {error}"


@functools.cache
def corpus() -> tuple[Outcome, ...]:
    """Every (field, payload) of the fixture content, loaded in-process."""
    shm = Path("/dev/shm")  # thousands of small writes: memory, not the shared disk
    work = Path(tempfile.mkdtemp(prefix="payloads-", dir=shm if shm.is_dir() else None))
    try:
        content = corpus_content(work / "content")
        outcomes = []
        for slot in all_slots(content):
            path = content / slot.file
            original = path.read_bytes()
            data = parse(decode(original)).data
            for name in PAYLOAD_NAMES:
                text = _dump(place(data, slot, payload_for(name, slot)))
                path.write_text(text, "utf-8")
                outcome = Outcome(slot, name)
                try:
                    _entry, errors = _load_file(path, content, f"content/{slot.file}")
                except Exception as error:  # noqa: BLE001 - a crash is what this looks for
                    outcome.problem = f"crashed: {type(error).__name__}: {error}"
                else:
                    outcome.errors = [str(error) for error in errors]
                    _check_errors(outcome)
                outcomes.append(outcome)
            path.write_bytes(original)
        return tuple(outcomes)
    finally:
        shutil.rmtree(work, ignore_errors=True)


# ---------------------------------------------------------------- phase 2: build the accepted bundles


@dataclass
class Bundle:
    fields: int  # text fields that carry the bundle in the build
    refused: list[str]  # whole-content checks (owners, references) that turned a field away


def bundle_content(target: Path, bundle: str) -> Bundle:
    """Fixture content with ``bundle`` in every field that accepted it.

    A field checked against other files (an owner named in owners.yml) passes the per-file
    load but not the whole-content check: it is put back, and its file:line error kept.
    """
    from macros.errors import ContentErrors
    from macros.resolve.playbook import load_playbook

    corpus_content(target)
    accepted = [outcome.slot for outcome in corpus() if outcome.payload == bundle and outcome.accepted]
    originals = {slot.file: parse(decode((target / slot.file).read_bytes())).data for slot in accepted}
    placed = list(accepted)
    refused: list[str] = []
    for _attempt in range(5):
        by_file: dict[str, dict[str, Any]] = {file: copy.deepcopy(data) for file, data in originals.items()}
        for count, slot in enumerate(placed, 1):
            # Distinct values: a field whose values must differ (aliases, options) still builds.
            tag = f"〔{count}〕"
            value = payload_for(bundle, slot)
            by_file[slot.file] = place(by_file[slot.file], slot, value[: slot.limit - len(tag)] + tag)
        for file, data in by_file.items():
            (target / file).write_text(_dump(data), "utf-8")
        try:
            load_playbook(target, root=target.parent)
        except ContentErrors as errors:
            wrong = {(error.file.removeprefix("content/"), error.field) for error in errors.errors}
            refused += [str(error) for error in errors.errors]
            placed = [slot for slot in placed if (slot.file, field_name(slot.path)) not in wrong]
            continue
        return Bundle(len(placed), refused)
    raise AssertionError(f"{bundle}: the content does not load: {refused[-5:]}")


# ---------------------------------------------------------------- the output, searched for markup that runs


class _Scanner(HTMLParser):
    """Event handlers, javascript: URLs, embedded frames; scripts that are code or broken data."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self._script: str | None = None  # the type of the open <script>, "" for code
        self._data: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name.startswith("on") or name == "autofocus":
                self.found.append(f"<{tag} {name}={value!r}>")
            cleaned = "".join((value or "").split()).lower()
            if name in ("href", "src", "action", "formaction", "xlink:href") and cleaned.startswith("javascript:"):
                self.found.append(f"<{tag} {name}={value!r}>")
        if tag in ("iframe", "object", "embed"):
            self.found.append(f"<{tag}>")
        if tag == "script":
            self._script, self._data = dict(attrs).get("type") or "", []

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            self._data.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag != "script" or self._script is None:
            return
        body = "".join(self._data)
        if self._script == "application/json":
            try:
                json.loads(body)  # data that stayed data: nothing broke out of it
            except ValueError as error:
                self.found.append(f"<script type=application/json> broken: {error}")
        elif "alert(" in body:
            self.found.append(f"<script> with {body.strip()[:80]!r}")
        self._script = None


def executable_markup(site: Path) -> list[str]:
    """Every place in the built site where markup that runs code appears, as 'file: what'."""
    found = []
    for path in sorted(site.rglob("*.html")):
        scanner = _Scanner()
        scanner.feed(path.read_text("utf-8"))
        found += [f"{path.relative_to(site)}: {what}" for what in scanner.found]
    for path in sorted((site / "assets" / "playbook").glob("*.js")):
        text = path.read_text("utf-8")
        body = text.split("=", 1)[1].strip().removesuffix(";")
        try:
            json.loads(body)  # data, and nothing but data
        except ValueError as error:
            found.append(f"{path.relative_to(site)}: not plain data ({error})")
    # Material's stub and our search data (macros/search/build.py): the text Material's result
    # list shows is escaped by our engine, but the data itself must hold no markup either.
    search = site / "search"
    for path in [search / "search_index.json", search / "pb-index.js", *sorted((search / "text").glob("*.js"))]:
        for match in re.finditer(r"<[^>]*\bon[a-z]+\s*=|<script", path.read_text("utf-8")):
            found.append(f"{path.relative_to(site)}: {match.group(0)}")
    return found


def every_text_field() -> set[tuple[str, str]]:
    """(model, field) for every plain-text field reachable from the kinds' models."""
    from macros.load.kinds import KINDS

    found: set[tuple[str, str]] = set()
    seen: set[type[BaseModel]] = set()

    def walk(model: type[BaseModel]) -> None:
        if model in seen:
            return
        seen.add(model)
        for name, info in model.model_fields.items():
            if text_limit(info) is not None:
                found.add((model.__name__, name))
            sub = _submodel(info)
            if sub is not None:
                walk(sub)

    for kind in KINDS.values():
        walk(kind.model)
    return found


def summary() -> str:
    outcomes = corpus()
    slots = {outcome.slot for outcome in outcomes}
    rejected = sum(not outcome.accepted for outcome in outcomes)
    return (
        f"payload corpus: {len(PAYLOAD_NAMES)} payloads × {len(slots)} fields in {len({s.file for s in slots})} files"
        f" ({len(every_text_field())} model fields) = {len(outcomes)} loads: {rejected} rejected with file:line,"
        f" {len(outcomes) - rejected} accepted as text; {len(BUNDLES) + 1} builds of the accepted ones"
    )


if __name__ == "__main__":
    print(summary())
