"""The site in a real browser: loads clean, links work, search finds, nothing leaves the machine."""

from __future__ import annotations

from urllib.parse import urlparse

from playwright.sync_api import Page, expect

from .conftest import search


def test_home_loads_without_console_errors_and_shows_the_cycle(page: Page, site_url: str) -> None:
    errors: list[str] = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(site_url)
    stages = page.locator(".pb-flow-stage")
    expect(stages.first).to_be_visible()
    assert stages.count() >= 6
    assert errors == []


def test_no_request_leaves_localhost(page: Page, site_url: str) -> None:
    hosts: set[str] = set()
    page.on("request", lambda request: hosts.add(urlparse(request.url).hostname or ""))
    for path in ("", "activities/assess-opportunity.html", "forms/customer-tiering.html"):
        page.goto(site_url + path)
        page.wait_for_load_state("networkidle")
    search(page, "客户分级")
    assert hosts <= {"127.0.0.1", ""}, hosts


def test_search_customer_tiering_lists_the_template_first(page: Page, site_url: str) -> None:
    page.goto(site_url)
    titles = search(page, "客户分级")
    assert titles[0] == "客户分级表", titles[:5]


def test_cross_reference_navigates_to_its_target(page: Page, site_url: str) -> None:
    page.goto(site_url + "activities/assess-opportunity.html")
    link = page.locator("a.pb-ref-template", has_text="商机评估表").first
    link.click()
    expect(page).to_have_url(site_url + "forms/opportunity-assessment.html")
    expect(page.locator("h1")).to_have_text("商机评估表")


def test_backlinks_show_who_refers_here(page: Page, site_url: str) -> None:
    page.goto(site_url + "techniques/phone-skills.html")
    backlinks = page.locator(".pb-backlinks a.pb-ref")
    expect(backlinks.first).to_be_visible()
    assert "挖掘潜在商机" in backlinks.all_inner_texts()
