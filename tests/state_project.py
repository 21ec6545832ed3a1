"""A small archive for the tests of the build's records: two seeds, the small check registry."""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml

from generator.config import ProjectPaths
from generator.pages import split

REPO = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).parent / "fixtures"
SEED = "seeds/000_c15d51d3465a3ed0.txt"
SEOUL = "seeds/seoul.txt"


def make_project(root: Path) -> ProjectPaths:
    root.mkdir(parents=True, exist_ok=True)
    shutil.copytree(REPO / "profiles", root / "profiles")
    shutil.copytree(FIXTURES / "check" / "project" / "registry", root / "registry")
    (root / "seeds").mkdir()
    shutil.copy(REPO / SEED, root / SEED)
    shutil.copy(FIXTURES / "state" / "seoul.txt", root / SEOUL)
    return ProjectPaths.from_root(root)


def page_of(paths: ProjectPaths, seed: str) -> Path:
    for page in sorted(paths.articles.rglob("*.md")):
        if split(page.read_text(encoding="utf-8"))[0].get("seed") == seed:
            return page
    raise AssertionError(f"no page for {seed}")


def meta(page: Path) -> dict:
    return split(page.read_text(encoding="utf-8"))[0]


def edit(page: Path, change) -> None:
    """Rewrite a page's front-matter the way a person's editor might (another YAML layout)."""
    data, body = split(page.read_text(encoding="utf-8"))
    data = change(data)
    page.write_text("---\n" + yaml.safe_dump(data, sort_keys=False, allow_unicode=True) + "---\n\n" + body,
                    encoding="utf-8")


def append_registry(paths: ProjectPaths, kind: str, text: str) -> None:
    target = paths.registry / f"{kind}.yml"
    target.write_text(target.read_text(encoding="utf-8") + text, encoding="utf-8")


def replace_registry(paths: ProjectPaths, kind: str, old: str, new: str) -> None:
    target = paths.registry / f"{kind}.yml"
    text = target.read_text(encoding="utf-8")
    assert old in text
    target.write_text(text.replace(old, new), encoding="utf-8")
