"""Shared fixtures: the fixture content, the real content, and a built site."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
VALID = FIXTURES / "valid"


@pytest.fixture
def content(tmp_path: Path) -> Path:
    """A writable copy of the small valid fixture content, as <tmp>/content."""
    target = tmp_path / "content"
    shutil.copytree(VALID, target)
    return target


def build_site(project: Path, site_dir: Path, content_dir: Path | None = None) -> subprocess.CompletedProcess[str]:
    """Run ``mkdocs build --strict`` as a user would, returning the finished process."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    if content_dir is not None:
        env["PLAYBOOK_CONTENT"] = str(content_dir)
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(project / "mkdocs.yml"), "-d", str(site_dir)],
        capture_output=True,
        text=True,
        env=env,
        cwd=project,
        check=False,
    )


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site, built once per test session."""
    site = tmp_path_factory.mktemp("site")
    result = build_site(ROOT, site)
    assert result.returncode == 0, result.stderr[-4000:]
    return site
