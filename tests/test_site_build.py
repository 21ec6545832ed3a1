"""The built site, end to end: article page, term pages, indexes, timeline, search, feed, escaping."""

from __future__ import annotations

import gzip
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config

from generator.site import chrome

from conftest import HOSTILE_TITLE, HOSTILE_URL, SEED_URL

PEOPLE = {"Yoshimasa Hayashi": "yoshimasa-hayashi", "Fumio Kishida": "fumio-kishida",
          "Yoon Suk-yeol": "yoon-suk-yeol", "Rahm Emanuel": "rahm-emanuel"}
PLACES = ["tokyo", "seoul", "japan", "south-korea", "north-korea", "united-states"]


def html(site: Path, url: str) -> str:
    path = site / url / "index.html"
    assert path.is_file(), f"missing page {url}"
    return path.read_text(encoding="utf-8")


def test_strict_build_has_no_warnings(built_site):
    assert "WARNING" not in built_site.log


def test_article_page_shows_header(built_site):
    page = html(built_site.site, SEED_URL)
    assert "Japan and South Korea agree frayed ties can be improved" in page
    assert "TOKYO (Reuters)" in page
    assert re.search(r'<time datetime="2022-05-10T17:48:00\+09:00"[^>]*>May 10, 2022, 17:48 JST</time>', page)
    assert "The Japan News" in page and "World" in page
    assert "Machine-annotated" in page
    assert "Editors&#39; note" in page or "Editors' note" in page
    assert "We agreed that we should not leave the Japan-South Korea relations getting worse" in page
    edit = "https://github.com/example/news-archive/edit/main/content/" + SEED_URL.rstrip("/") + ".md"
    assert f'href="{edit}"' in page


def test_article_links_to_each_person_and_place(built_site):
    page = html(built_site.site, SEED_URL)
    for name, slug in PEOPLE.items():
        assert f'href="../../../../people/{slug}/">{name}</a>' in page
    for slug in PLACES:
        assert f'href="../../../../places/{slug}/"' in page


def test_person_pages_link_back(built_site):
    for slug in PEOPLE.values():
        page = html(built_site.site, f"people/{slug}")
        assert f'href="../../{SEED_URL}"' in page


def test_person_page_shows_registry_entry_and_companions(built_site):
    page = html(built_site.site, "people/yoon-suk-yeol")
    assert "President of South Korea" in page
    assert "Yoon Seok-yeol" in page
    assert "Often mentioned with" in page and 'href="../../people/yoshimasa-hayashi/"' in page


def test_term_page_has_title_canonical_and_edit_link(built_site):
    # Term pages are generated MkDocs pages: title, canonical URL and edit link like any page.
    page = html(built_site.site, "people/yoon-suk-yeol")
    assert "<title>Yoon Suk-yeol - News Archive</title>" in page
    assert '<link rel="canonical" href="https://example.github.io/news-archive/people/yoon-suk-yeol/">' in page
    assert 'href="https://github.com/example/news-archive/edit/main/registry/people.yml"' in page
    assert 'href="https://github.com/example/news-archive/edit/main/site_templates/archive/month.html"' in html(
        built_site.site, "timeline/2022/05")


def test_sitemap_lists_every_page(built_site):
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    root = ET.parse(built_site.site / "sitemap.xml").getroot()
    locs = {loc.text for loc in root.iterfind("s:url/s:loc", ns)}
    base = "https://example.github.io/news-archive/"
    for url in (SEED_URL, "", "people/", "people/yoon-suk-yeol/", "places/seoul/", "timeline/2022/05/"):
        assert base + url in locs
    assert len(locs) == len(root.findall("s:url", ns))  # no page twice
    sitemap = (built_site.site / "sitemap.xml").read_bytes()
    assert gzip.decompress((built_site.site / "sitemap.xml.gz").read_bytes()) == sitemap


def test_reused_page_frames_match_full_rendering(built_site, tmp_path, monkeypatch):
    # Every page after a family's first is filled into the cached frame (no self-check), with
    # one article per listing page so that term pages paginate: the same bytes as full rendering.
    monkeypatch.setattr(chrome, "VERIFY", 0)
    sites = {}
    for reuse in (True, False):
        site = tmp_path / f"site-{reuse}"
        config = load_config(str(built_site.project / "mkdocs.yml"), site_dir=str(site))
        options = config.plugins["news-archive"].config
        options.fast_chrome, options.page_size = reuse, 1
        build(config)
        sites[reuse] = {str(p.relative_to(site)): p.read_bytes() for p in site.rglob("*.html")}
    assert "people/yoon-suk-yeol/page/2/index.html" in sites[True]
    assert sites[True] == sites[False]


