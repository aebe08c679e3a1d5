"""The sales thesaurus: groups of words reps use for the same thing, kept in content/thesaurus/.

Each group is written once and serves every page: a query word from a group also finds
pages that use another word of it (嫌贵 finds 价格太高). A word belongs to one group
only; a second occurrence is an error at its own file and line, naming the first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from macros.errors import ContentError, from_validation
from macros.load.yamlsource import YamlProblem, decode, parse
from macros.search.segment import normalise

FOLDER = "thesaurus"
# Checked by hand (not by pydantic) so that the message says what a word is.
WORD_PATTERN = r"[\u3400-\u4dbf\u4e00-\u9fffA-Za-z0-9]{2,12}"


class ThesaurusFile(BaseModel):
    """One file of content/thesaurus/: a topic and its groups of words that mean the same."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    title: str = Field(min_length=1, description="这一组同义词的主题，如 “价格与让步”")
    groups: list[Annotated[list[str], Field(min_length=2)]] = Field(
        min_length=1,
        description="每组是销售说同一件事的几种说法（2–12 个汉字、字母或数字，不带标点）；一个词只能在一组里",
    )

    @classmethod
    def model_json_schema(cls, *args: object, **kwargs: object) -> dict:  # type: ignore[override]
        schema = super().model_json_schema(*args, **kwargs)
        schema["properties"]["groups"]["items"] = {
            "type": "array",
            "minItems": 2,
            "items": {"type": "string", "pattern": f"^{WORD_PATTERN}$"},
        }
        return schema


@dataclass
class Thesaurus:
    groups: list[list[str]] = field(default_factory=list)

    def synonyms(self) -> dict[str, list[str]]:
        """Each word → the other words of its group."""
        return {word: [other for other in group if other != word] for group in self.groups for word in group}

    def words(self) -> list[str]:
        return [word for group in self.groups for word in group]


def load_thesaurus(content_dir: Path, root: Path) -> tuple[Thesaurus, list[ContentError]]:
    """Every file of content/thesaurus/, with every problem found (never stops at the first)."""
    thesaurus = Thesaurus()
    errors: list[ContentError] = []
    first: dict[str, str] = {}  # word → where it was first seen, file:line
    for path in sorted((content_dir / FOLDER).glob("*.yml")):
        file = path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)
        try:
            document = parse(decode(path.read_bytes()))
        except YamlProblem as problem:
            errors.append(ContentError(file, problem.line, "(file)", problem.message))
            continue
        try:
            model = ThesaurusFile.model_validate(document.data)
        except ValidationError as error:
            errors.extend(from_validation(file, document, error))
            continue
        for number, group in enumerate(model.groups):
            kept: list[str] = []
            for position, word in enumerate(group):
                line = document.line_of(("groups", number, position))
                where = f"groups[{number}][{position}]"
                problem = _word_problem(word)
                if problem:
                    errors.append(ContentError(file, line, where, problem))
                    continue
                key = normalise(word)
                if key in first:
                    message = f"“{word}” 已在 {first[key]} 的同义词组里：一个词只能在一组"
                    errors.append(ContentError(file, line, where, message))
                    continue
                first[key] = f"{file}:{line}"
                kept.append(key)
            if len(kept) >= 2:
                thesaurus.groups.append(kept)
    return thesaurus, errors


def _word_problem(word: str) -> str | None:
    if not re.fullmatch(WORD_PATTERN, word):
        return f"“{word}” 不是一个词：写 2–12 个汉字、字母或数字，不带空格和标点"
    return None
