"""Key techniques (关键技巧): the seed's list for each activity, and both sides agree."""

from __future__ import annotations

import pytest

from .test_content import PLAYBOOK, ids

# Seed 003 §2.2 lists these 关键技巧 under each of its 15 key activities (电话技巧 where the
# capture stripped 电话 from “技巧”); the four activities of stage 6 come from 000, 001 and 004,
# which name no key techniques.
SEED_003 = {
    "find-opportunities": ["phone-skills"],
    "assess-opportunity": [],
    "prepare-visit": ["phone-skills"],
    "verify-on-visit": ["opening-skills", "question-funnel"],
    "explore-needs": ["question-funnel", "spin-selling"],
    "build-vision": ["question-funnel", "spin-selling", "pain-analysis"],
    "confirm-scope": ["needs-research"],
    "set-criteria": ["turnaround"],
    "deliver-solution": ["turnaround", "proposal-writing"],
    "present-solution": ["fbv-presentation", "objection-handling"],
    "negotiate": ["negotiation-skills", "objection-handling", "closing-skills"],
    "sign-contract": [],
    "collect-first-payment": [],
    "hand-over-service": [],
    "support-kickoff": [],
}


def test_every_seed_activity_is_listed() -> None:
    stage6 = {activity.id for activity in PLAYBOOK.activities("retain-grow")}
    assert set(SEED_003) | stage6 == set(ids("activity"))


@pytest.mark.parametrize("activity_id", sorted(SEED_003))
def test_activity_names_the_seeds_key_techniques(activity_id: str) -> None:
    activity = PLAYBOOK.get(activity_id)
    missing = [t for t in SEED_003[activity_id] if t not in activity.techniques]
    assert missing == [], f"{activity_id}: 关键技巧 misses {missing}"
    assert not set(SEED_003[activity_id]) & set(activity.related), "a key technique is not also a related item"


@pytest.mark.parametrize("activity_id", ids("activity"))
def test_a_key_technique_names_the_activity_and_its_stage(activity_id: str) -> None:
    activity = PLAYBOOK.get(activity_id)
    for technique_id in activity.techniques:
        technique = PLAYBOOK.get(technique_id)
        assert activity_id in technique.activities, technique_id
        assert activity.stage in technique.stages, technique_id
