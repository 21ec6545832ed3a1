"""YAML from people, read so that no file can crash, hang or exhaust the build.

Pages, registry files and profiles are edited in pull requests, so their YAML is untrusted.
Before any value is built we refuse, with a line number and a plain sentence:
- text over a size limit (the caller's, e.g. 64 KB of front-matter);
- brackets nested deeper than ``MAX_DEPTH``, found on the raw text *before* the parser sees it
  (libyaml's composer recurses once per level: 100,000 ``[`` overflow the C stack);
- anchors (``&a``) and aliases (``*a``): nothing here needs them, and they make "billion
  laughs" documents that expand to gigabytes;
- explicit tags (``!!timestamp``, ``!!binary``…): their constructors raise errors PyYAML does
  not wrap, and a page never needs them;
- collections nested deeper than ``MAX_DEPTH`` (also block style, ``- - - - x``), counted on
  the event stream, which both parsers produce without recursion.

Dates stay text (no YAML 1.1 timestamp rule): ``date: 2022-13-40`` is a value the page schema
rejects, not a ``ValueError`` from ``datetime``. Two readers share the guards: ``compose``
(pure Python, keeps nodes and their lines, used by ``check`` and the page validator) and
``load_fast`` (libyaml, plain values, for registry files and the site's bulk reading).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from generator.models import ArticleError

MAX_DEPTH = 8  # a page needs 2 levels (dateline), a registry entry 3 (list, entry, aliases)
_OPENERS = frozenset("[{")
_CLOSERS = frozenset("]}")
_TIMESTAMP = "tag:yaml.org,2002:timestamp"
_COLLECTION_START = (yaml.SequenceStartEvent, yaml.MappingStartEvent)
_COLLECTION_END = (yaml.SequenceEndEvent, yaml.MappingEndEvent)

# Messages are predicates: the caller names the subject ("front-matter", "this file").
ANCHOR_MESSAGE = ("uses a YAML anchor or alias ('&name' / '*name'), which are not allowed here; "
                  "write the value out in full")
TAG_MESSAGE = "uses a YAML tag ('!!…' or '!…'), which is not allowed here; write the plain value"


def depth_message(limit: int = MAX_DEPTH) -> str:
    return (f"is nested more than {limit} levels deep (lists and mappings inside each other); "
            "a page or registry entry never needs that")


class YamlSyntaxError(ValueError):
    """YAML that cannot be read, or is refused: ``line`` is the file line (1-based).

    ``message`` is a predicate ("is not valid YAML: …", "uses a YAML anchor …"):
    ``sentence("front-matter")`` makes it a sentence.
    """

    def __init__(self, line: int, message: str, *, from_parser: bool = False) -> None:
        self.line = line
        self.message = message
        self.from_parser = from_parser  # the parser's complaint (not one of our refusals)
        super().__init__(f"line {line}: {message}")

    def sentence(self, subject: str) -> str:
        return f"{subject} {self.message}"


def _without_timestamps(resolvers: dict[Any, list[Any]]) -> dict[Any, list[Any]]:
    return {first: [(tag, rx) for tag, rx in found if tag != _TIMESTAMP] for first, found in resolvers.items()}


class _Guard:
    """Composer mixin: refuses anchors, aliases, tags and deep nesting as nodes are composed."""

    _depth = 0
    first_line = 1

    def compose_node(self, parent: Any, index: Any) -> Any:  # PyYAML's Composer hook
        event = self.peek_event()  # type: ignore[attr-defined]
        line = event.start_mark.line + self.first_line
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise YamlSyntaxError(line, ANCHOR_MESSAGE)
        if getattr(event, "tag", None) is not None:
            raise YamlSyntaxError(line, TAG_MESSAGE)
        self._depth += 1
        try:
            if self._depth > MAX_DEPTH:
                raise YamlSyntaxError(line, depth_message())
            return super().compose_node(parent, index)  # type: ignore[misc]
        finally:
            self._depth -= 1


class GuardedLoader(_Guard, yaml.SafeLoader):
    """Pure-Python safe loader with the guards; dates stay text; nodes keep their marks."""


GuardedLoader.yaml_implicit_resolvers = _without_timestamps(yaml.SafeLoader.yaml_implicit_resolvers)

_CLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _FastLoader(_CLoader):  # type: ignore[misc, valid-type]
    """libyaml's safe loader with dates kept as text (guards run on its events first)."""


_FastLoader.yaml_implicit_resolvers = _without_timestamps(_CLoader.yaml_implicit_resolvers)


class DuplicateKeyError(ValueError):
    """A mapping names one key twice (``load_fast(..., unique_keys=True)``)."""


