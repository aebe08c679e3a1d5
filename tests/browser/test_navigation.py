"""Ways in and around the site: readers' entries, sidebar order, file:// links, the phone layout."""

from __future__ import annotations

import re
from urllib.parse import unquote, urlsplit

from playwright.sync_api import Page, expect

from macros.render.glossary import pinyin_key

from ..conftest import Site

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1400, "height": 900}


def _in_first_screen(page: Page, selector: str) -> None:
    box = page.locator(selector).bounding_box()
    assert box is not None and box["y"] + box["height"] <= page.viewport_size["height"], selector


def test_each_reader_has_an_entry_in_the_first_screen(page: Page, site_url: str) -> None:
    for size in (DESKTOP, PHONE):
        page.set_viewport_size(size)
        page.goto(site_url + "index.html")
        for reader in ("newcomer", "rep", "trainer"):
            _in_first_screen(page, f".pb-entry[data-reader={reader}]")
    page.evaluate("PB.store.create({customer: '星河物流', name: '仓储系统'})")
    page.reload()
    expect(page.locator(".pb-entry[data-reader=rep]")).to_contain_text("星河物流 · 仓储系统")
    page.locator(".pb-entry[data-reader=newcomer]").click()
    expect(page.locator("h1")).to_have_text("新人第一周")
    expect(page.locator("article a.pb-ref-course").first).to_have_text("新人销售训练营")
    page.goto(site_url + "index.html")
    page.locator(".pb-entry[data-reader=trainer]").click()
    expect(page).to_have_url(site_url + "courses/index.html")


def test_a_sidebar_lists_techniques_in_pinyin_order_around_the_current_page(page: Page, site_url: str) -> None:
    page.set_viewport_size(DESKTOP)
    page.goto(site_url + "techniques/phone-skills.html")
    section = page.locator(
        "xpath=//nav[contains(@class,'md-nav--primary')]//li[./div/a[normalize-space(.)='销售技巧']]"
    ).first
    items = section.locator("xpath=./nav/ul/li[not(contains(@class,'pb-nav-more'))]/a[contains(@class,'md-nav__link')]")
    titles = [t.strip() for t in items.all_inner_texts()]
    assert "电话技巧" in titles and len(titles) <= 8, titles
    assert titles == sorted(titles, key=pinyin_key), titles
    more = section.locator("xpath=./nav/ul/li[contains(@class,'pb-nav-more')]/a")
    expect(more).to_contain_text("全部")
    more.click()
    expect(page).to_have_url(site_url + "techniques/index.html")


def test_the_cycle_tab_page_title_and_first_links_agree(page: Page, site_url: str) -> None:
    page.set_viewport_size(DESKTOP)
    page.goto(site_url + "index.html")
    page.locator(".md-tabs__link", has_text="销售流程").click()
    expect(page.locator("h1")).to_have_text("销售流程")
    links = page.locator(".md-nav--primary a.md-nav__link:not(.md-nav__link--active)")
    labels = [t.strip() for t in links.all_inner_texts() if t.strip()]
    assert labels.index("整体流程：三个决策点、翻盘与参考案例闭环") < labels.index("开发商机")
    assert labels.count("开发商机") == 1, "the stage section's label is its link, not repeated"


def test_every_chrome_link_opens_a_file_from_a_file_share(page: Page, built_site: Site) -> None:
    root = built_site.folder
    for name in ("techniques/phone-skills.html", "stages/develop-opportunity.html", "404.html"):
        page.goto((root / name).as_uri())
        failed: list[str] = []
        for href in page.eval_on_selector_all(
            "header a[href], nav a[href], footer a[href], link[href]:not([rel=canonical]), script[src]",
            "nodes => nodes.map(n => n.href || n.src)",
        ):
            parts = urlsplit(href)
            if parts.scheme != "file":
                failed.append(href)
                continue
            target = unquote(parts.path)
            if not target.startswith(str(root)) or not (root / target[len(str(root)) + 1 :]).is_file():
                failed.append(href)
        assert failed == [], (name, failed[:5])


def test_on_a_phone_the_title_deal_selector_and_dialogue_fit(page: Page, site_url: str) -> None:
    page.set_viewport_size(PHONE)
    page.goto(site_url + "scripts/phone-appointment.html")
    title = page.locator(".md-header__title .md-header__topic").first
    assert title.evaluate("n => n.scrollWidth <= n.clientWidth + 1"), "the title is cut off"
    expect(title).to_contain_text("销售作战手册")
    select = page.locator("#pb-current-deal")
    fits = select.evaluate(
        """n => { const probe = document.createElement("span");
        probe.style.cssText = "position:absolute;white-space:nowrap"; probe.style.font = getComputedStyle(n).font;
        probe.textContent = n.options[n.selectedIndex].text;
        document.body.appendChild(probe); const wide = probe.getBoundingClientRect().width; probe.remove();
        return [wide, n.clientWidth]; }"""
    )
    assert fits[0] <= fits[1] - 16, ("the deal selector's text is cut off", fits)
    box = select.bounding_box()
    assert box is not None and box["x"] + box["width"] <= 390
    speaker = page.locator(".pb-say .pb-speaker").first.bounding_box()
    words = page.locator(".pb-say .pb-words").first.bounding_box()
    assert speaker is not None and words is not None
    assert words["width"] > 0.7 * 390 - 40, "the speaker column takes the width of the words"
    assert page.evaluate("document.documentElement.scrollWidth") <= 390


