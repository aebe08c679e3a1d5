"""Seeded fuzzing of real content files: the loader never crashes, never hangs, never blames another file.

Each mutation is applied to a copy of one real file and loaded in-process the way the full
check does it (parse, validate, then that item's references against the real content).
Every outcome must be a clean pass or errors naming the mutated file and a line in it.
Every 25th mutation also runs the whole ``load_playbook`` on the mutated copy, so that what
other files say about the broken one is checked too.
"""

from __future__ import annotations

import random
import re
import shutil
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from macros.errors import ContentError, ContentErrors
from macros.load.loader import _load_file, failed_items
from macros.resolve.playbook import load_playbook
from macros.resolve.xref import check, references

from .conftest import ROOT

SEED = 20261202
COUNT = 400
FULL_EVERY = 25
HANG = 10.0  # seconds: a mutation taking longer than this is a hang, not a slow machine

Mutation = Callable[[random.Random, bytes], bytes]


def _lines(raw: bytes) -> list[bytes]:
    return raw.split(b"\n")


def _pick(rng: random.Random, lines: list[bytes]) -> int:
    return rng.randrange(len(lines))


def delete_line(rng: random.Random, raw: bytes) -> bytes:
    lines = _lines(raw)
    del lines[_pick(rng, lines)]
    return b"\n".join(lines)


def duplicate_line(rng: random.Random, raw: bytes) -> bytes:
    lines = _lines(raw)
    index = _pick(rng, lines)
    lines.insert(index, lines[index])
    return b"\n".join(lines)


def swap_lines(rng: random.Random, raw: bytes) -> bytes:
    lines = _lines(raw)
    index = rng.randrange(max(1, len(lines) - 1))
    lines[index : index + 2] = lines[index : index + 2][::-1]
    return b"\n".join(lines)


def indent(rng: random.Random, raw: bytes) -> bytes:
    lines = _lines(raw)
    index = _pick(rng, lines)
    lines[index] = rng.choice([b" ", b"  ", b"    "]) + lines[index] if rng.random() < 0.6 else lines[index][2:]
    return b"\n".join(lines)


def tab(rng: random.Random, raw: bytes) -> bytes:
    lines = _lines(raw)
    index = _pick(rng, lines)
    lines[index] = (b"\t" if rng.random() < 0.5 else b"  \t") + lines[index].lstrip(b" ")
    return b"\n".join(lines)


def _value_lines(lines: list[bytes]) -> list[int]:
    return [i for i, line in enumerate(lines) if b": " in line and not line.lstrip().startswith(b"#")]


def reshape(rng: random.Random, raw: bytes) -> bytes:
    """scalar ↔ list ↔ mapping: `key: v` → `key: [v]` / `key: {a: v}` / `key:` + `- v` / `key: []`."""
    lines = _lines(raw)
    candidates = _value_lines(lines) or [0]
    index = rng.choice(candidates)
    key, _, value = lines[index].partition(b": ")
    choice = rng.randrange(5)
    if choice == 0:
        lines[index] = key + b": [" + value + b"]"
    elif choice == 1:
        lines[index] = key + b": {a: " + value + b"}"
    elif choice == 2:
        lines[index] = key + b": []"
    elif choice == 3:
        lines[index] = key + b": {}"
    else:
        lines[index] = key + b": 42"
    return b"\n".join(lines)


def list_to_scalar(rng: random.Random, raw: bytes) -> bytes:
    lines = _lines(raw)
    items = [i for i, line in enumerate(lines) if line.lstrip().startswith(b"- ")]
    if not items:
        return raw
    index = rng.choice(items)
    stripped = lines[index].lstrip()
    lines[index] = lines[index][: len(lines[index]) - len(stripped)] + stripped[2:]
    return b"\n".join(lines)


def truncate(rng: random.Random, raw: bytes) -> bytes:
    return raw[: rng.randrange(len(raw))]


def random_bytes(rng: random.Random, raw: bytes) -> bytes:
    junk = rng.choice([b"\x00", b"\x01", b"\x08", b"\x0b", b"\x0c", b"\x7f", b"\xff", b"\xc3", b"\xe4\xb8"])
    junk += bytes(rng.randrange(256) for _ in range(rng.randrange(3)))
    at = rng.randrange(len(raw) + 1)
    return raw[:at] + junk + raw[at:]


def bom(rng: random.Random, raw: bytes) -> bytes:
    at = 0 if rng.random() < 0.5 else rng.randrange(len(raw) + 1)  # at the start, or stray inside
    return raw[:at] + b"\xef\xbb\xbf" + raw[at:]


def crlf(rng: random.Random, raw: bytes) -> bytes:
    return raw.replace(b"\n", b"\r\n") if rng.random() < 0.7 else raw.replace(b"\n", b"\r")


