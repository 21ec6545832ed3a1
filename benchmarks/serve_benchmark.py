"""Edit-to-served time under `mkdocs serve` (or `mkdocs serve --dirty`): change one article's title,
poll until the new title is served on the article's page, then on its first person's term page.
Edits follow one another at once (the first right after the first build is served), as an
editor saving again and again; with several, the medians and ranges are printed too."""

from __future__ import annotations

import os
import re
import signal
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from synthetic import Article

ENV = dict(os.environ, NO_MKDOCS_2_WARNING="1")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_for(url: str, needle: str, timeout: float) -> float:
    started = time.perf_counter()
    while time.perf_counter() - started < timeout:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if needle in response.read().decode("utf-8", errors="replace"):
                    return time.perf_counter() - started
        except OSError:
            pass
        time.sleep(0.05)
    raise TimeoutError(f"{needle!r} not served at {url} within {timeout:.0f} s")


def measure_serve(project: Path, items: list[Article], dirty: bool = False, edits: int = 2) -> list[str]:
    """`dirty`: `mkdocs serve --dirty` (only changed pages are built again; see generator/site/dirty.py)."""
    from generator.slugs import slugify

    port = _free_port()
    command = [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}", *(["--dirty"] if dirty else [])]
    proc = subprocess.Popen(command,
                            cwd=project, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            start_new_session=True)
    root = f"http://127.0.0.1:{port}/news-archive/"
    lines = []
    try:
        started = time.perf_counter()
        _wait_for(root, "News Archive", 1800)
        lines.append(f"first build and serve {time.perf_counter() - started:.1f} s")
        item = next(i for i in items[len(items) // 2:] if i.meta["people"])
        kind = "people"
        term_url = f"{root}{kind}/{slugify(item.meta[kind][0])}/"
        page_url = root + item.rel.removesuffix(".md") + "/"
        path = project / "content" / item.rel
        pages, terms = [], []
        for attempt in range(1, max(1, edits) + 1):
            new_title = f"Edited headline number {attempt}"
            text = path.read_text(encoding="utf-8")
            # The title line as YAML wrote it (quoted or not): the edit must really change the page.
            edited_text = re.sub(r"^title: .*$", f"title: {new_title}", text, count=1, flags=re.MULTILINE)
            if edited_text == text:
                raise RuntimeError(f"{path}: no title line to edit")
            path.write_text(edited_text, encoding="utf-8")
            edited = time.perf_counter()
            page = _wait_for(page_url, new_title, 600)
            term = _wait_for(term_url, new_title, 600) + page
            term = max(term, time.perf_counter() - edited)
            pages.append(page)
            terms.append(term)
            lines.append(f"edit {attempt}: article page updated after {page:.2f} s, term page after {term:.2f} s")
        if len(pages) > 2:
            lines.append(f"{len(pages)} edits: article page {_spread(pages)}, term page {_spread(terms)}")
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=30)
    return lines


def _spread(values: list[float]) -> str:
    return f"median {statistics.median(values):.2f} s ({min(values):.2f}-{max(values):.2f})"
