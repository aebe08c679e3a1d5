"""The content model's promises on the real content: one alias one item, facts stated once, one sheet per company."""

from __future__ import annotations

import re

import pytest

from macros.load.lint import strings
from macros.load.loader import load_entries
from macros.resolve.playbook import Playbook, load_playbook

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


def test_no_two_items_share_a_title() -> None:
    """Readers, search and the composer tell items apart by title.

    Only a glossary term may share its title, and only with the item it explains (its `see`).
    """
    owners: dict[str, list[str]] = {}
    for item_id, entry in PLAYBOOK.entries.items():
        owners.setdefault(_said(entry.item.title), []).append(item_id)
    shared = {}
    for title, ids in owners.items():
        terms = [i for i in ids if PLAYBOOK.entries[i].kind.name == "term"]
        others = [i for i in ids if i not in terms]
        explained = all(set(others) <= set(PLAYBOOK.get(t).see) for t in terms)
        if len(others) > 1 or len(terms) > 1 or not explained:
            shared[title] = ids
    assert not shared, f"{len(shared)} titles on more than one item: {shared}"


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


# ---------------------------------------------------------------- facts stated once

# Each shared fact, the item that owns it, and how a restatement of it reads in a sentence.
# Any other item must show the fact through a {fact:owner.key} slot; the test reads the text
# as written, before the slots are filled in, so a number typed a second time fails.
FACT_PATTERNS = [
    (
        "tier response time",
        "customer-tiering",
        r"(战略|重点|普通|分级|投诉)[^。；]{0,16}\d+\s*小时内?[^。；，]{0,4}响应",
    ),  # noqa: E501
    (
        "tier visit frequency",
        "customer-tiering",
        r"(战略|重点|普通)客户[^。；]{0,8}(每月|每季度|每半年|半年)[^。；]{0,6}(回访|互访|沟通)"
        r"|(战略|重点|普通)客户[^。；，、]{0,4}(每月|每季度|每半年|半年)\s*(\d+|一)\s*次",
    ),
    (
        "tier visit frequency, in a definition",
        "customer-tiering",
        r"(第一|第二|第三|最高一)级[^。；]{0,40}(每月|每季度|每半年)回访",
    ),
    (
        "tier amount",
        "customer-tiering",
        r"(战略|重点|普通)客户[^。；，]{0,10}(\d+\s*[–-]\s*\d+\s*万元|\d+\s*万元(以上|以下|及以上))"
        r"|\d+\s*([–-]\s*\d+\s*)?万元(以上|以下|及以上)?为(战略|重点|普通)客户",
    ),
    ("tier share", "customer-tiering", r"(战略|重点|普通)客户（?约?占\s*\d+%|约占客户数\s*\d+%"),
    (
        "re-tiering cadence",
        "customer-tiering",
        r"(每月|每季度|每半年|每年)[^。；]{0,24}(调整|复核)[^。；]{0,10}(分级|等级)",
    ),
    (
        "first follow-up letter",
        "follow-up-letter-1",
        r"((?<!你)当天|两个工作日内?|第二天|\d+\s*个?工作日内?)[^。；，]{0,4}发出?第一封跟进信"
        r"|第一封跟进信[^。；]{0,6}(当天|两个工作日|第二天|\d+\s*个?工作日)"
        r"|跟进信(已?在)?(拜访)?当天发出",
    ),
    ("second follow-up letter", "follow-up-letter-2", r"调研结束后?[^。；，]{0,2}\d+(\s*[–-]\s*\d+)?\s*个工作日内"),
    (
        "visit letter lead time",
        "visit-letter",
        r"(提前\s*(\d+|三|两)\s*个工作日|拜访前一天)[^。；]{0,8}(发出?|用)[^。；]{0,4}(商务)?拜访函"
        r"|\d+\s*小时内[^。；]{0,10}(商务)?拜访函",
    ),
    ("cold visit length", "visit-skills", r"(陌生拜访|陌拜)[^。；]{0,12}\d+\s*分钟"),
    ("booked visit length", "visit-skills", r"(来意|预约|拜访)[^。；]{0,16}(如|一般|通常)\s*“?(大概\s*)?\d+\s*分钟"),
    ("quick-mode standard", "quick-mode", r"8\s*折以上|不低于\s*8\s*折|(三次|3 次)拜访[^。；]{0,3}(一周之内|一周内)"),
    ("consultant-mode standard", "consultant-mode", r"(五次|5 次)拜访[^。；]{0,3}(一月之内|一个月内)|^三成实施$"),
    ("strategic-mode standard", "strategic-mode", r"三至六个月之内|^四成实施"),
    (
        "opportunity bands",
        "opportunity-assessment",
        r"\d+\s*[–-]\s*\d+\s*分[^。；]{0,4}(快刀|顾问|战略)模式|(快刀|顾问|战略)模式[^。；]{0,6}\d+\s*[–-]\s*\d+\s*分",
    ),
    ("band boundary rule", "opportunity-assessment", r"分界[^。；]{0,10}(高一档|附近)"),
    (
        "competitor benchmarking cadence",
        "competitor-benchmarking",
        r"(每半年|半年内|每季度|每年)[^。；，]{0,4}对标"
        r"|(一年|半年|一季度|每年|每季度)一次的?(市场|完整|对标)|每年看[^。；，]{0,6}市场",
    ),
    (
        "review meeting deadline",
        "review-and-improve",
        r"(结束|结果)[^。；]{0,12}后\s*(一周|\d+\s*个工作日)内[^。；]{0,8}(复盘|填写|开完|开会|召开)",
    ),
    (
        "the two three-tier target schemes",
        "deal-targets",
        r"(最优|可接受|底线)[^。；]{0,16}(即|对应|就是)[^。；]{0,10}(挑战|力争|必达)"
        r"|(挑战|力争|必达)[^。；]{0,10}(即|对应|就是)[^。；]{0,6}(最优|可接受|底线)",
    ),
    (
        "negotiation minutes deadline",
        "summarize-agreement",
        r"\d+\s*小时内?[^。；，]{0,6}(发出?|写出|写完|整理)[^。；]{0,10}纪要|纪要[^。；，]{0,8}\d+\s*小时内"
        r"|(谈判)?当天(写出|写完)[^。；，]{0,4}纪要|纪要[^。；，]{0,4}在?谈判当天写完",
    ),
    (
        "reference case deadline",
        "reference-case-template",
        r"上线(后|满)?\s*(三|3)\s*个月(内|后|时)?[^。；]{0,30}(整理|写成|写出)[^。；]{0,10}案例",
    ),
    (
        "research interview length",
        "needs-research",
        r"访谈[^。；，]{0,12}\d+\s*([–-]\s*\d+\s*)?分钟|每场(一般)?\s*\d+\s*[–-]\s*\d+\s*分钟"
        r"|问题[^。；，]{0,8}\d+\s*([–-]\s*\d+\s*)?分钟内?能问完",
    ),
    (
        "how fresh a customer file is",
        "customer-profile",
        r"档案[^。；]{0,12}(\d+\s*天|每季度|每月|每周|每年)[^。；]{0,6}更新|(\d+\s*天|每季度|每月)[^。；]{0,8}更新[^。；]{0,4}档案",
    ),
    (
        "upselling periods",
        "upselling",
        r"(冲动期|蜜月期|成熟期)[^。；]{0,20}(\d+\s*[–-]\s*\d+\s*个月|一年以上)|\d+\s*[–-]\s*\d+\s*个月[^。；]{0,10}(冲动期|蜜月期|成熟期)",
    ),
]


