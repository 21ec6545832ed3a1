"""The site judges article pages as the build and `check` do: hand-written pages included.

A page `check` calls wrong is a warning in `mkdocs build` (so `--strict` fails, with the same
line and words); a page that cannot be read as front-matter is not published; a readable one is
published with only the keys an article page may have.
"""

from __future__ import annotations

import re
from pathlib import Path

from conftest import SEED_URL, mkdocs_build, write_project

from generator.check import run_check
from generator.config import ProjectPaths

HAND_WRITTEN = """---
title: A note from the archive's editors
date: '2020-01-05'
peopel:
- Someone Else
people: []
places: []
organizations: []
topics: []
hide:
- navigation
reviewed: true
seed: null
---

Written by hand, with no seed.
"""

NO_CLOSING = """---
title: Half a page
date: '2020-01-06'

The closing line of its front-matter was lost.
"""


def _warnings(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("WARNING")]


def test_hand_written_page_with_unknown_keys_fails_strict_like_check(tmp_path: Path) -> None:
    project = write_project(tmp_path)
    page = project / "content" / "articles" / "2020" / "01" / "editors-note.md"
    page.parent.mkdir(parents=True)
    page.write_text(HAND_WRITTEN, encoding="utf-8")

    strict = mkdocs_build(project)
    assert strict.returncode == 1
    assert _warnings(strict.stderr) == [
        "WARNING -  news-archive: content/articles/2020/01/editors-note.md:4: unknown key 'peopel' "
        "(did you mean 'people'?) (published as far as it is understood until this is fixed; "
        "`python -m generator check` lists 1 more)"]
    checked = run_check(ProjectPaths.from_root(project)).lines
    assert "content/articles/2020/01/editors-note.md:4: error: unknown key 'peopel' (did you mean 'people'?)" in checked
    assert any(line.startswith("content/articles/2020/01/editors-note.md:10: error: unknown key 'hide'")
               for line in checked)

    loose = mkdocs_build(project, strict=False)
    assert loose.returncode == 0, loose.stderr
    html = (project / "site" / "articles" / "2020" / "01" / "editors-note" / "index.html").read_text(encoding="utf-8")
    assert "Written by hand, with no seed." in html
    # `hide: [navigation]` is not an article key: it never reached Material, which keeps the nav.
    assert re.search(r'<div class="md-sidebar md-sidebar--primary"[^>]*data-md-type="navigation"\s*>', html)
    assert page.read_text(encoding="utf-8") == HAND_WRITTEN  # the site never writes pages


def test_unreadable_page_is_not_published_and_fails_strict(tmp_path: Path) -> None:
    project = write_project(tmp_path)
    page = project / "content" / "articles" / "2020" / "01" / "half-a-page.md"
    page.parent.mkdir(parents=True)
    page.write_text(NO_CLOSING, encoding="utf-8")

    strict = mkdocs_build(project)
    assert strict.returncode == 1
    assert _warnings(strict.stderr) == [
        "WARNING -  news-archive: content/articles/2020/01/half-a-page.md:1: the front-matter has no closing "
        "'---' line (page not published until this is fixed)"]
    loose = mkdocs_build(project, strict=False)
    assert loose.returncode == 0, loose.stderr
    assert not (project / "site" / "articles" / "2020" / "01" / "half-a-page").exists()
    assert (project / "site" / SEED_URL / "index.html").is_file()  # the rest of the archive is there


def test_sound_hand_written_page_builds_strict(tmp_path: Path) -> None:
    project = write_project(tmp_path)
    page = project / "content" / "articles" / "2020" / "01" / "editors-note.md"
    page.parent.mkdir(parents=True)
    page.write_text(HAND_WRITTEN.replace("peopel:\n- Someone Else\n", "").replace("hide:\n- navigation\n", ""),
                    encoding="utf-8")
    result = mkdocs_build(project)
    assert result.returncode == 0, result.stderr
    assert _warnings(result.stderr) == []


def test_generator_build_judges_hand_written_pages_like_check(tmp_path: Path, capsys) -> None:
    from conftest import small_checkout

    from generator.cli import main

    root = small_checkout(tmp_path / "archive")
    assert main(["--root", str(root), "build", "--strict"]) == 0
    page = root / "content" / "articles" / "2020" / "01" / "editors-note.md"
    page.parent.mkdir(parents=True)
    page.write_text(HAND_WRITTEN, encoding="utf-8")
    capsys.readouterr()
    assert main(["--root", str(root), "build", "--strict"]) == 1
    err = capsys.readouterr().err.splitlines()
    assert "content/articles/2020/01/editors-note.md:4: unknown key 'peopel' (did you mean 'people'?)" in err
    assert any(line.startswith("content/articles/2020/01/editors-note.md:10: unknown key 'hide'") for line in err)
    assert page.read_text(encoding="utf-8") == HAND_WRITTEN  # judged, never rewritten
    page.write_text(HAND_WRITTEN.replace("peopel:\n- Someone Else\n", "").replace("hide:\n- navigation\n", ""),
                    encoding="utf-8")
    assert main(["--root", str(root), "build", "--strict"]) == 0  # a sound hand-written page is fine
