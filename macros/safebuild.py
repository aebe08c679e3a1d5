"""A failed build never touches the last good site.

MkDocs empties the site folder before it writes, and a page, a plugin or ``--strict`` can
fail after that. So the plugin points MkDocs at a fresh folder beside the site and swaps it
in only once the whole build, strict-mode warnings included, has succeeded. A build that
fails (or is killed) leaves the old site as it was; its staging folder is removed.
"""

from __future__ import annotations

import atexit
import logging
import os
import shutil
from collections.abc import Callable
from pathlib import Path

from mkdocs.utils import CountHandler

_PREFIX = ".building-"
log = logging.getLogger("mkdocs.plugins.playbook")


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


class StagedSite:
    """The site folder of one build: written to ``staging``, moved to ``final`` on success."""

    def __init__(self, final: Path) -> None:
        self.final = final
        self.staging = final.parent / f".{final.name}{_PREFIX}{os.getpid()}"
        self._remove_stale()
        shutil.rmtree(self.staging, ignore_errors=True)
        self.staging.mkdir(parents=True)
        atexit.register(self.discard)  # also when a plugin calls sys.exit() mid-build

    def _remove_stale(self) -> None:
        """Staging folders of builds that died without cleaning up."""
        for folder in self.final.parent.glob(f".{self.final.name}{_PREFIX}*"):
            pid = folder.name.rsplit("-", 1)[-1]
            if pid.isdigit() and int(pid) != os.getpid() and not _alive(int(pid)):
                shutil.rmtree(folder, ignore_errors=True)

    def commit(self) -> None:
        """Swap the finished build in place of the last one."""
        old = self.final.parent / f".{self.final.name}.old-{os.getpid()}"
        shutil.rmtree(old, ignore_errors=True)
        if self.final.exists():
            os.replace(self.final, old)
        os.replace(self.staging, self.final)
        shutil.rmtree(old, ignore_errors=True)

    def discard(self) -> None:
        shutil.rmtree(self.staging, ignore_errors=True)


def strict_warnings() -> int:
    """Warnings counted so far by MkDocs' strict mode (it aborts after the post-build events)."""
    handlers = logging.getLogger("mkdocs").handlers
    return sum(sum(handler.counts.values()) for handler in handlers if isinstance(handler, CountHandler))


def keep_serving(builder: Callable[[], None]) -> Callable[[], None]:
    """A rebuild for `mkdocs serve` that never leaves the server stuck.

    MkDocs holds every page request until a rebuild succeeds, and a plugin's sys.exit()
    ends its rebuild thread: a failed rebuild would hang the browser on the last good site
    or stop watching for good. Swallowed here, the server keeps serving the last good
    site (untouched, see StagedSite) and builds again on the next change.
    """

    def rebuild() -> None:
        try:
            builder()
        except (Exception, SystemExit) as error:  # noqa: BLE001 - the errors were logged by the build
            log.error(f"构建失败（{type(error).__name__}），仍在提供上一版站点；改好文件后会自动重新构建。")

    return rebuild
