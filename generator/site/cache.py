"""`PageCache`: rendered page content kept between builds, keyed by everything that shapes it.

A page's key is a hash of
- the build's *salt*: the plugin's own code and version, the theme's templates (site_templates/
  and Material's version), mkdocs.yml, and the registry;
- the page's own inputs: an article's front-matter and body and the related articles it lists;
  a generated page's title, template and data (every record, term and pager it shows, through
  `fingerprint`).
A hit hands back the HTML the plugin's `on_page_content` produced last time and the page's table
of contents, so neither Markdown nor the archive templates run for it; everything after that
(the frame, other plugins' page events, writing) runs as usual. A page that logged a warning is
never stored, so a warm `--strict` build fails exactly like a cold one.

Storage: one SQLite file (`.cache/news-archive/pages.sqlite` by default; CI keeps the folder with
actions/cache). Entries a full build did not use are dropped at its end (a dirty build keeps them).
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import functools
import hashlib
import logging
import sqlite3
from pathlib import Path
from typing import Any, Iterable, Iterator

from generator.cache_files import seal, unseal

log = logging.getLogger("mkdocs.plugins.news-archive")

SCHEMA = 1  # bump when what an entry holds changes


@dataclasses.dataclass(frozen=True)
class Entry:
    html: str  # what on_page_content returned
    toc: Any  # the page's TableOfContents (MkDocs object, pickled)


def digest(*parts: bytes | str) -> str:
    h = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        h.update(len(data).to_bytes(8, "little"))
        h.update(data)
    return h.hexdigest()


def tree_digest(paths: Iterable[Path]) -> str:
    """Hash of files (path and bytes), or of every file under folders, in a stable order."""
    h = hashlib.sha256()
    for root in paths:
        files = sorted(p for p in root.rglob("*") if p.is_file() and "__pycache__" not in p.parts) \
            if root.is_dir() else [root]
        for path in files:
            if path.is_file():
                h.update(str(path).encode("utf-8") + b"\0" + path.read_bytes() + b"\0")
    return h.hexdigest()


_PLAIN = frozenset({str, int, float, bool, type(None), dt.date, dt.datetime, dt.time})


@functools.cache
def _field_names(kind: type) -> tuple[str, ...]:
    """A dataclass's fields as a fingerprint reads them: not `index`, a record's position (not shown)."""
    return tuple(f.name for f in dataclasses.fields(kind) if f.name != "index")


class Fingerprint:
    """Stable text of what a template can read from a value: dataclasses by their fields (or by
    what their `fingerprint()` returns, e.g. a term, whose related terms count by name only),
    lists, dicts, plain values. Objects without a stable form hash by identity: they never hit."""

    def __init__(self) -> None:
        self._memo: dict[int, str] = {}  # id(object) -> digest, for records and terms seen often
        self._keep: list[Any] = []  # keeps memoised objects alive so their ids stay unique
        # A value with `fingerprint_key()` (a term) -> its digest, by the ids of the memoised
        # objects it is made of and its plain values: a term rebuilt from the same records
        # and registry entries has the digest of the last build's term.
        self._by_key: dict[tuple[tuple[int, ...], tuple], str] = {}
        self._lists: dict[int, tuple[str, Any]] | None = None  # see `lists_fixed`

    @contextlib.contextmanager
    def lists_fixed(self) -> Iterator[None]:
        """For a pass over values that none of its steps changes (a build's page plans, fingerprinted
        one after the other): a list shared by many pages (a kind's letters, on each of its letter
        pages) is read once. Each is kept until the pass ends, so its id stays its own."""
        self._lists = {}
        try:
            yield
        finally:
            self._lists = None

    def carried(self, values: Iterable[Any]) -> "Fingerprint":
        """A new Fingerprint that knows this one's digests of `values` (the records and registry
        entries a `serve` rebuild reuses unchanged, records.py) and of the values made only of
        them. Objects not among them are let go, with every key that names one."""
        fresh = Fingerprint()
        for value in values:
            hit = self._memo.get(id(value))
            if hit is not None:
                fresh._memo[id(value)] = hit
                fresh._keep.append(value)
        memo = fresh._memo
        fresh._by_key = {key: hit for key, hit in self._by_key.items() if all(i in memo for i in key[0])}
        return fresh

    def of(self, value: Any) -> str:
        kind = type(value)  # exact types first: this runs for every value of every page
        if kind in _PLAIN:
            return repr(value)
        if kind is list or kind is tuple:
            lists = self._lists
            if lists is not None and id(value) in lists:
                return lists[id(value)][0]
            # A live object's id is unique, so an id in the memo is that very (kept) object:
            # records and terms, most of any list, cost one lookup; plain items cost none.
            memo = self._memo
            text = "[" + ",".join([repr(v) if type(v) in _PLAIN else memo.get(id(v)) or self.of(v)
                                   for v in value]) + "]"
            if lists is not None:
                lists[id(value)] = (text, value)
            return text
        if kind is dict:  # as below, with the same shortcuts (most keys are strings)
            memo = self._memo
            return "{" + ",".join([f"{repr(k) if type(k) is str else self.of(k)}:"
                                   f"{repr(v) if type(v) in _PLAIN else memo.get(id(v)) or self.of(v)}"
                                   for k, v in value.items()]) + "}"
        if value is None or isinstance(value, (str, int, float, bool)):
            return repr(value)
        if isinstance(value, (dt.date, dt.time)):  # dates and datetimes: by value
            return repr(value)
        if isinstance(value, (list, tuple)):
            return "[" + ",".join([self.of(v) for v in value]) + "]"
        if isinstance(value, dict):
            return "{" + ",".join([f"{self.of(k)}:{self.of(v)}" for k, v in value.items()]) + "}"
        if dataclasses.is_dataclass(value) and not isinstance(value, type):
            hit = self._memo.get(id(value))
            if hit is None:
                key = value.fingerprint_key() if hasattr(value, "fingerprint_key") else None
                # A key stands for the objects it names only while each is in the memo (kept alive).
                if key is not None and all(i in self._memo for i in key[0]):
                    hit = self._by_key.get(key)
                if hit is None:
                    if hasattr(value, "fingerprint"):
                        fields = self.of(value.fingerprint())
                    else:
                        fields = ",".join([f"{name}={self.of(getattr(value, name))}" for name in _field_names(kind)])
                    hit = digest(type(value).__name__, fields)
                    if key is not None and all(i in self._memo for i in key[0]):  # digested just now
                        self._by_key[key] = hit
                self._keep.append(value)
                self._memo[id(value)] = hit
            return hit
        if isinstance(value, (set, frozenset)):
            return "{" + ",".join(sorted(self.of(v) for v in value)) + "}"
        return f"<{type(value).__name__}@{id(value)}>"


class PageCache:
    def __init__(self, path: Path, salt: str) -> None:
        self.path, self.salt = path, salt
        self.hits = self.misses = 0
        self._used: list[str] = []
        self._new: dict[str, bytes] = {}
        path.parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(str(path))
        self._db.execute("CREATE TABLE IF NOT EXISTS pages (key TEXT PRIMARY KEY, value BLOB)")

    def key(self, *parts: str) -> str:
        return digest(str(SCHEMA), self.salt, *parts)

    def get(self, key: str) -> Entry | None:
        row = self._db.execute("SELECT value FROM pages WHERE key = ?", (key,)).fetchone()
        if row is None:
            self.misses += 1
            return None
        # Sealed with this machine's key (cache_files): a row planted in a committed pages.sqlite
        # (unpickling runs code), or written by another version, is a miss and is never unpickled.
        entry = unseal(row[0])
        if not isinstance(entry, Entry):
            self.misses += 1
            return None
        self.hits += 1
        self._used.append(key)
        return entry

    def put(self, key: str, entry: Entry) -> None:
        sealed = seal(entry)
        if sealed is not None:  # no key, no cache
            self._new[key] = sealed

    def close(self, prune: bool = True) -> None:
        """Store the new entries and, with `prune` (a build that looked up every page), drop those
        this build did not use. A dirty build looks up only the pages it builds again: pruning
        after it would throw away every other page's entry, and the next full build would be cold."""
        with self._db:
            if prune:
                self._db.execute("CREATE TEMP TABLE IF NOT EXISTS used (key TEXT PRIMARY KEY)")
                self._db.execute("DELETE FROM used")
                self._db.executemany("INSERT OR IGNORE INTO used VALUES (?)",
                                     ((k,) for k in [*self._used, *self._new]))
                self._db.execute("DELETE FROM pages WHERE key NOT IN (SELECT key FROM used)")
            self._db.executemany("INSERT OR REPLACE INTO pages VALUES (?, ?)", self._new.items())
        self._db.close()


class WarningCounter(logging.Handler):
    """Counts the warnings MkDocs and its plugins log, so a page that warned is not cached."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.count = 0
        self._at: dict[str, int] = {}

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1

    def attach(self) -> None:
        logger = logging.getLogger("mkdocs")
        if self not in logger.handlers:
            logger.addHandler(self)

    def mark(self, src: str) -> None:
        self._at[src] = self.count

    def since(self, src: str) -> int:
        return self.count - self._at.pop(src, self.count)


def site_salt(config, options, root: Path) -> str:
    """Everything besides a page's own data that shapes it: the plugin's code, the theme overrides
    (`custom_dir`), the registry, `mkdocs.yml`, the versions, the plugin's options."""
    import material
    import mkdocs

    from generator import __version__

    code = Path(__file__).parent
    theme = [Path(config.theme.custom_dir)] if config.theme.custom_dir else []
    # sanitize.py too: a change to the HTML allowlist must reach every cached page.
    inputs = [code, code.parent / "sanitize.py", *theme, root / "registry"]
    if config.config_file_path:
        inputs.append(Path(config.config_file_path))
    return digest(__version__, mkdocs.__version__, getattr(material, "__version__", ""), tree_digest(inputs),
                  repr(sorted(options.items())))
