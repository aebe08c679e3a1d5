"""Synthetic content at N× the real size, for the build and search benchmarks.

``make_synthetic(dest, factor)`` copies content/ into ``dest`` and adds ``factor - 1``
clones of every item, each with a new id (``phone-skills-c2``) and a new title
(``电话技巧（第二组）``). A clone's references point at the clones of the same copy, so
the result validates like the real content. The six stages and three sales modes are
not cloned: a playbook ten times larger has more activities, techniques and scripts per
stage, not sixty stages. Aliases and questions get the same tag as the title so that no
two items share one.

    python bench/synth.py /tmp/content-10x 10
"""

from __future__ import annotations

import copy as copying
import shutil
import sys
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from macros.load.models import SHORT_MAX  # noqa: E402
from macros.resolve.playbook import load_playbook  # noqa: E402

# Kinds that keep their real count: the sales cycle's structure, not its content.
FIXED_KINDS = ("stage", "mode")
SCHEMA_LINE = "# yaml-language-server: $schema=../../schema/{kind}.schema.json\n"
_DIGITS = "零一二三四五六七八九"


def chinese_number(number: int) -> str:
    """1–99 in Chinese numerals, as a title suffix that passes the style lint."""
    if number < 10:
        return _DIGITS[number]
    tens, ones = divmod(number, 10)
    return ("" if tens == 1 else _DIGITS[tens]) + "十" + (_DIGITS[ones] if ones else "")


def make_synthetic(dest: Path, factor: int = 10, source: Path = ROOT / "content") -> Path:
    """Write ``source`` plus ``factor - 1`` rewired clones of each item into ``dest``; return ``dest``."""
    if not 1 <= factor <= 99:
        raise ValueError("factor must be between 1 and 99")
    playbook = load_playbook(source, root=source.parent)
    cloned = {item_id for item_id, entry in playbook.entries.items() if entry.kind.name not in FIXED_KINDS}
    refs_of: dict[str, list[tuple[str | int, ...]]] = {}
    for reference in playbook.refs:
        refs_of.setdefault(reference.source, []).append(reference.path)
    if dest.exists():
        shutil.rmtree(dest)
    shutil.copytree(source, dest)
    for copy in range(2, factor + 1):
        tag = f"（第{chinese_number(copy)}组）"
        for item_id in sorted(cloned):
            entry = playbook.entries[item_id]
            data = _clone(entry.document.data, refs_of.get(item_id, []), cloned, copy, tag)
            folder = dest / entry.kind.folder
            text = SCHEMA_LINE.format(kind=entry.kind.name) + yaml.safe_dump(
                data, allow_unicode=True, sort_keys=False, width=10_000
            )
            (folder / f"{data['id']}.yml").write_text(text, "utf-8")
    return dest


def clone_id(item_id: str, copy: int) -> str:
    return f"{item_id}-c{copy}"


def _clone(
    data: dict[str, Any], paths: list[tuple[str | int, ...]], cloned: set[str], copy: int, tag: str
) -> dict[str, Any]:
    data = copying.deepcopy(data)
    data["id"] = clone_id(data["id"], copy)
    data["title"] = _tagged(data["title"], tag)
    for field in ("aliases", "questions"):
        if field in data:
            data[field] = [_tagged(text, tag) for text in data[field]]
    for path in paths:
        parent = data
        for step in path[:-1]:
            parent = parent[step]
        target = parent[path[-1]]
        if target in cloned:
            parent[path[-1]] = clone_id(target, copy)
    return data


def _tagged(text: str, tag: str) -> str:
    return text[: SHORT_MAX - len(tag)] + tag


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("/tmp/playbook-content-10x")
    times = int(sys.argv[2]) if len(sys.argv) > 2 else 10
    made = make_synthetic(target, times)
    print(f"{sum(1 for _ in made.rglob('*.yml'))} items in {made}")
