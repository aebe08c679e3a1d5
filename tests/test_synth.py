"""The synthetic content generator for the benchmarks makes content that validates."""

from __future__ import annotations

from pathlib import Path

from bench.synth import clone_id, make_synthetic
from macros.resolve.playbook import load_playbook

from .conftest import VALID


def test_clones_validate_and_point_at_their_own_copy(tmp_path: Path) -> None:
    real = load_playbook(VALID, root=VALID.parent)
    made = make_synthetic(tmp_path / "content", factor=3, source=VALID)
    playbook = load_playbook(made, root=tmp_path)
    fixed = sum(1 for entry in real.entries.values() if entry.kind.name in ("stage", "mode"))
    assert len(playbook.entries) == 3 * len(real.entries) - 2 * fixed
    activity = next(item for item in real.of_kind("activity"))
    clone = playbook.get(clone_id(activity.id, 3))
    assert clone.title != activity.title
    assert clone.checklist == clone_id(activity.checklist, 3)
    assert clone.stage == activity.stage, "stages are not cloned"