def _written_texts() -> dict[str, list[str]]:
    """Every item's text as written in its file, slots not yet filled in."""
    entries, errors = load_entries(ROOT / "content", ROOT)
    assert not errors
    return {entry.id: list(strings(entry.item)) for entry in entries}


WRITTEN = _written_texts()


@pytest.mark.parametrize(("fact", "owner", "pattern"), FACT_PATTERNS, ids=[fact for fact, _, _ in FACT_PATTERNS])
def test_a_shared_fact_is_stated_only_by_its_owner(fact: str, owner: str, pattern: str) -> None:
    assert owner in WRITTEN
    found = [
        f"{item_id}: …{match.group(0)}…"
        for item_id, texts in WRITTEN.items()
        if item_id != owner
        for text in texts
        for match in re.finditer(pattern, text)
    ]
    assert not found, f"{fact} is stated outside {owner}; show it with a {{fact:{owner}.…}} slot:\n" + "\n".join(found)


# ---------------------------------------------------------------- one sheet per example company

COMPANIES = [company.id for company in PLAYBOOK.of_kind("company")]
# How an example states a company's number: (fact on the sheet, pattern whose group 1 is the number).
COMPANY_NUMBERS = {
    "huadong-precision": [
        ("staff", r"(?:员工约?|有)\s*(\d+)\s*人"),
        ("output", r"年产值约?\s*([\d.]+)\s*亿"),
        ("machines", r"(\d+)\s*(?:多)?台(?:数控机床|加工中心)"),
        ("moulding", r"(\d+)\s*台注塑机"),
        (
            "tool-spend",
            r"刀具(?:采购)?约?\s*(\d+)\s*万|刀具年采购额约?\s*(\d+)\s*万|年采购额约?\s*(\d+)\s*万元[^。]*刀具",
        ),
        ("fastener-spend", r"紧固件约?\s*(\d+)\s*万"),
        ("erp-budget", r"ERP[^。；]{0,12}预算约?\s*(\d+)\s*万"),
        ("erp-contract", r"ERP[^。；]{0,8}(?:合同总额|合同金额|项目|报价)\s*(\d+)\s*万|签了\s*(\d+)\s*万元的\s*ERP"),
        ("erp-score", r"商机评估\s*(\d+)\s*分|总分\s*(\d+)\s*分"),
    ],
    "xinghe-logistics": [
        # “苏州 3 个仓库” is the WMS scope, not the company's size.
        ("warehouses", r"(?<!苏州)有\s*(\d+)\s*个仓|(?<![苏州\d])(?<!苏州 )(\d+)\s*个仓库"),
        ("suzhou-warehouses", r"苏州\s*(?:的\s*)?(\d+)\s*个仓"),
        # “咱们现在 85 辆车” in a line of the cold-visit script: any count of vehicles, not only “有 N 辆”.
        ("vehicles", r"(?<![\d.])(\d+)\s*辆(?:车|货车)|(?:自有车辆|自有货车|车是|车有)\s*(\d+)\s*辆"),
        ("reefers", r"(\d+)\s*辆冷藏车"),
        ("staff", r"员工约?\s*(\d+)\s*人"),
        ("wms-contract", r"仓储管理\s*SaaS[^。；]{0,12}合同金额\s*(\d+)\s*万"),
        ("wms-pick-errors", r"拣货差错率[^。；\d]{0,6}([\d.]+)\s*%"),
    ],
    "huadong-cold-chain": [
        ("reefers", r"(\d+)\s*辆冷藏车"),
        ("revenue", r"年营收约?\s*([\d.]+)\s*亿"),
    ],
    "huanan-food": [
        ("revenue", r"年营收约?\s*([\d.]+)\s*亿"),
        ("lines", r"(\d+)\s*条包装线"),
        ("packaging-budget", r"包装线[^。；]{0,16}预算约?\s*(\d+)\s*万"),
    ],
    "jiangnan-printing": [
        ("staff", r"员工约?\s*(\d+)\s*人"),
        ("output", r"年产值约?\s*([\d.]+)\s*亿"),
    ],
    "ningbo-appliance-parts": [
        ("new-machines", r"(\d+)\s*台\s*650\s*吨"),
        ("erp-users", r"(\d+)\s*个用户的\s*ERP"),
    ],
}
# A number that is a part of the company, not its size, says so in its clause: “先用 20 辆车试点”, “您挑 5 辆车”.
SUBSET = re.compile(r"其中|试点|挑|先用|自己|每|同规模|同类|同行")


