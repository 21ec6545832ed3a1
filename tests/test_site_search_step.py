"""When and from what the build runs Pagefind (generator/site/search.py, SearchStep)."""

from __future__ import annotations

import logging
import shutil
import subprocess
import sys
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
    """build_index replaced: records the thread of each call and the article copies it was given."""
    seen: list[tuple[str, dict[str, str]]] = []

    def fake(site_dir, *, glob, language, pages_dir=None, read=None):
        folder = Path(pages_dir or site_dir)
        copies = {p.relative_to(folder).as_posix(): p.read_text() for p in sorted(folder.rglob("*.html"))}
        seen.append((threading.current_thread().name, copies))
        return IndexReport(pages=3, seconds=0.1, bytes=2048)

    monkeypatch.setattr(search, "build_index", fake)
    return seen


@pytest.fixture()
def folders(monkeypatch):
    """The scratch folders of the article copies made."""
    made: list[Path] = []
    real_init = search.ArticleCopies.__init__

    def tracked(self, *args):
        real_init(self, *args)
        made.append(self.folder)

    monkeypatch.setattr(search.ArticleCopies, "__init__", tracked)
    return made


def test_a_full_build_indexes_copies_of_the_articles_once_the_last_is_read(calls, folders, caplog):
    step = SearchStep()
    step.plan("site", glob="articles/**/*.html", language="fr", article_pages=2, early=True)
    step.article_content("articles/2022/05/a/index.html", "<article data-pagefind-body><h1>A</h1></article>")
    assert calls == []  # one article still to come
    step.article_content("articles/2022/05/b/index.html", "<article data-pagefind-body><h1>B</h1></article>")
    step.article_content("articles/2022/05/c/index.html", "<p>late</p>")  # no second start, no copy
    with caplog.at_level(logging.INFO, logger="mkdocs.plugins.news-archive"):
        step.finish(expected=3, background=False)
    assert [name for name, _ in calls] == ["news-archive-search"]
    copies = calls[0][1]
    assert list(copies) == ["articles/2022/05/a/index.html", "articles/2022/05/b/index.html"]
    assert copies["articles/2022/05/a/index.html"] == (
        '<!doctype html>\n<html lang="fr">\n<head><meta charset="utf-8"></head>\n<body>\n'
        "<article data-pagefind-body><h1>A</h1></article>\n</body>\n</html>\n")
    assert [r.getMessage() for r in caplog.records] == ["news-archive: search index of 3 articles in 0.1 s (2 KB)"]
    assert len(folders) == 1 and not folders[0].exists()  # copies removed


def test_without_early_start_search_indexes_the_site_after_the_build(calls, caplog):
    step = SearchStep()
    step.plan("site", glob="g", language="en", article_pages=1, early=False)  # a dirty build or a preview
    step.article_content("articles/a/index.html", "<p>A</p>")
    assert calls == []
    with caplog.at_level(logging.WARNING, logger="mkdocs.plugins.news-archive"):
        step.finish(expected=4, background=False)
    assert calls == [(threading.current_thread().name, {})]  # the site, not copies ("site" is empty here)
    assert [r.getMessage() for r in caplog.records] == ["news-archive: the search index holds 3 pages for 4 articles"]


def test_an_article_that_never_comes_means_the_site_is_indexed_after_the_build(calls, folders):
    step = SearchStep()
    step.plan("site", glob="g", language="en", article_pages=2, early=True)
    step.article_content("articles/a/index.html", "<p>A</p>")  # another plugin dropped the second
    step.finish(expected=3, background=False)
    assert calls == [(threading.current_thread().name, {})]
    assert len(folders) == 1 and not folders[0].exists()


def test_no_article_page_no_copies_and_the_site_is_indexed_after_the_build(calls, folders):
    step = SearchStep()
    step.plan("site", glob="g", language="en", article_pages=0, early=True)  # every article excluded
    assert folders == [] and calls == []
    step.finish(expected=1, background=False)
    assert calls == [(threading.current_thread().name, {})]


def test_a_failed_build_leaves_no_copies_behind(calls, folders):
    step = SearchStep()
    step.plan("site", glob="g", language="en", article_pages=2, early=True)
    step.article_content("articles/a/index.html", "<p>A</p>")
    assert (folders[0] / "articles/a/index.html").exists()
    step.abandon()  # on_build_error
    assert not folders[0].exists() and calls == []


def test_an_early_failure_fails_the_build(monkeypatch):
    def broken(site_dir, *, glob, language, pages_dir=None, read=None):
        raise RuntimeError("pagefind exited with 101")

    monkeypatch.setattr(search, "build_index", broken)
    step = SearchStep()
    step.plan("site", glob="g", language="en", article_pages=1, early=True)
    step.article_content("articles/a/index.html", "<p>A</p>")
    with pytest.raises(PluginError, match="search index \\(Pagefind\\): pagefind exited with 101"):
        step.finish(expected=1, background=False)


