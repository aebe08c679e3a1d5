"""Where each item's page lives. URLs derive from kind and id and never change once published."""

from __future__ import annotations

import posixpath

from macros.load.kinds import KINDS, Kind


def src_path(kind: Kind, item_id: str) -> str:
    return f"{kind.segment}/{item_id}.md"


def index_path(kind: Kind) -> str:
    return f"{kind.segment}/index.md"


def page_url(src: str) -> str:
    """The site URL of a source path (``use_directory_urls: false``)."""
    return src.removesuffix(".md") + ".html"


def relative(target_src: str, from_url: str) -> str:
    """A link from the page at ``from_url`` to the page built from ``target_src``."""
    base = posixpath.dirname(from_url) or "."
    return posixpath.relpath(page_url(target_src), base)


def item_src(kind_name: str, item_id: str) -> str:
    return src_path(KINDS[kind_name], item_id)
