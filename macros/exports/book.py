"""The whole playbook as one HTML document, assembled from the finished site's pages.

Chapters follow the navigation (parts, groups, items); each page's article becomes a
chapter, its headings moved down under the part and group titles so that Chromium's PDF
bookmarks nest. Links between chapters become links inside the book; links to pages that
are not in it (indexes, the deals page) become plain text.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape
from lxml import html as lxml_html

from macros.load.kinds import KINDS
from macros.render.markdown import TEMPLATES
from macros.render.navigation import build_nav
from macros.resolve.playbook import Playbook
from macros.resolve.urls import page_url

SITE_NAME = "销售作战手册"
# Pages in the navigation that are no reading matter on paper.
SKIPPED = {"index.md", "tags.md", "deals.md", "composer.md"}
COMPACT = {KINDS["term"].label}  # glossary entries run on, one after another
PART_TITLES = {"首页": "导读"}


@dataclass
class Chapter:
    url: str  # site URL of the page
    anchor: str
    title: str = ""
    compact: bool = False
    depth: int = 1  # level of the part or group it sits in: its own h1 moves below that
    leads: list[tuple[int, str, str]] = field(default_factory=list)  # (level, title, anchor) of parts/groups it opens


@dataclass
class Heading:
    level: int
    title: str
    anchor: str
    children: list[Heading | Chapter] = field(default_factory=list)


def _anchor(url: str) -> str:
    return "ch-" + url.removesuffix(".html").replace("/", "-")


def outline(playbook: Playbook) -> list[Heading]:
    """Parts and groups of the navigation with the chapters they hold, index pages left out."""
    indexes = {f"{kind.segment}/index.md" for kind in KINDS.values()}

    counter = iter(range(1, 10**6))

    def entries(items: list, level: int, compact: bool) -> list[Heading | Chapter]:
        found: list[Heading | Chapter] = []
        for entry in items:
            if isinstance(entry, str):
                if entry not in SKIPPED and entry not in indexes:
                    url = page_url(entry)
                    found.append(Chapter(url, _anchor(url), compact=compact, depth=level - 1))
                continue
            for title, children in entry.items():
                inner = entries(children, level + 1, compact or title in COMPACT)
                if inner:
                    found.append(Heading(level, title, f"part-{next(counter)}", inner))
        return found

    parts = []
    for entry in build_nav(playbook):
        for title, children in entry.items():
            inner = entries(children, 2, title in COMPACT)
            if inner:
                parts.append(Heading(1, PART_TITLES.get(title, title), f"part-{next(counter)}", inner))
    return parts


def chapters(parts: list[Heading]) -> list[Chapter]:
    """The chapters in reading order, each carrying the part and group titles it opens."""
    found: list[Chapter] = []
    pending: list[tuple[int, str, str]] = []

    def walk(node: Heading | Chapter) -> None:
        nonlocal pending
        if isinstance(node, Chapter):
            node.leads = pending
            pending = []
            found.append(node)
            return
        pending = [*pending, (node.level, node.title, node.anchor)]
        for child in node.children:
            walk(child)

    for part in parts:
        walk(part)
    return found


def _shift_headings(article: lxml_html.HtmlElement, by: int) -> None:
    for element in article.iter("h1", "h2", "h3", "h4", "h5", "h6"):
        element.tag = f"h{min(6, int(element.tag[1]) + by)}"


def _relink(article: lxml_html.HtmlElement, url: str, anchors: dict[str, str]) -> None:
    base = posixpath.dirname(url)
    for link in article.iter("a"):
        href = link.get("href")
        if not href or href.startswith("#") or ":" in href.split("/")[0]:
            continue
        target = posixpath.normpath(posixpath.join(base, href.split("#")[0]))
        if target in anchors:
            link.set("href", "#" + anchors[target])
        else:
            del link.attrib["href"]  # not in the book: the words stay, the link goes
    for image in article.iter("img"):
        src = image.get("src")
        if src and ":" not in src.split("/")[0]:
            image.set("src", posixpath.normpath(posixpath.join(base, src)))


def _article(site: Path, url: str) -> lxml_html.HtmlElement:
    tree = lxml_html.parse(str(site / url))
    found = tree.xpath("//article[contains(concat(' ', @class, ' '), ' md-content__inner ')]")
    if not found:
        raise ValueError(f"{url}: 页面里没有正文（article.md-content__inner）")
    article = found[0]
    for junk in article.xpath(".//*[contains(@class, 'md-content__button') or contains(@class, 'md-source-file')]"):
        junk.getparent().remove(junk)
    return article


def _front(parts: list[Heading], pages: dict[str, int] | None, date: str) -> list[lxml_html.HtmlElement]:
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(default=True))
    markup = env.get_template("book-front.html.j2").render(
        parts=parts, pages=pages or {}, site_name=SITE_NAME, date=date
    )
    return [part for part in lxml_html.fragments_fromstring(markup) if not isinstance(part, str)]


def _chapter(site: Path, chapter: Chapter, anchors: dict[str, str]) -> lxml_html.HtmlElement:
    article = _article(site, chapter.url)
    titles = article.xpath(".//h1")
    chapter.title = titles[0].text_content().strip() if titles else chapter.url
    _shift_headings(article, chapter.depth)
    _relink(article, chapter.url, anchors)
    section = lxml_html.Element("section")
    section.set("class", "pb-book-chapter" + (" pb-book-compact" if chapter.compact and not chapter.leads else ""))
    section.set("id", chapter.anchor)
    for level, title, anchor in chapter.leads:
        heading = lxml_html.Element(f"h{level}")
        heading.set("class", f"pb-book-h{level}")
        heading.set("id", anchor)
        heading.text = title
        section.append(heading)
    for child in list(article):
        section.append(child)
    return section


def expected(parts: list[Heading]) -> list[tuple[str, str]]:
    """(title, anchor) of every part, group and chapter heading, in the order they print."""
    found: list[tuple[str, str]] = []

    def walk(node: Heading | Chapter) -> None:
        found.append((node.title, node.anchor))
        for child in getattr(node, "children", []):
            walk(child)

    for part in parts:
        walk(part)
    return found


@dataclass(frozen=True)
class Book:
    html: str
    headings: list[tuple[str, str]]  # (title, anchor) of parts, groups and chapters, in print order


def assemble(site: Path, playbook: Playbook, pages: dict[str, int] | None = None, date: str = "") -> Book:
    """The book's HTML: the home page's shell (styles, scripts) around cover, contents and chapters.

    ``pages`` maps each anchor to its page number, known after a first printing.
    """
    parts = outline(playbook)
    order = chapters(parts)
    anchors = {chapter.url: chapter.anchor for chapter in order}
    shell = lxml_html.parse(str(site / "index.html"))
    body = shell.xpath("//article[contains(concat(' ', @class, ' '), ' md-content__inner ')]")[0]
    for child in list(body):
        body.remove(child)
    body.text = None
    body.set("data-pb-running-head", SITE_NAME)
    sections = [_chapter(site, chapter, anchors) for chapter in order]  # fills in the titles the contents list
    for element in [*_front(parts, pages, date), *sections]:
        body.append(element)
    title = shell.find(".//title")
    if title is not None:
        title.text = SITE_NAME
    return Book(lxml_html.tostring(shell, encoding="unicode", doctype="<!doctype html>"), expected(parts))
