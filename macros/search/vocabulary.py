"""The site's own words (titles, glossary terms, aliases) for segmenting Chinese at both ends.

jieba learns them before the search index is built, and the browser gets the same list
so that a typed query is split the way the index was.
"""

from __future__ import annotations

import re

import jieba

from macros.resolve.playbook import Playbook

_HAN = re.compile(r"[\u4e00-\u9fff]")


def words(playbook: Playbook) -> list[str]:
    """Every title, alias and glossary term that contains Chinese, longest first."""
    found: set[str] = set()
    for entry in playbook.entries.values():
        for word in (entry.item.title, *entry.item.aliases):
            for part in re.split(r"[\s，。、：；？！（）()“”《》/·—-]+", word):
                if _HAN.search(part) and 2 <= len(part) <= 12:
                    found.add(part)
    return sorted(found, key=lambda word: (-len(word), word))


def user_dictionary(playbook: Playbook) -> str:
    """The words in jieba's user-dictionary format (word, frequency)."""
    return "".join(f"{word} 2000\n" for word in words(playbook))


def teach_jieba(playbook: Playbook) -> None:
    for word in words(playbook):
        jieba.add_word(word, freq=2000)
