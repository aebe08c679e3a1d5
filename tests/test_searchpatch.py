from pathlib import Path

import pytest

from macros.searchpatch import WorkerPatchError, patch_worker

MINIFIED = (
    'search(e){if(e=e.replace(new RegExp("\\\\p{sc=Han}+","gu"),s=>[...fe(s,this.index.invertedIndex)]'
    '.join("* ")),e=ce(e),!e)return{items:[]};}'
)


def _worker(site: Path, text: str) -> Path:
    folder = site / "assets" / "javascripts" / "workers"
    folder.mkdir(parents=True)
    path = folder / "search.abc123.min.js"
    path.write_text(text, "utf-8")
    return path


def test_removes_the_worker_han_segmentation(tmp_path: Path) -> None:
    path = _worker(tmp_path, MINIFIED)
    patch_worker(tmp_path)
    assert path.read_text("utf-8") == "search(e){if(e=ce(e),!e)return{items:[]};}"


def test_unknown_worker_code_fails_loudly(tmp_path: Path) -> None:
    _worker(tmp_path, "search(e){return e}")
    with pytest.raises(WorkerPatchError, match="not found"):
        patch_worker(tmp_path)
