"""Check the registry files, and index the names pages may use.

The lead's ``generator.registry.load_registry`` builds the registry for the pipeline; this module
re-reads the same files with line numbers so every problem points at its line, and keeps going
past a broken entry so one typo does not hide the rest.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from generator.checks.problems import CheckReport, Collector
from generator.checks.similar import alike_pairs
from generator.checks.yamldoc import REGISTRY_SCHEMA, YamlSyntaxError, closest, duplicate_keys, parse_yaml, schema_problems
from generator.config import ProjectPaths
from generator.models import ENTITY_KINDS
from generator.registry import MAX_REGISTRY_BYTES, REGISTRY_FILES, clean_name, name_tokens
from generator.yaml_hints import explain_syntax_error

NOUNS = {"people": "person", "places": "place", "organizations": "organization", "topics": "topic"}
SCHEMA_REL = Path("generator/schemas")  # where the schemas live in a checkout, relative to its root
MODELINE = re.compile(r"^#\s*yaml-language-server:\s*\$schema=(\S+)\s*$")


@dataclass
class Known:
    canonical: str
    file: str  # registry file, relative to the root
    line: int


@dataclass
class KnownNames:
    """Every spelling (canonical name or alias) per kind, compared as registry.name_tokens does."""

    by_kind: dict[str, dict[tuple[str, ...], Known]] = field(default_factory=lambda: {k: {} for k in ENTITY_KINDS})
    spellings: dict[str, dict[str, str]] = field(default_factory=lambda: {k: {} for k in ENTITY_KINDS})
    unreadable: set[str] = field(default_factory=set)  # kinds whose file could not be read: names are not checked

    def add(self, kind: str, spelling: str, known: Known) -> None:
        self.by_kind[kind].setdefault(name_tokens(spelling), known)
        self.spellings[kind].setdefault(spelling, known.canonical)

    def find(self, kind: str, name: str) -> Known | None:
        return self.by_kind[kind].get(name_tokens(name))


def schema_comment_problem(first_line: str, file: Path, schema_name: str, root: Path) -> str | None:
    """A warning when a ``# yaml-language-server: $schema=`` comment points at the wrong file."""
    match = MODELINE.match(first_line.strip())
    if not match:
        return None
    target = match.group(1)
    expected = Path(os.path.relpath(root / SCHEMA_REL / schema_name, file.parent)).as_posix()
    if target == expected or "://" in target:
        return None
    return f"the schema comment points at '{target}', which is not {schema_name}; write '$schema={expected}'"


def check_registry(paths: ProjectPaths, report: CheckReport) -> KnownNames:
    known = KnownNames()
    if paths.registry.is_dir():
        expected = set(REGISTRY_FILES.values())
        for path in sorted(paths.registry.iterdir()):
            if path.suffix in (".yml", ".yaml") and path.name not in expected:
                rel = path.relative_to(paths.root).as_posix()
                singular = {noun: REGISTRY_FILES[kind] for kind, noun in NOUNS.items()}
                guess = singular.get(path.stem.lower()) or closest(path.name, sorted(expected))
                hint = f"did you mean {guess}?" if guess else "registry files are " + ", ".join(sorted(expected))
                Collector(report, rel).warning(1, f"not a registry file, so it is ignored ({hint})")
    for kind, fname in REGISTRY_FILES.items():
        path = paths.registry / fname
        if path.is_file():
            report.registry_files_checked += 1
            _check_file(path, kind, paths.root, report, known)
    return known


