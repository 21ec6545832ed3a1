"""HTML seeds: hand-made saved pages with exact expected front-matter and body, and the rules alone."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator.annotate import Matcher, annotate
from generator.html_meta import clean_title, iso_date, publisher_name, site_in_title, spells_label
from generator.html_reader import decode_html, looks_like_html
from generator.models import ENTITY_KINDS
from generator.pages import escape_body
from generator.parse import parse_document
from generator.profiles import load_profiles, profile_from_dict
from generator.registry import load_registry
from generator.sources import read_raw

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).parent / "fixtures" / "html"
PAGES = sorted(p for p in FIXTURES.iterdir() if not p.name.endswith(".expected.json"))


@pytest.fixture(scope="module")
def profiles():
    return load_profiles(ROOT / "profiles")


@pytest.fixture(scope="module")
def matcher():
    return Matcher(load_registry(ROOT / "registry"))


def _front_matter_and_body(path: Path, profiles, matcher) -> dict:
    raw = read_raw(path, FIXTURES)
    article = parse_document(raw, profiles)
    out = annotate(article, matcher).front_matter()
    out["body"] = escape_body(article.paragraphs)
    out["problems"] = list(article.problems)
    return out


@pytest.mark.parametrize("page", [p.name for p in PAGES])
def test_saved_page(page, profiles, matcher):
    """Everything the page reader decides, exactly; the entity lists are the annotators' (and
    their own tests'), so only the language rule is checked here."""
    expected = json.loads((FIXTURES / f"{Path(page).stem}.expected.json").read_text(encoding="utf-8"))
    got = _front_matter_and_body(FIXTURES / page, profiles, matcher)
    entities = {kind: got.pop(kind) for kind in ENTITY_KINDS}
    assert got == expected
    if got["language"] != "en":
        assert entities["people"] == []  # no capitalisation guesses outside English


def test_page_junk_never_reaches_the_page(profiles, matcher):
    for page in PAGES:
        text = json.dumps(_front_matter_and_body(page, profiles, matcher), ensure_ascii=False)
        for junk in ("cookies", "Sign up", "Related stories", "Airline orders", "Kommentare", "überfällig",
                     "Read more", "Comments", "Copyright", "Front page", "Übersicht"):
            assert junk not in text, (page.name, junk)


def test_profile_junk_selectors_and_publisher_apply_to_the_profiles_host(tmp_path, matcher):
    profile = profile_from_dict({"source": "The Harbour Gazette", "hosts": ["gazette.example.org"],
                                 "junk_selectors": ["//p[contains(., 'harbour master')]"]},
                                tmp_path / "gazette.yml", "gazette")
    out = _front_matter_and_body(FIXTURES / "wire_story.html", [profile], matcher)
    assert out["source"] == "The Harbour Gazette"
    assert "harbour master" not in out["body"]
    assert "Shipping lines said" in out["body"]


@pytest.mark.parametrize("title, sites, host, headlines, expected", [
    ("Harbour Cranes Return | Daily Gazette", ["Daily Gazette"], None, (), "Harbour Cranes Return"),
    ("Daily Gazette - Harbour Cranes Return", ["Daily Gazette"], None, (), "Harbour Cranes Return"),
    ("Storm Hits Coast - NYTimes.com", [], "www.nytimes.com", (), "Storm Hits Coast"),
    ("How to Pack: The Style Eye: Style on Top: GQ", ["GQ"], "www.gq.com", (), "How to Pack"),
    ("Rates Rise | Watch News Videos Online", ["Global"], "globalnews.ca", ("Rates Rise",), "Rates Rise"),
    ("| What's Cooking", [], "www.recipe.example", ("Sweet Potato Mash",), "Sweet Potato Mash"),
    ("首脳会談の成否（写真＝ロイター）", [], None, (), "首脳会談の成否"),
    ("Brides Who Don???t Want Fluff", [], None, ("6 Brides Who Don’t Want Fluff",), "6 Brides Who Don’t Want Fluff"),
    ("Markets: What Comes Next", [], "www.example.com", (), "Markets: What Comes Next"),
    ("7 Top Stocks for 2015 (AAPL, FB)", [], "www.fool.com", ("7 Top Stocks for 2015",), "7 Top Stocks for 2015 (AAPL, FB)"),
])
def test_clean_title(title, sites, host, headlines, expected):
    assert clean_title(title, sites, host, headlines) == expected


