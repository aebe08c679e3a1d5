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

from macros.load import models
from macros.resolve.playbook import load_playbook

from ..conftest import ROOT

PLAYBOOK = load_playbook(ROOT / "content", root=ROOT)


@pytest.mark.parametrize(
    ("amount", "tier"),
    [
        ("0", "普通"),
        ("9.99", "普通"),
        ("10", "重点"),
        ("10万", "重点"),
        ("99.99", "重点"),
        ("100", "战略"),
        ("350", "战略"),
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


def _mode(scoring: models.Scoring, answers: tuple[int, ...]) -> str:
    """The score's band, raised to the highest `at_least` among the options chosen."""
    bands = sorted(scoring.bands, key=lambda b: b.min)
    score = _score(scoring, answers)
    index = next(i for i, band in enumerate(bands) if band.min <= score <= band.max)
    for criterion, chosen in zip(scoring.criteria, answers, strict=True):
        floor = criterion.options[chosen].at_least
        if floor:
            index = max(index, next(i for i, band in enumerate(bands) if band.mode == floor))
    return bands[index].mode


def _boundary_answers() -> list[tuple[tuple[int, ...], int, str]]:
    """For each band edge, the answers whose score lands nearest to it on each side
    (answers that no `at_least` raises, so that the band itself is tested)."""
    scoring = PLAYBOOK.get("opportunity-assessment").scoring
    assert scoring is not None
    reachable: dict[int, tuple[int, ...]] = {}
    for answers in itertools.product(*(range(len(c.options)) for c in scoring.criteria)):
        if not any(c.options[a].at_least for c, a in zip(scoring.criteria, answers, strict=True)):
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


def test_a_big_budget_is_never_a_quick_deal() -> None:
    """大单不做小: 100 万元 and above, with every other answer at its lowest, is not 快刀."""
    scoring = PLAYBOOK.get("opportunity-assessment").scoring
    assert scoring is not None
    for answers in itertools.product(*(range(len(c.options)) for c in scoring.criteria)):
        if answers[0] == len(scoring.criteria[0].options) - 1:
            assert _mode(scoring, answers) != "quick-mode", answers


def test_amount_options_do_not_overlap_at_their_bounds() -> None:
    scoring = PLAYBOOK.get("opportunity-assessment").scoring
    assert scoring is not None
    labels = [option.label for option in scoring.criteria[0].options]
    assert not any("–" in label for label in labels), labels
    assert labels[-1] == "100 万元及以上"


def test_opportunity_calculator_raises_a_big_deal_and_fills_the_form(page: Page, site_url: str) -> None:
    scoring = PLAYBOOK.get("opportunity-assessment").scoring
    assert scoring is not None
    answers = (len(scoring.criteria[0].options) - 1,) + (0,) * (len(scoring.criteria) - 1)
    page.goto(site_url + "forms/opportunity-assessment.html")
    selects = page.locator(".pb-calc-score select[data-criterion]")
    for index, chosen in enumerate(answers):
        selects.nth(index).select_option(str(chosen))
    output = page.locator(".pb-calc-score output")
    expect(output.locator(".pb-calc-total")).to_have_text(str(_score(scoring, answers)))
    expect(output.locator(".pb-calc-mode")).to_have_text("顾问模式")
    expect(output.locator(".pb-calc-raised")).to_contain_text("100 万元及以上")
    # The form's own fields are filled, in a deal created for it, and survive a reload.
    expect(page.locator(".pb-form .pb-deal-hint")).to_contain_text("已自动新建")
    page.reload()
    expect(page.locator("#f-opportunity-assessment-total-score")).to_have_value(str(_score(scoring, answers)))
    expect(page.locator("#f-opportunity-assessment-suggested-mode")).to_have_value("顾问模式")
    table = page.locator("[data-field=criterion-scores] tbody tr")
    expect(table).to_have_count(len(scoring.criteria))
    expect(table.first.locator("td[data-column=chosen-level] input")).to_have_value("100 万元及以上")
    expect(table.first.locator("td[data-column=points] input")).to_have_value(str(scoring.criteria[0].weight))
    for index, chosen in enumerate(answers):
        expect(selects.nth(index)).to_have_value(str(chosen))
    expect(output.locator(".pb-calc-mode")).to_have_text("顾问模式")
    # A basis the rep wrote is kept when the calculator changes its row.
    table.first.locator("td[data-column=basis] input").fill("客户说预算 120 万")
    selects.nth(1).select_option("1")
    page.reload()
    expect(table.first.locator("td[data-column=basis] input")).to_have_value("客户说预算 120 万")
    expect(page.locator("#f-opportunity-assessment-total-score")).to_have_value(
        str(_score(scoring, (answers[0], 1, *answers[2:])))
    )


def test_tier_calculator_fills_the_form_and_comes_back_after_reload(page: Page, site_url: str) -> None:
    page.goto(site_url + "forms/customer-tiering.html")
    page.fill("#pb-tier-amount", "１２０")
    expect(page.locator(".pb-calc-tier .pb-calc-result")).to_contain_text("战略")
    page.reload()
    expect(page.locator("#pb-tier-amount")).to_have_value("120")
    expect(page.locator("#f-customer-tiering-annual-amount")).to_have_value("120")
    expect(page.locator("#f-customer-tiering-tier")).to_have_value("战略客户")
    deal = page.evaluate("Object.values(PB.store.exportData().deals)[0]")
    assert deal["forms"]["customer-tiering"]["tier"] == "战略客户"


def test_quick_mode_visits_are_named_once() -> None:
    """The visit list reads 第 1 次：建立形象…, not 第 1 次：第一次拜访：建立形象…."""
    for mode in PLAYBOOK.of_kind("mode"):
        for visit in mode.visits:
            assert "拜访：" not in visit.title and not visit.title.startswith("第"), (mode.id, visit.title)
