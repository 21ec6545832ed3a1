"""The real seed, whole: its page must match the reviewed golden file byte for byte.

To accept an intended change, rebuild and copy the new page over
``tests/golden/000_c15d51d3465a3ed0.md`` after reading the diff. The registry is the frozen copy
in ``tests/fixtures/golden/registry/``, not the live ``registry/``, so an editor's registry change
(CONTRIBUTING's "add a topic") never fails this test.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.build import build_archive
from generator.config import ProjectPaths
from generator.pages import split

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = ROOT / "tests" / "golden" / "000_c15d51d3465a3ed0.md"
REGISTRY = ROOT / "tests" / "fixtures" / "golden" / "registry"
PAGE = "articles/2022/05/japan-and-south-korea-agree-their-frayed-relationship-can-be-improved.md"


@pytest.fixture(scope="module")
def seed_page(tmp_path_factory: pytest.TempPathFactory) -> str:
    root = tmp_path_factory.mktemp("golden")
    # A frozen copy of the registry: editors change registry/ in pull requests (a new topic, an
    # alias), which must not fail this test; accept such a change here by copying registry/ over.
    shutil.copytree(REGISTRY, root / "registry")
    shutil.copytree(ROOT / "profiles", root / "profiles")
    (root / "seeds").mkdir()
    shutil.copy(ROOT / "seeds" / "000_c15d51d3465a3ed0.txt", root / "seeds")
    paths = ProjectPaths.from_root(root)
    build_archive(paths, quiet=True)
    return (paths.content / PAGE).read_text(encoding="utf-8")


def test_seed_page_matches_golden_file(seed_page: str) -> None:
    assert seed_page == GOLDEN.read_text(encoding="utf-8")


def test_seed_front_matter_values(seed_page: str) -> None:
    meta, body = split(seed_page)
    assert meta["title"] == "Japan and South Korea agree their frayed relationship can be improved"
    assert meta["date"] == "2022-05-10T17:48:00+09:00"
    assert meta["dateline"] == {"city": "Tokyo", "agency": "Reuters"}
    assert (meta["source"], meta["section"]) == ("The Japan News", "World")
    assert meta["people"] == ["Yoshimasa Hayashi", "Fumio Kishida", "Yoon Suk-yeol", "Rahm Emanuel"]
    assert {"Tokyo", "Seoul", "Japan", "South Korea", "North Korea", "United States"} <= set(meta["places"])
    assert not {"Taiwan", "Osaka", "China"} & set(meta["places"])
    assert {"Japan–South Korea relations", "North Korea"} <= set(meta["topics"])
    assert meta["caption"].startswith("Japanese Foreign Minister Yoshimasa Hayashi delivers")
    assert meta["summary"].startswith("Japan and South Korea have agreed that their frayed relationship")
    assert (meta["notes"], meta["reviewed"], meta["seed"]) == ([], False, "seeds/000_c15d51d3465a3ed0.txt")
    paragraphs = body.strip().split("\n\n")
    assert len(paragraphs) == 8
    assert paragraphs[0].startswith("TOKYO (Reuters) – Japan and South Korea")
    assert paragraphs[-1].endswith("on a “better footing.”")
    for junk in ("POPULAR ARTICLE", "ACCESS RANKING", "Ueda", "Taiwan", "Osaka"):
        assert junk not in seed_page
    assert "cooperation … is indispensable" in body  # ellipsis and curly quotes kept
