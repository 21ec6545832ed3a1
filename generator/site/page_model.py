"""MkDocs pages of the archive that skip Markdown when they have none to convert.

MkDocs builds a new Markdown converter, with every configured extension, for every page it
renders (about a millisecond each). The archive's generated pages (terms, indexes, months)
and the article pages the persistent cache already holds reach MkDocs with an empty
Markdown source: their HTML is made by the plugin in `on_page_content`. This page class,
set on those files in `on_files` (MkDocs lets plugins set `File.page` to a `Page`), gives
them empty content without a converter; every MkDocs event still runs for them, and pages
with Markdown to convert are rendered by MkDocs exactly as before.
"""

from __future__ import annotations

from collections.abc import Mapping

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

__all__ = ["ArchivePage", "adopt"]


class ArchivePage(Page):
    def render(self, config: MkDocsConfig, files: Files) -> None:
        if self.markdown is not None and not self.markdown.strip():
            self.content = ""
            self.present_anchor_ids = set()  # nothing from Markdown: the plugin writes the HTML
            self.links_to_anchors = {}
            return
        super().render(config, files)


def adopt(files: Files, titles: Mapping[str, str], config: MkDocsConfig) -> int:
    """Give every archive file (`titles`: src_uri -> the page's title, as its meta will say) not
    yet bound to a page an ArchivePage; the count adopted. The title is known before any page is
    read, so navigation shows it even for pages a dirty build does not read again."""
    count = 0
    for file in files.documentation_pages():
        title = titles.get(file.src_uri)
        if file.page is None and title is not None:
            ArchivePage(title, file, config)
            count += 1
    return count
