"""A document printed from several pages, assembled into one HTML page: a stage's print pack,
a course's handout or facilitator guide.

On the site a pack is an index page and one page per checklist or form (a single page grew
with the stage: 2.2 MB at 10× the content); a handout or guide is an index page and one page
per day. On paper each is one document: the index page's shell (styles, scripts, title) with
every part's printed sections (``section.pb-part``) and page data (``script.pb-data``) moved
in, in print order. Links and sources inside a sheet are
rewritten from the part's folder to the index page's.
"""

from __future__ import annotations

import posixpath
from pathlib import Path

from lxml import html as lxml_html

_ARTICLE = "//article[contains(concat(' ', @class, ' '), ' md-content__inner ')]"
_MOVED = ".//section[contains(concat(' ', @class, ' '), ' pb-part ')] | .//script[contains(@class, 'pb-data')]"


def _rebase(element: lxml_html.HtmlElement, from_url: str, to_url: str) -> None:
    """Relative links in ``element`` written for the page at ``from_url``, made to work from ``to_url``."""
    source, target = posixpath.dirname(from_url), posixpath.dirname(to_url) or "."
    for node in element.iter():
        for attribute in ("href", "src"):
            value = node.get(attribute)
            if not value or value.startswith("#") or ":" in value.split("/")[0]:
                continue
            path, hash_, fragment = value.partition("#")
            moved = posixpath.relpath(posixpath.normpath(posixpath.join(source, path)), target)
            node.set(attribute, moved + hash_ + fragment)


def assemble(site: Path, index_url: str, part_urls: tuple[str, ...]) -> str:
    """The document's HTML, to be served at ``index_url`` (its relative asset links stay right)."""
    shell = lxml_html.parse(str(site / index_url))
    body = shell.xpath(_ARTICLE)[0]
    for part_url in part_urls:
        found = lxml_html.parse(str(site / part_url)).xpath(_ARTICLE)
        if not found:
            raise ValueError(f"{part_url}: 页面里没有正文（article.md-content__inner）")
        moved = found[0].xpath(_MOVED)
        if not any(node.tag == "section" for node in moved):
            raise ValueError(f"{part_url}: 页面里没有要打印的部分（section.pb-part）")
        for node in moved:
            _rebase(node, part_url, index_url)
            node.tail = "\n"
            body.append(node)
    return lxml_html.tostring(shell, encoding="unicode", doctype="<!doctype html>")
