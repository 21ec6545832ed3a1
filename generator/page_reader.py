"""The one judge of whether an article page is understood, shared by ``build`` and ``check``.

``read_page`` takes a page file's bytes and returns its front-matter, body and every structural
problem, each with its page line: bytes that are not UTF-8, a missing opening or closing ``---``,
YAML that is invalid or refused (``safeyaml``: size, depth, anchors, tags), a front-matter that is
not a mapping, duplicate keys, anything the page schema rejects (unknown keys, wrong types, notes
that are not text), and impossible dates. The build rewrites a page only when this finds no
error, so it never merges what it did not understand; ``check`` prints the same problems and adds
what needs the rest of the project (registry names, seeds).
"""

from __future__ import annotations

import datetime as _dt
import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Callable

import fastjsonschema

from generator import pages

from generator.checks.problems import ERROR, WARNING
from generator.checks.yamldoc import PAGE_SCHEMA, SCHEMA_DIR, YamlDoc, YamlSyntaxError, duplicate_keys, parse_yaml, schema_problems
from generator.models import ENTITY_KINDS
from generator.pages import MAX_FRONT_MATTER_BYTES
from generator.safeyaml import DuplicateKeyError
from generator.registry import clean_name
from generator.sanitize import find_unsafe
from generator.yaml_hints import curly_quoted_value, explain_schema_problem, explain_syntax_error

MAX_PAGE_BYTES = 10_000_000  # a page is a seed's story (seeds stop at 5 MB) plus its front-matter

PATTERN_MESSAGES = {
    "date": "'date' {value!r} is not an ISO 8601 date; write e.g. '2022-05-10T17:48:00+09:00', '2022-05-10' or null",
    "seed": "'seed' {value!r} must be a path under seeds/ (e.g. 'seeds/000_c15d51d3465a3ed0.txt'), or null for a hand-written page",
}
NO_FRONT_MATTER = "no front-matter: an article page starts with a line '---', then its keys, then '---'"
NO_CLOSING = "the front-matter has no closing '---' line"
NOT_A_MAPPING = "front-matter must be a mapping of keys to values (key: value, one per line)"
_HAS_OFFSET = re.compile(r"(Z|[+-]\d{2}:\d{2})$")


@dataclass(frozen=True)
class PageIssue:
    line: int  # 1-based line of the page file
    severity: str  # ERROR or WARNING
    message: str


@dataclass
class PageReading:
    """What one page file holds, as far as it could be read."""

    lines: list[str] = field(default_factory=list)  # the decoded text, split at "\n"
    has_front_matter: bool = False  # starts with '---' and has its closing line
    data: Any = None  # the front-matter's values (a dict for a readable page)
    body: str | None = None  # the Markdown after the front-matter
    body_line: int = 1  # the page line where ``body`` starts
    doc: YamlDoc | None = None  # the YAML with line numbers
    issues: list[PageIssue] = field(default_factory=list)

    @property
    def errors(self) -> list[PageIssue]:
        return [i for i in self.issues if i.severity == ERROR]

    @property
    def understood(self) -> bool:
        """A mapping the build may merge into: read, and no structural error."""
        return isinstance(self.data, dict) and self.body is not None and not self.errors

    def _add(self, line: int, message: str, severity: str = ERROR) -> None:
        self.issues.append(PageIssue(line, severity, message))


def read_page(raw: bytes) -> PageReading:
    """Every structural problem of one page (see the module's docstring); never raises."""
    reading = PageReading()
    if len(raw) > MAX_PAGE_BYTES:
        reading._add(1, f"the page is {len(raw):,} bytes; the limit is {MAX_PAGE_BYTES:,}")
        return reading
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        reading._add(line, f"not UTF-8 text ({exc.reason} at byte {exc.start}); save the file as UTF-8")
        return reading
    lines = reading.lines = text.lstrip("\ufeff").split("\n")
    if lines[0].rstrip() != "---":
        reading._add(1, NO_FRONT_MATTER)
        return reading
    end = next((k for k in range(1, len(lines)) if lines[k].rstrip() in ("---", "...")), None)
    if end is None:
        reading._add(1, NO_CLOSING)
        return reading
    reading.has_front_matter = True
    body = "\n".join(lines[end + 1:])
    try:
        doc = parse_yaml("\n".join(lines[1:end]) + "\n", first_line=2, max_bytes=MAX_FRONT_MATTER_BYTES)
    except YamlSyntaxError as exc:
        line, message = explain_syntax_error(lines, exc)
        reading._add(line, message)
        return reading
    reading.doc, reading.data = doc, doc.data
    reading.body = body[1:] if body.startswith("\n") else body
    reading.body_line = end + (3 if body.startswith("\n") else 2)
    if not isinstance(doc.data, dict):
        reading._add(2, NOT_A_MAPPING)
        return reading
    for line, key, first in duplicate_keys(doc):
        reading._add(line, f"duplicate key '{key}' (first on line {first})")
    for line, message in schema_problems(PAGE_SCHEMA, doc, pattern_messages=PATTERN_MESSAGES, required_line=1):
        reading._add(line, explain_schema_problem(lines, line, message))
    _check_date(doc.data.get("date"), doc.line(["date"]), reading)
    for key, value in doc.data.items():
        if isinstance(value, str):
            line = doc.line([key])
            curly = curly_quoted_value(lines[line - 1]) if 1 <= line <= len(lines) else None
            if curly:
                reading._add(line, f"'{key}': {curly}", WARNING)
    _clean_names(doc.data)
    return reading


