"""Atom feeds, site-wide and per term: valid with and without site_url, escaped, latest first."""

from __future__ import annotations

from urllib.parse import urljoin

from generator.site.feed import ATOM, FeedWriter, atom_feed
from generator.site.records import ArticleRecord

from conftest import ATOM_NS, assert_valid_atom


def records(n: int) -> list[ArticleRecord]:
    out = []
    for i in range(n):
        meta = {"title": f"Story {i} <b>&</b>\x07", "date": f"2020-01-{1 + i % 28:02d}T12:00:00+09:00" if i % 5 else None,
                "summary": "A summary with </summary> in it", "topics": ["Diplomacy", 'Say "x"']}
        out.append(ArticleRecord.from_meta(f"articles/s{i}.md", f"articles/2020/01/s{i}/", meta))
    out.sort(key=lambda r: r.sort_key, reverse=True)
    for position, r in enumerate(out):
        r.index = position
    return out


def test_term_feed_with_site_url_is_absolute_and_latest_20():
    writer = FeedWriter("News Archive", "https://example.org/archive/")
    data = writer.feed(records(40), feed_path="people/yoon/feed.xml", page_url="people/yoon/",
                       title="Yoon - News Archive", size=20)
    entries = assert_valid_atom(data)
    assert len(entries) == 20  # undated articles are left out, the newest 20 dated kept
    first = entries[0]
    assert first.findtext(ATOM_NS + "title") == "Story 27 <b>&</b>"  # escaped in XML, intact when read
    assert first.findtext(ATOM_NS + "id") == "https://example.org/archive/articles/2020/01/s27/"
    assert first.find(ATOM_NS + "link").get("href") == "https://example.org/archive/articles/2020/01/s27/"
    assert [c.get("term") for c in first.findall(ATOM_NS + "category")] == ["Diplomacy", 'Say "x"']
    assert b'href="https://example.org/archive/people/yoon/feed.xml"' in data
    updated = [e.findtext(ATOM_NS + "updated") for e in entries]
    assert updated == sorted(updated, reverse=True)


def test_feeds_without_site_url_are_valid_with_urn_ids_and_relative_links():
    writer = FeedWriter("News Archive", None)
    data = writer.feed(records(6), feed_path="people/yoon/feed.xml", page_url="people/yoon/", title="Yoon", size=20)
    entries = assert_valid_atom(data)
    assert entries[0].findtext(ATOM_NS + "id") == "urn:news-archive:articles/2020/01/s4"
    href = entries[0].find(ATOM_NS + "link").get("href")
    # Resolved against the feed's own URL, the link reaches the article.
    assert urljoin("http://h/people/yoon/feed.xml", href) == "http://h/articles/2020/01/s4/"
    site = atom_feed(records(6), site_name="News Archive", site_url=None, feed_path="feed.xml", size=30)
    entries = assert_valid_atom(site)
    assert entries[0].find(ATOM_NS + "link").get("href") == "articles/2020/01/s4/"


def test_an_empty_feed_is_still_valid():
    data = FeedWriter("A", None).feed([], feed_path="topics/x/feed.xml", page_url="topics/x/", title="X", size=20)
    assert assert_valid_atom(data) == []
    assert ATOM.encode() in data


def test_under_serve_a_feed_of_the_same_records_is_not_made_again():
    stories = records(10)
    writer = FeedWriter("News Archive", None, remember=True)
    first = writer.feed(stories, feed_path="people/yoon/feed.xml", page_url="people/yoon/", title="Yoon", size=5)
    writer.next_build()  # a rebuild: the same record objects (unchanged pages)
    assert writer.feed(stories, feed_path="people/yoon/feed.xml", page_url="people/yoon/", title="Yoon",
                       size=5) is first
    edited = ArticleRecord.from_meta(stories[0].src_uri, stories[0].url, {"title": "Edited", "date": "2020-02-01"})
    edited.index = 0
    writer.next_build()
    again = writer.feed([edited, *stories[1:]], feed_path="people/yoon/feed.xml", page_url="people/yoon/",
                        title="Yoon", size=5)
    assert again != first and b"<title>Edited</title>" in again and b"Story" in again
    assert writer.feed(stories, feed_path="people/yoon/feed.xml", page_url="people/yoon/", title="Yoon (renamed)",
                       size=5) != first  # the title is part of what it is made of
    writer.next_build()
    writer.next_build()  # two builds without it: let go
    assert writer._made == {} and writer._before == {}


def test_a_writer_for_one_build_keeps_no_feeds():
    writer = FeedWriter("News Archive", None)
    writer.feed(records(10), feed_path="people/yoon/feed.xml", page_url="people/yoon/", title="Yoon", size=5)
    assert writer._made == {}
