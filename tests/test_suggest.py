"""`suggest`: unregistered names with counts and files, likely duplicates, and `--write`."""

from __future__ import annotations

import io
import shutil
from pathlib import Path
from types import SimpleNamespace

import pytest
import yaml

from generator.check import run_check
from generator.config import ProjectPaths
from generator.models import AnnotatedArticle, Article, Dateline
from generator.registry import load_registry
from generator.suggest import (
    Suggestion, choose_entries, collect_suggestions, format_suggestions, suggest_command, write_entries,
)

REPO = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).parent / "fixtures" / "check"
SEED = "seeds/000_c15d51d3465a3ed0.txt"
S1 = "seeds/001_4b8f0c2a9d1e7f35.txt"
S2 = "seeds/002_93c1d7e5a0b24f68.txt"


@pytest.fixture
def project(tmp_path: Path) -> ProjectPaths:
    root = tmp_path / "archive"
    shutil.copytree(FIXTURES / "project", root)
    return ProjectPaths.from_root(root)


def _article(seed: str, unregistered: tuple[str, ...]) -> AnnotatedArticle:
    article = Article(seed=seed, title="t", date=None, dateline=Dateline(None, None), source=None,
                      section=None, caption=None, summary="", paragraphs=("p",))
    return AnnotatedArticle(article, unregistered_people=unregistered)


def fake_read(*articles: AnnotatedArticle) -> SimpleNamespace:
    return SimpleNamespace(articles=list(articles), errors=[])


# The real pipeline: the seed plus two more articles.

def test_suggest_on_three_real_articles(project: ProjectPaths) -> None:
    shutil.copytree(REPO / "profiles", project.profiles)
    for seed in (S1, S2):
        shutil.copy(FIXTURES / "suggest" / seed, project.root / seed)
    # The registry has not learnt the "Seok" spelling yet.
    people = project.registry / "people.yml"
    people.write_text(people.read_text(encoding="utf-8").replace("  aliases:\n    - Yoon Seok-yeol\n", ""))

    report = collect_suggestions(project)
    assert [(s.kind, s.name, s.count, s.files, s.registry_alike) for s in report.suggestions] == [
        ("people", "Park Jin", 2, (S1, S2), ()),
        ("people", "Antony Blinken", 1, (S2,), ()),
        ("people", "Yoon Seok-yeol", 1, (SEED,), ("Yoon Suk-yeol",)),
    ]
    assert format_suggestions(report) == [
        "3 names found in articles are not in the registry (most mentioned first):",
        f"   2  Park Jin        person        {S1}, {S2}",
        f"   1  Antony Blinken  person        {S2}",
        f"   1  Yoon Seok-yeol  person        {SEED}",
        "      ~ registry entry 'Yoon Suk-yeol': if it is the same person, add 'Yoon Seok-yeol' to its aliases "
        "in registry/people.yml",
        'Add names with: python -m generator suggest --write "NAME" ...  '
        "(--write alone adds every name not marked ~ registry entry)",
    ]


# Counting and listing, on fake build results.

def test_most_frequent_first_and_first_few_files(project: ProjectPaths) -> None:
    read = fake_read(*(_article(f"seeds/{n:03}.txt", ("Park Jin",)) for n in range(5)),
                     _article("seeds/009.txt", ("Antony Blinken", "Park Jin")))
    report = collect_suggestions(project, read_result=read)
    assert [(s.name, s.count) for s in report.suggestions] == [("Park Jin", 6), ("Antony Blinken", 1)]
    assert format_suggestions(report, max_files=2)[1] == (
        "   6  Park Jin        person        seeds/000.txt, seeds/001.txt, … (+4)"
    )


def test_names_typed_into_pages_count_once_per_article(project: ProjectPaths) -> None:
    page = project.root / "content/articles/2022/05/japan-and-south-korea-agree.md"
    page.write_text(page.read_text(encoding="utf-8")
                    .replace("- Rahm Emanuel\n", "- Rahm Emanuel\n- Park Jin\n")
                    .replace("- Tokyo\n", "- Tokyo\n- Phnom Penh\n"))
    report = collect_suggestions(project, read_result=fake_read(_article(SEED, ("Park Jin",))))
    assert [(s.kind, s.name, s.count, s.files) for s in report.suggestions] == [
        ("people", "Park Jin", 1, (SEED,)),
        ("places", "Phnom Penh", 1, (SEED,)),
    ]


