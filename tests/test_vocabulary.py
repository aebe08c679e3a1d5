from pathlib import Path

import jieba

from macros.resolve.playbook import load_playbook
from macros.search.vocabulary import teach_jieba, user_dictionary, words


def test_words_come_from_titles_and_aliases(content: Path) -> None:
    playbook = load_playbook(content, root=content.parent)
    found = words(playbook)
    for word in ("客户分级表", "客户分级", "首期款", "首付款", "电话约见"):
        assert word in found
    assert found == sorted(found, key=lambda word: (-len(word), word))
    assert "客户分级表 2000\n" in user_dictionary(playbook)


def test_jieba_keeps_site_words_whole(content: Path) -> None:
    playbook = load_playbook(content, root=content.parent)
    (content / "terms" / "term-x.yml").write_text(
        "id: term-x\ntitle: 项目建议书\nsummary: 摘要。\nsources: ['002']\ndefinition: 定义。\n", "utf-8"
    )
    playbook = load_playbook(content, root=content.parent)
    teach_jieba(playbook)
    assert "项目建议书" in jieba.lcut("请提交项目建议书")
    assert "首期款" in jieba.lcut("按合同收首期款")
