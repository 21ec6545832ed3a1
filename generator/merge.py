"""Human edits win: a pure three-way merge of machine output with the page on disk.

For every field we know three values: what the machine wrote last time (``PageState``),
what is on disk now, and what the machine says now. A field whose disk value still equals
the machine's last value was not touched by a person, so it takes the new machine value.
A touched field keeps the person's value — except list fields (people, places, …), which
are merged item by item: items a person added stay, items a person removed never come
back (the removals are remembered in the state), and new machine finds are still added.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any

from generator.models import ENTITY_KINDS

LIST_FIELDS: tuple[str, ...] = (*ENTITY_KINDS, "notes")


def body_digest(body: str) -> str:
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


@dataclass
class PageState:
    """What the build last wrote for one page: kept in ``content/.machine/`` and committed."""

    machine: dict[str, Any]  # the machine's front-matter, as last computed
    body_sha256: str  # digest of the machine's body, as last computed
    page_sha256: str  # digest of the whole page file as last written (fast "untouched" test)
    removed: dict[str, list[str]] = field(default_factory=dict)  # list items people deleted

    def to_json(self) -> dict[str, Any]:
        return {"machine": self.machine, "body_sha256": self.body_sha256,
                "page_sha256": self.page_sha256, "removed": self.removed}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> "PageState":
        return cls(machine=dict(data["machine"]), body_sha256=str(data["body_sha256"]),
                   page_sha256=str(data.get("page_sha256", "")),
                   removed={k: list(v) for k, v in (data.get("removed") or {}).items()})


@dataclass(frozen=True)
class MergeResult:
    front_matter: dict[str, Any]
    body: str
    removed: dict[str, list[str]]
    human_fields: tuple[str, ...]  # fields where a person's edit was kept


def _merge_list(new: list[Any], old: list[Any], disk: list[Any], removed: set[Any]) -> list[Any]:
    removed |= {item for item in old if item not in disk}
    removed -= set(disk)  # a person put it back
    # Keep the person's order; drop what the machine itself retracted (it was the machine's).
    result = [item for item in disk if item in new or item not in old]
    result += [item for item in new if item not in result and item not in removed]
    return result


def merge(
    machine: dict[str, Any],
    machine_body: str,
    state: PageState | None,
    disk: dict[str, Any] | None,
    disk_body: str | None,
) -> MergeResult:
    """Combine the machine's new page with the page on disk (``disk`` None: no page yet)."""
    if disk is None or disk_body is None:
        return MergeResult(dict(machine), machine_body, dict(state.removed) if state else {}, ())
    if state is None:
        # A page with no record of what the machine wrote: every value on it is a person's.
        merged = {key: disk.get(key, value) for key, value in machine.items()}
        merged.update({k: v for k, v in disk.items() if k not in merged})
        return MergeResult(merged, disk_body, {}, tuple(k for k in machine if k in disk))

    result: dict[str, Any] = {}
    removed_out: dict[str, list[str]] = {}
    human: list[str] = []
    for key, new_value in machine.items():
        old_value = state.machine.get(key)
        if key not in disk:
            # The key was deleted: for lists that means "none", otherwise the machine refills it.
            disk_value = [] if key in LIST_FIELDS and key in state.machine else None
            if disk_value is None:
                result[key] = new_value
                continue
        else:
            disk_value = disk[key]
        if key in LIST_FIELDS and isinstance(disk_value, list) and isinstance(new_value, list):
            removed = set(state.removed.get(key, []))
            merged_list = _merge_list(new_value, old_value if isinstance(old_value, list) else [], disk_value, removed)
            if removed:
                removed_out[key] = sorted(removed, key=str)
            if disk_value != old_value:
                human.append(key)
            result[key] = merged_list
        elif disk_value == old_value:
            result[key] = new_value
        else:
            result[key] = disk_value
            human.append(key)
    # Keys a person added that the machine does not know (check reports typos) are kept; an
    # optional key the machine wrote last time and no longer writes goes, unless a person changed it.
    result.update({k: v for k, v in disk.items()
                   if k not in result and not (k in state.machine and v == state.machine[k])})
    if body_digest(disk_body) == state.body_sha256:
        body = machine_body
    else:
        body = disk_body
        human.append("body")
    return MergeResult(result, body, removed_out, tuple(human))
