"""The sales thesaurus is content: validated like items, errors at file:line."""

from pathlib import Path

import pytest

from macros.errors import ContentErrors
from macros.load.schema import schemas
from macros.resolve.playbook import load_playbook


def test_groups_load_normalised_and_each_word_finds_its_group(content: Path) -> None:
    thesaurus = load_playbook(content, root=content.parent).thesaurus
    assert ["首期款", "首付款", "回款"] in thesaurus.groups
    assert thesaurus.synonyms()["回款"] == ["首期款", "首付款"]


def test_a_word_in_two_groups_is_an_error_at_its_second_place(content: Path) -> None:
    more = "title: 收款\ngroups:\n  - [收款, 到账]\n  - [催款, 首付款]\n"
    (content / "thesaurus" / "words-more.yml").write_text(more, "utf-8")
    with pytest.raises(ContentErrors) as raised:
        load_playbook(content, root=content.parent)
    [error] = raised.value.errors
    where = "content/thesaurus/words-more.yml:4: groups[1][1]: "
    assert str(error).startswith(where + "“首付款” 已在 content/thesaurus/sales.yml:4"), error


def test_unknown_fields_and_one_word_groups_are_reported_with_their_line(content: Path) -> None:
    (content / "thesaurus" / "bad.yml").write_text("title: 坏\ngroups:\n  - [单独]\nsynonyms: []\n", "utf-8")
    with pytest.raises(ContentErrors) as raised:
        load_playbook(content, root=content.parent)
    messages = sorted(str(error) for error in raised.value.errors)
    assert messages[0].startswith("content/thesaurus/bad.yml:3: groups[0]: 至少需要 2 项"), messages
    assert messages[1].startswith("content/thesaurus/bad.yml:4: synonyms: 未知字段"), messages


def test_thesaurus_files_are_not_items_and_have_a_schema(content: Path) -> None:
    playbook = load_playbook(content, root=content.parent)
    assert not any(entry.file.startswith("content/thesaurus/") for entry in playbook.entries.values())
    assert "thesaurus.schema.json" in schemas()


def test_real_thesaurus_loads_without_errors() -> None:
    root = Path(__file__).resolve().parent.parent
    assert len(load_playbook(root / "content", root=root).thesaurus.groups) >= 10


def test_real_thesaurus_knows_spoken_words_for_clashes_remedies_and_the_boss() -> None:
    """售前在会上跟客户老总顶起来了，怎么收场: each spoken word finds the written one."""
    root = Path(__file__).resolve().parent.parent
    synonyms = load_playbook(root / "content", root=root).thesaurus.synonyms()
    assert "老板" in synonyms["老总"]
    assert "顶撞" in synonyms["顶起来"]
    assert "补救" in synonyms["收场"]
    assert "流程" in synonyms["过程"]
    assert "陌生拜访" in synonyms["陌拜"]
    assert "训练营" in synonyms["课程"]  # 新人培训课程 → 新人销售训练营


def test_real_thesaurus_knows_how_reps_ask_for_a_referral() -> None:
    """让老客户介绍新客户: the spoken phrase finds 转介绍 (and 介绍 alone stays the word for presenting)."""
    root = Path(__file__).resolve().parent.parent
    synonyms = load_playbook(root / "content", root=root).thesaurus.synonyms()
    assert "转介绍" in synonyms["介绍新客户"]
    assert "转介绍" in synonyms["老带新"]
    assert "介绍" not in synonyms


def test_real_thesaurus_knows_how_reps_ask_whether_a_deal_is_worth_it() -> None:
    """这个单子值不值得跟: the spoken phrase is one word, and the same question as 该不该跟."""
    root = Path(__file__).resolve().parent.parent
    synonyms = load_playbook(root / "content", root=root).thesaurus.synonyms()
    assert "该不该跟" in synonyms["值不值得跟"]
    assert "值不值得做" in synonyms["值得跟"]


def test_real_thesaurus_knows_how_reps_say_a_customer_buys_less() -> None:
    """老客户这半年下单越来越少: the spoken phrase is one word and finds 客户下单变少 / 采购量下降."""
    root = Path(__file__).resolve().parent.parent
    synonyms = load_playbook(root / "content", root=root).thesaurus.synonyms()
    assert "下单变少" in synonyms["下单越来越少"]
    assert "采购量下降" in synonyms["订单减少"]
