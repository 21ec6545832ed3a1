"""The whole pipeline in a real browser: the real seed and a hostile seed, converted by
`mkdocs build` itself (the plugin runs the build script), then searched and clicked through.

Unlike test_browser.py (hand-written pages), nothing here is prepared by hand: what the reader
sees is what the build script made of raw files.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import REPO, serve

ARTIFACTS = REPO / "test-artifacts"
HEADLINE = "Japan and South Korea agree their frayed relationship can be improved"
HOSTILE_SEED = """Court Hearing Delayed <script>alert(1)</script>
09:30 EDT, June 1, 2023
NEW YORK (Reuters) – Officials said on Thursday that the hearing would resume next week.
<script>alert(1)</script>
<img src=x onerror=alert(1)>
[x](javascript:alert(1))
# Not a heading
* not a list item
"""

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def pipeline_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = tmp_path_factory.mktemp("pipeline")
    for name in ("site_templates", "registry", "profiles", "seeds"):
        shutil.copytree(REPO / name, project / name)
    shutil.copy(REPO / "mkdocs.yml", project / "mkdocs.yml")
    (project / "content").mkdir()
    (project / "seeds" / "hostile.txt").write_text(HOSTILE_SEED, encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=project,
                            env=dict(os.environ, NO_MKDOCS_2_WARNING="1"), capture_output=True, text=True,
                            timeout=600)
    assert result.returncode == 0, result.stderr
    return project / "site"


@pytest.fixture(scope="module")
def server(pipeline_site: Path):
    with serve(pipeline_site) as url:
        yield url


def test_search_hayashi_open_article_follow_yoon(browser, server) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    dialogs: list[str] = []
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(server)
    page.wait_for_load_state("networkidle")
    page.locator("input.na-search__input").click()
    page.locator("input.na-search__input").press_sequentially("Hayashi", delay=30)
    result = page.locator("#na-search-results a", has_text=HEADLINE).first
    result.wait_for(timeout=15_000)
    result.click()
    page.wait_for_url("**/articles/2022/05/**")
    assert page.locator("time[datetime='2022-05-10T17:48:00+09:00']").count() == 1
    assert "TOKYO (Reuters) — May 10, 2022, 17:48 JST" in page.inner_text("article")
    page.screenshot(path=str(ARTIFACTS / "pipeline-article.png"), full_page=True)
    page.locator(".na-terms-box a", has_text="Yoon Suk-yeol").first.click()
    page.wait_for_url("**/people/yoon-suk-yeol/")
    assert page.locator("h1").first.inner_text() == "Yoon Suk-yeol"
    assert page.locator("a", has_text=HEADLINE).count() >= 1
    assert dialogs == []
    page.close()


def test_hostile_seed_shows_text_and_runs_nothing(browser, server, pipeline_site: Path) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    [page_file] = list((pipeline_site / "articles" / "2023" / "06").glob("*/index.html"))
    url = server + page_file.parent.relative_to(pipeline_site).as_posix() + "/"
    dialogs: list[str] = []
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(url)
    page.wait_for_load_state("load")
    page.wait_for_timeout(500)
    page.screenshot(path=str(ARTIFACTS / "pipeline-hostile.png"), full_page=True)
    assert dialogs == []
    # Executable scripts hold none of it; the page's JSON-LD holds it as data (parsed whole).
    assert not any("alert(1)" in s for s in page.eval_on_selector_all(
        "script:not([type='application/ld+json'])", "els => els.map(e => e.textContent)"))
    data = page.eval_on_selector_all("script[type='application/ld+json']", "els => els.map(e => JSON.parse(e.textContent))")
    assert len(data) == 1 and data[0]["headline"].startswith("Court Hearing Delayed <script>")
    assert page.locator("img[src='x']").count() == 0
    assert page.locator("a[href^='javascript:']").count() == 0
    text = page.inner_text("article")
    for literal in ("<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "[x](javascript:alert(1))",
                    "# Not a heading", "* not a list item"):
        assert literal in text
    assert page.title().startswith("Court Hearing Delayed <script>alert(1)</script>")
    page.close()
