"""Every bad-input class gives one error naming its file, line and field."""

import re
import shutil
from pathlib import Path

import pytest

from macros.errors import ContentErrors
from macros.resolve.playbook import load_playbook

from .conftest import FIXTURES

CASES = sorted(path.name for path in (FIXTURES / "invalid").iterdir())


@pytest.mark.parametrize("case", CASES)
def test_invalid_fixture_reports_file_line_field(case: str, content: Path) -> None:
    source = FIXTURES / "invalid" / case
    for path in source.rglob("*.yml"):
        target = content / path.relative_to(source)
        target.parent.mkdir(exist_ok=True)
        shutil.copyfile(path, target)
    # expected.txt: "<file>:<line>: <field>: <fragment of the message>"
    expected = (source / "expected.txt").read_text("utf-8").strip()
    location, fragment = re.match(r"^(.+?:\d+: [^:]+: )(.*)$", expected).groups()
    with pytest.raises(ContentErrors) as raised:
        load_playbook(content, root=content.parent)
    messages = [str(error) for error in raised.value.errors]
    assert any(message.startswith(location) and fragment in message for message in messages), messages


def test_all_errors_are_collected_in_one_run(content: Path) -> None:
    for case in ("unknown-field", "wrong-type", "unknown-ref", "empty-file"):
        source = FIXTURES / "invalid" / case
        for path in source.rglob("*.yml"):
            shutil.copyfile(path, content / path.relative_to(source))
    with pytest.raises(ContentErrors) as raised:
        load_playbook(content, root=content.parent)
    files = {error.file for error in raised.value.errors}
    assert len(files) == 4
    assert raised.value.report().endswith("内容有 4 处错误，站点未生成。")


def test_file_outside_kind_folders_is_an_error(content: Path) -> None:
    (content / "stray.yml").write_text("id: stray\n", "utf-8")
    with pytest.raises(ContentErrors) as raised:
        load_playbook(content, root=content.parent)
    assert str(raised.value.errors[0]).startswith("content/stray.yml:1: (file): 不在已知的内容目录里")


def test_valid_fixture_loads(content: Path) -> None:
    playbook = load_playbook(content, root=content.parent)
    assert "tech-phone" in playbook
    assert playbook.kind_of("form-tiering").segment == "forms"
