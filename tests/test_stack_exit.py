"""The stack's exit: the site also builds with ProperDocs, the maintained fork of MkDocs 1.6.

MkDocs 1.x gets no releases and MkDocs 2 drops the plugin system. ProperDocs redirects
``mkdocs.*`` imports to itself, so Material, mkdocs-macros and our plugin run unchanged.
This builds the small fixture content with both and compares what they wrote.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from .conftest import ROOT, VALID, build_site


def _properdocs_build(site_dir: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PLAYBOOK_CONTENT=str(VALID))
    config = str(ROOT / "mkdocs.yml")
    command = [sys.executable, "-m", "properdocs", "build", "--strict", "-f", config, "-d", str(site_dir)]
    return subprocess.run(command, capture_output=True, text=True, env=env, cwd=ROOT, check=False)


def _pages(site_dir: Path) -> set[str]:
    return {str(path.relative_to(site_dir)) for path in site_dir.rglob("*.html")}


def test_properdocs_builds_the_same_pages(tmp_path: Path) -> None:
    fork = _properdocs_build(tmp_path / "properdocs")
    assert fork.returncode == 0, fork.stderr[-4000:]
    assert "WARNING" not in fork.stderr
    reference = build_site(ROOT, tmp_path / "mkdocs", content_dir=VALID)
    assert reference.returncode == 0, reference.stderr[-4000:]
    pages = _pages(tmp_path / "properdocs")
    assert pages == _pages(tmp_path / "mkdocs")
    assert len(pages) > 10
    # Our plugin and macros ran: a generated item page has its rendered body.
    page = next(iter(sorted(p for p in pages if p.startswith("techniques/") and not p.endswith("index.html"))))
    html = (tmp_path / "properdocs" / page).read_text("utf-8")
    assert 'class="md-content"' in html and "{{" not in html
