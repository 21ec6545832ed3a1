"""YAML parsed with line numbers, and JSON Schema errors turned into one plain sentence each.

``check`` must point at the line of the offending key, so it composes the YAML node tree
(``yaml.compose`` keeps ``start_mark``) instead of only loading values. Dates stay text here:
the schema, not the YAML 1.1 timestamp rule, decides what a valid date is.
"""

from __future__ import annotations

import difflib
import functools
import json
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterator, Sequence

import yaml

from generator.safeyaml import YamlSyntaxError, compose

if TYPE_CHECKING:
    import jsonschema

__all__ = ["YamlDoc", "YamlSyntaxError", "parse_yaml", "duplicate_keys", "schema_problems"]

SCHEMA_DIR = Path(__file__).resolve().parent.parent / "schemas"
PAGE_SCHEMA = "page.schema.json"
REGISTRY_SCHEMA = "registry.schema.json"

@dataclass
class YamlDoc:
    node: yaml.Node | None
    data: Any
    first_line: int  # the file line (1-based) where the YAML text starts

    def line_of_node(self, node: yaml.Node) -> int:
        return node.start_mark.line + self.first_line

    def node_at(self, path: Sequence[str | int], *, key: bool = True) -> yaml.Node | None:
        """The node at ``path``; for a mapping key, the key's node when ``key`` (its line is the key's line)."""
        node = self.node
        for depth, step in enumerate(path):
            last = depth == len(path) - 1
            if isinstance(node, yaml.MappingNode):
                found = None
                for k, v in node.value:
                    if isinstance(k, yaml.ScalarNode) and k.value == str(step):
                        found = (k, v)  # the last one wins, as in yaml.safe_load
                if found is None:
                    return node
                node = found[0] if (last and key) else found[1]
            elif isinstance(node, yaml.SequenceNode) and isinstance(step, int) and step < len(node.value):
                node = node.value[step]
            else:
                return node
        return node

    def line(self, path: Sequence[str | int], *, key: bool = True) -> int:
        node = self.node_at(path, key=key)
        return self.line_of_node(node) if node is not None else self.first_line


def parse_yaml(text: str, first_line: int = 1, max_bytes: int | None = None) -> YamlDoc:
    """Compose and construct one YAML document, guarded (``safeyaml``); a problem names its line."""
    node, data = compose(text, first_line=first_line, max_bytes=max_bytes)
    return YamlDoc(node, data, first_line)


def duplicate_keys(doc: YamlDoc) -> Iterator[tuple[int, str, int]]:
    """(line, key, line of its first occurrence) for every key repeated in a mapping."""

    def walk(node: yaml.Node) -> Iterator[tuple[int, str, int]]:
        if isinstance(node, yaml.MappingNode):
            seen: dict[str, int] = {}
            for k, v in node.value:
                if isinstance(k, yaml.ScalarNode):
                    line = doc.line_of_node(k)
                    if k.value in seen:
                        yield line, k.value, seen[k.value]
                    else:
                        seen[k.value] = line
                yield from walk(v)
        elif isinstance(node, yaml.SequenceNode):
            for item in node.value:
                yield from walk(item)

    if doc.node is not None:
        yield from walk(doc.node)


@functools.lru_cache(maxsize=None)
def load_schema(name: str) -> dict[str, Any]:
    return json.loads((SCHEMA_DIR / name).read_text(encoding="utf-8"))


@functools.lru_cache(maxsize=None)
def validator_for(name: str) -> "jsonschema.protocols.Validator":
    # Imported on first use: most builds never explain a schema problem, and jsonschema
    # takes a tenth of a no-op rebuild's start to import (the build validates with fastjsonschema).
    import jsonschema

    schema = load_schema(name)
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema)


_TYPE_WORDS = {
    "string": "text",
    "array": "a list",
    "object": "a mapping",
    "null": "null",
    "boolean": "true or false",
    "integer": "a whole number",
    "number": "a number",
}


def type_word(value: Any) -> str:
    if value is None:
        return "empty (null)"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, str):
        return "text"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__