def _mentions(company_id: str) -> list[str]:
    company = PLAYBOOK.get(company_id)
    names = [company.title, *company.aliases]
    return [
        item_id
        for item_id in PLAYBOOK.entries
        if item_id != company_id and any(name in text for text in strings(PLAYBOOK.get(item_id)) for name in names)
    ]


def test_the_recurring_companies_have_a_sheet() -> None:
    assert {"huadong-precision", "xinghe-logistics"} <= set(COMPANIES)
    for company_id in COMPANIES:
        assert len(_mentions(company_id)) >= 2, f"{company_id} is used by one example at most: no sheet needed"


@pytest.mark.parametrize("company_id", COMPANIES)
def test_every_example_of_a_company_refers_to_its_sheet(company_id: str) -> None:
    referring = {ref.source for ref in PLAYBOOK.refs if ref.target == company_id}
    missing = [item_id for item_id in _mentions(company_id) if item_id not in referring]
    assert not missing, f"name {company_id} without a reference ({{fact:{company_id}.…}} or related): {missing}"


def _form_examples_about(company_id: str, names: list[str]) -> dict[str, str]:
    """A form whose example customer is the company: all its field examples, read as one text.

    The customer's name sits in one field (often as {fact:<company>.name}) and its size in
    another, so a check that reads one text at a time never sees the two together.
    """
    slot = "{fact:" + company_id + ".name}"
    found: dict[str, str] = {}
    for template in PLAYBOOK.of_kind("template"):
        examples = [field.example for section in template.sections for field in section.fields if field.example]
        if any(slot in text or any(name in text for name in names) for text in examples):
            found[template.id] = "；".join([*examples, names[0]])
    return found


