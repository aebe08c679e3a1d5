"""Dates from git, reviews and the change log, on temporary git repositories made here.

Each commit gets its own date through GIT_AUTHOR_DATE / GIT_COMMITTER_DATE, so the dates
the site shows can be checked exactly. Shallow clones and folders outside git are built too.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from macros.errors import ContentErrors
from macros.resolve import freshness
from macros.resolve.changelog import build_changelog
from macros.resolve.history import read_history
from macros.resolve.playbook import load_playbook
from macros.resolve.review import report, status

from .conftest import VALID

OWNERS = """\
owners:
  - name: 销售运营
  - name: 培训组
kinds:
  technique: {owner: 培训组, review_every: 365}
  checklist: {owner: 销售运营, review_every: 90}
first_edition:
  date: 2026-01-05
  note: 首版核对
  items: [tech-phone, list-find]
"""


def git(repo: Path, *args: str, when: str | None = None) -> str:
    env = dict(os.environ, GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@example.com")
    env.update(GIT_COMMITTER_NAME="t", GIT_COMMITTER_EMAIL="t@example.com", GIT_CONFIG_GLOBAL="/dev/null")
    if when:
        env.update(GIT_AUTHOR_DATE=when, GIT_COMMITTER_DATE=when)
    result = subprocess.run(["git", *args], cwd=repo, env=env, capture_output=True, text=True, check=True)
    return result.stdout


def commit(repo: Path, message: str, when: str) -> None:
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", message, when=when)


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), "utf-8")


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A project whose content has four commits on known days."""
    root = tmp_path / "repo"
    shutil.copytree(VALID, root / "content")
    (root / "content" / "owners.yml").write_text(OWNERS, "utf-8")
    (root / "docs").mkdir()
    (root / "docs" / "deals.md").write_text("# 我的商机\n", "utf-8")
    git(root, "init", "-q", "-b", "main")
    commit(root, "Content: first edition", "2026-01-05T10:00:00+08:00")
    content = root / "content"
    edit(content / "techniques" / "tech-phone.yml", "通话不超过 4 分钟。", "通话不超过 3 分钟。")
    edit(content / "checklists" / "list-find.yml", "已找到联系人", "已找到决策人")
    edit(
        content / "checklists" / "list-find.yml",
        "      - {id: accept",
        "      - {id: budget, text: 已确认预算}\n      - {id: accept",
    )
    commit(root, "Phone calls: three minutes", "2026-02-10T09:00:00+08:00")
    # Recording a review (and a note) is not a change of the content.
    edit(content / "techniques" / "tech-phone.yml", "stages: [stage-one]", "reviewed: 2026-03-01\nstages: [stage-one]")
    commit(root, "Review: 电话技巧", "2026-03-01T09:00:00+08:00")
    (content / "cases" / "case-one.yml").unlink()
    edit(content / "basics" / "topic-selling.yml", "sources:", "changes: 补充了销售的定义\nsources:")
    edit(content / "basics" / "topic-selling.yml", "title: ", "title: 新")
    edit(content / "courses" / "course-one.yml", "materials: [case-one]", "materials: [tech-phone]")
    commit(root, "Remove the first case", "2026-03-05T09:00:00+08:00")
    return root


def load(root: Path, today: date = date(2026, 6, 1)) -> tuple[freshness.Freshness, object]:
    content = root / "content"
    playbook = load_playbook(content, root, today=today)
    history = read_history(content, [root / "docs"])
    try:
        fresh = freshness.build(playbook, history, today, content, root / "docs")
        log = build_changelog(playbook, history, freshness.repo_path(history, content))
    finally:
        history.close()
    return fresh, log


def day(when: datetime | None) -> str | None:
    return when.astimezone(UTC).date().isoformat() if when else None


def test_last_change_per_file_ignores_review_only_commits(repo: Path) -> None:
    fresh, _ = load(repo)
    assert fresh.history.available and fresh.history.complete
    assert day(fresh.updated["tech-phone"]) == "2026-02-10"  # not 03-01, which only recorded a review
    assert day(fresh.updated["stage-one"]) == "2026-01-05"
    assert day(fresh.updated["topic-selling"]) == "2026-03-05"
    assert fresh.updated["tech-phone"] == datetime.fromisoformat("2026-02-10T09:00:00+08:00")


