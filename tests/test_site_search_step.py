"""When the build runs Pagefind (generator/site/search.py, SearchStep)."""

from __future__ import annotations

import logging
import threading
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import PluginError

from conftest import write_project
from generator.site import search
from generator.site.search import IndexReport, SearchStep


@pytest.fixture()
def calls(monkeypatch):
    """build_index replaced: records the thread each call ran on."""
    seen: list[str] = []

    def fake(site_dir, *, glob, language):
        seen.append(threading.current_thread().name)
        return IndexReport(pages=3, seconds=0.1, bytes=2048)

    monkeypatch.setattr(search, "build_index", fake)
    return seen


def test_a_full_build_starts_search_once_the_last_article_is_written(calls, caplog):
    step = SearchStep()
    step.plan("site", glob="articles/**/*.html", language="en", article_pages=2, early=True)
    step.page_starts()  # the first article
    step.article_done()
    step.page_starts()  # the second: one still unwritten
    assert calls == []
    step.article_done()
    step.page_starts()  # a term page: both articles written
    step.page_starts()  # and no second start
    with caplog.at_level(logging.INFO, logger="mkdocs.plugins.news-archive"):
        step.finish(expected=3, background=False)
    assert calls == ["news-archive-search"]
    assert [r.getMessage() for r in caplog.records] == ["news-archive: search index of 3 articles in 0.1 s (2 KB)"]


def test_without_early_start_search_runs_after_the_build(calls, caplog):
    step = SearchStep()
    step.plan("site", glob="g", language="en", article_pages=1, early=False)  # a dirty build or a preview
    step.article_done()
    step.page_starts()
    assert calls == []
    with caplog.at_level(logging.WARNING, logger="mkdocs.plugins.news-archive"):
        step.finish(expected=4, background=False)
    assert calls == [threading.current_thread().name]
    assert [r.getMessage() for r in caplog.records] == ["news-archive: the search index holds 3 pages for 4 articles"]


def test_an_early_failure_fails_the_build(monkeypatch):
    def broken(site_dir, *, glob, language):
        raise RuntimeError("pagefind exited with 101")

    monkeypatch.setattr(search, "build_index", broken)
    step = SearchStep()
    # an archive whose articles are all excluded: the first page starts it
    step.plan("site", glob="g", language="en", article_pages=0, early=True)
    step.page_starts()
    with pytest.raises(PluginError, match="search index \\(Pagefind\\): pagefind exited with 101"):
        step.finish(expected=1, background=False)


def test_in_a_real_build_search_starts_after_the_articles_before_the_listings(tmp_path, monkeypatch):
    project = write_project(tmp_path)
    site = tmp_path / "site"
    real = search.build_index
    seen: list[tuple[bool, bool]] = []

    def watched(site_dir, *, glob, language):
        articles = sorted(Path(site_dir).glob("articles/**/index.html"))
        seen.append((len(articles) == 3, (Path(site_dir) / "timeline" / "index.html").exists()))
        return real(site_dir, glob=glob, language=language)

    monkeypatch.setattr(search, "build_index", watched)
    build(load_config(str(project / "mkdocs.yml"), site_dir=str(site)))
    assert seen == [(True, False)]  # every article written, the timeline not yet
    assert len(list((site / "pagefind" / "fragment").iterdir())) == 3
