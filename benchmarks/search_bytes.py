"""What a reader's browser fetches for search on a built site (Chromium through Playwright).

Bytes are response bodies as the server sent them, counted by the server, so that what a page's
web workers fetch counts too (Chromium does not report those to the page: Pagefind's own worker
script, 40 KB, went uncounted until 29 November 2026). From a plain file server (no HTTP
compression), or with `gzip=True` from one that compresses text files (HTML, CSS, JavaScript,
JSON) as GitHub Pages does. Pagefind's index files and WebAssembly are compressed already.
"""

from __future__ import annotations

import collections
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from conftest import CHROMIUM, CHROMIUM_ARGS, serve  # noqa: E402

from synthetic import Article  # noqa: E402


def _search_related(path: str) -> bool:
    return "pagefind" in path or "search.js" in path


def _since(sent: collections.Counter, mark: collections.Counter) -> collections.Counter:
    return collections.Counter({path: n - mark.get(path, 0) for path, n in sent.items() if n > mark.get(path, 0)})


def measure(site: Path, items: list[Article], gzip: bool = False) -> list[str]:
    from playwright.sync_api import sync_playwright

    article = next(i for i in items[len(items) // 2:] if i.meta["people"])
    name = article.meta["people"][0]
    page_url = article.rel.removesuffix(".md") + "/"
    lines = []
    sent: collections.Counter = collections.Counter()
    with serve(site, gzip=gzip, sent=sent) as root, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.goto(root + page_url)
        page.wait_for_load_state("networkidle")
        at_load = sum(n for path, n in sent.items() if _search_related(path))
        lines.append(f"page load: {at_load / 1024:.1f} KB search-related (of {sum(sent.values()) / 1024:.0f} KB in all)")
        mark = collections.Counter(sent)
        page.keyboard.press("/")
        page.keyboard.type(name)
        page.wait_for_function("document.querySelectorAll('#na-search-results li').length >= 1", timeout=60_000)
        page.wait_for_load_state("networkidle")
        shown = page.locator("#na-search-results li").count()
        query = _since(sent, mark)
        lines.append(f"header search '{name}': first {shown} results after {sum(query.values()) / 1024:.1f} KB "
                     f"({len(query)} files)")
        lines.append("  largest: " + ", ".join(f"{path.rsplit('/', 1)[-1]} {n / 1024:.0f} KB"
                                              for path, n in query.most_common(5)))
        page.close()
        page = browser.new_context().new_page()  # an empty cache, as a reader who opens the search page
        mark = collections.Counter(sent)
        page.goto(root + "search/?q=" + name.replace(" ", "+"))
        page.wait_for_function("document.querySelectorAll('.na-results > li').length >= 1", timeout=60_000)
        page.wait_for_load_state("networkidle")
        search_page = sum(n for path, n in _since(sent, mark).items() if _search_related(path))
        lines.append(f"search page (fresh, with every filter's counts) '{name}': {search_page / 1024:.1f} KB")
        mark = collections.Counter(sent)
        page.locator("[data-facet=year] input").first.check()
        page.wait_for_load_state("networkidle")
        lines.append(f"  + filter by year: {sum(_since(sent, mark).values()) / 1024:.1f} KB more")
        browser.close()
    return lines