def test_generated_pages_take_the_date_of_their_yaml(repo: Path) -> None:
    fresh, _ = load(repo)
    assert fresh.page("techniques/tech-phone.md") == (fresh.updated["tech-phone"], "tech-phone")
    assert fresh.page("courses/course-one-handout.md")[0] == fresh.updated["course-one"]
    assert fresh.page("techniques/index.md")[0] == fresh.updated["tech-phone"]  # newest of its kind
    pack = fresh.page("packs/stage-one.md")[0]
    assert day(pack) == "2026-02-10"  # its checklist changed then
    assert day(fresh.page("deals.md")[0]) == "2026-01-05"  # a hand-written page: its own file


def test_changelog_by_date_and_kind_newest_first(repo: Path) -> None:
    _, log = load(repo)
    assert log.available and not log.reason
    days = [str(when) for when, _ in log.days]
    assert days == ["2026-03-05", "2026-02-10", "2026-01-05"]  # the review day has no real change
    march = dict(log.days[0][1])
    assert [(line.item_id, line.exists) for line in march["removed"]] == [("case-one", False)]
    assert march["removed"][0].title  # taken from the removed file
    assert march["changed"][0].descriptions == ["补充了销售的定义"]  # the item's change note
    february = dict(log.days[1][1])
    changed = {line.item_id: line.descriptions for line in february["changed"]}
    assert changed == {"tech-phone": ["Phone calls: three minutes"], "list-find": ["Phone calls: three minutes"]}
    first = dict(log.days[2][1])
    assert len(first["new"]) == 15 and not first["changed"]


def test_checklist_items_know_when_they_were_added_or_reworded(repo: Path) -> None:
    fresh, _ = load(repo)
    items = fresh.check_items["list-find"]
    february = datetime.fromisoformat("2026-02-10T09:00:00+08:00")
    assert items == {"budget": (february, None), "contact": (None, february)}  # "target" never changed


def test_review_status_and_report(repo: Path) -> None:
    fresh, _ = load(repo, today=date(2026, 6, 1))
    phone = fresh.statuses["tech-phone"]
    assert (phone.owner, phone.reviewed, phone.by_first_edition, phone.every) == (
        "培训组",
        date(2026, 3, 1),
        False,
        365,
    )
    checklist = fresh.statuses["list-find"]
    assert checklist.by_first_edition and checklist.due == date(2026, 4, 5) and checklist.overdue_days == 57
    result = fresh.report()
    assert [item for item, _ in result.overdue["销售运营"]] == ["list-find"]
    assert "stage-one" in result.never["（未指定负责人）"]
    # Reviewed in the first edition (01-05), reworded on 02-10.
    assert [row[0] for row in result.changed["销售运营"]] == ["list-find"]
    assert "tech-phone" not in str(result.changed)  # its review (03-01) came after its change
    assert result.summary().startswith("审核：14 个条目中 1 个逾期、12 个从未审核、1 个审核后又有修改")


def test_overdue_starts_the_day_after_the_due_date(repo: Path) -> None:
    playbook = load_playbook(repo / "content", repo, today=date(2026, 6, 1))
    entry = playbook.entries["list-find"]
    assert status(entry, playbook.registry, date(2026, 4, 5)).overdue_days == 0
    assert status(entry, playbook.registry, date(2026, 4, 6)).overdue_days == 1
    edit(
        repo / "content" / "checklists" / "list-find.yml",
        "sources:",
        "review_every: 30\nreviewed: 2026-04-01\nsources:",
    )
    playbook = load_playbook(repo / "content", repo, today=date(2026, 6, 1))
    state = status(playbook.entries["list-find"], playbook.registry, date(2026, 5, 2))
    assert (state.due, state.overdue_days, state.by_first_edition) == (date(2026, 5, 1), 1, False)
    assert report({"list-find": state}, {}).counts() == (1, 0, 0)


