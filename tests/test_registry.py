"""Registry loading and matching registry names in article text."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator import annotate as annotate_module
from generator.annotate import Matcher, annotate
from generator.models import Article, ArticleError, Dateline
from generator.registry import Entity, Registry, load_entities, load_registry, name_tokens

ROOT = Path(__file__).resolve().parents[1]


def registry(**kinds: list[Entity]) -> Registry:
    return Registry({k: v for k, v in kinds.items()})


def article(*paragraphs: str, caption: str | None = None, agency: str | None = None) -> Article:
    return Article(seed="seeds/x.txt", title="T", date=None, dateline=Dateline(None, agency), source=None,
                   section=None, caption=caption, summary="", paragraphs=paragraphs)


@pytest.fixture
def no_finder(monkeypatch):
    monkeypatch.setattr(annotate_module.people_finder, "find_people", lambda paragraphs, extra_text=(): [])


def test_name_tokens_ignore_case_accents_and_apostrophes() -> None:
    assert name_tokens("Yoon Suk-Yeol") == ("yoon", "suk", "yeol")
    assert name_tokens("Kishida’s") == name_tokens("Kishida's") == ("kishida", "s")
    assert name_tokens("José Ramos-Horta") == ("jose", "ramos", "horta")


def test_find_by_alias_and_canonical() -> None:
    reg = registry(people=[Entity("people", "Yoon Suk-yeol", aliases=("Yoon Seok-yeol",))])
    assert reg.find("people", "yoon seok-yeol").name == "Yoon Suk-yeol"
    assert reg.find("people", "Yoon Suk-Yeol").slug == "yoon-suk-yeol"
    assert reg.find("people", "Yoon") is None


def test_shipped_registry_loads() -> None:
    reg = load_registry(ROOT / "registry")
    assert reg.find("people", "Yoon Seok-yeol").name == "Yoon Suk-yeol"
    assert reg.find("places", "U.S.").name == "United States"
    assert reg.find("topics", "Japan-South Korea relations").name == "Japan–South Korea relations"


@pytest.mark.parametrize("text, message", [
    ("name: x\n", "must be a YAML list of entries"),
    ("- name: [\n", "not valid YAML"),
    ("- aliases: [a]\n", "(entry 1): 'name' must be a non-empty string"),
    ("- name: A\n  alias: [b]\n", "(entry 1): unknown key(s) alias"),
    ("- name: A\n- name: B\n  aliases: [1, '']\n", "(entry 2): 'aliases' must be a list of non-empty strings"),
    ("- name: A\n  reviewed: maybe\n", "'reviewed' must be true or false"),
])
def test_bad_registry_file_names_file_and_entry(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "people.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ArticleError) as info:
        load_entities(path, "people")
    assert str(path) in str(info.value)
    assert message in str(info.value)


def test_matching_respects_word_boundaries_and_longest_spelling(no_finder) -> None:
    reg = registry(places=[Entity("places", "Korea"), Entity("places", "North Korea"), Entity("places", "Oman")])
    result = annotate(article("North Korea fired a missile; Romania and the Omani navy watched."), Matcher(reg))
    assert result.places == ("North Korea", "Romania")  # Romania from the gazetteer; no "Oman" in "Omani"


def test_acronym_spellings_match_case_exactly(no_finder) -> None:
    reg = registry(places=[Entity("places", "United States", aliases=("US", "U.S."))])
    assert annotate(article("Let us go."), Matcher(reg)).places == ()
    assert annotate(article("The U.S. envoy spoke."), Matcher(reg)).places == ("United States",)


def test_proper_names_need_a_capital_but_topics_do_not(no_finder) -> None:
    reg = registry(places=[Entity("places", "Nice")],
                   topics=[Entity("topics", "Trade", phrases=("export controls",))])
    result = annotate(article("It was a nice day. Export Controls were discussed."), Matcher(reg))
    assert result.places == ()
    assert result.topics == ("Trade",)


def test_people_in_order_of_first_mention_with_possessive(no_finder) -> None:
    reg = registry(people=[Entity("people", "Fumio Kishida"), Entity("people", "Yoon Suk-yeol",
                                                                       aliases=("Yoon Seok-yeol",))])
    result = annotate(article("Yoon Seok-yeol met aides.", "Fumio Kishida’s letter arrived."), Matcher(reg))
    assert result.people == ("Yoon Suk-yeol", "Fumio Kishida")


def test_caption_counts_and_dateline_agency_does_not(no_finder) -> None:
    reg = registry(organizations=[Entity("organizations", "Reuters")], places=[Entity("places", "Tokyo")])
    result = annotate(article("TOKYO (Reuters) – Talks began.", caption="A view of Tokyo.", agency="Reuters"),
                      Matcher(reg))
    assert result.organizations == ()
    assert result.places == ("Tokyo", "Japan")  # a city brings its country (gazetteer)


def test_finder_names_are_mapped_filtered_and_kept(monkeypatch) -> None:
    found = ["Yoon Seok-yeol", "Hayashi", "South Korea", "Jane Doe"]
    monkeypatch.setattr(annotate_module.people_finder, "find_people", lambda paragraphs, extra_text=(): found)
    reg = registry(people=[Entity("people", "Yoon Suk-yeol", aliases=("Yoon Seok-yeol",)),
                           Entity("people", "Yoshimasa Hayashi")],
                   places=[Entity("places", "South Korea")])
    text = article("Yoshimasa Hayashi met Yoon Seok-yeol in South Korea. Hayashi said Jane Doe agreed.")
    result = annotate(text, Matcher(reg))
    assert result.people == ("Yoshimasa Hayashi", "Yoon Suk-yeol", "Jane Doe")
    assert result.unregistered_people == ("Jane Doe",)


@pytest.mark.parametrize("text, slug", [
    ("Yoon Suk-yeol", "yoon-suk-yeol"),
    ("Japan–South Korea relations", "japan-south-korea-relations"),
    ("Kishida’s letter", "kishidas-letter"),
    ("Łódź Straße", "lodz-strasse"),
    ("José Ramos-Horta", "jose-ramos-horta"),
    ("中文", ""),
])
def test_slugify(text: str, slug: str) -> None:
    from generator.slugs import slugify

    assert slugify(text) == slug


def test_bare_surname_is_not_the_registered_person_without_full_name() -> None:
    # The real finder on text that names only "Hayashi": another Hayashi, not the minister.
    reg = registry(people=[Entity("people", "Yoshimasa Hayashi")])
    alone = annotate(article("Hayashi said the shop would reopen on Monday."), Matcher(reg))
    assert "Yoshimasa Hayashi" not in alone.people
    both = annotate(article("Yoshimasa Hayashi arrived.", "Hayashi said talks went well."), Matcher(reg))
    assert both.people == ("Yoshimasa Hayashi",)


def test_the_registry_cache_is_used_while_the_files_are_unchanged(tmp_path: Path) -> None:
    (tmp_path / "registry").mkdir()
    people = tmp_path / "registry" / "people.yml"
    people.write_text("- name: Ana Lima\n  aliases: [Ana Paula Lima]\n", encoding="utf-8")
    cache = tmp_path / "cache"
    first = load_registry(tmp_path / "registry", cache)
    assert (cache / "registry.pickle").is_file()
    again = load_registry(tmp_path / "registry", cache)
    assert again.find("people", "ana paula lima").name == "Ana Lima"
    assert again.by_kind == first.by_kind == load_registry(tmp_path / "registry").by_kind
    # an edit is read, not the cache
    people.write_text("- name: Ana Lima\n- name: Rui Costa\n", encoding="utf-8")
    assert [e.name for e in load_registry(tmp_path / "registry", cache).entities("people")] == ["Ana Lima", "Rui Costa"]
    # a broken file is refused as without a cache, and its last good load is not used instead
    people.write_text("- name: Ana Lima\n  aliases: [unclosed\n", encoding="utf-8")
    with pytest.raises(ArticleError) as cached_error:
        load_registry(tmp_path / "registry", cache)
    with pytest.raises(ArticleError) as plain_error:
        load_registry(tmp_path / "registry")
    assert str(cached_error.value) == str(plain_error.value)
    # a damaged cache file is ignored (and replaced)
    people.write_text("- name: Ana Lima\n", encoding="utf-8")
    (cache / "registry.pickle").write_bytes(b"not a pickle")
    assert [e.name for e in load_registry(tmp_path / "registry", cache).entities("people")] == ["Ana Lima"]
