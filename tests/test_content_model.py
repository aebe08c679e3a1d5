"""The content model's promises on the real content: one alias one item, facts stated once, one sheet per company."""

from __future__ import annotations

import pytest

from macros.playbook import Playbook, load_playbook

from .conftest import ROOT

PLAYBOOK: Playbook = load_playbook(ROOT / "content", root=ROOT)


def _said(text: str) -> str:
    """How search sees a phrase: spaces and the closing question mark don't make it another phrase."""
    return text.replace(" ", "").rstrip("？?")


@pytest.mark.parametrize("field", ["aliases", "questions"])
def test_no_alias_or_question_is_on_two_items(field: str) -> None:
    owners: dict[str, set[str]] = {}
    for item_id, entry in PLAYBOOK.entries.items():
        for phrase in getattr(entry.item, field):
            owners.setdefault(_said(phrase), set()).add(item_id)
    shared = {phrase: sorted(ids) for phrase, ids in owners.items() if len(ids) > 1}
    assert not shared, f"{len(shared)} {field} on more than one item: {shared}"


@pytest.mark.parametrize(
    ("item_id", "alias"),
    [
        ("term-hidden-objection", "真实异议"),  # names another category of objection
        ("turnaround-meeting", "挽回客户"),  # winning back a lost customer is win-back
        ("contract-review-checklist", "收首付"),  # collecting the first payment is collect-first-payment
    ],
)
def test_misleading_aliases_are_gone(item_id: str, alias: str) -> None:
    assert alias not in PLAYBOOK.get(item_id).aliases
