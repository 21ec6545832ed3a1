"""Generated pages outside the navigation (term, by-letter and month pages), written straight to site/.

There are thousands of them (~6,700 at 5,000 articles). As MkDocs pages each would get its own
Markdown instance, every page event and a pass of the search plugin's HTML parser, for HTML that
is ours anyway (`render.py`). So `write_pages` renders them after MkDocs has built its own pages,
inside Material's frame (`chrome.py`), and the two things MkDocs would have done for them are done
here: a small search entry per term (`add_search_entries`) and the sitemap (`add_to_sitemap`).
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import Sequence
from urllib.parse import urljoin

from mkdocs.utils import get_build_date

from generator.site.chrome import Chrome, StandIn, family
from generator.site.render import GeneratedPage, Renderer, escape_title, split_late


def write_pages(specs: Sequence[GeneratedPage], renderer: Renderer, chrome: Chrome, stand_in: StandIn,
                site_dir: str, edit_root: str | None) -> None:
    for spec in specs:
        head, tail = split_late(renderer.generated(spec, spec.url))
        edit_url = edit_root + spec.edit_path if edit_root and spec.edit_path else None
        values = stand_in.values(spec.url, escape_title(spec.title), head + tail, edit_url)
        page = chrome.html(("direct", *family(spec.url)), values, stand_in.render(spec.url))
        target = Path(site_dir, spec.dest_uri)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(page.encode("utf-8", errors="xmlcharrefreplace"))


def add_search_entries(config, specs: Sequence[GeneratedPage]) -> None:
    """One entry (title and `search_text`) per page that has one, in the search plugin's index.

    Call before the search plugin's `on_post_build`, which writes the index. Works with Material's
    search plugin and MkDocs' own; does nothing when neither is enabled.
    """
    plugin = config.plugins.get("material/search") or config.plugins.get("search")
    index = getattr(plugin, "search_index", None)
    if index is None:
        return
    for spec in specs:
        if spec.search_text is None:
            continue
        title = html.escape(spec.title, quote=False)
        if hasattr(index, "entries"):  # Material
            index.entries.append({"location": spec.url, "title": title, "text": spec.search_text})
        else:  # MkDocs' search plugin
            index._add_entry(title=title, text=spec.search_text, loc=spec.url)


def add_to_sitemap(xml: str, specs: Sequence[GeneratedPage], site_url: str | None) -> str:
    """The sitemap MkDocs rendered, plus one `<url>` per page (like MkDocs, only with a site_url)."""
    if not site_url or "</urlset>" not in xml:
        return xml
    base, date = site_url.rstrip("/") + "/", get_build_date()
    entries = "".join(f"    <url>\n         <loc>{html.escape(urljoin(base, spec.url))}</loc>\n"
                      f"         <lastmod>{date}</lastmod>\n    </url>\n" for spec in specs)
    head, _, tail = xml.rpartition("</urlset>")
    return head.rstrip("\n") + "\n" + entries + "</urlset>" + tail
