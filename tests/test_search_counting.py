from collections import Counter

import pytest

from macros.search import counting
from macros.search.segment import Segmenter


def _count(segmenter: Segmenter, text: str) -> counting.Counts:
    words = segmenter.words(text)
    return {"body": Counter(words)}, len(words)


def test_counting_in_forked_processes_gives_what_one_process_gives(monkeypatch: pytest.MonkeyPatch) -> None:
    segmenter = Segmenter({"客户", "拜访", "报价"}, {"首期款"})
    pages = [f"第{n}次拜访客户，谈首期款和报价。" * (n % 5 + 1) for n in range(40)]
    alone = [_count(segmenter, page) for page in pages]
    monkeypatch.setattr(counting, "PARALLEL_FROM", 10)
    monkeypatch.setattr(counting.os, "cpu_count", lambda: 2)
    assert counting.count_all(pages, segmenter, _count) == alone
    assert counting._job is None  # nothing left behind for the next build


def test_with_other_threads_running_it_counts_in_this_process(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(counting, "PARALLEL_FROM", 1)
    monkeypatch.setattr(counting.threading, "active_count", lambda: 3)  # as under mkdocs serve
    forked = []
    monkeypatch.setattr(counting.multiprocessing, "get_context", lambda *a: forked.append(a))
    segmenter = Segmenter({"客户"})
    assert counting.count_all(["客户"] * 3, segmenter, _count) == [_count(segmenter, "客户")] * 3
    assert forked == []
