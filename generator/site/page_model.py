"""MkDocs pages of the archive that skip Markdown when they have none to convert.

MkDocs builds a new Markdown converter, with every configured extension, for every page it
renders (about a millisecond each). The archive's generated pages (terms, indexes, months)
and the article pages the persistent cache already holds reach MkDocs with an empty
Markdown source: their HTML is made by the plugin in `on_page_content`. This page class,
set on those files in `on_files` (MkDocs lets plugins set `File.page` to a `Page`), gives
them empty content without a converter; an article body of plain escaped paragraphs (what the
build writes) gets its HTML from `prose.plain_html`, checked against MkDocs' own conversion on a
sample of every build (prose.py). Every MkDocs event still runs for them, and pages with
Markdown to convert are rendered by MkDocs exactly as before.
"""

from __future__ import annotations

from collections.abc import Mapping

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from generator.site.prose import PlainProse, plain_html

__all__ = ["ArchivePage", "adopt"]


class ArchivePage(Page):
    prose: PlainProse | None = None  # set by `adopt`: the build's plain-body conversion

    def render(self, config: MkDocsConfig, files: Files) -> None:
        if self.markdown is not None and not self.markdown.strip():
            self.content = ""
            self.present_anchor_ids = set()  # nothing from Markdown: the plugin writes the HTML
            self.links_to_anchors = {}
            return
        prose = self.prose
        html = plain_html(self.markdown) if prose is not None and prose.active and self.markdown else None
        if html is None:
            super().render(config, files)
            return
        assert prose is not None
        if prose.wants_check():  # MkDocs converts it too: its HTML stands, ours is compared
            super().render(config, files)
            prose.check(self.file.src_uri, html, self.content or "")
            return
        self.content = html
        self.toc = get_toc([])
        self._title_from_render = None  # plain paragraphs: no heading to take a title from
        self.present_anchor_ids = set()
        self.links_to_anchors = {}
        prose.converted += 1


def adopt(files: Files, titles: Mapping[str, str], config: MkDocsConfig, prose: PlainProse | None = None) -> int:
    """Give every archive file (`titles`: src_uri -> the page's title, as its meta will say) not
    yet bound to a page an ArchivePage; the count adopted. The title is known before any page is
    read, so navigation shows it even for pages a dirty build does not read again."""
    count = 0
    for file in files.documentation_pages():
        title = titles.get(file.src_uri)
        if file.page is None and title is not None:
            ArchivePage(title, file, config).prose = prose
            count += 1
        elif isinstance(file.page, ArchivePage):  # the last build's, kept with its file (dirty.py)
            file.page.prose = prose
    return count
