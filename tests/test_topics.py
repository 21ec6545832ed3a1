"""IPTC subjects for every article, finer topics with their parent, sections mapped, agency not an organisation."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.agency import is_about_agency
from generator.annotate import Matcher, annotate
from generator.models import Article, Dateline
from generator.registry import Entity, Registry, load_registry
from generator.topics import IPTC_SUBJECTS

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def matcher() -> Matcher:
    return Matcher(load_registry(ROOT / "registry"))


def article(title: str, *paragraphs: str, section: str | None = None, agency: str | None = None) -> Article:
    return Article(seed="seeds/x.txt", title=title, date=None, dateline=Dateline("London", agency), source=None,
                   section=section, caption=None, summary="", paragraphs=paragraphs)


def test_the_registry_ships_the_17_iptc_subjects_under_their_iptc_names() -> None:
    topics = {e.name: e for e in load_registry(ROOT / "registry").entities("topics")}
    assert set(IPTC_SUBJECTS) <= set(topics)
    assert len(IPTC_SUBJECTS) == 17
    for name, entity in topics.items():
        if name not in IPTC_SUBJECTS:
            assert entity.parent in IPTC_SUBJECTS, f"finer topic {name!r} needs an IPTC parent"
        else:
            assert entity.phrases and IPTC_SUBJECTS[name] in (entity.description or "")


@pytest.mark.parametrize("title, text, subject", [
    ("CRICKET - COUNTY SCORES", "Kent beat Surrey by an innings and 12 runs. The bowler took five wickets.", "sport"),
    ("Striker signs for club", "The striker scored two goals in the league match before the transfer.", "sport"),
    ("Miller lifts dividend", "The company said net profit rose to 12 mln dlrs and it raised its quarterly dividend.",
     "economy, business and finance"),
    ("Quake hits coast", "An earthquake killed dozens and rescue workers searched collapsed buildings.",
     "disaster, accident and emergency incident"),
    ("Court jails fraudster", "A judge sentenced the man to five years in prison for fraud after a trial.",
     "crime, law and justice"),
    ("Vote called", "The prime minister called an election after parliament rejected the budget of his government.",
     "politics"),
    ("Miners walk out", "Workers began a strike over wages, the union said, and employers offered a pay rise.", "labour"),
])
def test_each_article_gets_the_subject_its_words_signal(matcher: Matcher, title: str, text: str, subject: str) -> None:
    topics = annotate(article(title, text), matcher).topics
    assert topics and topics[0] == subject


def test_a_stray_word_of_another_subject_does_not_add_it(matcher: Matcher) -> None:
    text = ("The striker scored twice as the club won the league match and the title. The coach praised the team "
            "and the fans. The club's bank sponsor was at the stadium.")
    assert annotate(article("Club wins title", text), matcher).topics == ("sport",)


def test_a_finer_topic_brings_its_parent_and_the_section_maps_onto_a_subject(matcher: Matcher) -> None:
    topics = annotate(article("Talks", "Officials discussed export controls and tariffs."), matcher).topics
    assert "Trade" in topics and "economy, business and finance" in topics
    filed = annotate(article("Weekend round-up", "The weekend was quiet.", section="Sports"), matcher).topics
    assert filed[0] == "sport"
    business = annotate(article("Week ahead", "Nothing was said.", section="Business"), matcher).topics
    assert business[0] == "economy, business and finance"


def test_a_user_topic_parent_chain_reaches_the_subject() -> None:
    registry = Registry({"people": [], "places": [], "organizations": [], "topics": [
        Entity("topics", "sport", phrases=("sport",)),
        Entity("topics", "Football", parent="sport", phrases=("football",)),
        Entity("topics", "Transfers", parent="Football", phrases=("transfer window",)),
    ]})
    topics = annotate(article("Deadline day", "The transfer window closes."), Matcher(registry)).topics
    assert topics == ("sport", "Transfers")


def test_the_dateline_agency_is_not_an_organisation_unless_the_story_is_about_it(matcher: Matcher) -> None:
    credit = article("Talks end", "LONDON (Reuters) - Talks ended without a deal, officials said.",
                     "The next round is in May. REUTER", agency="Reuters")
    assert "Reuters" not in annotate(credit, matcher).organizations
    about = article("Reuters profit rises", "LONDON (Reuters) - Reuters said its profit rose.",
                    "Reuters will pay a higher dividend, Reuters said.", agency="Reuters")
    assert is_about_agency(about, "Reuters")
    assert "Reuters" in annotate(about, matcher).organizations
    told = article("Minister speaks", "LONDON (Reuters) - The minister told Reuters the talks would go on.",
                   agency="Reuters")
    assert not is_about_agency(told, "Reuters")


def test_the_agency_as_the_reporters_conduit_is_no_subject() -> None:
    quoted = article("Grain penalty", "DHAKA (Reuters) - The agent told Reuters he applied for an extension.",
                     "An official told Reuters the request was under study, according to a Reuters survey.",
                     agency="Reuters")
    assert not is_about_agency(quoted, "Reuters")


def test_without_any_phrase_words_beginning_like_one_still_give_a_subject(matcher: Matcher) -> None:
    topics = annotate(article("Reading room", "The librarians reopened the reading room."), matcher).topics
    assert topics == ("arts, culture, entertainment and media",)
