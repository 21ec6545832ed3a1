"""Places from the gazetteer: countries and cities cold start, with their country; ordinary words and names are not places."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.annotate import Matcher, annotate
from generator.gazetteer import load_gazetteer
from generator.models import Article, Dateline
from generator.registry import Entity, Registry, load_registry

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def matcher() -> Matcher:
    return Matcher(load_registry(ROOT / "registry"), load_gazetteer())


def places(matcher: Matcher, *paragraphs: str, city: str | None = None, agency: str | None = None) -> tuple[str, ...]:
    article = Article(seed="seeds/x.txt", title="A story", date=None, dateline=Dateline(city, agency), source=None,
                      section=None, caption=None, summary="", paragraphs=paragraphs)
    return annotate(article, matcher).places


def test_cities_and_countries_are_found_cold_start_with_their_country(matcher: Matcher) -> None:
    found = places(matcher, "Talks in Nairobi and Cochabamba drew delegates from Ghana and Uruguay.")
    assert found == ("Nairobi", "Kenya", "Cochabamba", "Bolivia", "Ghana", "Uruguay")


def test_the_dateline_city_is_always_a_place_with_its_country(matcher: Matcher) -> None:
    assert places(matcher, "SYDNEY, May 3 - Shares fell on Tuesday.", city="Sydney")[:2] == ("Sydney", "Australia")
    # Even a city named like an ordinary word, and a town the gazetteer does not know.
    assert places(matcher, "NICE, France, May 3 - The festival opened.", city="Nice")[:2] == ("Nice", "France")
    assert places(matcher, "SMALLVILLE, Kan., May 3 - Farmers met.", city="Smallville") == ("Smallville", "United States")


def test_historical_names_are_places_of_their_own(matcher: Matcher) -> None:
    found = places(matcher, "Exports from West Germany to the Soviet Union and Burma rose, the Czechoslovakia "
                            "delegation said.")
    assert found == ("West Germany", "Soviet Union", "Burma", "Czechoslovakia")
    assert places(matcher, "The USSR said so.") == ("Soviet Union",)


def test_the_registry_keeps_priority_and_adds_aliases() -> None:
    registry = Registry({"people": [], "organizations": [], "topics": [], "places": [
        Entity("places", "Kyiv", aliases=("Kiev",)), Entity("places", "Bharat", aliases=("India",))]})
    m = Matcher(registry, load_gazetteer())
    assert places(m, "Officials in Kiev and Mumbai agreed.") == ("Kyiv", "Ukraine", "Mumbai", "Bharat")


@pytest.mark.parametrize("text", [
    "Valeska Paris testified on Monday.",
    "Estudiantes Madrid won the game.",
    "The New York Times reported the deal.",
    "Nice to see you, she said.",
    "He was reading a book and would split the bill; the mobile phone rang.",
    "Fans in Bath and Reading were told to wait.",
    "Of the ten players, Eugene Smith scored.",
])
def test_names_and_ordinary_words_are_not_places(matcher: Matcher, text: str) -> None:
    found = places(matcher, text)
    assert not {"Paris", "Madrid", "New York", "Nice", "Reading", "Split", "Mobile", "Bath", "Of", "Eugene"} & set(found)


def test_a_surname_of_a_person_in_the_story_is_not_a_place(matcher: Matcher) -> None:
    found = places(matcher, "Singer Whitney Houston arrived in Denver. Houston said she was tired.")
    assert "Houston" not in found and "Denver" in found


def test_the_countries_of_the_story_choose_between_towns_of_one_name(matcher: Matcher) -> None:
    found = places(matcher, "LONDON - Rain stopped play at Durham and Leicester.", city="London")
    assert "United States" not in found and "Durham" in found
    assert places(matcher, "Durham was hot and humid, North Carolina officials said.")[:2] == ("Durham", "United States")


def test_a_big_city_named_like_a_word_counts_inside_a_sentence(matcher: Matcher) -> None:
    assert "Phoenix" in places(matcher, "Temperatures in Phoenix reached a record.")
    assert "Phoenix" not in places(matcher, "Phoenix rose from the ashes, the myth says.")


def test_a_place_or_topic_an_editor_removed_stays_removed(tmp_path: Path) -> None:
    import shutil

    from generator.build import build_archive
    from generator.check import run_check
    from generator.config import ProjectPaths
    from generator.pages import split

    for folder in ("registry", "profiles"):
        shutil.copytree(ROOT / folder, tmp_path / folder)
    (tmp_path / "seeds").mkdir()
    seed = tmp_path / "seeds" / "story.txt"
    seed.write_text("Port reopens\nPERTH (Reuters) - The port of Fremantle reopened on Monday after a storm with heavy rain and strong winds, "
                    "officials in Canberra said.\n", encoding="utf-8")
    paths = ProjectPaths.from_root(tmp_path)
    build_archive(paths, quiet=True)
    page = next(paths.articles.rglob("*.md"))
    meta, body = split(page.read_text(encoding="utf-8"))
    assert {"Perth", "Australia", "Canberra"} <= set(meta["places"]) and "weather" in meta["topics"]
    text = page.read_text(encoding="utf-8").replace("- Canberra\n", "").replace("- weather\n", "")
    page.write_text(text, encoding="utf-8")
    seed.write_text(seed.read_text(encoding="utf-8") + "Canberra officials said ships could dock again.\n",
                    encoding="utf-8")
    build_archive(paths, quiet=True)
    meta, _ = split(page.read_text(encoding="utf-8"))
    assert "Canberra" not in meta["places"] and "weather" not in meta["topics"] and "Perth" in meta["places"]
    assert not [p for p in run_check(paths).problems if p.severity == "error"]