def _clean_names(data: dict[str, Any]) -> None:
    """Names as the registry stores them (``clean_name``): a pasted non-breaking space or curly
    quote is not a person's edit, and two spellings that clean to one name are one name."""
    for kind in ENTITY_KINDS:
        values = data.get(kind)
        if isinstance(values, list):
            cleaned = [clean_name(v) if isinstance(v, str) else v for v in values]
            data[kind] = [v for i, v in enumerate(cleaned) if not isinstance(v, str) or v not in cleaned[:i]]


def _check_date(value: Any, line: int, reading: PageReading) -> None:
    if not isinstance(value, str):
        return
    try:
        if "T" in value:
            _dt.datetime.fromisoformat(value)
        else:
            _dt.date.fromisoformat(value)
    except ValueError:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}.*", value):
            reading._add(line, f"'date' {value!r} is not a real date or time")
        return  # otherwise the schema's pattern already said it
    if "T" in value and not _HAS_OFFSET.search(value):
        reading._add(line, f"'date' {value!r} has no time-zone offset; add one such as '+09:00' if the source gives it",
                     WARNING)


@lru_cache(maxsize=1)
def _compiled_page_schema() -> Callable[[Any], Any]:
    # fastjsonschema compiles the same schema file to Python: ~20x faster than walking it, which
    # matters to the site, which reads every page on every build. Its messages are not shown:
    # any page it rejects goes through ``read_page``, whose jsonschema messages people read.
    return fastjsonschema.compile(json.loads((SCHEMA_DIR / PAGE_SCHEMA).read_text(encoding="utf-8")))


def read_sound_page(raw: bytes) -> tuple[dict[str, Any], str] | None:
    """(front-matter, body) of a page ``read_page`` would find no error and no raw HTML in, read
    fast (libyaml, a compiled schema); None when it might: ``read_page`` then says what."""
    if len(raw) > MAX_PAGE_BYTES:
        return None
    try:
        data, body = pages.split(raw.decode("utf-8"), unique_keys=True)
        _compiled_page_schema()(data)
    except (UnicodeDecodeError, pages.FrontMatterError, DuplicateKeyError, fastjsonschema.JsonSchemaException):
        return None
    probe = PageReading()
    _check_date(data.get("date"), 1, probe)
    notes = data.get("notes") or []
    if probe.errors or any(_may_hold_markup(text) for text in (body, *notes)):
        return None
    _clean_names(data)
    return data, body


def _may_hold_markup(text: str) -> bool:
    """Nothing else can hold a tag or a link (``find_unsafe``)."""
    return "<" in text or "](" in text or "]:" in text


def markup_issues(reading: PageReading) -> list[PageIssue]:
    """Raw HTML and unsafe links in the body and in editors' notes, on their page lines: errors,
    as the site removes them (``sanitize``) and the reader would silently miss what was meant."""
    issues: list[PageIssue] = []
    body = reading.body or ""
    if _may_hold_markup(body):
        issues += [PageIssue(reading.body_line + u.line, ERROR, u.message) for u in find_unsafe(body)]
    notes = reading.data.get("notes") if isinstance(reading.data, dict) else None
    if isinstance(notes, list) and reading.doc is not None:
        for i, note in enumerate(notes):
            if isinstance(note, str):
                issues += [PageIssue(reading.doc.line(["notes", i]), ERROR, u.message)
                           for u in find_unsafe(note, "in an editor's note")]
    return issues


def not_updated_message(reading: PageReading) -> str:
    """The build's one line about a page it leaves alone: the first problem, then what to do."""
    first, more = reading.errors[0], len(reading.errors) - 1
    also = f"; `python -m generator check` lists {more} more" if more else ""
    return f"{first.message} (page not updated until this is fixed{also})"
