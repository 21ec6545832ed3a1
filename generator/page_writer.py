"""Pages written: ``write_page`` merges the machine's page with the one on disk and commits it
with its record; ``PageWriter`` runs it on every core. The build decides every page in seed order (its address, its
people, its group), and the writing itself (merging with the page on disk, YAML, the JSON
record, three atomic renames: most of phase two's time) runs in forked workers. Outcomes are
taken back in the order the pages were handed in, so the report, the cache and every file are
those of a serial build.
"""

from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path
from typing import Callable, Iterator

from generator.config import ProjectPaths
from generator.conflicts import find_conflict
from generator.merge import Names, PageState, body_digest, merge
from generator.models import AnnotatedArticle, ArticleError
from generator.page_reader import not_updated_message, read_page
from generator.pages import MAX_FRONT_MATTER_BYTES, escape_body, render
from generator.state import commit_page, read_record, state_path

__all__ = ["PageWriter", "Write", "Written", "write_page"]

SCHEMA_FILE = Path("generator/schemas/page.schema.json")

def _schema_ref(paths: ProjectPaths, page: Path) -> str:
    return Path(os.path.relpath(paths.root / SCHEMA_FILE, page.parent)).as_posix()


def write_page(paths: ProjectPaths, page: Path, annotated: AnnotatedArticle,
               names: Names | None = None) -> tuple[bool, tuple[str, ...]]:
    """Merge the machine's page with the one on disk and write it if anything changed.

    Returns (written?, fields whose human edits were kept). The page and its record in
    content/.machine/ are committed together (``state.commit_page``).
    """
    machine = annotated.front_matter()
    machine_body = escape_body(annotated.article.paragraphs)
    record = read_record(paths, page)
    if record is not None and record.conflict is not None:
        where = state_path(paths, page)
        raise ArticleError(paths.rel(where), "unresolved merge conflict in the build's record of "
                           f"{paths.rel(page)} (page not updated until it is resolved; "
                           "`python -m generator check` says how)", record.conflict)
    page_bytes = page.read_bytes() if page.exists() else None
    disk_text = disk_fm = disk_body = None
    if page_bytes is not None:
        reading = read_page(page_bytes)
        conflict = find_conflict("\n".join(reading.lines))
        if conflict is not None:
            raise ArticleError(paths.rel(page), f"{conflict.sentence()} (page not updated until this is fixed)",
                               conflict.start)
        if not reading.understood:
            # Never rewrite a page we do not fully understand: merging it could lose a person's edit.
            raise ArticleError(paths.rel(page), not_updated_message(reading), reading.errors[0].line)
        disk_text = "\n".join(reading.lines)
        disk_fm, disk_body = reading.data, reading.body
    state, alternate = record.bases(page_bytes) if record else (None, None)
    result = merge(machine, machine_body, state, disk_fm, disk_body, names=names or Names(), alternate=alternate)
    text = render(result.front_matter, result.body, _schema_ref(paths, page))
    front_bytes = len(text.encode("utf-8")) - len(result.body.encode("utf-8")) - len("---\n---\n\n")
    if front_bytes > MAX_FRONT_MATTER_BYTES:
        # A page the build could not read back would be frozen for good: write none instead.
        raise ArticleError(annotated.article.seed, f"its page would have {front_bytes:,} bytes of front-matter, "
                           f"over the limit of {MAX_FRONT_MATTER_BYTES:,} (the caption or summary is not "
                           "article text); no page written")
    written = text != disk_text
    new_state = PageState(machine=machine, body_sha256=body_digest(machine_body), removed=result.removed)
    commit_page(paths, page, text if written else None, new_state, state)
    return written, result.human_fields


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
