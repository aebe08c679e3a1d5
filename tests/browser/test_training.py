"""Issue: trainers' quizzes, role-play practice and the course composer in a real browser."""

from __future__ import annotations

import shutil
from pathlib import Path

from playwright.sync_api import Page, expect

from ..conftest import ROOT, VALID, build_site


def test_quiz_scores_and_explains_each_answer(page: Page, fixture_url: str) -> None:
    page.goto(fixture_url + "courses/course-one.html")
    quiz = page.locator("form.pb-quiz")
    quiz.locator("[data-question=q1] input[value=false]").check()  # right
    quiz.locator("[data-question=q2] input[value='1']").check()  # wrong (B is right)
    quiz.get_by_role("button", name="交卷并查看得分").click()
    expect(quiz.locator(".pb-quiz-score")).to_have_text("得分：1 / 2（50 分）")
    expect(quiz.locator("[data-question=q1] .pb-quiz-feedback")).to_contain_text("回答正确。 解释丁")
    expect(quiz.locator("[data-question=q2] .pb-quiz-feedback")).to_contain_text("回答错误。")
    expect(quiz.locator("[data-question=q2] .pb-quiz-feedback a")).to_have_text("电话技巧")
    expect(quiz.locator("[data-question=q3] .pb-quiz-feedback")).to_contain_text("不自动评分")
    quiz.locator("[data-question=q2] input[value='2']").check()
    quiz.get_by_role("button", name="交卷并查看得分").click()
    expect(quiz.locator(".pb-quiz-score")).to_have_text("得分：2 / 2（100 分）")


def test_practice_mode_hides_rep_lines_until_clicked(page: Page, fixture_url: str) -> None:
    page.goto(fixture_url + "scripts/script-phone.html")
    rep = page.locator(".pb-say-rep .pb-words").first
    customer = page.locator(".pb-say-other .pb-words").first
    expect(rep).to_be_visible()
    page.get_by_role("button", name="练习模式：隐藏销售的台词").click()
    expect(rep).to_be_hidden()
    expect(customer).to_be_visible()
    page.locator(".pb-say-rep").first.click()
    expect(rep).to_be_visible()
    expect(page.locator(".pb-say-rep .pb-words").nth(1)).to_be_hidden()
    # The observer sheet is what prints from the observer button.
    page.evaluate("document.body.classList.add('pb-print-observer')")
    page.emulate_media(media="print")
    expect(page.locator(".pb-observer")).to_be_visible()
    expect(page.locator(".pb-dialogue")).to_be_hidden()
    expect(page.locator(".pb-observer-table tbody tr")).to_have_count(4)  # 2 rep lines, tone, 1 avoid


def test_composer_download_builds_as_a_course(page: Page, fixture_url: str, tmp_path: Path) -> None:
    page.goto(fixture_url + "composer.html")
    page.fill("#pb-course-id", "phone-workshop")
    page.fill("#pb-course-title", "电话约见工作坊")
    page.fill("#pb-course-summary", "半天练会电话约见。")
    page.fill("#pb-course-audience", "入职三个月内的销售")
    page.fill("#pb-course-outcomes", "四分钟内约到拜访时间\n能应对客户说没空")
    day = page.locator(".pb-day").first
    day.locator(".pb-day-start").fill("09:00")
    day.locator(".pb-day-end").fill("10:30")
    module = day.locator(".pb-module").first
    module.locator(".pb-module-title").fill("电话技巧讲解")
    module.locator(".pb-module-minutes").fill("60")
    module.locator(".pb-item-search").fill("电话技巧")
    module.get_by_role("button", name="添加条目").click()
    expect(module.locator(".pb-picked li")).to_have_count(1)
    day.get_by_role("button", name="添加模块").click()
    second = page.locator(".pb-day").first.locator(".pb-module").nth(1)
    second.locator(".pb-module-title").fill("演练")
    second.locator(".pb-module-minutes").fill("45")
    second.locator(".pb-module-method").select_option("演练")
    expect(page.locator("[data-day-total='0']")).to_contain_text("超出 15 分钟")
    expect(page.locator("#pb-composer-download")).to_be_disabled()
    second.locator(".pb-module-minutes").fill("30")
    second.locator(".pb-item-search").fill("电话约见")
    second.get_by_role("button", name="添加条目").click()
    expect(page.locator("[data-day-total='0']")).to_contain_text("已排 90 分钟 / 可用 90 分钟")
    with page.expect_download() as download:
        page.locator("#pb-composer-download").click()
    # Drop the downloaded file, unchanged, into a project and build it.
    project = tmp_path / "project"
    project.mkdir()
    shutil.copy(ROOT / "mkdocs.yml", project)
    shutil.copytree(ROOT / "docs", project / "docs")
    shutil.copytree(ROOT / "overrides", project / "overrides")  # the theme's custom_dir
    shutil.copytree(VALID, project / "content")
    (project / "macros").symlink_to(ROOT / "macros")
    download.value.save_as(project / "content" / "courses" / "phone-workshop.yml")
    result = build_site(project, project / "site")
    assert result.returncode == 0, result.stderr[-3000:]
    agenda = (project / "site" / "courses" / "phone-workshop-agenda.html").read_text("utf-8")
    assert "09:00–10:00" in agenda and "10:00–10:30" in agenda