def _scripts_about(company_id: str, names: list[str]) -> dict[str, str]:
    """A script whose scenario is at the company: its scenario and lines, read as one text.

    The scenario names the company and the dialogue talks about “咱们的车”, so a check that
    reads one line at a time never sees the name beside the number.
    """
    slot = "{fact:" + company_id + "."
    found: dict[str, str] = {}
    for script in PLAYBOOK.of_kind("script"):
        written = " ".join(WRITTEN[script.id])
        if slot in written or any(name in script.scenario for name in names):
            found[script.id] = "；".join([script.scenario, *(line.text for line in script.lines), names[0]])
    return found


def test_every_sheet_says_how_examples_state_its_numbers() -> None:
    assert set(COMPANY_NUMBERS) == set(COMPANIES), "add the new sheet's numbers to COMPANY_NUMBERS"


def _sheets_referred_to(item_id: str) -> set[str]:
    return {ref.target for ref in PLAYBOOK.refs if ref.source == item_id and ref.target in COMPANIES}


@pytest.mark.parametrize("company_id", sorted(COMPANY_NUMBERS))
def test_every_example_of_a_company_agrees_with_its_sheet(company_id: str) -> None:
    """Each number an example states about the company is the sheet's.

    A text that names the company is checked; so is every text of an item whose only sheet is
    this one (a script's lines, a case's model answer), where the company goes unnamed.
    """
    company = PLAYBOOK.get(company_id)
    values = company.fact_values()
    names = [company.title, *company.aliases]
    forms = {**_form_examples_about(company_id, names), **_scripts_about(company_id, names)}
    referring = {ref.source for ref in PLAYBOOK.refs if ref.target == company_id} - {company_id}
    wrong = []
    for item_id in sorted(set(_mentions(company_id)) | set(forms) | referring):
        only_this_sheet = _sheets_referred_to(item_id) == {company_id}
        for text in [*strings(PLAYBOOK.get(item_id)), *([forms[item_id]] if item_id in forms else [])]:
            if not (only_this_sheet or any(name in text for name in names)):
                continue
            for fact, pattern in COMPANY_NUMBERS[company_id]:
                expected = re.search(r"[\d.]+", values[fact]).group(0)
                for match in re.finditer(pattern, text):
                    stated = next(group for group in match.groups() if group)
                    clause = re.split(r"[，。；：！？]", text[: match.start()])[-1]
                    if stated != expected and not SUBSET.search(clause):
                        stated_here = clause + match.group(0)
                        wrong.append(f"{item_id}: {fact} is {values[fact]} on the sheet, “{stated_here}” here")
    assert not wrong, "\n".join(wrong)


