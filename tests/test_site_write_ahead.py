"""site/'s folders and feeds made ahead of MkDocs by a helper process (generator/site/write_ahead.py)."""

from __future__ import annotations

import logging
from types import SimpleNamespace

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.structure.files import InclusionLevel

from conftest import write_project
from generator.site import write_ahead
from generator.site.write_ahead import AheadWriter


def _file(path, inclusion=InclusionLevel.INCLUDED):
    return SimpleNamespace(abs_dest_path=str(path), inclusion=inclusion)


class _Static:
    """Stands for a File.generated backed by its own place in site/: records what MkDocs is given."""

    def __init__(self, path) -> None:
        self.abs_dest_path, self.inclusion, self.given = str(path), InclusionLevel.INCLUDED, None

    @property
    def content_bytes(self):
        raise AssertionError("not read")

    @content_bytes.setter
    def content_bytes(self, value: bytes) -> None:
        self.given = value


def test_makes_every_included_files_folder_and_writes_the_feeds(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "people").mkdir()  # already there: tolerated, not counted
    feed = _Static(site / "people" / "ana-lima" / "feed.xml")
    removed = _Static(site / "people" / "gone" / "feed.xml")  # another plugin took it out of `files`
    files = [
        _file(site / "index.html"),
        _file(site / "people" / "index.html"),
        _file(site / "people" / "ana-lima" / "index.html"),
        feed,
        _file(site / "articles" / "2024" / "05" / "a" / "index.html"),  # parents made on the way
        _file(site / "drafts" / "x" / "index.html", InclusionLevel.EXCLUDED),
        _file(site / "not-in-nav" / "index.html", InclusionLevel.NOT_IN_NAV),
    ]
    writer = AheadWriter()
    writer.start(files, {"people/ana-lima/feed.xml": (feed, b"<feed>A</feed>\n"),
                         "people/gone/feed.xml": (removed, b"<feed/>")})
    report = writer.finish()
    made = sorted(str(p.relative_to(site)) for p in site.rglob("*") if p.is_dir())
    assert made == ["articles", "articles/2024", "articles/2024/05", "articles/2024/05/a", "not-in-nav",
                    "people", "people/ana-lima"]
    assert (site / "people" / "ana-lima" / "feed.xml").read_bytes() == b"<feed>A</feed>\n"
    assert sorted(str(p.relative_to(site)) for p in site.rglob("*") if p.is_file()) == ["people/ana-lima/feed.xml"]
    assert (report.folders, report.files, report.error) == (6, 1, None)
    assert feed.given is None and removed.given is None  # nothing left for MkDocs to write


def test_what_the_child_cannot_do_is_left_to_mkdocs(tmp_path, caplog):
    site = tmp_path / "site"
    site.mkdir()
    (site / "people").write_text("not a folder")
    blocked = _Static(site / "people" / "b" / "feed.xml")
    fine = _Static(site / "places" / "c" / "feed.xml")
    writer = AheadWriter()
    writer.start([_file(site / "articles" / "a" / "index.html"), blocked, fine],
                 {"people/b/feed.xml": (blocked, b"B"), "places/c/feed.xml": (fine, b"C")})
    with caplog.at_level(logging.DEBUG, logger="mkdocs.plugins.news-archive"):
        report = writer.finish()
    assert (site / "articles" / "a").is_dir() and (site / "places" / "c" / "feed.xml").read_bytes() == b"C"
    assert (report.folders, report.files) == (4, 1)
    assert blocked.given == b"B" and fine.given is None  # MkDocs writes the one the child could not
    assert "Not a directory" in report.error
    assert [r.levelno for r in caplog.records] == [logging.DEBUG] and "people" in caplog.records[0].getMessage()


def test_a_child_that_dies_or_cannot_start_leaves_everything_to_mkdocs(tmp_path, monkeypatch):
    feed = _Static(tmp_path / "site" / "feed.xml")
    monkeypatch.setattr(write_ahead, "_CHILD", "import sys; sys.stderr.write('boom'); sys.exit(3)")
    writer = AheadWriter()
    writer.start([feed], {"feed.xml": (feed, b"F")})
    assert writer.finish().error == "boom" and feed.given == b"F"

    feed.given = None
    monkeypatch.setattr(write_ahead.sys, "executable", str(tmp_path / "no-such-python"))
    writer.start([feed], {"feed.xml": (feed, b"F")})
    assert feed.given == b"F" and "no-such-python" in writer.finish().error
    assert not (tmp_path / "site").exists()


def test_a_second_build_starts_counting_again(tmp_path):
    writer = AheadWriter()
    writer.start([_file(tmp_path / "a" / "index.html")], {})
    assert writer.finish().folders == 1
    writer.start([_file(tmp_path / "a" / "index.html")], {})
    assert (writer.finish().folders, writer.report.error) == (0, None)


def _site(project, site, *, ahead: bool) -> dict[str, bytes]:
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(site))
    config.plugins["news-archive"].config.write_ahead = ahead
    build(config)
    # (Pagefind's file names carry hashes that differ from run to run)
    return {str(p.relative_to(site)): (p.read_bytes() if p.is_file() else b"<folder>") for p in site.rglob("*")
            if p.relative_to(site).parts[0] != "pagefind"}


def test_the_site_is_the_same_with_folders_and_feeds_made_ahead(tmp_path, caplog):
    project = write_project(tmp_path)
    with caplog.at_level(logging.INFO, logger="mkdocs.plugins.news-archive"):
        ahead = _site(project, tmp_path / "ahead", ahead=True)
    lines = [r.getMessage() for r in caplog.records if "ahead, in" in r.getMessage()]
    assert len(lines) == 1
    words = lines[0].split()
    # site/ itself (a first build) and every folder in it but the search index's, which Pagefind
    # writes after the build; every feed, the site's and each term's
    folders_made = [k for k, v in ahead.items() if v == b"<folder>"]
    feeds = [k for k in ahead if k.endswith("feed.xml")]
    assert (int(words[1]), int(words[6])) == (1 + len(folders_made), len(feeds)) == (42, 15)
    assert ahead == _site(project, tmp_path / "behind", ahead=False)
