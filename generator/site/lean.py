"""`lean_html`: drop the indentation and blank lines templates leave in a page's HTML.

Material's templates are indented for people, and that indentation is a seventh of every page
(about 3 KB of 20). Any run of whitespace that contains a line break becomes one line break: the
page renders the same (HTML collapses such runs to one space), except inside elements where
whitespace is content or code, which are left as they are. A regular-expression pass costs well
under a millisecond per page; a full minifier (htmlmin, through mkdocs-minify-plugin) costs
~15 ms per page, minutes at archive scale, for a few hundred more bytes.
"""

from __future__ import annotations

import re

_KEEP = re.compile(r"(<(pre|textarea|script|style)\b.*?</\2\s*>)", re.DOTALL | re.IGNORECASE)
_RUN = re.compile(r"\n\s+")  # (a leading "[ \t]*" would make the scan ten times slower)


def lean_html(html: str) -> str:
    parts = _KEEP.split(html)
    # split() yields [text, whole kept element, its tag name, text, ...]
    out = []
    for i in range(0, len(parts), 3):
        out.append(_RUN.sub("\n", parts[i]))
        if i + 1 < len(parts):
            out.append(parts[i + 1])
    return "".join(out)