def _check_file(path: Path, kind: str, root: Path, report: CheckReport, known: KnownNames) -> None:
    rel = path.relative_to(root).as_posix()
    out = Collector(report, rel)
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        out.error(1, f"not UTF-8 text ({exc.reason} at byte {exc.start}); save the file as UTF-8")
        known.unreadable.add(kind)
        return
    text = text.lstrip("\ufeff")
    comment = schema_comment_problem(text.split("\n", 1)[0], path, REGISTRY_SCHEMA, root)
    if comment:
        out.warning(1, comment)
    try:
        doc = parse_yaml(text, max_bytes=MAX_REGISTRY_BYTES)
    except YamlSyntaxError as exc:
        out.error(*explain_syntax_error(text.split("\n"), exc, "this file"))
        known.unreadable.add(kind)
        return
    if doc.data is None:
        return  # an empty file is an empty list
    for line, message in schema_problems(REGISTRY_SCHEMA, doc):
        out.error(line, message)
    for line, key, first in duplicate_keys(doc):
        out.error(line, f"duplicate key '{key}' (first on line {first})")
    if not isinstance(doc.data, list):
        return
    noun = NOUNS[kind]
    entries: list[tuple[int, str, list[tuple[int, str]]]] = []  # (name line, name, [(alias line, alias)])
    flow_lists: set[int] = set()  # entries whose aliases are written [a, b, ...]
    for i, raw in enumerate(doc.data):
        if not isinstance(raw, dict) or not isinstance(raw.get("name"), str) or not raw["name"].strip():
            continue
        aliases = raw.get("aliases") if isinstance(raw.get("aliases"), list) else []
        entries.append((
            doc.line([i, "name"]),
            clean_name(raw["name"]),
            [(doc.line([i, "aliases", j]), clean_name(a)) for j, a in enumerate(aliases) if isinstance(a, str) and a.strip()],
        ))
        alias_node = doc.node_at([i, "aliases"], key=False)
        if getattr(alias_node, "flow_style", False) and len(aliases) > 1:
            flow_lists.add(len(entries) - 1)
        for key in ("phrases", "parent"):
            if kind != "topics" and key in raw:
                out.warning(doc.line([i, key]), f"'{key}' only applies to topics and is ignored here")

    names: dict[tuple[str, ...], tuple[int, str]] = {}
    for line, name, _ in entries:
        tokens = name_tokens(name)
        if tokens in names:
            out.error(line, f"duplicate entry '{name}' (first on line {names[tokens][0]})")
        else:
            names[tokens] = (line, name)
            known.add(kind, name, Known(name, rel, line))
    if kind == "topics":
        for i, raw in enumerate(doc.data):
            parent = raw.get("parent") if isinstance(raw, dict) else None
            if isinstance(parent, str) and parent.strip() and name_tokens(parent) not in names:
                out.error(doc.line([i, "parent"]), f"parent '{parent}' is not a topic in this file; "
                          "write the name of one of its entries (such as an IPTC subject: 'politics', 'sport')")
    claimed: dict[tuple[str, ...], tuple[int, str]] = {}  # alias tokens -> (line, owner)
    for idx, (line, name, aliases) in enumerate(entries):
        own = name_tokens(name)
        for alias_line, alias in aliases:
            tokens = name_tokens(alias)
            if tokens == own:
                hint = ""
                if idx in flow_lists:
                    hint = "; in a [a, b] list a comma starts a new alias, so quote a name that has one: ['Washington, D.C.']"
                out.warning(
                    alias_line,
                    f"alias '{alias}' is the entry's own name (case, spaces and punctuation are ignored "
                    f"when matching); delete it{hint}",
                )
            elif tokens in names:
                other_line, other = names[tokens]
                out.error(alias_line, f"alias '{alias}' of '{name}' is the name of another entry, '{other}' (line {other_line})")
            elif tokens in claimed and claimed[tokens][1] != name:
                first_line, first_owner = claimed[tokens]
                out.error(alias_line, f"alias '{alias}' is claimed by both '{first_owner}' (line {first_line}) and '{name}'")
            else:
                claimed.setdefault(tokens, (alias_line, name))
                known.add(kind, alias, Known(name, rel, line))

    spellings = [(idx, s) for idx, (_, name, aliases) in enumerate(entries) for s in [name, *(a for _, a in aliases)]]
    reported: set[tuple[int, int]] = set()
    for i, j in alike_pairs(spellings):
        a, b = spellings[i][0], spellings[j][0]
        a, b = min(a, b), max(a, b)
        if (a, b) in reported:
            continue
        reported.add((a, b))
        (line_a, name_a, _), (line_b, name_b, _) = entries[a], entries[b]
        if name_tokens(spellings[i][1]) == name_tokens(spellings[j][1]):
            continue  # an exact clash, already an error above
        out.warning(
            line_b,
            f"'{name_b}' and '{name_a}' (line {line_a}) look like the same {noun}; "
            f"if they are, keep one entry and list the other spelling in its aliases",
        )
