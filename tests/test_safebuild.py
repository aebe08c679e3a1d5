"""A failed build never touches the last good site, whatever fails; errors name the YAML file."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from macros import state
from macros.plugin import PlaybookPlugin
from macros.resolve.playbook import load_playbook
from macros.safebuild import StagedSite

from .conftest import build_site
from .test_build import _wait_for

FAILURES = {
    # --strict counts the warning and aborts after every page has been written.
    "strict warning": ("docs/broken-link.md", "# 坏链接\n\n[去](no-such-page.md)\n"),
    # mkdocs-macros calls sys.exit() when a hand-written page's macro fails.
    "macro error": ("docs/broken-macro.md", "# 坏宏\n\n{{ no_such_variable }}\n"),
    # The theme cannot render a page (an unknown template named in the front matter).
    "theme error": ("docs/broken-template.md", "---\ntemplate: no-such-template.html\n---\n\n# 坏模板\n"),
}


def _snapshot(site: Path) -> dict[str, int]:
    return {path.relative_to(site).as_posix(): path.stat().st_mtime_ns for path in site.rglob("*") if path.is_file()}


def test_a_build_failing_after_mkdocs_cleans_leaves_the_last_site_untouched(project: Path) -> None:
    site = project / "site"
    assert build_site(project, site).returncode == 0
    before = _snapshot(site)
    assert len(before) > 100
    for failure, (name, text) in FAILURES.items():
        (project / name).write_text(text, "utf-8")
        result = build_site(project, site)
        assert result.returncode != 0, (failure, result.stderr)
        assert _snapshot(site) == before, failure  # not one file removed, added or rewritten
        assert [path.name for path in project.iterdir() if path.name.startswith(".site")] == [], failure
        (project / name).unlink()


def test_a_successful_build_replaces_the_whole_site(project: Path) -> None:
    site = project / "site"
    site.mkdir()
    (site / "stale.html").write_text("old", "utf-8")
    assert build_site(project, site).returncode == 0
    assert not (site / "stale.html").exists()
    assert (site / "index.html").exists()
    assert [path.name for path in project.iterdir() if path.name.startswith(".site")] == []


def test_a_dead_builds_staging_folder_is_removed(tmp_path: Path) -> None:
    final = tmp_path / "site"
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    leftover = tmp_path / f".site.building-{dead.stdout.strip()}"
    leftover.mkdir()
    staged = StagedSite(final)
    assert not leftover.exists()
    (staged.staging / "index.html").write_text("new", "utf-8")
    staged.commit()
    assert (final / "index.html").read_text("utf-8") == "new"


def test_a_page_that_fails_to_render_names_its_yaml_file(
    content: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    from mkdocs.exceptions import PluginError

    playbook = load_playbook(content, root=content.parent)
    state.set_current(playbook)
    plugin = PlaybookPlugin()
    plugin.generated = {"techniques/tech-phone.md": "content/techniques/tech-phone.yml"}

    def broken(*args: object) -> str:
        raise KeyError("no-such-thing")

    monkeypatch.setattr(state.renderer(), "item", broken)

    class Page:
        meta: dict[str, object] = {"title": "电话技巧"}
        url = "techniques/tech-phone.html"

        class file:  # noqa: N801 - shaped like mkdocs' File
            src_uri = "techniques/tech-phone.md"

    with pytest.raises(PluginError):
        plugin.on_page_markdown("{{ render_item('tech-phone') }}\n", Page(), None, None)  # type: ignore[arg-type]
    assert "content/techniques/tech-phone.yml:1: " in caplog.text
    assert Page.meta["render_macros"] is False


def test_serve_keeps_the_last_good_site_while_content_is_broken_and_recovers(project: Path) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    url = f"http://127.0.0.1:{port}/techniques/tech-phone.html"
    log = project / "serve.log"
    with log.open("w") as output:
        server = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}", "-f", str(project / "mkdocs.yml")],
            cwd=project,
            env=dict(os.environ, NO_MKDOCS_2_WARNING="1"),
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    try:
        assert _wait_for(url, "通话不超过 4 分钟"), "the site was not served"
        source = project / "content" / "techniques" / "tech-phone.yml"
        good = source.read_text("utf-8")
        # A broken file: the error is shown, and the last good page is still served.
        source.write_text(good.replace("通话不超过 4 分钟", "通话 {{ 7*7 }} 分钟"), "utf-8")
        assert _wait_for_log(log, "content/techniques/tech-phone.yml:"), log.read_text("utf-8")[-3000:]
        assert _wait_for(url, "通话不超过 4 分钟", seconds=5)
        # Fixed: the next build is served.
        source.write_text(good.replace("通话不超过 4 分钟", "通话控制在三分钟左右"), "utf-8")
        assert _wait_for(url, "通话控制在三分钟左右"), log.read_text("utf-8")[-3000:]
    finally:
        server.terminate()
        server.wait(timeout=10)


def _wait_for_log(log: Path, text: str, seconds: float = 60) -> bool:
    import time

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if text in log.read_text("utf-8"):
            return True
        time.sleep(0.5)
    return False
