"""Turn off the search worker's own Chinese query segmentation.

Our search.js segments the query on the page with the site's vocabulary before it
reaches the worker. Material's worker would split those words again with a greedy
lookup that never matches a whole word (价格 → 价*), so the built copy of the worker
drops that step. If a Material upgrade changes the code, the build fails loudly.
"""

from __future__ import annotations

import re
from pathlib import Path

_HAN_SEGMENTATION = re.compile(
    r'\w+=\w+\.replace\(new RegExp\("\\\\p\{sc=Han\}\+","gu"\),'
    r'\w+=>\[\.\.\.\w+\(\w+,this\.index\.invertedIndex\)\]\.join\("\* "\)\),'
)


class WorkerPatchError(RuntimeError):
    pass


def patch_worker(site_dir: Path) -> Path:
    workers = sorted((site_dir / "assets" / "javascripts" / "workers").glob("search.*.min.js"))
    if len(workers) != 1:
        raise WorkerPatchError(f"expected one Material search worker, found {len(workers)}")
    worker = workers[0]
    text = worker.read_text("utf-8")
    patched, count = _HAN_SEGMENTATION.subn("", text, count=1)
    if count != 1:
        raise WorkerPatchError(
            f"{worker.name}: Material's Chinese query segmentation code was not found; "
            "check macros/searchpatch.py against this Material version"
        )
    worker.write_text(patched, "utf-8")
    return worker
