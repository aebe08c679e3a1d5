"""Whole builds of a git project: the dates, marks and pages a reader sees; then its shallow clone (as in CI)."""

from __future__ import annotations

import re
from pathlib import Path

from .conftest import build_site
from .test_freshness import commit, edit, git

OWNERS = """\
owners:
  - name: 销售运营
  - name: 培训组
kinds:
  technique: {owner: 培训组, review_every: 365}
  checklist: {owner: 销售运营, review_every: 90}
first_edition:
  date: 2025-01-05
  note: 首版核对
  items: [tech-phone, list-find]
"""


def _text(site: Path, page: str) -> str:
    return (site / page).read_text("utf-8")


def test_a_git_project_and_its_shallow_clone_build(project: Path, tmp_path: Path) -> None:
    (project / "content" / "owners.yml").write_text(OWNERS, "utf-8")
    git(project, "init", "-q", "-b", "main")
    commit(project, "Content: first edition", "2026-01-05T10:00:00+08:00")
    checklist = project / "content" / "checklists" / "list-find.yml"
    edit(checklist, "      - {id: accept", "      - {id: budget, text: 已确认预算}\n      - {id: accept")
    commit(project, "Checklist: budget", "2026-02-10T09:00:00+08:00")

    site = tmp_path / "site"
    result = build_site(project, site)
    assert result.returncode == 0, result.stderr[-3000:]
    assert "审核：15 个条目中 2 个逾期、13 个从未审核、2 个审核后又有修改。" in result.stderr  # one line, no failure
    phone = _text(site, "techniques/tech-phone.html")
    assert '最后更新：<time datetime="2026-01-05T10:00:00+08:00">2026-01-05</time>' in phone
    assert "最后审核：" in phone and "2025-01-05</time>（培训组）" in phone
    assert re.search(r'class="pb-fresh-overdue"[^>]*>审核已逾期 \d+ 天', phone)
    assert "尚未审核" in _text(site, "stages/stage-one.html")
    # A search for 审核 finds content, not every page.
    assert "最后审核" not in _text(site, "search/pb-index.js")
    assert not any("最后审核" in path.read_text("utf-8") for path in (site / "search" / "text").glob("*.js"))
    page = _text(site, "checklists/list-find.html")
    assert re.search(r'data-item="budget"[^>]*data-added="\d+"', page)  # added after the first version
    assert not re.search(r'data-item="target"[^>]*data-(added|changed)=', page)
    assert "版本：2026-02-10" in page  # on the printed header
    assert "版本：2026-02-10" in _text(site, "packs/stage-one/list-find.html")  # a sheet of the print pack
    log = _text(site, "guide/changelog.html")
    assert log.index("2026-02-10") < log.index("2026-01-05")
    assert "Checklist: budget" in log
    report = _text(site, "maintenance/review.html")
    assert "逾期未审核" in report and 'href="../maintenance/review/overdue.html">培训组</a>：' in report
    overdue = _text(site, "maintenance/review/overdue.html")  # the rows, a page per part of the report
    assert "电话技巧" in overdue and "逾期" in overdue and "最后更新：" in overdue
    assert "maintenance/review.html" not in _text(site, "index.html")  # not in the reader navigation
    updates = _text(site, "assets/playbook/updates.js")
    assert '"checklists/list-find"' in updates

    clone = tmp_path / "clone"
    git(tmp_path, "clone", "-q", "--depth", "1", f"file://{project}", str(clone))
    shallow_site = tmp_path / "shallow-site"
    result = build_site(clone, shallow_site)
    assert result.returncode == 0, result.stderr[-3000:]
    assert "浅克隆" in result.stderr
    assert "修改历史不可用" in _text(shallow_site, "guide/changelog.html")
    phone = _text(shallow_site, "techniques/tech-phone.html")
    assert "最后更新：<span" in phone and "不详" in phone
    assert "审核已逾期" in phone  # reviews are content: they do not need the history
    assert "版本：日期不详" in _text(shallow_site, "checklists/list-find.html")
