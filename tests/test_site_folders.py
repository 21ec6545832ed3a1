"""Output folders made ahead of MkDocs (generator/site/folders.py)."""

from __future__ import annotations

import logging
from types import SimpleNamespace

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.structure.files import InclusionLevel

from conftest import write_project
from generator.site.folders import FolderMaker


def _file(path, inclusion=InclusionLevel.INCLUDED):
    return SimpleNamespace(abs_dest_path=str(path), inclusion=inclusion)


def test_makes_the_folder_of_every_included_file_and_no_other(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "people").mkdir()  # already there: tolerated, not counted
    files = [
        _file(site / "index.html"),
        _file(site / "people" / "index.html"),
        _file(site / "people" / "ana-lima" / "index.html"),
        _file(site / "people" / "ana-lima" / "feed.xml"),
        _file(site / "articles" / "2024" / "05" / "a" / "index.html"),  # parents made on the way
        _file(site / "drafts" / "x" / "index.html", InclusionLevel.EXCLUDED),
        _file(site / "not-in-nav" / "index.html", InclusionLevel.NOT_IN_NAV),
    ]
    maker = FolderMaker()
    maker.start(files)
    maker.join()
    made = sorted(str(p.relative_to(site)) for p in site.rglob("*") if p.is_dir())
    assert made == ["articles", "articles/2024", "articles/2024/05", "articles/2024/05/a", "not-in-nav",
                    "people", "people/ana-lima"]
    assert maker.made == 6 and maker.error is None
    assert not list(site.rglob("*.html"))  # folders only: MkDocs writes the files


def test_a_file_in_the_way_is_left_to_mkdocs_to_report_and_the_rest_are_made(tmp_path, caplog):
    site = tmp_path / "site"
    site.mkdir()
    (site / "people").write_text("not a folder")
    maker = FolderMaker()
    maker.start([_file(site / "articles" / "a" / "index.html"), _file(site / "people" / "b" / "index.html"),
                 _file(site / "places" / "c" / "index.html")])
    with caplog.at_level(logging.DEBUG, logger="mkdocs.plugins.news-archive"):
        maker.join()
    assert isinstance(maker.error, NotADirectoryError)
    assert (site / "articles" / "a").is_dir() and (site / "places" / "c").is_dir()
    assert maker.made == 4
    assert [r.levelno for r in caplog.records] == [logging.DEBUG]
    assert "people" in caplog.records[0].getMessage()


def test_a_second_build_starts_counting_again(tmp_path):
    maker = FolderMaker()
    maker.start([_file(tmp_path / "a" / "index.html")])
    maker.join()
    maker.start([_file(tmp_path / "a" / "index.html")])
    maker.join()
    assert maker.made == 0 and maker.error is None


def _site(project, site, *, ahead: bool) -> dict[str, bytes]:
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(site))
    config.plugins["news-archive"].config.folders_ahead = ahead
    build(config)
    # (Pagefind's file names carry hashes that differ from run to run)
    return {str(p.relative_to(site)): (p.read_bytes() if p.is_file() else b"<folder>") for p in site.rglob("*")
            if p.relative_to(site).parts[0] != "pagefind"}


def test_the_site_is_the_same_with_folders_made_ahead(tmp_path, caplog):
    project = write_project(tmp_path)
    with caplog.at_level(logging.INFO, logger="mkdocs.plugins.news-archive"):
        ahead = _site(project, tmp_path / "ahead", ahead=True)
    lines = [r.getMessage() for r in caplog.records if "made ahead" in r.getMessage()]
    assert len(lines) == 1 and lines[0].startswith("news-archive: ")
    made = int(lines[0].split()[1])
    # site/ itself (a first build) and every folder in it but the search index's, which Pagefind
    # writes after the build
    folders = [k for k, v in ahead.items() if v == b"<folder>"]
    assert made == 1 + len(folders) == 42
    assert ahead == _site(project, tmp_path / "behind", ahead=False)