def near_miss_id(rng: random.Random, raw: bytes) -> bytes:
    """Change one character of an id somewhere (a reference, or the item's own id)."""
    text = raw.decode("utf-8")
    ids = [m for m in re.finditer(r"(?<![\w-])[a-z0-9]+(?:-[a-z0-9]+)+(?![\w-])", text)]
    if not ids:
        return raw
    found = rng.choice(ids)
    word = found.group(0)
    at = rng.randrange(len(word))
    replacement = rng.choice("abcdefghijklmnopqrstuvwxyz0123456789-")
    changed = word[:at] + replacement + word[at + 1 :]
    return (text[: found.start()] + changed + text[found.end() :]).encode("utf-8")


def alias(rng: random.Random, raw: bytes) -> bytes:
    lines = _lines(raw)
    candidates = _value_lines(lines) or [0]
    index = rng.choice(candidates)
    key, _, value = lines[index].partition(b": ")
    lines[index] = key + b": &x " + value
    lines.append(b"extra: *x")
    return b"\n".join(lines)


MUTATIONS: dict[str, Mutation] = {
    "delete line": delete_line,
    "duplicate line": duplicate_line,
    "swap lines": swap_lines,
    "indentation": indent,
    "tab": tab,
    "scalar↔list↔mapping": reshape,
    "list→scalar": list_to_scalar,
    "truncation": truncate,
    "random bytes": random_bytes,
    "BOM": bom,
    "CRLF": crlf,
    "near-miss id": near_miss_id,
    "alias": alias,
    "renamed file": lambda rng, raw: raw,  # the file itself is renamed (see _mutate)
}


def _mutations(files: list[Path]) -> Iterator[tuple[int, str, Path, bytes, str]]:
    """(number, mutation, original file, mutated bytes, new file name), reproducibly."""
    rng = random.Random(SEED)
    names = sorted(MUTATIONS)
    for number in range(COUNT):
        name = names[number % len(names)]
        path = rng.choice(files)
        raw = MUTATIONS[name](rng, path.read_bytes())
        new_name = path.name
        if name == "renamed file":
            stem = path.stem
            new_name = rng.choice([stem + "-2", stem[:-1], stem.upper(), stem + " copy"]) + ".yml"
        yield number, name, path, raw, new_name


def _problems(errors: list[ContentError], file: str, lines: int) -> list[str]:
    wrong = []
    for error in errors:
        if error.file != file:
            wrong.append(f"blames another file: {error}")
        elif not 1 <= error.line <= lines + 1:
            wrong.append(f"line outside the file: {error}")
    return wrong


@pytest.fixture(scope="module")
def real_content() -> Iterator[tuple[Path, dict]]:
    """The real content copied to memory, loaded once."""
    shm = Path("/dev/shm")
    work = Path(tempfile.mkdtemp(prefix="fuzz-", dir=shm if shm.is_dir() else None))
    shutil.copytree(ROOT / "content", work / "content")
    playbook = load_playbook(work / "content", root=work)
    yield work, playbook.entries
    shutil.rmtree(work, ignore_errors=True)


def test_mutated_content_files_load_cleanly_or_fail_with_file_and_line(real_content: tuple[Path, dict]) -> None:
    root, entries = real_content
    content = root / "content"
    files = sorted(path for path in content.glob("*/*.yml"))
    outcomes: Counter[str] = Counter()
    slowest = 0.0
    failures = []
    for number, name, original, raw, new_name in _mutations(files):
        target = original.with_name(new_name)
        backup = original.read_bytes()
        original.unlink()
        target.write_bytes(raw)
        file = target.relative_to(root).as_posix()
        start = time.monotonic()
        try:
            entry, errors = _load_file(target, content, file)
            if entry is not None:
                others = {key: value for key, value in entries.items() if key != original.stem}
                errors += check({**others, entry.id: entry}, references(entry), failed_items(errors, content, root))
            if number % FULL_EVERY == 0:
                try:
                    load_playbook(content, root=root)
                except ContentErrors as raised:
                    errors = raised.errors
        except Exception as error:  # noqa: BLE001 - a crash is what this test looks for
            failures.append(f"#{number} {name} {file}: crashed: {type(error).__name__}: {error}")
            continue
        finally:
            target.unlink()
            original.write_bytes(backup)
        elapsed = time.monotonic() - start
        slowest = max(slowest, elapsed)
        if elapsed > HANG:
            failures.append(f"#{number} {name} {file}: took {elapsed:.1f} s")
        failures += [f"#{number} {name}: {problem}" for problem in _problems(errors, file, raw.count(b"\n") + 1)]
        outcomes["errors" if errors else "clean"] += 1
    assert failures == [], "\n".join(failures)
    assert sum(outcomes.values()) == COUNT
    # Most mutations break something; some (a swapped pair of list items, CRLF) are harmless.
    assert outcomes["errors"] > COUNT / 2, outcomes
    print(f"fuzz: {COUNT} mutations, {dict(outcomes)}, slowest {slowest:.2f} s")
