"""`mkdocs build --dirty` / `serve --dirty` (generator/site/dirty.py): only pages whose content
changed are built and written again, and those are current."""

from __future__ import annotations

import os
import re
import sqlite3
from contextlib import closing
import time
from pathlib import Path

import pytest
from mkdocs.config import load_config
from mkdocs.structure.files import InclusionLevel

from conftest import SEED_PAGE, SEED_URL, edit_seed_title, mkdocs_build, write_project
from generator.site.dirty import SourceStubs


@pytest.fixture
def config(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "mkdocs.yml").write_text("site_name: Archive\n", encoding="utf-8")
    cfg = load_config(str(tmp_path / "mkdocs.yml"))
    cfg.plugins._current_plugin = None  # as MkDocs sets it while a plugin's event runs
    return cfg


def test_a_stub_is_rewritten_only_when_what_it_stands_for_changes(tmp_path, config):
    stubs = SourceStubs(tmp_path / "stubs", "salt-1")
    page = stubs.page(config, "people/a.md", "fingerprint-1")
    feed = stubs.static(config, "people/a/feed.xml", b"<feed/>")
    assert (page.src_uri, page.dest_uri, feed.dest_uri) == ("people/a.md", "people/a/index.html", "people/a/feed.xml")
    assert Path(feed.abs_src_path).read_bytes() == b"<feed/>"
    assert stubs.written == 2
    before = {p: os.stat(p).st_mtime_ns for p in (page.abs_src_path, feed.abs_src_path)}
    time.sleep(0.01)

    again = SourceStubs(tmp_path / "stubs", "salt-1")
    again.page(config, "people/a.md", "fingerprint-1")
    again.static(config, "people/a/feed.xml", b"<feed/>")
    assert again.written == 0
    assert {p: os.stat(p).st_mtime_ns for p in before} == before

    changed = SourceStubs(tmp_path / "stubs", "salt-1")
    changed.page(config, "people/a.md", "fingerprint-2")
    changed.static(config, "people/a/feed.xml", b"<feed>new</feed>")
    assert changed.written == 2
    assert not list((tmp_path / "stubs").rglob("*.partial"))

    other_code = SourceStubs(tmp_path / "stubs", "salt-2")  # templates, registry or code changed
    other_code.page(config, "people/a.md", "fingerprint-2")
    assert other_code.written == 1


def _mtimes(site: Path) -> dict[str, int]:
    return {str(p.relative_to(site)): p.stat().st_mtime_ns for p in site.rglob("*") if p.is_file()}


def test_a_dirty_build_writes_only_the_edited_article_and_the_pages_that_list_it(tmp_path):
    project = write_project(tmp_path)
    site = project / "site"
    first = mkdocs_build(project, "--dirty", strict=False)
    assert first.returncode == 0, first.stderr

    time.sleep(0.05)  # MkDocs compares modification times
    again = mkdocs_build(project, "--dirty", strict=False)
    assert "dirty build: 0 generated pages and feeds changed" in again.stderr
    untouched = _mtimes(site)
    rewritten = {n for n, t in untouched.items() if t != os.stat(site / n).st_mtime_ns}
    assert rewritten == set()

    page = edit_seed_title(project)
    time.sleep(0.05)
    edited = mkdocs_build(project, "--dirty", strict=False)
    assert edited.returncode == 0, edited.stderr
    now = _mtimes(site)
    written = {n for n in now if now[n] != untouched.get(n)}
    for listing in (SEED_URL + "index.html", "people/yoon-suk-yeol/index.html", "people/yoon-suk-yeol/feed.xml",
                    "timeline/2022/05/index.html", "index.html"):
        assert listing in written, listing
        assert b"Edited headline" in (site / listing).read_bytes(), listing
    # Every page is what a full build of the edited archive writes, except other articles' lists
    # of related and neighbouring articles (MkDocs' own caveat for dirty builds).
    cold_project = write_project(_fresh(tmp_path))
    (cold_project / "content" / SEED_PAGE).write_text(page.read_text(encoding="utf-8"), encoding="utf-8")
    assert mkdocs_build(cold_project, strict=False).returncode == 0
    for name in now:
        if name.endswith(".html") and not (name.startswith("articles/") and name != SEED_URL + "index.html"):
            assert (site / name).read_bytes() == (cold_project / "site" / name).read_bytes(), name


def _fresh(tmp_path: Path) -> Path:
    folder = tmp_path.parent / f"{tmp_path.name}-cold"
    folder.mkdir()
    return folder


def test_stubs_remembered_between_rebuilds_are_not_read_again(tmp_path, config, monkeypatch):
    known: dict[str, bytes] = {}
    SourceStubs(tmp_path / "stubs", "salt", known).page(config, "people/a.md", "f1")
    from generator.site import dirty

    monkeypatch.setattr(dirty, "open", lambda path, *a: (_ for _ in ()).throw(AssertionError(f"opened {path}")),
                        raising=False)
    again = SourceStubs(tmp_path / "stubs", "salt", known)
    again.page(config, "people/a.md", "f1")
    assert again.written == 0
    monkeypatch.undo()
    changed = SourceStubs(tmp_path / "stubs", "salt", known)
    changed.page(config, "people/a.md", "f2")
    assert changed.written == 1 and known["people/a.md"].endswith(b"\n")


