"""Build speed and site weight of the real content, measured in one run.

Prints: content validation time (the `./dev check` path), full `mkdocs build --strict`
time, seconds per page, site size, and the heaviest pages (every page repeats the nav).
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.conftest import build_site  # noqa: E402


def main() -> int:
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "macros", "check"], cwd=ROOT, check=True, capture_output=True)
    check_seconds = time.perf_counter() - started
    with tempfile.TemporaryDirectory() as folder:
        site = Path(folder)
        started = time.perf_counter()
        result = build_site(ROOT, site)
        build_seconds = time.perf_counter() - started
        if result.returncode != 0:
            print(result.stderr[-3000:])
            return 1
        pages = sorted(site.rglob("*.html"), key=lambda path: path.stat().st_size, reverse=True)
        total = sum(path.stat().st_size for path in site.rglob("*") if path.is_file())
        html = sum(path.stat().st_size for path in pages)
        print(f"validate content: {check_seconds:.2f} s (python -m macros check, incl. interpreter start)")
        per_page = 1000 * build_seconds / len(pages)
        print(f"build --strict: {build_seconds:.1f} s for {len(pages)} pages = {per_page:.0f} ms/page")
        average = html / len(pages) / 1e3
        print(f"site size: {total / 1e6:.1f} MB in all, HTML {html / 1e6:.1f} MB, {average:.0f} kB/page on average")
        for path in pages[:3]:
            print(f"  heaviest: {path.relative_to(site)} {path.stat().st_size / 1e3:.0f} kB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
