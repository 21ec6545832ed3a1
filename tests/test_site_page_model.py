"""Archive pages skip MkDocs' Markdown converter only when they have no Markdown."""

from __future__ import annotations

import markdown
import pytest
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from generator.site.page_model import ArchivePage, adopt


@pytest.fixture
def config(tmp_path):
    (tmp_path / "docs").mkdir()
    cfg = MkDocsConfig()
    cfg.load_dict({"site_name": "Archive", "docs_dir": str(tmp_path / "docs"), "site_dir": str(tmp_path / "site")})
    errors, _warnings = cfg.validate()
    assert errors == []
    return cfg


def _files(config, *names: str) -> Files:
    return Files([File(name, config.docs_dir, config.site_dir, config.use_directory_urls) for name in names])


def test_only_archive_files_not_yet_bound_get_an_archive_page(config):
    files = _files(config, "people/a.md", "articles/x.md", "about.md", "taken.md")
    taken = files.get_file_from_path("taken.md")
    from mkdocs.structure.pages import Page
    Page(None, taken, config)
    assert adopt(files, {"people/a.md": "A", "articles/x.md": "X", "taken.md": "T"}, config) == 2
    kinds = {f.src_uri: (type(f.page).__name__, f.page.title) if f.page else None for f in files}
    assert kinds == {"people/a.md": ("ArchivePage", "A"), "articles/x.md": ("ArchivePage", "X"), "about.md": None,
                     "taken.md": ("Page", None)}


def test_a_page_without_markdown_renders_without_a_converter(config, monkeypatch):
    files = _files(config, "people/a.md")
    page = ArchivePage(None, files.get_file_from_path("people/a.md"), config)
    page.markdown = "\n"

    def no_converter(*args, **kwargs):
        raise AssertionError("a Markdown converter was built for a page with no Markdown")

    monkeypatch.setattr(markdown, "Markdown", no_converter)
    page.render(config, files)
    assert (page.content, page.present_anchor_ids, page.links_to_anchors) == ("", set(), {})


def test_a_page_with_markdown_is_rendered_by_mkdocs(config):
    files = _files(config, "articles/x.md")
    page = ArchivePage(None, files.get_file_from_path("articles/x.md"), config)
    page.markdown = "\nThe *council* met.\n\n## Vote\n"
    page.render(config, files)
    assert page.content == '<p>The <em>council</em> met.</p>\n<h2 id="vote">Vote</h2>'
    assert page.present_anchor_ids == {"vote"}


def test_serve_keeps_an_articles_page_while_its_record_is_the_same_object(config):
    from generator.site.page_model import PageKeeper

    keeper = PageKeeper()
    story, other = object(), object()
    first = _files(config, "articles/x.md", "articles/y.md")
    assert adopt(first, {"articles/x.md": "X", "articles/y.md": "Y"}, config, None, keeper,
                 {"articles/x.md": story, "articles/y.md": other}) == 2
    x_page = first.get_file_from_path("articles/x.md").page

    second = _files(config, "articles/x.md", "articles/y.md")  # MkDocs' new files of a rebuild
    assert adopt(second, {"articles/x.md": "X", "articles/y.md": "Y"}, config, None, keeper,
                 {"articles/x.md": story, "articles/y.md": object()}) == 1  # y's record is new
    x_file = second.get_file_from_path("articles/x.md")
    assert x_file.page is x_page and x_page.file is x_file and keeper.kept == 1
    assert second.get_file_from_path("articles/y.md").page is not None

    config.site_url = "https://example.org/elsewhere/"  # the page's URLs would differ: none kept
    third = _files(config, "articles/x.md")
    assert adopt(third, {"articles/x.md": "X"}, config, None, keeper, {"articles/x.md": story}) == 1
    assert third.get_file_from_path("articles/x.md").page is not x_page and keeper.kept == 0
