"""Cold-start people finder: exact expected lists on the project's own sentences."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from generator.people import find_people
from generator.people_lexicon import COMMON_WORDS, EAST_ASIAN_SURNAMES, ENGLISH_WORDS, LEXICON_DIR

SEED = Path(__file__).resolve().parents[1] / "seeds" / "000_c15d51d3465a3ed0.txt"

CASES = [
    # titles and roles are not part of the name
    (
        ["German Chancellor Olaf Scholz met Canadian Prime Minister Justin Trudeau in Berlin on Monday."],
        ["Olaf Scholz", "Justin Trudeau"],
    ),
    # possessives, curly and straight, are stripped; the surname folds into the full name
    (
        ["Maria Gonzalez won the vote on Sunday.", "Gonzalez’s victory surprised analysts, and Gonzalez's rivals conceded."],
        ["Maria Gonzalez"],
    ),
    # a surname mention before... and after the full form; order of first appearance
    (
        ["Finance Minister Akira Tanabe said the yen was too strong.", "Central bank governor Helena Markova disagreed, but Tanabe stood firm."],
        ["Akira Tanabe", "Helena Markova"],
    ),
    # appositive with a role gives a name with no known first name
    (
        ["Oduya Kembeth, the ambassador to France, said talks would resume."],
        ["Oduya Kembeth"],
    ),
    # strong evidence lets a lone surname through: honorific, speech verb, title
    (
        ["Mr. Whitcombe declined to comment.", "Later Dr. Patel told reporters the trial had ended."],
        ["Whitcombe", "Patel"],
    ),
    # a lone capitalised word with no evidence is not a person
    (
        ["The plan was backed by Varnell and opposed elsewhere."],
        [],
    ),
    # honorific with an initial and a middle initial
    (
        ["Former President George W. Bush and Sen. J. Smith attended."],
        ["George W. Bush", "J. Smith"],
    ),
    # East Asian names, hyphenated given names, folding of the family name
    (
        ["South Korean President Moon Jae-in spoke with Chinese President Xi Jinping by phone.", "Moon said Xi agreed."],
        ["Moon Jae-in", "Xi Jinping"],
    ),
    # particles and Arabic prefixes stay inside the name
    (
        ["Striker Marco van Buren scored twice, and Hassan al-Rashid added a third."],
        ["Marco van Buren", "Hassan al-Rashid"],
    ),
    # sports results line: a country in brackets marks a player
    (
        ["Second round: Lindqvist (Sweden) beat Carlos Mendoza (Spain) 6-3 6-4."],
        ["Lindqvist", "Carlos Mendoza"],
    ),
    # cricket figures
    (
        ["Opener Daniel Whitmore made 84 before off-spinner Rakesh Varma took four for 38."],
        ["Daniel Whitmore", "Rakesh Varma"],
    ),
    # places, organisations, nationalities, months and weekdays are rejected
    (
        [
            "In March, the Bank of England and Goldman Sachs Group Inc met in New York.",
            "Australian officials flew to South Africa on Tuesday, the Foreign Ministry said.",
            "Manchester United beat Real Madrid at Old Trafford.",
        ],
        [],
    ),
    # sentence-initial ordinary words are not names
    (
        ["Trailing by 20 points, the team rallied.", "Analysts said the Human Rights Council would meet."],
        [],
    ),
    # newspapers and agencies
    (
        ["The Washington Post and the Financial Times reported the deal, citing Reuters."],
        [],
    ),
    # a list of players where most are clearly people
    (
        ["Squad: Tom Harlow, Peter Quist, Daniel Oyelaran, Brennick, Sam Ostrowski."],
        ["Tom Harlow", "Peter Quist", "Daniel Oyelaran", "Brennick", "Sam Ostrowski"],
    ),
]


@pytest.mark.parametrize(("paragraphs", "expected"), CASES)
def test_find_people_cases(paragraphs: list[str], expected: list[str]) -> None:
    assert find_people(paragraphs) == expected


def test_extra_text_gives_fuller_form_but_no_weak_new_person() -> None:
    paragraphs = ["Hayward said the bridge would reopen in May."]
    caption = "Transport Minister Elaine Hayward visits the site with engineer Colby Tremaine."
    # the caption supplies the full form of the story's "Hayward"
    assert find_people(paragraphs, extra_text=[caption]) == ["Elaine Hayward", "Colby Tremaine"]
    # a caption name with no evidence adds nobody
    assert find_people(paragraphs, extra_text=["Crowds near Kettering Dunmore on Friday."]) == ["Hayward"]
    # a byline block is a person
    assert find_people(["The vote was close."], extra_text=["By Jane Okafor"]) == ["Jane Okafor"]


def test_extra_text_variant_spelling_is_not_a_second_person() -> None:
    paragraphs = ["President Lee Jae-myung arrived on Monday."]
    assert find_people(paragraphs, extra_text=["President Lee Jae-Myung waves."]) == ["Lee Jae-myung"]


# East Asian family names come from national rankings (lexicon/east_asian_surnames.txt). One of
# them makes a capitalised pair a person even when the given name is an English word, which alone
# would make the pair ordinary English ("Fang", "Wing").
@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        (["The committee thanked Hsieh Fang for the report."], ["Hsieh Fang"]),
        (["Delegates applauded Goh Wing at the forum."], ["Goh Wing"]),
        (["Zhao Weilun said the harvest was late."], ["Zhao Weilun"]),
        (["Officials met Teo Chee Hean and Byun Kyu-ho in Seoul."], ["Teo Chee Hean", "Byun Kyu-ho"]),
    ],
)
def test_east_asian_family_name_makes_a_person(paragraphs: list[str], expected: list[str]) -> None:
    assert find_people(paragraphs) == expected


# A romanised family name that is also an English word is left out of the list: it would make
# places, firms and eras people.
@pytest.mark.parametrize(
    "paragraph",
    [
        "The band toured Long Beach and Orange County.",
        "Passengers booked Pan Am flights for the holiday.",
        "Historians praised Tang Dynasty poetry.",
        "Researchers studied Lung Cancer Tumors in mice.",
    ],
)
def test_family_name_that_is_an_english_word_makes_no_person(paragraph: str) -> None:
    assert find_people([paragraph]) == []


# A lone capitalised word after a title or before "said" is a person only if it is no ordinary
# English word, or a common family name that is one (word_surnames.txt).
@pytest.mark.parametrize(
    "paragraph, expected",
    [
        ("Tourists filled the five-star Regent Hotel on the harbour.", []),
        ("In 1901 the Boxer Rising officially ended.", []),
        ("The bill went to a Senate Agriculture Appropriations hearing.", []),
        ("Secretary Baker said the talks were useful.", ["Baker"]),
        ("Governor Brown and Senator Rice attended.", ["Brown", "Rice"]),
        ("Minister Okonjo said the budget would pass.", ["Okonjo"]),
    ],
)
def test_a_lone_ordinary_word_is_a_person_only_as_a_family_name(paragraph: str, expected: list[str]) -> None:
    assert find_people([paragraph]) == expected


def test_english_word_family_names_are_census_names_that_are_english_words() -> None:
    from generator.people_lexicon import WORD_SURNAMES

    assert {"baker", "rice", "young", "bush", "brown", "king"} <= WORD_SURNAMES
    assert not {"hotel", "rising", "computer", "appropriations"} & WORD_SURNAMES
    assert all(w in ENGLISH_WORDS or w[:-1] in ENGLISH_WORDS for w in WORD_SURNAMES)


def test_east_asian_family_names_hold_no_english_or_common_word() -> None:
    assert not EAST_ASIAN_SURNAMES & (ENGLISH_WORDS | COMMON_WORDS)
    assert all(len(name) > 1 for name in EAST_ASIAN_SURNAMES)
    # pinyin, Wade-Giles, Cantonese, Hokkien, Korean and Vietnamese spellings are all there
    assert {"zhang", "hsu", "cheung", "ng", "lim", "teo", "kim", "choi", "yoon", "nguyen"} <= EAST_ASIAN_SURNAMES
    assert not {"he", "ma", "do", "ho", "long", "song", "sun", "park"} & EAST_ASIAN_SURNAMES


@pytest.mark.parametrize("tool, script, lexicon", [
    ("pypinyin", "make_east_asian_surnames.py", "east_asian_surnames.txt"),
    ("names", "make_word_surnames.py", "word_surnames.txt"),  # ships the census file
])
def test_a_lexicon_regenerates_from_its_sources(tool: str, script: str, lexicon: str) -> None:
    pytest.importorskip(tool)  # a regeneration-time tool (a test extra), not a dependency
    import subprocess
    import sys

    out = subprocess.run([sys.executable, str(LEXICON_DIR / script)], capture_output=True, text=True, check=True).stdout
    assert out == (LEXICON_DIR / lexicon).read_text(encoding="utf-8")


def _seed_story() -> list[str]:
    lines = SEED.read_text(encoding="utf-8").splitlines()
    return lines[2:10]


def test_seed_story() -> None:
    expected = ["Yoshimasa Hayashi", "Yoon Seok-yeol", "Fumio Kishida", "Rahm Emanuel"]
    assert find_people(_seed_story()) == expected
    caption = SEED.read_text(encoding="utf-8").splitlines()[0]
    assert find_people(_seed_story(), extra_text=[caption]) == expected


def test_speed() -> None:
    paragraphs = _seed_story() * 3  # about 600 words
    find_people(paragraphs)
    start = time.perf_counter()
    for _ in range(50):
        find_people(paragraphs)
    per_call = (time.perf_counter() - start) / 50
    assert per_call < 0.01  # the budget is ~2 ms; leave room for a slow CI machine
