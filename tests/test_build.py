"""Whole builds with `mkdocs build --strict`, as a user runs them."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from .conftest import build_site

NEW_TECHNIQUE = """\
id: tech-new
title: 追问技巧
summary: 新加的一条技巧。
aliases: [追问到底]
sources: ["003 §1.3"]
purpose: 把模糊回答问清楚。
stages: [stage-two]
"""


def _search_locations(site: Path) -> set[str]:
    """Pages in our search index (search/pb-index.js sets self.PB_SEARCH_INDEX)."""
    text = (site / "search" / "pb-index.js").read_text("utf-8")
    index = json.loads(text[text.index("=") + 1 : text.rstrip().rindex(";")])
    return {doc[0] for doc in index["docs"]}


def test_fixture_builds_strict_with_every_page(project: Path) -> None:
    site = project / "site"
    result = build_site(project, site)
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr
    for page in ("index.html", "forms/form-tiering.html", "glossary/index.html", "activities/act-find.html"):
        assert (site / page).exists(), page
    assert "客户分级表" in (site / "forms" / "form-tiering.html").read_text("utf-8")
    assert "首期款" in (site / "search" / "pb-index.js").read_text("utf-8")
    assert (site / "downloads" / "forms" / "form-tiering.xlsx").exists()
    assert (site / "packs" / "stage-one.html").exists()


def test_a_new_yaml_file_gets_page_nav_entry_and_search_hit(project: Path) -> None:
    (project / "content" / "techniques" / "tech-new.yml").write_text(NEW_TECHNIQUE, "utf-8")
    site = project / "site"
    result = build_site(project, site)
    assert result.returncode == 0, result.stderr
    page = site / "techniques" / "tech-new.html"
    assert "把模糊回答问清楚。" in page.read_text("utf-8")
    # The navigation of a sibling page links to it.
    sibling = (site / "techniques" / "tech-phone.html").read_text("utf-8")
    assert 'href="tech-new.html"' in sibling
    assert "techniques/tech-new.html" in _search_locations(site)


def test_broken_content_fails_with_file_line_and_keeps_the_last_site(project: Path) -> None:
    site = project / "site"
    assert build_site(project, site).returncode == 0
    (project / "content" / "terms" / "term-broken.yml").write_text(
        "id: term-broken\ntitle: 坏\nsummary: 坏。\nsources: ['003']\ndefinition: 定义。\nsee: [nowhere]\n", "utf-8"
    )
    result = build_site(project, site)
    assert result.returncode != 0
    assert "content/terms/term-broken.yml:6: see[0]: 引用了不存在的 id “nowhere”" in result.stderr
    # Nothing was cleaned or half-written: the last good site is still whole.
    assert (site / "forms" / "form-tiering.html").exists()
    assert not (site / "glossary" / "term-broken.html").exists()


def test_markdown_in_content_never_reaches_the_page_as_markup(project: Path) -> None:
    path = project / "content" / "techniques" / "tech-phone.yml"
    path.write_text(path.read_text("utf-8").replace("约到拜访时间。", '"约到时间 *重点* `代码` # 标题"'), "utf-8")
    site = project / "site"
    assert build_site(project, site).returncode == 0
    html = (site / "techniques" / "tech-phone.html").read_text("utf-8")
    assert "约到时间 *重点* `代码` # 标题" in html


def test_a_template_in_a_title_is_refused_before_anything_runs(project: Path) -> None:
    path = project / "content" / "techniques" / "tech-phone.yml"
    text = path.read_text("utf-8")
    path.write_text(text.replace("title: 电话技巧", "title: \"电话技巧 {{ 7*7 }}\""), "utf-8")
    result = build_site(project, project / "site")
    assert result.returncode != 0
    assert "content/techniques/tech-phone.yml:2: title: 不能含模板记号" in result.stderr
    assert "49" not in result.stderr


def _get(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def _wait_for(url: str, text: str, seconds: float = 60) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if text in _get(url):
            return True
        time.sleep(0.5)
    return False


def test_serve_rebuilds_when_a_content_file_changes(project: Path) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    url = f"http://127.0.0.1:{port}/techniques/tech-phone.html"
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}", "-f", str(project / "mkdocs.yml")],
        cwd=project,
        env=dict(os.environ, NO_MKDOCS_2_WARNING="1"),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        assert _wait_for(url, "通话不超过 4 分钟"), "the site was not served"
        source = project / "content" / "techniques" / "tech-phone.yml"
        source.write_text(source.read_text("utf-8").replace("通话不超过 4 分钟", "通话控制在三分钟左右"), "utf-8")
        assert _wait_for(url, "通话控制在三分钟左右"), "editing content/ did not rebuild the site"
    finally:
        server.terminate()
        server.wait(timeout=10)
