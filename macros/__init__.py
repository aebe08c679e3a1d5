"""销售作战手册: content loading, validation and rendering for mkdocs-macros-plugin.

``define_env`` only registers macros; the work lives in the modules it calls.
"""

from __future__ import annotations

from typing import Any


def define_env(env: Any) -> None:
    from . import state  # here, not at import: `python -m macros check` needs no renderer

    @env.macro
    def render_item(item_id: str) -> str:
        return state.renderer().item(item_id, env.page.url)

    @env.macro
    def render_index(kind: str) -> str:
        return state.renderer().index(kind, env.page.url)

    @env.macro
    def course(course_id: str) -> Any:
        return state.current().get(course_id)

    @env.macro
    def render_fragment(template: str, **context: Any) -> str:
        return state.renderer().fragment(f"{template}.md.j2", env.page.url, **context)
