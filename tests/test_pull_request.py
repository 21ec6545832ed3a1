"""A scripted pull request: edit a copied checkout the way a maintainer does in GitHub's editor,
rebuild, and expect `check` clean with every edit intact.

Uses the real pipeline (build_archive) on the repository's seed and profiles with the small
registry from fixtures/check/project/.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.build import build_archive
from generator.check import run_check
from generator.config import ProjectPaths
from generator.pages import split

REPO = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).parent / "fixtures" / "check"
SEED = "seeds/000_c15d51d3465a3ed0.txt"


@pytest.fixture
def checkout(tmp_path: Path) -> ProjectPaths:
    root = tmp_path / "archive"
    root.mkdir()
    shutil.copytree(REPO / "profiles", root / "profiles")
    shutil.copytree(FIXTURES / "project" / "registry", root / "registry")
    (root / "seeds").mkdir()
    shutil.copy(REPO / SEED, root / SEED)
    (root / "content").mkdir()
    shutil.copy(FIXTURES / "project" / "content" / "index.md", root / "content" / "index.md")
    paths = ProjectPaths.from_root(root)
    build_archive(paths, quiet=True)
    return paths


def the_page(paths: ProjectPaths) -> Path:
    pages = sorted(paths.articles.rglob("*.md"))
    assert len(pages) == 1, pages
    return pages[0]


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_fresh_build_checks_clean(checkout: ProjectPaths) -> None:
    report = run_check(checkout)
    assert report.lines == []
    assert report.exit_code == 0


def test_pull_request_edits_survive_a_rebuild_and_check_clean(checkout: ProjectPaths) -> None:
    page = the_page(checkout)
    before, _ = split(page.read_text(encoding="utf-8"))
    assert "Rahm Emanuel" in before["people"] and before["reviewed"] is False

    # 1. Remove a person the maintainer judges a passing mention.
    edit(page, "- Rahm Emanuel\n", "")
    # 2. Fix a typo the source made in the caption.
    edit(page, "President Yoon Suk-Yeol during", "President Yoon Suk-yeol during")
    # 3. Add an editor's note and mark the annotations reviewed.
    edit(page, "notes: []\n", "notes:\n- The article spells the president's name two ways; the registry uses Yoon Suk-yeol.\n")
    edit(page, "reviewed: false\n", "reviewed: true\n")
    # 4. Add an alias to the registry, keeping the maintainer's comment.
    people = checkout.registry / "people.yml"
    edit(people, "- name: Yoshimasa Hayashi\n", "- name: Yoshimasa Hayashi\n  aliases: [Hayashi Yoshimasa]  # Japanese name order\n")

    assert run_check(checkout).lines == []
    build_archive(checkout, quiet=True)  # the registry changed: every page is re-annotated

    after, body = split(page.read_text(encoding="utf-8"))
    assert "Rahm Emanuel" not in after["people"]
    assert after["caption"].count("Yoon Suk-yeol during") == 1
    assert after["notes"] == ["The article spells the president's name two ways; the registry uses Yoon Suk-yeol."]
    assert after["reviewed"] is True
    assert "aliases: [Hayashi Yoshimasa]  # Japanese name order" in people.read_text(encoding="utf-8")
    assert body.strip()
    report = run_check(checkout)
    assert report.lines == []
    assert report.exit_code == 0


def test_a_typo_in_a_pull_request_fails_check_on_its_line(checkout: ProjectPaths) -> None:
    page = the_page(checkout)
    edit(page, "people:\n", "peopel:\n")
    rel = page.relative_to(checkout.root).as_posix()
    line = page.read_text(encoding="utf-8").split("\n").index("peopel:") + 1
    report = run_check(checkout)
    assert report.lines == [f"{rel}:{line}: error: unknown key 'peopel' (did you mean 'people'?)"]
    assert report.exit_code == 1
    edit(page, "peopel:\n", "people:\n")
    assert run_check(checkout).exit_code == 0


def test_a_person_typed_into_a_page_must_be_in_the_registry(checkout: ProjectPaths) -> None:
    page = the_page(checkout)
    edit(page, "- Fumio Kishida\n", "- Fumio Kishida\n- Yoon Suk-yol\n")
    rel = page.relative_to(checkout.root).as_posix()
    line = page.read_text(encoding="utf-8").split("\n").index("- Yoon Suk-yol") + 1
    assert run_check(checkout).lines == [
        f"{rel}:{line}: error: unknown person 'Yoon Suk-yol' (not in registry/people.yml; did you mean 'Yoon Suk-yeol'?)"
    ]
