"""Make the built search index answer a rep's words, not only a page's title.

Material indexes each page's title, text and tags. On our pages that misleads it:

- every page lists its neighbours' titles ("相关条目", "被引用于"), so a checklist that
  merely links to 快刀模式 ranks beside the 快刀模式 page;
- an item's aliases and questions (客户嫌贵, 签合同) weigh no more than any other sentence;
- jieba keeps site words whole, so the title 收首期款 does not match 首期款;
- tags weigh 10⁶ and the worker adds a trailing wildcard to each query word, so 客户
  matches the stage tag 客户维护与深度开发 and floods the results.

After the search plugin has written the index, this module drops the link-list sections
and the tags field and adds fields of its own; the worker builds one lunr field per entry
of ``config.fields``, so they are searched like the built-in ones.
"""

from __future__ import annotations

import json
from pathlib import Path

import jieba

from .playbook import Playbook
from .urls import item_src, page_url

# Sections that only repeat other pages' titles.
LINK_LISTS = ("#related", "#backlinks")
# Same weight as a title: an alias is another name for the page.
ALIAS_BOOST = 1000.0
# A question a page answers counts more than body text, less than a name.
QUESTION_BOOST = 30.0
# The words inside a title that jieba keeps whole (收首期款 → 首期款): a partial title match
# counts well above body text, below the whole title.
PARTS_BOOST = 300.0
SEPARATOR = "\u200b"


def segment(text: str) -> str:
    """Split ``text`` into words the way the search plugin splits page text (jieba, U+200B)."""
    return SEPARATOR.join(word for word in jieba.cut(text) if word.strip())


def title_parts(title: str) -> str:
    """The shorter words inside each word of an indexed title (words are separated by U+200B)."""
    parts = []
    for word in title.split(SEPARATOR):
        parts.extend(part for part in jieba.cut_for_search(word) if len(part) >= 2 and part != word)
    return SEPARATOR.join(parts)


def enrich(index: dict, playbook: Playbook) -> dict:
    """``index`` (search_index.json) with link lists dropped and aliases and questions added."""
    items = {page_url(item_src(entry.kind.name, item_id)): entry.item for item_id, entry in playbook.entries.items()}
    docs = []
    for doc in index["docs"]:
        if doc["location"].endswith(LINK_LISTS):
            continue
        doc["parts"] = title_parts(doc["title"])
        item = items.get(doc["location"])
        if item is not None:
            # Whole: an alias is a name, and the query segmenter knows it as one word.
            doc["aliases"] = " ".join(item.aliases)
            doc["questions"] = " ".join(segment(question) for question in item.questions)
        docs.append(doc)
    fields = dict(index["config"]["fields"])
    fields.pop("tags", None)  # tags are for browsing (see the module docstring)
    fields["aliases"] = {"boost": ALIAS_BOOST}
    fields["questions"] = {"boost": QUESTION_BOOST}
    fields["parts"] = {"boost": PARTS_BOOST}
    return {**index, "config": {**index["config"], "fields": fields}, "docs": docs}


def enrich_site_index(site_dir: Path, playbook: Playbook) -> Path:
    path = site_dir / "search" / "search_index.json"
    index = json.loads(path.read_text("utf-8"))
    path.write_text(json.dumps(enrich(index, playbook), ensure_ascii=False, separators=(",", ":")), "utf-8")
    return path