def _rows(db: Path) -> int:
    with closing(sqlite3.connect(db)) as connection:
        return connection.execute("SELECT COUNT(*) FROM pages").fetchone()[0]


def test_a_dirty_build_keeps_the_cached_pages_it_did_not_build_again(tmp_path):
    project = write_project(tmp_path)
    assert mkdocs_build(project).returncode == 0
    db = project / ".cache" / "news-archive" / "pages.sqlite"
    full = _rows(db)
    edit_seed_title(project)
    time.sleep(0.05)
    dirty = mkdocs_build(project, "--dirty", strict=False)
    assert dirty.returncode == 0, dirty.stderr
    built_again = int(re.search(r"page cache: \d+ pages reused, (\d+) rendered", dirty.stderr)[1])
    assert built_again > 0 and _rows(db) == full + built_again  # the new entries, and none dropped
    # The next full build finds every page but those the dirty build left for it (the other
    # articles, which list the edited one as related or neighbouring).
    again = mkdocs_build(project)
    assert again.returncode == 0, again.stderr
    assert re.search(r"page cache: (\d+) pages reused, (\d+) rendered", again.stderr).groups() == ("27", "2")


def test_serve_keeps_an_unchanged_stubs_file_and_page_and_makes_a_changed_ones_anew(tmp_path, config):
    config.site_dir = str(tmp_path / "site")
    first = SourceStubs(tmp_path / "stubs", "salt")
    page, nav_page = first.page(config, "people/a.md", "f1"), first.page(config, "index.md", "f1", keep=False)
    feed = first.static(config, "people/a/feed.xml", b"<feed/>")
    page.inclusion = InclusionLevel.NOT_IN_NAV
    assert set(first.files) == {"people/a.md", "people/a/feed.xml"}  # not the navigation's page

    again = SourceStubs(tmp_path / "stubs", "salt", first.known, first.files)
    assert again.page(config, "people/a.md", "f1") is page
    assert page.inclusion == InclusionLevel.UNDEFINED  # set again by this build, as for a new file
    assert again.static(config, "people/a/feed.xml", b"<feed/>") is feed
    assert again.page(config, "index.md", "f1", keep=False) is not nav_page
    assert again.kept == 2 and again.written == 0

    changed = SourceStubs(tmp_path / "stubs", "salt", again.known, again.files)
    assert changed.page(config, "people/a.md", "f2") is not page
    config.site_dir = str(tmp_path / "elsewhere")  # another output folder: nothing of the last build's
    moved = SourceStubs(tmp_path / "stubs", "salt", changed.known, changed.files)
    assert moved.static(config, "people/a/feed.xml", b"<feed/>") is not feed
    assert moved.kept == 0


def test_a_stub_backed_file_is_modified_while_its_output_is_older_than_its_stub(tmp_path, config, monkeypatch):
    config.site_dir = str(tmp_path / "site")
    stubs = SourceStubs(tmp_path / "stubs", "salt")
    page = stubs.page(config, "people/a.md", "f1")
    assert page.is_modified()  # never written
    out = Path(page.abs_dest_path)
    out.parent.mkdir(parents=True)
    out.write_text("<html></html>", encoding="utf-8")
    assert page.is_modified()  # this build's answer holds until the next build asks again
    again = SourceStubs(tmp_path / "stubs", "salt", stubs.known, stubs.files)
    assert again.page(config, "people/a.md", "f1") is page
    calls = []
    real_stat = os.stat
    monkeypatch.setattr(os, "stat", lambda path, *a, **k: calls.append(path) or real_stat(path, *a, **k))
    assert not page.is_modified() and not page.is_modified()
    assert calls == [page.abs_dest_path]  # one look at the output per build, none at the stub
    monkeypatch.undo()
    time.sleep(0.01)
    newer = SourceStubs(tmp_path / "stubs", "salt", again.known, again.files)
    edited = newer.page(config, "people/a.md", "f2")  # the stub is rewritten: newer than the output
    assert edited is not page and edited.is_modified()


@pytest.mark.parametrize("dirty", [False, True])
def test_a_hand_written_file_where_a_term_feed_would_go_wins(tmp_path, dirty):
    project = write_project(tmp_path)
    mine = project / "content" / "people" / "yoon-suk-yeol" / "feed.xml"
    mine.parent.mkdir(parents=True)
    mine.write_text("<feed>written by hand</feed>\n", encoding="utf-8")
    result = mkdocs_build(project, *(["--dirty"] if dirty else []), strict=False)
    assert result.returncode == 0, result.stderr
    assert "Keeping the hand-written people/yoon-suk-yeol/feed.xml" in result.stderr
    assert (project / "site" / "people" / "yoon-suk-yeol" / "feed.xml").read_text(encoding="utf-8") == \
        "<feed>written by hand</feed>\n"
    assert b"<feed xmlns" in (project / "site" / "places" / "seoul" / "feed.xml").read_bytes()  # the others: generated
