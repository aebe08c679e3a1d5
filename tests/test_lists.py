"""Lists that grow with the content stay capped on their page, and their list pages hold them all."""

from __future__ import annotations

import re
from datetime import datetime

import pytest

from bench.synth import make_synthetic
from macros.render.manifest import stage_data
from macros.render.markdown import Renderer
from macros.render.pagebody import source_files
from macros.render.pages import generated_pages
from macros.resolve import urls
from macros.resolve.lists import BACKLINKS, KIT, ROWS_PER_PAGE, SHOWN, all_list_pages, list_src, page_lists
from macros.resolve.playbook import Playbook, load_playbook
from macros.resolve.review import REVIEW_ROWS, Report, Status, owner_starts, review_pages


@pytest.fixture(scope="module")
def big(tmp_path_factory: pytest.TempPathFactory) -> Playbook:
    """The real content at 3×: every stage's toolkit and the busiest pages' referrers pass SHOWN."""
    made = make_synthetic(tmp_path_factory.mktemp("synth") / "content", 3)
    return load_playbook(made, root=made.parent)


def _links(html: str) -> int:
    return html.count("<li>")


def test_a_stage_page_shows_at_most_SHOWN_of_each_list_and_links_to_all_of_it(big: Playbook) -> None:
    renderer = Renderer(big)
    capped = 0
    for stage in big.of_kind("stage"):
        url = urls.page_url(urls.item_src("stage", stage.id))
        html = renderer.item(stage.id, url)
        groups = re.findall(r'<div class="pb-kit-group">(.*?)</div>', html, re.S)
        lists = page_lists(big, stage.id)
        assert len(groups) == len([key for key in KIT if key in lists])
        for key, group in zip([key for key in KIT if key in lists], groups, strict=True):
            assert _links(group) == min(len(lists[key]), SHOWN)
            if len(lists[key]) > SHOWN:
                capped += 1
                link = urls.relative(list_src(big, stage.id, key), url)
                assert f'<a href="{link}">全部 {len(lists[key])} 个{KIT[key]}</a>' in group
        back = html[html.index("## 引用它的") :]
        assert _links(back.split("</ul>")[0]) <= SHOWN
        assert "class=\"pb-data\"" not in html, "the progress line's data is in assets/playbook/stage-<id>.js"
    assert capped >= 6, "at 3× several toolkits are longer than SHOWN"


def test_a_busy_item_lists_SHOWN_referrers_and_links_to_the_rest(big: Playbook) -> None:
    busiest = max(big.entries, key=lambda item_id: len(page_lists(big, item_id).get(BACKLINKS, [])))
    back = page_lists(big, busiest)[BACKLINKS]
    assert len(back) > SHOWN
    url = urls.page_url(urls.src_path(big.kind_of(busiest), busiest))
    html = Renderer(big).item(busiest, url)
    section = html[html.index("## 引用它的") :]
    assert _links(section.split("</ul>")[0]) == SHOWN
    assert f"全部 {len(back)} 个引用本页的条目" in section


def test_list_pages_hold_every_item_of_the_list_once_and_stay_short(big: Playbook) -> None:
    parts = all_list_pages(big)
    assert parts
    by_list: dict[tuple[str, str], list[str]] = {}
    for part in parts:
        assert len(part.ids) <= ROWS_PER_PAGE
        by_list.setdefault((part.item_id, part.key), []).extend(part.ids)
    for (item_id, key), ids in by_list.items():
        assert ids == page_lists(big, item_id)[key]
    pages = {page.src: page for page in generated_pages(big)}
    files = source_files(big)
    renderer = Renderer(big)
    for part in parts[:40]:
        assert not pages[part.src].in_nav
        assert files[part.src] == big.entries[part.item_id].file
        html = renderer.fragment(
            "list.md.j2", part.url, item_id=part.item_id, key=part.key, number=part.number
        )  # fmt: skip
        assert _links(html) == len(part.ids)


def test_the_matrix_caps_each_cell_and_links_it_to_the_stage_list(big: Playbook) -> None:
    html = Renderer(big).fragment("matrix.md.j2", "guide/matrix.html")
    for cell in re.findall(r"<td>(.*?)</td>", html):
        assert cell.count("pb-ref ") <= SHOWN
    for stage in big.of_kind("stage"):
        scripts = big.stage_kit(stage.id)["scripts"]
        if len(scripts) > SHOWN:
            link = urls.relative(list_src(big, stage.id, "scripts"), "guide/matrix.html")
            assert f'href="{link}">全部 {len(scripts)} 个' in html


def test_a_stage_progress_line_gets_item_ids_not_their_text(big: Playbook) -> None:
    stage = big.of_kind("stage")[0]
    data = stage_data(big, stage.id)
    assert data["checklists"]
    for entry in data["checklists"].values():
        assert entry["items"] and all(set(item) == {"id"} for item in entry["items"])


def test_the_review_report_splits_into_pages_of_REVIEW_ROWS() -> None:
    late = Status("销售运营", datetime(2026, 1, 1).date(), False, 90, datetime(2026, 4, 1).date(), 30)
    never = {"培训组": [f"item-{n}" for n in range(2 * REVIEW_ROWS + 5)], "法务": ["contract"]}
    report = Report({"销售运营": [("late", late)]}, never, {}, 2 * REVIEW_ROWS + 7)
    pages = review_pages(report)
    assert [(page.part, page.number, page.of) for page in pages] == [
        ("overdue", 1, 1), ("never", 1, 3), ("never", 2, 3), ("never", 3, 3),
    ]  # fmt: skip
    assert pages[1].src == "maintenance/review/never.md" and pages[3].src == "maintenance/review/never-3.md"
    assert all(len(page.rows) <= REVIEW_ROWS for page in pages)
    assert [row for page in pages[1:] for _, row in page.rows] == never["培训组"] + never["法务"]
    assert owner_starts(pages, "never")["法务"] is pages[3]
