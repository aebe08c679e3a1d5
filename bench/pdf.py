"""How long printing the PDFs takes, and how many pages each has, on the real content.

Builds the site once into a temporary folder, then runs the PDF step (`./dev pdf`) on it.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from macros.exports.pdf import build  # noqa: E402
from macros.resolve.playbook import load_playbook  # noqa: E402
from tests.conftest import build_site  # noqa: E402


def main() -> int:
    with tempfile.TemporaryDirectory() as folder:
        site = Path(folder)
        result = build_site(ROOT, site)
        if result.returncode != 0:
            print(result.stderr[-3000:])
            return 1
        started = time.perf_counter()
        printed = build(site, load_playbook(ROOT / "content", ROOT))
        seconds = time.perf_counter() - started
    for item in printed:
        print(f"  pdf: {item.target.pdf} {item.pages} pages, {item.seconds:.1f} s")
    pages = sum(item.pages for item in printed)
    print(f"pdf: {len(printed)} PDFs, {pages} pages in {seconds:.0f} s (./dev pdf after the build)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
