"""requirements.lock pins what ./dev installs: every dependency, at the version installed here."""

from __future__ import annotations

import re
import tomllib
from importlib import metadata

from .conftest import ROOT

PIN = re.compile(r"^([A-Za-z0-9_.-]+)==([^\s\\]+)", re.MULTILINE)


def _normal(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _locked() -> dict[str, str]:
    return {_normal(name): version for name, version in PIN.findall((ROOT / "requirements.lock").read_text("utf-8"))}


def _declared() -> list[str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]
    requirements = project["dependencies"] + [r for extra in project["optional-dependencies"].values() for r in extra]
    return [_normal(re.split(r"[<>=!~\[; ]", requirement, maxsplit=1)[0]) for requirement in requirements]


def test_every_declared_dependency_is_locked() -> None:
    locked = _locked()
    assert [name for name in _declared() if name not in locked] == []


def test_every_pin_has_a_hash() -> None:
    text = (ROOT / "requirements.lock").read_text("utf-8")
    blocks = re.split(r"\n(?=[A-Za-z0-9_.-]+==)", text.split("\n\n", 1)[-1])
    assert all("--hash=sha256:" in block for block in blocks if PIN.match(block))


def test_the_installed_versions_are_the_locked_ones() -> None:
    wrong = {}
    for name, version in _locked().items():
        try:
            installed = metadata.version(name)
        except metadata.PackageNotFoundError:
            installed = None
        if installed != version:
            wrong[name] = (version, installed)
    assert wrong == {}
