"""End to end: a saved web page dropped into seeds/ becomes an article page linking its original."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from generator.build import build_archive
from generator.config import ProjectPaths
from generator.pages import split

REPO = Path(__file__).resolve().parents[1]
PAGE = REPO / "tests" / "fixtures" / "html" / "wire_story.html"
ORIGINAL = "https://gazette.example.org/business/2023/03/17/harbour-cranes-return"
SLUG = "articles/2023/03/harbour-cranes-return-to-work-after-strike"


def test_saved_web_page_becomes_an_article_page_linking_its_original(tmp_path: Path) -> None:
    for name in ("site_templates", "registry", "profiles"):
        shutil.copytree(REPO / name, tmp_path / name)
    shutil.copy(REPO / "mkdocs.yml", tmp_path / "mkdocs.yml")
    (tmp_path / "content").mkdir()
    (tmp_path / "seeds").mkdir()
    shutil.copy(PAGE, tmp_path / "seeds" / "harbour.html")
    shutil.copy(REPO / "tests" / "fixtures" / "html" / "german_story.html", tmp_path / "seeds" / "radweg.htm")

    report = build_archive(ProjectPaths.from_root(tmp_path), quiet=True)
    assert report.problem_lines == []
    meta, body = split((tmp_path / "content" / f"{SLUG}.md").read_text(encoding="utf-8"))
    assert (meta["url"], meta["language"], meta["seed"]) == (ORIGINAL, "en", "seeds/harbour.html")
    assert "Crane operators at Europe's largest port" in body and "cookies" not in body
    assert "1 article in another language was annotated from the registry only" in report.summary()

    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    run = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=tmp_path, env=env,
                         capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stderr
    html = (tmp_path / "site" / SLUG / "index.html").read_text(encoding="utf-8")
    assert f'<a href="{ORIGINAL}" rel="nofollow noopener">{ORIGINAL}</a>' in html
    assert 'class="na-article" lang="en"' in html
    german = (tmp_path / "site" / "articles" / "2022" / "09" / "stadtrat-beschliesst-neuen-radweg" / "index.html")
    assert 'class="na-article" lang="de"' in german.read_text(encoding="utf-8")
    assert (tmp_path / "seeds" / "harbour.html").is_file()  # the saved page stays as provenance
