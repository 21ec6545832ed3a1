"""``python -m generator suggest``: names found in articles that the registry does not know yet.

Two sources of names:
- the build's name finder (``build.read_all``: each article's ``unregistered_people``);
- names people typed into pages' ``people``/``places``/``organizations``/``topics`` that are
  not in the registry (``check`` reports those as errors; this says how often each occurs).
Each name comes with how many articles mention it and the first few files, most frequent first,
and with the registry entries it looks like ("Yoon Seok-yeol" ~ "Yoon Suk-yeol": probably a
missing alias, not a new person).

``--write`` appends the chosen names to ``registry/<kind>.yml`` as unreviewed entries
(``reviewed: false``). The file is appended to as text, so every comment, blank line and
the order of existing entries stay byte for byte; files in an unusual layout go through
ruamel.yaml's round-trip dumper, which also keeps comments. Either way the result is
re-read and compared before it replaces the file.
"""

from __future__ import annotations

import io
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Sequence, TextIO

import yaml

from generator.checks.page_files import iter_pages
from generator.checks.registry_files import NOUNS, SCHEMA_REL
from generator.checks.similar import alike_in, alike_pairs
from generator.config import ProjectPaths
from generator.models import ENTITY_KINDS, ArticleError
from generator.pages import FrontMatterError, split, write_atomic
from generator.registry import MAX_REGISTRY_BYTES, REGISTRY_FILES, Registry, load_registry, name_tokens
from generator.safeyaml import YamlSyntaxError, load_fast
from generator.wording import count

if TYPE_CHECKING:
    from generator.resolve import Merge

__all__ = [
    "Suggestion", "SuggestReport", "collect_suggestions", "format_suggestions",
    "choose_entries", "write_entries", "suggest_command", "format_merges",
]

_KIND_TITLES = {"people": "People", "places": "Places", "organizations": "Organizations", "topics": "Topics"}


@dataclass(frozen=True)
class Suggestion:
    kind: str  # "people", "places", "organizations" or "topics"
    name: str  # the most common spelling
    count: int  # how many articles mention it
    files: tuple[str, ...]  # seeds (or pages) that mention it, sorted
    registry_alike: tuple[str, ...] = ()  # registry entries it looks like: probably an alias
    suggested_alike: tuple[str, ...] = ()  # other suggestions it looks like


@dataclass
class SuggestReport:
    suggestions: list[Suggestion] = field(default_factory=list)
    articles_read: int = 0
    read_errors: list[str] = field(default_factory=list)
    merges: list[Merge] = field(default_factory=list)  # folds the build makes across the archive: alias candidates


@dataclass
class _Tally:
    spellings: dict[str, int] = field(default_factory=dict)
    articles: set[str] = field(default_factory=set)
    files: set[str] = field(default_factory=set)

    def add(self, spelling: str, article: str, file: str) -> None:
        if article not in self.articles:
            self.spellings[spelling] = self.spellings.get(spelling, 0) + 1
        self.articles.add(article)
        self.files.add(file)


