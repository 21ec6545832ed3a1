"""The shared page frame (generator/site/chrome.py) is checked in every build and falls back loudly.

A theme override that prints something page-specific breaks the frame's assumption. The build
must notice it (first pages of each family, plus a random sample of the rest), warn (so
`--strict` fails) and still write exactly what full rendering writes.
"""

from __future__ import annotations

import logging

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from conftest import mkdocs_build, write_project

LAST_PERSON = "people/yoshimasa-hayashi/"  # the last of the fixture's person pages, in build order


def _override(project, condition: str) -> None:
    main = project / "site_templates" / "main.html"
    main.write_text(main.read_text(encoding="utf-8") + "\n{% block footer %}{{ super() }}"
                    "{% if " + condition + " %}<!--page-specific {{ page.url }}-->{% endif %}{% endblock %}\n",
                    encoding="utf-8")


def _build(project, site, *, fast: bool, sample: float = 0.02) -> dict[str, bytes]:
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(site))
    options = config.plugins["news-archive"].config
    options.fast_chrome, options.frame_sample = fast, sample
    build(config)
    return {str(p.relative_to(site)): p.read_bytes() for p in site.rglob("*.html")}


@pytest.fixture()
def project(tmp_path):
    return write_project(tmp_path)


def test_page_specific_theme_falls_back_to_full_render_with_a_warning(project, tmp_path, caplog):
    _override(project, "true")
    with caplog.at_level(logging.WARNING, logger="mkdocs.plugins.news-archive"):
        framed = _build(project, tmp_path / "fast", fast=True)
    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert any("shared page frame" in w and "people" in w for w in warnings), warnings
    assert any("shared page frame" in w and "articles" in w for w in warnings), warnings
    full = _build(project, tmp_path / "full", fast=False)
    assert framed == full
    assert "<!--page-specific people/fumio-kishida/-->" in framed["people/fumio-kishida/index.html"].decode()


def test_strict_build_fails_when_the_frame_differs(project):
    _override(project, "true")
    result = mkdocs_build(project)
    assert result.returncode == 1
    assert "shared page frame" in result.stderr


def test_random_sample_catches_a_difference_on_a_later_page(project, tmp_path, caplog):
    # Only the last person page differs: the first pages of the family match, so only the
    # random sample can catch it (sample 1.0 = every page; 0.0 = none after the first ones).
    _override(project, f'page.url == "{LAST_PERSON}"')
    with caplog.at_level(logging.WARNING, logger="mkdocs.plugins.news-archive"):
        framed = _build(project, tmp_path / "all", fast=True, sample=1.0)
    assert any(LAST_PERSON.rstrip("/") in r.getMessage() for r in caplog.records if r.levelno == logging.WARNING)
    assert "<!--page-specific" in framed[LAST_PERSON + "index.html"].decode()
    caplog.clear()
    with caplog.at_level(logging.WARNING, logger="mkdocs.plugins.news-archive"):
        unchecked = _build(project, tmp_path / "none", fast=True, sample=0.0)
    assert not [r for r in caplog.records if r.levelno == logging.WARNING]
    assert "<!--page-specific" not in unchecked[LAST_PERSON + "index.html"].decode()


def test_unchanged_theme_builds_identical_pages_quietly(project, tmp_path, caplog):
    with caplog.at_level(logging.INFO, logger="mkdocs.plugins.news-archive"):
        framed = _build(project, tmp_path / "fast", fast=True, sample=1.0)
    assert not [r for r in caplog.records if r.levelno == logging.WARNING]
    assert any("in shared frames" in r.getMessage() for r in caplog.records)
    assert framed == _build(project, tmp_path / "full", fast=False)
