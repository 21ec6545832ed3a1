"""`ChromeCache`: render Material's page chrome once per page family, then fill it in.

A term page and its thousands of siblings (`people/<slug>/`) differ, in Material's output, only in
the title, the content, the canonical URL and the edit URL: every other link is relative to the
page's folder and the same for all siblings. Rendering `main.html` costs a few milliseconds per
page, which dominated the build at 5,000 articles (~6,000 term pages). So such pages use the
trivial template `archive/bare.html`, and `fill()` wraps their content in a chrome rendered once
per family with marker values.

Self-check: the first `VERIFY` pages of each family are also rendered in full and compared with
the filled chrome; on any difference the family falls back to full rendering for good.
"""

from __future__ import annotations

import logging
import re
from typing import Any

log = logging.getLogger("mkdocs.plugins.news-archive")

BARE_TEMPLATE = "archive/bare.html"
MARKERS = {"title": "NAxTITLExMARK", "canonical": "https://na.invalid/NAxCANONxMARK",
           "edit": "https://na.invalid/NAxEDITxMARK", "content": "<h1>NAxCONTENTxMARK</h1>"}
_SPLIT = re.compile("(" + "|".join(re.escape(m) for m in MARKERS.values()) + ")")
_NAME = {m: k for k, m in MARKERS.items()}
VERIFY = 2


def family(page) -> tuple[Any, ...]:
    """Pages whose chrome is identical: same top folder and depth, same optional parts."""
    parts = page.url.strip("/").split("/")
    return (parts[0], len(parts), page.edit_url is None, page.canonical_url is None)


class ChromeCache:
    def __init__(self) -> None:
        self._pieces: dict[tuple[Any, ...], list[str] | None] = {}
        self._checked: dict[tuple[Any, ...], int] = {}

    def reset(self) -> None:
        self._pieces.clear()
        self._checked.clear()

    def fill(self, page, context: dict[str, Any], env) -> str:
        """The full HTML of `page` (whose content is final), from the cached chrome when safe."""
        key = family(page)
        if key not in self._pieces:
            self._pieces[key] = self._render_chrome(page, context, env)
        pieces = self._pieces[key]
        if pieces is None:
            return self._full(page, context, env)
        values = {"title": str(page.meta.get("title", "")), "canonical": page.canonical_url or "",
                  "edit": page.edit_url or "", "content": page.content or ""}
        html = "".join(values[_NAME[p]] if p in _NAME else p for p in pieces)
        if self._checked.get(key, 0) < VERIFY:
            self._checked[key] = self._checked.get(key, 0) + 1
            full = self._full(page, context, env)
            if full != html:
                log.debug("news-archive: chrome cache disabled for %s (differs at %s)", key, page.url)
                self._pieces[key] = None
                return full
        return html

    @staticmethod
    def _full(page, context: dict[str, Any], env) -> str:
        return env.get_template("main.html").render(context)

    def _render_chrome(self, page, context: dict[str, Any], env) -> list[str] | None:
        saved = (dict(page.meta), page.content, page.canonical_url, page.edit_url)
        try:
            page.meta["title"] = MARKERS["title"]
            page.content = MARKERS["content"]
            if page.canonical_url is not None:
                page.canonical_url = MARKERS["canonical"]
            if page.edit_url is not None:
                page.edit_url = MARKERS["edit"]
            page.meta.pop("template", None)
            html = self._full(page, context, env)
        finally:
            page.meta.clear()
            page.meta.update(saved[0])
            page.content, page.canonical_url, page.edit_url = saved[1], saved[2], saved[3]
        pieces = _SPLIT.split(html)
        if html.count(MARKERS["content"]) != 1:
            return None
        return pieces
