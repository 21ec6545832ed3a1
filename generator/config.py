"""Where a project keeps its files. One place, so no module hard-codes a folder name."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class ProjectPaths:
    root: Path
    seeds: Path  # raw saved articles, read recursively
    content: Path  # generated (and hand-edited) Markdown pages: MkDocs' docs_dir
    registry: Path  # people.yml, places.yml, organizations.yml, topics.yml
    profiles: Path  # one YAML file per news source layout
    state: Path  # last machine output per page, committed: lets a rebuild tell human edits apart
    cache: Path  # speed-only cache, never committed, safe to delete

    @classmethod
    def from_root(cls, root: Path | str) -> "ProjectPaths":
        root = Path(root).resolve()
        return cls(
            root=root,
            seeds=root / "seeds",
            content=root / "content",
            registry=root / "registry",
            profiles=root / "profiles",
            state=root / "content" / ".machine",
            cache=root / ".cache" / "generator",
        )

    @property
    def articles(self) -> Path:
        return self.content / "articles"

    def rel(self, path: Path) -> str:
        """A path as the project names it ("seeds/a.txt"); as given when it lies outside."""
        if path.is_absolute() and ".." not in path.parts:  # as listed under the (resolved) root: no lookups
            try:
                return path.relative_to(self.root).as_posix()
            except ValueError:
                pass
        try:
            return path.resolve().relative_to(self.root).as_posix()
        except ValueError:
            return str(path)