class _UniqueKeysFastLoader(_FastLoader):
    """``_FastLoader`` that refuses a key given twice instead of keeping the last one silently."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        keys = [key.value for key, _ in node.value if isinstance(key, yaml.ScalarNode)]
        if len(keys) != len(set(keys)):
            raise DuplicateKeyError(f"duplicate key in the mapping starting on line {node.start_mark.line + 1}")
        return super().construct_mapping(node, deep)


def raw_precheck(text: str, *, first_line: int = 1, max_bytes: int | None = None) -> None:
    """Size and bracket depth on the raw text, before any parser sees it."""
    if max_bytes is not None:
        size = len(text.encode("utf-8", "surrogatepass"))
        if size > max_bytes:
            raise YamlSyntaxError(first_line, f"is {size:,} bytes, over the limit of {max_bytes:,}; shorten it")
    depth, line = 0, first_line
    for ch in text:
        if ch == "\n":
            line += 1
        elif ch in _OPENERS:
            depth += 1
            if depth > MAX_DEPTH:
                raise YamlSyntaxError(line, depth_message())
        elif ch in _CLOSERS and depth:
            depth -= 1


def _marked(exc: yaml.YAMLError, first_line: int) -> YamlSyntaxError:
    """A parser error as (file line, PyYAML's own words), pointing at where it noticed."""
    if isinstance(exc, yaml.MarkedYAMLError):
        mark = exc.problem_mark or exc.context_mark
        line = (mark.line + first_line) if mark is not None else first_line
        what = " ".join(part for part in (exc.context, exc.problem) if part)
        opened = any(word in (exc.context or "") for word in ("flow sequence", "flow mapping", "quoted scalar"))
        at_end = "<stream end>" in (exc.problem or "") or "end of stream" in (exc.problem or "")
        if exc.context_mark is not None and (at_end or (opened and exc.problem_mark is not None
                                                       and exc.problem_mark.line != exc.context_mark.line)):
            # Noticed later (at the next key, or the end); the mistake is where the bracket or quote opened.
            return YamlSyntaxError(exc.context_mark.line + first_line,
                                   "is not valid YAML: a bracket or quote opened on this line is never closed",
                                   from_parser=True)
        if exc.context_mark is not None and exc.problem_mark is not None:
            started = exc.context_mark.line + first_line
            if started != line:
                what += (f" (the block started on line {started}: look for an unclosed quote or bracket, "
                         "or a missing ': ')")
        return YamlSyntaxError(line, f"is not valid YAML: {what}", from_parser=True)
    return YamlSyntaxError(first_line, f"is not valid YAML: {exc}", from_parser=True)


def compose(text: str, *, first_line: int = 1, max_bytes: int | None = None) -> tuple[yaml.Node | None, Any]:
    """(node tree, values) of one YAML document, guarded; raises ``YamlSyntaxError`` only.

    libyaml composes (the guards having run on its events first); invalid YAML is read again by
    the pure-Python parser, whose messages and marks are the ones people are shown.
    """
    raw_precheck(text, first_line=first_line, max_bytes=max_bytes)
    try:
        _scan_events(text, first_line)
    except YamlSyntaxError as exc:
        if not exc.from_parser:
            raise
        return _compose_python(text, first_line)
    loader = _FastLoader(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.YAMLError:
        return _compose_python(text, first_line)
    except (ValueError, TypeError, OverflowError, RecursionError) as exc:  # a constructor's own error
        raise YamlSyntaxError(first_line, f"is not valid YAML: {exc}") from exc
    finally:
        loader.dispose()
    return node, data


def _compose_python(text: str, first_line: int) -> tuple[yaml.Node | None, Any]:
    try:
        loader = GuardedLoader(text)  # its reader refuses unprintable characters at once
    except yaml.YAMLError as exc:
        raise _marked(exc, first_line) from exc
    loader.first_line = first_line
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.YAMLError as exc:
        raise _marked(exc, first_line) from exc
    except (ValueError, TypeError, OverflowError, RecursionError) as exc:  # a constructor's own error
        if isinstance(exc, YamlSyntaxError):
            raise
        raise YamlSyntaxError(first_line, f"is not valid YAML: {exc}") from exc
    finally:
        loader.dispose()
    return node, data


def _scan_events(text: str, first_line: int) -> None:
    """The guards of ``_Guard``, on libyaml's event stream (which it produces without recursion)."""
    try:
        loader = _FastLoader(text)
    except yaml.YAMLError as exc:
        raise _marked(exc, first_line) from exc
    depth = 0
    try:
        while loader.check_event():
            event = loader.get_event()
            line = event.start_mark.line + first_line
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
                raise YamlSyntaxError(line, ANCHOR_MESSAGE)
            if getattr(event, "tag", None) is not None:
                raise YamlSyntaxError(line, TAG_MESSAGE)
            if isinstance(event, _COLLECTION_START):
                depth += 1
                if depth > MAX_DEPTH:
                    raise YamlSyntaxError(line, depth_message())
            elif isinstance(event, _COLLECTION_END):
                depth -= 1
    except yaml.YAMLError as exc:
        raise _marked(exc, first_line) from exc
    finally:
        loader.dispose()


def load_fast(text: str, *, first_line: int = 1, max_bytes: int | None = None, unique_keys: bool = False) -> Any:
    """The values of one YAML document, through libyaml, guarded; raises ``YamlSyntaxError`` only
    (and ``DuplicateKeyError`` with ``unique_keys``)."""
    raw_precheck(text, first_line=first_line, max_bytes=max_bytes)
    _scan_events(text, first_line)
    try:
        return yaml.load(text, Loader=_UniqueKeysFastLoader if unique_keys else _FastLoader)
    except yaml.YAMLError as exc:
        raise _marked(exc, first_line) from exc
    except (ValueError, TypeError, OverflowError, RecursionError) as exc:
        raise YamlSyntaxError(first_line, f"is not valid YAML: {exc}") from exc


def load_data_file(path: Path, *, what: str, unreadable: str, max_bytes: int) -> Any:
    """One YAML data file (registry, profile, folder defaults), guarded like a page.

    Every failure is an ``ArticleError`` naming the file: a YAML problem as "<what> …" on its
    line, a file that cannot be read as "<unreadable>: <reason>"."""
    try:
        return load_fast(path.read_text(encoding="utf-8"), max_bytes=max_bytes)
    except YamlSyntaxError as exc:
        raise ArticleError(path, exc.sentence(what), exc.line) from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise ArticleError(path, f"{unreadable}: {exc}") from exc
