"""Where each page's ``PageState`` lives, how it is committed, and the speed-only build cache.

The state of ``content/articles/2022/05/x.md`` is ``content/.machine/articles/2022/05/x.json``:
committed with the page, so a fresh clone still knows which values a person changed.

Mergeable: every value is decided by the seed, the code and the registry (two branches compute
the same), except the removals and the withdrawn flag, which people cause. Keys are sorted,
every list and mapping opens and closes on lines of its own, and every entity kind always has
its removal list, so two branches recording removals in different fields change lines that
are at least one unchanged line apart and git merges them. No whole-page hash is committed.

One commit point per page, as a database journal: when a page changes, the new record goes
into the state file first as ``pending`` with the digest of the page about to be written
(``page_sha256``), then the page is renamed into place, then the record is committed (the
pending part becomes the record). A build killed at any instant leaves the page either as it
was (the page's digest is not the pending one: the committed record is its record) or as
written (the digests match: the pending record is its record). A page edited by a person after
such a kill matches neither; then both records are candidates (``merge``'s ``alternate``).

The cache (``.cache/generator/build.json``) only lets a rebuild skip unchanged seeds;
deleting it, or finding it unreadable, costs time and nothing else (Pelican's cache rule).
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator import pages
from generator.config import ProjectPaths
from generator.conflicts import find_conflict
from generator.merge import PageState
from generator.models import ENTITY_KINDS

FORMAT = 2  # 1: one JSON blob with a whole-page hash (read once, then rewritten as 2)
_SEED = re.compile(r'"seed": *"([^"\\]*)"')


def state_path(paths: ProjectPaths, page: Path) -> Path:
    return (paths.state / page.relative_to(paths.content)).with_suffix(".json")


def page_of(paths: ProjectPaths, state_file: Path) -> Path:
    return (paths.content / state_file.relative_to(paths.state)).with_suffix(".md")


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


# json's indented output, except that an empty list or mapping also closes on a line of its own.
_EMPTY_COLLECTION = re.compile(r'^( *)((?:"(?:[^"\\]|\\.)*": )?)(\[\]|\{\})(,?)$', re.MULTILINE)


def dumps(value: Any) -> str:
    """JSON in which every list and mapping opens and closes on lines of their own, keys sorted:
    two people changing different fields of one record change different lines (git merges them)."""
    text = json.dumps(value, ensure_ascii=False, indent=1, sort_keys=True)
    return _EMPTY_COLLECTION.sub(lambda m: f"{m.group(1)}{m.group(2)}{m.group(3)[0]}\n{m.group(1)}{m.group(3)[1]}{m.group(4)}",
                                 text)


def _state_json(state: PageState) -> dict[str, Any]:
    removed = {kind: [] for kind in ENTITY_KINDS}
    removed.update({k: list(v) for k, v in state.removed.items() if v})
    return {"body_sha256": state.body_sha256, "machine": state.machine, "removed": removed,
            "withdrawn": state.withdrawn}


def _state_from(data: Any) -> PageState:
    if not isinstance(data, dict) or not isinstance(data.get("machine"), dict):
        raise ValueError("no machine record")
    removed = data.get("removed") or {}
    if not isinstance(removed, dict):
        raise ValueError("'removed' is not a mapping")
    return PageState(machine=dict(data["machine"]), body_sha256=str(data["body_sha256"]),
                     removed={str(k): [str(x) for x in v] for k, v in removed.items() if isinstance(v, list) and v},
                     withdrawn=data.get("withdrawn") is True)


@dataclass
class StateRecord:
    """One state file as read: the committed record, and a pending one if a build was interrupted."""

    committed: PageState | None = None
    pending: PageState | None = None
    pending_page_sha256: str | None = None
    conflict: int | None = None  # line of a leftover merge-conflict marker: the file cannot be trusted
    unreadable: str | None = None  # why the file could not be read
    old_format: bool = False

    def bases(self, page_bytes: bytes | None) -> tuple[PageState | None, PageState | None]:
        """(the record the page on disk was made from, a second candidate or None)."""
        if self.pending is None:
            return self.committed, None
        if page_bytes is not None and digest(page_bytes) == self.pending_page_sha256:
            return self.pending, None  # killed after the page was renamed into place
        if page_bytes is None or self.committed is None:
            return self.committed, None  # killed before the page was written
        return self.committed, self.pending  # the page changed since: either may be its record


def parse_state(text: str) -> StateRecord:
    conflict = find_conflict(text)
    if conflict is not None:
        return StateRecord(conflict=conflict.start)
    try:
        data = json.loads(text)
        if not isinstance(data, dict):
            raise ValueError("not a mapping")
        record = StateRecord(old_format=data.get("format") != FORMAT)
        if "machine" in data:
            record.committed = _state_from(data)
        pending = data.get("pending")
        if isinstance(pending, dict):
            record.pending = _state_from(pending)
            record.pending_page_sha256 = str(pending.get("page_sha256"))
        return record
    except (ValueError, KeyError, TypeError) as exc:
        return StateRecord(unreadable=str(exc))


def read_record(paths: ProjectPaths, page: Path) -> StateRecord | None:
    """The page's state file, or None when it has none."""
    try:
        text = state_path(paths, page).read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError) as exc:
        return StateRecord(unreadable=str(exc))
    return parse_state(text)


