"""The review report as plain text, for `./dev review` (the site's 维护 page shows the same)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from . import freshness
from .history import read_history
from .playbook import Playbook


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
    out.append("")
    out.append("== 逾期未审核")
    for owner, rows in report.overdue.items():
        out.append(f"{owner}（{len(rows)}）")
        out += [f"  逾期 {s.overdue_days} 天  {where(i)}：最后审核 {s.reviewed}，每 {s.every} 天" for i, s in rows]
    if not report.overdue:
        out.append("  没有。")
    out.append("")
    out.append("== 从未审核")
    for owner, ids in report.never.items():
        out.append(f"{owner}（{len(ids)}）")
        out += [f"  {where(item_id)}" for item_id in ids]
    if not report.never:
        out.append("  没有。")
    out.append("")
    out.append("== 审核后又有修改")
    for owner, changed in report.changed.items():
        out.append(f"{owner}（{len(changed)}）")
        out += [f"  {where(i)}：审核于 {s.reviewed}，{when.date()} 又修改过" for i, s, when in changed]
    if not report.changed:
        out.append("  没有。")
    return "\n".join(out)
