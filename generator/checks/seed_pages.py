"""Every seed has its page; every generated page has its seed.

A seed whose bytes are identical to another seed's gets no page of its own (the build keeps one
copy), so it is not reported. A page with ``seed: null`` is hand-written and needs no seed. A seed without a page is a warning
(a pull request may add a seed; the build makes its page), a page whose seed is missing an error.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from generator.checks.page_files import PageSeed
from generator.checks.problems import CheckReport, Collector
from generator.config import ProjectPaths
from generator.models import ArticleError
from generator.sources import find_seeds, read_raw


NO_PAGE = "this seed has no page yet; `python -m generator build` (or `mkdocs build`) makes it"


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def check_seed_pages(paths: ProjectPaths, report: CheckReport, pages: list[PageSeed],
                     withdrawn: frozenset[str] | set[str] = frozenset()) -> None:
    """``withdrawn``: seeds whose page a person deleted (reported by ``machine_state``), not "without page"."""
    seed_files = {p.relative_to(paths.root).as_posix(): p for p in find_seeds(paths.seeds)}
    report.seeds_checked += len(seed_files)

    claimed: dict[str, PageSeed] = {}
    for page in pages:
        if page.seed is None:
            continue
        out = Collector(report, page.page)
        seed_path = (paths.root / page.seed)
        if page.broken or not page.seed.startswith("seeds/"):
            claimed.setdefault(page.seed, page)  # already reported; only keep its seed from being "without page"
        elif page.seed not in seed_files and not seed_path.is_file():
            out.error(page.line, f"seed '{page.seed}' does not exist (write `seed: null` for a hand-written page)")
        elif page.seed in claimed:
            out.error(page.line, f"seed '{page.seed}' is also the seed of {claimed[page.seed].page}")
        else:
            claimed[page.seed] = page

    with_page = {seed: path for seed, path in seed_files.items() if seed in claimed}
    hashes_with_page: dict[str, str] = {}
    for seed, path in with_page.items():
        hashes_with_page.setdefault(_sha256(path), seed)
    text_hashes: dict[str, str] | None = None
    for seed, path in seed_files.items():
        if seed in claimed or seed in withdrawn:
            continue
        if _sha256(path) in hashes_with_page:
            continue  # a byte-identical duplicate of a seed that has its page
        # The build also treats the same text in another encoding as a duplicate.
        try:
            text_sha = _text_sha256(path, paths.root)
        except ArticleError as exc:
            Collector(report, seed).error(1, f"this seed has no page: the build cannot read it ({exc.problem})")
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
