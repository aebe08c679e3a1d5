"""Put our search worker where Material's search UI starts its own.

Material's UI starts ``assets/javascripts/workers/search.<hash>.min.js`` (the URL is in
each page's ``__config``). The build replaces that file with a loader of our worker, so
nothing of Material's worker code is patched or relied on. If an upgrade renames the
file, the build fails loudly.
"""

from __future__ import annotations

from pathlib import Path

LOADER = 'importScripts("../search/worker.js");\n'


class WorkerInstallError(RuntimeError):
    pass


def install_worker(site_dir: Path) -> Path:
    workers = sorted((site_dir / "assets" / "javascripts" / "workers").glob("search.*.min.js"))
    if len(workers) != 1:
        raise WorkerInstallError(f"expected one Material search worker to replace, found {len(workers)}")
    if not (site_dir / "assets" / "javascripts" / "search" / "worker.js").exists():
        raise WorkerInstallError("assets/javascripts/search/worker.js is missing from the built site")
    workers[0].write_text(LOADER, "utf-8")
    for leftover in workers[0].parent.glob("search.*.min.js.map"):
        leftover.unlink()
    return workers[0]