def test_unregistered_names_that_look_alike_point_at_each_other(project: ProjectPaths) -> None:
    read = fake_read(_article("seeds/a.txt", ("Lee Jae-myung",)), _article("seeds/b.txt", ("Lee Jae-myoung",)))
    report = collect_suggestions(project, read_result=read)
    assert {s.name: s.suggested_alike for s in report.suggestions} == {
        "Lee Jae-myung": ("Lee Jae-myoung",), "Lee Jae-myoung": ("Lee Jae-myung",),
    }


def test_nothing_to_suggest(project: ProjectPaths) -> None:
    report = collect_suggestions(project, read_result=fake_read(_article(SEED, ())))
    assert format_suggestions(report) == [
        "No unregistered names in 1 article: the registry knows every name found."
    ]


# Choosing and writing.

def test_write_all_leaves_out_likely_aliases() -> None:
    report = SimpleNamespace(suggestions=[
        Suggestion("people", "Park Jin", 2, ()),
        Suggestion("people", "Yoon Seok-yeol", 1, (), registry_alike=("Yoon Suk-yeol",)),
    ])
    assert choose_entries(report, []) == (
        [("people", "Park Jin")],
        ["left out 'Yoon Seok-yeol': it looks like registry entry 'Yoon Suk-yeol' (name it after --write to add it anyway)"],
    )
    assert choose_entries(report, ["yoon seok-yeol", "Phnom Penh"], kind="places") == (
        [("people", "yoon seok-yeol"), ("places", "Phnom Penh")],
        ["'Phnom Penh' was not among the suggestions; adding it to places anyway"],
    )


def test_write_keeps_every_byte_of_the_file_and_appends_unreviewed_entries(project: ProjectPaths) -> None:
    people = project.registry / "people.yml"
    before = people.read_text(encoding="utf-8")
    messages = write_entries(project.registry, [("people", "Park Jin"), ("people", "Antony Blinken"),
                                                ("people", "Kishida Fumio")])
    assert messages == [
        "skipped 'Kishida Fumio': already in registry/people.yml as 'Fumio Kishida'",
        "added 'Park Jin' to registry/people.yml (reviewed: false)",
        "added 'Antony Blinken' to registry/people.yml (reviewed: false)",
    ]
    after = people.read_text(encoding="utf-8")
    assert after == before + (
        "- name: Park Jin\n  aliases: []\n  reviewed: false\n"
        "- name: Antony Blinken\n  aliases: []\n  reviewed: false\n"
    )
    entity = load_registry(project.registry).find("people", "Park Jin")
    assert entity is not None and entity.reviewed is False
    assert run_check(project).lines == []


def test_write_to_a_flow_style_file_keeps_its_comments(project: ProjectPaths) -> None:
    orgs = project.registry / "organizations.yml"
    orgs.write_text("# Organizations, one line each.\n[{name: Liberal Democratic Party, aliases: [LDP]}]  # keep me\n")
    write_entries(project.registry, [("organizations", "Association of Southeast Asian Nations")])
    text = orgs.read_text(encoding="utf-8")
    assert "# Organizations, one line each." in text and "# keep me" in text
    assert yaml.safe_load(text) == [
        {"name": "Liberal Democratic Party", "aliases": ["LDP"]},
        {"name": "Association of Southeast Asian Nations", "aliases": [], "reviewed": False},
    ]


def test_write_creates_a_missing_registry_file_with_its_schema_comment(project: ProjectPaths) -> None:
    (project.registry / "topics.yml").unlink()
    write_entries(project.registry, [("topics", "Nuclear power")])
    text = (project.registry / "topics.yml").read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../generator/schemas/registry.schema.json\n")
    assert yaml.safe_load(text) == [{"name": "Nuclear power", "aliases": [], "reviewed": False}]


def test_write_quotes_names_yaml_would_misread(project: ProjectPaths) -> None:
    write_entries(project.registry, [("organizations", "Yes: a party"), ("organizations", "#1 Bank")])
    names = [e.name for e in load_registry(project.registry).entities("organizations")]
    assert names[-2:] == ["Yes: a party", "#1 Bank"]


def test_suggest_command_lists_then_writes(project: ProjectPaths, monkeypatch: pytest.MonkeyPatch) -> None:
    import generator.build

    monkeypatch.setattr(generator.build, "read_all", lambda paths: fake_read(_article(S1, ("Park Jin",))))
    out = io.StringIO()
    assert suggest_command(project.root, write=["Park Jin"], out=out) == 0
    assert out.getvalue().splitlines()[-2:] == [
        "added 'Park Jin' to registry/people.yml (reviewed: false)",
        "Review the new entries (role, aliases), then delete their `reviewed: false` line.",
    ]
    assert load_registry(project.registry).find("people", "Park Jin") is not None
