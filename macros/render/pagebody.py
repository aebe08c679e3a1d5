"""Render the pages generated from content ourselves, never through mkdocs-macros.

mkdocs-macros renders a page's title as a template whenever it looks like one; our titles
are content, and content is text. So our pages are marked ``render_macros: false`` and
their body (one macro call, written by :mod:`macros.render.pages`) is rendered here with the same
macros the hand-written pages get from ``define_env``. A failure names the YAML file the
page comes from, not the generated .md.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from typing import Any

from jinja2 import Environment, StrictUndefined, Template

from macros import state
from macros.resolve.coursedocs import course_srcs
from macros.resolve.lists import all_list_pages
from macros.resolve.packs import pack_part_src, pack_parts, pack_src
from macros.resolve.playbook import Playbook
from macros.resolve.urls import index_path, src_path

# Only for the bodies pages.py writes; no content text is ever a template here.
_ENV = Environment(undefined=StrictUndefined, keep_trailing_newline=True)


def page_macros(page_url: Callable[[], str]) -> dict[str, Callable[..., Any]]:
    """The macros of every page; ``page_url`` gives the URL of the page being rendered."""

    def render_item(item_id: str) -> str:
        return state.renderer().item(item_id, page_url())

    def render_index(kind: str) -> str:
        return state.renderer().index(kind, page_url())

    def course(course_id: str) -> Any:
        return state.current().get(course_id)

    def render_fragment(template: str, **context: Any) -> str:
        return state.renderer().fragment(f"{template}.md.j2", page_url(), **context)

    return {
        "render_item": render_item,
        "render_index": render_index,
        "course": course,
        "render_fragment": render_fragment,
    }


# A body differs from its neighbours only in its quoted ids ({{ render_item('x') }}): each is
# compiled once per shape, with the ids as variables (compiling 500 bodies was a tenth of their
# rendering).
_QUOTED = re.compile(r"'([^'\\]*)'")


@functools.lru_cache(maxsize=64)
def _shape(template: str) -> Template:
    return _ENV.from_string(template)


def render_body(markdown: str, page_url: str) -> str:
    quoted: dict[str, str] = {}

    def variable(match: re.Match[str]) -> str:
        name = f"_q{len(quoted)}"
        quoted[name] = match.group(1)
        return name

    template = _QUOTED.sub(variable, markdown)
    return _shape(template).render(page_macros(lambda: page_url), **quoted)


def source_files(playbook: Playbook) -> dict[str, str]:
    """Generated page (src path) → the YAML file it is made from, for error messages."""
    files = {src_path(entry.kind, item_id): entry.file for item_id, entry in playbook.entries.items()}
    for item_id, entry in playbook.entries.items():
        if entry.kind.name == "stage":
            files[pack_src(item_id)] = entry.file
            files.update({pack_part_src(item_id, part): entry.file for part in pack_parts(playbook, item_id)})
        if entry.kind.name == "course":
            files.update(dict.fromkeys(course_srcs(playbook.get(item_id)), entry.file))
    files.update({part.src: playbook.entries[part.item_id].file for part in all_list_pages(playbook)})
    return files


def index_sources(playbook: Playbook) -> dict[str, str]:
    """Index pages name their content folder."""
    return {index_path(entry.kind): f"content/{entry.kind.folder}/" for entry in playbook.entries.values()}
