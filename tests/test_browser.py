"""In a real browser: search, open the result, follow a person link; hostile text runs nothing.

Headless Debian chromium driven by Playwright. Skipped only when /usr/bin/chromium is missing and
we are not under CI (CI=true makes a missing browser a failure). Screenshots: test-artifacts/.
"""

from __future__ import annotations

import re

import pytest

from conftest import HOSTILE_URL, REPO, serve

ARTIFACTS = REPO / "test-artifacts"

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def server(built_site):
    with serve(built_site.site) as url:
        yield url


def _page(browser, dialogs):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    return page


def test_search_open_result_and_follow_person(browser, server):
    ARTIFACTS.mkdir(exist_ok=True)
    dialogs: list[str] = []
    page = _page(browser, dialogs)
    page.goto(server)
    page.wait_for_load_state("networkidle")
    page.locator("input.na-search__input").click()
    page.locator("input.na-search__input").press_sequentially("Hayashi", delay=30)
    result = page.locator("#na-search-results a", has_text="Japan and South Korea agree").first
    result.wait_for(timeout=15_000)
    page.screenshot(path=str(ARTIFACTS / "search-hayashi.png"))
    result.click()
    page.wait_for_url("**/articles/2022/05/**")
    page.wait_for_selector("time[datetime='2022-05-10T17:48:00+09:00']")
    page.screenshot(path=str(ARTIFACTS / "article.png"), full_page=True)
    page.locator(".na-terms-box a", has_text="Yoon Suk-yeol").click()
    page.wait_for_url("**/people/yoon-suk-yeol/")
    assert page.locator("h1").first.inner_text() == "Yoon Suk-yeol"
    assert page.locator("a", has_text="Japan and South Korea agree frayed ties can be improved").count() >= 1
    page.screenshot(path=str(ARTIFACTS / "person-yoon.png"), full_page=True)
    assert dialogs == []
    page.close()


def test_hostile_article_runs_nothing(browser, server):
    ARTIFACTS.mkdir(exist_ok=True)
    dialogs: list[str] = []
    page = _page(browser, dialogs)
    page.goto(server + HOSTILE_URL)
    page.wait_for_load_state("load")
    page.wait_for_timeout(500)
    page.screenshot(path=str(ARTIFACTS / "hostile.png"), full_page=True)
    assert dialogs == []
    scripts = page.eval_on_selector_all("script:not([type='application/ld+json'])", "els => els.map(e => e.textContent)")
    assert not any("alert(1)" in s for s in scripts)
    # The title is in the page's JSON-LD as data: one element, parsed whole by the browser.
    data = page.eval_on_selector_all("script[type='application/ld+json']", "els => els.map(e => JSON.parse(e.textContent))")
    assert len(data) == 1 and data[0]["headline"].startswith("<script>alert(1)</script>")
    assert page.locator("img[src='x']").count() == 0
    assert page.locator("a[href^='javascript:']").count() == 0
    body = page.inner_text("article")
    assert "<script>alert(1)</script>" in body and "[x](javascript:alert(1))" in body
    assert page.title().startswith("<script>alert(1)</script> & </title>")
    page.close()


def test_person_page_chart_reads_and_network_node_leads_to_the_person(browser, server):
    ARTIFACTS.mkdir(exist_ok=True)
    dialogs: list[str] = []
    page = _page(browser, dialogs)
    page.goto(server + "people/yoon-suk-yeol/")
    # The chart is one image to assistive technology; its name is its title, then its description.
    chart = page.get_by_role("img", name=re.compile(r"^Articles mentioning Yoon Suk-yeol, per month"))
    assert chart.count() == 1
    name = chart.evaluate("el => el.getAttribute('aria-labelledby').split(' ')"
                          ".map(id => document.getElementById(id).textContent).join(' ')")
    assert "May 2022 to January 2023: 2 articles in 2 months; peak May 2022, 1" in name
    assert "peak May 2022" in page.locator("figure.na-chart figcaption").inner_text()
    node = page.locator("figure.na-net").get_by_role("link", name="Yoshimasa Hayashi")
    assert node.count() == 1
    page.screenshot(path=str(ARTIFACTS / "person-pictures.png"), full_page=True)
    node.click()
    page.wait_for_url("**/people/yoshimasa-hayashi/")
    assert page.locator("h1").first.inner_text() == "Yoshimasa Hayashi"
    assert dialogs == []
    page.close()
