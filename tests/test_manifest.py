from pathlib import Path

from macros.render.manifest import deal_data, manifest
from macros.resolve.playbook import load_playbook

from .conftest import ROOT

VISIT_CHECKLIST = """\
id: list-quick-visit
title: 快刀模式第一次拜访检查清单
summary: 第一次拜访前后逐项核对。
stage: stage-one
sources: ["003 §2.3.1"]
groups:
  - title: 拜访前
    items:
      - {id: booked, text: 已电话预约}
"""


def test_checklists_know_their_stage_activity_and_items(content: Path) -> None:
    playbook = load_playbook(content, root=content.parent)
    data = {**manifest(playbook), **deal_data(playbook)}
    info = data["checklists"]["list-find"]
    assert info["url"] == "checklists/list-find.html"
    assert sorted(info["activities"]) == ["act-explore", "act-find"]
    assert info["items"] and all("id" in item and "was" in item for item in info["items"])
    assert any("list-find" in stage["checklists"] for stage in data["stages"])


def test_only_a_modes_own_visit_checklist_is_tied_to_that_mode(content: Path) -> None:
    (content / "checklists" / "list-quick-visit.yml").write_text(VISIT_CHECKLIST, "utf-8")
    mode = content / "modes" / "mode-quick.yml"
    mode.write_text(mode.read_text("utf-8").replace("checklist: list-find", "checklist: list-quick-visit"), "utf-8")
    data = deal_data(load_playbook(content, root=content.parent))
    assert data["checklists"]["list-quick-visit"]["mode"] == "mode-quick"
    assert data["checklists"]["list-find"]["mode"] is None, "an activity's checklist counts for every deal"


def test_a_visit_checklist_an_activity_also_uses_counts_for_every_deal(content: Path) -> None:
    data = deal_data(load_playbook(content, root=content.parent))
    assert data["checklists"]["list-find"]["mode"] is None


def test_each_stages_checklists_follow_the_process_order() -> None:
    """The deals page offers the first unticked item of this list as 下一步."""
    playbook = load_playbook(ROOT / "content", root=ROOT)
    data = manifest(playbook)
    for stage in data["stages"]:
        owned = list(dict.fromkeys(a.checklist for a in playbook.activities(stage["id"])))
        assert stage["checklists"][: len(owned)] == owned, stage["id"]


def test_template_columns_carry_their_type(content: Path) -> None:
    data = deal_data(load_playbook(content, root=content.parent))
    visits = next(f for f in data["templates"]["form-tiering"]["fields"] if f["id"] == "visits")
    assert visits["columns"][0] == {"id": "date", "label": "日期", "type": "date"}


def test_every_page_loads_only_a_small_index(content: Path) -> None:
    data = manifest(load_playbook(content, root=content.parent))
    assert data["checklists"] == {} and data["templates"] == {} and data["catalog"] == []
    assert data["stages"] and data["modes"]
