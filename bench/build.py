"""Build speed and site weight at 1× and 10× the real content, against a plain Material build.

For each scale (1× is content/, N× is made by bench/synth.py) it prints: validation time
(`python -m macros check`, interpreter start included), the full `mkdocs build --strict`
time, site size, HTML per page (average, max and the heaviest page), the bytes of script
data a page loads (assets/playbook/*.js and inline JSON, average and max), and the time of
a plain Material build of the same Markdown (our pages with the macros already expanded,
same theme and overrides, features, Markdown extensions and search, no playbook/macros
plugin), measured in the same run.

    python bench/build.py            # 1× and 10×
    python bench/build.py 1 3        # other scales
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.synth import make_synthetic  # noqa: E402
from macros import state  # noqa: E402
from macros.render.freshview import maintenance_pages  # noqa: E402
from macros.render.navigation import build_nav  # noqa: E402
from macros.render.pagebody import render_body  # noqa: E402
from macros.render.pages import generated_pages  # noqa: E402
from macros.resolve.dating import date_playbook  # noqa: E402
from macros.resolve.playbook import load_playbook  # noqa: E402
from macros.resolve.urls import page_url  # noqa: E402
from tests.conftest import build_site  # noqa: E402

_SCRIPT_SRC = re.compile(r'<script[^>]*\ssrc="([^"]+)"')
_NEEDS = re.compile(r'data-pb-needs="([^"]+)"')  # assets/playbook/<name>.js, loaded by pb-core.js
_INLINE_DATA = re.compile(r'<script[^>]*type="application/json"[^>]*>(.*?)</script>', re.S)


@dataclass
class Weight:
    pages: int
    total: int  # bytes of the whole site
    html: int  # bytes of all pages
    heaviest: tuple[str, int]
    data_average: float  # bytes of script data per page
    data_max: tuple[str, int]


def validate_seconds(content: Path) -> float:
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "macros", "check", str(content)], cwd=ROOT, check=True, capture_output=True)
    return time.perf_counter() - started


def timed_build(site: Path, content: Path) -> float:
    started = time.perf_counter()
    result = build_site(ROOT, site, content_dir=content)
    seconds = time.perf_counter() - started
    if result.returncode != 0:
        raise SystemExit(result.stderr[-3000:])
    return seconds


def weigh(site: Path) -> Weight:
    pages = [path for path in site.rglob("*.html")]
    sizes = {path: path.stat().st_size for path in pages}
    heaviest = max(pages, key=sizes.__getitem__)
    data: dict[Path, int] = {}
    for path in pages:
        html = path.read_text("utf-8")
        loaded = 0
        for src in _SCRIPT_SRC.findall(html):
            target = (path.parent / src.split("?")[0]).resolve()
            if "/assets/playbook/" in target.as_posix() and target.is_file():
                loaded += target.stat().st_size
        # Data a page asks for (data-pb-needs); the plain Material reference has none of the files.
        needed = {name for names in _NEEDS.findall(html) for name in names.split()}
        files = [site / "assets" / "playbook" / f"{name}.js" for name in needed]
        loaded += sum(file.stat().st_size for file in files if file.is_file())
        loaded += sum(len(block.encode()) for block in _INLINE_DATA.findall(html))
        data[path] = loaded
    most = max(pages, key=data.__getitem__)
    return Weight(
        pages=len(pages),
        total=sum(path.stat().st_size for path in site.rglob("*") if path.is_file()),
        html=sum(sizes.values()),
        heaviest=(heaviest.relative_to(site).as_posix(), sizes[heaviest]),
        data_average=sum(data.values()) / len(pages),
        data_max=(most.relative_to(site).as_posix(), data[most]),
    )


def export_markdown(content: Path, folder: Path) -> Path:
    """Our pages as plain Markdown (macros expanded) and a mkdocs.yml without our plugins."""
    playbook = load_playbook(content, root=content.parent)
    state.set_current(playbook)
    state.set_freshness(*date_playbook(playbook, content, ROOT / "docs")[:2])
    docs = folder / "docs"
    shutil.copytree(ROOT / "docs", docs)
    shutil.copytree(ROOT / "overrides", folder / "overrides")  # the theme's custom_dir, as in our build
    # The maintenance pages (更新记录, 审核报告) too: the plain build should print every page ours does.
    sources = [(page.src, page.markdown) for page in generated_pages(playbook) + maintenance_pages(state.freshness())]
    sources += [(path.relative_to(docs).as_posix(), path.read_text("utf-8")) for path in docs.glob("*.md")]
    for src, markdown in sources:
        (docs / src).parent.mkdir(parents=True, exist_ok=True)
        (docs / src).write_text(render_body(markdown, page_url(src)), "utf-8")
    config = yaml.load((ROOT / "mkdocs.yml").read_text("utf-8"), Loader=_EnvLoader)
    config["plugins"] = [p for p in config["plugins"] if not (isinstance(p, dict) and {"playbook", "macros"} & set(p))]
    config["docs_dir"] = str(docs)
    config["strict"] = False
    config["nav"] = build_nav(playbook, config.get("extra", {}).get("nav_extra"))
    config["validation"] = {"omitted_files": "ignore", "unrecognized_links": "ignore"}
    (folder / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), "utf-8")
    return folder / "mkdocs.yml"


class _EnvLoader(yaml.SafeLoader):
    """Reads mkdocs.yml's !ENV tags as their default value."""


