"""Kinds: organisations, works and venues are told from people by the words around them."""

from __future__ import annotations

import pytest

from generator.kinds import defined_acronyms, sort_names


@pytest.mark.parametrize(("name", "text", "kind"), [
    ("Harlow Menzies", "Harlow Menzies & Co said it would cut 200 jobs.", "organization"),
    ("Harlow Menzies", "Harlow Menzies said its profit rose.", "organization"),
    ("Quorvan", "Shares of Quorvan fell 3 percent.", "organization"),
    ("Dreston Valle", "Analysts at Dreston Valle expect a cut.", "organization"),
    ("Sporting Vilar", "Sporting Vilar coach Tom Hale was sacked.", "organization"),
    ("Vilar", "The striker signed for Vilar last week.", "organization"),
    ("Zorya Pravdy", "the daily Zorya Pravdy reported on Monday.", "organization"),
    ("Tenbruk", "Tenbruk news agency said the talks failed.", "organization"),
    ("Vera Lindqvist", "She starred in the film Vera Lindqvist last year.", "work"),
    ("Carl Orbin", "the aircraft carrier Carl Orbin sailed on Monday.", "work"),
    ("Mallory Oval", "Rain stopped play at Mallory Oval.", "venue"),
    # person evidence wins over a company-like context elsewhere
    ("Harlow Menzies", "Mr. Menzies left. Harlow Menzies, who founded the firm, said it was sad.", "person"),
    ("Harlow Menzies", "Harlow Menzies said he would stay.", "person"),
])
def test_kind_from_context(name: str, text: str, kind: str) -> None:
    result = sort_names([name], [text])
    found = {n: "person" for n in result.people} | {n: "organization" for n in result.organizations}
    found |= dict(result.dropped)
    assert found[name] == kind


def test_acronym_defined_in_the_text_is_an_organisation() -> None:
    text = "The Organisation of Fruit Exporting Nations (OFEN) said output would rise. OFEN met in May."
    assert defined_acronyms(text) == {"OFEN": "Organisation of Fruit Exporting Nations"}
    result = sort_names(["OFEN"], [text])
    assert result.people == ()
    assert "Organisation of Fruit Exporting Nations" in result.organizations
    # a person's country in brackets is no definition
    assert defined_acronyms("Pete Sampford (USA) beat Tim Hale (GBR).") == {}


@pytest.mark.parametrize(("text", "expected"), [
    # a team after "the", a place after "in" or "the town of", teams in a score line, a ground
    ("Devon Whitby's double won it as the Carlton Marlins beat the Reds 3-1.", ["Devon Whitby"]),
    ("A bomb went off in the market of the town of Tarsa Ourak on Sunday.", []),
    ("The attack took place in Sergov Lassad, officials said.", []),
    ("Tarvin (Germany) 75 Lobos 70", []),
    ("At The Oval (London): Surrey 290.", []),
    # ...but a person after "the" in a noun phrase stays a person
    ("Police would not comment on the Marc Doutrel case.", ["Marc Doutrel"]),
    # a plural role is cut from the name
    ("Speaker of the House of Representatives Wahyudi said all should be calm.", ["Wahyudi"]),
])
def test_finder_tells_teams_places_and_grounds_from_people(text: str, expected: list[str]) -> None:
    from generator.people import find_people

    assert find_people([text]) == expected


def test_news_agencies_named_in_the_story_are_organisations_not_people() -> None:
    from generator.kinds import sort_names

    text = ("The interview, published by Prensa Latina on Saturday, was quoted by Interfax. "
            "Ana Lucia Torres said she spoke to Ana on Friday.")
    got = sort_names(["Prensa Latina", "Interfax", "Ana Lucia Torres", "Ana"], [text])
    assert (got.people, got.organizations) == (("Ana Lucia Torres", "Ana"), ("Prensa Latina", "Interfax"))
