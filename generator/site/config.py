"""Options of the `news-archive` MkDocs plugin: a declared schema, no behaviour."""

from __future__ import annotations

import os

from mkdocs.config import base
from mkdocs.config import config_options as c


class NewsArchiveConfig(base.Config):
    enabled = c.Type(bool, default=True)

    # Conversion: run `generator.build.build_archive` (seeds/ -> content/) before each build.
    convert = c.Type(bool, default=True)
    # Project root (holds seeds/, registry/); default: the folder of mkdocs.yml.
    root = c.Optional(c.Type(str))
    # Watch seeds/ and registry/ under `mkdocs serve`.
    watch = c.Type(bool, default=True)
    # `mkdocs serve` notices saves through the system's file events, not MkDocs' polling (watching.py);
    # false where a file system delivers none (a Docker volume shared from macOS or Windows, a network drive).
    watch_native = c.Type(bool, default=True)

    # Where article pages live, relative to docs_dir.
    articles_dir = c.Type(str, default="articles")

    # Listings: articles per page on term and month pages (page 2+ at `<url>/page/N/`).
    page_size = c.Type(int, default=100)
    # Index pages (People, Places...): above this many terms, one page per initial letter.
    index_page_size = c.Type(int, default=400)
    # Home page: how many latest articles.
    latest = c.Type(int, default=20)

    # Related articles: how many, and terms mentioned by more articles than this are ignored
    # when looking for candidates (they relate everything to everything and cost quadratic time).
    related = c.Type(int, default=5)
    related_max_df = c.Type(int, default=500)
    # "Often mentioned with": how many people on a term page.
    cooccurring = c.Type(int, default=10)

    # Drop the templates' indentation from every page (lean.py): a seventh of each page's bytes.
    lean = c.Type(bool, default=True)

    # Persistent cache of rendered page content (cache.py), under the project root.
    cache = c.Type(bool, default=True)
    cache_dir = c.Type(str, default=".cache/news-archive")

    # Search: a Pagefind index of the article pages (search.py) and the search page at search/.
    search = c.Type(bool, default=True)

    # Atom feed of the latest dated articles, written to site_dir/<feed_path>.
    feed = c.Type(bool, default=True)
    feed_path = c.Type(str, default="feed.xml")
    feed_size = c.Type(int, default=30)
    # An Atom feed per person, place, organization and topic at <kind>/<slug>/feed.xml.
    term_feeds = c.Type(bool, default=True)
    term_feed_size = c.Type(int, default=20)

    # Render Material's page frame once per family of pages (articles, terms, months...) and fill
    # it in (chrome.py); false renders every page in full (slower). Each build also renders the
    # first pages of every family and this share of the others in full and compares: any
    # difference is a warning and that family is rendered in full.
    fast_chrome = c.Type(bool, default=True)
    frame_sample = c.Type(float, default=0.02)
    # Article bodies of plain escaped paragraphs (what the build writes) get their HTML without a
    # Markdown run (prose.py); false sends every body through Markdown. Each build also converts
    # the first bodies and this share of the others with Markdown and compares: any difference is
    # a warning, and the rest of the build goes through Markdown.
    plain_prose = c.Type(bool, default=True)
    prose_sample = c.Type(float, default=0.02)
    # A helper process makes site/'s folders and writes the feeds while MkDocs reads the pages
    # (write_ahead.py); false leaves both to MkDocs (slower).
    write_ahead = c.Type(bool, default=True)

    # Edit links for generated pages point at files in the repository (registry YAML,
    # page templates). Base URL of the repository root for edits, e.g.
    # "https://github.com/OWNER/REPO/edit/main/". Default: derived from repo_url + edit_uri.
    edit_root = c.Optional(c.Type(str))


def edit_root(config) -> str | None:
    """Repository-root edit URL: repo_url + edit_uri with the docs folder taken off the end."""
    if not config.repo_url or not config.edit_uri:
        return None
    edit_uri = config.edit_uri.rstrip("/") + "/"
    docs = os.path.basename(os.path.normpath(config.docs_dir)) + "/"
    if edit_uri.endswith(docs):
        edit_uri = edit_uri[: -len(docs)]
    return config.repo_url.rstrip("/") + "/" + edit_uri.lstrip("/")
