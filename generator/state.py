"""Where each page's ``PageState`` lives, and the speed-only build cache.

The state of ``content/articles/2022/05/x.md`` is ``content/.machine/articles/2022/05/x.json``:
committed with the page, so a fresh clone still knows which values a person changed.
The cache (``.cache/generator/build.json``) only lets a rebuild skip unchanged seeds;
deleting it, or finding it unreadable, costs time and nothing else (Pelican's cache rule).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.config import ProjectPaths
from generator.merge import PageState
from generator.pages import write_atomic


def state_path(paths: ProjectPaths, page: Path) -> Path:
    return (paths.state / page.relative_to(paths.content)).with_suffix(".json")


def read_state(paths: ProjectPaths, page: Path) -> PageState | None:
    try:
        return PageState.from_json(json.loads(state_path(paths, page).read_text(encoding="utf-8")))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def write_state(paths: ProjectPaths, page: Path, state: PageState) -> None:
    text = json.dumps(state.to_json(), ensure_ascii=False, indent=1, sort_keys=True) + "\n"
    target = state_path(paths, page)
    if not target.exists() or target.read_text(encoding="utf-8") != text:
        write_atomic(target, text)


def seeds_with_pages(paths: ProjectPaths) -> dict[str, Path]:
    """seed path -> its page, from the committed state files (used when there is no cache)."""
    found: dict[str, Path] = {}
    if not paths.state.is_dir():
        return found
    for state_file in sorted(paths.state.rglob("*.json")):
        try:
            seed = json.loads(state_file.read_text(encoding="utf-8"))["machine"].get("seed")
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            continue
        page = (paths.content / state_file.relative_to(paths.state)).with_suffix(".md")
        if isinstance(seed, str) and page.exists():
            found.setdefault(seed, page)
    return found


@dataclass
class CacheEntry:
    seed_stamp: tuple[int, int]  # (mtime_ns, size)
    text_sha256: str
    page: str | None  # page path relative to the project root
    page_stamp: tuple[int, int] | None
    problems: list[str] = field(default_factory=list)


@dataclass
class BuildCache:
    fingerprint: str = ""
    entries: dict[str, CacheEntry] = field(default_factory=dict)

    @classmethod
    def load(cls, path: Path, fingerprint: str) -> "BuildCache":
        try:
            data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
            if data.get("fingerprint") != fingerprint:
                return cls(fingerprint)
            entries = {
                seed: CacheEntry(tuple(e["seed_stamp"]), e["text_sha256"], e["page"],
                                 tuple(e["page_stamp"]) if e["page_stamp"] else None, list(e["problems"]))
                for seed, e in data["entries"].items()
            }
            return cls(fingerprint, entries)  # type: ignore[arg-type]
        except (OSError, ValueError, KeyError, TypeError):
            return cls(fingerprint)

    def save(self, path: Path) -> None:
        data = {"fingerprint": self.fingerprint,
                "entries": {seed: vars(entry) for seed, entry in sorted(self.entries.items())}}
        write_atomic(path, json.dumps(data, ensure_ascii=False, separators=(",", ":")))


def stamp(path: Path) -> tuple[int, int] | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return (st.st_mtime_ns, st.st_size)
