"""Render items and index pages to Markdown through the Jinja templates in macros/render/templates/."""

from __future__ import annotations

import json
import re
from itertools import groupby
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined, pass_context, select_autoescape
from jinja2.runtime import Context
from markupsafe import Markup, escape

from macros.exports.targets import BOOK, course_pdf, pack_pdf
from macros.load import models
from macros.load.kinds import KINDS
from macros.render import manifest
from macros.render.glossary import Glossary, initial
from macros.resolve import urls
from macros.resolve.coursedocs import COURSE_OUTPUTS, course_day_src, course_src
from macros.resolve.faq import FaqPage, faq_pages
from macros.resolve.firstweek import bootcamp, first_week
from macros.resolve.lists import KIT, LABELS, PREVIEWS_UP_TO, SHOWN, ListPage, activity_scripts, list_pages, list_src
from macros.resolve.lists import page_lists as item_lists
from macros.resolve.packs import pack_parts
from macros.resolve.playbook import Playbook

TEMPLATES = Path(__file__).parent / "templates"
ROLE_NAMES = {"S": "销售", "C": "顾问", "M": "经理"}
_MARKDOWN_SPECIALS = re.compile(r"([\\`*_{}\[\]()#+\-.!<>|])")


def heading(text: str) -> Markup:
    """Content text made safe for a Markdown heading line."""
    return Markup(_MARKDOWN_SPECIALS.sub(r"\\\1", str(escape(text))))


def fnv1a(text: str) -> str:
    """32-bit FNV-1a of UTF-8 text, as 8 hex digits; pb-quiz.js computes the same."""
    value = 0x811C9DC5
    for byte in text.encode("utf-8"):
        value = ((value ^ byte) * 0x01000193) & 0xFFFFFFFF
    return f"{value:08x}"


def answer_hash(question: models.Question) -> str:
    answer = (
        "true"
        if question.truth
        else "false"
        if question.type == "truefalse"
        else ",".join(str(n) for n in sorted(question.correct))
    )
    return fnv1a(f"{question.id}:{answer}")


def course_materials(course: models.Course) -> list[str]:
    """Every item a course uses, each once, in the order it first appears."""
    seen: dict[str, None] = {}
    for day in course.days:
        for module in day.modules:
            seen.update(dict.fromkeys(module.items))
            for exercise in module.exercises:
                seen.update(dict.fromkeys(exercise.materials))
    return list(seen)


# Index pages: a list longer than GROUP_FROM is grouped (by stage, or by pinyin initial), one
# longer than COMPACT_FROM shows titles only.
BY_STAGE = ("activity", "checklist", "case")
GROUP_FROM, COMPACT_FROM = 30, 100
# Printed course documents, the editors' review report and the matrix (up to 24 × SHOWN links,
# a third of it summaries at 10×): their links carry no summary previews (a hover tip on paper
# is lost, and they were an eighth of a trainer's guide).
PREVIEWLESS = {
    "course-agenda.md.j2", "course-handout.md.j2", "course-handout-day.md.j2", "course-guide.md.j2",
    "course-guide-day.md.j2", "review.md.j2", "review-part.md.j2", "matrix.md.j2",
}  # fmt: skip
# A list longer than this (an index, a 常见难题 page, a print pack) gets a filter box (pb-filter.js).
FILTER_FROM = 20


