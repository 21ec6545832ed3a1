"""The page cache (generator/site/cache.py): a warm build writes what a cold one writes, reuses
every page whose inputs did not change, and never hides a warning."""

from __future__ import annotations

import time

import logging
import re

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from conftest import SEED_PAGE, SEED_URL, edit_seed_title, mkdocs_build, write_project

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
    page = edit_seed_title(project)
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


def test_a_row_planted_in_the_page_cache_is_never_unpickled(project, caplog, tmp_path):
    """pages.sqlite lives in the checkout: a pull request can commit one. Its rows are sealed with a
    key kept outside the checkout, so a planted row, even under the right key, is a miss."""
    import pickle
    import sqlite3

    cold, (_, rendered) = _build(project, caplog)
    db = project / ".cache" / "news-archive" / "pages.sqlite"
    marker = tmp_path / "code-ran"
    planted = pickle.dumps(_Planted(marker))
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE pages SET value = ?", (planted,))
    conn.close()
    warm, counts = _build(project, caplog)
    assert counts == (0, rendered)  # every row refused, every page rendered again
    assert warm == cold
    assert not marker.exists()


class _Planted:
    def __init__(self, marker):
        self.marker = marker

    def __reduce__(self):
        from pathlib import Path

        return (Path.touch, (self.marker,))


def test_article_records_outlive_the_process(tmp_path, monkeypatch):
    """A new process (a `mkdocs build` after an edit) parses only the pages that changed."""
    from generator.site import records
    from generator.site.records import RecordCache

    pages = []
    for i in range(3):
        page = tmp_path / f"a{i}.md"
        page.write_text(f"---\ntitle: Story {i}\n---\n\nBody {i}.\n", encoding="utf-8")
        pages.append(page)
    store = tmp_path / "records.pickle"
    first = RecordCache()
    assert [first.meta(p)["title"] for p in pages] == ["Story 0", "Story 1", "Story 2"]
    first.end_build()
    first.save(store, "salt-1")

    parsed = []
    real = records.read_front_matter
    monkeypatch.setattr(records, "read_front_matter", lambda path: parsed.append(path.name) or real(path))
    pages[1].write_text("---\ntitle: Story one, edited\n---\n\nBody 1.\n", encoding="utf-8")
    pages[2].unlink()
    second = RecordCache()
    second.load(store, "salt-1")
    assert [second.meta(p)["title"] for p in pages[:2]] == ["Story 0", "Story one, edited"]
    assert second.read(pages[0])[1].strip() == "Body 0."
    assert parsed == ["a1.md"]
    second.end_build()
    second.save(store, "salt-1")

    third = RecordCache()  # other code: nothing reused
    third.load(store, "salt-2")
    third.meta(pages[0])
    assert parsed == ["a1.md", "a0.md"]
    fourth = RecordCache()  # the deleted page's record went at the last save
    fourth.load(store, "salt-1")
    assert set(fourth._seen) == {str(pages[0]), str(pages[1])}


def test_an_unchanged_page_keeps_its_record_object_between_rebuilds(tmp_path):
    from generator.site.records import RecordCache

    page = tmp_path / "a.md"
    page.write_text("---\ntitle: Story\n---\n\nBody.\n", encoding="utf-8")
    cache = RecordCache()
    first = cache.record(page, "articles/a.md", "articles/a/")
    assert first.title == "Story"
    assert cache.record(page, "articles/a.md", "articles/a/") is first
    other_urls = cache.record(page, "articles/a.md", "articles/a.html")
    assert other_urls is not first  # another URL scheme
    page.write_text("---\ntitle: Story\n---\n\nBody, corrected.\n", encoding="utf-8")  # the body alone
    assert cache.record(page, "articles/a.md", "articles/a.html") is other_urls
    assert cache.read(page)[1].strip() == "Body, corrected."
    page.write_text("---\ntitle: Story, edited\n---\n\nBody.\n", encoding="utf-8")
    edited = cache.record(page, "articles/a.md", "articles/a.html")
    assert edited.title == "Story, edited"
    cache.end_build()
    cache.end_build()  # a build that asked for no page: it is gone
    assert cache._records == {}