def describe(path: Sequence[str | int]) -> str:
    """['people', 2] -> "'people' item 3"; a leading list index (registry entry) is left out: the line says it."""
    steps = list(path)
    while steps and isinstance(steps[0], int):
        steps.pop(0)
    if not steps:
        return "the entry" if path else "the document"
    words = []
    for step in steps:
        if isinstance(step, int):
            words.append(f"item {step + 1}")
        else:
            words.append(f"'{step}'" if not words else f"key '{step}'")
    return " ".join(words)


def closest(word: str, choices: Sequence[str]) -> str | None:
    found = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    if not found:
        lowered = {c.lower(): c for c in choices}
        found = [lowered[m] for m in difflib.get_close_matches(word.lower(), list(lowered), n=1, cutoff=0.6)]
    return found[0] if found else None


def _fold(value: Any) -> Any:
    return value.casefold().strip() if isinstance(value, str) else json.dumps(value, sort_keys=True)


def schema_problems(
    schema_name: str,
    doc: YamlDoc,
    *,
    pattern_messages: dict[str, str] | None = None,
    required_line: int | None = None,
) -> list[tuple[int, str]]:
    """Validate ``doc.data`` against a shipped schema: (line, message) per problem, sorted.

    ``pattern_messages`` maps a key name to the sentence used when its value fails the schema's
    pattern (``{value!r}`` is filled in). Unknown keys name the closest allowed key; duplicate list
    items name the line of the first one; a missing key points at ``required_line`` (or the mapping).
    """
    pattern_messages = pattern_messages or {}
    found: list[tuple[int, str]] = []
    errors = list(validator_for(schema_name).iter_errors(doc.data))
    # A misspelt key ("peopel") is one mistake: name it, and do not also report "people" missing.
    guessed: set[tuple[tuple[str | int, ...], str]] = set()
    for err in errors:
        if err.validator == "additionalProperties":
            allowed = list(err.schema.get("properties", {}))
            for extra in err.instance:
                if extra not in allowed and (guess := closest(str(extra), allowed)):
                    guessed.add((tuple(err.absolute_path), guess))
    for err in errors:
        path = list(err.absolute_path)
        where = describe(path)
        kind = err.validator
        if kind == "additionalProperties":
            allowed = list(err.schema.get("properties", {}))
            for extra in err.instance:
                if extra in allowed:
                    continue
                guess = closest(str(extra), allowed)
                hint = f" (did you mean '{guess}'?)" if guess else f" (allowed keys: {', '.join(allowed)})"
                found.append((doc.line([*path, extra]), f"unknown key '{extra}'{hint}"))
        elif kind == "required":
            for key in err.validator_value:
                if key not in err.instance and (tuple(path), key) not in guessed:
                    line = required_line if (required_line is not None and not path) else doc.line(path, key=False)
                    owner = "" if not path else f" in {describe(path)}" if describe(path) != "the entry" else ""
                    found.append((line, f"missing required key '{key}'{owner}"))
        elif kind == "uniqueItems":
            first_seen: dict[Any, int] = {}
            for i, item in enumerate(err.instance):
                line = doc.line([*path, i])
                folded = _fold(item)
                if folded in first_seen:
                    shown = item if isinstance(item, str) else json.dumps(item)
                    found.append((line, f"duplicate '{shown}' in {where} (first on line {first_seen[folded]})"))
                else:
                    first_seen[folded] = line
        elif kind == "type":
            expected = err.validator_value if isinstance(err.validator_value, list) else [err.validator_value]
            words = " or ".join(_TYPE_WORDS.get(t, t) for t in expected)
            hint = ""
            if err.instance is None and "array" in expected:
                hint = f" (write `{path[-1]}: []` for none)" if path and isinstance(path[-1], str) else ""
            found.append((doc.line(path), f"{where} must be {words}, not {type_word(err.instance)}{hint}"))
        elif kind == "pattern":
            name = next((p for p in reversed(path) if isinstance(p, str)), "")
            if err.validator_value == "\\S":
                message = f"{where} must not be empty"
            elif name in pattern_messages and not (path and isinstance(path[-1], int)):
                message = pattern_messages[name].format(value=err.instance)
            else:
                message = f"{where} {err.instance!r} does not match {err.validator_value!r}"
            found.append((doc.line(path), message))
        else:
            found.append((doc.line(path), f"{where}: {err.message}"))
    return sorted(set(found))
