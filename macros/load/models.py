"""Strict pydantic models for every kind of content item.

Unknown fields are forbidden, text is plain text (HTML is rejected), and every
reference to another item is typed with a :class:`Ref` marker so that
:mod:`macros.resolve.xref` can check it against the loaded content.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, model_validator

# The text rule (no templates, markup or control characters; a length cap per kind of text).
from macros.load.plaintext import SHORT_MAX, Prose, Short, Summary
from macros.load.plaintext import check as check_text

ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
# A slot in a letter paragraph, filled from the form field with that id: {customer-name}.
# {fact:item-id.key} is a shared fact (macros/facts.py), resolved at load time, not a field.
LETTER_SLOT = re.compile(r"\{(?!fact:)([^{}]+)\}")
FactKey = Annotated[str, Field(pattern=ID_PATTERN)]

Text = Prose
Id = Annotated[str, Field(pattern=ID_PATTERN, description="ASCII kebab-case id")]
Role = Literal["S", "C", "M"]
Source = Annotated[
    str,
    Field(
        pattern=r"^00[0-4](\s.+)?$",
        description="种子文件编号（000–004），可带章节，如 “003 §2.2.1”",
        max_length=SHORT_MAX,
    ),
    AfterValidator(check_text),
]

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _iso_date(value: object) -> object:
    # Pydantic would also take 20261127 or 0 as a timestamp; a review date is written one way.
    if isinstance(value, date) or (isinstance(value, str) and _ISO_DATE.match(value)):
        return value
    raise ValueError(f"“{value}” 应写成 YYYY-MM-DD（如 2026-11-27）")


IsoDate = Annotated[date, BeforeValidator(_iso_date)]


@dataclass(frozen=True)
class Ref:
    """Marks a string field as a reference to an item of one of ``kinds`` (any kind if empty)."""

    kinds: tuple[str, ...] = ()


def ref(*kinds: str) -> type[str]:
    return Annotated[str, Field(pattern=ID_PATTERN), Ref(tuple(kinds))]  # type: ignore[return-value]


StageRef = ref("stage")
ActivityRef = ref("activity")
ModeRef = ref("mode")
TechniqueRef = ref("technique")
ScriptRef = ref("script")
TemplateRef = ref("template")
ChecklistRef = ref("checklist")
AnyRef = ref()


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


# ---------------------------------------------------------------- building blocks


class Step(Strict):
    """One action step; ``roles`` are the codes 销售 S / 顾问 C / 经理 M."""

    text: Text
    roles: list[Role] = []
    detail: Text | None = None


class Table(Strict):
    columns: list[Short] = Field(min_length=1)
    rows: list[list[Text]] = Field(min_length=1)

    @model_validator(mode="after")
    def _row_width(self) -> Table:
        for number, row in enumerate(self.rows, 1):
            if len(row) != len(self.columns):
                raise ValueError(f"第 {number} 行有 {len(row)} 格，表头有 {len(self.columns)} 列")
        return self


class Section(Strict):
    """A titled block of prose, points, steps and/or a table; may nest one level."""

    title: Short
    text: Text | None = None
    points: list[Text] = []
    steps: list[Step] = []
    table: Table | None = None
    sections: list[Section] = []


class Example(Strict):
    title: Short
    text: Text


class Method(Strict):
    """A named variant of a technique (a closing method, a way to win attention …)."""

    name: Short
    text: Text
    when: Text | None = None
    line: Text | None = Field(None, description="一句示范话术")


class Avoid(Strict):
    say: Text
    why: Text


# ---------------------------------------------------------------- items


class Item(Strict):
    id: Id
    title: Short
    summary: Summary
    aliases: list[Short] = Field([], description="同义词、口语说法，进入搜索")
    questions: list[Short] = Field([], description="销售会怎么问这个问题，进入搜索和“常见难题”")
    related: list[AnyRef] = []
    sources: list[Source] = Field(min_length=1)
    authored: Text | None = Field(None, description="超出种子材料、由本手册补写的部分")
    facts: dict[FactKey, Short] = Field(
        {}, description="本条目拥有的共享事实（如响应时限），别处用 {fact:本条目id.事实名} 引用，不再重写数字"
    )
    # Who keeps the item current and when they last checked it (macros/review.py checks both).
    owner: Short | None = Field(None, description="负责人：content/owners.yml 里的名字；不写就用本类型的默认负责人")
    reviewed: IsoDate | None = Field(None, description="最后审核日期（YYYY-MM-DD），不能晚于今天")
    review_every: int | None = Field(None, ge=7, le=1095, description="审核周期（天）；不写就用本类型的默认周期")
    changes: Short | None = Field(None, description="这次修改的一句话说明，进入“更新记录”；不写就用提交说明")


class Decision(Strict):
    question: Text
    yes: Text
    no: Text
    recovery: list[TechniqueRef] = []


class Stage(Item):
    order: int = Field(ge=1)
    customer_state: Text
    goal: Text
    decision: Decision | None = None
    exit_criteria: list[Text] = Field(min_length=1)
    sections: list[Section] = []


class Activity(Item):
    stage: StageRef
    order: int = Field(ge=1)
    purpose: list[Text] = Field(min_length=1)
    steps: list[Step] = Field(min_length=1)
    exit_criteria: list[Text] = Field(min_length=1)
    techniques: list[TechniqueRef] = []
    templates: list[TemplateRef] = []
    scripts: list[ScriptRef] = []
    checklist: ChecklistRef
    tips: list[Text] = []
    sections: list[Section] = []


class Process(Item):
    order: int = Field(50, ge=1, description="在业务流程里的位置，小的在前（整体流程写 1）；同值按第一个阶段、再按拼音")
    stages: list[StageRef] = Field(min_length=1)
    activities: list[ActivityRef] = []
    sections: list[Section] = Field(min_length=1)


class Topic(Item):
    order: int = Field(1, ge=1)
    sections: list[Section] = Field(min_length=1)


class Traits(Strict):
    sales_trait: Text = Field(description="销售特点")
    solution: Text = Field(description="解决方案")
    approach: Text = Field(description="销售方式")
    competition: Text = Field(description="竞争特点")
    customer_focus: Text = Field(description="客户关心")
    win_key: Text = Field(description="制胜关键")


class Visit(Strict):
    number: int = Field(ge=1)
    title: Short
    purpose: list[Text] = Field(min_length=1)
    before: list[Step] = Field(min_length=1)
    during: list[Step] = Field(min_length=1)
    after: list[Step] = Field(min_length=1)
    exit_criteria: list[Text] = Field(min_length=1)
    roles: Text = Field(description="角色分工")
    checklist: ChecklistRef
    templates: list[TemplateRef] = []
    scripts: list[ScriptRef] = []


class Rank(Strict):
    name: Short
    criteria: Text


class Standard(Strict):
    period: Text
    visits: int = Field(ge=1)
    target: Text
    ranks: list[Rank] = []


class Mode(Item):
    order: int = Field(ge=1)
    motto: Text = Field(description="目的，如“小单做快”")
    traits: Traits
    visits: list[Visit] = Field(min_length=1)
    standard: Standard | None = None
    sections: list[Section] = []

    @model_validator(mode="after")
    def _visits_numbered(self) -> Mode:
        numbers = [visit.number for visit in self.visits]
        if numbers != list(range(1, len(numbers) + 1)):
            raise ValueError(f"拜访编号应从 1 起连续：{numbers}")
        return self


class Technique(Item):
    purpose: Text
    stages: list[StageRef] = Field(min_length=1)
    activities: list[ActivityRef] = []
    when: list[Text] = Field([], description="什么情况下用")
    steps: list[Step] = []
    key_points: list[Text] = []
    methods: list[Method] = []
    pitfalls: list[Text] = []
    examples: list[Example] = []
    templates: list[TemplateRef] = []
    sections: list[Section] = []


class Line(Strict):
    speaker: Short
    text: Text
    note: Text | None = None

    @property
    def is_rep(self) -> bool:
        return self.speaker.startswith("销售")


class Script(Item):
    scenario: Text
    techniques: list[TechniqueRef] = Field(min_length=1)
    stage: StageRef | None = None
    activities: list[ActivityRef] = []
    lines: list[Line] = Field(min_length=2)
    tone: Text
    avoid: list[Avoid] = Field(min_length=1)


class Case(Item):
    stage: StageRef
    minutes: int = Field(
        ge=10, le=240, description="整个案例要用的分钟数（读、讨论、汇报、点评）；用它的课程练习至少给这么多"
    )
    situation: Text
    discussion: list[Text] = Field(min_length=1, description="讨论题")
    facilitator_notes: Text
    model_answer: Text


FieldType = Literal["text", "longtext", "number", "money", "date", "choice", "multichoice", "checkbox", "table"]
CellType = Literal["text", "longtext", "number", "money", "date", "choice", "checkbox"]


# What a calculator on the template's page writes into a field or table column.
FilledBy = Literal["amount", "tier", "total", "mode", "scores"]
ColumnFilledBy = Literal["criterion", "level", "points"]


class Column(Strict):
    id: Id
    label: Short
    type: CellType = "text"
    options: list[Short] = []
    filled_by: ColumnFilledBy | None = Field(
        None, description="评估计算器填写这一列：criterion 评估项、level 所选的档、points 得分"
    )


class FormField(Strict):
    id: Id
    label: Short
    type: FieldType
    help: Text | None = None
    example: Text | None = None
    unit: Short | None = None
    required: bool = False
    options: list[Short] = []
    columns: list[Column] = []
    rows: int = Field(3, ge=1, le=30, description="表格字段打印时的空行数")
    filled_by: FilledBy | None = Field(
        None,
        description="页面上的计算器算出后填进这个字段：amount 年采购额、tier 客户等级（分级计算器），"
        "total 总分、mode 建议的模式、scores 各项评分表（评估计算器）",
    )

    @model_validator(mode="after")
    def _type_needs(self) -> FormField:
        if self.type in ("choice", "multichoice") and len(self.options) < 2:
            raise ValueError("选择题字段至少要有 2 个 options")
        if self.type not in ("choice", "multichoice") and self.options:
            raise ValueError(f"{self.type} 字段不能有 options")
        if self.type == "table" and not self.columns:
            raise ValueError("table 字段必须有 columns")
        if self.type != "table" and self.columns:
            raise ValueError(f"{self.type} 字段不能有 columns")
        return self


class FormSection(Strict):
    title: Short
    fields: list[FormField] = Field(min_length=1)


class Tier(Strict):
    id: Id
    name: Short
    share: int = Field(ge=1, le=100, description="占客户数的百分比")
    min_amount: int | None = Field(None, ge=0, description="年采购额下限（万元，含）")
    max_amount: int | None = Field(None, ge=0, description="年采购额上限（万元，不含）")
    review: Text = Field(description="回访频率")
    response_hours: int = Field(ge=1, description="响应时限（小时）")
    strategy: list[Text] = Field(min_length=1)


class ScoreOption(Strict):
    label: Short
    score: int = Field(ge=0)
    at_least: ModeRef | None = Field(None, description="选了这一档，不管总分多少，至少按这个模式推进（防止大单做小）")


class Criterion(Strict):
    id: Id
    label: Short
    weight: int = Field(ge=1, description="权重（%）")
    help: Text | None = None
    options: list[ScoreOption] = Field(min_length=2)


class Band(Strict):
    min: int = Field(ge=0)
    max: int = Field(ge=0)
    mode: ModeRef
    advice: Text


class Scoring(Strict):
    """Weighted score: sum over criteria of weight × option score / max option score."""

    criteria: list[Criterion] = Field(min_length=1)
    bands: list[Band] = Field(min_length=1)

    @model_validator(mode="after")
    def _consistent(self) -> Scoring:
        total = sum(criterion.weight for criterion in self.criteria)
        if total != 100:
            raise ValueError(f"各项权重之和应为 100，现在是 {total}")
        expected = 0
        for band in sorted(self.bands, key=lambda band: band.min):
            if band.min != expected or band.max < band.min:
                raise ValueError(f"分数段应从 0 起连续覆盖到 100，在 {band.min}–{band.max} 处断开")
            expected = band.max + 1
        if expected != 101:
            raise ValueError("分数段应覆盖到 100")
        return self


class WorkedExample(Strict):
    """A filled-in example of a form: what the situation is, the filled table, how to read it."""

    title: Short
    text: Text | None = None
    table: Table
    points: list[Text] = Field([], description="怎么读这张表")


class Template(Item):
    usage: list[Text] = Field(min_length=1, description="何时用、怎么填")
    sections: list[FormSection] = Field(min_length=1)
    letter: list[Text] = Field([], description="文书正文段落，{field-id} 处填字段")
    attach: list[Id] = Field([], description="只打印文书时附在正文后的表格字段（如报价表），写字段 id")
    notes: list[Text] = []
    worked_example: WorkedExample | None = Field(None, description="填好的示例：一张填好的表和怎么读它")
    tiers: list[Tier] = []
    scoring: Scoring | None = None

    def fields(self) -> list[FormField]:
        return [field for section in self.sections for field in section.fields]

    @model_validator(mode="after")
    def _fields_known(self) -> Template:
        ids = [field.id for field in self.fields()]
        duplicates = sorted({field_id for field_id in ids if ids.count(field_id) > 1})
        if duplicates:
            raise ValueError(f"字段 id 重复：{', '.join(duplicates)}")
        for paragraph in self.letter:
            for placeholder in LETTER_SLOT.findall(paragraph):
                if placeholder not in ids:
                    raise ValueError(f"正文占位符 {{{placeholder}}} 不是本表的字段 id")
        self._calculator_fields()
        tables = {field.id for field in self.fields() if field.type == "table"}
        for field_id in self.attach:
            if field_id not in tables:
                raise ValueError(f"attach 里的 {field_id} 不是本表的表格字段 id")
        if self.attach and not self.letter:
            raise ValueError("attach 只用于有正文（letter）的文书")
        return self

    def _calculator_fields(self) -> None:
        """Fields a calculator fills: each output once, and only where that calculator exists."""
        needs = {"amount": "tiers", "tier": "tiers", "total": "scoring", "mode": "scoring", "scores": "scoring"}
        filled = [field for field in self.fields() if field.filled_by]
        for field in filled:
            if not getattr(self, needs[field.filled_by]):
                raise ValueError(f"字段 {field.id} 的 filled_by: {field.filled_by} 需要本表有 {needs[field.filled_by]}")
            if [other.filled_by for other in filled].count(field.filled_by) > 1:
                raise ValueError(f"filled_by: {field.filled_by} 只能用在一个字段上")
            if field.filled_by == "tier" and not {tier.name for tier in self.tiers} <= set(field.options):
                raise ValueError(f"字段 {field.id} 的 options 应包含每个等级的名称")
            if field.filled_by == "scores":
                columns = {column.filled_by for column in field.columns}
                if not {"criterion", "level", "points"} <= columns:
                    raise ValueError(f"字段 {field.id} 应有 filled_by 为 criterion、level、points 的三列")


class CheckItem(Strict):
    id: Id
    text: Text
    help: Text | None = None
    was: list[Id] = Field([], description="此项以前用过的 id，改名后保留勾选状态")


class CheckGroup(Strict):
    title: Short
    items: list[CheckItem] = Field(min_length=1)


class Checklist(Item):
    stage: StageRef | None = Field(None, description="不挂在关键活动下时所属的阶段")
    groups: list[CheckGroup] = Field(min_length=1)

    def items(self) -> list[CheckItem]:
        return [item for group in self.groups for item in group.items]

    @model_validator(mode="after")
    def _unique_ids(self) -> Checklist:
        seen: set[str] = set()
        for item in self.items():
            for item_id in (item.id, *item.was):
                if item_id in seen:
                    raise ValueError(f"清单项 id 重复：{item_id}")
                seen.add(item_id)
        return self


TeachingMethod = Literal["讲授", "讨论", "演练", "案例", "测验", "休息"]
ExerciseType = Literal["案例", "角色扮演", "表单练习", "讨论"]
_CLOCK = r"^([01]\d|2[0-3]):[0-5]\d$"


class Exercise(Strict):
    title: Short
    type: ExerciseType
    instructions: Text
    materials: list[AnyRef] = Field(min_length=1)
    minutes: int | None = Field(None, ge=1)
    facilitator_notes: Text | None = None
    model_answer: Text | None = None


class Module(Strict):
    title: Short
    minutes: int = Field(ge=5)
    method: TeachingMethod
    objectives: list[Text] = []
    items: list[AnyRef] = []
    exercises: list[Exercise] = []
    facilitator_notes: Text | None = None

    @model_validator(mode="after")
    def _exercises_fit(self) -> Module:
        used = sum(exercise.minutes or 0 for exercise in self.exercises)
        if used > self.minutes:
            raise ValueError(f"练习共 {used} 分钟，超出本模块的 {self.minutes} 分钟")
        return self


def clock_minutes(clock: str) -> int:
    hours, minutes = clock.split(":")
    return int(hours) * 60 + int(minutes)


class Day(Strict):
    title: Short
    start: Annotated[str, Field(pattern=_CLOCK)]
    end: Annotated[str, Field(pattern=_CLOCK)]
    modules: list[Module] = Field(min_length=1)

    @model_validator(mode="after")
    def _fits(self) -> Day:
        available = clock_minutes(self.end) - clock_minutes(self.start)
        used = sum(module.minutes for module in self.modules)
        if available <= 0:
            raise ValueError(f"结束时间 {self.end} 应晚于开始时间 {self.start}")
        if used > available:
            raise ValueError(f"模块共 {used} 分钟，超出 {self.start}–{self.end} 的 {available} 分钟")
        return self


class Question(Strict):
    id: Id
    type: Literal["single", "multiple", "truefalse", "short"]
    prompt: Text
    options: list[Short] = []
    correct: list[int] = Field([], description="正确选项的序号，从 1 起")
    truth: bool | None = None
    reference_answer: Text | None = None
    explanation: Text
    ref: AnyRef

    @model_validator(mode="after")
    def _answer_fits(self) -> Question:
        if self.type in ("single", "multiple"):
            if len(self.options) < 2:
                raise ValueError("选择题至少要有 2 个 options")
            if not self.correct or any(not 1 <= n <= len(self.options) for n in self.correct):
                raise ValueError("correct 要写 1 到选项个数之间的序号")
            if self.type == "single" and len(self.correct) != 1:
                raise ValueError("单选题只能有 1 个正确选项")
        elif self.type == "truefalse" and self.truth is None:
            raise ValueError("判断题要写 truth: true 或 false")
        elif self.type == "short" and not self.reference_answer:
            raise ValueError("简答题要写 reference_answer")
        return self


class Course(Item):
    audience: list[Text] = Field(min_length=1)
    prerequisites: list[Text] = []
    background: list[Text] = Field([], description="课程要回答的背景问题")
    outcomes: list[Text] = Field(min_length=1)
    style: list[Text] = Field([], description="授课方式")
    days: list[Day] = Field(min_length=1)
    quiz: list[Question] = []


class CompanyFact(Strict):
    """One number or name on a company sheet; other items show it with {fact:company-id.id}."""

    id: Id
    label: Short
    value: Short


class Person(Strict):
    role: Short = Field(description="职务，如 生产副总")
    part: Short | None = Field(None, description="在商机里的角色，如 发起人、决策人、教练")
    cares: Text = Field(description="他关心什么")


class DealStep(Strict):
    stage: StageRef
    text: Text


class Deal(Strict):
    """A deal with this company; its facts are shown as {fact:company-id.deal-id-fact-id}."""

    id: Id
    title: Short
    facts: list[CompanyFact] = []
    story: list[DealStep] = Field([], description="这笔生意在每个阶段发生了什么（贯穿全手册的例子）")


class Company(Item):
    """A fictional customer that examples across the playbook share: one sheet, one set of numbers."""

    industry: Short
    profile: list[CompanyFact] = Field(min_length=1, description="规模、地点、设备等，别的条目引用而不重写")
    people: list[Person] = []
    deals: list[Deal] = []

    def fact_values(self) -> dict[str, str]:
        values = {"name": self.title, **{fact.id: fact.value for fact in self.profile}}
        for deal in self.deals:
            values[f"{deal.id}-title"] = deal.title
            values.update({f"{deal.id}-{fact.id}": fact.value for fact in deal.facts})
        return values

    @model_validator(mode="after")
    def _unique(self) -> Company:
        names = ["name", *(fact.id for fact in self.profile)]
        for deal in self.deals:
            names += [f"{deal.id}-title", *(f"{deal.id}-{fact.id}" for fact in deal.facts)]
            stages = [step.stage for step in deal.story]
            if len(stages) != len(set(stages)):
                raise ValueError(f"商机 {deal.id} 的 story 里同一阶段出现了两次")
        duplicates = sorted({name for name in names if names.count(name) > 1} | (set(names) & set(self.facts)))
        if duplicates:
            raise ValueError(f"事实名重复：{'、'.join(duplicates)}")
        return self


class Term(Item):
    definition: Text
    see: list[AnyRef] = Field([], description="解释这个术语的条目")


Section.model_rebuild()
