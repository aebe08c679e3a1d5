"""The query segmenter (macros/search/segment.py; its twin runs in the browser)."""

from macros.search.build import site_words
from macros.search.segment import Segmenter, Token
from macros.search.thesaurus import Thesaurus
from macros.search.words import WEAK


def test_site_words_stay_whole_even_where_other_words_compete() -> None:
    segmenter = Segmenter({"首期", "项目", "建议", "建议书", "收首"}, site_words={"首期款", "项目建议书"})
    assert segmenter.words("收首期款") == ["首期款"]  # 收 alone is dropped, never a word
    assert segmenter.words("项目建议书怎么写") == ["项目建议书"]
    assert segmenter.words("项目的建议") == ["项目", "建议"]


def test_unknown_stretches_become_overlapping_two_character_pieces() -> None:
    segmenter = Segmenter({"客户"})
    assert segmenter.tokens("客户回微信群") == [
        Token("客户"), Token("回微", piece=True), Token("微信", piece=True), Token("信群", piece=True)
    ]  # fmt: skip


def test_never_single_characters_nor_pieces_with_function_characters() -> None:
    segmenter = Segmenter({"客户"})
    words = segmenter.words("客户不回了吗")
    assert words == ["客户"], words  # 不回, 回了, 了吗 all hold a function character
    assert all(len(word) >= 2 for word in segmenter.words("快刀模式几次拜访说"))


def test_latin_words_and_full_width_letters_are_normalised() -> None:
    segmenter = Segmenter({"对话"})
    assert segmenter.words("ＳＰＩＮ对话 FBV") == ["spin", "对话", "fbv"]


def test_parts_are_the_known_words_inside_a_long_word() -> None:
    segmenter = Segmenter({"首次", "拜访", "开场白", "开场"}, site_words={"首次拜访开场白"})
    assert set(segmenter.parts("首次拜访开场白")) == {"首次", "拜访", "开场白", "开场"}
    assert list(segmenter.parts("拜访")) == []


def test_weak_words_and_question_forms_are_kept_whole() -> None:
    site = site_words_for_test()
    segmenter = Segmenter({"太贵", "了"}, site_words=site)
    assert segmenter.words("客户说太贵了怎么办") == ["客户说", "太贵", "怎么办"]
    assert segmenter.words("第一次拜访说什么")[-1] == "说什么"
    assert {"客户说", "怎么办", "说什么"} <= set(WEAK)


def site_words_for_test() -> set[str]:
    class NoItems:
        entries: dict = {}

    return site_words(NoItems(), Thesaurus([["第一次", "首次"]]))  # type: ignore[arg-type]
