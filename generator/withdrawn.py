"""Deleting a page is a decision: the article is withdrawn, not re-created.

A page whose record exists in content/.machine/ but whose file is gone was deleted by a person.
While its seed stays, the build records ``withdrawn: true`` in that record (and says so once)
instead of writing the page again; ``check`` reports the withdrawn article with the ways to
undo it. When the seed is deleted too, the record has nothing left to describe and goes.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from generator.config import ProjectPaths
from generator.state import StateIndex, read_record, state_path, write_state


def withdrawn_message(paths: ProjectPaths, page: Path) -> str:
    return (f"withdrawn: its page {paths.rel(page)} was deleted, so the build does not make it again "
            f"(recorded in {paths.rel(state_path(paths, page))})")


def withdraw(paths: ProjectPaths, seed: str, page: Path, notes: list[str]) -> bool:
    """True when ``page`` was made by the build and deleted since: the article stays withdrawn."""
    if page.exists():
        return False
    record = read_record(paths, page)
    if record is None or record.committed is None:
        return False  # never written (or a build was killed before it was): a new page
    if not record.committed.withdrawn:
        write_state(paths, page, replace(record.committed, withdrawn=True))
        notes.append(f"{seed}: {withdrawn_message(paths, page)}; `python -m generator check` says how to undo it")
    return True


def forget_deleted_articles(paths: ProjectPaths, index: StateIndex, notes: list[str]) -> None:
    """Delete the records of articles whose page and seed are both gone."""
    for seed, page in sorted(index.pages.items()):
        if page.exists() or (paths.root / seed).exists():
            continue
        target = state_path(paths, page)
        target.unlink(missing_ok=True)
        notes.append(f"{paths.rel(target)}: deleted, as its page and its seed {seed} are both gone")
