"""The garbage collector's thresholds during a build (generator/site/collector.py)."""

from __future__ import annotations

import gc

import jinja2
import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from conftest import write_project
from generator.site.collector import YOUNG_THRESHOLD, FewerCollections


@pytest.fixture
def thresholds():
    saved = gc.get_threshold()
    gc.set_threshold(700, 10, 10)
    yield
    gc.set_threshold(*saved)


def test_a_build_collects_less_often_and_puts_the_thresholds_back(thresholds):
    fewer = FewerCollections()
    fewer.begin()
    assert gc.get_threshold() == (YOUNG_THRESHOLD, 10, 10)
    fewer.begin()  # no second save: the end still restores the original
    fewer.end()
    assert gc.get_threshold() == (700, 10, 10)
    fewer.end()
    assert gc.get_threshold() == (700, 10, 10)


def test_a_higher_threshold_someone_set_is_kept(thresholds):
    gc.set_threshold(250_000, 5, 5)
    fewer = FewerCollections()
    fewer.begin()
    assert gc.get_threshold() == (250_000, 5, 5)
    fewer.end()
    assert gc.get_threshold() == (250_000, 5, 5)


def test_the_thresholds_are_back_after_a_build_that_worked_and_one_that_failed(tmp_path, thresholds, monkeypatch):
    project = write_project(tmp_path)
    seen: list[tuple[int, int, int]] = []
    real_end = FewerCollections.end

    def watched(self):
        seen.append(gc.get_threshold())
        real_end(self)

    monkeypatch.setattr(FewerCollections, "end", watched)
    build(load_config(str(project / "mkdocs.yml"), site_dir=str(tmp_path / "site")))
    assert seen == [(YOUNG_THRESHOLD, 10, 10)] and gc.get_threshold() == (700, 10, 10)

    (project / "site_templates" / "main.html").write_text("{% block broken %}", encoding="utf-8")
    with pytest.raises(jinja2.TemplateSyntaxError):
        build(load_config(str(project / "mkdocs.yml"), site_dir=str(tmp_path / "site2")))
    assert len(seen) == 2 and gc.get_threshold() == (700, 10, 10)
