"""Search: a Pagefind index of the article pages, built in-process alongside the MkDocs build.

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
import atexit
import dataclasses
import html
import json
import logging
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Coroutine

log = logging.getLogger("mkdocs.plugins.news-archive")

OUTPUT = "pagefind"  # folder under site_dir
# Pagefind's ready-made interfaces: the archive has its own (search.js), so they are not published.
UNUSED = ("pagefind-ui.js", "pagefind-ui.css", "pagefind-component-ui.js", "pagefind-component-ui.css",
          "pagefind-modular-ui.js", "pagefind-modular-ui.css", "pagefind-highlight.js")
COPY_BYTES = 32 * 1024  # generous size of one article's copy (the content of a page; ~11 KB typical)
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


async def _pagefind(pages_dir: Path, glob: str, language: str, output_dir: Path,
                    read: Callable[[], None] | None) -> int:
    from pagefind.index import IndexConfig, PagefindIndex

    config = IndexConfig(force_language=language, output_path=str(output_dir))
    async with PagefindIndex(config=config) as index:
        result = await index.add_directory(str(pages_dir), glob=glob)
        if read is not None:
            read()  # Pagefind holds the pages now; it writes the index on leaving this block
        return int(result.get("page_count", 0))


def _run(coroutine: Coroutine[Any, Any, int]) -> int:
    """asyncio.run, also when the caller already runs an event loop (then in a worker thread)."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(coroutine)
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, coroutine).result()


def build_index(site_dir: str | Path, *, glob: str, language: str, pages_dir: str | Path | None = None,
                read: Callable[[], None] | None = None) -> IndexReport:
    """Index the pages matching `glob` under `pages_dir` (default: `site_dir`) into `site_dir/pagefind/`.

    One language for the whole archive (`force_language`): Pagefind otherwise splits the index
    by each page's `lang`, and a reader on an English page would never find a French article.
    The language of each article is a filter instead. A result's URL is its page's path under
    `pages_dir`, so a copy of the pages indexes exactly like the pages themselves. `read` is
    called once Pagefind has read the pages.
    """
    site = Path(site_dir).resolve()
    started = time.perf_counter()
    pages = _run(_pagefind(Path(pages_dir or site).resolve(), glob, language, site / OUTPUT, read))
    for name in UNUSED:
        (site / OUTPUT / name).unlink(missing_ok=True)
    size = sum(p.stat().st_size for p in (site / OUTPUT).rglob("*") if p.is_file())
    return IndexReport(pages, time.perf_counter() - started, size)


class ArticleCopies:
    """What Pagefind reads of each article page, written to a scratch folder as soon as the
    page's content is final, at the path the page will have in site/.

    Pagefind reads only the element marked `data-pagefind-body` (the article template's), which
    is all in the page's content: MkDocs' frame around it (header, navigation, footer) is never
    indexed. So the content in a bare document indexes exactly like the written page, and it is
    ready while MkDocs is still reading pages, long before it writes the first one.

    The folder is in memory (/dev/shm) when the system has one with room to spare: the copies
    live for seconds, and on a busy disk creating thousands of small files cost the rendering
    thread 0.9-4.3 s at 5,000 articles, against 0.2 s in memory (measured on one machine).
    """

    def __init__(self, language: str, pages: int = 0) -> None:
        self.folder = Path(tempfile.mkdtemp(prefix="news-archive-search-", dir=_scratch_parent(pages)))
        atexit.register(self.remove)  # also when the build is interrupted (in memory, they would stay)
        self._open = f'<!doctype html>\n<html lang="{html.escape(language)}">\n<head><meta charset="utf-8"></head>\n<body>\n'
        self.seconds = 0.0

    def write(self, dest_uri: str, content: str) -> None:
        started = time.perf_counter()
        path = self.folder / dest_uri
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(self._open + content + "\n</body>\n</html>\n", encoding="utf-8")
        self.seconds += time.perf_counter() - started

    def remove(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)
        atexit.unregister(self.remove)


