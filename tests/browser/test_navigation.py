"""Ways in and around the site: readers' entries, sidebar order, file:// links, the phone layout."""

from __future__ import annotations

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
