"""The archive as a whole (issue 7, places/topics/dates/duplicates/agency): one small multi-article build."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.build import build_archive
from generator.config import ProjectPaths
from generator.pages import split
from generator.topics import IPTC_SUBJECTS

ROOT = Path(__file__).resolve().parents[1]
WIRE = """TEXTILE MAKER RAISES DIVIDEND
SYDNEY, March 4 - A textile maker raised its quarterly dividend to 12 cts a share after net profit rose
18 pct to 4.2 mln dlrs, the company said on Wednesday.
The company said sales of cotton goods to Japan had lifted revenues, and it expected exports to grow further.
Reuter
"""
MATCH = """Late goal wins derby
17:05 BST, August 30, 2003
LEEDS (Reuters) – A late goal from the substitute striker gave the home side a 2-1 win in the league derby on
Saturday, lifting the club to third in the standings.
The visitors had led at halftime, but the coach said his team deserved the points after a second-half
penalty was saved by the goalkeeper.
"""
MATCH_AGAIN = """LATE GOAL WINS DERBY
Photo: fans at the ground
August 30, 2003 12:05 PM ET
LEEDS (Reuters) – A late goal from the substitute striker gave the home side a 2-1 win in the league derby on
Saturday, lifting the club to third in the standings.
The visitors had led at halftime, but the coach said his team deserved the points after a second-half
penalty was saved by the goalkeeper.
Most read
-
Other story one
-
Other story two
"""
QUIET = """Council approves library hours
OSLO, May 5 (Reuters) - The city council approved longer opening hours for the public libraries on Tuesday.
"""


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict]:
    root = tmp_path_factory.mktemp("archive")
    for folder in ("registry", "profiles"):
        shutil.copytree(ROOT / folder, root / folder)
    wire = root / "seeds" / "wire"
    wire.mkdir(parents=True)
    (wire / "_defaults.yml").write_text("year: 1987\n", encoding="utf-8")
    (wire / "dividend.txt").write_text(WIRE, encoding="utf-8")
    web = root / "seeds" / "web"
    web.mkdir()
    (web / "a-match.txt").write_text(MATCH, encoding="utf-8")
    (web / "b-match-again.txt").write_bytes(MATCH_AGAIN.replace("'", "’").encode("utf-8-sig"))
    (web / "quiet.txt").write_text(QUIET, encoding="utf-8")
    paths = ProjectPaths.from_root(root)
    report = build_archive(paths, quiet=True)
    assert not report.read.errors
    pages = {}
    for page in paths.articles.rglob("*.md"):
        meta, _ = split(page.read_text(encoding="utf-8"))
        pages[meta["seed"]] = meta
    return pages


def test_defaults_date_the_reuters_style_story(archive: dict[str, dict]) -> None:
    story = archive["seeds/wire/dividend.txt"]
    assert story["date"] == "1987-03-04" and story["date_text"] == "March 4"


def test_dateline_city_and_its_country_are_places(archive: dict[str, dict]) -> None:
    assert archive["seeds/wire/dividend.txt"]["places"][:2] == ["Sydney", "Australia"]
    assert "Japan" in archive["seeds/wire/dividend.txt"]["places"]
    assert archive["seeds/web/a-match.txt"]["places"][:2] == ["Leeds", "United Kingdom"]
    assert archive["seeds/web/quiet.txt"]["places"][:2] == ["Oslo", "Norway"]


def test_every_article_has_an_iptc_subject(archive: dict[str, dict]) -> None:
    for meta in archive.values():
        assert any(topic in IPTC_SUBJECTS for topic in meta["topics"]), meta["seed"]
    assert archive["seeds/wire/dividend.txt"]["topics"][0] == "economy, business and finance"
    assert archive["seeds/web/a-match.txt"]["topics"][0] == "sport"


def test_the_near_duplicate_is_folded_into_one_page(archive: dict[str, dict]) -> None:
    assert "seeds/web/b-match-again.txt" not in archive
    assert archive["seeds/web/a-match.txt"]["duplicates"] == ["seeds/web/b-match-again.txt"]


def test_the_agency_is_the_datelines_not_an_organisation(archive: dict[str, dict]) -> None:
    for meta in archive.values():
        assert meta["dateline"]["agency"] == "Reuters"
        assert "Reuters" not in meta["organizations"]
