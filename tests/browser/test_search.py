"""Search in Chromium: the ranking rules on a small index, then the real site over http and file://."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urlparse

import pytest
from playwright.sync_api import Page

from macros.search.build import browser_key, encode_postings
from macros.search.segment import Segmenter
from macros.search.words import INTENTS, WEAK

from ..conftest import ROOT, Site
from .conftest import search

ENGINE = ROOT / "docs" / "assets" / "javascripts" / "search" / "engine.js"


def _index(docs: list[tuple[str, str, str]], scores: dict[str, dict[int, int]], **extra: object) -> dict:
    """A hand-made index: docs are (url, title, kind); scores are word → {doc: score × 100}."""
    return {
        "version": 1,
        "site": sorted({word for word in scores} | {word for word in WEAK if len(word) >= 2}),
        "function": "的了吗",
        "synonyms": extra.get("synonyms", []),
        "weak": [word for word in WEAK if len(word) >= 2],
        "intents": list(INTENTS),
        "docs": [[url, title, kind, f"{title}的摘要", [], [], [], 1.0] for url, title, kind in docs],
        "terms": {word: encode_postings(postings) for word, postings in scores.items()},
    }


def _rank(page: Page, index: dict, query: str) -> list[str]:
    page.set_content("<html><body></body></html>")
    page.add_script_tag(path=str(ENGINE))
    return page.evaluate(
        "([index, query]) => { const e = new PBSearch.Engine(index);"
        " return e.rank(query, 10).map(r => index.docs[r.doc][0]); }",
        [index, query],
    )


def test_a_page_whose_title_is_the_query_ranks_first(page: Page) -> None:
    docs = [("stages/a.html", "呈现价值", "stage"), ("forms/quote.html", "报价", "template")]
    index = _index(docs, {"报价": {0: 5000, 1: 300}})
    assert _rank(page, index, "报价") == ["forms/quote.html", "stages/a.html"]
    assert _rank(page, index, "报价！")[0] == "forms/quote.html", "punctuation does not matter"


def test_a_page_with_the_query_as_alias_ranks_above_the_glossary_entry_of_that_name(page: Page) -> None:
    docs = [("glossary/spin.html", "SPIN", "term"), ("techniques/spin.html", "SPIN 提问", "technique")]
    index = _index(docs, {"spin": {0: 300, 1: 900}, "是什么": {}})
    index["docs"][1][4] = ["SPIN"]
    index["docs"][0][6] = [1]  # the entry points to the technique
    assert _rank(page, index, "SPIN") == ["techniques/spin.html", "glossary/spin.html"]
    assert _rank(page, index, "SPIN 是什么")[0] == "glossary/spin.html", "a definition is asked for"
    index["docs"][1][4] = []
    assert _rank(page, index, "SPIN") == ["glossary/spin.html", "techniques/spin.html"], "no page claims the name"


def test_a_definition_asked_for_by_a_pages_other_name_finds_its_glossary_entry(page: Page) -> None:
    docs = [("modes/quick.html", "快刀模式", "mode"), ("glossary/quick.html", "快刀模式", "term")]
    index = _index(docs, {"快刀": {0: 1500, 1: 100}, "快刀模式": {0: 2000, 1: 1000}, "是啥": {}})
    index["docs"][0][4] = ["快刀"]
    index["docs"][1][6] = [0]
    assert _rank(page, index, "快刀是啥") == ["glossary/quick.html", "modes/quick.html"]
    assert _rank(page, index, "快刀")[0] == "modes/quick.html", "no definition asked for"


def test_names_match_exactly_without_particles_and_tai(page: Page) -> None:
    docs = [("processes/cycle.html", "整体流程", "process"), ("scripts/long.html", "决策流程", "script")]
    index = _index(docs, {"决策": {0: 900, 1: 300}, "流程": {0: 900, 1: 300}, "太长": {}})
    index["docs"][1][4] = ["决策流程长"]
    assert _rank(page, index, "决策流程太长")[0] == "scripts/long.html"
    assert _rank(page, index, "决策流程长了吗")[0] == "scripts/long.html"
    assert _rank(page, index, "决策流程")[0] == "scripts/long.html", "the exact title still wins"


def test_asking_for_a_case_picks_a_case_but_a_reference_case_is_not_one(page: Page) -> None:
    docs = [("scripts/rise.html", "成本上涨通知涨价", "script"), ("cases/rise.html", "成本上升要涨价", "case")]
    index = _index(docs, {"涨价": {0: 1200, 1: 900}, "案例": {0: 100, 1: 100}, "参考案例": {0: 300, 1: 200}})
    assert _rank(page, index, "有没有涨价的案例")[0] == "cases/rise.html"
    assert _rank(page, index, "涨价参考案例")[0] == "scripts/rise.html", "参考案例 names a document"


def test_a_name_framed_by_weak_words_still_matches_exactly(page: Page) -> None:
    docs = [
        ("techniques/list.html", "让步量化", "technique"),
        ("techniques/careful.html", "谨慎让步", "technique"),
        ("glossary/pain.html", "疼痛", "term"),
        ("techniques/pain.html", "疼痛分析", "technique"),
    ]
    index = _index(docs, {"让步": {0: 1600, 1: 1200}, "疼痛": {2: 300, 3: 1500}, "怎么说": {}})
    index["docs"][1][4] = ["让步"]
    assert _rank(page, index, "怎么让步")[0] == "techniques/careful.html", "怎么 is framing only"
    assert _rank(page, index, "让步怎么说")[0] == "techniques/list.html", "怎么说 asks for a script"
    assert _rank(page, index, "客户的疼痛")[0] == "techniques/pain.html", "no definition asked for"


def test_a_title_equal_to_the_query_through_a_synonym_ranks_first(page: Page) -> None:
    docs = [("techniques/visit.html", "拜访技巧", "technique"), ("scripts/cold.html", "陌生拜访开场", "script")]
    index = _index(docs, {"陌拜": {0: 2000}, "开场": {0: 900, 1: 800}}, synonyms=[["陌生拜访", "陌拜"]])
    assert _rank(page, index, "陌拜开场")[0] == "scripts/cold.html"
    assert _rank(page, index, "陌拜")[0] == "techniques/visit.html", "one word: its own matches decide"


def test_a_page_named_by_one_of_the_query_words_goes_first_among_close_calls(page: Page) -> None:
    docs = [("forms/summary.html", "结果汇总表", "template"), ("activities/review.html", "复盘与优化", "activity")]
    index = _index(docs, {"丢单": {0: 2000, 1: 800}, "复盘": {0: 900, 1: 900}})
    index["docs"][1][4] = ["复盘"]
    assert _rank(page, index, "丢单复盘")[0] == "activities/review.html", "复盘 names the activity"
    index["docs"][1][4] = []
    assert _rank(page, index, "丢单复盘")[0] == "forms/summary.html", "no page is named by a word: scores decide"


def test_a_page_named_by_a_synonym_of_a_query_word_counts_less_than_by_the_word(page: Page) -> None:
    docs = [("activities/review.html", "复盘与优化", "activity"), ("techniques/turn.html", "翻盘技巧", "technique")]
    scores = {"丢了": {0: 1500, 1: 400}, "翻盘": {0: 400, 1: 1300}, "还能救": {}}
    index = _index(docs, scores, synonyms=[["翻盘", "还能救"]])
    index["docs"][1][4] = ["翻盘"]
    # 丢了 1500 + 0.75 × 400 = 1800 against 400 + 0.75 × 1300 = 1375 × (1 + 0.3 × 0.75) ≈ 1684.
    assert _rank(page, index, "丢了还能救")[0] == "activities/review.html", "a synonym's name counts less"
    index["terms"]["丢了"] = encode_postings({0: 1300, 1: 400})
    assert _rank(page, index, "丢了还能救")[0] == "techniques/turn.html", "翻盘 names the technique"


def test_the_form_of_the_question_picks_the_kind_of_page(page: Page) -> None:
    docs = [("techniques/phone.html", "电话技巧", "technique"), ("scripts/phone.html", "电话约见", "script")]
    index = _index(docs, {"电话": {0: 1000, 1: 800}})
    assert _rank(page, index, "电话")[0] == "techniques/phone.html"
    assert _rank(page, index, "电话怎么说")[0] == "scripts/phone.html"


def test_weak_words_break_ties_but_never_lift_a_page(page: Page) -> None:
    docs = [
        ("scripts/price.html", "价格异议", "script"),
        ("scripts/says.html", "客户说再看看", "script"),
        ("scripts/price-2.html", "价格谈判", "script"),
    ]
    index = _index(docs, {"太贵": {0: 400, 2: 400}, "客户说": {1: 9000}, "怎么办": {1: 9000, 2: 50}})
    # Only pages about the topic are listed; between equals, the framing decides.
    assert _rank(page, index, "客户说太贵怎么办") == ["scripts/price-2.html", "scripts/price.html"]


def test_a_synonym_from_the_thesaurus_finds_the_page(page: Page) -> None:
    docs = [("scripts/price.html", "价格异议", "script")]
    index = _index(docs, {"价格太高": {0: 900}}, synonyms=[["嫌贵", "价格太高"]])
    assert _rank(page, index, "嫌贵") == ["scripts/price.html"]


def test_a_word_the_index_does_not_know_matches_through_its_two_character_pieces(page: Page) -> None:
    docs = [("techniques/contact.html", "接近客户", "technique")]
    index = _index(docs, {"微信群": {0: 700}})
    assert _rank(page, index, "回微信") == ["techniques/contact.html"]


def test_the_reason_line_is_the_sentence_that_states_the_number(page: Page) -> None:
    docs = [("modes/quick.html", "快刀模式", "mode")]
    index = _index(docs, {"快刀模式": {0: 2000}, "拜访": {0: 300}, "几次": {}})
    texts = {"0": [["", "", ["快刀模式适合小单。", "标准是一周之内、三次拜访、8 折以上成交。"]]]}
    page.set_content("<html><body></body></html>")
    page.add_script_tag(path=str(ENGINE))
    item = page.evaluate(
        "([index, texts]) => { const e = new PBSearch.Engine(index);"
        " return e.items(e.rank('快刀模式几次拜访', 5), texts, 10)[0][0]; }",
        [index, texts],
    )
    assert item["text"] == "<p>标准是一周之内、三次<mark>拜访</mark>、8 折以上成交。</p>", item


def test_the_browser_reads_the_postings_the_build_writes(page: Page) -> None:
    postings = {0: 1, 1: 31, 33: 32, 1057: 1024, 40000: 4076, 40001: 100000, 1 << 20: 7}
    index = _index([("a.html", "甲", "technique")], {"报价": postings, "空": {}})
    page.set_content("<html><body></body></html>")
    page.add_script_tag(path=str(ENGINE))
    read = page.evaluate(
        "index => { const e = new PBSearch.Engine(index); return ['报价', '空', '无'].map(w => {"
        " const p = e.postings(w); return [Array.from(p.docs), Array.from(p.scores)]; }); }",
        index,
    )
    assert read == [[list(postings), [score / 100 for score in postings.values()]], [[], []], [[], []]]


def test_titles_and_lines_are_escaped(page: Page) -> None:
    docs = [("scripts/x.html", "<b>报价</b>", "script")]
    index = _index(docs, {"报价": {0: 500}})
    page.set_content("<html><body></body></html>")
    page.add_script_tag(path=str(ENGINE))
    item = page.evaluate(
        "index => new PBSearch.Engine(index).items(new PBSearch.Engine(index).rank('报价', 5), {}, 10)[0][0]",
        index,
    )
    assert item["title"] == "&lt;b&gt;报价&lt;/b&gt;"


# ------------------------------------------------------------------ the real site


def _site_index(site: Site) -> dict:
    text = (site.folder / "search" / "pb-index.js").read_text("utf-8")
    return json.loads(text[text.index("=") + 1 : text.rstrip().rindex(";")])


def test_the_browser_segments_text_exactly_like_the_build(page: Page, built_site: Site) -> None:
    index = _site_index(built_site)
    segmenter = Segmenter(set(index["terms"]) | set(index["site"]), index["site"])
    import macros.search.segment as segment_module

    assert index["function"] == segment_module.FUNCTION_CHARS
    sentences = []
    for path in sorted((built_site.folder / "search" / "text").glob("*.js"))[:40]:
        text = path.read_text("utf-8")
        sections = json.loads(text[text.index("]=") + 2 :].rstrip().rstrip(";"))
        sentences += [line for _, _, lines in sections for line in lines][:15]
    sentences += ["客户不回微信", "第一次拜访说什么", "这个单子值不值得跟", "ＳＰＩＮ提问怎么用"]
    page.set_content("<html><body></body></html>")
    page.add_script_tag(path=str(ENGINE))
    page.evaluate("index => { window.engine = new PBSearch.Engine(index); }", index)
    browser = page.evaluate("lines => lines.map(l => engine.segment(l).map(t => t.text))", sentences)
    python = [segmenter.words(line) for line in sentences]
    assert len(sentences) > 200
    assert browser == python


def test_the_build_computes_names_keys_exactly_like_the_browser(page: Page, built_site: Site) -> None:
    """browser_key (where the build can tell) is engine.js's key(): names whose topic words are
    the whole name are sent as "" (see topic_key)."""
    index = _site_index(built_site)
    names = sorted({name for doc in index["docs"] for name in [doc[1], *doc[4], *doc[5]]})
    names += ["ＳＰＩＮ提问", "A/B 测试：“报价”…", "异议是啥？", "客户\u200b说", "Ⅲ期", "々"]
    page.set_content("<html><body></body></html>")
    page.add_script_tag(path=str(ENGINE))
    browser = page.evaluate("names => names.map(PBSearch.key)", names)
    pairs = zip(names, browser, strict=True)
    plain = [(name, key, browser_key(name)) for name, key in pairs if browser_key(name) is not None]
    assert len(plain) > 0.9 * len(names)
    assert [browser_key(name) for name in ["ＳＰＩＮ提问", "客户\u200b说", "Ⅲ期", "々"]] == [None] * 4
    assert [(name, key) for name, key, _ in plain] == [(name, mine) for name, _, mine in plain]


def test_the_fast_key_is_the_nfkc_key_for_every_character(page: Page) -> None:
    """key() skips NFKC for plain text; for each BMP character, alone and between others, and
    for mixed strings, it equals NFKC, lower case, letters and digits only."""
    page.set_content("<html><body></body></html>")
    page.add_script_tag(path=str(ENGINE))
    wrong = page.evaluate(
        """() => {
        const slow = t => t.normalize('NFKC').replace(/\u200b/g, '').toLowerCase().replace(/[^\\p{L}\\p{N}]+/gu, '');
        const wrong = [];
        for (let c = 0; c < 0x10000; c++) {
          if (c >= 0xd800 && c < 0xe000) continue;
          const ch = String.fromCharCode(c);
          for (const t of [ch, '客' + ch + 'A' + ch + '户']) if (PBSearch.key(t) !== slow(t)) wrong.push(c);
        }
        return wrong; }"""
    )
    assert wrong == []


def _results(page: Page, query: str) -> list[str]:
    search(page, query)
    return page.locator(".md-search-result__item").evaluate_all(
        "items => items.map(li => li.querySelector('.md-search-result__link').href)"
    )


@pytest.fixture(params=["http", "file"])
def home(request: pytest.FixtureRequest, built_site: Site) -> str:
    return built_site.url if request.param == "http" else built_site.folder.as_uri() + "/index.html"


def test_search_finds_answering_pages_over_http_and_from_a_file_share(page: Page, home: str) -> None:
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(home)
    assert page.locator(".md-search").is_visible()
    first = _results(page, "项目建议书")[0]
    assert first.split("?")[0].endswith("processes/project-proposal.html"), first
    assert page.locator(".md-search-result__item h1").first.inner_text().replace("\u200b", "") == "项目建议书"
    silent = [url.split("?")[0] for url in _results(page, "客户不回微信")[:3]]
    assert any(url.endswith("techniques/approaching-customers.html") for url in silent), silent
    first_visit = [url.split("?")[0] for url in _results(page, "第一次拜访说什么")[:3]]
    assert any(url.endswith("scripts/first-visit-opening.html") for url in first_visit), first_visit
    # Each result says why it matched: here the alias or question holding the words.
    teaser = page.locator(".md-search-result__item p").first.inner_text()
    assert re.match(r"^(又称|问)：.*第一次", teaser), teaser
    assert errors == []


def test_a_visitor_who_never_searches_downloads_no_index(page: Page, built_site: Site) -> None:
    requested: list[str] = []
    page.on("request", lambda request: requested.append(urlparse(request.url).path))
    page.goto(built_site.url + "techniques/phone-skills.html")
    page.wait_for_load_state("networkidle")
    assert not any("/search/pb-index." in path for path in requested), requested
    index_size = (built_site.folder / "search" / "search_index.json").stat().st_size
    assert index_size < 2000, "Material's own index is only a stub"
    page.locator("input.md-search__input").click()
    page.wait_for_function("() => performance.getEntriesByType('resource').length > 0")
    page.wait_for_timeout(500)
    assert any(path.endswith("pb-index.json.gz") for path in requested), "focusing the box loads the index, packed"


def test_the_index_is_built_from_the_content(built_site: Site) -> None:
    index = _site_index(built_site)
    urls = [doc[0] for doc in index["docs"]]
    assert "scripts/price-too-high.html" in urls
    assert not any("#" in url for url in urls)
    assert any("嫌贵" in group and "价格太高" in group for group in index["synonyms"])
    assert Path(built_site.folder / "search" / "text" / "0.js").exists()
