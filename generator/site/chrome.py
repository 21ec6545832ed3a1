"""`SharedFrame`: render Material's page frame once per family of pages, then fill it in.

An article page and its thousands of siblings (`articles/YYYY/MM/<slug>/`), or a term page and
its siblings (`people/<slug>/`), differ in Material's output only in the title, the content, the
canonical URL and the edit URL: every other link is relative to the page's folder and the same
for all siblings. Rendering `main.html` costs a few milliseconds per page, most of a build's time.
So a family's frame is rendered once with marker values, and each page fills the markers in.

Where it sits in a build (documented contract, tested in tests/test_site_frame.py):

- MkDocs chooses the page's template before `on_page_context`; the plugin gives framable pages
  the trivial template `archive/bare.html`, which prints `na_html`.
- `SharedFrame.html` runs in the plugin's `on_page_context` with the *lowest* priority, so every
  other plugin has already changed the context. It puts the whole page into `na_html`; MkDocs
  then renders bare.html and passes the result through every plugin's `on_post_page` (minify,
  privacy, ...) exactly as if `main.html` had been rendered.
- Self-check in every build: the first `VERIFY` pages of each family, and a random `sample`
  share of all the others, are also rendered in full and compared byte for byte. On any
  difference the family falls back to full rendering for the rest of the build and the plugin
  logs a WARNING naming the page (so `mkdocs build --strict` fails: the frame's assumption no
  longer holds, e.g. a theme override printing something page-specific).
"""

from __future__ import annotations

import logging
import random
import re
from typing import Any, Callable

from markupsafe import Markup

from generator.site.records import FIELDS

log = logging.getLogger("mkdocs.plugins.news-archive")

BARE_TEMPLATE = "archive/bare.html"
CONTEXT_KEY = "na_html"  # what bare.html prints
MARKERS = {"title": "NAxTITLExMARK", "canonical": "https://na.invalid/NAxCANONxMARK",
           "edit": "https://na.invalid/NAxEDITxMARK", "content": "<h1>NAxCONTENTxMARK</h1>",
           "description": "NAxDESCRIPTIONxMARK", "head": '<meta name="na-head-mark">'}
META_VALUES = {"description": "description", "head": "na_head"}  # values kept in page.meta
_SPLIT = re.compile("(" + "|".join(re.escape(m) for m in MARKERS.values()) + ")")
_NAME = {m: k for k, m in MARKERS.items()}
VERIFY = 2  # pages of each family always checked against a full render

# What differs between the pages of a family: "title" (HTML: escaped text), "canonical" and
# "edit" (URLs, None when the page has none), "content" (HTML), "description" (escaped text for
# Material's meta description) and "head" (HTML that main.html prints in <head>), None when none.
Values = dict[str, Any]
Render = Callable[[Values], str]  # the full page with these values


def family(url: str) -> tuple[str, int]:
    """Pages whose frames can be identical: same top folder, same depth."""
    parts = url.strip("/").split("/")
    return parts[0], len(parts)


class SharedFrame:
    def __init__(self, enabled: bool = True, sample: float = 0.02, rng: random.Random | None = None) -> None:
        self.enabled = enabled  # False: render every page in full
        self.sample = sample  # share of pages (after the first VERIFY of a family) checked in full
        self.rng = rng or random.Random()
        self._pieces: dict[tuple[Any, ...], list[str] | None] = {}
        self._checked: dict[tuple[Any, ...], int] = {}
        self.verified = 0  # full renders compared in this build (reported, and tested)
        self.framed = 0  # pages served from a frame

    def reset(self) -> None:
        self._pieces.clear()
        self._checked.clear()
        self.verified = self.framed = 0

    def html(self, key: tuple[Any, ...], values: Values, render: Render, name: str) -> str:
        """The full page: the family's frame filled with `values`, or `render(values)`."""
        key = (*key, *(values[name] is None for name in ("canonical", "edit", *META_VALUES)))
        if key not in self._pieces:
            self._pieces[key] = self._frame(values, render, name) if self.enabled else None
        pieces = self._pieces[key]
        if pieces is None:
            return render(values)
        html = "".join(values[_NAME[p]] if p in _NAME else p for p in pieces)
        checked = self._checked.get(key, 0)
        if checked < VERIFY or self.rng.random() < self.sample:
            self._checked[key] = checked + 1
            self.verified += 1
            full = render(values)
            if full != html:
                log.warning("news-archive: the shared page frame of %s/ differs from a full render of %s; "
                            "rendering those pages in full (slower). A theme override or plugin prints "
                            "something page-specific: see generator/site/chrome.py", key[1], name)
                self._pieces[key] = None
                return full
        self.framed += 1
        return html

    @staticmethod
    def _frame(values: Values, render: Render, name: str) -> list[str] | None:
        marked = {name: None if values[name] is None else marker for name, marker in MARKERS.items()}
        html = render(marked)
        if html.count(MARKERS["content"]) != 1:
            log.warning("news-archive: no shared page frame for pages like %s (the theme does not print "
                        "the content once); rendering them in full", name)
            return None
        return _SPLIT.split(html)


def page_values(page) -> Values:
    return {"title": str(page.meta.get("title", "")), "canonical": page.canonical_url,
            "edit": page.edit_url, "content": page.content or "",
            **{name: page.meta.get(key) for name, key in META_VALUES.items()}}


def mkdocs_page_render(env, page, context: dict[str, Any]) -> Render:
    """Render `main.html` for an MkDocs page (as `_build_page` would) with other values swapped in."""

    def render(values: Values) -> str:
        saved, meta = (page.canonical_url, page.edit_url, page.content), dict(page.meta)
        page.canonical_url, page.edit_url, page.content = values["canonical"], values["edit"], values["content"]
        page.meta["title"] = values["title"]
        for name, key in META_VALUES.items():
            if values[name] is None:
                page.meta.pop(key, None)
            else:
                page.meta[key] = values[name]
        try:
            return env.get_template("main.html").render(context)
        finally:
            page.canonical_url, page.edit_url, page.content = saved
            page.meta.clear()
            page.meta.update(meta)

    return render


def fill(context: dict[str, Any], html: str) -> None:
    context[CONTEXT_KEY] = Markup(html)


# Front-matter keys a page may have and still share its family's frame: Material reads none but
# `description`, which the frame fills in like `na_head` (above).
FRAMABLE_KEYS = FIELDS | {"template", "description", "na_head"}


def framable(page) -> bool:
    """A page whose Material frame can be its family's: no headings (so no table of contents),
    no front-matter key that Material reads, not in the navigation."""
    return (not page.toc and FRAMABLE_KEYS.issuperset(page.meta)
            and page.parent is None and page.previous_page is None and page.next_page is None)