def _scratch_parent(pages: int, shm: Path = Path("/dev/shm")) -> str | None:
    """/dev/shm if it is a writable folder with four times the copies' likely size free, else
    None (the system's temporary folder)."""
    try:
        if os.access(shm, os.W_OK | os.X_OK) and shutil.disk_usage(shm).free > pages * COPY_BYTES * 4:
            return str(shm)
    except OSError:
        pass
    return None


class EarlyIndex:
    """`build_index` of the article copies in a thread, so that Pagefind (in its own process)
    indexes on one core while MkDocs renders and writes pages on the other; `report()` waits for
    it and returns its report or raises its error. The copies are removed when it is done."""

    def __init__(self, site_dir: str | Path, copies: ArticleCopies, *, glob: str, language: str) -> None:
        self._report: IndexReport | None = None
        self._error: Exception | None = None
        self._thread = threading.Thread(target=self._run, args=(site_dir, copies, glob, language),
                                        name="news-archive-search", daemon=True)
        self._thread.start()

    def _run(self, site_dir: str | Path, copies: ArticleCopies, glob: str, language: str) -> None:
        try:
            self._report = build_index(site_dir, glob=glob, language=language, pages_dir=copies.folder,
                                       read=copies.remove)
        except Exception as err:  # handed to the build's thread in report()
            self._error = err
        finally:
            copies.remove()

    def report(self) -> IndexReport:
        self._thread.join()
        if self._error is not None:
            raise self._error
        assert self._report is not None
        return self._report


class SearchStep:
    """When the build runs Pagefind. A full `mkdocs build`: as soon as the last article page's
    content is final (`on_page_content`, from `ArticleCopies`), while MkDocs still reads pages;
    else after the build. `mkdocs serve`: in the background once no build has run for a moment
    (pages are served at once; search catches up): `finish` hands the plugin the job that
    starts a `BackgroundIndex`, which the plugin runs when idle (idle.py)."""

    def __init__(self) -> None:
        self._pending = -1  # article pages whose content is still to come; -1: no early start
        self._copies: ArticleCopies | None = None
        self._early: EarlyIndex | None = None
        self._where: tuple[str, str, str] = ("", "", "")  # site_dir, glob, language of this build
        self._background = BackgroundIndex()  # `mkdocs serve`: survives rebuilds, as the plugin does

    def plan(self, site_dir: str, *, glob: str, language: str, article_pages: int, early: bool) -> None:
        """`on_nav`: where this build's index goes, and how many article pages MkDocs will read."""
        self.abandon()
        self._early, self._where = None, (site_dir, glob, language)
        if early and article_pages > 0:  # (no article page: the site is indexed after the build, if at all)
            self._copies, self._pending = ArticleCopies(language, article_pages), article_pages

    def article_content(self, dest_uri: str, content: str) -> None:
        """`on_page_content` of an article page, after every plugin's change: copy what Pagefind reads."""
        if self._pending <= 0 or self._copies is None:
            return
        self._copies.write(dest_uri, content)
        self._pending -= 1
        if self._pending == 0:  # the last one: Pagefind indexes them all while MkDocs goes on
            site_dir, glob, language = self._where
            self._early = EarlyIndex(site_dir, self._copies, glob=glob, language=language)
            log.debug("news-archive: article copies for search written in %.1f s", self._copies.seconds)
            self._copies, self._pending = None, -1

    def abandon(self) -> None:
        """A build that failed (`on_build_error`), or a new plan: no copies left behind."""
        if self._copies is not None:
            self._copies.remove()
        self._copies, self._pending = None, -1

    def finish(self, *, expected: int, background: bool) -> Callable[[], None] | None:
        """`on_post_build`: wait for the early index, or index the site now. With `background`
        (`serve`): the job that indexes it in a child process, for the caller to start (idle.py)."""
        early, self._early = self._early, None
        self.abandon()  # an article page never came (another plugin dropped it): index the site
        if background:
            where = self._where
            return lambda: self._background.start(*where, expected)
        _index_and_log(*self._where, expected, early)
        return None

    def stop_background(self) -> None:
        """A new build begins (`mkdocs serve`): the index of the previous one would be stale."""
        self._background.stop()


