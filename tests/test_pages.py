from pathlib import Path

import yaml

from macros.load.kinds import KINDS
from macros.render.navigation import build_nav
from macros.render.pages import COURSE_OUTPUTS, GUIDE_PAGES, generated_pages
from macros.resolve.faq import faq_pages
from macros.resolve.firstweek import reading_list
from macros.resolve.packs import pack_parts
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
    # 矩阵), 常见难题's stage pages and the course outputs
    packs = sum(1 + len(pack_parts(playbook, stage.id)) for stage in stages)
    outputs = len(playbook.of_kind("course")) * len(COURSE_OUTPUTS)
    faq = len(faq_pages(playbook))
    assert len(pages) == len(playbook.entries) + len(KINDS) + packs + len(GUIDE_PAGES) + faq + outputs
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
