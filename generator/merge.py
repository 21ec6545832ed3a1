"""Human edits win: a pure three-way merge of machine output with the page on disk.

For every field we know three values: what the machine wrote last time (``PageState``),
what is on disk now, and what the machine says now. A field whose disk value still equals
the machine's last value was not touched by a person, so it takes the new machine value.
A touched field keeps the person's value — except list fields (people, places, …), which
are merged item by item: items a person added stay, items a person removed never come
back (the removals are remembered in the state), and new machine finds are still added.

Lists are compared by meaning, not by spelling or order:
- a list counts as edited only when its *set* of entries changed; reordering by hand, or the
  machine finding the same names in another order, is no edit, and the machine's order is kept;
- names are compared through ``Names``: with the registry, every spelling of one entry (its
  name, its aliases, a name it was renamed from that stayed an alias) is one entry, so a
  person removed as "Pak Jin" stays removed when the registry later files him as "Park Jin".

After an interrupted build a page may have two candidate records (``alternate``: see
``generator.state``); a value equal to either is the machine's.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any, Hashable, Sequence

from generator.models import ENTITY_KINDS
from generator.registry import Registry, name_tokens

LIST_FIELDS: tuple[str, ...] = (*ENTITY_KINDS, "notes")


def body_digest(body: str) -> str:
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


@dataclass
class PageState:
    """What the build last wrote for one page: kept in ``content/.machine/`` and committed."""

    machine: dict[str, Any]  # the machine's front-matter, as last computed
    body_sha256: str  # digest of the machine's body, as last computed
    removed: dict[str, list[str]] = field(default_factory=dict)  # list entries people deleted, canonical names
    withdrawn: bool = False  # a person deleted the page: the build does not make it again


class Names:
    """How list entries are compared and recorded; this base class compares spellings only."""

    def key(self, kind: str, value: Any) -> Hashable:
        if kind in ENTITY_KINDS and isinstance(value, str):
            return ("name", name_tokens(value))
        return ("value", repr(value))

    def canonical(self, kind: str, value: Any) -> Any:
        return value


class RegistryNames(Names):
    """Entries of one registry entry are one: its name, its aliases, and any of them re-spelled."""

    def __init__(self, registry: Registry) -> None:
        self.registry = registry

    def key(self, kind: str, value: Any) -> Hashable:
        if kind in ENTITY_KINDS and isinstance(value, str):
            entity = self.registry.find(kind, value)
            if entity is not None:
                return ("entry", name_tokens(entity.name))
        return super().key(kind, value)

    def canonical(self, kind: str, value: Any) -> Any:
        if kind in ENTITY_KINDS and isinstance(value, str):
            entity = self.registry.find(kind, value)
            if entity is not None:
                return entity.name
        return value


SPELLINGS = Names()


@dataclass(frozen=True)
class MergeResult:
    front_matter: dict[str, Any]
    body: str
    removed: dict[str, list[str]]
    human_fields: tuple[str, ...]  # fields where a person's edit was kept


def _merge_list(kind: str, new: list[Any], bases: Sequence[list[Any]], disk: list[Any],
                removed: list[Any], names: Names) -> tuple[list[Any], list[Any], bool]:
    """(merged list, removed entries, edited by a person?) for one list field."""
    def key(value: Any) -> Hashable:
        return names.key(kind, value)

    disk_keys = {key(v) for v in disk}
    # The record closest to the page is the one the page was made from.
    old = min(bases, key=lambda base: len(disk_keys ^ {key(v) for v in base}))
    old_keys = {key(v) for v in old}
    if disk_keys == old_keys:
        # Untouched (perhaps reordered): the machine's list, in the machine's order.
        kept_removed = [v for v in removed if key(v) not in disk_keys]  # on the page again: put back
        kept_keys = {key(v) for v in kept_removed}
        return [v for v in new if key(v) not in kept_keys], kept_removed, False
    gone = [v for v in old if key(v) not in disk_keys]
    removed_out = [v for v in [*removed, *gone] if key(v) not in disk_keys]  # put back by hand: forgotten
    removed_keys = {key(v) for v in removed_out}
    # Keep the person's order; drop what the machine itself retracted (it was the machine's);
    # a machine spelling the registry has since changed takes the new spelling.
    new_by_key = {key(v): v for v in new}
    old_values = set(map(repr, old))
    result = []
    for value in disk:
        k = key(value)
        if k in new_by_key:
            result.append(new_by_key[k] if repr(value) in old_values else value)
        elif k not in old_keys:
            result.append(value)
    result_keys = {key(v) for v in result}
    result += [v for v in new if key(v) not in result_keys and key(v) not in removed_keys]
    return result, removed_out, True


def _record(kind: str, values: list[Any], names: Names) -> list[Any]:
    """Removals as the registry names them now, each once, sorted: a stable, mergeable record."""
    out: dict[Hashable, Any] = {}
    for value in values:
        out.setdefault(names.key(kind, value), names.canonical(kind, value))
    return sorted(out.values(), key=str)


def merge(
    machine: dict[str, Any],
    machine_body: str,
    state: PageState | None,
    disk: dict[str, Any] | None,
    disk_body: str | None,
    *,
    names: Names = SPELLINGS,
    alternate: PageState | None = None,
) -> MergeResult:
    """Combine the machine's new page with the page on disk (``disk`` None: no page yet).

    ``alternate``: a second record the page may have been made from (an interrupted build).
    """
    if state is None and alternate is not None:
        state, alternate = alternate, None
    if disk is None or disk_body is None:
        return MergeResult(dict(machine), machine_body, dict(state.removed) if state else {}, ())
    if state is None:
        # A page with no record of what the machine wrote: every value on it is a person's.
        merged = {key: disk.get(key, value) for key, value in machine.items()}
        merged.update({k: v for k, v in disk.items() if k not in merged})
        return MergeResult(merged, disk_body, {}, tuple(k for k in machine if k in disk))
    records = [state] if alternate is None else [state, alternate]

    result: dict[str, Any] = {}
    removed_out: dict[str, list[str]] = {}
    human: list[str] = []
    for key, new_value in machine.items():
        old_values = [record.machine.get(key) for record in records]
        if key not in disk:
            # The key was deleted: for lists that means "none", otherwise the machine refills it.
            if not (key in LIST_FIELDS and key in state.machine):
                result[key] = new_value
                continue
            disk_value: Any = []
        else:
            disk_value = disk[key]
        if key in LIST_FIELDS and isinstance(disk_value, list) and isinstance(new_value, list):
            bases = [v if isinstance(v, list) else [] for v in old_values]
            removed = [v for record in records for v in record.removed.get(key, [])]
            merged_list, removed_now, edited = _merge_list(key, new_value, bases, disk_value, removed, names)
            if removed_now:
                removed_out[key] = _record(key, removed_now, names)
            if edited:
                human.append(key)
            result[key] = merged_list
        elif disk_value in old_values:
            result[key] = new_value
        else:
            result[key] = disk_value
            human.append(key)
    # Keys a person added that the machine does not know (check reports typos) are kept; an
    # optional key the machine wrote last time and no longer writes goes, unless a person changed it.
    result.update({k: v for k, v in disk.items()
                   if k not in result and not any(k in r.machine and v == r.machine[k] for r in records)})
    if body_digest(disk_body) in {record.body_sha256 for record in records}:
        body = machine_body
    else:
        body = disk_body
        human.append("body")
    return MergeResult(result, body, removed_out, tuple(human))
