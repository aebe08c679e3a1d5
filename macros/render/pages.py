"""The pages generated from content: one per item and one index per kind."""

from __future__ import annotations

from dataclasses import dataclass

import yaml

from macros.load.kinds import KINDS, Kind
from macros.load.models import Course
from macros.resolve.coursedocs import COURSE_OUTPUTS, course_day_srcs, course_src
from macros.resolve.faq import faq_pages
from macros.resolve.firstweek import reading_list
from macros.resolve.lists import all_list_pages
from macros.resolve.packs import pack_part_src, pack_parts, pack_src
from macros.resolve.playbook import Playbook
from macros.resolve.urls import index_path, src_path

AUDIENCE = {
    "stage": "新人", "activity": "新人", "process": "新人", "topic": "新人", "mode": "新人",
    "technique": "新人", "script": "新人", "term": "新人",
    "case": "培训师", "course": "培训师", "company": "培训师",
    "template": "销售", "checklist": "销售",
}  # fmt: skip


# Ties between pages that share a word in their titles (快刀模式 and 快刀模式第一次拜访检查清单)
# go to the page that explains it; short glossary entries rank below the page they point to.
SEARCH_BOOST = {
    "stage": 1.3, "mode": 1.3, "activity": 1.2, "technique": 1.2, "process": 1.1, "topic": 1.1,
    "template": 1.0, "script": 1.0, "course": 1.0, "checklist": 0.8, "case": 0.7, "company": 0.6, "term": 0.2,
}  # fmt: skip


@dataclass(frozen=True)
class GeneratedPage:
    src: str
    markdown: str
    in_nav: bool = True  # print packs and course outputs are reached from their page instead


def _front_matter(meta: dict[str, object]) -> str:
    return "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False) + "---\n\n"


def tags(playbook: Playbook, item_id: str, first_week: set[str]) -> list[str]:
    """The reader a page is for: 新人 only on the first-week path, 培训师 on courses, 销售 on forms.

    Kinds and stages have their index pages and the matrix; a tag that named them would make
    the tags page list every item of the playbook.
    """
    kind = playbook.kind_of(item_id).name
    if item_id in first_week:
        return ["新人"]
    return [AUDIENCE[kind]] if kind in ("course", "template") else []


def item_page(playbook: Playbook, item_id: str, first_week: set[str] = frozenset()) -> GeneratedPage:
    item = playbook.get(item_id)
    kind: Kind = playbook.kind_of(item_id)
    meta: dict[str, object] = {"title": item.title, "description": item.summary}
    if labels := tags(playbook, item_id, first_week):
        meta["tags"] = labels
    if kind.name in SEARCH_BOOST:
        meta["search"] = {"boost": SEARCH_BOOST[kind.name]}
    body = f"{{{{ render_item({item_id!r}) }}}}\n"
    return GeneratedPage(src_path(kind, item_id), _front_matter(meta) + body)


# The stage index is what the 销售流程 tab opens: tab and page title say the same.
INDEX_TITLES = {"stage": "销售流程"}


def index_page(kind: Kind) -> GeneratedPage:
    # An index lists every title of its kind: it should not outrank the pages it lists.
    meta = {"title": INDEX_TITLES.get(kind.name, kind.label), "search": {"boost": 0.3}}
    return GeneratedPage(index_path(kind), _front_matter(meta) + f"{{{{ render_index({kind.name!r}) }}}}\n")


