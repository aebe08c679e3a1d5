"""The JSON Schemas in schema/ are generated from the models and must stay in step."""

import json

from macros.load.kinds import KINDS
from macros.load.schema import schemas

from .conftest import ROOT


def test_committed_schemas_are_up_to_date() -> None:
    for name, text in schemas().items():
        path = ROOT / "schema" / name
        assert path.exists(), f"{name} missing: run ./dev schema"
        assert path.read_text("utf-8") == text, f"{name} is stale: run ./dev schema"


def test_schema_forbids_unknown_fields_and_requires_sources() -> None:
    schema = json.loads(schemas()["technique.schema.json"])
    assert schema["additionalProperties"] is False
    assert "sources" in schema["required"]


def test_one_schema_per_kind_and_one_for_the_owners_file() -> None:
    assert set(schemas()) == {f"{name}.schema.json" for name in KINDS} | {"owners.schema.json", "thesaurus.schema.json"}


def test_review_fields_are_in_every_item_schema() -> None:
    schema = json.loads(schemas()["checklist.schema.json"])
    assert schema["properties"]["reviewed"]["anyOf"][0]["format"] == "date"
    assert schema["properties"]["review_every"]["anyOf"][0]["minimum"] == 7
    assert {"owner", "changes"} <= set(schema["properties"])
    owners = json.loads(schemas()["owners.schema.json"])
    assert {"owners", "kinds"} <= set(owners["required"])
    first = (ROOT / "content" / "owners.yml").read_text("utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=../schema/owners.schema.json"


def test_content_files_point_editors_at_their_schema() -> None:
    for kind in KINDS.values():
        for path in sorted((ROOT / "content" / kind.folder).glob("*.yml")):
            first = path.read_text("utf-8").splitlines()[0]
            assert first == f"# yaml-language-server: $schema=../../schema/{kind.name}.schema.json", path
