"""Command line: ``python -m macros check`` validates content; ``schema`` rewrites schema/."""

from __future__ import annotations

import argparse
import sys
import time
from datetime import date
from pathlib import Path

from macros.errors import ContentErrors
from macros.load.lint import problems, strings
from macros.load.loader import load_entries
from macros.load.schema import write_schemas
from macros.render.reviewtext import review_text
from macros.resolve.facts import resolve
from macros.resolve.playbook import load_playbook

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m macros", description="销售作战手册内容工具")
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help="校验 content/ 下的全部内容，不生成站点")
    check.add_argument("content", nargs="?", type=Path, default=ROOT / "content")
    commands.add_parser("schema", help="重新生成 schema/ 下的 JSON Schema")
    lint = commands.add_parser("lint", help="按内容风格规则检查文字（排版、占位、夹杂英文）")
    lint.add_argument("folder", nargs="?", default="", help="只查 content/ 下的这个目录，如 techniques")
    commands.add_parser("review", help="审核报告：逾期、从未审核、审核后又有修改的条目，按负责人列出")
    args = parser.parse_args(argv)

    if args.command == "schema":
        for path in write_schemas(ROOT / "schema"):
            print(path.relative_to(ROOT))
        return 0
    if args.command == "lint":
        return run_lint(args.folder)
    if args.command == "review":
        return run_review()
    started = time.perf_counter()
    content = args.content.resolve()
    try:
        playbook = load_playbook(content, root=ROOT if content.is_relative_to(ROOT) else content.parent)
    except ContentErrors as errors:
        print(errors.report(), file=sys.stderr)
        return 1
    seconds = time.perf_counter() - started
    print(f"内容无误：{len(playbook.entries)} 个条目，{len(playbook.refs)} 处引用，用时 {seconds:.2f} 秒。")
    return 0


def run_lint(folder: str) -> int:
    """Style problems in every file that parses (references are not needed for this)."""
    entries, _ = load_entries(ROOT / "content", ROOT)
    resolve({entry.id: entry for entry in entries})  # lint the text as printed; broken slots stay as they are
    folder = folder.removeprefix("content/").strip("/")
    count = files = 0
    for entry in entries:
        if folder and not entry.file.startswith(f"content/{folder}/"):
            continue
        files += 1
        for text in strings(entry.item):
            for problem in problems(text):
                count += 1
                print(f"{entry.file}: {problem}：{text[:60]}")
    print(f"查了 {files} 个文件，共 {count} 处文字问题。")
    return 1 if count else 0


def run_review() -> int:
    """The review report as text; it informs, so overdue items never make it fail."""
    try:
        playbook = load_playbook(ROOT / "content", ROOT)
    except ContentErrors as errors:
        print(errors.report(), file=sys.stderr)
        return 1
    print(review_text(playbook, ROOT / "content", ROOT / "docs", date.today()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
