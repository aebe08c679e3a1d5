"""Issue: trainers' quizzes, role-play practice and the course composer in a real browser."""

from __future__ import annotations

import re
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
    expect(quiz.locator("[data-question=q3] .pb-quiz-feedback")).to_contain_text("参考答案：参考己")
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
    # The 演练 module gets a role play with its tips and answer; the course a prerequisite and a quiz.
    page.fill("#pb-course-prerequisites", "读过电话技巧一页")
    second.locator(".pb-module-notes").fill("先请两位学员示范一次。")
    second.get_by_role("button", name="添加练习").click()
    exercise = page.locator(".pb-day").first.locator(".pb-module").nth(1).locator(".pb-exercise-edit")
    exercise.locator(".pb-exercise-title").fill("三人一组约见演练")
    exercise.locator(".pb-exercise-type").select_option("角色扮演")
    exercise.locator(".pb-exercise-minutes").fill("20")
    exercise.locator(".pb-exercise-instructions").fill("销售、客户、观察者轮换，每轮四分钟。")
    exercise.locator(".pb-item-search").fill("话术：电话约见")
    exercise.get_by_role("button", name="添加材料").click()
    exercise.locator(".pb-exercise-notes").fill("盯住有没有给二选一的时间。")
    exercise.locator(".pb-exercise-answer").fill("四分钟内约到周三下午。")
    page.get_by_role("button", name="添加一道题").click()
    question = page.locator(".pb-question-edit").first
    question.locator(".pb-question-prompt").fill("电话约见要多长时间？")
    question.locator(".pb-question-options").fill("4 分钟以内\n半小时")
    question.locator(".pb-question-correct").fill("1")
    question.locator(".pb-question-explanation").fill("通话不超过 4 分钟。")
    question.locator(".pb-item-search").fill("电话技巧")
    question.get_by_role("button", name="选定条目").click()
    expect(page.locator(".pb-composer-problems li")).to_have_count(0)
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
    courses = project / "site" / "courses"  # a one-day course: an index page and one day page each
    guide, handout = (
        courses.joinpath(f"phone-workshop-{output}.html").read_text("utf-8")
        + courses.joinpath(f"phone-workshop-{output}", "day-1.html").read_text("utf-8")
        for output in ("guide", "handout")
    )
    for facilitator_only in (
        "角色演练观察表：电话约见",
        "四分钟内约到周三下午。",
        "盯住有没有给二选一的时间。",
        "先请两位学员示范一次。",
    ):
        assert facilitator_only in guide and facilitator_only not in handout, facilitator_only
    assert "销售、客户、观察者轮换，每轮四分钟。" in handout
    course = (project / "site" / "courses" / "phone-workshop.html").read_text("utf-8")
    assert "读过电话技巧一页" in course and "电话约见要多长时间？" in course
    assert "种子资料 003" in course  # the sources are the seeds of the items used


def test_quiz_hides_its_key_until_handed_in_then_marks_the_right_answer(page: Page, fixture_url: str) -> None:
    page.goto(fixture_url + "courses/course-one.html")
    page.evaluate("localStorage.clear()")
    page.reload()
    for secret in ("解释丁", "解释戊", "参考己"):
        assert secret not in page.content(), "nothing that gives an answer away is in the page before handing in"
    quiz = page.locator("form.pb-quiz")
    quiz.locator("[data-question=q2] input[value='1']").check()  # wrong: B is right
    quiz.locator("[data-question=q3] textarea").fill("您好，我是小李。")
    quiz.get_by_role("button", name="交卷并查看得分").click()
    q2 = quiz.locator("[data-question=q2]")
    expect(q2.locator(".pb-quiz-feedback")).to_contain_text("正确答案：B．约到拜访时间")
    expect(q2.locator("label.pb-quiz-correct")).to_have_count(1)
    expect(q2.locator("label.pb-quiz-correct")).to_contain_text("约到拜访时间")
    expect(quiz.locator("[data-question=q1] .pb-quiz-feedback")).to_contain_text("未作答。 正确答案：错")
    # The handout carries no answers: the short answer's reference comes with the feedback.
    expect(quiz.locator("[data-question=q3] .pb-quiz-feedback")).to_contain_text("请对照参考答案自查")
    expect(quiz.locator("[data-question=q3] .pb-quiz-reference")).to_have_text(
        "参考答案：参考己：您好，我是云帆软件的小李。"
    )
    # Answers and the handed-in result survive a reload.
    page.reload()
    quiz = page.locator("form.pb-quiz")
    expect(quiz.locator("[data-question=q2] input[value='1']")).to_be_checked()
    expect(quiz.locator("[data-question=q3] textarea")).to_have_value("您好，我是小李。")
    expect(quiz.locator(".pb-quiz-score")).to_have_text("得分：0 / 2（0 分）")
    expect(quiz.locator("[data-question=q2] label.pb-quiz-correct")).to_have_count(1)
    quiz.get_by_role("button", name="清空重做").click()
    page.reload()
    expect(page.locator("[data-question=q2] input[value='1']")).not_to_be_checked()
    expect(page.locator(".pb-quiz-score")).to_have_text("")