def test_indexes_timeline_and_home_list_the_article(built_site):
    site = built_site.site
    assert 'href="yoon-suk-yeol/"' in html(site, "people") or 'href="../people/yoon-suk-yeol/"' in html(site, "people")
    assert "timeline/2022/05/" in html(site, "timeline") or 'href="../timeline/2022/05/"' in html(site, "timeline")
    assert f'href="../../../{SEED_URL}"' in html(site, "timeline/2022/05")
    home = (site / "index.html").read_text(encoding="utf-8")
    assert f'href="{SEED_URL}"' in home
    assert '<strong class="na-reviewed-count">1</strong> reviewed' in home


def test_articles_are_not_in_the_navigation(built_site):
    home = (built_site.site / "index.html").read_text(encoding="utf-8")
    nav = home[home.index('md-nav--primary'):]
    nav = nav[: nav.index("</nav>")]
    assert "articles/" not in nav and "people/yoon" not in nav


def test_search_index_holds_one_entry_per_article_and_no_lunr_index(built_site):
    bundle = built_site.site / "pagefind"
    entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert list(entry["languages"]) == ["en"]  # one index whatever each page's language
    assert entry["languages"]["en"]["page_count"] == 3  # the three articles, no listing page
    assert "search index of 3 articles" in built_site.log
    assert not (built_site.site / "search" / "search_index.json").exists()
    assert not (bundle / "pagefind-ui.js").exists()  # the archive has its own interface


def test_article_marks_search_body_filters_meta_and_sort(built_site):
    page = html(built_site.site, SEED_URL)
    assert page.count("data-pagefind-body") == 1
    assert 'data-pagefind-filter="language:en"' in page and 'data-pagefind-sort="date:2022-05-10T08:48:00Z"' in page
    assert 'data-pagefind-filter="year:2022"' in page and 'data-pagefind-meta="date"' in page
    assert 'data-pagefind-meta="dateline">TOKYO (Reuters)</span>' in page
    assert 'data-pagefind-filter="source" data-pagefind-meta="source">The Japan News</span>' in page
    assert 'data-pagefind-filter="person" href="../../../../people/yoon-suk-yeol/">Yoon Suk-yeol</a>' in page
    assert '<section class="na-related" data-pagefind-ignore>' in page or "na-related" not in page
    for url in ("people/yoon-suk-yeol", "timeline", "search"):
        assert "data-pagefind-body" not in html(built_site.site, url)


def test_feed_is_valid_atom_with_raw_titles(built_site):
    root = ET.parse(built_site.site / "feed.xml").getroot()
    ns = {"a": "http://www.w3.org/2005/Atom"}
    titles = [e.findtext("a:title", namespaces=ns) for e in root.findall("a:entry", ns)]
    assert titles[0] == HOSTILE_TITLE  # newest first, text escaped by XML, not doubled
    assert "Japan and South Korea agree frayed ties can be improved" in titles
    home = (built_site.site / "index.html").read_text(encoding="utf-8")
    assert 'type="application/atom+xml"' in home and 'href="feed.xml"' in home


def test_hostile_text_is_shown_literally(built_site):
    page = html(built_site.site, HOSTILE_URL)
    assert "<script>alert" not in page
    assert "<img src=x" not in page and "<img src=\"x\"" not in page
    assert 'href="javascript:' not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "[x](javascript:alert(1))" in page
    assert "# Not a heading" in page and "<h1>Not a heading" not in page
    title = re.search(r"<title>(.*?)</title>", page, re.S).group(1)
    assert "<" not in title and "&lt;/title&gt;" in title
    assert "Reviewed" in page


def test_no_page_contains_injected_markup(built_site):
    for path in built_site.site.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        assert "<script>alert" not in text, path
        # Allowed: as escaped text, and as a JSON-LD string whose "<" and ">" are JSON escapes.
        assert "onerror=alert" not in text.replace("onerror=alert(1)&gt;", "").replace(
            "onerror=alert(1)\\u003e", ""), path


def test_page_size_does_not_grow_with_the_archive(built_site):
    # Articles are out of the nav; an article page is the chrome plus its own text.
    size = (built_site.site / SEED_URL / "index.html").stat().st_size
    assert size < 40_000


def test_404_page_has_search_and_the_indexes(built_site):
    page = (built_site.site / "404.html").read_text(encoding="utf-8")
    assert 'action="/news-archive/search/"' in page and 'name="q"' in page
    for url in ("people/", "places/", "organizations/", "topics/", "timeline/"):
        assert f'href="/news-archive/{url}"' in page


def test_every_page_has_a_skip_link_and_the_palette_toggle(built_site):
    for path in built_site.site.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        assert 'class="md-skip' in text, path
        assert 'data-md-color-media="(prefers-color-scheme)"' in text, path
