"""What a reader's browser fetches for search on a built site (Chromium through Playwright).

Bytes are response bodies as the browser received them: from a plain file server (no HTTP
compression), or with `gzip=True` from one that compresses text files (HTML, CSS, JavaScript,
JSON) as GitHub Pages does. Pagefind's index files and WebAssembly are compressed already.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from conftest import CHROMIUM, CHROMIUM_ARGS, serve  # noqa: E402

from synthetic import Article  # noqa: E402


def _search_related(url: str) -> bool:
    return "pagefind" in url or "search.js" in url


def _record(fetched: list[tuple[str, int]], request) -> None:
    try:
        fetched.append((request.url, request.sizes()["responseBodySize"]))
    except Exception:  # the page closed while the request finished
        pass


def measure(site: Path, items: list[Article], gzip: bool = False) -> list[str]:
    from playwright.sync_api import sync_playwright

    article = next(i for i in items[len(items) // 2:] if i.meta["people"])
    name = article.meta["people"][0]
    page_url = article.rel.removesuffix(".md") + "/"
    lines = []
    with serve(site, gzip=gzip) as root, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        fetched: list[tuple[str, int]] = []
        page.on("requestfinished", lambda r: _record(fetched, r))
        page.goto(root + page_url)
        page.wait_for_load_state("networkidle")
        at_load = sum(size for url, size in fetched if _search_related(url))
        total = sum(size for _, size in fetched)
        lines.append(f"page load: {at_load / 1024:.1f} KB search-related (of {total / 1024:.0f} KB in all)")
        mark = len(fetched)
        page.keyboard.press("/")
        page.keyboard.type(name)
        page.wait_for_function("document.querySelectorAll('#na-search-results li').length >= 1", timeout=60_000)
        page.wait_for_load_state("networkidle")
        shown = page.locator("#na-search-results li").count()
        query = sum(size for _, size in fetched[mark:])
        lines.append(f"header search '{name}': first {shown} results after {query / 1024:.1f} KB "
                     f"({len(fetched) - mark} requests)")
        biggest = sorted(fetched[mark:], key=lambda f: -f[1])[:4]
        lines.append("  largest: " + ", ".join(f"{url.rsplit('/', 1)[-1]} {size / 1024:.0f} KB" for url, size in biggest))
        page.close()
        page = browser.new_context().new_page()  # an empty cache, as a reader who opens the search page
        fetched.clear()
        page.on("requestfinished", lambda r: _record(fetched, r))
        page.goto(root + "search/?q=" + name.replace(" ", "+"))
        page.wait_for_function("document.querySelectorAll('.na-results > li').length >= 1", timeout=60_000)
        page.wait_for_load_state("networkidle")
        search_page = sum(size for url, size in fetched if _search_related(url))
        lines.append(f"search page (fresh, with every filter's counts) '{name}': {search_page / 1024:.1f} KB")
        mark = len(fetched)
        page.locator("[data-facet=year] input").first.check()
        page.wait_for_load_state("networkidle")
        lines.append(f"  + filter by year: {sum(size for _, size in fetched[mark:]) / 1024:.1f} KB more")
        browser.close()
    return lines