def test_practice_keeps_coaching_notes_and_reveals_all(page: Page, fixture_url: str) -> None:
    page.goto(fixture_url + "scripts/script-phone.html")
    reveal_all = page.get_by_role("button", name="全部显示")
    expect(reveal_all).to_be_hidden()
    page.get_by_role("button", name="练习模式：隐藏销售的台词").click()
    words = page.locator(".pb-say-rep .pb-words")
    expect(words.nth(1)).to_be_hidden()
    expect(page.locator(".pb-say-rep .pb-note")).to_be_visible()  # 说明电话目的: the learner's prompt
    expect(page.locator(".pb-say-rep .pb-note")).to_have_text("说明电话目的")
    reveal_all.click()
    expect(words.nth(0)).to_be_visible()
    expect(words.nth(1)).to_be_visible()


def test_training_tab_opens_the_course_list(page: Page, fixture_url: str) -> None:
    page.goto(fixture_url)
    tab = page.locator(".md-tabs__link", has_text="培训")
    expect(tab).to_have_attribute("href", re.compile(r"(^|/)courses/index\.html$"))
    tab.click()
    expect(page.locator("h1")).to_have_text("培训课程")


def test_composer_names_the_kind_of_titles_two_kinds_share(page: Page, site_url: str) -> None:
    page.goto(site_url + "composer.html")
    page.evaluate("localStorage.removeItem('playbook.composer')")
    page.reload()
    choices = page.locator("#pb-catalog option").evaluate_all("options => options.map(o => o.value)")
    assert "销售技巧：锁客" in choices and "术语表：锁客" in choices
    assert len(choices) == len(set(choices)), "every choice is distinct"
    module = page.locator(".pb-module").first
    module.locator(".pb-item-search").fill("术语表：锁客")
    module.get_by_role("button", name="添加条目").click()
    expect(module.locator(".pb-picked li")).to_have_text("术语表：锁客 移除")
    chosen = page.evaluate("JSON.parse(localStorage.getItem('playbook.composer')).days[0].modules[0].items")
    kinds = page.evaluate("ids => ids.map(id => PB.manifest.catalog.find(c => c.id === id).kind)", chosen)
    assert kinds == ["term"]
    # A bare title two kinds share asks which one is meant instead of taking the first.
    module.locator(".pb-item-search").fill("锁客")
    module.get_by_role("button", name="添加条目").click()
    expect(module.locator(".pb-picked li")).to_have_count(1)
    message = module.locator(".pb-item-search").evaluate("input => input.validationMessage")
    assert "同名条目" in message and "销售技巧：锁客" in message
    # No seed checkboxes; the sixth day has a name.
    expect(page.get_by_text("种子资料")).to_have_count(0)
    for _ in range(5):
        page.get_by_role("button", name="添加一天").click()
    expect(page.locator(".pb-day-name").nth(5)).to_have_value("第六天")
