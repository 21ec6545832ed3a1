"""What the registry says about a term (role, description, aliases), behind one small adapter.

The site never decides annotations; it only shows what the registry holds for a name that the
conversion already wrote into front-matter. Names not in the registry still get a page.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from generator.registry import load_registry
from generator.slugs import slugify


@dataclass(frozen=True)
class EntityInfo:
    kind: str
    name: str  # canonical name
    slug: str
    aliases: tuple[str, ...] = ()
    role: str | None = None
    description: str | None = None
    registered: bool = False


class EntityLookup:
    """`find(kind, name)` -> EntityInfo; an unregistered name gets a bare EntityInfo."""

    def __init__(self, registry_dir: Path) -> None:
        self._registry = load_registry(registry_dir) if registry_dir.is_dir() else None
        self._cache: dict[tuple[str, str], EntityInfo] = {}

    def find(self, kind: str, name: str) -> EntityInfo:
        key = (kind, name)
        hit = self._cache.get(key)
        if hit is None:
            entity = self._registry.find(kind, name) if self._registry is not None else None
            if entity is None:
                hit = EntityInfo(kind, name, term_slug(name))
            else:
                hit = EntityInfo(kind, entity.name, term_slug(entity.name), tuple(entity.aliases),
                                 entity.role, entity.description, True)
            self._cache[key] = hit
        return hit


class RegistryReader:
    """`EntityLookup`s of one registry folder, read again only when one of its files changed.

    Parsing the registry's YAML is ~0.4 s of every `mkdocs serve` rebuild of a large archive, and
    an edit to an article leaves the registry as it was. A file's size and modification time
    (nanoseconds) stand for its content; a new, removed or renamed file changes the stamp too."""

    def __init__(self) -> None:
        self._stamp: tuple | None = None
        self._lookup: EntityLookup | None = None

    def lookup(self, registry_dir: Path) -> EntityLookup:
        stamp = _stamp(registry_dir)
        if self._lookup is None or stamp != self._stamp:
            self._lookup, self._stamp = EntityLookup(registry_dir), stamp
        return self._lookup


def _stamp(folder: Path) -> tuple:
    if not folder.is_dir():
        return (str(folder),)
    out = [str(folder)]
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            status = path.stat()
            out.append((str(path), status.st_size, status.st_mtime_ns))
    return tuple(out)


def term_slug(name: str) -> str:
    """URL slug of a term; names with no ASCII letters get a stable hash-based slug."""
    slug = slugify(name)
    if slug:
        return slug
    import hashlib

    return "term-" + hashlib.sha1(name.encode("utf-8")).hexdigest()[:10]