def test_a_page_changed_since_the_last_completed_build_is_known_without_its_output(tmp_path):
    from generator.site.records import RecordCache

    page, other = tmp_path / "a.md", tmp_path / "b.md"
    for path in (page, other):
        path.write_text("---\ntitle: Story\n---\n\nBody.\n", encoding="utf-8")
    cache = RecordCache()
    cache.record(page, "articles/a.md", "articles/a/")
    assert cache.changed_since_built(str(page))  # no build completed yet
    cache.mark_built()
    cache.record(page, "articles/a.md", "articles/a/")
    cache.record(other, "articles/b.md", "articles/b/")  # new since that build
    assert not cache.changed_since_built(str(page)) and cache.changed_since_built(str(other))
    page.write_text("---\ntitle: Story\n---\n\nBody, corrected.\n", encoding="utf-8")  # same record,
    cache.record(page, "articles/a.md", "articles/a/")  # other bytes: the page must be built again
    assert cache.changed_since_built(str(page))
    cache.mark_built()
    assert not cache.changed_since_built(str(page)) and not cache.changed_since_built(str(other))
    page.write_text("---\ntitle: [broken\n---\n", encoding="utf-8")  # a build that fails to read it
    with pytest.raises(Exception):
        cache.record(page, "articles/a.md", "articles/a/")
    page.write_text("---\ntitle: Story\n---\n\nBody, corrected again.\n", encoding="utf-8")
    cache.record(page, "articles/a.md", "articles/a/")
    assert cache.changed_since_built(str(page))


def test_records_are_written_only_when_one_changed_or_went(tmp_path):
    from generator.site.records import RecordCache

    page, store = tmp_path / "a.md", tmp_path / "records.pickle"
    page.write_text("---\ntitle: Story\n---\n\nBody.\n", encoding="utf-8")
    cache = RecordCache()
    cache.meta(page)
    cache.end_build()  # `serve`: a rebuild ends without writing
    cache.meta(page)
    cache.end_build()
    cache.save(store, "salt")  # the record read in the first build is still to write
    written = store.stat().st_mtime_ns
    cache.meta(page)
    cache.end_build()
    cache.save(store, "salt")  # nothing new
    assert store.stat().st_mtime_ns == written
    cache.end_build()  # the page went
    cache.save(store, "salt")
    assert store.stat().st_mtime_ns != written
    fresh = RecordCache()
    fresh.load(store, "salt")
    assert fresh._seen == {}


def test_carried_fingerprints_are_those_of_the_objects_still_in_use():
    from generator.site.cache import Fingerprint
    from generator.site.records import ArticleRecord

    kept, dropped = (ArticleRecord.from_meta(f"articles/{n}.md", f"articles/{n}/", {"title": n}) for n in "ab")
    before = Fingerprint()
    digests = before.of([kept, dropped])
    after = before.carried([kept])
    assert after._memo == {id(kept): before.of(kept)} and after._keep == [kept]
    kept.title = "changed in place"  # records never are; the carried digest is trusted as it stands
    assert after.of([kept, dropped]) == digests
    assert Fingerprint().of([kept, dropped]) != digests


@pytest.fixture()
def serve_plugin():
    """`mkdocs serve` keeps a plugin that defines on_startup across rebuilds in one process (MkDocs'
    plugin cache); the cache is emptied afterwards so no other test gets a plugin in serve mode."""
    from mkdocs.config.defaults import MkDocsConfig

    plugins = MkDocsConfig.plugins
    plugins.plugin_cache.clear()
    yield
    plugins.plugin_cache.clear()