def test_site_name_from_the_title_when_the_page_declares_none():
    assert site_in_title("Library Opens Late — Town Crier", "towncrier.example.com") == "Town Crier"
    assert site_in_title("Library Opens Late", "towncrier.example.com") is None


@pytest.mark.parametrize("name, label, expected", [
    ("Dallas Morning News", "dallasnews", True),
    ("New York Times", "nytimes", True),
    ("Los Angeles Times", "latimes", True),
    ("The Guardian", "theguardian", True),
    ("Guardian", "theguardian", False),  # a label letter left unexplained
    ("Letters to the Editor", "dallasnews", False),
    ("Wall Street Journal", "wsj", False),  # initials alone are too easily a coincidence
    ("Harbour Gazette", "", False),
])
def test_a_domain_label_spelled_by_a_name(name, label, expected):
    assert spells_label(name, label) is expected


@pytest.mark.parametrize("site, titles, host, expected", [
    # a newspaper's blog declares the blog as its site; the <title> names the newspaper
    ("Quay Letters", ["Ferry Fares Rise", "Ferry Fares Rise | Harbour Gazette"], "quayletters.harbourgazette.com",
     "Harbour Gazette"),
    ("Quay Letters", ["Harbour Gazette - Ferry Fares Rise"], "blog.harbourgazette.co.uk", "Harbour Gazette"),
    # the declared site names the registered domain: it stands
    ("The Gazette", ["Ferry Fares Rise | Harbour Gazette"], "www.thegazette.com", None),
    ("Harbour Gazette", ["Ferry Fares Rise | Harbour Gazette"], "news.harbourgazette.com", None),
    # nothing in the title spells the domain: keep what the page declared
    ("Quay Letters", ["Ferry Fares Rise | Letters"], "quayletters.harbourgazette.com", None),
    ("Quay Letters", [None, "Ferry Fares Rise"], "quayletters.harbourgazette.com", None),
    (None, ["Ferry Fares Rise | Harbour Gazette"], "harbourgazette.com", None),
])
def test_the_publisher_behind_a_blogs_site_name(site, titles, host, expected):
    assert publisher_name(site, titles, host) == expected


@pytest.mark.parametrize("parsely, section", [
    ('{"section": "Readers&#039; Letters", "pub_date": "2024-03-02T09:30:00Z"}', "Readers' Letters"),
    ('{"pub_date": "2024-03-02T09:30:00Z"}', "Quay Letters"),  # no section: the blog is one
])
def test_a_blog_of_a_newspaper_is_its_section_and_the_newspaper_its_source(tmp_path, profiles, matcher,
                                                                           parsely, section):
    page = tmp_path / "letter.html"
    story = " ".join(["The ferry from the north quay will cost two pounds more from March, the council said."] * 4)
    page.write_text(
        "<html><head><title>Ferry Fares Rise | Harbour Gazette</title>"
        '<meta property="og:title" content="Ferry Fares Rise">'
        '<meta property="og:site_name" content="Quay Letters">'
        '<meta property="og:url" content="https://quayletters.harbourgazette.com/2024/03/ferry.html">'
        f"<meta name='parsely-page' content='{parsely}'>"
        f"</head><body><article><h1>Ferry Fares Rise</h1><p>{story}</p><p>{story}</p></article></body></html>",
        encoding="utf-8")
    out = _front_matter_and_body(page, profiles, matcher)
    assert (out["source"], out["section"], out["date"]) == ("Harbour Gazette", section,
                                                            "2024-03-02T09:30:00+00:00")


