"""Plain-text layouts of wire services and old archives, brought to one paragraph per line.

- Hard-wrapped text (Reuters 1987: paragraphs indented, lines wrapped at ~70 columns):
  a line is joined to the one before when the next word would (nearly) not have fitted on
  that one (the wrapper broke it there), unless it starts a paragraph (indented where the text's
  continuation lines are not). Blank lines always end a paragraph.
- HTML character references left in text ("Pascal Pap&#233;") are decoded.
"""

from __future__ import annotations

import html
import re

__all__ = ["unwrap", "decode_entities", "wrap_width"]

MIN_WIDTH, MAX_WIDTH = 40, 100  # column widths that hard wrapping uses
NEAR_WIDTH = 20  # a wrapped line ends within this many columns of the width
MIN_WRAPPED_LINES = 3
# Wrappers (and people) do not fill every line to the last column: a line counts as full when
# the next word would have overshot the text's widest line less this many columns.
WRAP_SLACK = 10
WRAPPED_SHARE = 0.4  # of the non-empty lines, how many must end near the width
_ENTITY = re.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def decode_entities(text: str) -> str:
    """"Pap&#233;" -> "Papé", "&amp;" -> "&"; a bare "&" ("AT&T") stays. Control characters a
    reference may name ("&#3;", an old end-of-text mark) are dropped like raw ones."""
    if "&" not in text:
        return text
    return _CONTROL.sub("", _ENTITY.sub(lambda m: html.unescape(m.group(0)), text))


def wrap_width(lines: list[str]) -> int | None:
    """The column width a text was hard-wrapped at, or None when its lines are not wrapped."""
    lengths = [len(line.rstrip()) for line in lines if line.strip()]
    if len(lengths) < MIN_WRAPPED_LINES or max(lengths) > MAX_WIDTH:
        return None
    width = max(lengths)
    if width < MIN_WIDTH:
        return None
    near = sum(1 for n in lengths if n >= width - NEAR_WIDTH)
    if near < MIN_WRAPPED_LINES or near < WRAPPED_SHARE * len(lengths):
        return None
    return width


_SENTENCE_ENDS = (".", "!", "?", ".\"", ".\u201d", ":")


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" \t"))


def unwrap(text: str) -> str:
    """Join hard-wrapped lines into paragraphs, one a line; text that is not wrapped is
    returned unchanged."""
    lines = text.split("\n")
    width = wrap_width(lines)
    if width is None:
        return text
    body = [line for line in lines if line.strip()]
    # Paragraph starts are indented when most lines are not (the Reuters layout).
    indents = [_indent(line) for line in body]
    base = max(set(indents), key=indents.count)
    # Without indented paragraph starts, a line that ends a sentence may end its paragraph
    # too (headline, dateline and table lines of one-sentence-a-line copy): keep it apart.
    indented_starts = any(indent > base for indent in indents)
    out: list[str] = []
    current: str | None = None
    last_line = ""
    for line in lines:
        stripped = line.strip()
        if not stripped:
            if current is not None:
                out.append(current)
                current = None
            out.append("")
            continue
        starts = _indent(line) > base
        first_word = stripped.split()[0]
        full = len(last_line.rstrip()) + 1 + len(first_word) > width - WRAP_SLACK
        # Without indented paragraph starts, an upper-case first line (a wire headline) stands alone.
        headline = not any(out) and last_line == last_line.upper()
        ends_paragraph = headline or last_line.rstrip().endswith(_SENTENCE_ENDS)
        if current is not None and not starts and full and (indented_starts or not ends_paragraph):
            current = f"{current} {stripped}"
        else:
            if current is not None:
                out.append(current)
            current = stripped
        last_line = line
    if current is not None:
        out.append(current)
    return "\n".join(out)
