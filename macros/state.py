"""The playbook of the current build, shared by the MkDocs plugin and the macros."""

from __future__ import annotations

from .playbook import Playbook
from .render import Renderer

_current: Playbook | None = None
_renderer: Renderer | None = None


def set_current(playbook: Playbook) -> None:
    global _current, _renderer
    _current, _renderer = playbook, None


def current() -> Playbook:
    if _current is None:
        raise RuntimeError("playbook plugin has not loaded the content (is `playbook` in mkdocs.yml plugins?)")
    return _current


def renderer() -> Renderer:
    global _renderer
    if _renderer is None:
        _renderer = Renderer(current())
    return _renderer
