"""The page cache (generator/site/cache.py): a warm build writes what a cold one writes, reuses
every page whose inputs did not change, and never hides a warning."""

from __future__ import annotations

import logging
import re

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from conftest import SEED_PAGE, SEED_URL, mkdocs_build, write_project

LOG = "mkdocs.plugins.news-archive"


def _build(project, caplog) -> tuple[dict[str, bytes], tuple[int, int]]:
    caplog.clear()
    with caplog.at_level(logging.INFO, logger=LOG):
        build(load_config(str(project / "mkdocs.yml")))
    line = next(r.getMessage() for r in caplog.records if "page cache" in r.getMessage())
    reused, rendered = map(int, re.findall(r"\d+", line))
    site = project / "site"
    pages = {str(p.relative_to(site)): p.read_bytes() for p in site.rglob("*.html")}
    return pages, (reused, rendered)


@pytest.fixture()
def project(tmp_path):
    return write_project(tmp_path)


def test_warm_build_reuses_every_page_and_writes_the_same_site(project, caplog):
    cold, (reused, rendered) = _build(project, caplog)
    assert reused == 0 and rendered > 20
    warm, counts = _build(project, caplog)
    assert counts == (rendered, 0)
    assert warm == cold


def test_editing_one_article_renders_its_pages_again(project, caplog):
    _, (_, total) = _build(project, caplog)
    page = project / "content" / SEED_PAGE
    page.write_text(page.read_text(encoding="utf-8").replace(
        "title: Japan and South Korea agree frayed ties can be improved", "title: Edited headline"), encoding="utf-8")
    warm, (reused, rendered) = _build(project, caplog)
    assert 0 < rendered < total and reused + rendered == total
    assert "Edited headline" in warm[SEED_URL + "index.html"].decode()
    for listing in ("people/yoon-suk-yeol/index.html", "timeline/2022/05/index.html", "index.html"):
        assert "Edited headline" in warm[listing].decode(), listing
    project_cold = project.parent / "cold"
    write_project(project_cold.mkdir() or project_cold)
    (project_cold / "content" / SEED_PAGE).write_text(page.read_text(encoding="utf-8"), encoding="utf-8")
    cold, _ = _build(project_cold, caplog)
    assert warm == cold


def test_template_change_renders_everything_again(project, caplog):
    _, (_, total) = _build(project, caplog)
    template = project / "site_templates" / "archive" / "term.html"
    template.write_text(template.read_text(encoding="utf-8") + "<p>changed</p>\n", encoding="utf-8")
    pages, (reused, rendered) = _build(project, caplog)
    assert reused == 0 and rendered == total
    assert "<p>changed</p>" in pages["people/yoon-suk-yeol/index.html"].decode()


def test_a_page_that_warned_warns_again_in_a_warm_build(project):
    page = project / "content" / SEED_PAGE
    page.write_text(page.read_text(encoding="utf-8") + "\nSee [the notes](missing-notes.md).\n", encoding="utf-8")
    for _ in range(2):
        result = mkdocs_build(project)
        assert result.returncode == 1 and "missing-notes.md" in result.stderr
