"""The two calculators on the real site, at every threshold the YAML defines.

The expected answers come from the seed (客户分级: ≥100 万 战略, 10–100 万 重点, <10 万 普通) and
from content/templates/opportunity-assessment.yml (score bands → sales mode), so a threshold typed
twice, or a rounding slip in the browser, fails here.
"""

from __future__ import annotations

import itertools
import math

import pytest
from playwright.sync_api import Page, expect

from macros import models
from macros.playbook import load_playbook

from ..conftest import ROOT

PLAYBOOK = load_playbook(ROOT / "content", root=ROOT)


@pytest.mark.parametrize(
    ("amount", "tier"),
    [
        ("0", "普通"), ("9.99", "普通"), ("10", "重点"), ("10万", "重点"),
        ("99.99", "重点"), ("100", "战略"), ("350", "战略"),
    ],  # fmt: skip
)
def test_tier_calculator_at_each_threshold(page: Page, site_url: str, amount: str, tier: str) -> None:
    page.goto(site_url + "forms/customer-tiering.html")
    page.fill("#pb-tier-amount", amount)
    result = page.locator(".pb-calc-tier output")
    expect(result.locator(".pb-calc-result")).to_contain_text(tier)
    tiers = {t.name: t for t in PLAYBOOK.get("customer-tiering").tiers}
    chosen = next(t for name, t in tiers.items() if tier in name)
    expect(result).to_contain_text(f"{chosen.response_hours} 小时内响应")
    expect(result).to_contain_text(chosen.review)


def test_tier_calculator_rejects_what_is_not_an_amount(page: Page, site_url: str) -> None:
    page.goto(site_url + "forms/customer-tiering.html")
    page.fill("#pb-tier-amount", "一百")
    expect(page.locator(".pb-calc-tier .pb-error")).to_be_visible()


def _score(scoring: models.Scoring, answers: tuple[int, ...]) -> int:
    """The rule printed on the page, rounded half up as the browser does."""
    total = 0.0
    for criterion, chosen in zip(scoring.criteria, answers, strict=True):
        best = max(option.score for option in criterion.options)
        total += criterion.weight * criterion.options[chosen].score / best if best else 0
    return math.floor(total + 0.5)


def _boundary_answers() -> list[tuple[tuple[int, ...], int, str]]:
    """For each band edge, the answers whose score lands nearest to it on each side."""
    scoring = PLAYBOOK.get("opportunity-assessment").scoring
    assert scoring is not None
    reachable: dict[int, tuple[int, ...]] = {}
    for answers in itertools.product(*(range(len(c.options)) for c in scoring.criteria)):
        reachable.setdefault(_score(scoring, answers), answers)
    cases = []
    for band in sorted(scoring.bands, key=lambda b: b.min):
        inside = [s for s in reachable if band.min <= s <= band.max]
        for score in {min(inside), max(inside)}:
            cases.append((reachable[score], score, band.mode))
    return cases


def test_the_score_bands_lead_to_all_three_modes() -> None:
    modes = {mode for _, _, mode in _boundary_answers()}
    assert modes == {"quick-mode", "consultant-mode", "strategic-mode"}


@pytest.mark.parametrize(("answers", "score", "mode"), _boundary_answers())
def test_opportunity_calculator_at_each_band_edge(
    page: Page, site_url: str, answers: tuple[int, ...], score: int, mode: str
) -> None:
    page.goto(site_url + "forms/opportunity-assessment.html")
    selects = page.locator(".pb-calc-score select[data-criterion]")
    expect(page.locator(".pb-calc-score output")).to_contain_text("未选")
    for index, chosen in enumerate(answers):
        selects.nth(index).select_option(str(chosen))
    output = page.locator(".pb-calc-score output")
    expect(output.locator(".pb-calc-total")).to_have_text(str(score))
    expect(output.locator(".pb-calc-mode")).to_have_text(PLAYBOOK.get(mode).title)
    expect(output).to_contain_text("标准拜访程序")
    output.locator(".pb-calc-mode").click()
    expect(page).to_have_url(site_url + f"modes/{mode}.html")