def read_state(paths: ProjectPaths, page: Path) -> PageState | None:
    """The committed record alone (None when missing or unreadable)."""
    record = read_record(paths, page)
    return record.committed if record else None


def _write(target: Path, data: dict[str, Any]) -> None:
    text = dumps({"format": FORMAT, **data}) + "\n"
    try:
        if target.read_text(encoding="utf-8") == text:
            return
    except (OSError, UnicodeDecodeError):
        pass
    pages.write_atomic(target, text)


def write_state(paths: ProjectPaths, page: Path, state: PageState) -> None:
    _write(state_path(paths, page), _state_json(state))


def commit_page(paths: ProjectPaths, page: Path, text: str | None, state: PageState, base: PageState | None) -> None:
    """Write ``text`` (None: the page stays as it is) and its new record, with one commit point."""
    if text is not None:
        pending = {**_state_json(state), "page_sha256": digest(text.encode("utf-8"))}
        _write(state_path(paths, page), {**(_state_json(base) if base else {}), "pending": pending})
        pages.write_atomic(page, text)
    write_state(paths, page, state)


@dataclass
class StateIndex:
    """Every state file's seed -> its page (which may have been deleted: a withdrawn article)."""

    pages: dict[str, Path] = field(default_factory=dict)

    @classmethod
    def scan(cls, paths: ProjectPaths) -> "StateIndex":
        index = cls()
        if not paths.state.is_dir():
            return index
        for state_file in sorted(paths.state.rglob("*.json")):
            try:
                match = _SEED.search(state_file.read_text(encoding="utf-8"))
            except (OSError, UnicodeDecodeError):
                match = None
            if match is None:
                continue  # unreadable: `check` reports it
            page = page_of(paths, state_file)
            seed = json.loads(f'"{match.group(1)}"')
            # A page that exists wins over a withdrawn one for the same seed.
            if seed not in index.pages or (page.exists() and not index.pages[seed].exists()):
                index.pages[seed] = page
        return index


@dataclass
class CacheEntry:
    seed_stamp: tuple[int, int]  # (mtime_ns, size)
    text_sha256: str
    page: str | None  # page path relative to the project root
    page_stamp: tuple[int, int] | None  # None with a page: the article is withdrawn
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
        pages.write_atomic(path, json.dumps(data, ensure_ascii=False, separators=(",", ":")))


def stamp(path: Path) -> tuple[int, int] | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return (st.st_mtime_ns, st.st_size)
