"""Search: a Pagefind index of the article pages, built in-process once MkDocs has written them.

Pagefind (https://pagefind.app) splits its index into small chunks that the browser fetches only
for the words and filters of a query, so what a reader downloads does not grow with the archive
the way a single lunr index does. The `pagefind` Python package drives the `pagefind_bin` binary
installed with it (the `bin` extra): nothing is downloaded at build time.

What is indexed is decided in the article template (site_templates/archive/article.html):
`data-pagefind-body` marks the article (one result per article; pages without it, the generated
listings, are not indexed), `data-pagefind-filter` the person/place/organisation/topic links,
year, source, section and language, `data-pagefind-meta` the date, dateline and source shown in a
result, `data-pagefind-sort` the UTC date. The reader-side code is site_templates/assets/javascripts/search.js.
"""

from __future__ import annotations

import asyncio
import logging
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Coroutine

log = logging.getLogger("mkdocs.plugins.news-archive")

OUTPUT = "pagefind"  # folder under site_dir
# Pagefind's ready-made interfaces: the archive has its own (search.js), so they are not published.
UNUSED = ("pagefind-ui.js", "pagefind-ui.css", "pagefind-component-ui.js", "pagefind-component-ui.css",
          "pagefind-modular-ui.js", "pagefind-modular-ui.css", "pagefind-highlight.js")
# Pagefind filter names of the term kinds (the other filters: year, source, section, language).
FILTER_KEYS: dict[str, str] = {"people": "person", "places": "place", "organizations": "organisation",
                               "topics": "topic"}
# The search page's filters, in order: (Pagefind filter, label).
FACETS: tuple[tuple[str, str], ...] = (
    ("year", "Year"), ("person", "Person"), ("place", "Place"), ("organisation", "Organization"),
    ("topic", "Topic"), ("source", "Source"), ("section", "Section"), ("language", "Language"))


@dataclass(frozen=True)
class IndexReport:
    pages: int
    seconds: float
    bytes: int  # size of the written bundle


async def _index(site_dir: Path, glob: str, language: str) -> int:
    from pagefind.index import IndexConfig, PagefindIndex

    config = IndexConfig(force_language=language, output_path=str(site_dir / OUTPUT))
    async with PagefindIndex(config=config) as index:
        result = await index.add_directory(str(site_dir), glob=glob)
        return int(result.get("page_count", 0))


def _run(coroutine: Coroutine[Any, Any, int]) -> int:
    """asyncio.run, also when the caller already runs an event loop (then in a worker thread)."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(coroutine)
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, coroutine).result()


def build_index(site_dir: str | Path, *, glob: str, language: str) -> IndexReport:
    """Index the pages matching `glob` under `site_dir` into `site_dir/pagefind/`.

    One language for the whole archive (`force_language`): Pagefind otherwise splits the index
    by each page's `lang`, and a reader on an English page would never find a French article.
    The language of each article is a filter instead.
    """
    site = Path(site_dir).resolve()
    started = time.perf_counter()
    pages = _run(_index(site, glob, language))
    for name in UNUSED:
        (site / OUTPUT / name).unlink(missing_ok=True)
    size = sum(p.stat().st_size for p in (site / OUTPUT).rglob("*") if p.is_file())
    return IndexReport(pages, time.perf_counter() - started, size)
