"""Dates, reviews and the change log of one build, from one `git log` (never fails the build).

The plugin sets them before pages render; bench/build.py does the same for its plain Material
reference, so that both print the same maintenance pages.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from macros.resolve import freshness
from macros.resolve.changelog import Changelog, build_changelog
from macros.resolve.freshness import Freshness
from macros.resolve.history import read_history
from macros.resolve.playbook import Playbook


def date_playbook(playbook: Playbook, content_dir: Path, docs_dir: Path) -> tuple[Freshness, Changelog, str]:
    """Freshness and change log, and a one-line summary for the build log."""
    history = read_history(content_dir, [docs_dir])
    try:
        fresh = freshness.build(playbook, history, date.today(), content_dir, docs_dir)
        changelog = build_changelog(playbook, history, freshness.repo_path(history, content_dir))
    finally:
        history.close()
    return fresh, changelog, fresh.report().summary() + ("" if history.complete else f"（{history.reason}）")