def test_the_copies_go_to_memory_when_there_is_room(tmp_path):
    assert search._scratch_parent(1000, shm=tmp_path) == str(tmp_path)
    assert search._scratch_parent(10**12, shm=tmp_path) is None  # no room: the system's temporary folder
    assert search._scratch_parent(10, shm=tmp_path / "missing") is None


def _fragments(pagefind: Path) -> set[str]:
    return {p.name for p in (pagefind / "fragment").iterdir()}


def test_in_a_real_build_search_starts_before_any_page_is_written_and_indexes_like_the_pages(tmp_path, monkeypatch):
    project = write_project(tmp_path)
    site = tmp_path / "site"
    real = search.build_index
    seen: list[tuple[int, int]] = []

    def watched(site_dir, *, glob, language, pages_dir=None, read=None):
        seen.append((len(list(Path(pages_dir).glob(glob))), len(list(Path(site_dir).rglob("index.html")))))
        report = real(site_dir, glob=glob, language=language, pages_dir=pages_dir, read=read)
        assert not Path(pages_dir).exists()  # removed once Pagefind had read them
        return report

    monkeypatch.setattr(search, "build_index", watched)
    build(load_config(str(project / "mkdocs.yml"), site_dir=str(site)))
    assert seen == [(3, 0)]  # every article copied, no page of the site written yet
    assert len(_fragments(site / "pagefind")) == 3
    # the same articles indexed from the written site give the same results, to the byte
    # (a fragment's name is the hash of its content: URL, title, excerpt text, filters, meta)
    again = tmp_path / "again"
    shutil.copytree(site / "articles", again / "articles")
    real(again, glob="articles/**/*.html", language="en")
    assert _fragments(again / "pagefind") == _fragments(site / "pagefind")


def test_copies_left_by_an_interrupted_build_are_removed_when_python_exits(tmp_path):
    code = ("import sys; from generator.site.search import ArticleCopies; c = ArticleCopies('en', 1); "
            "c.write('articles/a/index.html', '<p>A</p>'); print(c.folder)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                          cwd=Path(__file__).resolve().parents[1])
    folder = Path(done.stdout.strip())
    assert folder.name.startswith("news-archive-search-") and not folder.exists()


def _sleeper(seconds: float):
    """A stand-in for the index's child process: sleeps, then reports like the real one."""
    code = (f"import time, json; time.sleep({seconds}); "
            "print(json.dumps({'pages': 2, 'seconds': 0.5, 'bytes': 4096}))")
    return lambda site_dir, glob, language: [sys.executable, "-c", code]


def test_a_preview_build_stops_the_previous_builds_search_index(monkeypatch, caplog):
    background = search.BackgroundIndex()
    monkeypatch.setattr(background, "command", _sleeper(60))
    background.start("site", "g", "en", expected=2)
    first = background._proc
    background.start("site", "g", "en", expected=2)  # saved again before the first was done
    second = background._proc
    assert first.poll() is not None and first.returncode < 0  # stopped, not left to compete
    assert second.poll() is None
    with caplog.at_level(logging.DEBUG, logger="mkdocs.plugins.news-archive"):
        background.stop()  # the next build, or the end of `serve`
        background.join(10)
    assert second.returncode < 0
    assert [r.getMessage() for r in caplog.records if r.levelno >= logging.INFO] == []
    assert "stopped" in caplog.text


def test_a_finished_preview_index_is_reported_and_a_failed_one_explained(monkeypatch, caplog):
    background = search.BackgroundIndex()
    monkeypatch.setattr(background, "command", _sleeper(0))
    with caplog.at_level(logging.INFO, logger="mkdocs.plugins.news-archive"):
        background.start("site", "g", "en", expected=3)
        background.join(30)
        failing = [sys.executable, "-c", "import sys; sys.exit('pagefind: cannot read site/')"]
        monkeypatch.setattr(background, "command", lambda *args: failing)
        background.start("site", "g", "en", expected=3)
        background.join(30)
    assert [(r.levelname, r.getMessage()) for r in caplog.records] == [
        ("INFO", "news-archive: search index of 2 articles in 0.5 s (4 KB)"),
        ("WARNING", "news-archive: the search index holds 2 pages for 3 articles"),
        ("INFO", "news-archive: search index (Pagefind) not finished: pagefind: cannot read site/"),
    ]


def test_the_preview_index_child_indexes_a_site(tmp_path, caplog):
    page = tmp_path / "articles" / "a" / "index.html"
    page.parent.mkdir(parents=True)
    page.write_text('<!doctype html><html lang="en"><head><meta charset="utf-8"></head><body>'
                    "<article data-pagefind-body><h1>Alpha</h1><p>Kyodo wire copy.</p></article></body></html>")
    background = search.BackgroundIndex()
    with caplog.at_level(logging.INFO, logger="mkdocs.plugins.news-archive"):
        background.start(str(tmp_path), "articles/**/*.html", "en", expected=1)
        background.join(120)
    assert len(_fragments(tmp_path / "pagefind")) == 1
    assert [r.getMessage().split(" in ")[0] for r in caplog.records] == ["news-archive: search index of 1 articles"]