def test_serve_rebuilds_reuse_unchanged_records_and_show_the_edit_everywhere(tmp_path, serve_plugin, monkeypatch):
    project = write_project(tmp_path)
    site = tmp_path / "served"

    def rebuild():
        config = load_config(str(project / "mkdocs.yml"), site_dir=str(site))
        build(config, dirty=True)
        return config.plugins["news-archive"]

    first_config = load_config(str(project / "mkdocs.yml"), site_dir=str(site))
    first_config.plugins.on_startup(command="serve", dirty=True)
    build(first_config, dirty=True)
    plugin = first_config.plugins["news-archive"]
    before = dict(plugin.archive.by_src)
    assert plugin._ahead.report.folders > 0 and plugin._template_code.loaded == 0
    sitemap = (site / "sitemap.xml").read_bytes()
    stamp = (site / "sitemap.xml").stat().st_mtime_ns
    assert SEED_URL.encode() in sitemap
    edit_seed_title(project)
    # An article's File answers `is_modified` from the record cache (dirty.py), not by `stat`.
    from mkdocs.structure.files import File

    asked_mkdocs = File.is_modified

    def stat_based(file):
        assert not file.src_uri.startswith("articles/"), file.src_uri
        return asked_mkdocs(file)

    monkeypatch.setattr(File, "is_modified", stat_based)
    assert rebuild() is plugin
    # The sitemap is the first build's: a preview does not render its line per page again.
    assert (site / "sitemap.xml").stat().st_mtime_ns == stamp and (site / "sitemap.xml").read_bytes() == sitemap
    # The rebuild made no folders (they exist) and compiled no template (the last build's code).
    assert plugin._ahead.report.folders == 0 and plugin._template_code.loaded > 0
    after = plugin.archive.by_src
    assert after[SEED_PAGE] is not before[SEED_PAGE] and after[SEED_PAGE].title == "Edited headline"
    assert all(after[src] is before[src] for src in before if src != SEED_PAGE) and len(before) > 1
    for listing in (SEED_URL + "index.html", "people/yoon-suk-yeol/index.html", "timeline/2022/05/index.html",
                    "index.html"):
        assert "Edited headline" in (site / listing).read_text(encoding="utf-8"), listing
    pages = {src: page for src, (_, page) in plugin._pages.last.items()}
    assert plugin._pages.kept == len(before) - 1  # every article's page but the edited one's

    # A body-only edit keeps the record, and so the page object, which MkDocs reads and renders again.
    page = project / "content" / SEED_PAGE
    time.sleep(0.01)
    page.write_text(page.read_text(encoding="utf-8") + "\nA sentence added by an editor.\n", encoding="utf-8")
    assert rebuild() is plugin
    assert plugin._pages.last[SEED_PAGE][1] is pages[SEED_PAGE]
    article = (site / SEED_URL / "index.html").read_text(encoding="utf-8")
    assert "A sentence added by an editor." in article and "Edited headline" in article
    # The records are written when `serve` stops, not after every rebuild.
    from generator.site.records import RecordCache

    store = project / ".cache" / "news-archive" / "records.pickle"
    assert not store.exists()  # neither serve build wrote them
    plugin.on_shutdown()
    saved = RecordCache()
    saved.load(store, plugin._records_salt)
    assert saved._seen[str(project / "content" / SEED_PAGE)][2]["title"] == "Edited headline"


def test_a_term_made_again_of_the_same_objects_keeps_its_digest_and_a_changed_one_does_not(monkeypatch):
    from generator.site.cache import Fingerprint
    from generator.site.entities import EntityInfo
    from generator.site.records import ArticleRecord
    from generator.site.terms import Term

    yoon, kishida = EntityInfo("people", "Yoon", "yoon"), EntityInfo("people", "Kishida", "kishida")
    stories = [ArticleRecord.from_meta(f"articles/{n}.md", f"articles/{n}/", {"title": n}) for n in "ab"]
    before = Fingerprint()
    digest = before.of(Term(yoon, list(stories), [(Term(kishida), 2)]))
    after = before.carried([*stories, yoon, kishida])
    assert len(after._by_key) == 1

    monkeypatch.setattr(Term, "fingerprint", lambda self: (_ for _ in ()).throw(AssertionError("made again")))
    assert after.of(Term(yoon, list(stories), [(Term(kishida), 2)])) == digest  # a new term object, same parts
    monkeypatch.undo()
    assert after.of(Term(yoon, list(stories), [(Term(kishida), 3)])) != digest  # another count
    edited = ArticleRecord.from_meta("articles/b.md", "articles/b/", {"title": "b, edited"})
    assert after.of(Term(yoon, [stories[0], edited], [(Term(kishida), 2)])) != digest
    assert before.carried([stories[0], yoon, kishida])._by_key == {}  # a record let go: so is the key


