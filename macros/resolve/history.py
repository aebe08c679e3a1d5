"""What git knows about content/: when each file last changed, and every change, from ONE ``git log``.

One ``git log --raw`` over the content folders gives, for every commit, its date, subject and
the files it added, changed or removed with their blob ids. Old file versions (to tell a
review-only edit from a real one, to read change notes and checklist items) come through one
``git cat-file --batch`` process. Nothing here starts a process per file, so it scales to
thousands of items.

A folder that is not a git checkout, or a shallow clone, still builds: :class:`History` then
says what it does not know (``available`` / ``complete``) instead of inventing dates.
"""

from __future__ import annotations

import re
import subprocess
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import yaml

_ZERO = "0" * 40
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
# Lines that record a review or describe a change, not the content itself (see content_changed).
_META_LINE = re.compile(r"^(reviewed|owner|review_every|changes):.*\n?", re.MULTILINE)


@dataclass(frozen=True)
class FileChange:
    """One file touched by one commit."""

    commit: str
    when: datetime  # committer date: when the change entered the playbook
    subject: str
    status: str  # A added, M changed, D removed
    path: str  # relative to the repository root
    old_blob: str
    new_blob: str


@dataclass
class History:
    available: bool = False
    complete: bool = False  # False for a shallow clone: older changes are missing
    reason: str = ""  # why history is missing or incomplete, said to the reader
    changes: list[FileChange] = field(default_factory=list)  # newest first
    boundary: set[str] = field(default_factory=set)  # shallow-clone cut commits: their "adds" are not real
    root: Path | None = None
    _blobs: _BlobReader | None = None

    def by_path(self) -> dict[str, list[FileChange]]:
        """Every path's changes, newest first."""
        result: dict[str, list[FileChange]] = {}
        for change in self.changes:
            result.setdefault(change.path, []).append(change)
        return result

    def trustworthy(self, change: FileChange) -> bool:
        """Whether a change really happened then (a shallow clone's cut commit seems to add every file)."""
        return change.commit not in self.boundary

    def blob(self, sha: str) -> str | None:
        if sha == _ZERO or self._blobs is None:
            return None
        return self._blobs.read(sha)

    def close(self) -> None:
        if self._blobs is not None:
            self._blobs.close()
            self._blobs = None


class _BlobReader:
    """One ``git cat-file --batch`` process, asked for blobs one at a time."""

    def __init__(self, root: Path) -> None:
        self.process = subprocess.Popen(
            ["git", "cat-file", "--batch"], cwd=root, stdin=subprocess.PIPE, stdout=subprocess.PIPE
        )
        self.cache: dict[str, str | None] = {}

    def read(self, sha: str) -> str | None:
        if sha in self.cache:
            return self.cache[sha]
        assert self.process.stdin and self.process.stdout
        self.process.stdin.write(sha.encode() + b"\n")
        self.process.stdin.flush()
        header = self.process.stdout.readline().split()
        text = None
        if len(header) == 3 and header[1] == b"blob":
            data = self.process.stdout.read(int(header[2]) + 1)[:-1]
            text = data.decode("utf-8", "replace")
        self.cache[sha] = text
        return text

    def close(self) -> None:
        for stream in (self.process.stdin, self.process.stdout):
            if stream:
                stream.close()
        self.process.wait(timeout=10)


def _git(root: Path, *args: str) -> str | None:
    try:
        result = subprocess.run(["git", *args], cwd=root, capture_output=True, text=True, check=False)
    except OSError:  # no git on this machine
        return None
    return result.stdout if result.returncode == 0 else None


def parse_log(output: str) -> list[FileChange]:
    """The output of ``git log --raw -z --format=%x1e%H%x1f%cI%x1f%P%x1f%s``."""
    changes = []
    for chunk in output.split("\x1e")[1:]:
        header, _, rest = chunk.partition("\0")
        commit, date, _parents, subject = header.split("\x1f", 3)
        when = datetime.fromisoformat(date)
        tokens = rest.lstrip("\n").split("\0")
        for raw, path in zip(tokens[::2], tokens[1::2], strict=False):
            parts = raw.lstrip(":").split()
            if len(parts) < 5:
                continue
            changes.append(FileChange(commit, when, subject.strip(), parts[4][0], path, parts[2], parts[3]))
    return changes


def read_history(content_dir: Path, also: Iterable[Path] = ()) -> History:
    """History of ``content_dir`` and of ``also`` (folders in the same checkout); what is known when git cannot say."""
    info = _git(content_dir, "rev-parse", "--is-shallow-repository", "--git-path", "shallow", "--show-toplevel")
    if info is None:
        return History(reason="这份手册不是从 git 仓库生成的，没有修改历史。")
    shallow_flag, shallow_file, toplevel = info.splitlines()[:3]
    top = Path(toplevel).resolve()
    folders = [folder.resolve() for folder in (content_dir, *also) if folder.resolve().is_relative_to(top)]
    fmt = "--format=%x1e%H%x1f%cI%x1f%P%x1f%s"
    pathspecs = [folder.relative_to(top).as_posix() or "." for folder in folders]
    output = _git(top, "log", "--raw", "--no-renames", "--no-abbrev", "-z", fmt, "--", *pathspecs)
    if output is None:
        return History(reason="读取 git 历史失败，没有修改历史。")
    history = History(available=True, complete=True, changes=parse_log(output), root=top)
    history.changes.sort(key=lambda change: change.when, reverse=True)
    if shallow_flag.strip() == "true":
        shallow = Path(shallow_file) if Path(shallow_file).is_absolute() else content_dir / shallow_file
        history.boundary = set(shallow.read_text().split()) if shallow.exists() else set()
        history.complete = False
        trusted = [change for change in history.changes if history.trustworthy(change)]
        if not trusted:
            history.available = False
            history.reason = (
                "这是浅克隆（shallow clone），没有修改历史；用完整克隆（git clone 不带 --depth）生成即可看到。"
            )
        else:
            oldest = min(change.when for change in trusted).date().isoformat()
            history.reason = f"这是浅克隆（shallow clone），只有 {oldest} 以后的修改历史。"
    history._blobs = _BlobReader(top)
    return history


def content_changed(old: str | None, new: str | None) -> bool:
    """Whether two versions of an item differ in more than the review record and change note."""
    if old is None or new is None:
        return True
    return _META_LINE.sub("", old) != _META_LINE.sub("", new)


def load_yaml(text: str | None) -> dict | None:
    if not text:
        return None
    try:
        data = yaml.load(text, Loader=_LOADER)  # noqa: S506 - a safe loader
    except yaml.YAMLError:
        return None
    return data if isinstance(data, dict) else None