def pack_pages(playbook: Playbook, stage_id: str, title: str) -> list[GeneratedPage]:
    """A stage's print pack: an index page, and one page per checklist or form.

    One page with every sheet of a stage grew with the stage (235 kB at 1×, 2.2 MB at 10×);
    the PDF step (macros/exports/parts.py) puts the parts back together for paper (see
    macros/resolve/packs.py).
    """
    meta = {"title": f"{title} · 打印资料包", "search": {"exclude": True}}
    body = f"{{{{ render_fragment('pack', stage_id={stage_id!r}) }}}}\n"
    pages = [GeneratedPage(pack_src(stage_id), _front_matter(meta) + body, in_nav=False)]
    for item_id in pack_parts(playbook, stage_id):
        part = {"title": f"{title}资料包：{playbook.get(item_id).title}", "search": {"exclude": True}}
        body = f"{{{{ render_fragment('pack-part', stage_id={stage_id!r}, item_id={item_id!r}) }}}}\n"
        pages.append(GeneratedPage(pack_part_src(stage_id, item_id), _front_matter(part) + body, in_nav=False))
    return pages


GUIDE_PAGES = {
    "guide/first-week.md": ("新人第一周", "first-week"),
    "guide/faq.md": ("常见难题", "faq"),
    "guide/matrix.md": ("阶段工具矩阵", "matrix"),
}


def guide_page(src: str) -> GeneratedPage:
    title, fragment = GUIDE_PAGES[src]
    meta = {"title": title, "search": {"boost": 0.5}}
    return GeneratedPage(src, _front_matter(meta) + f"{{{{ render_fragment({fragment!r}) }}}}\n")


def faq_part_pages(playbook: Playbook) -> list[GeneratedPage]:
    """常见难题's pages per stage, reached from its index (guide/faq.md) rather than the sidebar.

    Out of the search index: each question is indexed on the page that answers it.
    """
    pages = []
    for part in faq_pages(playbook):
        meta = {"title": part.title, "search": {"exclude": True}}
        body = f"{{{{ render_fragment('faq-part', src={part.src!r}) }}}}\n"
        pages.append(GeneratedPage(part.src, _front_matter(meta) + body, in_nav=False))
    return pages


def list_pages(playbook: Playbook) -> list[GeneratedPage]:
    """The lists too long for their item's page, in full (macros/resolve/lists.py); reached from that page."""
    pages = []
    for part in all_list_pages(playbook):
        title = f"{playbook.get(part.item_id).title} · {part.label}"
        meta = {"title": title + (f"（{part.number}/{part.of}）" if part.of > 1 else ""), "search": {"exclude": True}}
        body = f"{{{{ render_fragment('list', item_id={part.item_id!r}, key={part.key!r}, number={part.number}) }}}}\n"
        pages.append(GeneratedPage(part.src, _front_matter(meta) + body, in_nav=False))
    return pages


def course_pages(course: Course) -> list[GeneratedPage]:
    """Printable outputs of a course, all derived from the course file; handout and guide by day."""
    pages = []
    for output, label in COURSE_OUTPUTS.items():
        meta = {"title": f"{course.title} · {label}", "search": {"exclude": True}}
        body = f"{{{{ render_fragment('course-{output}', course=course({course.id!r})) }}}}\n"
        pages.append(GeneratedPage(course_src(course.id, output), _front_matter(meta) + body, in_nav=False))
        for number, src in enumerate(course_day_srcs(course, output), 1):
            meta = {"title": f"{course.title} · {label} · {course.days[number - 1].title}", "search": {"exclude": True}}
            body = f"{{{{ render_fragment('course-{output}-day', course=course({course.id!r}), day={number}) }}}}\n"
            pages.append(GeneratedPage(src, _front_matter(meta) + body, in_nav=False))
    return pages


def generated_pages(playbook: Playbook) -> list[GeneratedPage]:
    week = reading_list(playbook)
    pages = [item_page(playbook, item_id, week) for item_id in playbook.entries]
    pages += [index_page(kind) for kind in KINDS.values()]
    pages += [page for stage in playbook.of_kind("stage") for page in pack_pages(playbook, stage.id, stage.title)]
    pages += [guide_page(src) for src in GUIDE_PAGES]
    pages += faq_part_pages(playbook)
    pages += list_pages(playbook)
    pages += [page for course in playbook.of_kind("course") for page in course_pages(course)]
    return pages
