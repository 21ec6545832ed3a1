"""`Archive`: everything one build knows about the articles, gathered once in `on_files`.

Read all article front-matter -> records (newest first) -> terms, timeline, related finder ->
the list of generated pages. Page events then only look things up here.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
from pathlib import Path

from mkdocs.structure.files import File, Files, InclusionLevel

from generator.site.cache import Fingerprint
from generator.site.dirty import SourceStubs
from generator.site.entities import EntityLookup
from generator.site.feed import FeedWriter, term_feed_path
from generator.site.records import ArticleRecord, FrontMatterError, RecordCache
from generator.site.related import RelatedFinder
from generator.site.render import GeneratedPage, plan_pages
from generator.site.terms import TermIndex
from generator.site.timeline import Timeline

log = logging.getLogger("mkdocs.plugins.news-archive")


def _shown(text: object, root: Path | None) -> str:
    """A message or path with the project's root cut off: `content/articles/...` as `check` says it."""
    shown = str(text)
    prefix = f"{root}{os.sep}" if root is not None else None
    return shown.replace(prefix, "") if prefix else shown


class Archive:
    def __init__(self, records: list[ArticleRecord], index: TermIndex, timeline: Timeline,
                 related: RelatedFinder) -> None:
        self.records = records  # newest first; record.index is the position here
        self.index = index
        self.timeline = timeline
        self.related = related
        self.by_src: dict[str, ArticleRecord] = {r.src_uri: r for r in records}
        self.generated: dict[str, GeneratedPage] = {}  # src_uri -> spec, for MkDocs' page events
        self.stubs: SourceStubs | None = None  # dirty builds only (dirty.py)
        self.write_ahead = False  # generated static files (feeds) written by the helper process
        self.ahead: dict[str, tuple[File, bytes]] = {}  # dest -> (its MkDocs file, content)
        self.fingerprint = Fingerprint()
        self.sources: list[tuple[File, str]] = []  # each article's MkDocs file, with its record cache key

    @classmethod
    def collect(cls, files: Files, *, articles_dir: str, lookup: EntityLookup, cache: RecordCache,
                often_with: int, related: int, related_max_df: int, root: Path | None = None,
                reported: frozenset[Path] = frozenset(), previous: "Archive | None" = None) -> "Archive":
        """Every article page's record. A page with a problem is one warning (so `--strict` fails,
        as `check` does), unless the conversion already warned about it (``reported``). With the
        ``previous`` build's archive (`serve`), unchanged records keep their fingerprints."""
        prefix = articles_dir.strip("/") + "/"
        records: list[ArticleRecord] = []
        sources: list[tuple[File, str]] = []
        for file in files.documentation_pages():
            if not file.src_uri.startswith(prefix) or file.abs_src_path is None:
                continue
            file.inclusion = InclusionLevel.NOT_IN_NAV  # reachable through terms and timeline only
            path = Path(file.abs_src_path)
            try:
                record = cache.record(path, file.src_uri, file.url)
            except FrontMatterError as err:
                # Not published until fixed: MkDocs reading it itself could fail on the same bytes.
                file.inclusion = InclusionLevel.EXCLUDED
                log.warning("news-archive: %s (page not published until this is fixed)", _shown(err, root))
                continue
            problems = cache.problems(path)
            if problems and path.resolve() not in reported:
                more = f"; `python -m generator check` lists {len(problems) - 1} more" if len(problems) > 1 else ""
                log.warning("news-archive: %s:%d: %s (published as far as it is understood until this is fixed%s)",
                            _shown(file.abs_src_path, root), problems[0].line, problems[0].message, more)
            records.append(record)
            sources.append((file, str(path)))
        records.sort(key=lambda r: r.sort_key, reverse=True)
        index = TermIndex(lookup)
        for position, record in enumerate(records):
            record.index = position
            index.add(record)
        index.finish(often_with, previous.index if previous is not None else None)
        archive = cls(records, index, Timeline(records), RelatedFinder(records, index, related, related_max_df))
        archive.sources = sources
        if previous is not None:
            infos = [term.info for terms in index.by_kind.values() for term in terms.values()]
            archive.fingerprint = previous.fingerprint.carried([*records, *infos, *index.carried])
        return archive

    def add_generated_pages(self, files: Files, config, *, page_size: int, index_page_size: int,
                            latest: int, feed_url: str | None, with_search: bool, term_feeds: bool = False,
                            today: dt.date | None = None) -> None:
        """Plan the generated pages and add each as an in-memory MkDocs page (`File.generated`):
        MkDocs renders them through its page events like any other page, so other plugins,
        the sitemap and `--strict` see them. Only home, indexes and timeline are in the nav.
        A hand-written file with the same output path wins."""
        taken = {file.dest_uri for file in files}
        with_home = files.get_file_from_path("index.md") is None
        plans = plan_pages(self.records, self.index, self.timeline, page_size=page_size,
                           index_page_size=index_page_size, latest=latest, with_home=with_home,
                           feed_url=feed_url, with_search=with_search, term_feeds=term_feeds, today=today)
        with self.fingerprint.lists_fixed():  # the plans are made: nothing below changes them
            self._add_pages(files, config, plans, taken)

    def _add_pages(self, files: Files, config, plans: list[GeneratedPage], taken: set[str]) -> None:
        for spec in plans:
            if self.stubs is not None:  # a dirty build: MkDocs builds the page only if its stub changed
                file = self.stubs.page(config, spec.src_uri, self.fingerprint.of((spec.title, spec.template, spec.data)),
                                       keep=not spec.in_nav)
            else:
                file = File.generated(config, spec.src_uri, content="")
            if file.dest_uri in taken:
                log.info("Keeping the hand-written %s instead of a generated page", file.dest_uri)
                continue
            if not spec.in_nav:
                file.inclusion = InclusionLevel.NOT_IN_NAV
            files.append(file)
            self.generated[spec.src_uri] = spec

    def neighbours(self, record: ArticleRecord) -> tuple[ArticleRecord | None, ArticleRecord | None]:
        """The dated articles just before and just after this one in time (None at either end)."""
        if record.date is None:
            return None, None
        i = record.index
        older = self.records[i + 1] if i + 1 < len(self.records) and self.records[i + 1].date else None
        newer = self.records[i - 1] if i > 0 else None  # dated, as records sort undated last
        return older, newer

    def add_term_feeds(self, files: Files, config, writer: FeedWriter, size: int) -> None:
        """An Atom feed per term at `<kind>/<slug>/feed.xml`: its latest `size` dated articles."""
        present = set(files.src_uris)  # once: a lookup by path normalises it (a third of this loop)
        for kind in self.index.by_kind:
            for term in self.index.by_kind[kind].values():
                path = term_feed_path(term.url)
                data = writer.feed(term.articles, feed_path=path, page_url=term.url,
                                   title=f"{term.name} - {config.site_name}", size=size)
                self.add_file(files, config, path, data, present)

    def add_file(self, files: Files, config, dest: str, content: bytes, present: set[str] | None = None) -> None:
        """A generated static file (the feed): MkDocs copies it to site/ like any other.
        `present`: the src_uris of `files` before this build's feeds, if the caller has them."""
        if (dest in present) if present is not None else (files.get_file_from_path(dest) is not None):
            log.info("Keeping the hand-written %s instead of a generated file", dest)
            return
        if self.stubs is not None:
            files.append(self.stubs.static(config, dest, content))
        elif self.write_ahead:
            # Written into site/ by the plugin's helper process (write_ahead.py) while MkDocs reads
            # the pages; MkDocs' copy of a file onto itself is its documented no-op for that.
            file = File.generated(config, dest, abs_src_path=os.path.join(config.site_dir, dest))
            self.ahead[dest] = (file, content)
            files.append(file)
        else:
            files.append(File.generated(config, dest, content=content))
