"""The forms' Excel workbooks in the site, each made once and then copied from a cache.

A workbook depends only on its template, macros/exports/workbook.py and openpyxl: one made by
an earlier build is copied instead of made again (openpyxl took about a second a build for 30
forms, and importing it a tenth of a second, so it is imported only when a workbook is made).
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from importlib.metadata import version
from pathlib import Path

from macros.load import models

_MAKER = Path(__file__).with_name("workbook.py")
_CODE = hashlib.sha1(_MAKER.read_bytes() + version("openpyxl").encode()).hexdigest()


def _cached(template: models.Template) -> Path:
    key = hashlib.sha1((_CODE + template.model_dump_json()).encode()).hexdigest()[:20]
    return Path(tempfile.gettempdir()) / "playbook-xlsx" / f"{key}.xlsx"


def write_workbooks(templates: list[models.Template], folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for template in templates:
        path = folder / f"{template.id}.xlsx"
        cached = _cached(template)
        if cached.is_file():
            shutil.copyfile(cached, path)
        else:
            from macros.exports.workbook import template_workbook  # noqa: PLC0415 - openpyxl only when needed

            template_workbook(template).save(path)
            try:
                cached.parent.mkdir(exist_ok=True)
                partial = cached.with_suffix(f".{os.getpid()}.tmp")
                shutil.copyfile(path, partial)
                partial.replace(cached)
            except OSError:
                pass  # a read-only temp folder only costs the time
        written.append(path)
    return written
