"""Names parsed as names: role prefixes, particles, initials, suffixes, entities (own sentences)."""

from __future__ import annotations

import pytest

from generator.names import _plain_split, initials_fit, is_role_prefix, is_suffix, parsed_parts, parts
from generator.people import find_people


@pytest.mark.parametrize(("text", "expected"), [
    # role prefixes are cut, not kept as a first name
    ("Fly-half Toby Carrow kicked two penalties.", ["Toby Carrow"]),
    ("Tesla-CEO Elmer Voss said the plant would open.", ["Elmer Voss"]),
    ("Pan-democrat Lam Cheuk-ting was arrested on Monday.", ["Lam Cheuk-ting"]),
    ("Administrator Bolden said the launch was on.", ["Bolden"]),
    ("Secretary of State Harold Penrick met the envoy.", ["Harold Penrick"]),
    # particles stay inside the name, also two in a row
    ("Dutch coach Henk ten Vaart said he was happy.", ["Henk ten Vaart"]),
    ("Ricardo Lopez de la Cruz said the bill would pass.", ["Ricardo Lopez de la Cruz"]),
    ("Osama bin Rashid and Abu Musab al-Harbi were named.", ["Osama bin Rashid", "Abu Musab al-Harbi"]),
    # a middle initial without its full stop, suffixes with theirs
    ("President George W Bush said the talks went well.", ["George W Bush"]),
    ("Martin Luther King Jr. spoke in the hall.", ["Martin Luther King Jr."]),
    ("Al Unser Jr. won the race.", ["Al Unser Jr."]),
    # HTML entities left in a scraped page are decoded
    ("Manager Sam O&#39;Brien said the side was ready.", ["Sam O'Brien"]),
    # East Asian names, family name first, hyphenated given names
    ("Kim Jong Un met Moon Jae-in at the border.", ["Kim Jong Un", "Moon Jae-in"]),
])
def test_names_are_parsed_as_names(text: str, expected: list[str]) -> None:
    assert find_people([text]) == expected


def test_role_prefix_rules() -> None:
    assert is_role_prefix("Fly-half") and is_role_prefix("Tesla-CEO") and is_role_prefix("Pan-democrat")
    assert is_role_prefix("Administrator")
    # given names and East Asian given names are not roles
    assert not is_role_prefix("Cheuk-ting") and not is_role_prefix("Jean-Pierre") and not is_role_prefix("Jae-in")
    assert not is_role_prefix("Dean")  # a title that is also a common given name
    assert is_suffix("Jr.") and is_suffix("III") and not is_suffix("jr") and not is_suffix("Junior")


def test_parts_and_initials() -> None:
    assert parts("Brian Lara").surname == "lara"
    assert parts("Gerrie van der Westhuizen").surname == "westhuizen"
    assert parts("Lara").surname == "lara"
    assert initials_fit(parts("B. Lara"), parts("Brian Lara"))
    assert initials_fit(parts("Lara"), parts("Brian Charles Lara"))
    assert initials_fit(parts("George W Bush"), parts("George Walker Bush"))
    assert not initials_fit(parts("C. Lara"), parts("Brian Lara"))
    assert not initials_fit(parts("Lara"), parts("Brian Laraway"))


def test_english_results_table_still_gets_the_people_finder() -> None:
    from generator.annotate import looks_english

    table = ["Leading results at the city athletics meeting on Friday:", "Women's 100 metres hurdles",
             "1. Jola Marrant (Jamaica) 12.61", "2. Tove Sandvik (Norway) 12.70", "Men's 400 metres",
             "1. Ravi Otieno (Kenya) 44.9 seconds", "2. Piet Hoorn (Netherlands) 45.1 in the final"]
    assert looks_english(table)
    assert not looks_english(["Die Regierung hat am Montag erklärt, dass die neuen Regeln für alle "
                              "gelten sollen und der Minister sie verteidigt."])
    assert not looks_english(["El gobierno dijo el lunes que las nuevas normas se aplicarán a todos los "
                              "ciudadanos del país."])


PLAIN = ["George Bush", "George W Bush", "George W. Bush", "B. Lara", "Kim Jong Un", "Yoon Suk-yeol",
         "Mary Ann Smith Jones", "Jean-Claude Juncker", "Ban Ki-moon"]
NOT_PLAIN = ["Henk ten Cate", "John Smith Jr", "Sir Elton John", "Dr Who", "Abu Bakar", "Ali bin Ali",
             "Osama Bin Laden", "Madonna", "Vincent van Gogh", "Martin Luther King III", "Smith, John",
             "A B C D E", "O'Neill Paul", "JOHN SMITH", "Pope Francis"]


@pytest.mark.parametrize("name", PLAIN + NOT_PLAIN)
def test_plain_names_skip_nameparser_with_the_same_result(name: str) -> None:
    assert (_plain_split(name) is not None) == (name in PLAIN)  # the shortcut is taken exactly there
    assert parts(name) == parsed_parts(name)
