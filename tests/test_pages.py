from pathlib import Path

import yaml

from macros.load.kinds import KINDS
from macros.render.navigation import build_nav
from macros.render.pages import GUIDE_PAGES, generated_pages
from macros.resolve import faq
from macros.resolve.coursedocs import COURSE_OUTPUTS
from macros.resolve.faq import faq_pages
from macros.resolve.firstweek import reading_list
from macros.resolve.lists import all_list_pages
from macros.resolve.packs import pack_part_src, pack_parts
from macros.resolve.playbook import load_playbook


def _flatten(nav: object) -> list[str]:
    if isinstance(nav, str):
        return [nav]
    if isinstance(nav, dict):
        return [path for value in nav.values() for path in _flatten(value)]
    return [path for entry in nav for path in _flatten(entry)]  # type: ignore[union-attr]


def test_one_page_per_item_plus_kind_indexes(content: Path) -> None:
    playbook = load_playbook(content, root=content.parent)
    pages = {page.src: page for page in generated_pages(playbook)}
    stages = playbook.of_kind("stage")
    # plus per stage a print pack (an index and a page per sheet), the guide pages (第一周, 常见难题,
    # 矩阵), 常见难题's stage pages, the course outputs (the handout and the guide one page per day)
    # and the lists too long for their page (none in the fixture)
    packs = sum(1 + len(pack_parts(playbook, stage.id)) for stage in stages)
    outputs = sum(len(COURSE_OUTPUTS) + 2 * len(course.days) for course in playbook.of_kind("course"))
    faq = len(faq_pages(playbook))
    lists = len(all_list_pages(playbook))
    assert len(pages) == len(playbook.entries) + len(KINDS) + packs + len(GUIDE_PAGES) + faq + outputs + lists
    page = pages["forms/form-tiering.md"]
    meta = yaml.safe_load(page.markdown.split("---")[1])
    assert meta["title"] == "客户分级表"
    assert meta["tags"] == ["销售"]
    assert "{{ render_item('form-tiering') }}" in page.markdown


def test_the_newcomer_tag_keeps_only_the_first_week(content: Path) -> None:
    playbook = load_playbook(content, root=content.parent)
    week = reading_list(playbook)
    tagged = {
        page.src
        for page in generated_pages(playbook)
        if "新人" in (yaml.safe_load(page.markdown.split("---")[1]).get("tags") or [])
    }
    assert "stages/stage-one.md" in tagged and "activities/act-find.md" in tagged
    assert "techniques/tech-phone.md" not in tagged, "not on the first-week path of the fixture"
    assert len(tagged) == len(week)


def test_every_generated_page_is_in_the_nav(content: Path) -> None:
    playbook = load_playbook(content, root=content.parent)
    in_nav = _flatten(build_nav(playbook))
    for page in generated_pages(playbook):
        assert (page.src in in_nav) == page.in_nav, page.src
    assert (
        in_nav.index("stages/stage-one.md")
        < in_nav.index("activities/act-find.md")
        < in_nav.index("stages/stage-two.md")
    )


def test_a_print_pack_is_an_index_and_one_page_per_sheet(content: Path) -> None:
    playbook = load_playbook(content, root=content.parent)
    pages = {page.src: page for page in generated_pages(playbook)}
    assert pack_parts(playbook, "stage-one") == ["list-find", "form-tiering"]  # checklists, then forms
    assert not pages["packs/stage-one.md"].in_nav
    for part in pack_parts(playbook, "stage-one"):
        page = pages[pack_part_src("stage-one", part)]
        assert not page.in_nav and f"item_id={part!r}" in page.markdown
        assert yaml.safe_load(page.markdown.split("---")[1])["search"] == {"exclude": True}


def test_faq_has_a_page_per_stage_and_continues_on_numbered_pages(content: Path, monkeypatch) -> None:
    phone = content / "techniques" / "tech-phone.yml"
    phone.write_text(
        phone.read_text("utf-8").replace("[怎么打电话约客户？]", "[怎么打电话约客户？, 电话被挂断怎么办？]"),
        "utf-8",
    )
    playbook = load_playbook(content, root=content.parent)
    pages = faq_pages(playbook)
    assert [(page.src, page.title, page.count) for page in pages] == [
        ("guide/faq/stage-one.md", "常见难题：开发商机", 2),
        ("guide/faq/general.md", "常见难题：通用", 1),
    ]
    assert pages[0].groups == [("销售技巧", [
        {"question": "怎么打电话约客户？", "answer": "tech-phone"},
        {"question": "电话被挂断怎么办？", "answer": "tech-phone"},
    ])]  # fmt: skip
    monkeypatch.setattr(faq, "ROWS_PER_PAGE", 1)
    pages = faq_pages(playbook)
    srcs = ["guide/faq/stage-one.md", "guide/faq/stage-one-2.md", "guide/faq/general.md"]
    assert [page.src for page in pages] == srcs
    assert [page.name for page in pages] == ["开发商机（1/2）", "开发商机（2/2）", "通用"]
    generated = {page.src: page for page in generated_pages(playbook)}
    assert all(not generated[page.src].in_nav for page in pages)
