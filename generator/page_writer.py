"""Pages written on every core: the build decides every page in seed order (its address, its
people, its group), and the writing itself (merging with the page on disk, YAML, the JSON
record, three atomic renames: most of phase two's time) runs in forked workers. Outcomes are
taken back in the order the pages were handed in, so the report, the cache and every file are
those of a serial build.
"""

from __future__ import annotations

import multiprocessing
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path
from typing import Callable, Iterator

from generator.models import AnnotatedArticle, ArticleError

__all__ = ["PageWriter", "Write", "Written"]

Written = tuple[bool, tuple[str, ...]]  # (page rewritten?, fields whose human edits were kept)
Write = Callable[[Path, AnnotatedArticle], Written]
BATCH = 16  # pages per task: one round trip to a worker costs about what writing a page does

_write: Write | None = None  # set before the workers fork: they inherit it, nothing is pickled


def _write_batch(jobs: list[tuple[Path, AnnotatedArticle]]) -> list[Written | tuple[str, str, int | None]]:
    assert _write is not None
    out: list[Written | tuple[str, str, int | None]] = []
    for page, annotated in jobs:
        try:
            out.append(_write(page, annotated))
        except ArticleError as exc:  # sent back as its parts: the exception does not pickle
            out.append((exc.path, exc.problem, exc.line))
    return out


class PageWriter:
    """``write(page, annotated)`` for every page handed in: at once with ``workers`` < 2, else in
    a pool of forked workers; ``outcomes`` gives each page's result (or ArticleError) in order."""

    def __init__(self, write: Write, workers: int) -> None:
        global _write
        # Workers must inherit `write` by forking; where processes are spawned (Windows, macOS'
        # default) pages are written here instead.
        if "fork" not in multiprocessing.get_all_start_methods():
            workers = 1
        self._serial = write if workers < 2 else None
        self._pool: ProcessPoolExecutor | None = None
        if workers >= 2:
            _write = write
            self._pool = ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("fork"))
        self._done: list[Written | ArticleError] = []  # serial outcomes
        self._batches: list[Future] = []
        self._batch: list[tuple[Path, AnnotatedArticle]] = []

    @property
    def parallel(self) -> bool:
        return self._pool is not None

    def submit(self, page: Path, annotated: AnnotatedArticle) -> None:
        if self._serial is not None:
            try:
                self._done.append(self._serial(page, annotated))
            except ArticleError as exc:
                self._done.append(exc)
            return
        self._batch.append((page, annotated))
        if len(self._batch) >= BATCH:
            self._flush()

    def _flush(self) -> None:
        if self._batch:
            assert self._pool is not None
            self._batches.append(self._pool.submit(_write_batch, self._batch))
            self._batch = []

    def outcomes(self) -> Iterator[Written | ArticleError]:
        """Every page's outcome, in the order handed in (waits for the workers)."""
        if self._pool is None:
            yield from self._done
            return
        self._flush()
        for batch in self._batches:
            for outcome in batch.result():
                yield outcome if isinstance(outcome[0], bool) else ArticleError(*outcome)  # type: ignore[misc]

    def close(self) -> None:
        global _write
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None
            _write = None
