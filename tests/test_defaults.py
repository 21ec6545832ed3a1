"""Folder defaults (seeds/…/_defaults.yml): a year completes a year-less dateline, nothing is invented."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.build import build_archive
from generator.check import run_check
from generator.config import ProjectPaths
from generator.defaults import DefaultsIndex, FolderDefaults, load_defaults_file
from generator.models import ArticleError
from generator.pages import split
from generator.parse import parse_document
from generator.profiles import load_profiles
from generator.sources import find_seeds, read_raw

ROOT = Path(__file__).resolve().parents[1]
WIRE = """GRAIN FIRM RAISES BID FOR MILLER
KANSAS CITY, March 3 - A grain company raised its offer for a flour miller to 18 dlrs a share on Tuesday, the companies said.
The miller's board said it would study the new offer and reply within ten days.
Reuter
"""


@pytest.fixture
def project(tmp_path: Path) -> ProjectPaths:
    for folder in ("registry", "profiles"):
        shutil.copytree(ROOT / folder, tmp_path / folder)
    (tmp_path / "seeds" / "wire" / "late").mkdir(parents=True)
    (tmp_path / "seeds" / "wire" / "story.txt").write_text(WIRE, encoding="utf-8")
    late = ("OIL PRICES EASE IN QUIET TRADE\nHOUSTON, Dec 30 - Crude oil prices eased in thin holiday trade on "
            "Tuesday as dealers closed their books for the year.\nReuter\n")
    (tmp_path / "seeds" / "wire" / "late" / "story.txt").write_text(late, encoding="utf-8")
    other = "GOLD MINER CUTS OUTPUT\nJOHANNESBURG, March 3 - A gold miner said it would cut output by a fifth this year.\n"
    (tmp_path / "seeds" / "undated.txt").write_text(other, encoding="utf-8")
    return ProjectPaths.from_root(tmp_path)


def _parse(paths: ProjectPaths, seed: Path, defaults: FolderDefaults | None):
    return parse_document(read_raw(seed, paths.root), load_profiles(paths.profiles), defaults)


def test_year_completes_the_dateline_and_without_it_the_date_stays_null(project: ProjectPaths) -> None:
    seed = project.seeds / "wire" / "story.txt"
    dated = _parse(project, seed, FolderDefaults(year=1987))
    assert dated.date == "1987-03-03"
    assert dated.date_text == "March 3"
    undated = _parse(project, seed, None)
    assert undated.date is None
    assert undated.date_text == "March 3"
    assert any("gives no year" in p for p in undated.problems)


def test_source_section_and_zone_fill_only_what_the_file_leaves_out(project: ProjectPaths) -> None:
    seed = project.seeds / "wire" / "story.txt"
    article = _parse(project, seed, FolderDefaults(source="Wire Service", section="Business"))
    assert (article.source, article.section) == ("Wire Service", "Business")
    stamped = project.seeds / "stamped.txt"
    stamped.write_text("Headline Here\nMarch 3, 2023 10:15\n" + WIRE.split("\n", 1)[1], encoding="utf-8")
    assert _parse(project, stamped, FolderDefaults(timezone="Asia/Tokyo")).date == "2023-03-03T10:15:00+09:00"


def test_deeper_folder_overrides_its_parent_key_by_key(project: ProjectPaths) -> None:
    (project.seeds / "wire" / "_defaults.yml").write_text("year: 1987\nsource: Wire\n", encoding="utf-8")
    (project.seeds / "wire" / "late" / "_defaults.yml").write_text("year: 1986\n", encoding="utf-8")
    index = DefaultsIndex(project.seeds)
    assert index.for_file(project.seeds / "wire" / "late" / "story.txt") == FolderDefaults(year=1986, source="Wire")
    assert index.for_file(project.seeds / "wire" / "story.txt") == FolderDefaults(year=1987, source="Wire")
    assert index.for_file(project.seeds / "undated.txt") == FolderDefaults()


@pytest.mark.parametrize("text, problem", [
    ("year: 87\n", "four-digit year"),
    ("yaer: 1987\n", "unknown key 'yaer'"),
    ("timezone: Mars/Olympus\n", "unknown time zone"),
    ("- 1987\n", "must be a YAML mapping"),
    ("year: [1987\n", "not valid YAML"),
])
def test_a_bad_file_is_refused_with_a_message_naming_it(tmp_path: Path, text: str, problem: str) -> None:
    path = tmp_path / "_defaults.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ArticleError) as err:
        load_defaults_file(path)
    assert problem in err.value.problem and str(path) in str(err.value)


def test_build_dates_the_folder_and_check_and_seeds_ignore_the_defaults_file(project: ProjectPaths) -> None:
    (project.seeds / "wire" / "_defaults.yml").write_text("year: 1987\n", encoding="utf-8")
    assert all(p.name != "_defaults.yml" for p in find_seeds(project.seeds))
    build_archive(project, quiet=True)
    dates = {split(p.read_text(encoding="utf-8"))[0]["seed"]: split(p.read_text(encoding="utf-8"))[0]
             for p in project.articles.rglob("*.md")}
    assert dates["seeds/wire/story.txt"]["date"] == "1987-03-03"
    assert dates["seeds/wire/late/story.txt"]["date"] == "1987-12-30"
    assert dates["seeds/undated.txt"]["date"] is None
    assert dates["seeds/undated.txt"]["date_text"] == "March 3"
    assert not [p for p in run_check(project).problems if p.severity == "error"]

    # Changing the defaults rebuilds what they date; a bad file is named by build and check.
    (project.seeds / "wire" / "_defaults.yml").write_text("year: 1988\n", encoding="utf-8")
    assert len(build_archive(project, quiet=True).written) == 2
    (project.seeds / "wire" / "_defaults.yml").write_text("year: nineteen\n", encoding="utf-8")
    report = build_archive(project, quiet=True)
    assert any(line.startswith("seeds/wire/_defaults.yml: 'year'") for line in report.problem_lines)
    assert any(p.path == "seeds/wire/_defaults.yml" and p.severity == "error" for p in run_check(project).problems)
