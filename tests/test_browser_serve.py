"""`mkdocs serve` in a browser: edit an article, the open page reloads with the new headline,
and its person's page lists it; the second build reuses the page cache."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

from conftest import SEED_PAGE, SEED_URL, write_project

pytestmark = pytest.mark.browser
OLD = "Japan and South Korea agree frayed ties can be improved"


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait(url: str, needle: str, timeout: float = 120) -> None:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if needle in response.read().decode("utf-8", errors="replace"):
                    return
        except OSError:
            pass
        time.sleep(0.2)
    raise AssertionError(f"{needle!r} never served at {url}")


def test_edit_reloads_the_open_page_and_updates_term_pages(browser, tmp_path):
    project = write_project(tmp_path)
    port = _port()
    log = (tmp_path / "serve.log").open("w")
    proc = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"], cwd=project,
                            env=dict(os.environ, NO_MKDOCS_2_WARNING="1"), stdout=log, stderr=subprocess.STDOUT,
                            start_new_session=True)
    root = f"http://127.0.0.1:{port}/news-archive/"
    try:
        _wait(root + SEED_URL, OLD)
        page = browser.new_page()
        page.goto(root + SEED_URL)
        page.wait_for_load_state("load")  # (livereload keeps a request open: never "networkidle")
        page.wait_for_timeout(1000)
        source = project / "content" / SEED_PAGE
        source.write_text(source.read_text(encoding="utf-8").replace(f"title: {OLD}", "title: Edited in preview"),
                          encoding="utf-8")
        page.wait_for_function("document.querySelector('h1').textContent === 'Edited in preview'", timeout=120_000)
        _wait(root + "people/yoon-suk-yeol/", "Edited in preview")
        page.close()
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=30)
        log.close()
    text = (tmp_path / "serve.log").read_text(encoding="utf-8")
    reused = [int(n) for n in __import__("re").findall(r"page cache: (\d+) pages reused", text)]
    assert len(reused) >= 2 and reused[-1] > 0, text
