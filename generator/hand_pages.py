"""Article pages written by hand (no seed, so no record in ``content/.machine/``): the build never
writes them, but judges them as ``check`` and the site do, so ``build --strict`` fails on the same
pages as ``check`` and ``mkdocs build --strict``.
"""

from __future__ import annotations

import os
from pathlib import Path

from generator.config import ProjectPaths
from generator.page_reader import markup_issues, read_page, read_sound_page


def _relative_files(folder: Path, suffix: str) -> set[str]:
    """Paths under ``folder`` ending in ``suffix``, relative and without it (one walk, no stat)."""
    found: set[str] = set()
    for top, dirs, names in os.walk(folder):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        rel = os.path.relpath(top, folder)
        for name in names:
            if name.endswith(suffix) and not name.startswith("."):
                found.add(os.path.normpath(os.path.join(rel, name[: -len(suffix)])))
    return found


def hand_written_pages(paths: ProjectPaths) -> list[Path]:
    """Article pages without a build record: written by a person (or their record was deleted)."""
    if not paths.articles.is_dir():
        return []
    pages = _relative_files(paths.articles, ".md")
    records = _relative_files(paths.state / paths.articles.relative_to(paths.content), ".json")
    return [paths.articles / f"{rel}.md" for rel in sorted(pages - records)]


def hand_written_problems(paths: ProjectPaths) -> list[str]:
    """One line per problem of a hand-written page, as ``check`` words it ("path:line: message")."""
    lines: list[str] = []
    for page in hand_written_pages(paths):
        try:
            raw = page.read_bytes()
        except OSError as exc:
            lines.append(f"{page.relative_to(paths.root).as_posix()}: cannot be read: {exc.strerror}")
            continue
        if read_sound_page(raw) is not None:
            continue
        reading = read_page(raw)
        rel = page.relative_to(paths.root).as_posix()
        issues = sorted([*reading.errors, *markup_issues(reading)], key=lambda issue: issue.line)
        lines += [f"{rel}:{issue.line}: {issue.message}" for issue in issues]
    return lines
