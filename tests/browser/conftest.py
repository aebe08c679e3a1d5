"""Browser fixtures: Debian's Chromium driven by Playwright against the built site on localhost."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Page

from ..conftest import VALID, Site, served_build

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]  # fmt: skip


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict) -> dict:
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


@pytest.fixture(scope="session")
def base_url() -> None:
    """Tests pass full URLs; this replaces pytest-playwright's own fixture (a deprecated pattern)."""
    return None


@pytest.fixture(scope="session")
def site_url(built_site: Site) -> str:
    """The real site on localhost."""
    return built_site.url


@pytest.fixture(scope="session")
def fixture_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    """The site built from tests/fixtures/valid, whose ids the tests know, served on localhost."""
    with served_build(tmp_path_factory.mktemp("fixture-site"), content_dir=VALID) as site:
        yield site


@pytest.fixture(scope="session")
def fixture_url(fixture_site: Site) -> str:
    return fixture_site.url


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/browser" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


def search(page: Page, query: str) -> list[str]:
    """Type ``query`` into Material's search box and return the result titles, best first."""
    box = page.locator("input.md-search__input")
    meta = page.locator(".md-search-result__meta")
    box.click()
    # Start from an empty query so that results from an earlier query cannot be read.
    box.fill("")
    box.press("End")  # Material searches on key-up
    meta.filter(has_text="键入").wait_for(timeout=15_000)
    box.fill(query)
    box.press("End")
    page.wait_for_function(
        "() => { const m = document.querySelector('.md-search-result__meta');"
        " return m && /结果/.test(m.textContent); }",
        timeout=10_000,
    )
    titles = page.locator(".md-search-result__item > .md-search-result__link h1").all_inner_texts()
    return [title.replace("\u200b", "").strip() for title in titles]
