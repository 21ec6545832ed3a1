"""The built site's pictures, feeds, citable articles and timeline pages (fixture: conftest.py)."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

from conftest import ATOM_NS, HOSTILE_URL, SEED_URL, assert_valid_atom

BASE = "https://example.github.io/news-archive/"


def html(site: Path, url: str) -> str:
    return (site / url / "index.html").read_text(encoding="utf-8")


class Head(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.meta: dict[str, list[str]] = {}
        self.links: list[dict[str, str]] = []
        self.scripts: list[str] = []
        self._in_ld = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "meta" and (a.get("name") or a.get("property")):
            self.meta.setdefault(a.get("name") or a.get("property"), []).append(a.get("content", ""))
        elif tag == "link":
            self.links.append(a)
        elif tag == "script" and a.get("type") == "application/ld+json":
            self._in_ld = True
            self.scripts.append("")

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_ld = False

    def handle_data(self, data):
        if self._in_ld:
            self.scripts[-1] += data


def head(page: str) -> Head:
    parser = Head()
    parser.feed(page)
    return parser


def test_person_page_has_mentions_chart_network_and_feed(built_site):
    page = html(built_site.site, "people/yoon-suk-yeol")
    assert '<figure class="na-chart">' in page
    assert "Articles mentioning Yoon Suk-yeol per month, May 2022 to January 2023: 2 articles in 2 months" in page
    network = page[page.index('<figure class="na-net">'):]
    network = network[: network.index("</figure>")]
    assert 'href="../../people/yoshimasa-hayashi/">' in network and 'href="../../places/seoul/">' in network
    feeds = [link for link in head(page).links if link.get("type") == "application/atom+xml"]
    assert {"rel": "alternate", "type": "application/atom+xml", "title": "Yoon Suk-yeol - News Archive",
            "href": "feed.xml"} in feeds
    entries = assert_valid_atom((built_site.site / "people" / "yoon-suk-yeol" / "feed.xml").read_bytes())
    assert [e.findtext(ATOM_NS + "id") for e in entries] == [BASE + HOSTILE_URL, BASE + SEED_URL]


def test_places_and_topics_get_a_chart_but_no_network(built_site):
    for url in ("places/seoul", "topics/north-korea"):
        page = html(built_site.site, url)
        assert '<figure class="na-chart">' in page and '<figure class="na-net">' not in page


def test_every_feed_is_valid_atom(built_site):
    feeds = list(built_site.site.rglob("feed.xml"))
    terms = [p for kind in ("people", "places", "organizations", "topics") for p in (built_site.site / kind).glob("*")
             if p.is_dir() and (p / "index.html").is_file() and p.name not in ("page", "by-letter")]
    assert len(feeds) == len(terms) + 1  # one per term, and the site's
    for feed in feeds:
        assert_valid_atom(feed.read_bytes())


def test_pictures_stay_within_budget(built_site):
    page = html(built_site.site, "people/yoon-suk-yeol")
    pictures = sum(len(m) for m in re.findall(r'<figure class="na-(?:chart|net)".*?</figure>', page, re.S))
    assert 0 < pictures < 15_000


def test_article_head_carries_summary_card_and_json_ld(built_site):
    page = html(built_site.site, SEED_URL)
    h = head(page)
    summary = "Japan and South Korea agreed that their frayed relationship can be improved, Hayashi said after meeting Yoon."
    assert h.meta["description"] == [summary]  # the site's description is not printed as well
    assert h.meta["og:description"] == [summary] and h.meta["twitter:card"] == ["summary"]
    assert h.meta["og:url"] == [BASE + SEED_URL]
    assert {"rel": "canonical", "href": BASE + SEED_URL} in h.links
    (ld,) = h.scripts
    data = json.loads(ld)
    assert data["@type"] == "NewsArticle" and data["datePublished"] == "2022-05-10T17:48:00+09:00"
    assert data["dateline"] == "TOKYO (Reuters)" and data["publisher"]["name"] == "The Japan News"
    assert {"@type": "Person", "name": "Yoon Suk-yeol", "url": BASE + "people/yoon-suk-yeol/"} in data["mentions"]
    assert {"@type": "Place", "name": "Seoul", "url": BASE + "places/seoul/"} in data["mentions"]
    assert {"@type": "Thing", "name": "North Korea", "url": BASE + "topics/north-korea/"} in data["about"]


def test_hostile_article_head_is_escaped(built_site):
    page = html(built_site.site, HOSTILE_URL)
    h = head(page)
    (ld,) = h.scripts
    assert json.loads(ld)["headline"] == "<script>alert(1)</script> & </title><img src=x onerror=alert(1)>"
    assert h.meta["og:title"] == ["<script>alert(1)</script> & </title><img src=x onerror=alert(1)>"]


def test_article_cites_links_its_month_and_neighbours(built_site):
    page = html(built_site.site, SEED_URL)
    assert ("Reuters. “Japan and South Korea agree frayed ties can be improved.” The Japan News, May 10, 2022. "
            f"Archived in News Archive. {BASE}{SEED_URL}.") in page
    assert "@article{japan-and-south-2022," in page
    assert '<a class="na-dateline__date" href="../../../../timeline/2022/05/"><time' in page
    assert f'<a rel="next" href="../../../../{HOSTILE_URL}">After: ' in page
    assert 'rel="prev"' not in page  # the oldest dated article


def test_month_page_has_day_headings(built_site):
    page = html(built_site.site, "timeline/2022/05")
    assert '<h2 class="na-day" id="day-10">Tuesday, May 10</h2>' in page
    assert 'href="../../../timeline/2022/"' in page


def test_undated_page_groups_by_source_and_says_how_to_date(built_site):
    page = html(built_site.site, "timeline/undated")
    assert "1 article without a date, by source and title." in page
    assert 'id="source-1">Reuters <span class="na-count">1</span></h2>' in page
    assert "_defaults.yml" in page and "date: 2022-05-10T17:48:00+09:00" in page


def test_year_page_and_home_charts_link_months(built_site):
    year = html(built_site.site, "timeline/2022")
    assert '<a href="../../timeline/2022/05/"><title>May 2022: 1 article</title>' in year
    home = (built_site.site / "index.html").read_text(encoding="utf-8")
    assert '<a href="timeline/2022/05/"><title>May 2022: 1 article</title>' in home
    timeline = html(built_site.site, "timeline")
    assert '<a href="../timeline/2023/01/"><title>January 2023: 1 article</title>' in timeline


def test_home_shows_on_this_day_of_earlier_years(built_site):
    home = (built_site.site / "index.html").read_text(encoding="utf-8")
    section = home[home.index('id="on-this-day"'):home.index('id="latest"')]
    assert "On this day: May 10" in section and '<h3 id="on-this-day-2022">2022</h3>' in section
    assert f'href="{SEED_URL}"' in section
