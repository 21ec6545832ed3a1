"""People resolved across the archive: unit rules on name sets, then whole small archives built."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.build import build_archive
from generator.config import ProjectPaths
from generator.pages import split
from generator.registry import Entity, Registry
from generator.resolve import ArchiveNames, ArticleNames

from tests.test_build import edit

ROOT = Path(__file__).resolve().parents[1]


def archive(articles: dict[str, tuple[list[str], list[str]]], registry: Registry | None = None) -> ArchiveNames:
    """seed -> (people, context); every person unregistered unless the registry has them."""
    reg = registry or Registry()
    names = ArchiveNames(reg)
    for seed, (people, context) in articles.items():
        names.put(seed, ArticleNames(tuple(people), tuple(p for p in people if reg.find("people", p) is None),
                                     tuple(context)))
    return names


def test_surname_folds_into_the_only_full_name_in_the_archive() -> None:
    names = archive({"a": (["Ronald Tremayne"], []), "b": (["Tremayne"], []), "c": (["B. Larwood"], []),
                     "d": (["Bertie Larwood"], []), "e": (["George W Bush"], []), "f": (["George W. Bush"], []),
                     "g": (["Bush"], [])})
    assert names.resolve("b") == ("Ronald Tremayne",)
    assert names.resolve("c") == ("Bertie Larwood",)
    # one page for the two spellings of one full name; the bare surname joins it
    assert names.resolve("e") == names.resolve("f") == names.resolve("g")


def test_registry_comes_first_and_two_fitting_people_leave_the_surname_out() -> None:
    registry = Registry({"people": [Entity("people", "James Okafor"), Entity("people", "Howard Okafor")],
                         "places": [], "organizations": [], "topics": []})
    names = archive({"a": (["Okafor"], []), "b": (["Jim Tennant"], []), "c": (["Tennant"], [])}, registry)
    assert names.resolve("a") == ()  # fits two registry people: no page of its own
    assert names.resolve("c") == ("Jim Tennant",)


def test_ties_are_broken_by_the_people_and_places_articles_share() -> None:
    names = archive({
        "a": (["James Okafor", "Elsa Brandt"], ["Lagos"]),
        "b": (["Howard Okafor"], ["Denver"]),
        "c": (["Okafor"], ["Lagos"]),  # shares Lagos with James Okafor's article
        "d": (["Okafor"], ["Oslo"]),  # shares nothing: left out
    })
    assert names.resolve("c") == ("James Okafor",)
    assert names.resolve("d") == ()


def test_spelling_slip_folds_into_the_commoner_spelling() -> None:
    names = archive({"a": (["Mikhail Khodorkovsky"], []), "b": (["Mikhail Khodorkovsky"], []),
                     "c": (["Mikhail Khodorkovksy"], []), "d": (["Anna Smith"], []), "e": (["Anna Smyth"], [])})
    assert names.resolve("c") == ("Mikhail Khodorkovsky",)
    # short words one letter apart are different people
    assert names.resolve("e") == ("Anna Smyth",)
    merge = {m.short: m for m in names.merges()}["Mikhail Khodorkovksy"]
    assert (merge.full, merge.articles, merge.distance) == ("Mikhail Khodorkovsky", 1, 2)


def test_removed_names_stay_removed_whatever_the_resolver_decides() -> None:
    names = archive({"a": (["Ronald Tremayne"], []), "b": (["Tremayne", "Elsa Brandt"], [])})
    assert names.resolve("b") == ("Ronald Tremayne", "Elsa Brandt")
    # the editor rejected the fold by removing the folded name: the surname does not come back either
    assert names.resolve("b", removed=["Tremayne"]) == ("Elsa Brandt",)
    # the removed name itself is left to the page merge (which keeps it out); another fold is not
    assert names.resolve("b", removed=["Ronald Tremayne"]) == ("Ronald Tremayne", "Elsa Brandt")
    assert names.resolve("b", removed=["Rita Tremayne"]) == ("Elsa Brandt",)


# -- whole archives ---------------------------------------------------------------------------------

def story(title: str, city: str, text: str) -> str:
    return f"{title}\n10:05 CET, March 3, 2023\n{city.upper()} (Reuters) – {text}\n"


SEEDS = {
    "tremayne.txt": story("Tremayne wins vote", "London", "Prime Minister Ronald Tremayne won a vote on Monday. "
                          "Tremayne said the result was clear."),
    "budget.txt": story("Budget passes", "London", "The budget passed on Tuesday. Tremayne said he was pleased "
                        "and Elsa Brandt, the finance minister, agreed."),
    "okafor.txt": story("Okafor speaks", "Lagos", "Okafor said the talks would go on."),
    "james.txt": story("Talks in Lagos", "Abuja", "Foreign Minister James Okafor arrived on Monday."),
    "howard.txt": story("Talks in Denver", "Denver", "Senator Howard Okafor spoke on Monday."),
    "club.txt": story("Vilar sack coach", "Lisbon", "Sporting Vilar coach Tom Hale was sacked on Sunday. "
                      "Sporting Vilar said it would name a successor. Hale said he was sad."),
}


@pytest.fixture
def project(tmp_path: Path) -> ProjectPaths:
    for folder in ("registry", "profiles"):
        shutil.copytree(ROOT / folder, tmp_path / folder)
    (tmp_path / "seeds").mkdir()
    for name, text in SEEDS.items():
        (tmp_path / "seeds" / name).write_text(text, encoding="utf-8")
    return ProjectPaths.from_root(tmp_path)


def fronts(paths: ProjectPaths) -> dict[str, dict]:
    return {Path(m["seed"]).name: m for m in (split(p.read_text(encoding="utf-8"))[0]
                                               for p in sorted(paths.articles.rglob("*.md")))}


def test_archive_pages_hold_one_page_per_person_and_the_club_as_an_organisation(project: ProjectPaths) -> None:
    build_archive(project, quiet=True)
    pages = fronts(project)
    people = {p for m in pages.values() for p in m["people"]}
    assert "Ronald Tremayne" in pages["budget.txt"]["people"]
    assert "Tremayne" not in people  # no surname page beside the full-name page
    assert "Okafor" not in people  # fits James and Howard Okafor: no page of its own
    assert "Sporting Vilar" not in people
    assert "Sporting Vilar" in pages["club.txt"]["organizations"]
    assert "Tom Hale" in pages["club.txt"]["people"]


def test_one_new_seed_rewrites_only_the_pages_whose_people_change(project: ProjectPaths) -> None:
    (project.seeds / "tremayne.txt").unlink()
    build_archive(project, quiet=True)
    assert "Tremayne" in fronts(project)["budget.txt"]["people"]
    (project.seeds / "tremayne.txt").write_text(SEEDS["tremayne.txt"], encoding="utf-8")
    report = build_archive(project, quiet=True)
    rewritten = sorted(Path(p).name for p in report.written)
    assert len(rewritten) == 2  # the new page and the page whose "Tremayne" now has a full name
    assert "Ronald Tremayne" in fronts(project)["budget.txt"]["people"]
    assert build_archive(project, quiet=True).written == []


def test_a_rejected_merge_is_remembered_across_builds(project: ProjectPaths) -> None:
    build_archive(project, quiet=True)
    page = next(p for p in project.articles.rglob("*.md") if split(p.read_text(encoding="utf-8"))[0]["seed"].endswith("budget.txt"))
    edit(page, lambda m, b: ({**m, "people": [p for p in m["people"] if p != "Ronald Tremayne"]}, b))
    build_archive(project, quiet=True)
    assert "Ronald Tremayne" not in fronts(project)["budget.txt"]["people"]
    # the resolver later decides otherwise (a second Tremayne makes the surname ambiguous, then a
    # registry entry settles it): neither the surname nor any fold of it comes back
    (project.seeds / "rita.txt").write_text(story("Rita Tremayne", "Leeds", "Judge Rita Tremayne ruled."), encoding="utf-8")
    (project.registry / "people.yml").write_text((project.registry / "people.yml").read_text(encoding="utf-8")
                                                 + "- name: Rita Tremayne\n", encoding="utf-8")
    build_archive(project, quiet=True)
    people = fronts(project)["budget.txt"]["people"]
    assert not any("Tremayne" in p for p in people)
    assert "Elsa Brandt" in people


def test_suggest_lists_merges_with_evidence_and_entries_by_kind(project: ProjectPaths) -> None:
    from generator.suggest import collect_suggestions, format_suggestions

    report = collect_suggestions(project, include_pages=False)
    merge = {m.short: m for m in report.merges}["Tremayne"]
    assert (merge.full, merge.articles, merge.shared, merge.distance) == ("Ronald Tremayne", 1, 0, 0)
    kinds = {s.name: s.kind for s in report.suggestions}
    assert kinds["Ronald Tremayne"] == "people" and kinds["Sporting Vilar"] == "organizations"
    assert "Tremayne" not in kinds and "Okafor" not in kinds
    lines = format_suggestions(report)
    assert "      'Tremayne' -> 'Ronald Tremayne'  (1 article, together in 0)" in lines
