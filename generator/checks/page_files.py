"""Check the front-matter of every page in content/.

Article pages (content/articles/**) are checked strictly. Other pages (index.md, about.md…) are
hand-written and skipped, unless their front-matter declares a ``seed``: then they claim to be
generated and get the same checks. ``content/.machine/`` (the build's state) is never read as pages.

Names in ``people``/``places``/``organizations``/``topics`` must be registry spellings. A name
that is not in the registry is
- a warning when the build itself wrote it (it is in the page's machine state,
  ``content/.machine/<page path>.json``): the machine found someone the registry does not know yet;
- otherwise (a person typed it) an error, or a warning with ``unknown_names="warning"``.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.checks.problems import ERROR, WARNING, CheckReport, Collector
from generator.checks.registry_files import NOUNS, KnownNames, schema_comment_problem
from generator.checks.similar import alike_in, closest_names
from generator.checks.yamldoc import PAGE_SCHEMA
from generator.config import ProjectPaths
from generator.models import ENTITY_KINDS
from generator.page_reader import PageReading, markup_issues, read_page
from generator.registry import REGISTRY_FILES, name_tokens

UNKNOWN_NAME_SEVERITIES = (ERROR, WARNING)


@dataclass(frozen=True)
class PageSeed:
    page: str  # page path relative to the root
    seed: str | None
    line: int  # line of the `seed:` key (1 when absent)
    broken: bool = False  # front-matter unreadable: seed found by a plain text search, not validated
    duplicates: tuple[str, ...] = ()  # seeds folded into this page (the same story)


_SEED_LINE = re.compile(r"""^seed:[ \t]*['"]?(seeds/[^'"#\s]+)""")


def _broken_page_seed(rel: str, lines: list[str]) -> PageSeed | None:
    """The seed a broken page claims, so its seed is not also reported as having no page."""
    for n, text in enumerate(lines[:200], start=1):
        match = _SEED_LINE.match(text)
        if match:
            return PageSeed(rel, match.group(1), n, broken=True)
    return None


def iter_pages(paths: ProjectPaths) -> list[Path]:
    """Every Markdown page below content/, skipping hidden folders such as content/.machine/."""
    if not paths.content.is_dir():
        return []
    found = []
    for path in paths.content.rglob("*.md"):
        rel = path.relative_to(paths.content)
        if any(part.startswith(".") for part in rel.parts) or not path.is_file():
            continue
        found.append(path)
    return sorted(found)


def machine_state_files(paths: ProjectPaths, page: Path) -> list[Path]:
    """Where the build keeps a page's last machine output (both spellings of the contract)."""
    rel = page.relative_to(paths.content)
    return [paths.state / f"{rel.as_posix()}.json", paths.state / rel.with_suffix(".json")]