_EnvLoader.add_constructor("!ENV", lambda loader, node: loader.construct_sequence(node)[-1])


def plain_build(config: Path, site: Path) -> float:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    started = time.perf_counter()
    command = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(site)]
    result = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
    seconds = time.perf_counter() - started
    if result.returncode != 0:
        raise SystemExit(result.stderr[-3000:])
    return seconds


def measure(scale: int, work: Path, rounds: int) -> dict[str, float]:
    """``rounds`` builds of each, alternating ours and plain so that both meet the same load; the
    fastest of each counts (on a shared machine the slower ones measure the neighbours)."""
    content = ROOT / "content" if scale == 1 else make_synthetic(work / f"content-{scale}x", scale)
    items = sum(1 for _ in content.rglob("*.yml"))
    validation = min(validate_seconds(content) for _ in range(rounds))
    config = export_markdown(content, work / f"plain-{scale}x")
    ours_times, plain_times = [], []
    for _ in range(rounds):
        ours_times.append(timed_build(work / f"site-{scale}x", content))
        plain_times.append(plain_build(config, work / f"plain-site-{scale}x"))
    ours, plain = min(ours_times), min(plain_times)
    weight = weigh(work / f"site-{scale}x")
    plain_weight = weigh(work / f"plain-site-{scale}x")
    shutil.rmtree(work / f"plain-{scale}x")
    each = f"fastest of {rounds}: " + ", ".join(f"{t:.1f} s" for t in ours_times) if rounds > 1 else "one build"
    print(f"{scale}× ({items} items, {weight.pages} pages)")
    print(f"  validate content: {validation:.2f} s (python -m macros check, interpreter start included)")
    print(f"  mkdocs build --strict: {ours:.1f} s ({1000 * ours / weight.pages:.0f} ms/page; {each})")
    plain_each = ", ".join(f"{t:.1f}" for t in plain_times)
    print(f"  plain Material build of the same Markdown: {plain:.1f} s ({plain_each} s)")
    print(f"  ours against plain Material: {ours / plain:.2f}×")
    print(f"  site size: {weight.total / 1e6:.1f} MB (plain Material: {plain_weight.total / 1e6:.1f} MB)")
    print(
        f"  HTML per page: {weight.html / weight.pages / 1e3:.0f} kB average, "
        f"{weight.heaviest[1] / 1e3:.0f} kB max ({weight.heaviest[0]})"
    )
    print(
        f"  script data a page loads: {weight.data_average / 1e3:.1f} kB average, "
        f"{weight.data_max[1] / 1e3:.1f} kB max ({weight.data_max[0]})"
    )
    for folder in (work / f"site-{scale}x", work / f"plain-site-{scale}x"):
        shutil.rmtree(folder)
    return {"build": ours, "size": weight.total, "validation": validation}


# Builds of each kind per scale: three at 1× (seconds each), one at 10× (minutes each).
ROUNDS = {1: 3}


def main(argv: list[str]) -> int:
    scales = [int(arg) for arg in argv] or [1, 10]
    with tempfile.TemporaryDirectory(prefix="playbook-bench-") as folder:
        results = {scale: measure(scale, Path(folder), ROUNDS.get(scale, 1)) for scale in scales}
    if 1 in results and len(results) > 1:
        base = results[1]
        for scale, result in results.items():
            if scale != 1:
                print(
                    f"{scale}× against 1×: build {result['build'] / base['build']:.1f}×, "
                    f"site size {result['size'] / base['size']:.1f}×"
                )
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
