"""Say what is wrong in an editor's words, not the YAML parser's.

The usual mistakes of people editing YAML in a web form: a tab for indentation, a non-breaking
space pasted from a word processor, curly quotes where YAML needs straight ones, and text that
contains ': ' left unquoted (YAML then reads it as a key). The parser reports these as "found
character '\\t' that cannot start any token" or "mapping values are not allowed here", sometimes
on the line after the real one; here we look at the reported line and the one above it and name
the character, its column, and the fix.
"""

from __future__ import annotations

import re

from generator.safeyaml import YamlSyntaxError

NBSP = "\u00a0"
CURLY_OPEN = "\u2018\u201c"  # ‘ “
CURLY_ALL = "\u2018\u2019\u201c\u201d"
# "key: value" or "- value" (one level of list or mapping), capturing where the value starts.
_VALUE = re.compile(r"^(?P<lead>\s*(?:-\s+)?(?:[^\s:#'\"][^:#]*?:\s+)?)(?P<value>\S.*)$")


def _column(text: str, index: int) -> int:
    return index + 1


def _quoted(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def line_hint(text: str) -> str | None:
    """The likeliest editing mistake on one line, as a sentence with the fix; None when none is seen."""
    if "\t" in text:
        return (f"a tab character at column {_column(text, text.index(chr(9)))}: YAML indents with spaces "
                "only; replace the tab with spaces")
    if NBSP in text:
        return (f"a non-breaking space at column {_column(text, text.index(NBSP))} (often pasted from a word "
                "processor): YAML needs an ordinary space there; delete it and type a normal space")
    match = _VALUE.match(text)
    if match is None:
        return None
    value = match.group("value")
    if value[:1] in CURLY_OPEN:
        return (f"the value at column {len(match.group('lead')) + 1} starts with a curly quote ({value[0]}); "
                "YAML only understands straight quotes: write ' or \" instead")
    if ": " in value or value.endswith(":"):
        lead = match.group("lead")
        return f"put text containing ': ' in quotes: {lead}{_quoted(value.rstrip())}"
    return None


def explain_syntax_error(lines: list[str], exc: YamlSyntaxError, subject: str = "front-matter") -> tuple[int, str]:
    """(page line, message) for a YAML problem in ``lines`` (the whole file, split at newlines)."""
    if "not valid YAML" in exc.message:
        for n in (exc.line, exc.line - 1):
            if 1 <= n <= len(lines):
                hint = line_hint(lines[n - 1])
                if hint:
                    return n, f"{subject} is not valid YAML: {hint}"
        if exc.message.endswith("mapping values are not allowed here"):
            return exc.line, (f"{exc.sentence(subject)}; check that the line's indentation lines up with "
                              "the keys above it")
    return exc.line, exc.sentence(subject)


def curly_quoted_value(line_text: str) -> str | None:
    """A warning for a valid value wrapped in curly quotes ("section: “World”"): YAML keeps them as
    part of the text, which is rarely what a person pasting from a word processor meant."""
    match = _VALUE.match(line_text)
    value = match.group("value").rstrip() if match else ""
    if len(value) > 1 and value[0] in CURLY_OPEN and value[-1] in CURLY_ALL:
        return (f"the value is in curly quotes ({value[0]}…{value[-1]}), which YAML keeps as part of the text; "
                "use straight quotes ' or \" if they were meant as quoting, or none")
    return None


def explain_schema_problem(lines: list[str], line: int, message: str) -> str:
    """A schema complaint about the value on ``line``, with the editing mistake behind it if one shows."""
    if not 1 <= line <= len(lines):
        return message
    text = lines[line - 1]
    match = _VALUE.match(text)
    value = match.group("value") if match else ""
    if value[:1] in CURLY_OPEN and value.rstrip()[-1:] in CURLY_ALL:
        return (f"{message}; the value is in curly quotes ({value[0]}…{value.rstrip()[-1]}), which YAML keeps as "
                "part of the text: use straight quotes ' or \"")
    if "must be text, not a mapping" in message and ": " in text:
        item = text.strip()
        dash = "- " if item.startswith("- ") else ""
        return f"{message}: put text containing ': ' in quotes: {dash}{_quoted(item[len(dash):])}"
    return message
