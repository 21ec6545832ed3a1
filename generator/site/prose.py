"""`PlainProse`: the HTML of an article body that is plain paragraphs, without a Markdown run.

The build writes every article body with `pages.escape_body`: one line per paragraph, blank lines
between, every character Markdown could read as syntax escaped (``\\*``, ``&lt;``, ``1\\.`` ...).
For such a body Python-Markdown's output is fixed: each line becomes ``<p>line</p>`` with the
escapes undone, a bare ``&`` written ``&amp;`` and the character references kept. MkDocs builds a
converter with every extension for each page and runs the whole inline machinery over the text:
about 1.5 ms an article, the largest single cost of a cold build. `plain_html` gives the same output
directly, and only for text it fully understands:

- `PLAIN_LINE` is a whitelist: a line of ordinary characters, the escapes `escape_line` writes,
  the character references it writes, and a bare ``&`` that starts no reference. Anything else
  (emphasis, links, HTML, a heading, a tab, a line break inside a paragraph: a human edit) is left
  to MkDocs' own Markdown, as is every page when `markdown_extensions` holds an extension not in
  `PLAIN_EXTENSIONS` (one that could change plain text, e.g. `smarty` or `magiclink`).
- Self-check in every build, as for the shared frame (chrome.py): the first `VERIFY` bodies and a
  random `sample` share of the others are also converted by MkDocs and compared byte for byte.
  On a difference the plugin logs a WARNING (`mkdocs build --strict` fails) and MkDocs converts
  every later body of the build.
"""

from __future__ import annotations

import logging
import random
import re
from collections.abc import Iterable

from generator.pages import INLINE_ESCAPES, LINE_START_BACKSLASH, LINE_START_ENTITY

log = logging.getLogger("mkdocs.plugins.news-archive")

__all__ = ["PlainProse", "plain_html", "PLAIN_EXTENSIONS"]

# Extensions that leave a paragraph of escaped plain text alone (MkDocs always adds toc, tables
# and fenced_code; a one-line paragraph is never a table, and ``` and ~~~ are escaped). Not
# `meta`: it would take a first paragraph such as "WASHINGTON: The president..." for metadata.
PLAIN_EXTENSIONS = frozenset({"toc", "tables", "fenced_code", "admonition", "attr_list", "def_list", "footnotes",
                              "md_in_html", "sane_lists", "abbr", "pymdownx.details", "pymdownx.superfences"})
VERIFY = 3  # bodies always checked against MkDocs' conversion, in every build

# What `escape_line` writes for Markdown's characters (pages.py), taken from its own tables: the
# backslash escapes (all in Python-Markdown's ESCAPED_CHARS; "." and ")" after a line's number) and
# the character references, besides the "&amp;" it writes before anything that reads as one.
_ESCAPED = ("".join(v[1] for v in INLINE_ESCAPES.values() if v.startswith("\\")) + LINE_START_BACKSLASH
            + ".)")
_REFERENCES = ("&amp;", *(v for v in INLINE_ESCAPES.values() if v.startswith("&")), *LINE_START_ENTITY.values())
_ORDINARY = "[^" + re.escape("".join(INLINE_ESCAPES) + "&") + r"\x00-\x1f\x7f]"  # never raw in its output
_TOKEN = (r"(?:" + _ORDINARY + r"|\\[" + re.escape(_ESCAPED) + r"]|"
          + "|".join(re.escape(r) for r in _REFERENCES) + r"|&(?!#|[A-Za-z0-9]+;))")
# A paragraph line: no leading or trailing space, no block syntax at its start ("#", "-", "1. ",
# ">", "!!!", ":"...: `escape_line` escapes those, so raw ones come from a person's Markdown).
PLAIN_LINE = re.compile(r"(?![\s#\-+!:?=|^%*>]|\d+[.)]\s)" + _TOKEN + r"*(?<!\s)")
_UNDO = re.compile(r"\\([" + re.escape(_ESCAPED) + r"])|&(?!#|[A-Za-z0-9]+;)")


def _undo(match: re.Match[str]) -> str:
    return match.group(1) or "&amp;"


def plain_html(markdown: str) -> str | None:
    """Python-Markdown's HTML for a body of plain escaped paragraphs; None for any other body."""
    text = markdown.strip("\n")
    if not text:
        return None
    html = []
    for line in text.split("\n\n"):
        if not PLAIN_LINE.fullmatch(line):
            return None
        html.append(f"<p>{_UNDO.sub(_undo, line)}</p>")
    return "\n".join(html)


class PlainProse:
    """Per build: whether plain bodies skip Markdown, and the self-check of those that do."""

    def __init__(self, enabled: bool = True, sample: float = 0.02, rng: random.Random | None = None) -> None:
        self.enabled = enabled
        self.sample = sample
        self.rng = rng or random.Random()
        self.active = False  # this build converts plain bodies here (`reset` decides)
        self.converted = 0  # bodies given HTML here in this build
        self.verified = 0  # bodies converted by MkDocs as well, to compare

    def reset(self, extensions: Iterable[object]) -> None:
        """A new build; its configured Markdown extensions decide whether this is safe at all."""
        self.converted = self.verified = 0
        names = {e if isinstance(e, str) else type(e).__module__ for e in extensions}
        unknown = sorted(n for n in names if n not in PLAIN_EXTENSIONS and n.removeprefix("markdown.extensions.")
                         not in PLAIN_EXTENSIONS)
        self.active = self.enabled and not unknown
        if self.enabled and unknown:
            log.info("news-archive: Markdown extension %s may change plain text: every article body goes "
                     "through Markdown", ", ".join(unknown))

    def wants_check(self) -> bool:
        return self.verified < VERIFY or self.rng.random() < self.sample

    def check(self, name: str, ours: str, markdown_html: str) -> None:
        """Compare our HTML for `name` with MkDocs' (which the page keeps either way)."""
        self.verified += 1
        if ours == markdown_html:
            return
        log.warning("news-archive: the plain-text conversion of %s differs from Markdown's; every later "
                    "article body goes through Markdown (slower). A Markdown extension or a Markdown "
                    "version changed plain text: see generator/site/prose.py", name)
        self.active = False
