"""Markdown from people is rendered; the HTML it may carry is cut down to a small allowlist.

Article bodies and editors' notes may use Markdown. Raw HTML in them, and links whose scheme
could run code (``javascript:``, ``data:``, ``vbscript:``…), are a way to run script in a
reader's browser, so:
- ``clean_html`` (nh3, the Rust ammonia sanitiser) keeps only the tags and attributes below and
  links to http, https, mailto or relative addresses; scripts, styles, frames, objects and event
  attributes are gone. The site runs every article body and note through it.
- ``find_unsafe`` tells ``check`` where a page's Markdown holds raw HTML or an unsafe link, with
  the line, so a pull request is told before the sanitiser silently drops anything.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

import markdown
import nh3

SAFE_SCHEMES = frozenset({"http", "https", "mailto"})
# What Markdown (with the site's admonition and toc extensions) produces, and no more.
ALLOWED_TAGS = frozenset({
    "a", "abbr", "b", "blockquote", "br", "code", "dd", "del", "div", "dl", "dt", "em", "h1", "h2", "h3",
    "h4", "h5", "h6", "hr", "i", "li", "ol", "p", "pre", "s", "span", "strong", "sub", "sup", "table",
    "tbody", "td", "th", "thead", "tr", "ul",
})
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "abbr": {"title"},
    "td": {"colspan", "rowspan", "align"},
    "th": {"colspan", "rowspan", "align"},
    **{tag: {"id"} for tag in ("h1", "h2", "h3", "h4", "h5", "h6")},
    **{tag: {"class"} for tag in ("div", "p", "span", "code", "pre")},  # admonitions, code blocks
}
# Dropped with everything inside them, not just unwrapped.
DROPPED_WITH_CONTENT = frozenset({"script", "style", "iframe", "object", "embed", "noscript", "template",
                                  "textarea", "select", "svg", "math", "title"})

_CLEANER = nh3.Cleaner(tags=set(ALLOWED_TAGS), attributes={k: set(v) for k, v in ALLOWED_ATTRIBUTES.items()},
                       clean_content_tags=set(DROPPED_WITH_CONTENT), url_schemes=set(SAFE_SCHEMES),
                       link_rel="noopener noreferrer nofollow", strip_comments=True)


def clean_html(fragment: str) -> str:
    """HTML from rendered Markdown -> the same HTML with only allowlisted tags, attributes and links."""
    return _CLEANER.clean(fragment)


def note_html(note: str) -> str:
    """One editor's note (Markdown) -> safe HTML for the article page."""
    return clean_html(markdown.markdown(note)).strip()


@dataclass(frozen=True)
class Unsafe:
    line: int  # 0-based line within the text given to ``find_unsafe``
    message: str


_FENCE = re.compile(r"^\s{0,3}(`{3,}|~{3,})")
_CODE_SPAN = re.compile(r"(`+)(?:(?!\1).)+?\1")
_RAW_TAG = re.compile(r"(?<!\\)<(/?[A-Za-z][A-Za-z0-9-]*)(?=[\s/>])|(?<!\\)<!--|(?<!\\)<\?")
# Link destinations: inline "[text](dest", reference definitions "[id]: dest", autolinks "<dest>".
_INLINE_LINK = re.compile(r"(?<!\\)\]\(\s*<?([^\s)>]+)")
_REFERENCE = re.compile(r"^\s{0,3}(?<!\\)\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)")
_AUTOLINK = re.compile(r"(?<!\\)<([A-Za-z][A-Za-z0-9+.\-]{1,31}:[^\s<>]*)>")
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.\-]*):")
_IGNORED_IN_SCHEME = re.compile(r"[\x00-\x20\x7f]")  # browsers skip these inside "java\tscript:"


def link_scheme(destination: str) -> str | None:
    """The scheme a browser would see in a link destination ("javascript"), None when relative."""
    plain = _IGNORED_IN_SCHEME.sub("", html.unescape(destination))
    match = _SCHEME.match(plain)
    return match.group(1).lower() if match else None


def _outside_code(lines: list[str]) -> list[tuple[int, str]]:
    """(index, line with code spans blanked) for every line not inside a fenced code block."""
    kept: list[tuple[int, str]] = []
    fence: str | None = None
    for index, line in enumerate(lines):
        match = _FENCE.match(line)
        if fence is not None:
            if match and match.group(1)[0] == fence[0] and len(match.group(1)) >= len(fence):
                fence = None
            continue
        if match:
            fence = match.group(1)
            continue
        kept.append((index, _CODE_SPAN.sub(lambda m: " " * len(m.group()), line)))
    return kept


def find_unsafe(text: str, where: str = "in the article text") -> list[Unsafe]:
    """Raw HTML and links with an unsafe scheme in Markdown ``text``, one finding per line at most."""
    found: list[Unsafe] = []
    for index, line in _outside_code(text.split("\n")):
        tag = _RAW_TAG.search(line)
        if tag:
            shown = f"<{tag.group(1)}>" if tag.group(1) else tag.group()
            found.append(Unsafe(index, f"raw HTML ({shown}) {where}: the site removes it; "
                                "write plain text, or Markdown for emphasis and links"))
            continue
        for pattern in (_INLINE_LINK, _REFERENCE, _AUTOLINK):
            hit = next((m for m in pattern.finditer(line) if (link_scheme(m.group(1)) or "http") not in SAFE_SCHEMES), None)
            if hit:
                scheme = link_scheme(hit.group(1))
                found.append(Unsafe(index, f"a link to a '{scheme}:' address {where}: links may only be "
                                    "http, https, mailto or relative; the site removes it"))
                break
    return found
