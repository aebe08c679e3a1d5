"""The registry of content kinds: folder, URL segment, label and model of each."""

from __future__ import annotations

from dataclasses import dataclass

from macros.load import models


@dataclass(frozen=True)
class Kind:
    name: str  # singular, used in references and error messages
    folder: str  # content/<folder>/<id>.yml
    segment: str  # URL: <segment>/<id>.html; never change once published
    label: str  # Chinese name shown on the site
    model: type[models.Item]


KINDS: dict[str, Kind] = {
    kind.name: kind
    for kind in (
        Kind("stage", "stages", "stages", "销售阶段", models.Stage),
        Kind("activity", "activities", "activities", "关键活动", models.Activity),
        Kind("process", "processes", "processes", "业务流程", models.Process),
        Kind("topic", "basics", "basics", "销售基础", models.Topic),
        Kind("mode", "modes", "modes", "销售模式", models.Mode),
        Kind("technique", "techniques", "techniques", "销售技巧", models.Technique),
        Kind("script", "scripts", "scripts", "话术", models.Script),
        Kind("case", "cases", "cases", "案例研讨", models.Case),
        # "templates/" is excluded from docs by MkDocs, hence the "forms" segment.
        Kind("template", "templates", "forms", "表单模板", models.Template),
        Kind("checklist", "checklists", "checklists", "检查清单", models.Checklist),
        Kind("course", "courses", "courses", "培训课程", models.Course),
        Kind("company", "companies", "companies", "示例公司", models.Company),
        Kind("term", "terms", "glossary", "术语表", models.Term),
    )
}

BY_FOLDER: dict[str, Kind] = {kind.folder: kind for kind in KINDS.values()}
