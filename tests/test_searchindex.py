from pathlib import Path

from macros.playbook import load_playbook
from macros.searchindex import ALIAS_BOOST, enrich


def _index() -> dict:
    doc = {"title": "电话技巧", "text": "正文", "tags": ["销售技巧"]}
    return {
        "config": {
            "lang": ["zh"],
            "fields": {"title": {"boost": 1000.0}, "text": {"boost": 1.0}, "tags": {"boost": 1e6}},
        },
        "docs": [
            {**doc, "location": "techniques/tech-phone.html"},
            {**doc, "location": "techniques/tech-phone.html#steps", "title": "步骤"},
            {**doc, "location": "techniques/tech-phone.html#related", "title": "相关条目"},
            {**doc, "location": "techniques/tech-phone.html#backlinks", "title": "被引用于"},
        ],
    }


def test_aliases_and_questions_become_fields_of_the_page(content: Path) -> None:
    index = enrich(_index(), load_playbook(content, root=content.parent))
    fields = index["config"]["fields"]
    assert fields["aliases"] == {"boost": ALIAS_BOOST}
    assert "questions" in fields
    page = index["docs"][0]
    assert page["aliases"].split(" ") == ["打电话", "电话约见"]
    assert "打电话" in page["questions"].split("\u200b")


def test_link_lists_and_the_tags_field_leave_the_index(content: Path) -> None:
    index = enrich(_index(), load_playbook(content, root=content.parent))
    locations = [doc["location"] for doc in index["docs"]]
    assert locations == ["techniques/tech-phone.html", "techniques/tech-phone.html#steps"]
    assert "tags" not in index["config"]["fields"]
    assert "aliases" not in index["docs"][1], "sections do not repeat the page's aliases"


def test_a_title_kept_whole_still_matches_its_parts() -> None:
    from macros.searchindex import title_parts

    assert "首期款" in title_parts("收首期款").split("\u200b")
    assert title_parts("签约") == ""