def test_owners_and_review_dates_are_checked(repo: Path) -> None:
    phone = repo / "content" / "techniques" / "tech-phone.yml"
    edit(phone, "reviewed: 2026-03-01", "reviewed: 2026-07-01\nowner: 培训部")
    edit(repo / "content" / "processes" / "proc-visit.yml", "sources:", "reviewed: 2026-02-30\nsources:")
    edit(repo / "content" / "owners.yml", "  checklist:", "  gadget: {owner: 培训组, review_every: 30}\n  checklist:")
    edit(repo / "content" / "owners.yml", "list-find]", "list-find, case-one]")
    with pytest.raises(ContentErrors) as raised:
        load_playbook(repo / "content", repo, today=date(2026, 6, 1))
    report_text = raised.value.report()
    assert "content/techniques/tech-phone.yml:8: reviewed: 审核日期 2026-07-01 晚于今天（2026-06-01）" in report_text
    assert (
        "content/techniques/tech-phone.yml:9: owner: “培训部” 不在 content/owners.yml 的负责人名单里；是不是 培训组？"
        in report_text
    )
    assert "proc-visit.yml" in report_text and "reviewed: 应为真实存在的日期" in report_text
    assert "content/owners.yml:6: kinds.gadget: 没有这类条目" in report_text
    assert "first_edition.items[2]: 没有 id 为 “case-one” 的条目" in report_text  # removed, still listed


def test_a_shallow_clone_says_what_it_does_not_know(repo: Path, tmp_path: Path) -> None:
    clone = tmp_path / "clone"
    git(tmp_path, "clone", "-q", "--depth", "1", f"file://{repo}", str(clone))
    fresh, log = load(clone)
    assert not fresh.history.available and "浅克隆" in fresh.history.reason
    assert set(fresh.updated.values()) == {None}  # the cut commit seems to add every file: no date is trusted
    assert not log.available and "浅克隆" in log.reason
    assert fresh.report().counts()[2] == 0  # "changed since review" cannot be known


def test_a_deeper_shallow_clone_keeps_what_it_has(repo: Path, tmp_path: Path) -> None:
    clone = tmp_path / "clone"
    git(tmp_path, "clone", "-q", "--depth", "2", f"file://{repo}", str(clone))
    fresh, log = load(clone)
    assert fresh.history.available and not fresh.history.complete
    assert "只有 2026-03-05 以后" in fresh.history.reason
    assert day(fresh.updated["topic-selling"]) == "2026-03-05"
    assert fresh.updated["tech-phone"] is None  # its last real change is beyond the cut
    assert [str(when) for when, _ in log.days] == ["2026-03-05"] and log.reason


def test_a_folder_outside_git_has_no_history(tmp_path: Path) -> None:
    root = tmp_path / "plain"
    shutil.copytree(VALID, root / "content")
    fresh, log = load(root)
    assert not fresh.history.available and "不是从 git 仓库生成的" in fresh.history.reason
    assert set(fresh.updated.values()) == {None}
    assert not log.available


def test_a_change_note_reads_as_the_whole_file_would() -> None:
    # The changelog reads the `changes:` line alone; a note that goes on past it is read whole.
    from macros.resolve.changelog import _note
    from macros.resolve.history import load_yaml

    versions = [
        "id: a\nchanges: 报价有效期从 30 天改为 15 天\ntitle: x\n",
        "id: a\nchanges: '引号里的 #说明'\n",
        "id: a\nchanges: >-\n  块里的\n  说明\ntitle: x\n",
        "id: a\nchanges: 第一行\n  接着一行\ntitle: x\n",
        "id: a\nchanges:\n  - 不是文字\n",
        "id: a\nchanges:   \ntitle: x\n",
        "id: a\ntitle: 没有说明\n",
        "id: a\nchanges: x # 注释\n",
    ]
    for text in versions:
        whole = (load_yaml(text) or {}).get("changes")
        expected = whole.strip() if isinstance(whole, str) and whole.strip() else None
        assert _note(text) == expected, text
    assert _note("changes: >-\n  块里的\n  说明\n") == "块里的 说明"
