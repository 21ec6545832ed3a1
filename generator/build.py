"""The build: every seed -> annotated Article -> page in content/, incrementally.

Two phases, as in Pelican and MkDocs: first read and annotate every changed seed,
recording bad files instead of stopping; then write, only what changed, atomically.
"""

from __future__ import annotations

import gc
import hashlib
import importlib
import os
import threading
from concurrent.futures import ProcessPoolExecutor
from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import Callable

import generator
from generator import duplicates, profiles, sources
from generator.build_report import BuildReport, ReadResult
from generator.buildlock import build_lock
from generator.config import ProjectPaths
from generator.defaults import DEFAULTS_FILE, DefaultsIndex, defaults_files
from generator.duplicates import StorySignature, StoryStore, group_stories, signature
from generator.hand_pages import hand_written_problems
from generator.merge import RegistryNames
from generator.models import AnnotatedArticle, ArticleError
from generator.page_reader import markup_issues, read_page
from generator.page_writer import PageWriter, write_page
from generator.registry import Registry, load_registry, registry_files
from generator.resolve import ArchiveNames, article_names, removed_people, with_people
from generator.slugs import slugify
from generator.state import BuildCache, CacheEntry, StateIndex, stamp, state_path
from generator.withdrawn import forget_deleted_articles, withdraw

_NOT_IN_PIPELINE = {"cli.py", "check.py", "suggest.py", "__main__.py", "hand_pages.py"}


