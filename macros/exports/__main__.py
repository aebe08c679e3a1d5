"""python -m macros.exports [SITE] [--no-book] [--only PDF …]: print a built site's PDFs into SITE/downloads/pdf."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from macros.errors import ContentErrors
from macros.exports.pdf import build
from macros.resolve.playbook import load_playbook


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m macros.exports", description="把已生成的站点打印成 PDF")
    parser.add_argument("site", nargs="?", default="site", help="已生成的站点目录（默认 site/）")
    parser.add_argument("--content", default="content", help="内容目录（只用来确定页面和顺序）")
    parser.add_argument("--no-book", action="store_true", help="不生成整本手册（快）")
    parser.add_argument(
        "--only", nargs="+", metavar="PDF", help="只生成这几个（站点里的路径，如 downloads/pdf/playbook.pdf）"
    )
    args = parser.parse_args(argv)
    site = Path(args.site)
    if not (site / "index.html").is_file():
        print(f"{site}/ 里没有生成好的站点，先运行 ./dev build", file=sys.stderr)
        return 1
    try:
        playbook = load_playbook(Path(args.content), Path.cwd())
    except ContentErrors as errors:
        for error in errors.errors:
            print(error, file=sys.stderr)
        return 1
    started = time.perf_counter()
    printed = build(site, playbook, include_book=not args.no_book, only=set(args.only) if args.only else None)
    for item in printed:
        print(f"{item.target.pdf}: {item.pages} 页，{item.seconds:.1f} 秒")
    pages = sum(item.pages for item in printed)
    print(f"共 {len(printed)} 个 PDF，{pages} 页，用时 {time.perf_counter() - started:.1f} 秒")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
