"""The people/places/organizations/topics registry: YAML files that humans edit in pull requests.

Each file (``registry/people.yml`` …) is a list of entries::

    - name: Yoon Suk-yeol            # canonical name: what pages and URLs use
      aliases: [Yoon Seok-yeol]      # other spellings that mean the same entity
      role: President of South Korea # people only, optional
      description: …                 # optional, any kind
      phrases: [North Korean missile]  # topics only: text that signals the topic
      parent: politics               # topics only: the broader topic (an IPTC subject) it belongs to
      reviewed: false                # written by `suggest --write`; a maintainer removes it

This module only reads and indexes; matching text against it lives in ``annotate.py``.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Iterable

from generator.cache_files import load_pickle, save_pickle
from generator.models import ENTITY_KINDS, ArticleError
from generator.safeyaml import load_data_file
from generator.slugs import slugify

REGISTRY_FILES: dict[str, str] = {kind: f"{kind}.yml" for kind in ENTITY_KINDS}
_ENTRY_KEYS = {"name", "aliases", "role", "description", "phrases", "parent", "reviewed"}
WORD = re.compile(r"[^\W_]+")  # a word of any script: how every matcher splits text
MAX_REGISTRY_BYTES = 10_000_000  # 5,000 people take under 1 MB


@lru_cache(maxsize=200_000)
def fold(text: str) -> str:
    """Case-folded and accent-free: "Suk-Yeol" -> "suk-yeol", "José" -> "jose"."""
    if text.isascii():  # nothing to decompose: casefold is lower (most words of most news)
        return text.lower()
    folded = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in folded if not unicodedata.combining(ch))


@lru_cache(maxsize=200_000)  # the same names and words are compared over and over in a build
def name_tokens(text: str) -> tuple[str, ...]:
    """The comparable form of a name: folded words.

    "Yoon Suk-Yeol" and "yoon suk yeol" give the same tokens; so do "Kishida’s" and
    "Kishida's" (("kishida", "s")), which keeps matching on word boundaries.
    """
    return tuple(WORD.findall(fold(text)))


@dataclass(frozen=True)
class Entity:
    kind: str
    name: str
    aliases: tuple[str, ...] = ()
    role: str | None = None
    description: str | None = None
    phrases: tuple[str, ...] = ()
    parent: str | None = None
    reviewed: bool = True

    @property
    def slug(self) -> str:
        return slugify(self.name) or "entry"

    @property
    def spellings(self) -> tuple[str, ...]:
        """The canonical name first, then every alias."""
        return (self.name, *self.aliases)


@dataclass
class Registry:
    by_kind: dict[str, list[Entity]] = field(default_factory=lambda: {k: [] for k in ENTITY_KINDS})
    _index: dict[str, dict[tuple[str, ...], Entity]] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        for kind in ENTITY_KINDS:
            self.by_kind.setdefault(kind, [])
        self._index = {kind: {} for kind in ENTITY_KINDS}
        for kind, entities in self.by_kind.items():
            for entity in entities:
                for spelling in entity.spellings:
                    # First entry wins: `check` reports an alias claimed twice.
                    self._index[kind].setdefault(name_tokens(spelling), entity)

    def entities(self, kind: str) -> list[Entity]:
        return self.by_kind[kind]

    def find(self, kind: str, name: str) -> Entity | None:
        """The entry whose canonical name or alias is ``name`` (case and accents ignored)."""
        return self._index[kind].get(name_tokens(name))

    def __len__(self) -> int:
        return sum(len(v) for v in self.by_kind.values())


# Look-alikes a word processor or a web page pastes into names: non-breaking and other fixed-width
# spaces become a space, curly quotes straight ones, so "Fumio\u00a0Kishida" is just Fumio Kishida.
_NAME_SPACES = re.compile("[\u00a0\u2007\u202f\u2000-\u200a\u3000\t]+")
_NAME_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'})


def clean_name(name: str) -> str:
    """A name as typed -> as stored: plain spaces (runs collapsed), straight quotes, no edge spaces."""
    return " ".join(_NAME_SPACES.sub(" ", name).translate(_NAME_QUOTES).split())


def _as_str_list(value: object, where: str, key: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise ArticleError(where, f"'{key}' must be a list of non-empty strings")
    return tuple(v.strip() for v in value)


def _entity(kind: str, raw: object, where: str) -> Entity:
    if not isinstance(raw, dict):
        raise ArticleError(where, "each entry must be a mapping with at least a 'name'")
    unknown = set(raw) - _ENTRY_KEYS
    if unknown:
        raise ArticleError(where, f"unknown key(s) {', '.join(sorted(map(str, unknown)))}")
    name = raw.get("name")
    if not isinstance(name, str) or not name.strip():
        raise ArticleError(where, "'name' must be a non-empty string")
    for key in ("role", "description", "parent"):
        if raw.get(key) is not None and not isinstance(raw[key], str):
            raise ArticleError(where, f"'{key}' must be a string")
    reviewed = raw.get("reviewed", True)
    if not isinstance(reviewed, bool):
        raise ArticleError(where, "'reviewed' must be true or false")
    return Entity(
        kind=kind,
        name=clean_name(name),
        aliases=tuple(clean_name(a) for a in _as_str_list(raw.get("aliases"), where, "aliases")),
        role=raw.get("role"),
        description=raw.get("description"),
        phrases=_as_str_list(raw.get("phrases"), where, "phrases"),
        parent=clean_name(raw["parent"]) if raw.get("parent") else None,
        reviewed=reviewed,
    )


def load_entities(path: Path, kind: str) -> list[Entity]:
    """Read one registry file; a missing file is an empty list, a broken one an ArticleError."""
    if not path.exists():
        return []
    # libyaml's parser: a 5,000-person registry loads in a fraction of the time.
    data = load_data_file(path, what="registry file", unreadable="registry file cannot be read as UTF-8 text",
                          max_bytes=MAX_REGISTRY_BYTES)
    if data is None:
        return []
    if not isinstance(data, list):
        raise ArticleError(path, "registry file must be a YAML list of entries")
    return [_entity(kind, raw, f"{path} (entry {i + 1})") for i, raw in enumerate(data)]


def load_registry(registry_dir: Path, cache_dir: Path | None = None) -> Registry:
    """The registry; with ``cache_dir``, the last load is reused while the files' bytes and the
    code reading them are unchanged (a 5,000-person registry: a quarter of a second to parse and
    index, a few hundredths to unpickle). A file that fails to load is never cached."""
    if cache_dir is None:
        return _load_registry(registry_dir)
    digest = hashlib.sha256()
    try:
        for code in (__file__, load_data_file.__code__.co_filename):  # how the files are read and indexed
            digest.update(Path(code).read_bytes())
    except OSError:  # code not kept as files (a zip): no way to tell a stale cache, so none
        return _load_registry(registry_dir)
    for kind, fname in REGISTRY_FILES.items():
        try:
            digest.update(f"{kind}:".encode() + (registry_dir / fname).read_bytes())
        except FileNotFoundError:
            digest.update(f"{kind}: none".encode())
    key = digest.hexdigest()
    cache_file = cache_dir / "registry.pickle"
    cached = load_pickle(cache_file)
    if isinstance(cached, tuple) and len(cached) == 2 and cached[0] == key and isinstance(cached[1], Registry):
        return cached[1]
    registry = _load_registry(registry_dir)
    save_pickle(cache_file, (key, registry))
    return registry


def _load_registry(registry_dir: Path) -> Registry:
    return Registry({kind: load_entities(registry_dir / fname, kind) for kind, fname in REGISTRY_FILES.items()})


def registry_files(registry_dir: Path) -> Iterable[Path]:
    return (registry_dir / fname for fname in REGISTRY_FILES.values())