def test_a_long_index_page_filters_its_list_as_the_reader_types(page: Page, built_site: Site) -> None:
    # From a file share, keyboard only: Tab reaches the box, typing filters, Escape clears.
    page.set_viewport_size(DESKTOP)
    page.goto((built_site.folder / "glossary" / "index.html").as_uri())
    box = page.get_by_label("筛选本页")
    expect(box).to_be_visible()
    entries = page.locator("ul.pb-filterable > li")
    total = entries.count()
    assert total > 20
    for _ in range(200):
        page.keyboard.press("Tab")
        if box.evaluate("n => n === document.activeElement"):
            break
    else:
        raise AssertionError("Tab never reaches the filter box")
    page.keyboard.type("客户")
    shown = page.locator("ul.pb-filterable > li:not([hidden])")
    texts = shown.all_inner_texts()
    assert 0 < len(texts) < total and all("客户" in text for text in texts), texts
    expect(page.locator(".pb-filter-status")).to_have_text(f"显示 {len(texts)} 条，共 {total} 条")
    # A group left with no entry hides its heading and its link in the jump line.
    empty = page.locator("ul.pb-filterable[hidden]")
    assert empty.count() > 0
    heading = empty.first.evaluate("n => n.previousElementSibling.id")
    expect(page.locator(f"#{heading}")).to_be_hidden()
    expect(page.locator(f'.pb-index-groups a[href="#{heading}"]')).to_be_hidden()
    page.keyboard.type("没有这个词")
    expect(page.locator(".pb-filter-status")).to_contain_text("没有含“客户没有这个词”的条目")
    page.keyboard.press("Escape")
    expect(box).to_have_value("")
    assert page.locator("ul.pb-filterable > li:not([hidden])").count() == total


def test_faq_is_an_index_and_a_page_per_stage_grouped_by_what_answers(page: Page, site_url: str) -> None:
    page.goto(site_url + "guide/faq.html")
    stages = page.locator("ul.pb-faq-index > li > a")
    assert stages.all_inner_texts()[:2] == ["开发商机", "引导需求"]
    stages.first.click()
    expect(page.locator("h1")).to_have_text("常见难题：开发商机")
    groups = [text.strip() for text in page.locator("article h2").all_inner_texts()]
    assert groups[:2] == ["销售阶段", "关键活动"], groups
    question = page.locator("ul.pb-faq a", has_text="商机评估表怎么打分？")
    expect(question).to_have_attribute("href", re.compile(r"/activities/assess-opportunity\.html$"))
    page.locator(".pb-faq-nav a", has_text="下一页").click()
    expect(page.locator("h1")).to_have_text("常见难题：引导需求")


def test_a_print_pack_lists_its_sheets_and_each_sheet_prints_alone(page: Page, site_url: str) -> None:
    page.goto(site_url + "packs/develop-opportunity.html")
    sheets = page.locator("ol.pb-pack-parts a")
    first = sheets.first.inner_text()
    assert sheets.count() >= 3 and first.startswith("检查清单：")
    sheets.first.click()
    expect(page.locator("section.pb-pack-part h2")).to_have_text(first)
    expect(page.locator(".pb-print-bar [data-print=blank]")).to_be_visible()
    page.locator(".pb-pack-nav a", has_text="资料包").first.click()
    expect(page).to_have_url(site_url + "packs/develop-opportunity.html")


def test_a_handout_is_an_index_and_a_page_per_day(page: Page, site_url: str) -> None:
    page.goto(site_url + "courses/key-account-retention-course-handout.html")
    days = page.locator("ol.pb-course-days a")
    expect(days).to_have_count(3)
    expect(page.locator("#outcomes")).to_be_visible()
    days.nth(1).click()
    expect(page.locator("section.pb-course-day h2")).to_have_text(re.compile("^第二天"))
    expect(page.locator(".pb-print-bar button")).to_have_text("打印这一天")
    page.locator(".pb-pack-nav a", has_text="下一天").click()
    expect(page.locator("section.pb-course-quiz h2")).to_have_text("课后测验")  # the last day ends with the quiz
    page.locator(".pb-pack-nav a", has_text="学员讲义").click()
    expect(page).to_have_url(site_url + "courses/key-account-retention-course-handout.html")
