"""Shared fixtures: the fixture content, the real content, and a built site."""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass
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


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of the project with the small fixture as its content."""
    root = tmp_path / "project"
    root.mkdir()
    shutil.copy(ROOT / "mkdocs.yml", root)
    shutil.copytree(ROOT / "docs", root / "docs")
    shutil.copytree(ROOT / "overrides", root / "overrides")  # the theme's custom_dir
    shutil.copytree(VALID, root / "content")
    (root / "macros").symlink_to(ROOT / "macros")  # mkdocs-macros loads module_name from the project
    return root


def build_site(
    project: Path, site_dir: Path, content_dir: Path | None = None, site_url: str | None = None
) -> subprocess.CompletedProcess[str]:
    """Run ``mkdocs build --strict`` as a user would, returning the finished process."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    if content_dir is not None:
        env["PLAYBOOK_CONTENT"] = str(content_dir)
    if site_url is not None:
        env["SITE_URL"] = site_url
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(project / "mkdocs.yml"), "-d", str(site_dir)],
        capture_output=True,
        text=True,
        env=env,
        cwd=project,
        check=False,
    )


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib signature
        pass

    def handle(self) -> None:
        # A page closed while files still load (the search benchmark closes it at the first
        # result, before the result texts arrive) is not an error worth a traceback.
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            super().handle()


@dataclass
class Site:
    folder: Path
    url: str


@contextlib.contextmanager
def served_build(folder: Path, content_dir: Path | None = None) -> Iterator[Site]:
    """Build the site for a reserved localhost port, then serve it there.

    The port is reserved first because instant navigation only works under ``site_url``.
    """
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    url = f"http://127.0.0.1:{server.server_address[1]}/"
    result = build_site(ROOT, folder, content_dir=content_dir, site_url=url)
    if result.returncode != 0:
        server.server_close()
    assert result.returncode == 0, result.stderr[-4000:]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield Site(folder, url)
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    """The real site, built strictly once per test session and served on localhost."""
    with served_build(tmp_path_factory.mktemp("site")) as site:
        yield site


@dataclass
class PayloadSite:
    bundle: str  # which accepted payloads it carries (see tests/payloads.py)
    fields: int  # how many text fields carry them
    refused: list[str]  # file:line errors of fields the whole-content checks turned away
    site: Site


@pytest.fixture(scope="session")
def payload_sites(tmp_path_factory: pytest.TempPathFactory) -> Iterator[list[PayloadSite]]:
    """The fixture content built once per accepted payload bundle, every accepting field carrying it."""
    from . import payloads

    with contextlib.ExitStack() as stack:
        built = []
        for bundle in [*payloads.BUNDLES, payloads.LONGEST]:
            folder = tmp_path_factory.mktemp("payloads")
            content = payloads.bundle_content(folder / "content", bundle)
            site = stack.enter_context(served_build(folder / "site", content_dir=folder / "content"))
            built.append(PayloadSite(bundle, content.fields, content.refused, site))
        yield built
