"""Each page's word counts per field: the bulk of building the search index, on every core.

Segmenting every page's title, aliases, questions, headings and body is most of the index's
cost, and pages are independent. With more than one core (and no other thread running, so that
forking is safe: ``mkdocs serve`` has its server threads) the pages are split between forked
processes that share the segmenter copy-on-write and send back only their counts; the result
is the same as counting in one process.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
from collections import Counter
from collections.abc import Callable, Sequence
from typing import Any

from macros.search.segment import Segmenter

Counts = tuple[dict[str, Counter[str]], int]  # per field, its counts; the body's length in words
# Below this many pages a second process costs more than it saves.
PARALLEL_FROM = 200

# What the forked workers count: set just before forking, inherited by the children.
_job: tuple[Sequence[Any], Segmenter, Callable[[Segmenter, Any], Counts]] | None = None


def _count_slice(bounds: tuple[int, int]) -> list[Counts]:
    assert _job is not None
    pages, segmenter, count = _job
    return [count(segmenter, page) for page in pages[bounds[0] : bounds[1]]]


def count_all(pages: Sequence[Any], segmenter: Segmenter, count: Callable[[Segmenter, Any], Counts]) -> list[Counts]:
    """``count(segmenter, page)`` for every page, in order."""
    workers = min(os.cpu_count() or 1, 4)
    if workers < 2 or len(pages) < PARALLEL_FROM or threading.active_count() > 1:
        return [count(segmenter, page) for page in pages]
    global _job
    _job = (pages, segmenter, count)
    try:
        step = -(-len(pages) // workers)
        slices = [(start, min(start + step, len(pages))) for start in range(0, len(pages), step)]
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            return [counts for part in pool.map(_count_slice, slices) for counts in part]
    except OSError:  # no processes to be had: count here
        return [count(segmenter, page) for page in pages]
    finally:
        _job = None
