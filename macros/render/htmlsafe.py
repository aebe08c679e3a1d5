"""Escape what Material writes raw from a page's front matter and the navigation.

Material treats ``page.title``, tag names and section titles as HTML (it writes them as they
are into the h1, the navigation, the header, the prev/next footer and the tag chips) and
puts ``page.meta.description`` raw into ``<meta content="…">``. Our values are content text,
so they are escaped once here and passed on as :class:`Markup`, which Material's own ``|e``
leaves alone (no double escaping in aria-labels).
"""

from __future__ import annotations

from typing import Any

from markupsafe import Markup, escape
from mkdocs.structure.nav import Navigation, Section


def safe(value: Any) -> Any:
    if isinstance(value, str) and not isinstance(value, Markup):
        return escape(value)  # quotes too: a description sits in an attribute
    return value


def escape_meta(meta: dict[str, Any]) -> None:
    for key in ("title", "description"):
        if key in meta:
            meta[key] = safe(meta[key])
    if isinstance(meta.get("tags"), list):
        meta["tags"] = [safe(tag) for tag in meta["tags"]]


def escape_nav(nav: Navigation) -> Navigation:
    """Section titles (a stage's title heads its section) are HTML to Material."""

    def walk(items: list[Any]) -> None:
        for item in items:
            if isinstance(item, Section):
                item.title = safe(item.title)
                walk(item.children)

    walk(nav.items)
    return nav
