"""One page per story: near-duplicate seeds (another scrape, headline, case, encoding, or an update) are folded."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.build import build_archive
from generator.check import run_check
from generator.config import ProjectPaths
from generator.duplicates import group_stories, same_story, signature
from generator.models import Article, Dateline
from generator.pages import split

ROOT = Path(__file__).resolve().parents[1]
STORY = [
    "Port workers in the northern harbour began a two-day strike on Monday over a new shift system, halting the "
    "loading of grain and timber ships.",
    "The union said the employers had refused to discuss overtime rates and that talks would resume only after "
    "the stoppage ended on Wednesday morning.",
    "A spokeswoman for the port authority said three vessels were waiting offshore and that perishable cargo had "
    "been moved to another terminal along the coast.",
    "Shipping agents said delays could cost exporters several million dollars if the dispute dragged on into "
    "the following week, when the harvest shipments peak.",
]
UPDATE = "Late on Monday the labour ministry offered to mediate, and both sides said they would attend a meeting."
OTHER = [
    "The city council approved a budget for new cycle lanes on Tuesday after a long debate about parking spaces, "
    "traffic in the old town and the cost of repaving the main square.",
    "Councillors from the opposition said the plan ignored the suburbs, where most residents drive to work and "
    "buses run only twice an hour outside the morning peak.",
]


def article(paragraphs: list[str], title: str = "Dock strike") -> Article:
    return Article(seed="seeds/x.txt", title=title, date=None, dateline=Dateline(None, None), source=None,
                   section=None, caption=None, summary="", paragraphs=tuple(paragraphs))


def test_same_story_despite_dateline_case_and_punctuation_but_not_another_story() -> None:
    scraped = ["HARBOURTOWN (Reuters) – " + STORY[0].upper().replace(",", " ,")] + [p.replace("'", "’") for p in STORY[1:]]
    assert same_story(signature(article(STORY)), signature(article(scraped, "DOCKERS STRIKE")))
    assert same_story(signature(article(STORY)), signature(article(STORY + [UPDATE])))  # an update
    assert not same_story(signature(article(STORY)), signature(article(OTHER)))
    assert not same_story(signature(article(STORY[:1])), signature(article(STORY + OTHER)))  # a brief inside a long story


def test_groups_keep_the_longest_text_and_the_first_of_equals() -> None:
    sigs = [(name, name, signature(article(paras))) for name, paras in
            [("a", STORY), ("b", OTHER), ("c", STORY + [UPDATE]), ("d", list(STORY))]]
    sigs[3] = ("d", "a", sigs[3][2])  # the same text digest as "a": the same story whatever the signature says
    assert group_stories(sigs) == {"c": ["a", "c", "d"], "b": ["b"]}


def _page_of(paths: ProjectPaths) -> dict[str, tuple[dict, Path]]:
    out = {}
    for page in paths.articles.rglob("*.md"):
        meta, _ = split(page.read_text(encoding="utf-8"))
        out[meta["seed"]] = (meta, page)
    return out


@pytest.fixture
def project(tmp_path: Path) -> ProjectPaths:
    for folder in ("registry", "profiles"):
        shutil.copytree(ROOT / folder, tmp_path / folder)
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "a-original.txt").write_text("Dock workers strike\n" + "\n".join(STORY) + "\n", encoding="utf-8")
    scraped = "DOCK WORKERS STRIKE\nPhoto: ships at anchor.\n" + "\n".join(p.replace("'", "’") for p in STORY)
    (seeds / "b-scraped.txt").write_bytes(scraped.encode("cp1252"))
    (seeds / "c-other.txt").write_text("Cycle lanes approved\n" + "\n".join(OTHER) + "\n", encoding="utf-8")
    return ProjectPaths.from_root(tmp_path)


def test_a_near_duplicate_is_folded_reported_and_stays_folded(project: ProjectPaths) -> None:
    report = build_archive(project, quiet=True)
    pages = _page_of(project)
    assert set(pages) == {"seeds/a-original.txt", "seeds/c-other.txt"}
    assert pages["seeds/a-original.txt"][0]["duplicates"] == ["seeds/b-scraped.txt"]
    assert "duplicates" not in pages["seeds/c-other.txt"][0]
    assert "seeds/b-scraped.txt: same story as seeds/a-original.txt; folded into its page" in report.problem_lines
    assert not [p for p in run_check(project).problems if "no page" in p.message]

    again = build_archive(project, quiet=True)
    assert again.written == [] and again.read.near_duplicates == [("seeds/b-scraped.txt", "seeds/a-original.txt")]


def test_an_updated_story_takes_over_the_page_with_the_longer_text(project: ProjectPaths) -> None:
    build_archive(project, quiet=True)
    page = _page_of(project)["seeds/a-original.txt"][1]
    (project.seeds / "d-update.txt").write_text("Dock strike: ministry offers talks\n" + "\n".join(STORY + [UPDATE]) + "\n",
                                                encoding="utf-8")
    report = build_archive(project, quiet=True)
    pages = _page_of(project)
    assert set(pages) == {"seeds/d-update.txt", "seeds/c-other.txt"}
    meta, kept_page = pages["seeds/d-update.txt"]
    assert kept_page == page  # the story keeps its address
    assert meta["duplicates"] == ["seeds/a-original.txt", "seeds/b-scraped.txt"]
    assert UPDATE.split(",")[0] in kept_page.read_text(encoding="utf-8")
    assert [p for p in report.written] == [str(page.relative_to(project.root))]


@pytest.mark.parametrize("edited", [False, True])
def test_a_folded_seeds_own_page_is_removed_unless_a_person_edited_it(project: ProjectPaths, edited: bool) -> None:
    (project.seeds / "b-scraped.txt").unlink()
    build_archive(project, quiet=True)
    original = _page_of(project)["seeds/a-original.txt"][1]
    if edited:
        original.write_text(original.read_text(encoding="utf-8").replace("reviewed: false", "reviewed: true"),
                            encoding="utf-8")
    # The other seed is saved again as a longer version of the dock story: both had pages.
    (project.seeds / "c-other.txt").write_text("Strike\n" + "\n".join(STORY + [UPDATE]) + "\n", encoding="utf-8")
    report = build_archive(project, quiet=True)
    pages = _page_of(project)
    assert pages["seeds/c-other.txt"][0]["duplicates"] == ["seeds/a-original.txt"]
    assert original.exists() == edited
    assert any("has human edits" in line for line in report.problem_lines) == edited