@pytest.mark.parametrize("value, expected", [
    ("2014-12-29T16:08:14+00:00", "2014-12-29T16:08:14+00:00"),
    ("2014-12-29T16:08:14Z", "2014-12-29T16:08:14+00:00"),
    ("2014-12-16T11:45-0500", "2014-12-16T11:45:00-05:00"),
    ("2014-12-29", "2014-12-29"),
    ("20141229", "2014-12-29"),
    ("Mon, 29 Dec 2014 16:08:14 -0500", "2014-12-29T16:08:14-05:00"),
    ("Sunday, December 28, 2014, 9:10 PM", "2014-12-28T21:10:00"),
    ("2014-02-30", None),
    ("soon", None),
])
def test_iso_date_keeps_the_day_clock_and_offset_as_written(value, expected):
    assert iso_date(value) == expected


@pytest.mark.parametrize("text, name, expected", [
    ("<!DOCTYPE html><html><head>", "x.txt", True),
    ("<!-- saved from url=(0042) -->\n<html lang=en>", "x.txt", True),
    ("\n  <html>\n<body><p>Hi</p></body></html>", "x", True),
    ("Plain story text about <b>bold</b> claims.", "x.txt", False),
    ("Anything at all", "page.HTM", True),
])
def test_looks_like_html(text, name, expected):
    assert looks_like_html(text, name) is expected


def test_decode_html_follows_the_declared_charset():
    page = '<html><head><meta charset="windows-1252"></head><body><p>Café “quoted”</p></body></html>'
    text, encoding = decode_html(page.encode("cp1252"))
    assert "Café “quoted”" in text and encoding == "cp1252"
    page = '<html><head><meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS"></head><body>日本語</body></html>'
    text, _ = decode_html(page.encode("shift_jis"))
    assert "日本語" in text


STORY = ("The council approved the new budget on Tuesday after a long debate over school funding.",
         "Its leader said the vote showed the city could still agree on what matters.")
LINKS = ("Surfer Survives Shark Bite", "AP", "Gas under $2 a gallon in Chicago", "Reuters",
         "Pope Francis: So many tears around the world this Christmas", "Press Association",
         "AirAsia Jet Carrying 162 Passengers...")


@pytest.mark.parametrize(("lines", "expected"), [
    (STORY + LINKS, STORY),  # a closing list of other headlines and their sources
    (STORY + LINKS[:5], STORY + LINKS[:5]),  # five short lines: may be the story's own list
    (LINKS, LINKS),  # nothing but short lines: nothing to tell a list from
    (LINKS + STORY, LINKS + STORY),  # only a list that closes the text
])
def test_a_closing_list_of_links_is_not_story(lines, expected):
    from generator.html_reader import _paragraphs

    assert _paragraphs("\n".join(lines), "Budget approved", None, []) == list(expected)


SLIDE = ('<section class="slide"><h2>{head}</h2><div class="text"><p>{text}</p></div>'
         '<p class="credit">Photo: Staff</p></section>')
SLIDES = [("The Lighthouse Steps", "A stone stair of two hundred steps climbs from the quay to the lighthouse."),
          ("Gull Point", "The path follows the old telegraph line and ends at a ruined signal hut."),
          ("Chapel Hill", "A short but steep climb leads to the fishermen's chapel and its old bell.")]


def _gallery_page(slides: list[tuple[str, str]]) -> str:
    return ("<html><body><nav><ul><li><a href='/'>Home</a></li></ul></nav><div class='gallery'>"
            + "".join(SLIDE.format(head=h, text=t) for h, t in slides) + "</div></body></html>")


def test_a_slideshow_missed_by_extraction_is_read_slide_by_slide():
    from generator.html_reader import _with_gallery

    intro = "Five walks above the old harbour."
    assert _with_gallery(intro, _gallery_page(SLIDES)).split("\n") == [
        intro, *(line for slide in SLIDES for line in slide)]
    # nothing extracted at all: the slides are the story
    assert _with_gallery("", _gallery_page(SLIDES)).split("\n")[:2] == list(SLIDES[0])


@pytest.mark.parametrize("case", ["two slides", "long story", "slides say less"])
def test_the_slides_are_added_only_to_a_short_story_they_outweigh(case):
    from generator.html_reader import _with_gallery

    text = {"two slides": "Five walks.", "long story": " ".join(["word"] * 150),
            "slides say less": " ".join(["word"] * 60)}[case]
    slides = SLIDES[:2] if case == "two slides" else SLIDES
    assert _with_gallery(text, _gallery_page(slides)) == text
