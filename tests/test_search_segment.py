"""The query segmenter (macros/search/segment.py; its twin runs in the browser)."""

from macros.search.build import site_words
from macros.search.segment import Segmenter, Token
from macros.search.thesaurus import Thesaurus
from macros.search.words import INTENTS, WEAK


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


def _cheapest_split(segmenter: Segmenter, run: str) -> list[int]:
    """The split the segmenter promises, by trying every length at every position: piece lengths."""
    best: list[tuple[int, int]] = [(0, 0)] * (len(run) + 1)
    for start in range(len(run) - 1, -1, -1):
        choice = (best[start + 1][0] + 15, 1)
        for length in range(len(run) - start, 1, -1):  # longest first: on equal cost it stays
            word = run[start : start + length]
            if word in segmenter.vocabulary:
                cost = best[start + length][0] + (9 if word in segmenter.site else 10)
                if cost < choice[0]:
                    choice = (cost, length)
        best[start] = choice
    lengths, start = [], 0
    while start < len(run):
        lengths.append(best[start][1])
        start += best[start][1]
    return lengths


def test_the_early_stopping_split_is_the_cheapest_split() -> None:
    # The segmenter stops lengthening a word where no vocabulary word goes on (with jieba's
    # dictionary as the prefixes at build time); ties and site words must come out the same.
    import random

    rng = random.Random(7)
    letters = "甲乙丙"
    for _ in range(1000):
        vocabulary = {"".join(rng.choices(letters, k=rng.randint(2, 5))) for _ in range(12)}
        site = {word for word in vocabulary if rng.random() < 0.3}
        prefixes = {word[:end] for word in vocabulary - site for end in range(2, len(word) + 1)}
        run = "".join(rng.choices(letters, k=rng.randint(1, 14)))
        for segmenter in (Segmenter(vocabulary, site), Segmenter(vocabulary - site, site, prefixes=prefixes)):
            lengths = [len(token.text) for token in segmenter._han(run) if not token.piece]
            expected = [length for length in _cheapest_split(segmenter, run) if length > 1]
            assert lengths == expected, (run, vocabulary, site)


def test_how_often_is_weak_framing() -> None:
    """客户总是压价: 总是 says how often, not what; it must not lift a question that has it."""
    segmenter = Segmenter({"压价"}, site_words=site_words_for_test())
    assert segmenter.words("客户总是压价") == ["客户", "总是", "压价"]
    assert {"总是", "老是", "一直", "经常"} <= set(WEAK)


def test_how_to_talk_it_through_asks_for_a_script() -> None:
    """续约怎么谈 / 该怎么接: the words to say, like 怎么说 (weak framing, the script intent)."""
    segmenter = Segmenter({"续约"}, site_words=site_words_for_test())
    assert segmenter.words("续约怎么谈") == ["续约", "怎么谈"]
    script = next(intent for intent in INTENTS if intent["kind"] == "script")
    assert {"怎么谈", "怎么接"} <= set(script["cues"]) & set(WEAK)


def test_finding_is_framing_what_is_found_is_the_topic() -> None:
    segmenter = Segmenter({"决策人"}, site_words=site_words_for_test())
    assert segmenter.words("怎么找到决策人") == ["怎么", "找到", "决策人"]
    assert "找到" in WEAK


def test_when_in_the_meeting_is_framing() -> None:
    segmenter = Segmenter({"记录"}, site_words=site_words_for_test())
    assert segmenter.words("见完客户记录怎么写") == ["见完", "客户", "记录", "怎么写"]
    assert {"见完", "见了面"} <= set(WEAK)