def _fingerprint(paths: ProjectPaths) -> str:
    """Anything that changes every page's machine output: code, registry, profiles."""
    digest = hashlib.sha256(generator.__version__.encode())
    code_dir = Path(generator.__file__).parent
    # Only the pipeline's own code: editing the site plugin or `check` must not force a rebuild.
    files = [p for p in sorted(code_dir.glob("*.py")) if p.name not in _NOT_IN_PIPELINE]
    files += sorted(code_dir.glob("lexicon/*"))
    files += list(registry_files(paths.registry)) + sorted(paths.profiles.glob("*.y*ml"))
    # Folder defaults change the dates and sources of the seeds under them (rarely edited: all are rebuilt).
    files += defaults_files(paths.seeds)
    for path in files:
        if path.is_file():
            digest.update(str(path).encode() if path.name == DEFAULTS_FILE else path.name.encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


class _Reader:
    """Reads, parses and annotates seeds, with everything loaded once."""

    def __init__(self, paths: ProjectPaths, registry: Registry | None = None) -> None:
        # The parser and annotators are imported by the first reader: a no-op rebuild reads no
        # seed, and importing them was a tenth of its time.
        from generator.annotate import Matcher
        from generator.gazetteer import load_gazetteer

        self.paths = paths
        self.profiles = profiles.load_profiles(paths.profiles)
        registry = registry if registry is not None else load_registry(paths.registry)
        self.matcher = Matcher(registry, load_gazetteer(paths.cache))
        self.defaults = DefaultsIndex(paths.seeds, {p.name for p in self.profiles})

    def read(self, path: Path) -> tuple[AnnotatedArticle, str]:
        from generator import parse
        from generator.annotate import annotate

        raw = sources.read_raw(path, self.paths.root)
        article = parse.parse_document(raw, self.profiles, self.defaults.for_file(path))
        no_story = sources.story_problem(article.paragraphs)
        if no_story:  # only junk, invisible characters or escape codes: nothing to publish
            raise ArticleError(raw.seed, no_story)
        return annotate(article, self.matcher), raw.text_sha256


def read_all(paths: ProjectPaths) -> ReadResult:
    """Phase one alone, for every seed (no cache, nothing written): for `check` and `suggest`."""
    reader = _Reader(paths)
    listing = sources.list_seeds(paths.seeds, paths.root)
    result = ReadResult(errors=_defaults_errors(paths, reader) + listing.refused)
    kept: dict[str, str] = {}
    for path in listing.files:
        try:
            annotated, text_sha = reader.read(path)
        except ArticleError as exc:
            result.errors.append(ArticleError(paths.rel(path), exc.problem))
            continue
        seed = annotated.article.seed
        if text_sha in kept:
            result.duplicates.append((seed, kept[text_sha]))
            continue
        kept[text_sha] = seed
        result.articles.append(annotated)
        result.problems += [f"{seed}: {p}" for p in annotated.article.problems]
    names = ArchiveNames(reader.matcher.registry)
    for annotated in result.articles:
        names.put(annotated.article.seed, article_names(annotated))
    result.articles = [with_people(a, names.resolve(a.article.seed), names.registry) for a in result.articles]
    result.names = names
    return result


def _defaults_errors(paths: ProjectPaths, reader: _Reader | None = None) -> list[ArticleError]:
    """Bad ``_defaults.yml`` files: each named once; the seeds under them build without it."""
    if reader is not None:
        index = reader.defaults
    else:
        index = DefaultsIndex(paths.seeds, {p.name for p in profiles.load_profiles(paths.profiles)})
    return [ArticleError(paths.rel(Path(e.path)), e.problem, e.line) for e in index.errors]


def _page_dir(paths: ProjectPaths, date: str | None) -> Path:
    if date and len(date) >= 7 and date[:4].isdigit() and date[5:7].isdigit():
        return paths.articles / date[:4] / date[5:7]
    return paths.articles / "undated"


def _new_page_path(paths: ProjectPaths, annotated: AnnotatedArticle, text_sha: str, taken: set[Path]) -> Path:
    folder = _page_dir(paths, annotated.article.date)
    base = slugify(annotated.article.title, max_length=70) or f"article-{text_sha[:10]}"
    candidate, n = folder / f"{base}.md", 2
    while candidate in taken or candidate.exists():
        candidate, n = folder / f"{base}-{n}.md", n + 1
    taken.add(candidate)
    return candidate


# Reading is CPU-bound (parsing, name finding): spread it over the cores when there is enough of it.
PARALLEL_MIN_SEEDS = 64
_worker: _Reader | None = None


def _init_worker(paths: ProjectPaths, registry: Registry | None = None, *, forked: bool = False) -> None:
    global _worker
    _worker = _Reader(paths, registry)
    if forked:  # what the build gave and the reader's indexes live as long as the worker: the
        gc.freeze()  # collector need not walk them (nor copy every page shared with the build)


_Read = tuple[AnnotatedArticle, str, StorySignature]


def _read_one(path: Path) -> _Read | str:
    """A seed's (annotated article, text digest, story signature), or the problem that stopped it."""
    assert _worker is not None
    try:
        annotated, text_sha = _worker.read(path)
    except ArticleError as exc:
        return exc.problem
    return annotated, text_sha, signature(annotated.article)


def _read_many(paths: ProjectPaths, files: list[Path], registry: Registry) -> list[_Read | str]:
    workers = min(os.cpu_count() or 1, 8)
    if len(files) < PARALLEL_MIN_SEEDS or workers < 2:
        _init_worker(paths, registry)
        return [_read_one(path) for path in files]
    # The language model, the gazetteer and datasketch are loaded once here: forked workers share
    # them (and the reading modules). The model loads in a thread meanwhile (its LZMA decompression
    # does not hold the GIL).
    importlib.import_module("generator.annotate")  # the reading modules: imported once, before the fork
    importlib.import_module("generator.parse")
    from generator import language
    from generator.gazetteer import load_gazetteer

    model = threading.Thread(target=language.preload)
    model.start()
    load_gazetteer(paths.cache)
    duplicates.preload()
    model.join()
    # The registry is read once per build; forked workers inherit it (a 5,000-person one takes a second).
    with ProcessPoolExecutor(max_workers=workers, initializer=partial(_init_worker, forked=True),
                             initargs=(paths, registry)) as pool:
        return list(pool.map(_read_one, files, chunksize=32))


def build_archive(paths: ProjectPaths, *, quiet: bool = False, log: Callable[[str], None] = print) -> BuildReport:
    """Convert every new or changed seed; a rebuild with nothing changed writes nothing.

    Phase one finds what changed (by file stamps) and reads it, on every core; phase two
    walks the seeds in order, so duplicates and new slugs come out the same on every run.
    One build at a time per checkout: a second one waits for the lock (``buildlock``).
    """
    with build_lock(paths):
        thaw = gc.get_freeze_count() == 0  # never thaw what the caller froze
        try:
            return _build_archive(paths, quiet=quiet, log=log)
        finally:
            if thaw:
                gc.unfreeze()  # what the build froze (its read results) is collectable again


def _build_archive(paths: ProjectPaths, *, quiet: bool, log: Callable[[str], None]) -> BuildReport:
    report = BuildReport()
    report.read.errors += _defaults_errors(paths)
    listing = sources.list_seeds(paths.seeds, paths.root)
    report.read.errors += listing.refused  # links and special files: named, never read
    cache_file = paths.cache / "build.json"
    cache = BuildCache.load(cache_file, _fingerprint(paths))
    fresh = BuildCache(cache.fingerprint)
    names_file = paths.cache / "people.pickle"
    registry = load_registry(paths.registry, paths.cache)
    archive_names = ArchiveNames.load(names_file, registry, cache.fingerprint)

    plan: list[tuple[Path, str, CacheEntry | None]] = []  # (seed file, seed, cache entry if unchanged)
    for path in listing.files:
        seed = paths.rel(path)
        entry = cache.entries.get(seed)
        unchanged = entry is not None and entry.seed_stamp == stamp(path) and (
            entry.page is None or stamp(paths.root / entry.page) == entry.page_stamp)
        if unchanged and entry.page is not None and entry.page_stamp is None:  # withdrawn: still recorded?
            unchanged = state_path(paths, paths.root / entry.page).exists()
        unchanged = unchanged and (entry.page is None or seed in archive_names.articles)  # type: ignore[union-attr]
        plan.append((path, seed, entry if unchanged else None))
    to_read = [path for path, _, entry in plan if entry is None]
    store_file = paths.cache / "stories.pickle"
    store = StoryStore.load(store_file, cache.fingerprint)
    # Nothing new, changed or gone: last build's story groups still hold, no signature is needed.
    settled = not to_read and {seed for _, seed, _ in plan} == set(cache.entries) and all(
        store.has(seed, entry.text_sha256) for _, seed, entry in plan if entry is not None)
    if not settled:  # grouping needs every seed's signature: read the few the store lacks
        to_read += [path for path, seed, entry in plan if entry is not None and not store.has(seed, entry.text_sha256)]
    results = dict(zip(to_read, _read_many(paths, to_read, registry))) if to_read else {}
    if gc.get_freeze_count() == 0:  # the articles just read live to the end of the build:
        gc.freeze()  # the collector's passes while pages are written need not walk them
    # People across the archive: every article's cached name set plus the ones just read.
    archive_names.keep_only(seed for _, seed, _ in plan)
    for (path, seed, _), result in ((item, results.get(item[0])) for item in plan):
        if result is not None and not isinstance(result, str):
            archive_names.put(seed, article_names(result[0]))
    # One page per story: groups of seeds telling the same story, decided before anything is written.
    fresh_store = store
    if not settled:
        fresh_store = StoryStore(cache.fingerprint)
        for path, seed, entry in plan:
            result = results.get(path)
            if isinstance(result, tuple):
                fresh_store.signatures[seed] = (result[1], result[2])
            elif result is None and entry is not None:
                fresh_store.signatures[seed] = store.signatures[seed]
        fresh_store.groups = group_stories([(seed, *fresh_store.signatures[seed]) for _, seed, _ in plan
                                            if seed in fresh_store.signatures])
    groups = fresh_store.groups
    kept_of = {member: kept for kept, members in groups.items() for member in members}

    index: StateIndex | None = None
    names = RegistryNames(registry)
    taken: set[Path] = set()
    late_reader: _Reader | None = None
    # Pages are decided here in seed order and written by `writer` (on every core for a big build);
    # what follows each write is done after the loop, in the same order (`after`: what it needs).
    writer = PageWriter(lambda page, annotated: write_page(paths, page, annotated, names),
                        min(os.cpu_count() or 1, 8) if len(to_read) >= PARALLEL_MIN_SEEDS else 1)
    after: list[tuple[str, Path, list[str], tuple[int, int], str, tuple[str, ...], int, int]] = []
    try:
        for path, seed, entry in plan:
            kept = kept_of.get(seed, seed)
            result = results.get(path)
            if isinstance(result, str):
                report.read.errors.append(ArticleError(seed, result))
                continue
            text_sha = result[1] if result is not None else entry.text_sha256 if entry is not None else ""
            if kept != seed:  # the same story as a longer seed: folded into that seed's page
                folded = report.read.duplicates if fresh_store.signatures.get(kept, ("",))[0] == text_sha \
                    else report.read.near_duplicates
                folded.append((seed, kept))
                fresh.entries[seed] = CacheEntry(stamp(path) or (0, 0), text_sha, None, None)
                report.read.skipped += entry is not None and result is None
                continue
            members = groups.get(seed, [seed])
            if entry is not None and (entry.page is None or sorted(store.groups.get(seed, [seed])) != sorted(members)):
                entry = None  # it was folded into another page, or its group changed: its page lists the group
            # The archive-wide decision for its people changed: write it again. (Settled: the same seeds,
            # texts and registry as last time give the same decisions; a no-op rebuild skips working them out.)
            if entry is not None and not settled and \
                    archive_names.resolve(seed) != archive_names.articles[seed].resolved:
                entry = None
            if entry is not None:  # unchanged seed, page, code, registry, group and people
                report.read.problems += [f"{seed}: {p}" for p in entry.problems]
                if entry.page_stamp is None:
                    report.withdrawn += 1
                else:
                    report.unchanged += 1
                fresh.entries[seed] = entry
                report.read.skipped += 1
                continue
            if result is None:
                late_reader = late_reader or _Reader(paths)
                try:
                    result = (*late_reader.read(path), None)
                except ArticleError as exc:
                    report.read.errors.append(ArticleError(seed, exc.problem))
                    continue
            annotated, text_sha = result[0], result[1]
            annotated = replace(annotated, duplicates=tuple(m for m in members if m != seed))
            from generator.annotate import runs_people_finder  # (imported by the reader already)

            report.registry_only += not runs_people_finder(annotated.article)
            seed_stamp = stamp(path) or (0, 0)
            problems = list(annotated.article.problems)
            report.read.problems += [f"{seed}: {p}" for p in problems]
            if index is None:
                index = StateIndex.scan(paths)
            # A group keeps the page one of its seeds already has (its address, its edits), else a new one.
            page = next((index.pages[m] for m in [seed, *members] if m in index.pages), None) \
                or _new_page_path(paths, annotated, text_sha, taken)
            for member in members:
                if member != seed and index.pages.get(member, page) != page:
                    report.read.problems += duplicates.retire_page(paths, index.pages.pop(member), member, seed)
            index.pages[seed] = page
            if withdraw(paths, seed, page, report.notes):
                report.withdrawn += 1
                fresh.entries[seed] = CacheEntry(seed_stamp, text_sha, paths.rel(page), None, problems)
                continue
            if writer.parallel:  # its page may not be on disk before a later seed looks for a free address
                taken.add(page)
            if seed not in archive_names.articles:
                archive_names.put(seed, article_names(annotated))
            resolved = archive_names.resolve(seed)
            annotated = with_people(annotated, archive_names.resolve(seed, removed_people(state_path(paths, page))),
                                    archive_names.registry)
            writer.submit(page, annotated)
            after.append((seed, page, problems, seed_stamp, text_sha, resolved, len(report.read.errors),
                          len(report.read.problems)))
        added_errors = added_problems = 0  # what the loop below inserted before later seeds' lines
        for (seed, page, problems, seed_stamp, text_sha, resolved, errors_at, problems_at), outcome in zip(
                after, writer.outcomes()):
            if isinstance(outcome, ArticleError):  # its line goes where a serial build would have put it
                report.read.errors.insert(errors_at + added_errors, outcome)
                added_errors += 1
                continue
            written, human_fields = outcome
            rel_page = paths.rel(page)
            if written:
                report.written.append(rel_page)
            else:
                report.unchanged += 1
            if human_fields:
                report.kept_edits[rel_page] = human_fields
                # What a person wrote may hold raw HTML or a script link: a warning, as in `check`.
                unsafe = [f"its page {rel_page}, line {issue.line}: {issue.message}"
                          for issue in markup_issues(read_page(page.read_bytes()))]
                at = problems_at + added_problems
                report.read.problems[at:at] = [f"{seed}: {u}" for u in unsafe]
                added_problems += len(unsafe)
                problems += unsafe
            fresh.entries[seed] = CacheEntry(seed_stamp, text_sha, rel_page, stamp(page), problems)
            archive_names.written(seed, resolved)
    finally:
        writer.close()

    if not settled:
        fresh_store.save(store_file)
    if index is not None or set(cache.entries) - set(fresh.entries):
        # Some seed was read or has gone: records of articles whose page and seed are both gone go too.
        forget_deleted_articles(paths, index or StateIndex.scan(paths), report.notes)
    if fresh.entries != cache.entries or not cache_file.exists():  # a no-op rebuild rewrites nothing
        fresh.save(cache_file)
    archive_names.save(names_file, fresh.fingerprint)
    report.read.problems += hand_written_problems(paths)
    if not quiet:
        for line in report.problem_lines:
            log(line)
        for line in report.notes:
            log(line)
        log(report.summary())
    return report
