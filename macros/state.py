"""The playbook of the current build, shared by the MkDocs plugin and the macros."""

from __future__ import annotations

from typing import TYPE_CHECKING

from macros.render.markdown import Renderer
from macros.resolve.playbook import Playbook

if TYPE_CHECKING:
    from macros.resolve.changelog import Changelog
    from macros.resolve.freshness import Freshness

_current: Playbook | None = None
_renderer: Renderer | None = None
_freshness: Freshness | None = None
_changelog: Changelog | None = None


def set_current(playbook: Playbook) -> None:
    global _current, _renderer, _freshness, _changelog
    _current, _renderer, _freshness, _changelog = playbook, None, None, None


def set_freshness(fresh: Freshness, changelog: Changelog) -> None:
    """Dates, reviews and the change log of this build (macros/resolve/freshness.py, macros/resolve/changelog.py)."""
    global _freshness, _changelog, _renderer
    _freshness, _changelog, _renderer = fresh, changelog, None


def freshness() -> Freshness | None:
    return _freshness


def current() -> Playbook:
    if _current is None:
        raise RuntimeError("playbook plugin has not loaded the content (is `playbook` in mkdocs.yml plugins?)")
    return _current


def renderer() -> Renderer:
    global _renderer
    if _renderer is None:
        _renderer = Renderer(current())
        if _freshness is not None:
            from macros.render.freshview import template_globals

            _renderer.env.globals.update(template_globals(_freshness, _changelog))
    return _renderer
