"""Pages on disk: Markdown with YAML front-matter, in the python-frontmatter spirit.

``render`` and ``split`` are inverse; ``escape_body`` makes untrusted article text inert
as Markdown and HTML; ``write_atomic`` never leaves a half-written file behind.
"""

from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path
from typing import Any, Sequence

import yaml

from generator.safeyaml import YamlSyntaxError, load_fast

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)

# Characters Python-Markdown (and the extensions we enable) treat as syntax anywhere in a line.
INLINE_ESCAPES = {"\\": "\\\\", "`": "\\`", "*": "\\*", "_": "\\_", "{": "\\{", "}": "\\}",
                  "[": "\\[", "]": "\\]", "~": "&#126;", "<": "&lt;", ">": "&gt;"}
# "&" matters only where it starts a character reference ("&copy;", "&#169;"); Markdown turns
# every other "&" into "&amp;" itself, so "AT&T" stays readable in the page source.
_ENTITY_START = re.compile(r"&(?=#?[A-Za-z0-9]+;)")
_INLINE = re.compile("|".join(re.escape(c) for c in INLINE_ESCAPES))
# Syntax that only counts at the start of a line: headings, lists, quotes, tables,
# definition lists, admonitions/details, setext underlines, ordered lists ("1996. The …").
LINE_START_BACKSLASH = "#-+!"
LINE_START_ENTITY = {":": "&#58;", "?": "&#63;", "=": "&#61;", "|": "&#124;", "^": "&#94;", "%": "&#37;"}
_ORDERED_LIST = re.compile(r"^(\d+)([.)])(\s)")


_SafeDumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


# Shared with the page reader: the site and the build refuse the same oversized front-matter.
MAX_FRONT_MATTER_BYTES = 64_000  # a long caption, summary and many notes fit in a tenth of this


class FrontMatterError(ValueError):
    """The front-matter block is missing its end or is not a YAML mapping."""


def escape_line(text: str) -> str:
    """One paragraph of untrusted text -> Markdown that renders as exactly that text."""
    text = _ENTITY_START.sub("&amp;", text.strip())
    text = _INLINE.sub(lambda m: INLINE_ESCAPES[m.group()], text)
    if text[:1] in LINE_START_BACKSLASH:
        text = "\\" + text
    elif text[:1] in LINE_START_ENTITY:
        text = LINE_START_ENTITY[text[0]] + text[1:]
    return _ORDERED_LIST.sub(r"\1\\\2\3", text)


def escape_body(paragraphs: Sequence[str]) -> str:
    return "\n\n".join(escape_line(p) for p in paragraphs if p.strip()) + "\n"


def split(text: str, *, unique_keys: bool = False) -> tuple[dict[str, Any], str]:
    """(front-matter mapping, body). A page without front-matter gives ({}, text).

    Fast and guarded (libyaml, ``safeyaml``'s limits), for reading many pages; the build and
    ``check`` judge a page with ``page_reader.read_page``, which also validates it.
    """
    text = text.lstrip("\ufeff")
    match = _FRONT_MATTER.match(text)
    if not match:
        if text.startswith("---"):
            raise FrontMatterError("front-matter starts with '---' but has no closing '---' line")
        return {}, text
    try:
        data = load_fast(match.group(1) or "", first_line=2, max_bytes=MAX_FRONT_MATTER_BYTES,
                         unique_keys=unique_keys) or {}
    except YamlSyntaxError as exc:
        raise FrontMatterError(f"line {exc.line}: {exc.sentence('front-matter')}") from exc
    if not isinstance(data, dict):
        raise FrontMatterError("front-matter must be a YAML mapping of keys to values")
    body = text[match.end():]
    return data, body[1:] if body.startswith("\n") else body


def dump_yaml(data: dict[str, Any]) -> str:
    # Safe dumper, block style, unicode kept readable; PyYAML quotes anything that would
    # otherwise parse as another type or break the document (": ", "#", "---", quotes).
    return yaml.dump(data, Dumper=_SafeDumper, sort_keys=False, allow_unicode=True, default_flow_style=False, width=4096)


def render(front_matter: dict[str, Any], body: str, schema_ref: str | None = None) -> str:
    header = f"# yaml-language-server: $schema={schema_ref}\n" if schema_ref else ""
    return f"---\n{header}{dump_yaml(front_matter)}---\n\n{body}"


def _default_mode() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


_FILE_MODE = _default_mode()  # what open() would give: mkstemp's 0600 would hide pages from a web server


def write_atomic(path: Path, text: str) -> None:
    """Write to a temporary file beside ``path``, then rename it over ``path``.

    The rename is atomic, so a killed build leaves either the old page or the new one.
    No fsync: it cost more than the rest of the build (3 ms a page) and only guards
    against a power cut, after which a re-run rebuilds the page anyway.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
        os.chmod(tmp, _FILE_MODE)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