def machine_names(paths: ProjectPaths, page: Path) -> dict[str, set[tuple[str, ...]]]:
    """The names the build itself wrote into this page, per kind (empty when no state exists)."""
    out: dict[str, set[tuple[str, ...]]] = {kind: set() for kind in ENTITY_KINDS}
    for state_file in machine_state_files(paths, page):
        try:
            data = json.loads(state_file.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        if not isinstance(data, dict):
            continue
        machine = data.get("machine") if isinstance(data.get("machine"), dict) else data
        # A build interrupted after writing the page left its values in the pending record.
        pending = data.get("pending")
        machines = [machine] + ([pending["machine"]] if isinstance(pending, dict)
                                and isinstance(pending.get("machine"), dict) else [])
        for kind in ENTITY_KINDS:
            for name in (n for m in machines for n in _str_list(m.get(kind))):
                out[kind].add(name_tokens(name))
        for holder in (machine, data):
            for name in _str_list(holder.get("unregistered_people")):
                out["people"].add(name_tokens(name))
        break
    return out


def _str_list(value: Any) -> list[str]:
    return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []


def check_pages(
    paths: ProjectPaths, report: CheckReport, known: KnownNames, *, unknown_names: str = ERROR
) -> list[PageSeed]:
    if unknown_names not in UNKNOWN_NAME_SEVERITIES:
        raise ValueError(f"unknown_names must be 'error' or 'warning', not {unknown_names!r}")
    seeds: list[PageSeed] = []
    for page in iter_pages(paths):
        found = check_page(paths, page, report, known, unknown_names=unknown_names)
        if found is not None:
            seeds.append(found)
    return seeds


def check_page(
    paths: ProjectPaths, page: Path, report: CheckReport, known: KnownNames, *, unknown_names: str = ERROR
) -> PageSeed | None:
    rel = page.relative_to(paths.root).as_posix()
    out = Collector(report, rel)
    is_article = paths.articles in page.parents
    # The build's own reader: whatever it refuses to rewrite is an error here, on the same line.
    reading = read_page(page.read_bytes())
    data = reading.data
    if not is_article:
        if not reading.has_front_matter or (reading.doc is not None and (not isinstance(data, dict) or data.get("seed") is None)):
            return None  # a hand-written page: not ours to check
    report.pages_checked += 1
    for issue in reading.issues:
        out.add(issue.severity, issue.line, issue.message)
    if not isinstance(data, dict):
        return _broken_page_seed(rel, reading.lines) if reading.doc is None else None
    comment = schema_comment_problem(reading.lines[1], page, PAGE_SCHEMA, paths.root)
    if comment:
        out.warning(2, comment)
    doc = reading.doc
    _check_names(paths, page, data, doc, known, out, unknown_names)
    _check_markup(reading, out)
    seed = data.get("seed")
    folded = data.get("duplicates")
    folded = tuple(d for d in folded if isinstance(d, str)) if isinstance(folded, list) else ()
    return PageSeed(rel, seed if isinstance(seed, str) else None, doc.line(["seed"]) if "seed" in data else 1,
                    duplicates=folded)


def _check_markup(reading: PageReading, out: Collector) -> None:
    """Raw HTML and unsafe links in the body and the notes: the site would drop them silently."""
    for issue in markup_issues(reading):
        out.add(issue.severity, issue.line, issue.message)


def _check_names(
    paths: ProjectPaths, page: Path, data: dict, doc, known: KnownNames, out: Collector, unknown_names: str
) -> None:
    machine: dict[str, set[tuple[str, ...]]] | None = None
    for kind in ENTITY_KINDS:
        values = data.get(kind)
        if not isinstance(values, list) or kind in known.unreadable:
            continue
        registry_file = f"registry/{REGISTRY_FILES[kind]}"
        noun = NOUNS[kind]
        for i, name in enumerate(values):
            if not isinstance(name, str) or not name.strip():
                continue
            line = doc.line([kind, i])
            entry = known.find(kind, name)
            if entry is not None:
                if entry.canonical == name:
                    continue
                if name_tokens(entry.canonical) == name_tokens(name):
                    out.warning(line, f"write '{entry.canonical}' as {entry.file} spells it, not '{name}'")
                else:
                    out.warning(
                        line, f"'{name}' is an alias of '{entry.canonical}' ({entry.file}:{entry.line}); "
                        f"write '{entry.canonical}'"
                    )
                continue
            if kind == "places" and _in_gazetteer(paths, name):
                continue  # every country and city is a place without a registry entry
            if machine is None:
                machine = machine_names(paths, page)
            if name_tokens(name) in machine[kind]:
                alike = alike_in(name, known.spellings[kind].items())
                if alike:
                    action = f"if it is '{alike[0]}', add it to that entry's aliases; if not, add it with `python -m generator suggest --write`"
                else:
                    action = "add it with `python -m generator suggest --write`"
                out.warning(line, f"{noun} '{name}' is not in {registry_file} (found by the build); {action}")
                continue
            close = closest_names(name, known.spellings[kind])
            if close:
                hint = "did you mean " + " or ".join(f"'{c}'" for c in close) + "?"
            else:
                hint = "add it there first, or check the spelling"
            out.add(unknown_names, line, f"unknown {noun} '{name}' (not in {registry_file}; {hint})")


def _in_gazetteer(paths: ProjectPaths, name: str) -> bool:
    from generator.gazetteer import load_gazetteer

    place = load_gazetteer(paths.cache).lookup(name)
    return place is not None and place.name == name
