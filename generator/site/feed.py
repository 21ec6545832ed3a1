"""Atom feeds: the site's latest articles (`feed.xml`) and one per term (`people/<slug>/feed.xml`).

Links are absolute when `site_url` is set, and otherwise relative to the feed's own location
(Atom resolves them against the feed's URL). An `atom:id` must be an absolute IRI: the page's
URL when `site_url` is set, else a `urn:news-archive:` name built from its path, so the feeds
are valid either way. Every text is escaped; characters XML 1.0 cannot hold are dropped.

There is a feed per term (thousands at archive scale), so an article's `<entry>` is built once
per feed depth (`FeedWriter`) and each feed is the concatenation of its latest entries.
"""

from __future__ import annotations

import html
import posixpath
import re
from itertools import islice
from typing import Sequence
from urllib.parse import quote, urljoin
from xml.sax.saxutils import escape, quoteattr

from generator.site.records import ArticleRecord

ATOM = "http://www.w3.org/2005/Atom"
_NOT_XML = re.compile("[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
EPOCH = "1970-01-01T00:00:00Z"


def _x(text: str) -> str:
    """Escaped XML text, without the characters XML 1.0 cannot hold."""
    return escape(_NOT_XML.sub("", text))


def _attr(text: str) -> str:
    return quoteattr(_NOT_XML.sub("", text))


def _stamp(record: ArticleRecord) -> str:
    assert record.date is not None
    return record.date.utc


class FeedWriter:
    """Builds feeds for one site; entries are cached per feed folder depth.

    With `remember` (`mkdocs serve`, where the writer outlives a build), `feed` also keeps each
    feed it made until the next build's `next_build`: a feed of the very same record objects
    (records.py hands back the same object for an unchanged page) is not made again."""

    def __init__(self, site_name: str, site_url: str | None, remember: bool = False) -> None:
        self.site_name = site_name
        self.base = site_url.rstrip("/") + "/" if site_url else None
        self._entries: dict[tuple[str, str], str] = {}  # (article, path to the root) -> <entry>
        self.remember = remember
        # (feed path, page, title, size, id of each record) -> (the records, the feed). The
        # records are kept with it, so no other object can take their ids while it is kept.
        self._made: dict[tuple, tuple[tuple[ArticleRecord, ...], bytes]] = {}
        self._before: dict[tuple, tuple[tuple[ArticleRecord, ...], bytes]] = {}

    @classmethod
    def for_build(cls, kept: "FeedWriter | None", site_name: str, site_url: str | None,
                  remember: bool) -> "FeedWriter":
        """The writer of a build: under `serve` the last build's (`kept`), which remembers its
        feeds, unless what every feed is made of changed."""
        fresh = cls(site_name, site_url, remember)
        if kept is not None and (kept.site_name, kept.base, kept.remember) == (fresh.site_name, fresh.base, fresh.remember):
            kept.next_build()
            return kept
        return fresh

    def next_build(self) -> None:
        """A new build: its feeds may reuse the last build's; older ones are let go."""
        self._before, self._made = self._made, {}
        self._entries = {}  # keyed by page, not by record object: an edited page's entry must go

    def link(self, url: str, feed_path: str) -> str:
        """A site URL ("people/x/") as a feed at `feed_path` links to it."""
        if self.base:
            return urljoin(self.base, url)
        return "../" * feed_path.count("/") + url or "./"

    def ident(self, url: str) -> str:
        return urljoin(self.base, url) if self.base else "urn:news-archive:" + (quote(url.strip("/")) or "home")

    def entry(self, record: ArticleRecord, feed_path: str) -> str:
        key = (record.src_uri, "" if self.base else "../" * feed_path.count("/"))
        hit = self._entries.get(key)
        if hit is None:
            parts = [f"<entry><title>{_x(record.title)}</title><id>{_x(self.ident(record.url))}</id>",
                     # No rel="alternate" type="text/html": Atom reads a link without rel as the
                     # alternate (RFC 4287, 4.2.7.2) and the type is only a hint (33 bytes an entry).
                     f"<link href={_attr(self.link(record.url, feed_path))}/>",
                     f"<updated>{_stamp(record)}</updated>"]
            if record.summary:
                parts.append(f"<summary>{_x(record.summary)}</summary>")
            parts.extend(f"<category term={_attr(name)}/>" for name in record.topics)
            parts.append("</entry>")
            hit = self._entries[key] = "".join(parts)
        return hit

    def feed(self, records_newest_first: Sequence[ArticleRecord], *, feed_path: str, page_url: str,
             title: str, size: int) -> bytes:
        """The `size` newest dated articles, as Atom XML, for a feed at `feed_path` that belongs to
        the page at `page_url` ("" for home)."""
        dated = list(islice((r for r in records_newest_first if r.date is not None), max(0, size)))
        key = (feed_path, page_url, title, size, *map(id, dated)) if self.remember else None
        if key is not None:
            hit = self._made.get(key) or self._before.get(key)
            if hit is not None:
                self._made[key] = hit
                return hit[1]
        head = [f'<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="{ATOM}">',
                f"<title>{_x(title)}</title>",
                f"<id>{_x(self.ident(page_url + 'feed.xml' if page_url else feed_path))}</id>",
                f'<link rel="self" type="application/atom+xml" href={_attr(self.link(feed_path, feed_path))}/>',
                f'<link rel="alternate" type="text/html" href={_attr(self.link(page_url, feed_path))}/>',
                f"<updated>{_stamp(dated[0]) if dated else EPOCH}</updated>",
                f"<author><name>{_x(self.site_name)}</name></author>"]
        body = [self.entry(r, feed_path) for r in dated]
        data = ("".join(head) + "".join(body) + "</feed>\n").encode("utf-8")
        if key is not None:
            self._made[key] = (tuple(dated), data)
        return data


def atom_feed(records_newest_first: list[ArticleRecord], *, site_name: str, site_url: str | None,
              feed_path: str, size: int) -> bytes:
    """The site's feed of its newest `size` dated articles."""
    return FeedWriter(site_name, site_url).feed(records_newest_first, feed_path=feed_path, page_url="",
                                                title=site_name, size=size)


def term_feed_path(term_url: str) -> str:
    """"people/yoon-suk-yeol/" -> "people/yoon-suk-yeol/feed.xml"."""
    return term_url + "feed.xml"


def feed_link(term, dest_uri: str, site_name: str) -> str:
    """The `<link rel="alternate">` of a term page to its feed (relative to the page)."""
    href = posixpath.relpath(term_feed_path(term.url), posixpath.dirname(dest_uri) or ".")
    title = html.escape(f"{term.name} - {site_name}", quote=True)
    return f'<link rel="alternate" type="application/atom+xml" title="{title}" href="{html.escape(href)}">'