# A sheet's people by role: an example must not give a role another part (the sponsor as the
# coach) or use a role the company doesn't have.
NOT_ON_SHEET = {"xinghe-logistics": ["运营总监", "仓储总监", "运营副总", "物流经理", "生产副总"]}


@pytest.mark.parametrize("company_id", COMPANIES)
def test_examples_give_the_sheets_people_their_parts(company_id: str) -> None:
    company = PLAYBOOK.get(company_id)
    referring = {ref.source for ref in PLAYBOOK.refs if ref.target == company_id}
    not_coach = [person.role for person in company.people if person.part and person.part != "教练"]
    wrong = [
        f"{item_id}: …{match.group(0)}…"
        for item_id in sorted(referring)
        for text in strings(PLAYBOOK.get(item_id))
        for role in not_coach
        for match in re.finditer(re.escape(role) + r"[^，。；]{0,4}(（教练）|发展为教练|做教练|当教练)", text)
    ]
    wrong += [
        f"{item_id}: {role} is not on the sheet"
        for item_id in sorted(referring)
        for role in NOT_ON_SHEET.get(company_id, [])
        if any(role in text for text in strings(PLAYBOOK.get(item_id)))
    ]
    assert not wrong, "\n".join(wrong)


# ---------------------------------------------------------------- neighbours that look alike

# Items a rep could mistake for each other: each names the other in its summary (the first lines
# of its page and its link preview) and says when to use which.
NEIGHBOURS = [
    ("prepare-visit-checklist", "pre-visit-checklist"),
    ("prepare-visit-checklist", "visit-check-sheet"),
    ("verify-on-visit-checklist", "quick-mode-visit-1"),
    ("communication-log", "daily-contact-log"),
    ("customer-info-form", "customer-profile"),
    ("careful-concessions", "quantified-concessions"),
    ("careful-concessions", "concession-trade"),
    ("quantified-concessions", "concession-trade"),
    ("competitive-analysis", "competitor-benchmarking"),
]


def _short_title(item_id: str) -> str:
    """A title without its colon part or kind suffix, as a summary would name it."""
    title = PLAYBOOK.get(item_id).title.split("：")[0]
    return title.removeprefix("快刀模式").removesuffix("检查清单") or title


@pytest.mark.parametrize(("first", "second"), NEIGHBOURS)
def test_neighbours_say_in_their_first_lines_how_they_differ(first: str, second: str) -> None:
    for item_id, other in ((first, second), (second, first)):
        summary = PLAYBOOK.get(item_id).summary
        names = {PLAYBOOK.get(other).title, _short_title(other)}
        if other.startswith("quick-mode-visit"):
            names.add("该模式的第一次拜访清单")
        if item_id.startswith("quick-mode-visit"):
            continue  # the mode's own checklist is the one to use; the generic one points to it
        assert any(name in summary for name in names), f"{item_id} does not say when to use {other} instead"


def test_both_target_schemes_show_one_mapping() -> None:
    mapping = PLAYBOOK.get("deal-targets").facts["mapping"]
    for item_id in ("deal-targets", "negotiation-prep-form", "term-negotiation-targets", "strategic-mode-visit-6"):
        assert any(mapping in text for text in strings(PLAYBOOK.get(item_id))), item_id


# Fictional customers read as fictional: "华东某精密零件厂", or a name on a sheet ("星河物流").
FICTIONAL = re.compile(r"[\u4e00-\u9fff]{2}某[\u4e00-\u9fff]{1,6}?(?:厂|公司|集团)")


def test_every_company_named_in_two_items_has_a_sheet() -> None:
    named: dict[str, set[str]] = {}
    for item_id, texts in WRITTEN.items():
        for text in texts:
            for name in FICTIONAL.findall(text):
                named.setdefault(name, set()).add(item_id)
    sheets = {name for company in PLAYBOOK.of_kind("company") for name in (company.title, *company.aliases)}
    recurring = {name: sorted(ids) for name, ids in named.items() if len(ids) > 1 and name not in sheets}
    assert not recurring, f"recurring example companies without a sheet in content/companies/: {recurring}"
