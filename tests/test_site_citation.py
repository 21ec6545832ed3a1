"""Citation text, BibTeX, page metadata and JSON-LD of an article, and their escaping."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser

from generator.site.citation import (TermRef, bibtex, bibtex_escape, cite_text, description, head_html,
                                     news_article, script_json)
from generator.site.records import ArticleRecord

URL = "https://example.github.io/news-archive/articles/2022/05/japan-and-south-korea-agree/"


def record(**meta) -> ArticleRecord:
    base = {"title": "Japan and South Korea agree frayed ties can be improved",
            "date": "2022-05-10T17:48:00+09:00", "dateline": {"city": "Tokyo", "agency": "Reuters"},
            "source": "The Japan News", "section": "World",
            "summary": "Japan and South Korea agreed that their frayed relationship can be improved."}
    base.update(meta)
    return ArticleRecord.from_meta("articles/2022/05/japan-and-south-korea-agree.md",
                                   "articles/2022/05/japan-and-south-korea-agree/", base)


def test_cite_text_chicago_newspaper_style():
    assert cite_text(record(), url=URL, site_name="News Archive") == (
        "Reuters. “Japan and South Korea agree frayed ties can be improved.” The Japan News, May 10, 2022. "
        f"Archived in News Archive. {URL}.")


def test_cite_text_without_agency_source_or_date():
    r = record(dateline={}, source=None, date=None, title="Who pays?")
    assert cite_text(r, url="articles/x/", site_name="A") == "“Who pays?” n.d. Archived in A. articles/x/."


def test_bibtex_entry():
    assert bibtex(record(), url=URL, site_name="News Archive") == (
        "@article{japan-and-south-2022,\n"
        "  title = {{Japan and South Korea agree frayed ties can be improved}},\n"
        "  author = {{Reuters}},\n"
        "  journal = {The Japan News},\n"
        "  year = {2022},\n"
        "  month = {may},\n"
        "  date = {2022-05-10},\n"
        f"  url = {{{URL}}},\n"
        "  note = {Archived in News Archive}\n"
        "}")


def test_bibtex_escapes_special_characters():
    assert bibtex_escape(r"50% of {R&D} costs $5 #1 a_b ^ ~ \x") == (
        r"50\% of \textbraceleft{}R\&D\textbraceright{} costs \$5 \#1 a\_b \^{} \~{} \textbackslash{}x")
    entry = bibtex(record(title="}\n@misc{evil, title={x}"), url=URL, site_name="A")
    depth, depths = 0, []
    for ch in entry:  # braces balanced, the entry's own closed only by its last character
        depth += {"{": 1, "}": -1}.get(ch, 0)
        depths.append(depth)
    assert min(depths[entry.index("{"):-1]) >= 1 and depths[-1] == 0
    assert "title = {{\\textbraceright{} @misc\\textbraceleft{}evil" in entry


def _script(head: str) -> str:
    (body,) = re.findall(r'<script type="application/ld\+json">(.*?)</script>', head, re.S)
    return body


def test_json_ld_news_article():
    terms = [TermRef("people", "Yoon Suk-yeol", "https://x/people/yoon-suk-yeol/"),
             TermRef("places", "Seoul", "https://x/places/seoul/"),
             TermRef("organizations", "Reuters", "https://x/organizations/reuters/"),
             TermRef("topics", "Diplomacy", "https://x/topics/diplomacy/")]
    data = news_article(record(), url=URL, site_name="News Archive", site_url="https://x/", terms=terms,
                        original_url="https://japannews.example/article/1")
    assert data["@type"] == "NewsArticle" and data["headline"].startswith("Japan and South Korea")
    assert data["datePublished"] == "2022-05-10T17:48:00+09:00"
    assert data["dateline"] == "TOKYO (Reuters)"
    assert data["publisher"] == {"@type": "Organization", "name": "The Japan News"}
    assert data["mentions"] == [{"@type": "Person", "name": "Yoon Suk-yeol", "url": "https://x/people/yoon-suk-yeol/"},
                                {"@type": "Place", "name": "Seoul", "url": "https://x/places/seoul/"},
                                {"@type": "Organization", "name": "Reuters", "url": "https://x/organizations/reuters/"}]
    assert data["about"] == [{"@type": "Thing", "name": "Diplomacy", "url": "https://x/topics/diplomacy/"}]
    assert data["isBasedOn"] == "https://japannews.example/article/1"
    assert data["mainEntityOfPage"] == URL


def test_json_ld_cannot_close_its_script_element():
    hostile = "</script><script>alert(1)</script><!-- & \u2028"
    head = head_html(record(title=hostile, summary=hostile), url=URL, absolute=True, site_name="A",
                     site_url="https://x/", terms=[TermRef("people", hostile, "https://x/people/p/")])
    body = _script(head)
    assert "<" not in body and ">" not in body and "&" not in body
    data = json.loads(body)
    assert data["headline"] == hostile.strip() and data["mentions"][0]["name"] == hostile
    assert script_json({"a": "</script>"}) == '{"a":"\\u003c/script\\u003e"}'


class _Meta(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.meta: dict[str, str] = {}

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "meta":
            self.meta[a.get("name") or a.get("property")] = a["content"]


def test_head_tags_carry_summary_and_card():
    parser = _Meta()
    parser.feed(head_html(record(title='Say "hi" <b>'), url=URL, absolute=True, site_name="News Archive",
                          site_url="https://x/", terms=[]))
    m = parser.meta
    assert m["og:description"] == "Japan and South Korea agreed that their frayed relationship can be improved."
    assert m["og:title"] == 'Say "hi" <b>'  # escaped in the attribute, intact when read
    assert "twitter:title" not in m and "twitter:description" not in m  # X falls back to og:*
    assert m["og:type"] == "article" and m["og:url"] == URL and m["twitter:card"] == "summary"
    assert m["article:published_time"] == "2022-05-10T17:48:00+09:00"


def test_without_site_url_no_og_url_and_no_summary_no_description():
    parser = _Meta()
    parser.feed(head_html(record(summary=None), url="../../x/", absolute=False, site_name="A", site_url=None,
                          terms=[]))
    assert "og:url" not in parser.meta and "og:description" not in parser.meta
    assert "og:title" in parser.meta


def test_long_summaries_are_cut_at_a_word():
    text = description(record(summary="word " * 200))
    assert len(text) <= 300 and text.endswith("word…")


def test_only_web_addresses_become_is_based_on():
    assert record(url="https://japannews.example/a?b=1").original_url == "https://japannews.example/a?b=1"
    for bad in ("javascript:alert(1)", "ftp://x/y", 'https://x/"><script>', "not a url", 42, None):
        assert record(url=bad).original_url is None
