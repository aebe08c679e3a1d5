"""Which PDFs the site offers, where they live and what they are called when downloaded.

Pages link to these paths (render.py's ``pdf_href``); the PDF step writes the files.
"""

from __future__ import annotations

from dataclasses import dataclass

from macros.resolve.coursedocs import COURSE_OUTPUTS, course_day_srcs, course_src
from macros.resolve.packs import pack_part_src, pack_parts
from macros.resolve.playbook import Playbook
from macros.resolve.urls import page_url

FOLDER = "downloads/pdf"
BOOK = f"{FOLDER}/playbook.pdf"


@dataclass(frozen=True)
class Target:
    pdf: str  # path in the site
    page: str  # the page printed (site URL), empty for the book
    title: str  # the download's file name, without .pdf
    blank: bool = False  # print packs print as blank forms
    # Part pages (site URLs) printed after ``page`` into one PDF: a pack's sheets, a course's days.
    parts: tuple[str, ...] = ()


def course_pdf(course_id: str, output: str) -> str:
    return f"{FOLDER}/courses/{course_id}-{output}.pdf"


def pack_pdf(stage_id: str) -> str:
    return f"{FOLDER}/packs/{stage_id}.pdf"


def targets(playbook: Playbook, book: bool = True) -> list[Target]:
    found = []
    for course in playbook.of_kind("course"):
        for output, label in COURSE_OUTPUTS.items():
            page = page_url(course_src(course.id, output))
            days = tuple(page_url(src) for src in course_day_srcs(course, output))
            found.append(Target(course_pdf(course.id, output), page, f"{course.title}·{label}", parts=days))
    for stage in playbook.of_kind("stage"):
        parts = tuple(page_url(pack_part_src(stage.id, part)) for part in pack_parts(playbook, stage.id))
        found.append(
            Target(pack_pdf(stage.id), f"packs/{stage.id}.html", f"{stage.title}·打印资料包", blank=True, parts=parts)
        )
    if book:
        found.append(Target(BOOK, "", "销售作战手册"))
    return found
