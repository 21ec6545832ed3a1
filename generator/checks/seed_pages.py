"""Every seed has its page; every generated page has its seed.

A seed whose bytes are identical to another seed's gets no page of its own (the build keeps one
copy), nor does one listed under a page's ``duplicates:`` (the same story), so neither is reported. A page with ``seed: null`` is hand-written and needs no seed. A seed without a page is a warning
(a pull request may add a seed; the build makes its page), a page whose seed is missing an error.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from generator.checks.page_files import PageSeed
from generator.checks.problems import CheckReport, Collector
from generator.config import ProjectPaths
from generator.defaults import DefaultsIndex
from generator.models import ArticleError, RawDocument
from generator.parse import parse_document
from generator.profiles import load_profiles
from generator.sources import MAX_SEED_BYTES, list_seeds, read_raw, story_problem


NO_PAGE = "this seed has no page yet; `python -m generator build` (or `mkdocs build`) makes it"


def _sha256(path: Path) -> str:
    if path.stat().st_size > MAX_SEED_BYTES:  # never pull a huge file into memory; read_raw names it
        return f"too large: {path}"
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _inside_seeds(paths: ProjectPaths, path: Path) -> bool:
    """An ordinary file inside seeds/ (a hidden one, say), not a link or a way out of the folder."""
    return path.is_file() and not path.is_symlink() and paths.seeds.resolve() in path.resolve().parents


class _StoryCheck:
    """What the build's reader says of a seed's story, with the profiles loaded on first use."""

    def __init__(self, paths: ProjectPaths) -> None:
        self.paths = paths
        self._loaded: tuple[list, DefaultsIndex] | None = None

    def problem(self, raw: RawDocument) -> str | None:
        if self._loaded is None:
            try:
                found = load_profiles(self.paths.profiles)
            except ArticleError:
                found = []  # reported by check's profile step
            self._loaded = (found, DefaultsIndex(self.paths.seeds, {p.name for p in found}))
        found, defaults = self._loaded
        return story_problem(parse_document(raw, found, defaults.for_file(raw.path)).paragraphs)


def check_seed_pages(paths: ProjectPaths, report: CheckReport, pages: list[PageSeed],
                     withdrawn: frozenset[str] | set[str] = frozenset()) -> None:
    """``withdrawn``: seeds whose page a person deleted (reported by ``machine_state``), not "without page"."""
    listing = list_seeds(paths.seeds, paths.root)
    seed_files = {p.relative_to(paths.root).as_posix(): p for p in listing.files}
    refused = {error.path for error in listing.refused}
    for error in listing.refused:  # the build names them the same way and never reads them
        Collector(report, error.path).error(1, error.problem)
    report.seeds_checked += len(seed_files) + len(refused)

    claimed: dict[str, PageSeed] = {}
    for page in pages:
        if page.seed is None:
            continue
        out = Collector(report, page.page)
        seed_path = (paths.root / page.seed)
        if page.broken or not page.seed.startswith("seeds/"):
            claimed.setdefault(page.seed, page)  # already reported; only keep its seed from being "without page"
        elif page.seed in refused:
            claimed.setdefault(page.seed, page)  # the seed itself is reported above
        elif page.seed not in seed_files and not _inside_seeds(paths, seed_path):
            out.error(page.line, f"seed '{page.seed}' does not exist (write `seed: null` for a hand-written page)")
        elif page.seed in claimed:
            out.error(page.line, f"seed '{page.seed}' is also the seed of {claimed[page.seed].page}")
        else:
            claimed[page.seed] = page

    # A seed folded into another's page (the same story) has its page there.
    folded = {dup for page in pages for dup in page.duplicates}
    with_page = {seed: path for seed, path in seed_files.items() if seed in claimed}
    hashes_with_page: dict[str, str] = {}
    for seed, path in with_page.items():
        hashes_with_page.setdefault(_sha256(path), seed)
    text_hashes: dict[str, str] | None = None
    story = _StoryCheck(paths)
    for seed, path in seed_files.items():
        if seed in claimed or seed in withdrawn or seed in folded:
            continue
        if _sha256(path) in hashes_with_page:
            continue  # a byte-identical duplicate of a seed that has its page
        # The build also treats the same text in another encoding as a duplicate.
        try:
            raw = read_raw(path, paths.root)
            text_sha = raw.text_sha256
            no_story = story.problem(raw)
        except ArticleError as exc:
            Collector(report, seed).error(1, f"this seed has no page: the build cannot read it ({exc.problem})")
            continue
        if no_story:
            Collector(report, seed).error(1, f"this seed has no page: {no_story}")
            continue
        if text_hashes is None:
            text_hashes = {}
            for kept, kept_path in with_page.items():
                try:
                    text_hashes.setdefault(_text_sha256(kept_path, paths.root), kept)
                except ArticleError:
                    pass
        if text_sha in text_hashes:
            continue
        # A warning: a pull request that adds a seed has no page yet, and the next build makes it.
        Collector(report, seed).warning(1, NO_PAGE)


def _text_sha256(path: Path, root: Path) -> str:
    return read_raw(path, root).text_sha256
