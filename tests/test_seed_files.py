"""Seeds are ordinary files inside seeds/: links, special files, huge files and empty stories are
refused by name in `build` and `check`, never read (links) and never published."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from generator.build import build_archive
from generator.check import run_check
from generator.cli import main
from generator.config import ProjectPaths
from generator.sources import REFUSED_LINK, REFUSED_SPECIAL
from conftest import small_checkout

REPO = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).parent / "fixtures" / "check"
SEED = "seeds/000_c15d51d3465a3ed0.txt"
SECRET = "root:x:0:0:SECRET-MARKER:/root:/bin/bash\n"
STORY = "Talks Resume\nSEOUL — Officials from both sides met again on Friday, officials said.\n"


@pytest.fixture
def checkout(tmp_path: Path) -> ProjectPaths:
    root = small_checkout(tmp_path / "archive")
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "passwd").write_text(SECRET + STORY, encoding="utf-8")
    return ProjectPaths.from_root(root)


def published(paths: ProjectPaths) -> str:
    return "".join(p.read_text(encoding="utf-8") for p in paths.articles.rglob("*.md")) if paths.articles.is_dir() else ""


def both(paths: ProjectPaths) -> tuple[list[str], list[str]]:
    """(the build's problem lines, check's error lines)."""
    report = build_archive(paths, quiet=True)
    return report.problem_lines, [line for line in run_check(paths).lines if ": error: " in line]


def test_link_to_a_file_outside_is_refused_unread(checkout: ProjectPaths) -> None:
    os.symlink(checkout.root.parent / "outside" / "passwd", checkout.seeds / "passwd.txt")
    os.symlink(checkout.root / SEED, checkout.seeds / "same-story.txt")  # a link inside seeds/ too
    build_lines, check_lines = both(checkout)
    for name in ("passwd.txt", "same-story.txt"):
        assert f"seeds/{name}: {REFUSED_LINK}" in build_lines
        assert f"seeds/{name}:1: error: {REFUSED_LINK}" in check_lines
    assert "SECRET-MARKER" not in published(checkout)
    assert len(list(checkout.articles.rglob("*.md"))) == 1  # the real seed still converts
    assert main(["--root", str(checkout.root), "build", "-s", "--strict"]) == 1


def test_linked_folder_and_linked_seeds_folder_are_refused(checkout: ProjectPaths, tmp_path: Path) -> None:
    os.symlink(checkout.root.parent / "outside", checkout.seeds / "more")
    build_lines, check_lines = both(checkout)
    assert build_lines == [f"seeds/more: {REFUSED_LINK}"]
    assert check_lines == [f"seeds/more:1: error: {REFUSED_LINK}"]
    assert "SECRET-MARKER" not in published(checkout)

    shutil.rmtree(checkout.seeds)
    os.symlink(checkout.root.parent / "outside", checkout.seeds)
    build_lines, check_lines = both(checkout)
    assert f"seeds: {REFUSED_LINK}" in build_lines
    assert "SECRET-MARKER" not in published(checkout)


def test_a_pipe_is_refused_without_hanging(checkout: ProjectPaths) -> None:
    os.mkfifo(checkout.seeds / "pipe.txt")
    build_lines, check_lines = both(checkout)
    assert build_lines == [f"seeds/pipe.txt: {REFUSED_SPECIAL}"]
    assert check_lines == [f"seeds/pipe.txt:1: error: {REFUSED_SPECIAL}"]


def test_a_seed_over_the_size_limit_is_named_with_the_fix(checkout: ProjectPaths) -> None:
    with (checkout.seeds / "whole-page.html").open("wb") as handle:
        handle.truncate(6_000_000)  # sparse: no disk space, and it must not be read
    message = ("file is 6.0 MB, over the limit of 5.0 MB for one article; save only the article's text "
               "(not the whole web page), or split it")
    build_lines, check_lines = both(checkout)
    assert build_lines == [f"seeds/whole-page.html: {message}"]
    assert check_lines == [f"seeds/whole-page.html:1: error: this seed has no page: the build cannot read it ({message})"]


NO_WORD = ("no story: what is left after the site's junk has no word in it (only symbols, numbers or invisible "
           "characters), so it is not published")
NO_LETTERS = "file has no letters or digits (only invisible characters, control codes or symbols), so it is not published"
NO_STORY = "no story: nothing is left once the site's junk is removed, so it is not published"


@pytest.mark.parametrize(("content", "problem", "in_check"), [
    ("\u200b\u200b\u2060\n\u00ad\u200d\n".encode(), NO_LETTERS, "the build cannot read it ({})"),
    (b"\x1b[31m\x1b[0m\x1b]0;owned\x07\x1b[2J\x1b[H\n\x1b(B\n", NO_LETTERS, "the build cannot read it ({})"),
    ("17:48 JST, May 10, 2022\nJN ACCESS RANKING\nMarkets rally again\n-\nRain all week\n".encode(), NO_STORY, "{}"),
    ("Breaking News\n*** --- ###\n+++ 2022 +++\n".encode(), NO_WORD, "{}"),
], ids=["invisible characters", "terminal escape codes", "only the site's junk", "title then junk"])
def test_a_seed_without_a_story_is_not_published(checkout: ProjectPaths, content: bytes, problem: str,
                                                 in_check: str) -> None:
    (checkout.seeds / "junk.txt").write_bytes(content)
    build_lines, check_lines = both(checkout)
    assert build_lines == [f"seeds/junk.txt: {problem}"]
    assert check_lines == [f"seeds/junk.txt:1: error: this seed has no page: {in_check.format(problem)}"]
    assert len(list(checkout.articles.rglob("*.md"))) == 1
