"""`mkdocs build` alone converts seeds/ (through the plugin) on a fresh clone, and picks up new seeds."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SEED_URL = "articles/2022/05/japan-and-south-korea-agree-their-frayed-relationship-can-be-improved/"
NEW_SEED = """Ministers Meet in Berlin
18:05 CET, March 3, 2023
BERLIN (Reuters) – German Chancellor Olaf Scholz met French President Emmanuel Macron in Berlin on Friday.
Scholz said the two countries would coordinate their positions on energy prices.
"""


def mkdocs(project: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", *extra], cwd=project, env=env,
                          capture_output=True, text=True, timeout=600)


def test_mkdocs_build_converts_seeds_and_reports_bad_ones(tmp_path: Path) -> None:
    for name in ("site_templates", "registry", "profiles", "seeds"):
        shutil.copytree(REPO / name, tmp_path / name)
    shutil.copy(REPO / "mkdocs.yml", tmp_path / "mkdocs.yml")
    (tmp_path / "content").mkdir()  # as an archive starts: content/ holds only its .gitkeep

    first = mkdocs(tmp_path, "--strict")
    assert first.returncode == 0, first.stderr
    assert (tmp_path / "site" / SEED_URL / "index.html").is_file()
    assert (tmp_path / "content" / SEED_URL.rstrip("/")).with_suffix(".md").is_file()

    (tmp_path / "seeds" / "berlin.txt").write_text(NEW_SEED, encoding="utf-8")
    (tmp_path / "seeds" / "empty.txt").write_bytes(b"")
    second = mkdocs(tmp_path)
    assert second.returncode == 0, second.stderr
    berlin = tmp_path / "site" / "articles" / "2023" / "03" / "ministers-meet-in-berlin" / "index.html"
    assert "Olaf Scholz" in berlin.read_text(encoding="utf-8")
    assert "WARNING -  news-archive: seeds/empty.txt: file is empty" in second.stderr
    assert (tmp_path / "site" / "people" / "olaf-scholz" / "index.html").is_file()

    strict = mkdocs(tmp_path, "--strict")
    assert strict.returncode == 1
    assert "seeds/empty.txt: file is empty" in strict.stderr


def test_mkdocs_serve_watches_seeds_and_registry(tmp_path: Path) -> None:
    from mkdocs.config import load_config

    from generator.site.plugin import NewsArchivePlugin

    for name in ("site_templates", "registry", "seeds"):
        shutil.copytree(REPO / name, tmp_path / name)
    shutil.copy(REPO / "mkdocs.yml", tmp_path / "mkdocs.yml")
    (tmp_path / "content").mkdir()
    config = load_config(str(tmp_path / "mkdocs.yml"))
    plugin = config.plugins["news-archive"]
    assert isinstance(plugin, NewsArchivePlugin)
    plugin.on_config(config)

    from mkdocs.livereload import LiveReloadServer
    from watchdog.observers.polling import PollingObserver

    server = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(tmp_path))
    server.watch(config.docs_dir)  # as `mkdocs serve` does before the plugins' on_serve
    assert plugin.on_serve(server, config, builder=None) is server
    assert {e.watch.raw_path for e in server.observer.emitters} == {
        config.docs_dir, str(tmp_path.resolve() / "seeds"), str(tmp_path.resolve() / "registry")}
    assert type(server.observer) is not PollingObserver  # saves noticed through file events (watching.py)

    plugin.config.watch_native = False  # a file system without events: MkDocs' polling stays
    server = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(tmp_path))
    plugin.on_serve(server, config, builder=None)
    assert type(server.observer) is PollingObserver