class BackgroundIndex:
    """`mkdocs serve`: the site indexed after each build while pages are already served, in a
    child process that the next build stops. An editor who saves again before Pagefind is done
    gets both cores for the rebuild instead of a pile of Pagefind runs (each 7-12 s at 5,000
    articles) competing with it and with each other, and the index always follows the newest build."""

    def __init__(self) -> None:
        self._proc: subprocess.Popen | None = None
        self._waiter: threading.Thread | None = None

    @staticmethod
    def command(site_dir: str, glob: str, language: str) -> list[str]:
        return [sys.executable, "-m", "generator.site.search", site_dir, glob, language]

    def start(self, site_dir: str, glob: str, language: str, expected: int) -> None:
        self.stop()
        # Its own process group, so that stopping it also stops the pagefind binary it runs.
        proc = subprocess.Popen(self.command(site_dir, glob, language), stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True, start_new_session=os.name == "posix")
        self._proc = proc
        atexit.register(self.stop)  # the preview server is stopped (Ctrl-C): no Pagefind left running
        self._waiter = threading.Thread(target=self._wait, args=(proc, expected), name="news-archive-search",
                                        daemon=True)
        self._waiter.start()

    def _wait(self, proc: subprocess.Popen, expected: int) -> None:
        out, err = proc.communicate()
        if proc.returncode != 0:
            if proc.returncode < 0 or proc is not self._proc:  # stopped for a newer build
                log.debug("news-archive: search index of an earlier preview build stopped")
            else:
                last = (err.strip().splitlines() or ["no message"])[-1]
                log.info("news-archive: search index (Pagefind) not finished: %s", last)
            return
        try:
            report = IndexReport(**json.loads(out.strip().splitlines()[-1]))
        except (ValueError, TypeError, IndexError) as problem:
            log.info("news-archive: search index (Pagefind) gave no report: %s", problem)
            return
        _log_report(report, expected)

    def join(self, timeout: float | None = None) -> None:
        """Wait for the running index to finish (tests)."""
        if self._waiter is not None:
            self._waiter.join(timeout)

    def stop(self) -> None:
        proc, self._proc = self._proc, None
        atexit.unregister(self.stop)
        if proc is None or proc.poll() is not None:
            return
        try:
            if os.name == "posix":
                os.killpg(proc.pid, signal.SIGTERM)
            else:
                proc.terminate()
            proc.wait(timeout=10)
        except (ProcessLookupError, subprocess.TimeoutExpired):
            proc.kill()


def _index_and_log(site_dir: str, glob: str, language: str, expected: int, early: EarlyIndex | None) -> None:
    from mkdocs.exceptions import PluginError

    try:
        report = early.report() if early is not None else build_index(site_dir, glob=glob, language=language)
    except Exception as err:  # the pagefind binary is missing or failed
        raise PluginError(f"news-archive: search index (Pagefind): {err}") from err
    _log_report(report, expected)


def _log_report(report: IndexReport, expected: int) -> None:
    log.info("news-archive: search index of %d articles in %.1f s (%.0f KB)", report.pages,
             report.seconds, report.bytes / 1024)
    if report.pages != expected:
        log.warning("news-archive: the search index holds %d pages for %d articles", report.pages, expected)


if __name__ == "__main__":  # BackgroundIndex's child: python -m generator.site.search SITE_DIR GLOB LANGUAGE
    site, pattern, lang = sys.argv[1:4]
    print(json.dumps(dataclasses.asdict(build_index(site, glob=pattern, language=lang))))