class Renderer:
    def __init__(self, playbook: Playbook) -> None:
        self.playbook = playbook
        self.glossary = Glossary(playbook.of_kind("term"))
        self._faq: list[FaqPage] | None = None
        self.env = Environment(
            loader=FileSystemLoader(TEMPLATES),
            autoescape=select_autoescape(default=True, default_for_string=True),
            undefined=StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
            # Headings carry Markdown anchors like {#goal}, so comments use <# … #>.
            comment_start_string="<#",
            comment_end_string="#>",
        )
        self.env.filters["heading"] = heading
        self.env.filters["groupby_kind"] = self._by_kind
        self.env.globals.update(
            pb=playbook,
            kinds=KINDS,
            roles=ROLE_NAMES,
            link=self._link,
            href=self._href,
            index_href=self._index_href,
            root=self._root,
            gloss=self._gloss,
            clock=self._clock,
            clock_minutes=models.clock_minutes,
            fill_letter=self._fill_letter,
            tiers_data=lambda tiers: [tier.model_dump() for tier in tiers],
            scoring_data=self._scoring_data,
            quiz_data=self._quiz_data,
            course_materials=course_materials,
            # Dates and reviews, when the build has them (macros/freshview.py replaces these).
            fresh=None,
            review_pages=list,  # the review report's part pages (freshview.template_globals)
            changelog=None,
            by_note=self._by_note,
            check_change=lambda checklist_id, item_id: (None, None),
            version_date=lambda item_id: None,
            site_href=self._site_href,
            course_pdf=course_pdf,
            pack_pdf=pack_pdf,
            pack_parts=lambda stage_id: pack_parts(playbook, stage_id),
            filter_from=FILTER_FROM,
            faq_pages=self._faq_pages,
            book_pdf=BOOK,
            course_outputs=COURSE_OUTPUTS,
            # A course document's page (its index page, or day ``day`` of a handout or guide), as a site URL.
            course_page=lambda course_id, output, day=0: urls.page_url(
                course_day_src(course_id, output, day) if day else course_src(course_id, output)
            ),
            week=first_week(playbook),
            page_data=self._page_data,
            stage_script=manifest.stage_script,
            bootcamp=bootcamp(playbook),
            # Lists that grow with the content: the first list_shown, then a list page (resolve/lists.py).
            list_shown=SHOWN,
            list_previews=PREVIEWS_UP_TO,
            list_labels=LABELS,
            kit_labels=KIT,
            page_lists=lambda item_id: item_lists(playbook, item_id),
            activity_scripts=lambda activity: activity_scripts(playbook, activity),
            list_href=self._list_href,
            list_page=self._list_page,
        )

    # ------------------------------------------------------------ pages

    def item(self, item_id: str, page_url: str) -> str:
        entry = self.playbook.entries[item_id]
        return self._render(f"{entry.kind.name}.md.j2", page_url, item=entry.item, kind=entry.kind)

    def index(self, kind_name: str, page_url: str) -> str:
        kind = KINDS[kind_name]
        items = self.playbook.of_kind(kind_name)
        if kind_name in BY_STAGE and len(items) > GROUP_FROM:
            stage_title = lambda item: (s := self.playbook.stage_of(item.id)) and s.title or "其他"  # noqa: E731
            groups = [(title, list(members)) for title, members in groupby(items, key=stage_title)]
        elif kind_name == "term" or len(items) > GROUP_FROM:
            groups = [(letter, list(members)) for letter, members in groupby(items, key=initial)]
        else:
            groups = [(kind.label, items)]
        # A long list (10× content) names each item only: summaries would make the page grow without bound.
        compact = len(items) > COMPACT_FROM
        return self._render("index.md.j2", page_url, kind=kind, items=items, groups=groups, compact=compact)

    def fragment(self, template: str, page_url: str, **context: Any) -> str:
        return self._render(template, page_url, **context)

    def _render(self, template: str, page_url: str, **context: Any) -> str:
        seen: set[str] = set()
        if isinstance(context.get("item"), models.Term):
            seen.add(context["item"].id)  # a term's own page does not annotate itself
        # An item's summary previews on its first link, except in PREVIEWLESS documents.
        previewed: set[str] = set(self.playbook.entries) if template in PREVIEWLESS else set()
        return self.env.get_template(template).render(page_url=page_url, glossed=seen, previewed=previewed, **context)

    # ------------------------------------------------------------ template helpers

    def _faq_pages(self) -> list[FaqPage]:
        """常见难题's pages, worked out once: each of them and the index asks for all of them."""
        if self._faq is None:
            self._faq = faq_pages(self.playbook)
        return self._faq

    @pass_context
    def _href(self, context: Context, item_id: str) -> str:
        kind = self.playbook.kind_of(item_id)
        return urls.relative(urls.src_path(kind, item_id), context["page_url"])

    @pass_context
    def _root(self, context: Context) -> str:
        """The relative path from the current page to the site root, ending in "/" (or empty)."""
        return urls.relative("index.md", context["page_url"]).removesuffix("index.html")

    @pass_context
    def _site_href(self, context: Context, path: str) -> str:
        """A link from the current page to a file of the site (a PDF, a download)."""
        return urls.link_path(path, context["page_url"])

    @pass_context
    def _list_href(self, context: Context, item_id: str, key: str, number: int = 1) -> str:
        return urls.relative(list_src(self.playbook, item_id, key, number), context["page_url"])

    def _list_page(self, item_id: str, key: str, number: int) -> ListPage:
        return next(page for page in list_pages(self.playbook, item_id) if page.key == key and page.number == number)

    def _by_kind(self, ids: list[str]) -> list[tuple[str, list[str]]]:
        """Ids grouped by the label of their kind, groups in the order they first come."""
        groups: dict[str, list[str]] = {}
        for item_id in ids:
            groups.setdefault(self.playbook.kind_of(item_id).label, []).append(item_id)
        return list(groups.items())

    @pass_context
    def _index_href(self, context: Context, kind_name: str) -> str:
        return urls.relative(urls.index_path(KINDS[kind_name]), context["page_url"])

    @pass_context
    def _link(self, context: Context, item_id: str, label: str | None = None) -> Markup:
        item = self.playbook.get(item_id)
        kind = self.playbook.kind_of(item_id)
        # The first link to an item on a page previews its summary; later ones name only the kind,
        # which keeps long listings (常见难题, the matrix) from repeating each summary dozens of times.
        previewed = context["previewed"]
        title = kind.label if item_id in previewed else f"{kind.label}：{item.summary}"
        previewed.add(item_id)
        return Markup('<a class="pb-ref pb-ref-{}" href="{}" title="{}">{}</a>').format(
            kind.name, self._href(context, item_id), title, label or item.title
        )

    @pass_context
    def _gloss(self, context: Context, text: str | None) -> Markup:
        if not text:
            return Markup("")
        return self.glossary.annotate(text, context["glossed"], lambda term_id: self._href(context, term_id))

    @pass_context
    def _quiz_data(self, context: Context, course: models.Course) -> list[dict[str, Any]]:
        """Questions for the in-browser quiz. Answers travel only as hashes: no key in the page
        (explanations and right options come from quiz.key_script after handing in)."""
        return [
            {
                "id": question.id,
                "type": question.type,
                "hash": answer_hash(question) if question.type != "short" else None,
                "ref": {"title": self.playbook.get(question.ref).title, "href": self._href(context, question.ref)},
            }
            for question in course.quiz
        ]

    def _scoring_data(self, scoring: models.Scoring) -> dict[str, Any]:
        """The scoring rule for the calculator, with each band's mode and its visit program."""
        bands = []
        for band in scoring.bands:
            mode = self.playbook.get(band.mode)
            bands.append(
                {
                    **band.model_dump(),
                    "mode_title": mode.title,
                    "url": urls.page_url(urls.item_src("mode", mode.id)),
                    "visits": [f"第 {visit.number} 次：{visit.title}" for visit in mode.visits],
                }
            )
        return {"criteria": [criterion.model_dump() for criterion in scoring.criteria], "bands": bands}

    def _page_data(self, checklists: list[str] = (), templates: list[str] = ()) -> Markup:
        """The checklists and forms this page's scripts need, as JSON pb-core.js merges into PB.manifest."""
        data = json.dumps(manifest.page_data(self.playbook, list(checklists), list(templates)), ensure_ascii=False)
        # "<" escaped: the JSON can never close its script element.
        data = data.replace("<", "\\u003c")
        return Markup(f'<script type="application/json" class="pb-data">{data}</script>')

    @staticmethod
    def _by_note(lines: list[Any]) -> list[tuple[str, list[Any]]]:
        """Change-log lines that share their note, together, in the order the notes first come.

        One commit often touches dozens of items: its message written once per item was half of
        更新记录 (71 kB of notes, 7 kB of them different). Lines without a note stand alone.
        """
        groups: dict[str, list[Any]] = {}
        order: list[tuple[str, list[Any]]] = []
        for line in lines:
            note = "；".join(line.descriptions)
            if not note:
                order.append(("", [line]))
                continue
            if note not in groups:
                groups[note] = []
                order.append((note, groups[note]))
            groups[note].append(line)
        return order

    @staticmethod
    def _fill_letter(paragraph: str, template: models.Template) -> Markup:
        """A letter paragraph with each {field-id} shown as a marked slot the form fills."""
        labels = {field.id: field.label for field in template.fields()}
        parts = models.LETTER_SLOT.split(paragraph)
        html = Markup("")
        for index, part in enumerate(parts):
            if index % 2:
                html += Markup('<span class="pb-slot" data-field="{}">【{}】</span>').format(part, labels[part])
            else:
                html += escape(part)
        return html

    @staticmethod
    def _clock(minutes: int) -> str:
        return f"{minutes // 60:02d}:{minutes % 60:02d}"
