"""`NewsArchivePlugin`: thin MkDocs event handlers; the work lives in the sibling modules.

Order within one build (MkDocs' own): on_config -> on_pre_build (convert seeds/) -> on_files
(read every article's front-matter once, add every generated page and the feed as in-memory
MkDocs files) -> page events (escape titles, render article headers and generated pages, check
their links) -> on_page_context, last of all plugins (fill
the shared page frame, chrome.py) -> MkDocs renders and writes each page through every plugin's
on_post_page, and the sitemap with every page.
"""

from __future__ import annotations

import html
import logging
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import File
from mkdocs.utils import get_build_datetime

from generator.models import ENTITY_KINDS
from generator.sanitize import clean_html

import generator
from generator import __version__
from generator.site.archive import Archive
from generator.site.cache import Entry, Fingerprint, PageCache, WarningCounter, digest, site_salt, tree_digest
from generator.site.chrome import BARE_TEMPLATE, SharedFrame, family, fill, framable, mkdocs_page_render, page_values
from generator.site.config import NewsArchiveConfig, edit_root
from generator.site.dirty import SourceStubs, answer_articles
from generator.site.entities import RegistryReader
from generator.site.citation import TermRef, description, head_html
from generator.site.collector import FewerCollections
from generator.site.conversion import convert
from generator.site.idle import WhenIdle
from generator.site.feed import FeedWriter, atom_feed, feed_link
from generator.site.write_ahead import AheadReport, AheadWriter
from generator.site.icons import append_to_file, class_names, icon_names, stylesheet
from generator.site.lean import lean_html
from generator.site.page_model import PageKeeper, adopt
from generator.site.pictures import Pictures
from generator.site.prose import PlainProse
from generator.site.records import RecordCache
from generator.site.render import Renderer, escape_title
from generator.site.search import SearchStep
from generator.site.template_code import TemplateCode
from generator.site.watching import watch_project

log = logging.getLogger("mkdocs.plugins.news-archive")


ICON_STYLESHEET = "assets/stylesheets/archive.css"  # the theme's file that icons.py's rules join
DIRTY_HINT = 1000  # articles from which plain `serve` suggests `--dirty` (~15 s a save at 5,000; 1.5 s)


