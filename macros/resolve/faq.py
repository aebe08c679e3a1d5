"""常见难题 as pages: a short index, then one page per stage (and 通用), grouped by the kind of
page that answers each question.

One page with every question was 99 kB at 1× and 0.9 MB at 10×. A stage with more than
``ROWS_PER_PAGE`` questions (呈现价值 at 10× has some 1,850) continues on numbered pages, so
no page grows with the content; the index says what each page holds.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import groupby
from typing import Any

from macros.resolve.playbook import Playbook

ROWS_PER_PAGE = 400  # about 45 kB of question links: a page or two of scrolling per stage at 1×
INDEX_SRC = "guide/faq.md"


@dataclass(frozen=True)
class FaqPage:
    src: str  # guide/faq/<stage id>.md, guide/faq/<stage id>-2.md …; 通用 is "general"
    label: str  # the stage's title, or 通用
    number: int  # 1-based, among the pages of the same stage
    of: int
    groups: list[tuple[str, list[dict[str, Any]]]]  # (kind label of the answering pages, rows)

    @property
    def name(self) -> str:
        """The stage, and which of its pages this is when it has several: 呈现价值（2/5）."""
        return self.label + (f"（{self.number}/{self.of}）" if self.of > 1 else "")

    @property
    def title(self) -> str:
        return f"常见难题：{self.name}"

    @property
    def url(self) -> str:
        return self.src.removesuffix(".md") + ".html"

    @property
    def count(self) -> int:
        return sum(len(rows) for _, rows in self.groups)

    def answers(self) -> list[str]:
        return list(dict.fromkeys(row["answer"] for _, rows in self.groups for row in rows))


def _chunks(rows: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    return [rows[start : start + ROWS_PER_PAGE] for start in range(0, len(rows), ROWS_PER_PAGE)] or [[]]


def faq_pages(playbook: Playbook) -> list[FaqPage]:
    """Every FAQ page after the index, in stage order; rows keep playbook.faq()'s reading order."""

    def answer_kind(row: dict[str, Any]) -> str:
        return playbook.kind_of(row["answer"]).label

    pages: list[FaqPage] = []
    for stage, rows in playbook.faq():
        slug = stage.id if stage else "general"
        label = stage.title if stage else "通用"
        chunks = _chunks(rows)
        for number, chunk in enumerate(chunks, 1):
            groups = [(title, list(members)) for title, members in groupby(chunk, key=answer_kind)]
            src = f"guide/faq/{slug}.md" if number == 1 else f"guide/faq/{slug}-{number}.md"
            pages.append(FaqPage(src, label, number, len(chunks), groups))
    return pages