def collect_suggestions(
    paths: ProjectPaths,
    *,
    read_result: object | None = None,
    registry: Registry | None = None,
    include_pages: bool = True,
) -> SuggestReport:
    """Unregistered names, most frequent first. Reads seeds and pages; writes nothing.

    ``read_result`` is a ``build_report.ReadResult`` (anything with ``.articles`` of AnnotatedArticle and
    ``.errors``); None runs ``build.read_all(paths)``. ``registry`` None loads ``paths.registry``.
    """
    registry = registry if registry is not None else load_registry(paths.registry)
    if read_result is None:
        from generator.build import read_all

        read_result = read_all(paths)
    report = SuggestReport()
    tallies: dict[tuple[str, tuple[str, ...]], _Tally] = {}

    def note(kind: str, name: str, article: str, file: str) -> None:
        name = name.strip()
        if not name or registry.find(kind, name) is not None:
            return
        tallies.setdefault((kind, name_tokens(name)), _Tally()).add(name, article, file)

    for annotated in getattr(read_result, "articles", []):
        seed = annotated.article.seed
        report.articles_read += 1
        for name in annotated.unregistered_people:
            note("people", name, seed, seed)
        for name in annotated.unregistered_organizations:
            note("organizations", name, seed, seed)
    report.read_errors = [str(e) for e in getattr(read_result, "errors", [])]
    archive_names = getattr(read_result, "names", None)
    if archive_names is not None:
        report.merges = archive_names.merges()

    if include_pages:
        for page in iter_pages(paths):
            try:
                meta, _ = split(page.read_text(encoding="utf-8"))
            except (FrontMatterError, UnicodeDecodeError, OSError):
                continue  # `check` names the problem
            rel = page.relative_to(paths.root).as_posix()
            in_articles = paths.articles in page.parents
            if not in_articles and not meta.get("seed"):
                continue
            # One article is one seed: its page does not count twice, and the seed is the file shown.
            article = meta.get("seed") if isinstance(meta.get("seed"), str) else rel
            for kind in ENTITY_KINDS:
                values = meta.get(kind)
                if isinstance(values, list):
                    for name in values:
                        if isinstance(name, str):
                            note(kind, name, article, article)

    suggestions = []
    for (kind, _tokens), tally in tallies.items():
        name = max(tally.spellings, key=lambda s: (tally.spellings[s], s))
        spellings = [(s, e.name) for e in registry.entities(kind) for s in e.spellings]
        suggestions.append(Suggestion(kind, name, len(tally.articles), tuple(sorted(tally.files)),
                                      tuple(alike_in(name, spellings))))
    suggestions.sort(key=lambda s: (-s.count, s.name.casefold(), s.kind))
    # Suggestions that look like each other ("Yoon Suk-Yeol" and "Yoon Seok-yeol", both unknown).
    alike: dict[int, list[str]] = {}
    for i, j in alike_pairs([((s.kind, n), s.name) for n, s in enumerate(suggestions)]):
        if suggestions[i].kind == suggestions[j].kind:
            alike.setdefault(i, []).append(suggestions[j].name)
            alike.setdefault(j, []).append(suggestions[i].name)
    report.suggestions = [
        Suggestion(s.kind, s.name, s.count, s.files, s.registry_alike, tuple(alike.get(n, ())))
        for n, s in enumerate(suggestions)
    ]
    return report


def format_suggestions(report: SuggestReport, *, max_files: int = 3) -> list[str]:
    """Printable lines: one per name (count, name, kind, first files), then what it looks like."""
    if not report.suggestions:
        return [f"No unregistered names in {count(report.articles_read, 'article')}: the registry knows every name "
                "found.", *format_merges(report.merges)]
    lines = [f"{count(len(report.suggestions), 'name')} found in articles "
             f"{'is' if len(report.suggestions) == 1 else 'are'} not in the registry (most mentioned first):"]
    width = max(len(s.name) for s in report.suggestions)
    for s in report.suggestions:
        files = ", ".join(s.files[:max_files]) + (f", … (+{len(s.files) - max_files})" if len(s.files) > max_files else "")
        lines.append(f"{s.count:>4}  {s.name:<{width}}  {NOUNS[s.kind]:<12}  {files}")
        for other in s.registry_alike:
            lines.append(f"{'':>6}~ registry entry '{other}': if it is the same {NOUNS[s.kind]}, "
                         f"add '{s.name}' to its aliases in registry/{REGISTRY_FILES[s.kind]}")
        for other in s.suggested_alike:
            lines.append(f"{'':>6}~ '{other}' (also listed): probably one {NOUNS[s.kind]}; add one and alias the other")
    lines.append('Add names with: python -m generator suggest --write "NAME" ...  '
                 "(--write alone adds every name not marked ~ registry entry)")
    lines += format_merges(report.merges)
    return lines