class NewsArchivePlugin(BasePlugin[NewsArchiveConfig]):
    supports_multiple_instances = False

    def __init__(self) -> None:
        self.cache = RecordCache()  # survives `mkdocs serve` rebuilds
        self.archive: Archive | None = None
        self.renderer: Renderer | None = None
        self.root = Path.cwd()
        self.edit_root: str | None = None
        self.frame = SharedFrame()
        self.prose = PlainProse(enabled=False)
        self.env = None
        self._urls: set[str] = set()  # every URL the site will have, for checking generated links
        self._meta: dict[str, dict] = {}  # src_uri -> front-matter, between read_source and markdown
        self.pages: PageCache | None = None  # rendered content between builds (cache.py)
        self._fingerprint = Fingerprint()
        self._keys: dict[str, str] = {}  # src_uri -> cache key of a page being rendered
        self._hits: dict[str, Entry] = {}  # src_uri -> cached content of a page
        self._warnings = WarningCounter()
        self._related: dict[str, list] = {}  # src_uri -> related records, found before the cache lookup
        self._serving = False
        self._dirty = False  # `--dirty`: generated pages get stub sources (dirty.py)
        self._stub_memory: dict[str, bytes] = {}  # their contents, kept across `serve` rebuilds
        self._stub_files: dict[str, File] = {}  # and their MkDocs files (dirty.py)
        self._pages = PageKeeper()  # `serve`: unchanged articles' pages (page_model.py)
        self._reported: frozenset[Path] = frozenset()  # pages the conversion already warned about
        self._icon_css = ""
        self._ahead = AheadWriter()  # site/'s folders and feeds, made by a helper process
        self._search = SearchStep()
        self._feeds: FeedWriter | None = None  # the term feeds' writer, kept under `serve`
        self._collections = FewerCollections()  # for the length of each build (collector.py)
        self._idle = WhenIdle()  # `serve`: search index and full collection after the build (idle.py)
        self._registry = RegistryReader()  # survives `mkdocs serve` rebuilds
        self._written: str | None = None  # the site_dir a build of this process finished writing
        self._template_code = TemplateCode()  # compiled Jinja templates, kept across `serve` rebuilds
        self._records_salt = ""  # the code that reads pages, hashed: names the record cache's contents

    def on_startup(self, command, dirty):
        """Defining this keeps the plugin (and its caches) alive across `mkdocs serve` rebuilds."""
        self._serving = command == "serve"
        self._dirty = bool(dirty)

    def on_shutdown(self):
        self._idle.cancel()  # `serve` ends: no Pagefind started after this,
        self._search.stop_background()  # and none left running
        if self._serving and self.config.enabled and self.config.cache and self._records_salt:
            # Were `serve` killed first, the next start would only read the edited pages again.
            self._save_records()

    def _rebuilding(self, config) -> bool:
        """A `--dirty` build into the folder this process's last build wrote: a `serve` rebuild."""
        return self._dirty and self._written == config.site_dir

    def _save_records(self) -> None:
        self.cache.save(self.root / self.config.cache_dir / "records.pickle", self._records_salt)

    def on_pre_build(self, config):
        self._search.stop_background()  # `serve`: the previous build's index would be stale
        self._reported = frozenset()
        if self.config.enabled and self.config.convert:
            self._reported = convert(self.root)

    # -- configuration and conversion ---------------------------------------------------------
    def on_config(self, config):
        if not self.config.enabled:
            return
        self._collections.begin()
        self._idle.building()
        base = Path(config.config_file_path).parent if config.config_file_path else Path.cwd()
        self.root = (base / self.config.root).resolve() if self.config.root else base.resolve()
        self.edit_root = self.config.edit_root or edit_root(config)
        if self.config.feed:
            config.extra["archive_feed"] = self.config.feed_path
        try:
            self.renderer = Renderer(config.theme.dirs, directory_urls=config.use_directory_urls,
                                     code=self._template_code)
            self.renderer.site_name, self.renderer.site_url = config.site_name, config.site_url
        except Exception as err:  # jinja2.TemplateNotFound and syntax errors
            raise PluginError(f"news-archive: cannot load site_templates/archive/ templates: {err}") from err
        self.frame = SharedFrame(self.config.fast_chrome, self.config.frame_sample)
        self.prose = PlainProse(self.config.plain_prose, self.config.prose_sample)
        self._warnings.attach()
        # Material's icons drawn by archive.css, not printed into every page (icons.py).
        names = icon_names(config.theme.get("icon") or {}, config.theme.get("palette"), bool(config.theme.get("logo")))
        self._icon_css, config.extra["na_icons"] = stylesheet(class_names(names), config.theme.dirs)
        return config

    def on_serve(self, server, config, builder):
        if self.config.enabled:
            watch_project(server, self.root, sources=self.config.watch, native=self.config.watch_native)
        return server

    # -- collect: every article's front-matter, then the generated pages ----------------------
    @event_priority(-50)  # after other plugins have added or removed files
    def on_files(self, files, config):
        if not self.config.enabled:
            return
        append_to_file(files, config, ICON_STYLESHEET, self._icon_css)
        try:
            lookup = self._registry.lookup(self.root / "registry")  # read again if it changed
        except Exception as err:
            raise PluginError(f"news-archive: registry: {err}") from err
        if self.config.cache:
            # once per process: the code it hashes is loaded once (a `serve` rebuild skips the 0.1 s)
            if not self._records_salt:
                self._records_salt = digest(__version__, tree_digest([Path(generator.__file__).parent]))
            self.cache.load(self.root / self.config.cache_dir / "records.pickle", self._records_salt)
        self.archive = Archive.collect(
            files, articles_dir=self.config.articles_dir, lookup=lookup, cache=self.cache,
            often_with=self.config.cooccurring, related=self.config.related,
            related_max_df=self.config.related_max_df, root=self.root, reported=self._reported,
            previous=self.archive)
        salt = site_salt(config, self.config, self.root) if self._dirty or self.config.cache else ""
        if self._dirty:
            self.archive.stubs = SourceStubs(self.root / self.config.cache_dir / "dirty", salt, self._stub_memory,
                                             self._stub_files if self._serving else None)
        else:  # a full build writes every feed: the helper process can (write_ahead.py)
            self.archive.write_ahead = self.config.write_ahead
        self.archive.add_generated_pages(
            files, config, page_size=self.config.page_size, index_page_size=self.config.index_page_size,
            latest=self.config.latest, feed_url=self.config.feed_path if self.config.feed else None,
            with_search=self.config.search, term_feeds=self.config.feed and self.config.term_feeds,
            today=get_build_datetime().date())  # SOURCE_DATE_EPOCH fixes it for reproducible builds
        self.renderer.pictures = Pictures(self.archive.index)
        if self.config.feed and self.config.term_feeds:
            self._feeds = FeedWriter.for_build(self._feeds, config.site_name, config.site_url, self._serving)
            self.archive.add_term_feeds(files, config, self._feeds, self.config.term_feed_size)
        if self.config.feed:
            self.archive.add_file(files, config, self.config.feed_path, atom_feed(
                self.archive.records, site_name=config.site_name, site_url=config.site_url,
                feed_path=self.config.feed_path, size=self.config.feed_size))
        if self.archive.stubs is not None:
            log.info("news-archive: dirty build: %d generated pages and feeds changed", self.archive.stubs.written)
            self._stub_files = self.archive.stubs.files  # the next rebuild keeps those that stay the same
            if self._rebuilding(config):  # the records know which articles changed
                answer_articles(self.archive.sources, self.cache.changed_since_built)
        self._urls = {file.url for file in files}
        titles = {src: escape_title(spec.title) for src, spec in self.archive.generated.items()}
        titles.update((src, escape_title(record.title)) for src, record in self.archive.by_src.items())
        self.prose.reset(config.markdown_extensions)
        adopt(files, titles, config, self.prose, self._pages if self._serving else None, self.archive.by_src)
        self._open_cache(salt)
        return files

    def _open_cache(self, salt: str) -> None:
        self._keys.clear(), self._hits.clear()
        # the archive's: a dirty build has already fingerprinted every generated page
        self._fingerprint = self.archive.fingerprint if self.archive is not None else Fingerprint()
        if not self.config.cache:
            self.pages = None
            return
        self.pages = PageCache(self.root / self.config.cache_dir / "pages.sqlite", salt)

    # -- pages: titles are escaped, headers and generated pages rendered with autoescape --------
    @event_priority(-100)  # last: every plugin has added its files
    def on_nav(self, nav, config, files):
        # A dirty rebuild writes a few pages into folders that exist: nothing to make ahead.
        if self.archive is not None and self.config.write_ahead and not self._rebuilding(config):
            self._ahead.start(files, self.archive.ahead)  # while MkDocs reads the pages (write_ahead.py)
        else:
            self._ahead.report = AheadReport()  # not the last build's figures
        if self.archive is not None:  # a full build starts search once the articles are read
            early = self.config.search and not self._dirty and not self._serving
            self._search.plan(config.site_dir, glob=self.config.articles_dir.strip("/") + "/**/*.html",
                              language=config.theme.get("language") or "en",
                              article_pages=sum(1 for f in files.documentation_pages()
                                                if f.src_uri in self.archive.by_src and f.inclusion.is_included())
                              if early else 0, early=early)
        return nav

    def on_page_read_source(self, page, config):
        """Article bodies come from the front-matter cache (one YAML parse per page, not two)."""
        if self.archive is None or page.file.src_uri not in self.archive.by_src or page.file.abs_src_path is None:
            return None
        src = page.file.src_uri
        meta, body = self.cache.read(Path(page.file.abs_src_path))
        self._meta[src] = meta
        if self.pages is not None:
            record = self.archive.by_src[src]
            related = self._related[src] = self.archive.related.find(record)
            shown = (related, self.archive.neighbours(record))  # other articles the page names
            if self._lookup(src, "article", repr(meta), body, self._fingerprint.of(shown)):
                return "\n"  # cached: nothing for Markdown to do
        return "\n" + body  # the leading newline keeps MkDocs from reading a body "---" as front-matter

    def _lookup(self, src: str, *parts: str) -> bool:
        """Look the page up in the cache; remember its key (a miss) or its entry (a hit)."""
        assert self.pages is not None
        self._warnings.mark(src)
        key = self.pages.key(src, *parts)
        entry = self.pages.get(key)
        if entry is None:
            self._keys[src] = key
            return False
        self._hits[src] = entry
        return True

    def on_page_markdown(self, markdown, page, config, files):
        if self.archive is None:
            return markdown
        spec = self.archive.generated.get(page.file.src_uri)
        record = self.archive.by_src.get(page.file.src_uri)
        if spec is not None:
            page.meta["title"] = escape_title(spec.title)
            term = spec.data.get("term") if spec.data.get("feed") else None
            if term is not None:  # the term's feed, for feed readers' autodiscovery
                page.meta["na_head"] = feed_link(term, page.file.dest_uri, config.site_name)
            if spec.edit_path and self.edit_root:
                page.edit_url = self.edit_root + spec.edit_path
            if self.pages is not None:
                self._lookup(page.file.src_uri, "generated", self._fingerprint.of(
                    (spec.title, spec.template, spec.data)))
            return ""
        if record is not None:
            page.meta = dict(self._meta.pop(page.file.src_uri, None) or page.meta)
            page.meta["title"] = escape_title(record.title)
            page.meta.update(self._article_head(record, page, config))
        return markdown

    def _content(self, html, page, config, files):
        if self.archive is None or self.renderer is None:
            return html
        src = page.file.src_uri
        hit = self._hits.pop(src, None)
        if hit is not None:
            html, page.toc = hit.html, hit.toc
        else:
            html = self._render(html, page)
        if self.frame.enabled and framable(page):
            page.meta["template"] = BARE_TEMPLATE  # filled in on_page_context
        return html

    @event_priority(-100)  # last: the article as every plugin left it
    def _search_copy(self, html, page, config, files):
        if self.archive is not None and page.file.src_uri in self.archive.by_src:
            self._search.article_content(page.file.dest_uri, html)  # copied for search (full builds)
        return html

    on_page_content = CombinedEvent(_content, _search_copy)

    def _render(self, html: str, page) -> str:
        src = page.file.src_uri
        try:
            spec = self.archive.generated.get(src)
            record = self.archive.by_src.get(src)
            self.renderer.take_targets()
            if spec is not None:
                html = self.renderer.generated(spec, page.file.dest_uri)
            elif record is not None:
                html = clean_html(html)  # people's Markdown may carry HTML: allowlist only
                related = self._related.pop(src, None)
                if related is None:
                    related = self.archive.related.find(record)
                html = self.renderer.article(record, html, self.archive.index, related, page.file.dest_uri,
                                             self.archive.neighbours(record))
            else:
                return html
        except Exception as err:
            raise PluginError(f"news-archive: cannot render {src}: {err}") from err
        missing = self.renderer.take_targets() - self._urls
        if missing:
            log.warning("news-archive: %s links to %s, which the site does not have", src,
                        ", ".join(sorted(missing)[:5]))
        key = self._keys.pop(src, None)
        if key is not None and self.pages is not None and not self._warnings.since(src):
            self.pages.put(key, Entry(html, page.toc))  # pages that warned are rendered again next time
        return html

    def _article_head(self, record, page, config) -> dict[str, str]:
        """page.meta for an article's <head>: `description` (Material prints it; HTML-escaped here)
        and `na_head` (main.html prints it): OpenGraph, Twitter card, JSON-LD."""
        root = "../" * page.file.dest_uri.count("/")
        base = config.site_url.rstrip("/") + "/" if config.site_url else None
        terms = [TermRef(kind, t.name, (base or root) + self.renderer.url(t.url))
                 for kind in ENTITY_KINDS for t in self.archive.index.terms_of(record, kind)]
        head = {"na_head": head_html(record, url=self.renderer.permalink(record.url), absolute=base is not None,
                                     site_name=config.site_name, site_url=config.site_url, terms=terms,
                                     original_url=record.original_url)}
        summary = description(record)
        if summary:
            head["description"] = html.escape(summary, quote=True)
        return head

    def on_env(self, env, config, files):
        self._template_code.attach(env)  # the theme's templates, compiled once per `serve` (template_code.py)
        self._ahead.finish()  # next, MkDocs copies static files: the feeds must be there
        self.env = env
        if self._rebuilding(config):  # the sitemap (17,000 URLs: 0.1 s) stays the first build's
            config.theme.static_templates.discard("sitemap.xml")
        self.frame.reset()
        if self.renderer is not None:
            self.renderer.reset()
        return env

    @event_priority(-100)  # last: after every plugin's change to the context
    def on_page_context(self, context, page, config, nav):
        if page.meta.get("template") == BARE_TEMPLATE:  # MkDocs has loaded it: the page's meta is its own again
            del page.meta["template"]
            fill(context, self.frame.html(("page", *family(page.url)), page_values(page),
                                          mkdocs_page_render(self.env, page, context), page.file.src_uri))
        return context

    @event_priority(100)  # first: other plugins' on_post_page (minify, privacy) see the lean page
    def on_post_page(self, output, page, config):
        return lean_html(output) if self.config.lean else output

    @event_priority(50)  # before plugins that post-process site/ (the offline plugin, at -100)
    def on_post_build(self, config):
        if self.archive is None:
            self._collections.end()
            self._idle.built()
            return
        log.info("news-archive: %d pages in shared frames, %d of them checked against a full render",
                 self.frame.framed + self.frame.verified, self.frame.verified)
        log.info("news-archive: %d article bodies converted as plain text, %d more checked against Markdown",
                 self.prose.converted, self.prose.verified)
        ahead = self._ahead.report
        if ahead.folders or ahead.files:
            log.info("news-archive: %d output folders made and %d feeds written ahead, in %.1f s",
                     ahead.folders, ahead.files, ahead.seconds)
        if self.config.cache:
            self.cache.end_build()
            if not self._serving:  # `serve` writes them when it stops (0.1 s of each rebuild)
                self._save_records()
        if self.pages is not None:
            log.info("news-archive: page cache: %d pages reused, %d rendered", self.pages.hits, self.pages.misses)
            self.pages.close(prune=not self._dirty)
            self.pages = None
        later = []  # `serve`: once idle, the search index of this build (idle.py)
        if self.config.search and self.archive.records:
            job = self._search.finish(expected=len(self.archive.records), background=self._serving)
            later += [job] if job is not None else []
        if self._serving and not self._dirty and self._written is None and len(self.archive.records) >= DIRTY_HINT:
            log.info("news-archive: %d articles: each save builds every page again; `mkdocs serve --dirty` "
                     "builds only what the save changes (README, The site)", len(self.archive.records))
        self._written = config.site_dir
        if self._dirty:
            self.cache.mark_built()
        self._collections.end()
        self._idle.built(collect=self._serving, jobs=later)  # serve: the last build's pages are garbage now

    def on_build_error(self, error):
        self._search.abandon()
        self._collections.end()
        self._idle.built()

