"""`Chrome`: render Material's page frame once per family of pages, then fill it in.

An article page and its thousands of siblings (`articles/YYYY/MM/<slug>/`), or a term page and
its siblings (`people/<slug>/`), differ in Material's output only in the title, the content, the
canonical URL and the edit URL: every other link is relative to the page's folder and the same
for all siblings. Rendering `main.html` costs a few milliseconds per page, most of the build at
5,000 articles. So a family's frame is rendered once with marker values, and each page fills the
markers in. Used for article pages (through the trivial template `archive/bare.html`, see the
plugin) and for the pages the plugin writes itself (`StandIn`, see `direct.py`).

Self-check: the first `VERIFY` pages of each family are also rendered in full and compared with
the filled frame; on any difference the family falls back to full rendering for good.
"""

from __future__ import annotations

import logging
import re
from typing import Any, Callable
from urllib.parse import urljoin

from mkdocs.commands.build import get_context
from mkdocs.structure.files import File
from mkdocs.structure.pages import Page

log = logging.getLogger("mkdocs.plugins.news-archive")

BARE_TEMPLATE = "archive/bare.html"
MARKERS = {"title": "NAxTITLExMARK", "canonical": "https://na.invalid/NAxCANONxMARK",
           "edit": "https://na.invalid/NAxEDITxMARK", "content": "<h1>NAxCONTENTxMARK</h1>"}
_SPLIT = re.compile("(" + "|".join(re.escape(m) for m in MARKERS.values()) + ")")
_NAME = {m: k for k, m in MARKERS.items()}
VERIFY = 2

# What differs between the pages of a family: "title" (HTML: escaped text), "canonical" and
# "edit" (URLs, None when the page has none), "content" (HTML).
Values = dict[str, Any]
Render = Callable[[Values], str]  # the full page with these values


def family(url: str) -> tuple[str, int]:
    """Pages whose frames can be identical: same top folder, same depth."""
    parts = url.strip("/").split("/")
    return parts[0], len(parts)


class Chrome:
    def __init__(self, reuse: bool = True) -> None:
        self.reuse = reuse  # False: render every page in full
        self._pieces: dict[tuple[Any, ...], list[str] | None] = {}
        self._checked: dict[tuple[Any, ...], int] = {}

    def reset(self) -> None:
        self._pieces.clear()
        self._checked.clear()

    def html(self, key: tuple[Any, ...], values: Values, render: Render) -> str:
        """The full page: the family's frame filled with `values`, or `render(values)`."""
        key = (*key, values["canonical"] is None, values["edit"] is None)
        if key not in self._pieces:
            self._pieces[key] = self._frame(values, render) if self.reuse else None
        pieces = self._pieces[key]
        if pieces is None:
            return render(values)
        html = "".join(values[_NAME[p]] if p in _NAME else p for p in pieces)
        if self._checked.get(key, 0) < VERIFY:
            self._checked[key] = self._checked.get(key, 0) + 1
            full = render(values)
            if full != html:
                log.debug("news-archive: frame reuse disabled for %s (a page differs: %s)", key,
                          values["canonical"])
                self._pieces[key] = None
                return full
        return html

    @staticmethod
    def _frame(values: Values, render: Render) -> list[str] | None:
        marked = {name: None if values[name] is None else marker for name, marker in MARKERS.items()}
        html = render(marked)
        if html.count(MARKERS["content"]) != 1:
            return None
        return _SPLIT.split(html)


def page_values(page) -> Values:
    return {"title": str(page.meta.get("title", "")), "canonical": page.canonical_url,
            "edit": page.edit_url, "content": page.content or ""}


def mkdocs_page_render(env, page, context: dict[str, Any]) -> Render:
    """Render `main.html` for an MkDocs page (as `_build_page` would) with other values swapped in."""

    def render(values: Values) -> str:
        saved = (page.meta.get("title"), page.canonical_url, page.edit_url, page.content)
        page.meta["title"], page.canonical_url, page.edit_url, page.content = (
            values["title"], values["canonical"], values["edit"], values["content"])
        try:
            return env.get_template("main.html").render(context)
        finally:
            page.meta["title"], page.canonical_url, page.edit_url, page.content = saved

    return render


class StandIn:
    """Pages MkDocs does not know: `values()` and `render` as if they were MkDocs pages."""

    def __init__(self, env, config, nav, files) -> None:
        self.env, self.config, self.nav = env, config, nav
        self.pages = files.documentation_pages()  # what get_context() would compute on every call
        self._base = (config.site_url.rstrip("/") + "/") if config.site_url else None

    def values(self, url: str, title: str, content: str, edit_url: str | None) -> Values:
        return {"title": title, "canonical": urljoin(self._base, url) if self._base else None,
                "edit": edit_url, "content": content}

    def render(self, url: str) -> Render:
        def render(values: Values) -> str:
            page = Page(values["title"], File.generated(self.config, url + "index.md", content=""), self.config)
            page.markdown = ""
            page.meta = {"title": values["title"]}
            page.canonical_url, page.edit_url, page.content = values["canonical"], values["edit"], values["content"]
            context = get_context(self.nav, self.pages, self.config, page)
            return self.env.get_template("main.html").render(context)

        return render