def format_merges(merges: Sequence[Merge]) -> list[str]:
    """The folds the build made across the archive, with their evidence: an editor confirms each
    by adding the short spelling to the full name's ``aliases`` (all of them in one pull request)."""
    if not merges:
        return []
    lines = [f"{count(len(merges), 'spelling')} folded into another person's page across the archive "
             "(confirm as aliases in registry/people.yml):"]
    for m in merges:
        evidence = f"{count(m.articles, 'article')}, together in {m.shared}"
        if m.distance:
            evidence += f", {m.distance} letter{'s' if m.distance > 1 else ''} apart"
        lines.append(f"{'':>6}'{m.short}' -> '{m.full}'  ({evidence})")
    return lines


def choose_entries(
    report: SuggestReport, names: Sequence[str], *, kind: str = "people"
) -> tuple[list[tuple[str, str]], list[str]]:
    """(kind, name) pairs to write, and notes about names left out.

    No ``names``: every suggestion except those that look like an existing registry entry.
    Named: those names (matched to a suggestion's kind when listed; ``kind`` otherwise).
    """
    chosen: list[tuple[str, str]] = []
    notes: list[str] = []
    if not names:
        for s in report.suggestions:
            if s.registry_alike:
                notes.append(f"left out '{s.name}': it looks like registry entry '{s.registry_alike[0]}' "
                             f"(name it after --write to add it anyway)")
            else:
                chosen.append((s.kind, s.name))
        return chosen, notes
    by_tokens = {name_tokens(s.name): s for s in report.suggestions}
    for name in names:
        name = name.strip()
        found = by_tokens.get(name_tokens(name))
        chosen.append((found.kind if found else kind, name))
        if found is None:
            notes.append(f"'{name}' was not among the suggestions; adding it to {kind} anyway")
    return chosen, notes


def write_entries(registry_dir: Path, entries: Iterable[tuple[str, str]]) -> list[str]:
    """Append (kind, name) entries as ``{name, aliases: [], reviewed: false}``; one line per change.

    Names already in the registry (as a name or an alias) are skipped. Existing text, comments
    and order are kept; each file is re-read and compared before it is replaced.
    """
    registry = load_registry(registry_dir)
    by_kind: dict[str, list[str]] = {}
    messages: list[str] = []
    for kind, name in entries:
        if kind not in REGISTRY_FILES:
            raise ValueError(f"unknown kind {kind!r}; use one of {', '.join(ENTITY_KINDS)}")
        existing = registry.find(kind, name)
        pending = by_kind.setdefault(kind, [])
        if existing is not None:
            messages.append(f"skipped '{name}': already in registry/{REGISTRY_FILES[kind]} as '{existing.name}'")
        elif any(name_tokens(p) == name_tokens(name) for p in pending):
            continue
        else:
            pending.append(name)
    for kind, names in by_kind.items():
        if not names:
            continue
        path = registry_dir / REGISTRY_FILES[kind]
        _append_entries(path, kind, names)
        for name in names:
            messages.append(f"added '{name}' to registry/{path.name} (reviewed: false)")
    return messages


def _load(path: Path, text: str) -> object:
    """The registry's values, read with the same guards and text dates as every other reader."""
    try:
        return load_fast(text, max_bytes=MAX_REGISTRY_BYTES)
    except YamlSyntaxError as exc:
        raise ArticleError(path, exc.sentence("registry file"), exc.line) from exc


def _new_entry(name: str) -> dict[str, object]:
    return {"name": name, "aliases": [], "reviewed": False}


def _append_entries(path: Path, kind: str, names: list[str]) -> None:
    old_text = path.read_text(encoding="utf-8") if path.exists() else ""
    old_data = _load(path, old_text) if old_text.strip() else None
    if old_data is not None and not isinstance(old_data, list):
        raise ArticleError(path, "registry file must be a YAML list of entries; fix it before --write")
    expected = list(old_data or []) + [_new_entry(n) for n in names]
    for attempt in (_appended_text, _round_trip_text):
        new_text = attempt(old_text, path, kind, names)
        if new_text is not None and _load(path, new_text) == expected and _keeps_comments(old_text, new_text):
            write_atomic(path, new_text)
            return
    raise ArticleError(path, "could not add entries without changing existing entries or comments; add them by hand")


