"""销售作战手册: content loading, validation and rendering for mkdocs-macros-plugin.

``define_env`` only registers macros; the work lives in the modules it calls.
"""

from __future__ import annotations

from typing import Any


def define_env(env: Any) -> None:
    # Here, not at import: `python -m macros check` needs no renderer.
    from macros.render.pagebody import page_macros

    # The hand-written pages' macros; the generated pages get the same ones from the plugin.
    for name, function in page_macros(lambda: env.page.url).items():
        env.macro(function, name)
