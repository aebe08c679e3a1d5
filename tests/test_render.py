from pathlib import Path

import pytest

from macros.render.markdown import Renderer, heading
from macros.resolve.playbook import Playbook, load_playbook
from tests.documents import course_document


@pytest.fixture
def playbook(content: Path) -> Playbook:
    return load_playbook(content, root=content.parent)


def _with_text(content: Path, text: str) -> Playbook:
    path = content / "techniques" / "tech-phone.yml"
    path.write_text(path.read_text("utf-8").replace("约到拜访时间。", text), "utf-8")
    return load_playbook(content, root=content.parent)


def test_links_are_relative_and_show_the_target_title(playbook: Playbook) -> None:
    html = Renderer(playbook).item("act-find", "activities/act-find.html")
    assert '<a class="pb-ref pb-ref-technique" href="../techniques/tech-phone.html"' in html
    assert ">电话技巧</a>" in html


def test_content_text_is_escaped_not_interpreted(content: Path) -> None:
    playbook = _with_text(content, '成本 & 价格 *不要* [链接] {变量} a < b "引号"')
    html = Renderer(playbook).item("tech-phone", "techniques/tech-phone.html")
    assert "成本 &amp; 价格 *不要* [链接] {变量} a &lt; b &#34;引号&#34;" in html


def test_markdown_specials_are_escaped_in_headings() -> None:
    assert heading("第 1 步 *重点* #2") == r"第 1 步 \*重点\* \#2"


def test_every_page_lists_its_backlinks(playbook: Playbook) -> None:
    html = Renderer(playbook).item("tech-phone", "techniques/tech-phone.html")
    backlinks = html[html.index("## 引用它的") :]
    for title in ("挖掘潜在商机", "探索并引导需求", "电话约见", "参考客户名单与参观"):
        assert title in backlinks
    lonely = Renderer(playbook).item("topic-selling", "basics/topic-selling.html")
    assert "暂无其他条目引用本页" in lonely


def test_glossary_term_defined_in_place_once_per_page(playbook: Playbook) -> None:
    html = Renderer(playbook).item("case-one", "cases/case-one.html")
    assert html.count('class="pb-term"') == 1
    assert 'title="合同签订后客户按约定支付的第一笔款项。">首期款</a>' in html


def test_term_page_does_not_annotate_itself(playbook: Playbook) -> None:
    html = Renderer(playbook).item("term-first-payment", "glossary/term-first-payment.html")
    assert 'class="pb-term"' not in html


def test_template_renders_real_controls_and_letter_slots(playbook: Playbook) -> None:
    html = Renderer(playbook).item("form-tiering", "forms/form-tiering.html")
    assert '<select id="f-form-tiering-tier" name="tier">' in html
    assert (
        '<input type="text" id="f-form-tiering-since" name="since" autocomplete="off" placeholder="例：2026-12-02">'
        in html
    )
    assert html.count('<td data-column="date" data-type="date" data-label="日期">') == 3
    assert '<span class="pb-slot" data-field="customer">【客户名称】</span>' in html
    # Ranges that do not overlap at their bounds (min inclusive, max exclusive).
    assert "100 万元及以上" in html and "10 万元及以上，不到 100 万元" in html and "不到 10 万元" in html


def test_checklist_items_carry_stable_ids(playbook: Playbook) -> None:
    html = Renderer(playbook).item("list-find", "checklists/list-find.html")
    assert html.count('type="checkbox" class="pb-check"') == 3
    assert 'data-item="contact" data-was="contact-old"' in html
    assert 'data-stage="stage-one"' in html


def test_course_agenda_has_clock_times(playbook: Playbook) -> None:
    html = Renderer(playbook).item("course-one", "courses/course-one.html")
    assert "09:00–10:30" in html and "10:30–11:30" in html


def test_stage_kit_and_decision(playbook: Playbook) -> None:
    html = Renderer(playbook).item("stage-one", "stages/stage-one.html")
    assert "决策点：客户愿意见面吗？" in html
    assert "本阶段要用的" in html and "电话约见" in html


def test_activity_shows_position_and_next(playbook: Playbook) -> None:
    html = Renderer(playbook).item("act-find", "activities/act-find.html")
    assert "本阶段第 1 个关键活动" in html
    assert 'class="pb-next" href="act-explore.html"' in html


