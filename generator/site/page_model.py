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

__all__ = ["ArchivePage", "PageKeeper", "adopt"]


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


class PageKeeper:
    """`mkdocs serve`: article pages kept from one rebuild to the next.

    MkDocs makes a new `File` for every source file each build, and the plugin a new page for
    each (5,000 `Page` objects: 0.13 s of each rebuild at 5,000 articles). An article whose record
    is the very object of the last build (records.py: same file, same front-matter) takes the
    last build's page, bound to the new file (`File.page` and `Page.file`, both public). If
    MkDocs builds it again (a body-only edit), reading and rendering set its content anew. What
    else a page is made of (site URL, repository and edit settings, URL style) is compared:
    any change, and no page is kept."""

    def __init__(self) -> None:
        self.last: dict[str, tuple[object, ArchivePage]] = {}  # src_uri -> (its record, its page)
        self._stamp: tuple | None = None
        self.kept = 0  # pages kept by the last adopt

    def begin(self, config: MkDocsConfig) -> None:
        """A new build: no page is kept if what every page is made of changed."""
        stamp = (config.site_url, config.repo_url, config.edit_uri, config.edit_uri_template,
                 config.use_directory_urls)
        if stamp != self._stamp:
            self.last, self._stamp = {}, stamp
        self.kept = 0

    def take(self, src_uri: str, owner: object, title: str) -> ArchivePage | None:
        """The last build's page of `src_uri`, if it was made from this very `owner` and title."""
        kept = self.last.get(src_uri)
        if kept is None or kept[0] is not owner or kept[1].title != title:
            return None
        self.kept += 1
        return kept[1]


def adopt(files: Files, titles: Mapping[str, str], config: MkDocsConfig, prose: PlainProse | None = None,
          keeper: PageKeeper | None = None, owners: Mapping[str, object] | None = None) -> int:
    """Give every archive file (`titles`: src_uri -> the page's title, as its meta will say) not
    yet bound to a page an ArchivePage; the count made. The title is known before any page is
    read, so navigation shows it even for pages a dirty build does not read again. With a
    `keeper` and `owners` (src_uri -> the record a page is made from), a page whose record is
    the last build's is that build's page."""
    count = 0
    keeping = keeper is not None and owners is not None
    if keeping:
        keeper.begin(config)
    now: dict[str, tuple[object, ArchivePage]] = {}
    for file in files.documentation_pages():
        src = file.src_uri
        title = titles.get(src)
        if file.page is None and title is not None:
            owner = owners.get(src) if keeping else None
            page = keeper.take(src, owner, title) if owner is not None else None
            if page is not None:
                page.file, file.page = file, page
            else:
                page = ArchivePage(title, file, config)
                count += 1
            page.prose = prose
            if owner is not None:
                now[src] = (owner, page)
        elif isinstance(file.page, ArchivePage):  # the last build's, kept with its file (dirty.py)
            file.page.prose = prose
    if keeping:
        keeper.last = now
    return count
