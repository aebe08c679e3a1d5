"""Checks on the text of every page of the real built site (built once per session)."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from macros.load.folding import STRAY_SPACE

from .conftest import Site


class _TextNodes(HTMLParser):
    """Each text node a reader sees; spaces between elements are not text.

    Skipped: <script>, <style>, <title> (Material adds " - 销售作战手册"), and the editor notes, whose seed references
    ("003 §2.3.2 顾问模式 第三次拜访") are section numbers and names, not prose.
    """

    def __init__(self) -> None:
        super().__init__()
        self.texts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self._skip and tag == "details":
            self._skip += 1  # a details nested in a skipped one
        elif tag in ("script", "style", "title") or "pb-editor-notes" in (dict(attrs).get("class") or ""):
            self._skip += 1

    def handle_endtag(self, tag: str) -> None:
        if self._skip and tag in ("script", "style", "title", "details"):
            self._skip -= 1

    def handle_data(self, data: str) -> None:
        if not self._skip and data.strip():
            self.texts.append(re.sub(r"[ \t\r\n]+", " ", data))  # not str.split: keep U+3000


def test_no_page_has_a_space_between_chinese_characters_or_beside_full_width_punctuation(built_site: Site) -> None:
    found = []
    for page in sorted(built_site.folder.rglob("*.html")):
        parser = _TextNodes()
        parser.feed(page.read_text("utf-8"))
        for text in parser.texts:
            for match in STRAY_SPACE.finditer(text.strip()):
                found.append(f"{page.relative_to(built_site.folder)}: “{match.group(0)}” in “{text[:60]}”")
    assert not found, f"{len(found)} stray spaces, e.g.\n" + "\n".join(found[:30])
