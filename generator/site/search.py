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
import threading
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


async def _pagefind(site_dir: Path, glob: str, language: str) -> int:
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
    pages = _run(_pagefind(site, glob, language))
    for name in UNUSED:
        (site / OUTPUT / name).unlink(missing_ok=True)
    size = sum(p.stat().st_size for p in (site / OUTPUT).rglob("*") if p.is_file())
    return IndexReport(pages, time.perf_counter() - started, size)


class EarlyIndex:
    """`build_index` in a thread, started once the last article page is written, so that Pagefind
    (in its own process) indexes on one core while MkDocs renders the listing and term pages on
    the other; `report()` waits for it and returns its report or raises its error."""

    def __init__(self, site_dir: str | Path, *, glob: str, language: str) -> None:
        self._report: IndexReport | None = None
        self._error: Exception | None = None
        self._thread = threading.Thread(target=self._run, args=(site_dir, glob, language),
                                        name="news-archive-search", daemon=True)
        self._thread.start()

    def _run(self, site_dir: str | Path, glob: str, language: str) -> None:
        try:
            self._report = build_index(site_dir, glob=glob, language=language)
        except Exception as err:  # handed to the build's thread in report()
            self._error = err

    def report(self) -> IndexReport:
        self._thread.join()
        if self._error is not None:
            raise self._error
        assert self._report is not None
        return self._report


class SearchStep:
    """When the build runs Pagefind. A full `mkdocs build`: as soon as MkDocs has written the last
    article page (an `EarlyIndex`), else after the build. `mkdocs serve`: after each build, in the
    background (pages are served at once; search catches up).

    MkDocs writes a page after its `on_post_page` and before the next page's `on_page_context`,
    and writes the article pages (docs_dir) before the generated ones (added in `on_files`), so
    the count of article pages still to write reaches 0 with the listings and term pages to go."""

    def __init__(self) -> None:
        self._unwritten = -1  # article pages still to write; -1: no early start in this build
        self._early: EarlyIndex | None = None
        self._where: tuple[str, str, str] = ("", "", "")  # site_dir, glob, language of this build

    def plan(self, site_dir: str, *, glob: str, language: str, article_pages: int, early: bool) -> None:
        """`on_nav`: where this build's index goes, and how many article pages MkDocs will write."""
        self._where = (site_dir, glob, language)
        self._early, self._unwritten = None, (article_pages if early else -1)

    def article_done(self) -> None:
        """`on_post_page` of an article page: MkDocs writes it next."""
        if self._unwritten > 0:
            self._unwritten -= 1

    def page_starts(self) -> None:
        """`on_page_context`: the page before this one is written."""
        if self._unwritten == 0:
            self._unwritten = -1
            site_dir, glob, language = self._where
            self._early = EarlyIndex(site_dir, glob=glob, language=language)

    def finish(self, *, expected: int, background: bool) -> None:
        """`on_post_build`: wait for the early index, or index now (in a thread when `background`)."""
        early, self._early, self._unwritten = self._early, None, -1
        if background:
            threading.Thread(target=_index_and_log, args=(*self._where, expected, None, True), daemon=True).start()
        else:
            _index_and_log(*self._where, expected, early, False)


def _index_and_log(site_dir: str, glob: str, language: str, expected: int, early: EarlyIndex | None,
                   background: bool) -> None:
    from mkdocs.exceptions import PluginError

    try:
        report = early.report() if early is not None else build_index(site_dir, glob=glob, language=language)
    except Exception as err:  # the pagefind binary is missing or failed
        if background:  # a newer preview build may have cleaned the pages away: it indexes again
            log.info("news-archive: search index (Pagefind) not finished: %s", err)
            return
        raise PluginError(f"news-archive: search index (Pagefind): {err}") from err
    log.info("news-archive: search index of %d articles in %.1f s (%.0f KB)", report.pages,
             report.seconds, report.bytes / 1024)
    if report.pages != expected:
        log.warning("news-archive: the search index holds %d pages for %d articles", report.pages, expected)
