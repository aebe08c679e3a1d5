"""Dates, reviews and the change log at 1× and 10× the real content, in a git repository made here.

Each scale gets a fresh repository with three dated commits: every item added, one item in
ten reworded (with a change note), one in twenty given a review date only. It prints the
time to read the history (one `git log`), to date every item and page (blobs through one
`git cat-file --batch`), to build the change log, how many git processes all that started,
and the size of the browser's assets/playbook/updates.js data.

    python bench/history.py          # 1× and 10×
    python bench/history.py 1 3      # other scales
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.synth import make_synthetic  # noqa: E402
from macros.render.freshview import updates_data  # noqa: E402
from macros.resolve import freshness  # noqa: E402
from macros.resolve.changelog import build_changelog  # noqa: E402
from macros.resolve.history import read_history  # noqa: E402
from macros.resolve.playbook import load_playbook  # noqa: E402
from tests.test_freshness import commit, git  # noqa: E402


def _without(text: str, key: str) -> str:
    """The item's YAML without its top-level ``key`` (and the lines indented under it)."""
    return re.sub(rf"^{key}:.*\n(?:[ -].*\n)*", "", text, flags=re.M)


def make_repo(root: Path, scale: int) -> int:
    """The content at ``scale`` in a new repository with three dated commits; returns the item count."""
    content = make_synthetic(root / "content", scale)  # 1×: a plain copy
    (root / "docs").mkdir()
    git(root, "init", "-q", "-b", "main")
    commit(root, "Content: all items", "2026-01-05T10:00:00+08:00")
    # Items only: the thesaurus groups are search data and carry no change notes.
    files = sorted(path for path in content.glob("*/*.yml") if path.parent.name != "thesaurus")
    for path in files[::10]:
        text = _without(path.read_text("utf-8"), "changes")
        path.write_text(text.replace("\ntitle: ", "\nchanges: 基准：改了标题\ntitle: 新", 1), "utf-8")
    commit(root, "Bench: reword one item in ten", "2026-02-10T09:00:00+08:00")
    for path in files[5::20]:
        text = _without(path.read_text("utf-8"), "reviewed")
        path.write_text(text.replace("\ntitle: ", "\nreviewed: 2026-03-01\ntitle: ", 1), "utf-8")
    commit(root, "Bench: review one item in twenty", "2026-03-01T09:00:00+08:00")
    return len(files)


class CountingPopen(subprocess.Popen):
    started: list[str] = []

    def __init__(self, args, *rest, **kwargs) -> None:  # noqa: ANN001 - subprocess's own signature
        if isinstance(args, list) and args and args[0] == "git":
            CountingPopen.started.append(" ".join(args[:2]))
        super().__init__(args, *rest, **kwargs)


def measure(scale: int, work: Path) -> dict[str, object]:
    root = work / f"repo-{scale}"
    items = make_repo(root, scale)
    content = root / "content"
    playbook = load_playbook(content, root)
    CountingPopen.started = []
    original, subprocess.Popen = subprocess.Popen, CountingPopen
    try:
        started = time.perf_counter()
        history = read_history(content, [root / "docs"])
        logged = time.perf_counter()
        fresh = freshness.build(playbook, history, date(2026, 6, 1), content, root / "docs")
        dated = time.perf_counter()
        log = build_changelog(playbook, history, freshness.repo_path(history, content))
        done = time.perf_counter()
        history.close()
    finally:
        subprocess.Popen = original
    updates = json.dumps(updates_data(playbook, fresh), ensure_ascii=False).encode()
    return {
        "items": items,
        "changes": len(history.changes),
        "log": logged - started,
        "dates": dated - logged,
        "changelog": done - dated,
        "git": CountingPopen.started,
        "lines": log.count,
        "updates": len(updates),
        "summary": fresh.report().summary(),
    }


def main(argv: list[str]) -> int:
    scales = [int(arg) for arg in argv] or [1, 10]
    print("== 日期、审核与更新记录（bench/history.py）")
    with tempfile.TemporaryDirectory(prefix="pb-history-") as folder:
        for scale in scales:
            m = measure(scale, Path(folder))
            print(
                f"{scale}×：{m['items']} 个条目、{m['changes']} 处文件改动；git log {m['log']:.2f} 秒，"
                f"每个条目和页面的日期 {m['dates']:.2f} 秒，更新记录 {m['changelog']:.2f} 秒（{m['lines']} 条）；"
                f"git 进程 {len(m['git'])} 个（{'、'.join(m['git'])}）；updates.js {m['updates'] / 1024:.0f} kB"
            )
            print(f"    {m['summary']}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
