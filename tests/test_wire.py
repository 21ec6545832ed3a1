"""Wire and plain-text layouts: hard wrapping, wire timestamps, datelines, entities, stray bytes."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.datelines import match_dateline
from generator.dates import parse_timestamp
from generator.models import ArticleError, RawDocument
from generator.parse import parse_document
from generator.profiles import load_profiles
from generator.sources import read_raw
from generator.wire import decode_entities, unwrap, wrap_width

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def profiles():
    return load_profiles(ROOT / "profiles")


def _raw(text: str) -> RawDocument:
    return RawDocument(path=Path("/tmp/x.txt"), seed="seeds/x.txt", text=text, encoding="utf-8", sha256="0")


WRAPPED = (
    "    WASHINGTON, Feb 26 - The Tower Commission's comments on the chief\n"
    "of staff Donald Regan could end his tenure, while Secretary of State George\n"
    "Shultz and Defense Secretary Caspar Weinberger were criticised less, and\n"
    "officials said the report would be published in full.\n"
    "    Regan did not comment.\n"
)


def test_unwrap_joins_wrapped_lines_and_keeps_indented_paragraph_starts():
    assert unwrap(WRAPPED).split("\n") == [
        "WASHINGTON, Feb 26 - The Tower Commission's comments on the chief of staff Donald Regan could "
        "end his tenure, while Secretary of State George Shultz and Defense Secretary Caspar Weinberger "
        "were criticised less, and officials said the report would be published in full.",
        "Regan did not comment.",
        "",
    ]


def test_unwrap_keeps_blank_line_paragraphs_and_leaves_unwrapped_text_alone():
    text = "A short headline\n\nOne paragraph on one long line " + "word " * 30 + "\n\nAnother.\n"
    assert wrap_width(text.split("\n")) is None
    assert unwrap(text) == text
    wrapped = "\n".join(["x" * 60 + " word", "continues here and ends.", "", "y" * 60 + " word",
                         "z" * 60 + " word", "last line."])
    assert unwrap(wrapped).split("\n") == [
        "x" * 60 + " word continues here and ends.", "", "y" * 60 + " word " + "z" * 60 + " word last line."]


def test_a_name_split_across_a_line_end_survives(profiles):
    article = parse_document(_raw("TOWER REPORT OUT\n\n" + WRAPPED), profiles)
    assert "Secretary of State George Shultz and" in article.paragraphs[0]
    assert len(article.paragraphs) == 2


@pytest.mark.parametrize("line, iso", [
    ("26-FEB-1987 15:18:59.34", "1987-02-26T15:18:59"),
    ("3-MAR-1987 09:01:02.10", "1987-03-03T09:01:02"),
    ("26-Feb-1987 15:18", "1987-02-26T15:18:00"),
])
def test_wire_timestamp(line, iso):
    assert parse_timestamp(line).iso == iso


def test_wire_timestamp_is_the_date_never_a_paragraph(profiles):
    text = "26-FEB-1987 15:18:59.34\nBAKER SEES NO CHANGE\nWASHINGTON, Feb 26 - Treasury Secretary James Baker said on Thursday the dollar was stable.\nReuter\n"
    article = parse_document(_raw(text), profiles)
    assert article.date == "1987-02-26T15:18:59"
    assert not any("1987" in p for p in article.paragraphs)
    assert not any("gives no year" in p for p in article.problems)


def test_year_less_dateline_takes_the_timestamps_year(profiles):
    text = "2-MAR-1987 01:05:00.00\nBAKER SEES NO CHANGE\nWASHINGTON, March 1 - Treasury Secretary James Baker said on Sunday the dollar was stable.\n"
    assert parse_document(_raw(text), profiles).date == "1987-03-01"
    text = "2-JAN-1988 01:05:00.00\nYEAR END\nNEW YORK, Dec 31 - Stocks closed the year higher on Thursday, traders said.\n"
    assert parse_document(_raw(text), profiles).date == "1987-12-31"


@pytest.mark.parametrize("lead, city, agency", [
    ("(CNN) -- Police said on Monday that the suspect fled.", None, "CNN"),
    ("SÃO PAULO (Reuters) - Brazil's central bank held rates.", "São Paulo", "Reuters"),
    ("München (dpa) - Die Polizei hat am Montag einen Mann festgenommen.", "München", "dpa"),
    ("SURABAYA, Indonesia/JAKARTA (Reuters) - Rescuers found more bodies.", "Surabaya", "Reuters"),
    ("BERLIN (DPA) - The government said on Monday it would act.", "Berlin", "dpa"),
    ("KUALA LUMPUR (Bernama) -- The minister said on Monday it would act.", "Kuala Lumpur", "Bernama"),
    ("(Yonhap) -- North Korea fired a missile on Monday, officials said.", None, "Yonhap"),
])
def test_dateline_forms(lead, city, agency):
    found = match_dateline(lead)
    assert found is not None and (found.city, found.agency) == (city, agency)


@pytest.mark.parametrize("lead", [
    "Ashraf Eassa (Qualcomm): The chip maker said it expects growth this year.",
    "(Update) - The figures were revised on Monday.",
    "(Reuters): a colon after a lone agency is a label, not a dateline.",
])
def test_not_datelines(lead):
    assert match_dateline(lead) is None


def test_entities_decoded_but_a_bare_ampersand_kept():
    assert decode_entities("Pascal Pap&#233; of AT&T &amp; R&D, &eacute;t&eacute; &#x263A; REUTER &#3;") == \
        "Pascal Papé of AT&T & R&D, été ☺ REUTER "


def test_stray_nul_bytes_are_dropped_with_a_warning(tmp_path, profiles):
    seed = tmp_path / "nul.txt"
    seed.write_bytes(b"Dam Opens\nThe new dam\x00 opened on Monday, officials said.\x00\x00\n")
    raw = read_raw(seed, tmp_path)
    assert "\x00" not in raw.text and raw.notes == ("dropped 3 stray control characters (NUL)",)
    assert parse_document(raw, profiles).problems[0] == "dropped 3 stray control characters (NUL)"


def test_mostly_nul_and_utf16_without_bom_are_named(tmp_path):
    (tmp_path / "nul.txt").write_bytes(b"\x00" * 500 + b"text")
    with pytest.raises(ArticleError, match="looks binary"):
        read_raw(tmp_path / "nul.txt", tmp_path)
    (tmp_path / "u16.txt").write_bytes("A story saved as UTF-16 without a byte-order mark.".encode("utf-16-le"))
    with pytest.raises(ArticleError, match="UTF-16 text without a byte-order mark"):
        read_raw(tmp_path / "u16.txt", tmp_path)


def test_one_sentence_a_line_copy_keeps_its_headline_and_dateline_apart():
    lines = ["HOCKEY - NORTHERN CLUBS TAKE THE LEAD AFTER A LONG AND WET WEEKEND.", "OSLO 1996-08-30",
             "Northern Lights beat Fjord Rovers 4-2 on Friday in front of 3,000 fans.",
             "Harbour City drew with Glacier United 1-1 after a goalless first half.",
             "Coastal Eagles and Valley Stars meet on Sunday in the last match (halftime",
             "2-1)"]
    assert wrap_width(lines) is not None
    assert unwrap("\n".join(lines)).split("\n") == lines[:4] + [lines[4] + " 2-1)"]


def test_an_upper_case_wire_headline_is_not_joined_to_its_table():
    lines = ["NORTHERN WIDGET MAKERS INC <NWM> 2ND QTR DEC 31", "BERGEN, March 2 - Shr nine cts vs eight cts",
             "Net 98,000 vs 97,000", "Sales 3,945,000 vs 2,106,000", "Shr 17 cts vs 18 cts and more here"]
    assert wrap_width(lines) is not None
    assert unwrap("\n".join(lines)).split("\n")[0] == lines[0]
