"""Pagefind search in a real browser: keyboard, the search page's filters and sort, bytes fetched.

Budgets checked here on the small fixture site (the 10,000-article figures come from
benchmarks/site_benchmark.py --search-bytes): a page load fetches nothing from the index, and the
search script itself is small.
"""

from __future__ import annotations

import collections

import pytest

from conftest import REPO, SEED_URL, serve

ARTIFACTS = REPO / "test-artifacts"
HEADLINE = "Japan and South Korea agree frayed ties can be improved"

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def server(built_site):
    with serve(built_site.site) as url:
        yield url


@pytest.fixture()
def page(browser):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.dialogs = []
    page.on("dialog", lambda d: (page.dialogs.append(d.message), d.dismiss()))
    yield page
    assert page.dialogs == []
    page.close()


def test_page_load_fetches_no_index_and_little_script(page, server):
    fetched: list[tuple[str, int]] = []
    page.on("requestfinished", lambda r: fetched.append((r.url, r.sizes()["responseBodySize"])))
    page.goto(server + SEED_URL)
    page.wait_for_load_state("networkidle")
    assert not [url for url, _ in fetched if url.endswith("sitemap.xml")]  # grows with the archive
    search = [(url, size) for url, size in fetched if "pagefind" in url or "search" in url]
    assert [url for url, _ in search] == [server + "assets/javascripts/search.js"]
    assert sum(size for _, size in search) < 60_000


def test_a_query_fetches_what_it_needs_and_no_worker_script(browser, built_site):
    """Counted by the server, which also sees what a page's web workers would fetch."""
    sent: collections.Counter = collections.Counter()
    with serve(built_site.site, sent=sent) as url:
        page = browser.new_page()
        page.goto(url + "people/")
        page.wait_for_load_state("networkidle")
        page.keyboard.press("/")
        page.keyboard.type("Hayashi", delay=30)
        page.locator("#na-search-results li").first.wait_for(timeout=15_000)
        page.wait_for_load_state("networkidle")
        page.close()
    fetched = {path.rsplit("/", 1)[-1] for path in sent if "/pagefind/" in path}
    assert {"pagefind.js", "pagefind-entry.json", "wasm.en.pagefind"} <= fetched
    assert any(name.endswith(".pf_meta") for name in fetched) and any(name.endswith(".pf_fragment") for name in fetched)
    assert "pagefind-worker.js" not in fetched  # search runs on the page: no 40 KB worker script first


def test_keyboard_slash_type_arrow_enter_opens_article(page, server):
    page.goto(server + "people/")
    page.wait_for_load_state("load")
    page.keyboard.press("/")
    assert page.evaluate("document.activeElement.classList.contains('na-search__input')")
    page.keyboard.type("Hayashi", delay=30)
    first = page.locator("#na-search-results li").first
    first.wait_for(timeout=15_000)
    assert HEADLINE in first.inner_text()
    assert "May 10, 2022, 17:48 JST · TOKYO (Reuters) · The Japan News" in first.inner_text()
    assert first.locator("mark").first.inner_text() == "Hayashi"
    page.keyboard.press("ArrowDown")
    assert first.get_attribute("aria-selected") == "true"
    page.keyboard.press("Enter")
    page.wait_for_url("**/" + SEED_URL)


def test_one_letter_waits_for_more_and_fetches_no_index(page, server):
    fetched: list[str] = []
    page.on("requestfinished", lambda r: fetched.append(r.url))
    page.goto(server + "people/")
    page.wait_for_load_state("load")
    page.keyboard.press("/")
    page.keyboard.type("h")
    page.wait_for_function("document.querySelector('.na-search__status').textContent === 'Keep typing…'")
    page.wait_for_timeout(600)  # three times the pause after typing
    assert [url for url in fetched if url.endswith(".pf_index")] == []
    assert page.locator("#na-search-results li").count() == 0
    page.keyboard.type("ayashi")  # no pause between letters: one search, for the whole word
    page.locator("#na-search-results li").first.wait_for(timeout=15_000)
    assert len([url for url in fetched if url.endswith(".pf_index")]) == 1


def test_s_key_focuses_search_but_not_while_typing_elsewhere(page, server):
    page.goto(server + "search/")
    page.wait_for_load_state("load")
    page.keyboard.press("s")
    assert page.evaluate("document.activeElement.classList.contains('na-search-page__input')")
    page.keyboard.type("seoul")
    assert page.locator(".na-search-page__input").input_value() == "seoul"


def test_search_page_person_name_year_filter_sort_and_open(page, server):
    ARTIFACTS.mkdir(exist_ok=True)
    page.goto(server)
    page.locator("input.na-search__input").click()
    page.locator("input.na-search__input").press_sequentially("Yoon Suk-yeol", delay=20)
    # The header's way to the search page, once it carries the whole query (an earlier, shorter
    # query's results may show first on a slow machine).
    page.locator('a.na-search__all[href$="q=Yoon+Suk-yeol"]').click()
    page.wait_for_url("**/search/?q=Yoon+Suk-yeol")
    results = page.locator(".na-results > li")
    results.nth(1).wait_for(timeout=15_000)
    assert results.count() == 2
    year = page.locator("[data-facet=year] label", has_text="2022")
    assert year.inner_text().split() == ["2022", "1"]  # value and count
    person = page.locator("[data-facet=person] label", has_text="Yoon Suk-yeol")
    assert person.inner_text().split()[-1] == "2"
    page.screenshot(path=str(ARTIFACTS / "search-page.png"), full_page=True)
    year.locator("input").check()
    page.wait_for_function("document.querySelectorAll('.na-results > li').length === 1")
    assert HEADLINE in results.first.inner_text()
    assert "year=2022" in page.url
    year.locator("input").uncheck()
    page.wait_for_function("document.querySelectorAll('.na-results > li').length === 2")
    page.select_option(".na-search-page__sort", "desc")
    page.wait_for_function("document.querySelector('.na-results > li .na-result__meta')?.textContent.startsWith('January 5, 2023')")
    page.select_option(".na-search-page__sort", "asc")
    page.wait_for_function("document.querySelector('.na-results > li .na-result__meta')?.textContent.startsWith('May 10, 2022')")
    page.locator(".na-search-page__input").focus()
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    page.wait_for_url("**/" + SEED_URL)


def test_hostile_text_in_results_stays_text(page, server):
    page.goto(server + "search/?q=alert")
    results = page.locator(".na-results > li")
    results.first.wait_for(timeout=15_000)
    page.wait_for_timeout(300)
    assert page.locator("img[src='x']").count() == 0
    assert page.locator(".na-results script").count() == 0
    assert "<script>alert(1)</script>" in page.inner_text(".na-results")
    assert "<script>alert(1)</script>" in page.inner_text("[data-facet=person]")