def test_glossary_index_groups_by_pinyin(playbook: Playbook) -> None:
    html = Renderer(playbook).index("term", "glossary/index.html")
    assert "## S {#group-1 .pb-index-group}" in html


def test_course_handout_holds_no_answers_or_facilitator_notes(playbook: Playbook) -> None:
    renderer = Renderer(playbook)
    handout = course_document(renderer, "course-one", "handout")
    guide = course_document(renderer, "course-one", "guide")
    page = renderer.item("course-one", "courses/course-one.html")
    secrets = [
        "讲师提示甲",
        "讲师提示乙",
        "参考答案丙",
        "解释丁",
        "解释戊",
        "参考己",
        "提供名单并安排参观",
        "先让学员独立思考",
    ]
    for secret in secrets:
        assert secret not in handout, secret
        assert secret in guide, secret
    assert "参考己" not in page and "参考答案丙" not in page  # the quiz page carries only hashes
    assert "两人一组，轮流扮演销售和客户。" in handout  # exercises are in the handout
    assert "观察表：电话约见" in guide  # role-play observer sheet
    assert "<strong>答案：</strong>B。" in guide


def test_quiz_answers_travel_as_hashes(playbook: Playbook) -> None:
    from macros.render.markdown import answer_hash, fnv1a

    question = next(q for q in playbook.get("course-one").quiz if q.id == "q2")
    assert answer_hash(question) == fnv1a("q2:2")
    assert fnv1a("a") == "e40c292c"  # the published FNV-1a test vector


def test_only_the_first_link_to_an_item_previews_its_summary(playbook: Playbook) -> None:
    renderer = Renderer(playbook)
    template = renderer.env.from_string("{{ link('tech-phone') }} {{ link('tech-phone') }} {{ link('tech-phone') }}")
    html = template.render(page_url="guide/x.html", glossed=set(), previewed=set())
    summary = playbook.get("tech-phone").summary
    assert html.count(f'title="销售技巧：{summary}"') == 1
    assert html.count('href="../techniques/tech-phone.html" title="销售技巧"') == 2
    # The matrix (up to 24 × SHOWN links) previews none: its links name only their kind.
    matrix = renderer.fragment("matrix.md.j2", "guide/matrix.html")
    links = matrix.count('href="../techniques/tech-phone.html"')
    assert links >= 2, "the matrix links the fixture technique more than once"
    assert matrix.count('href="../techniques/tech-phone.html" title="销售技巧"') == links


def test_editor_notes_sit_in_one_collapsed_block_that_never_prints(playbook: Playbook) -> None:
    for item_id, url in (("tech-phone", "techniques/tech-phone.html"), ("list-find", "checklists/list-find.html")):
        html = Renderer(playbook).item(item_id, url)
        start = html.index('<details class="pb-editor-notes pb-noprint"><summary>编者注</summary>')
        block = html[start : html.index("</details>", start)]
        assert "资料来源：种子资料 003" in block
        for note in ("资料来源", "本手册补写"):
            assert html.count(note) == block.count(note), f"{note} outside the editor notes of {item_id}"


def test_case_page_states_the_minutes_it_needs(playbook: Playbook) -> None:
    html = Renderer(playbook).item("case-one", "cases/case-one.html")
    assert "整个案例用 20 分钟" in html


def test_a_page_lists_each_item_once(playbook: Playbook) -> None:
    html = Renderer(playbook).item("act-find", "activities/act-find.html")
    assert html.count('href="../techniques/tech-phone.html"') == 1, "kit, related and backlinks share one list"


def test_a_long_index_is_grouped_and_names_items_only(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from bench.synth import make_synthetic
    from macros.render import markdown as render

    from .conftest import VALID

    made = make_synthetic(tmp_path / "content", factor=3, source=VALID)
    playbook = load_playbook(made, root=tmp_path)
    monkeypatch.setattr(render, "GROUP_FROM", 2)
    monkeypatch.setattr(render, "COMPACT_FROM", 2)
    html = Renderer(playbook).index("checklist", "checklists/index.html")
    assert "## 开发商机 {#group-1 .pb-index-group}" in html, "checklists grouped by stage"
    assert "pb-index-compact" in html and playbook.get("list-find").summary not in html
    monkeypatch.setattr(render, "COMPACT_FROM", 100)
    assert playbook.get("list-find").summary in Renderer(playbook).index("checklist", "checklists/index.html")
