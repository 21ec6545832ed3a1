"""`WhenIdle`: work that `mkdocs serve` does after a build, once nothing is being built.

MkDocs' server holds every request until a build returns, and an editor who saves again and
again wants each rebuild to have both cores. Two things used to run right after each build and
got in the way of the next one:

- the full garbage collection that frees the previous build's pages and navigation (0.35 s at
  5,000 articles, holding the interpreter), and
- the search index of the new build (Pagefind, 7-12 s in a child process, on both cores).

Both now wait until no build has run for `IDLE_SECONDS`. A build that begins meanwhile drops
the jobs of the one before (its index would be stale: the new build brings its own) but keeps
the collection pending, so garbage never piles up: it is collected at the first pause.
Back-to-back edits at 5,000 articles: rebuilds of 1.84-2.16 s, with both running in them, against
~1.35 s alone.
"""

from __future__ import annotations

import gc
import logging
import threading
import time
from typing import Callable, Iterable

__all__ = ["WhenIdle", "IDLE_SECONDS"]

log = logging.getLogger("mkdocs.plugins.news-archive")

IDLE_SECONDS = 1.0  # from a build's end: time for the browser to fetch the new page, or the next save


class WhenIdle:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._building = False
        self._ended = 0.0  # time.monotonic() of the last build's end
        self._collect = False
        self._jobs: list[Callable[[], None]] = []
        self._thread: threading.Thread | None = None
        self._running = False  # a thread is in _run and will look at the work again

    def building(self) -> None:
        """A build begins: the last one's jobs are stale (its collection still is due)."""
        with self._lock:  # waits for jobs being started: the build's own start then stops them
            self._building = True
            self._jobs = []

    def built(self, collect: bool = False, jobs: Iterable[Callable[[], None]] = ()) -> None:
        """A build ended (well or not): `jobs` and, with `collect`, a full collection, once idle."""
        with self._lock:
            self._building, self._ended = False, time.monotonic()
            self._collect = self._collect or collect
            self._jobs = list(jobs)
            if (self._collect or self._jobs) and not self._running:
                self._running = True
                self._thread = threading.Thread(target=self._run, name="news-archive-idle", daemon=True)
                self._thread.start()

    def _run(self) -> None:
        while True:
            with self._lock:
                if not (self._collect or self._jobs):
                    self._running = False  # under the lock: `built` starts a new thread for later work
                    return
                left = self._ended + IDLE_SECONDS - time.monotonic()
                due = not self._building and left <= 0
                if due:
                    jobs, self._jobs = self._jobs, []
                    collect, self._collect = self._collect, False
                    for job in jobs:  # under the lock: a build cannot begin halfway through a start
                        try:
                            job()
                        except Exception as err:  # a job's failure must not end the server's thread
                            log.warning("news-archive: after the build: %s", err)
            if not due:
                time.sleep(left if left > 0 else IDLE_SECONDS / 4)  # building: look again soon
            elif collect:
                gc.collect()

    def cancel(self) -> None:
        """`serve` stops: nothing more to start (a job being started finishes first)."""
        with self._lock:
            self._jobs, self._collect = [], False

    def wait(self) -> None:
        """Until the pending work is done (tests)."""
        thread = self._thread
        if thread is not None:
            thread.join()
