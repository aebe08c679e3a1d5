"""Export one JSON Schema per kind, so editors validate YAML as it is typed."""

from __future__ import annotations

import json
from pathlib import Path

from macros.load.kinds import KINDS
from macros.resolve.review import Registry
from macros.search.thesaurus import ThesaurusFile


def schemas() -> dict[str, str]:
    """File name → JSON text for every kind."""
    result = {}
    for kind in KINDS.values():
        schema = kind.model.model_json_schema()
        schema["title"] = f"{kind.label}（content/{kind.folder}/*.yml）"
        result[f"{kind.name}.schema.json"] = json.dumps(schema, ensure_ascii=False, indent=2) + "\n"
    owners = Registry.model_json_schema()
    owners["title"] = "负责人与审核周期（content/owners.yml）"
    result["owners.schema.json"] = json.dumps(owners, ensure_ascii=False, indent=2) + "\n"
    schema = ThesaurusFile.model_json_schema()
    schema["title"] = "搜索同义词（content/thesaurus/*.yml）"
    result["thesaurus.schema.json"] = json.dumps(schema, ensure_ascii=False, indent=2) + "\n"
    return result


def write_schemas(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in schemas().items():
        path = folder / name
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written
