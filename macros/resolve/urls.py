"""Where each item's page lives. URLs derive from kind and id and never change once published."""

from __future__ import annotations

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
    return link_path(page_url(target_src), from_url)


def link_path(target: str, from_url: str) -> str:
    """The relative link from the page at ``from_url`` to the site path ``target``.

    Both are clean site paths (no ``..``, no leading ``/``), so this is string work only:
    ``posixpath.relpath`` makes both absolute against the working directory first, and a build
    asks for some 9,000 links.
    """
    folders = from_url.split("/")[:-1]
    parts = target.split("/")
    common = 0
    while common < len(folders) and common < len(parts) - 1 and folders[common] == parts[common]:
        common += 1
    return "/".join([".."] * (len(folders) - common) + parts[common:])


def item_src(kind_name: str, item_id: str) -> str:
    return src_path(KINDS[kind_name], item_id)
