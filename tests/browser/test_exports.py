"""Issue 15: the PDF step prints every course output, every stage pack and the whole book.

Runs the real step (``macros.exports.pdf.build``) once on the small fixture site.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from playwright.sync_api import Browser
from pypdf import PdfReader

from macros.exports.pdf import Printed, build
from macros.exports.targets import BOOK, course_pdf, pack_pdf, targets
from macros.resolve.playbook import Playbook, load_playbook

from ..conftest import VALID, Site
from .printing import ink, page_image, pdf_text, squeeze


@pytest.fixture(scope="module")
def playbook() -> Playbook:
    return load_playbook(VALID)


@pytest.fixture(scope="module")
def printed(fixture_site: Site, playbook: Playbook, browser: Browser) -> list[Printed]:
    return build(fixture_site.folder, playbook, browser=browser)


def _outline(pdf: Path) -> list[tuple[int, str, int]]:
    reader = PdfReader(str(pdf))
    found: list[tuple[int, str, int]] = []

    def walk(items: list, depth: int) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item, depth + 1)
            else:
                found.append((depth, str(item.title), reader.get_destination_page_number(item) + 1))

    walk(reader.outline, 0)
    return found


def test_every_pdf_is_printed_on_a4_with_fonts_embedded(
    printed: list[Printed], fixture_site: Site, playbook: Playbook
) -> None:
    assert [p.target.pdf for p in printed] == [t.pdf for t in targets(playbook)]
    expected = {course_pdf("course-one", out) for out in ("agenda", "handout", "guide")}
    expected |= {pack_pdf("stage-one"), pack_pdf("stage-two"), BOOK}
    assert {p.target.pdf for p in printed} == expected
    for item in printed:
        pdf = fixture_site.folder / item.target.pdf
        assert item.pages == len(PdfReader(str(pdf)).pages) >= 1
        info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
        assert "(A4)" in info, item.target.pdf
        fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout.splitlines()[
            2:
        ]
        assert fonts and all(line.split()[-5] == "yes" for line in fonts), f"{item.target.pdf}: a font is not embedded"


def test_course_pdfs_have_page_numbers_header_and_bookmarks(
    printed: list[Printed], fixture_site: Site, tmp_path: Path
) -> None:
    guide = fixture_site.folder / course_pdf("course-one", "guide")
    total = len(PdfReader(str(guide)).pages)
    text = pdf_text(guide, 1, 1)
    assert "销售作战手册 · 新人训练营 · 讲师手册" in text
    assert f"第1页/共{total}页" in squeeze(text)
    titles = [title for _, title, _ in _outline(guide)]
    assert "时间安排" in titles and "测验答案" in titles
    image = page_image(guide, 1, tmp_path)
    assert ink(image, 0, 0.06) > 0 and ink(image, 0.95, 1) > 0
    handout = pdf_text(fixture_site.folder / course_pdf("course-one", "handout"))
    assert "讲师提示" not in handout and "参考答案" not in handout
    # Assembled from the index page and the day pages: the days and the quiz, not the site's day list.
    assert "学习成果" in handout and "课后测验" in handout and "按天分页" not in handout
    assert "练习：" in handout


def test_pack_pdf_is_blank_with_choices_to_tick(printed: list[Printed], fixture_site: Site) -> None:
    text = squeeze(pdf_text(fixture_site.folder / pack_pdf("stage-one")))
    assert "表单：客户分级表" in text and "□战略客户□重点客户□普通客户" in text
    assert "销售作战手册·第一阶段·打印资料包" in text or "打印资料包" in text


def test_the_book_has_contents_with_the_pages_its_bookmarks_point_to(
    printed: list[Printed], fixture_site: Site
) -> None:
    pdf = fixture_site.folder / BOOK
    marks = _outline(pdf)
    parts = [title for depth, title, _ in marks if depth == 0]
    assert {"销售流程", "技巧与话术", "表单与清单", "培训", "术语表"} <= set(parts)
    contents = subprocess.run(["pdftotext", "-raw", "-f", "2", "-l", "2", str(pdf), "-"],
                              capture_output=True, text=True, check=True).stdout  # fmt: skip
    assert "目录" in contents
    # Chapters sit in a group under a part: their bookmarks are two levels down.
    chapters = {title: page for depth, title, page in marks if depth == 2}
    for title in ("电话技巧", "电话约见", "客户分级表", "挖掘潜在商机检查清单", "新人训练营"):
        listed = re.search(rf"^{re.escape(title)} (\d+)$", contents, re.MULTILINE)
        assert listed, f"{title} is in the contents"
        assert int(listed.group(1)) == chapters[title], title
        assert title in pdf_text(pdf, chapters[title], chapters[title])
    # Links between chapters stay inside the book.
    reader = PdfReader(str(pdf))
    external = [
        annotation.get_object()["/A"].get("/URI")
        for page in reader.pages
        for annotation in page.get("/Annots") or []
        if "/A" in annotation.get_object() and "/URI" in annotation.get_object()["/A"]
    ]
    assert not [uri for uri in external if "127.0.0.1" in str(uri)], "a chapter links out of the book"


def test_pages_link_to_their_pdfs(printed: list[Printed], fixture_site: Site) -> None:
    folder = fixture_site.folder
    links = {
        "courses/course-one.html": ["../downloads/pdf/courses/course-one-handout.pdf",
                                    "../downloads/pdf/courses/course-one-guide.pdf"],
        "courses/course-one-agenda.html": ["../downloads/pdf/courses/course-one-agenda.pdf"],
        "packs/stage-one.html": ["../downloads/pdf/packs/stage-one.pdf"],
        "stages/stage-one.html": ["../downloads/pdf/packs/stage-one.pdf"],
        "index.html": ["downloads/pdf/playbook.pdf"],
    }  # fmt: skip
    for page, hrefs in links.items():
        html = (folder / page).read_text("utf-8")
        for href in hrefs:
            assert f'href="{href}"' in html, (page, href)
            assert (folder / page).parent.joinpath(href).resolve().is_file(), href