@pytest.mark.parametrize("dirty", [False, True])
def test_plain_serve_of_a_large_archive_suggests_dirty_once(tmp_path, serve_plugin, monkeypatch, caplog, dirty):
    from generator.site import plugin as plugin_module

    monkeypatch.setattr(plugin_module, "DIRTY_HINT", 3)  # the test archive has three articles
    project = write_project(tmp_path)
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(tmp_path / "served"))
    config.plugins.on_startup(command="serve", dirty=dirty)
    with caplog.at_level(logging.INFO, logger="mkdocs.plugins.news-archive"):
        build(config, dirty=dirty)
        build(load_config(str(project / "mkdocs.yml"), site_dir=str(tmp_path / "served")), dirty=dirty)
    hints = [r.getMessage() for r in caplog.records if "mkdocs serve --dirty" in r.getMessage()]
    assert hints == ([] if dirty else ["news-archive: 3 articles: each save builds every page again; "
                                       "`mkdocs serve --dirty` builds only what the save changes (README, The site)"])


def test_a_serve_dirty_rebuild_writes_the_pages_a_cold_build_of_the_edited_archive_writes(tmp_path, serve_plugin,
                                                                                           monkeypatch):
    """What a `serve --dirty` rebuild takes from the last build (records, terms and their fingerprints,
    the articles' "modified?" answers, files and pages) leaves every page it writes as a cold
    build of the edited archive writes it."""
    from conftest import BUILD_DAY, SEED_TITLE

    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(BUILD_DAY))  # the home page's day, as mkdocs_build's
    (tmp_path / "served-project").mkdir()
    project = write_project(tmp_path / "served-project")
    site = tmp_path / "served"

    def build_in_process(first: bool = False):
        config = load_config(str(project / "mkdocs.yml"), site_dir=str(site))
        if first:
            config.plugins.on_startup(command="serve", dirty=True)
        build(config, dirty=True)
        return config.plugins["news-archive"]

    plugin = build_in_process(first=True)
    page = project / "content" / SEED_PAGE
    text = page.read_text(encoding="utf-8")
    edited = text.replace(f"title: {SEED_TITLE}", "title: Edited headline").replace(
        "people: [Yoshimasa Hayashi,", "people: [Moon Jae-in, Yoshimasa Hayashi,")
    assert edited.count("Moon Jae-in") == 1 and "Edited headline" in edited
    time.sleep(0.01)
    page.write_text(edited, encoding="utf-8")
    assert build_in_process() is plugin
    assert plugin.archive.index.carried  # the other articles' terms are the last build's objects
    assert all(plugin.archive.index.by_kind[t.kind][t.slug] is t for t in plugin.archive.index.carried)

    (tmp_path / "cold-project").mkdir()
    cold = write_project(tmp_path / "cold-project")
    (cold / "content" / SEED_PAGE).write_text(edited, encoding="utf-8")
    assert mkdocs_build(cold, strict=False).returncode == 0
    served = {p.relative_to(site).as_posix() for p in site.rglob("*.html")}
    assert served == {p.relative_to(cold / "site").as_posix() for p in (cold / "site").rglob("*.html")}
    assert "people/moon-jae-in/index.html" in served
    for name in sorted(served):
        # Other articles keep their lists of related and neighbouring articles (MkDocs' caveat for dirty builds).
        if not name.startswith("articles/") or name == SEED_URL + "index.html":
            assert (site / name).read_bytes() == (cold / "site" / name).read_bytes(), name
