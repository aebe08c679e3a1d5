"""The review report as plain text, for `./dev review` (the site's 维护 page shows the same)."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from macros.resolve import freshness
from macros.resolve.history import read_history
from macros.resolve.playbook import Playbook


def review_text(playbook: Playbook, content_dir: Path, docs_dir: Path, today: date) -> str:
    history = read_history(content_dir, [docs_dir])
    try:
        fresh = freshness.build(playbook, history, today, content_dir, docs_dir)
    finally:
        history.close()
    report = fresh.report()

    def where(item_id: str) -> str:
        entry = playbook.entries[item_id]
        return f"{entry.item.title}（{entry.kind.label}，{entry.file}）"

    out = [f"审核报告 {today}", report.summary()]
    if not history.complete:
        out.append(f"注意：{history.reason}“审核后又有修改”因此不完整。")

    def overdue(row: tuple[str, Any]) -> str:
        item_id, state = row
        return f"逾期 {state.overdue_days} 天  {where(item_id)}：最后审核 {state.reviewed}，每 {state.every} 天"

    def changed(row: tuple[str, Any, Any]) -> str:
        item_id, state, when = row
        return f"{where(item_id)}：审核于 {state.reviewed}，{when.date()} 又修改过"

    _section(out, "逾期未审核", report.overdue, overdue)
    _section(out, "从未审核", report.never, where)
    _section(out, "审核后又有修改", report.changed, changed)
    return "\n".join(out)


def _section(out: list[str], title: str, by_owner: Mapping[str, Sequence[Any]], line: Callable[[Any], str]) -> None:
    """One part of the report: a heading, then each owner with their rows, or 没有。"""
    out += ["", f"== {title}"]
    for owner, rows in by_owner.items():
        out.append(f"{owner}（{len(rows)}）")
        out += [f"  {line(row)}" for row in rows]
    if not by_owner:
        out.append("  没有。")
