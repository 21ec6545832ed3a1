"""parse.parse_document: the seed, golden fixtures, and single rules table-driven."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator.lineshapes import headline_from_sentence, is_caption, is_headline, split_sentences
from generator.models import Dateline, RawDocument
from generator.parse import parse_document
from generator.profiles import load_profiles
from generator.sources import read_raw

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).parent / "fixtures" / "parse"
SEED = ROOT / "seeds" / "000_c15d51d3465a3ed0.txt"


@pytest.fixture(scope="module")
def profiles():
    return load_profiles(ROOT / "profiles")


def _raw(text: str, seed: str = "seeds/x.txt") -> RawDocument:
    return RawDocument(path=Path("/tmp") / seed, seed=seed, text=text, encoding="utf-8", sha256="0")


def test_seed_article(profiles):
    article = parse_document(read_raw(SEED, ROOT), profiles)
    assert article.seed == "seeds/000_c15d51d3465a3ed0.txt"
    assert article.title == "Japan and South Korea agree their frayed relationship can be improved"
    assert article.date == "2022-05-10T17:48:00+09:00"
    assert article.dateline == Dateline(city="Tokyo", agency="Reuters")
    assert article.source == "The Japan News"
    assert article.section == "World"
    assert article.caption == SEED.read_text(encoding="utf-8").split("\n")[0]
    assert article.summary == (
        "Japan and South Korea have agreed that their frayed relationship can be improved, Japanese "
        "Foreign Minister Yoshimasa Hayashi said on Tuesday after meeting Yoon Seok-yeol, the new "
        "president of the neighboring nation.")
    assert len(article.paragraphs) == 8
    assert article.paragraphs[0].startswith("TOKYO (Reuters) – Japan and South Korea have agreed")
    assert article.paragraphs[4].startswith("“South Korea is an important country and cooperation … is")
    assert article.paragraphs[-1].endswith("on a “better footing.”")
    assert not any("POPULAR ARTICLE" in p or "RANKING" in p for p in article.paragraphs)
    assert article.problems == ()


def test_seed_paragraphs_are_verbatim_lines(profiles):
    lines = SEED.read_text(encoding="utf-8").split("\n")
    article = parse_document(read_raw(SEED, ROOT), profiles)
    assert list(article.paragraphs) == lines[2:10]


@pytest.mark.parametrize("fixture", sorted(p.stem for p in FIXTURES.glob("*.txt")))
def test_golden_fixture(fixture, profiles):
    article = parse_document(read_raw(FIXTURES / f"{fixture}.txt", ROOT), profiles)
    expected = json.loads((FIXTURES / f"{fixture}.expected.json").read_text(encoding="utf-8"))
    got = {
        "title": article.title, "date": article.date, "dateline": article.dateline.as_dict(),
        "source": article.source, "section": article.section, "caption": article.caption,
        "summary": article.summary, "paragraphs": list(article.paragraphs),
        "problems": list(article.problems),
    }
    assert got == expected


def test_generic_drops_trailing_headline_list_but_keeps_short_story_lines(profiles):
    text = (
        "Port Strike Ends After Two Weeks\n"
        "ROTTERDAM (Reuters) - Dock workers at Europe's largest port returned to work on Friday "
        "after unions accepted a new pay offer, ending a two-week strike.\n"
        "The deal raises wages by 4 percent this year.\n"
        "Shipping lines said it would take days to clear the backlog.\n"
        "Latest headlines\n"
        "-\n"
        "Oil Prices Slip on Demand Worries\n"
        "-\n"
        "Airline Orders Fifty New Jets\n"
        "-\n"
        "Central Bank Holds Rates Steady\n"
    )
    article = parse_document(_raw(text), profiles)
    assert article.paragraphs[-1] == "Shipping lines said it would take days to clear the backlog."
    assert len(article.paragraphs) == 3
    assert article.source is None and article.section is None


def test_story_without_junk_keeps_every_paragraph(profiles):
    text = (
        "Farmers Brace for Dry Summer\n"
        "MADRID (Reuters) - Spanish farmers are preparing for a third dry summer in a row, "
        "officials said on Tuesday.\n"
        "Reservoirs are at 40 percent of capacity.\n"
        "- Reporting by Ana Ruiz\n"
    )
    article = parse_document(_raw(text), profiles)
    assert len(article.paragraphs) == 3


def test_mid_story_junk_block_stops_at_the_next_story_paragraph(profiles):
    text = (
        "Bridge Reopens After Repairs\n"
        "OSLO (Reuters) - The city's main bridge reopened to traffic on Monday after eight months "
        "of repairs that cost far more than planned, officials said.\n"
        "Related\n"
        "Tunnel Project Delayed Again\n"
        "Engineers said the bridge's steel cables had been replaced and the deck resurfaced, and "
        "that it should now last another fifty years without major work.\n"
    )
    article = parse_document(_raw(text), profiles)
    assert [p[:9] for p in article.paragraphs] == ["OSLO (Reu", "Engineers"]


def test_headline_then_caption_then_timestamp(profiles):
    text = (
        "Trade Talks Resume in Geneva\n"
        "FILE PHOTO: Delegates arrive for talks at the World Trade Organization in Geneva.\n"
        "May 10, 2022 5:48 PM ET\n"
        "GENEVA (Reuters) – Trade ministers resumed talks on fishing subsidies on Tuesday.\n"
    )
    article = parse_document(_raw(text), profiles)
    assert article.title == "Trade Talks Resume in Geneva"
    assert article.caption.startswith("FILE PHOTO: Delegates arrive")
    assert article.date == "2022-05-10T17:48:00-04:00"
    assert article.dateline == Dateline(city="Geneva", agency="Reuters")


def test_profile_timezone_applies_to_a_time_without_zone(profiles):
    text = (
        "Pedestrians walk past a store in Tokyo in this file photo.\n"
        "2022-05-10 17:48\n"
        "TOKYO (Reuters) – Retail sales rose in April, government data showed on Tuesday.\n"
        "JN ACCESS RANKING\n-\nOne Headline Here\n-\nAnother Headline Here\n"
    )
    article = parse_document(_raw(text), profiles)
    assert article.date == "2022-05-10T17:48:00+09:00"
    assert article.source == "The Japan News"


def test_time_without_zone_stays_naive_in_generic(profiles):
    text = "Storm Hits Coast\n2022-05-10 17:48\nHeavy rain and strong winds hit the coast on Tuesday.\n"
    assert parse_document(_raw(text), profiles).date == "2022-05-10T17:48:00"


@pytest.mark.parametrize("line, expected", [
    ("Japanese Foreign Minister Yoshimasa Hayashi delivers a letter during a meeting in Seoul, "
     "South Korea May 10.", True),
    ("FILE PHOTO: Pedestrians walk past a building in central Oslo.", True),
    ("A general view of Lima is seen in this file photo.", True),
    ("Ana Ruiz speaks to reporters in Madrid in this undated file photo.", True),
    ("Mexican Army Attacked in Michoacan State - Report", False),
    ("CRICKET - LEICESTERSHIRE TAKE OVER AT TOP AFTER INNINGS VICTORY.", False),
    ("CRICKET - ENGLAND BEAT PAKISTAN BY 107 RUNS IN SECOND ONE-DAYER.", False),
    ("Jones Medical completes acquisition.", False),
    ("Officials inspect the damaged bridge in Lisbon on Monday.", True),
    ("Biden vetoes bill on student loan relief", False),
])
def test_is_caption(line, expected):
    assert is_caption(line) is expected


@pytest.mark.parametrize("line, expected", [
    ("Mexican Army Attacked in Michoacan State - Report", True),
    ("CRICKET - LEICESTERSHIRE TAKE OVER AT TOP AFTER INNINGS VICTORY.", True),
    ("Jones Medical completes acquisition.", True),
    ("FILE PHOTO: Pedestrians walk past a building in central Oslo.", False),
])
def test_is_headline(line, expected):
    assert is_headline(line) is expected


@pytest.mark.parametrize("text, expected", [
    ("The U.S. economy grew. Mr. Smith said so.", ["The U.S. economy grew.", "Mr. Smith said so."]),
    ("Prices rose 3 pct. Traders were calm!", ["Prices rose 3 pct.", "Traders were calm!"]),
    ("“It works,” he said. She agreed.", ["“It works,” he said.", "She agreed."]),
    ("No full stop here", ["No full stop here"]),
])
def test_split_sentences(text, expected):
    assert split_sentences(text) == expected


@pytest.mark.parametrize("sentence, expected", [
    ("Japan and South Korea have agreed that their frayed relationship can be improved, Japanese "
     "Foreign Minister Yoshimasa Hayashi said on Tuesday.",
     "Japan and South Korea agree their frayed relationship can be improved"),
    ("The central bank has raised interest rates for the third time this year, officials said.",
     "The central bank raises interest rates for the third time this year"),
    ("The company has denied any wrongdoing.", "The company denies any wrongdoing"),
    ("South Korea's President Yoon Suk Yeol and U.S. Secretary of State Antony Blinken discussed North "
     "Korea's missile launches on Monday, Yoon's office said.",
     "South Korea's President Yoon Suk Yeol and U.S. Secretary of State Antony Blinken discussed"),
    ("Poland's Foreign Minister will visit Yugoslavia on September 3 and 4 to revive a dialogue "
     "between the two governments which was effectively frozen in 1992.",
     "Poland's Foreign Minister will visit Yugoslavia on September 3 and 4"),
    ("Prices rose.", "Prices rose"),
])
def test_headline_from_sentence(sentence, expected):
    assert headline_from_sentence(sentence) == expected


def test_story_paragraph_before_a_later_dateline_is_kept(profiles):
    text = (
        "Ministers Meet on Energy Prices\n"
        "Energy ministers from twelve countries met on Monday to discuss soaring gas prices, with "
        "several calling for a cap on wholesale costs before the winter.\n"
        "PARIS (Reuters) - France's minister said a cap could be agreed within weeks.\n"
    )
    article = parse_document(_raw(text), profiles)
    assert article.title == "Ministers Meet on Energy Prices"
    assert len(article.paragraphs) == 2
    assert article.summary.startswith("Energy ministers from twelve countries")


def test_parse_output_piped_into_a_reader_that_stops_early_is_not_an_error(tmp_path):
    import subprocess
    import sys

    seed = tmp_path / "story.txt"
    story = "".join(f"The council approved budget line {n} on Tuesday after a long debate.\n\n" for n in range(3000))
    seed.write_text("Council approves budget\n\n" + story, encoding="utf-8")  # far more than a pipe holds
    reader = subprocess.Popen([sys.executable, "-m", "generator", "parse", "--body", str(seed)], cwd=Path(__file__).parents[1],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert reader.stdout.read(1) == b"{"
    reader.stdout.close()  # as `head -1` does
    assert reader.wait(timeout=60) == 0
    assert b"Traceback" not in reader.stderr.read()