def _comment_lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.lstrip().startswith("#")]


def _keeps_comments(old_text: str, new_text: str) -> bool:
    """Every whole-line comment of the old file is still there, in the same order."""
    remaining = iter(_comment_lines(new_text))
    return all(any(c == n for n in remaining) for c in _comment_lines(old_text))


def _appended_text(old_text: str, path: Path, kind: str, names: list[str]) -> str | None:
    """Old text + new entries at the end: exact preservation, for a block list at column 0 (the usual file)."""
    block = yaml.safe_dump([_new_entry(n) for n in names], allow_unicode=True, sort_keys=False,
                           default_flow_style=False, width=4096)
    if not old_text.strip():
        header = "" if old_text.strip() or old_text else _header(path, kind)
        return header + old_text + block
    if _load(path, old_text) is None:  # only comments
        return old_text + ("" if old_text.endswith("\n") else "\n") + block
    node = yaml.compose(old_text)
    if not isinstance(node, yaml.SequenceNode) or node.flow_style or node.start_mark.column != 0:
        return None
    return old_text + ("" if old_text.endswith("\n") else "\n") + block


def _round_trip_text(old_text: str, path: Path, kind: str, names: list[str]) -> str | None:
    """ruamel.yaml round-trip: keeps comments and order for layouts plain appending cannot handle."""
    from ruamel.yaml import YAML
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    rt = YAML()
    rt.preserve_quotes = True
    rt.width = 4096
    data = rt.load(old_text) if old_text.strip() else None
    if data is None:
        data = CommentedSeq()
    if not isinstance(data, list):
        return None
    for name in names:
        entry = CommentedMap()
        entry["name"] = name
        aliases = CommentedSeq()
        aliases.fa.set_flow_style()
        entry["aliases"] = aliases
        entry["reviewed"] = False
        data.append(entry)
    buffer = io.StringIO()
    rt.dump(data, buffer)
    new_text = buffer.getvalue()
    # ruamel.yaml drops comments above a flow-style root ([...]): put the file's opening comments back.
    lead = "".join(_leading_comment_block(old_text))
    if lead and not new_text.startswith(lead):
        new_text = lead + new_text
    return new_text


def _leading_comment_block(text: str) -> list[str]:
    lines = []
    for line in text.splitlines(keepends=True):
        if line.strip() and not line.lstrip().startswith("#"):
            break
        lines.append(line)
    return lines


def _header(path: Path, kind: str) -> str:
    schema = f"../{SCHEMA_REL.as_posix()}/registry.schema.json"
    return (f"# yaml-language-server: $schema={schema}\n"
            f"# {_KIND_TITLES[kind]} the archive knows by a canonical name. Edit in a pull request.\n")


def suggest_command(
    root: Path | str = ".",
    *,
    write: Sequence[str] | None = None,
    kind: str = "people",
    max_files: int = 3,
    out: TextIO | None = None,
) -> int:
    """What the CLI's ``suggest`` runs: list unregistered names; with ``write``, add them.

    ``write``: None lists only; [] adds every suggestion not marked as looking like a registry
    entry; a list of names adds those (``kind`` is used for names that were not suggested).
    (Command-line examples: ``cmd_suggest`` in ``cli.py``.)
    """
    out = out or sys.stdout
    paths = ProjectPaths.from_root(root)
    report = collect_suggestions(paths)
    for line in format_suggestions(report, max_files=max_files):
        print(line, file=out)
    for error in report.read_errors:
        print(f"(not read: {error})", file=out)
    if write is None:
        return 0
    chosen, notes = choose_entries(report, write, kind=kind)
    for note in notes:
        print(note, file=out)
    for message in write_entries(paths.registry, chosen):
        print(message, file=out)
    if chosen:
        print("Review the new entries (role, aliases), then delete their `reviewed: false` line.", file=out)
    return 0
