"""Shared fixtures: one archive site built per test session, into a temporary folder.

- `site_project`: a temporary project (this repo's mkdocs.yml, site_templates/, registry/) with
  three hand-written article pages in content/: the seed article, a hostile one, an undated one.
- `built_site`: the result of `mkdocs build --strict` on it: `.site` (folder), `.log` (output).
Nothing is built into the repository's own content/ or site/.
"""

from __future__ import annotations

import collections
import contextlib
import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

import pytest

REPO = Path(__file__).resolve().parents[1]
SEED_PAGE = "articles/2022/05/japan-and-south-korea-agree-frayed-ties-can-be-improved.md"
SEED_URL = "articles/2022/05/japan-and-south-korea-agree-frayed-ties-can-be-improved/"
SEED_TITLE = "Japan and South Korea agree frayed ties can be improved"
HOSTILE_PAGE = "articles/2023/01/hostile-test-page.md"
HOSTILE_URL = "articles/2023/01/hostile-test-page/"
HOSTILE_TITLE = "<script>alert(1)</script> & </title><img src=x onerror=alert(1)>"
UNDATED_PAGE = "articles/undated/court-hearing-resumes.md"

SEED_TEXT = r"""---
title: Japan and South Korea agree frayed ties can be improved
date: '2022-05-10T17:48:00+09:00'
dateline: {city: Tokyo, agency: Reuters}
source: The Japan News
section: World
people: [Yoshimasa Hayashi, Fumio Kishida, Yoon Suk-yeol, Rahm Emanuel]
places: [Tokyo, Seoul, Japan, South Korea, North Korea, United States]
organizations: []
topics: [Japan–South Korea relations, North Korea]
caption: Japanese Foreign Minister Yoshimasa Hayashi delivers Japanese prime minister Fumio Kishida’s personal letter to South Korean President Yoon Suk-Yeol.
summary: Japan and South Korea agreed that their frayed relationship can be improved, Hayashi said after meeting Yoon.
notes: [Dateline time converted from JST.]
reviewed: false
seed: seeds/000_c15d51d3465a3ed0.txt
---
TOKYO (Reuters) – Japan and South Korea have agreed that their frayed relationship can be improved, Japanese Foreign Minister Yoshimasa Hayashi said on Tuesday after meeting Yoon Seok-yeol, the new president of the neighboring nation.

Yoon said he would like to improve ties by maintaining close communication, Hayashi told reporters.

“We agreed that we should not leave the Japan-South Korea relations getting worse,” he added, making specific mention of co-operation between Japan and South Korea as well as Japan, the United States and South Korea.

On Monday, Rahm Emanuel, the U.S. ambassador to Tokyo, said he viewed Hayashi’s trip to Seoul as “significant” since it could place their relations on a “better footing.”
"""

# What the conversion writes for a hostile seed: body escaped (HTML and Markdown specials),
# front-matter raw, so the site must escape it.
HOSTILE_TEXT = r"""---
title: '<script>alert(1)</script> & </title><img src=x onerror=alert(1)>'
date: '2023-01-05'
dateline: {city: '<b>Gotham</b>', agency: null}
source: '<img src=x onerror=alert(1)>'
section: null
people: ['<script>alert(1)</script>', Yoon Suk-yeol]
places: []
organizations: []
topics: []
caption: null
summary: '[x](javascript:alert(1)) <img src=x onerror=alert(1)>'
notes: ['\<script>alert(1)\</script> shown as text, never run']
reviewed: true
seed: seeds/hostile.txt
---
&lt;script&gt;alert(1)&lt;/script&gt;

&lt;img src=x onerror=alert(1)&gt;

\[x\]\(javascript:alert(1)\)

\# Not a heading

\- not a list item
"""

UNDATED_TEXT = r"""---
title: Court hearing resumes next week
date: null
dateline: {city: New York, agency: Reuters}
source: Reuters
section: null
people: []
places: [New York]
organizations: []
topics: [North Korea]
caption: null
summary: Officials said the hearing would resume next week.
notes: []
reviewed: false
seed: seeds/undated.txt
---
Officials said on Thursday that the hearing would resume next week.
"""


CHECK_FIXTURES = Path(__file__).parent / "fixtures" / "check"
REAL_SEED = "seeds/000_c15d51d3465a3ed0.txt"


def small_checkout(root: Path) -> Path:
    """A project at `root` with the shipped profiles, the frozen check registry and the real seed."""
    root.mkdir()
    shutil.copytree(REPO / "profiles", root / "profiles")
    shutil.copytree(CHECK_FIXTURES / "project" / "registry", root / "registry")
    (root / "seeds").mkdir()
    shutil.copy(REPO / REAL_SEED, root / REAL_SEED)
    return root


@dataclass(frozen=True)
class BuiltSite:
    project: Path
    site: Path
    log: str


def write_project(target: Path) -> Path:
    shutil.copy(REPO / "mkdocs.yml", target / "mkdocs.yml")
    shutil.copytree(REPO / "site_templates", target / "site_templates")
    shutil.copytree(REPO / "registry", target / "registry")
    text = (target / "mkdocs.yml").read_text(encoding="utf-8").replace("convert: true", "convert: false")
    (target / "mkdocs.yml").write_text(text, encoding="utf-8")
    for rel, body in ((SEED_PAGE, SEED_TEXT), (HOSTILE_PAGE, HOSTILE_TEXT), (UNDATED_PAGE, UNDATED_TEXT)):
        page = target / "content" / rel
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text(body, encoding="utf-8")
    return target


def edit_seed_title(project: Path, title: str = "Edited headline") -> Path:
    """Give the seed article of a `write_project` copy a new headline (as an editor would); its file."""
    page = project / "content" / SEED_PAGE
    text = page.read_text(encoding="utf-8")
    assert f"title: {SEED_TITLE}" in text
    page.write_text(text.replace(f"title: {SEED_TITLE}", f"title: {title}"), encoding="utf-8")
    return page


BUILD_DAY = 1715299200  # 2024-05-10T00:00:00Z


def mkdocs_build(project: Path, *extra: str, strict: bool = True) -> subprocess.CompletedProcess[str]:
    # The build date (home page's "On this day") fixed at May 10, 2024: the seed article's day.
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", SOURCE_DATE_EPOCH=str(BUILD_DAY))
    flags = ["--strict"] if strict else []
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", *flags, *extra], cwd=project, env=env,
                          capture_output=True, text=True, timeout=600)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    project = write_project(tmp_path_factory.mktemp("site-project"))
    result = mkdocs_build(project)
    log = result.stdout + result.stderr
    assert result.returncode == 0, log
    return BuiltSite(project, project / "site", log)


CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


@pytest.fixture(scope="session")
def browser():
    """Headless Debian chromium through Playwright; missing is a skip locally, a failure under CI."""
    if not CHROMIUM.exists():
        if os.environ.get("CI") == "true":
            pytest.fail(f"{CHROMIUM} is missing under CI")
        pytest.skip(f"{CHROMIUM} is not installed")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield b
        b.close()


@contextlib.contextmanager
def serve(folder: Path, *, gzip: bool = False, sent: collections.Counter | None = None) -> Iterator[str]:
    """Serve a built site on 127.0.0.1 (a free port) and yield its root URL.

    `gzip`: compress text files (HTML, CSS, JavaScript, JSON, XML, SVG) for a browser that
    accepts it, as GitHub Pages does; Pagefind's index files are compressed already.
    `sent`: counts the response body bytes sent per path, whoever asked (a page or its workers)."""
    import gzip as gzip_module

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def _count(self, size: int) -> None:
            if sent is not None:
                sent[self.path.split("?")[0]] += size

        def copyfile(self, source, outputfile):
            body = source.read()
            outputfile.write(body)
            self._count(len(body))

        def do_GET(self):
            path = self.translate_path(self.path)
            if os.path.isdir(path) and self.path.split("?")[0].endswith("/"):
                path = os.path.join(path, "index.html")
            kind = self.guess_type(path)
            if (not gzip or "gzip" not in self.headers.get("Accept-Encoding", "") or not os.path.isfile(path)
                    or kind.split(";")[0] not in GZIP_TYPES):
                return super().do_GET()
            with open(path, "rb") as f:
                body = gzip_module.compress(f.read(), 6)
            self.send_response(200)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            self._count(len(body))

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(folder)))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    finally:
        httpd.shutdown()
        httpd.server_close()


GZIP_TYPES = frozenset({"text/html", "text/css", "text/javascript", "application/javascript", "application/json",
                        "application/xml", "text/xml", "application/atom+xml", "image/svg+xml"})


ATOM_NS = "{http://www.w3.org/2005/Atom}"
_RFC3339 = r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)"


def assert_valid_atom(data: bytes) -> "list":
    """RFC 4287's must-haves: one id, title and updated per feed and entry, ids absolute IRIs,
    dates RFC 3339, an author for the feed (or every entry), a self link. Returns the entries."""
    import re
    import xml.etree.ElementTree as ET
    from urllib.parse import urlsplit

    root = ET.fromstring(data)  # well-formed, or this raises
    assert root.tag == ATOM_NS + "feed", root.tag

    def one(element, name: str) -> str:
        found = element.findall(ATOM_NS + name)
        assert len(found) == 1, f"{len(found)} <{name}> in <{element.tag}>"
        return found[0].text or ""

    def check(element) -> None:
        assert urlsplit(one(element, "id")).scheme, "atom:id must be an absolute IRI"
        assert one(element, "title").strip()
        assert re.fullmatch(_RFC3339, one(element, "updated"))

    check(root)
    links = {link.get("rel", "alternate"): link.get("href") for link in root.findall(ATOM_NS + "link")}
    assert "self" in links and "alternate" in links
    entries = root.findall(ATOM_NS + "entry")
    feed_author = root.find(ATOM_NS + "author")
    for entry in entries:
        check(entry)
        assert feed_author is not None or entry.find(ATOM_NS + "author") is not None
        # Without atom:content an entry needs an alternate link; a link without rel is one (RFC 4287, 4.2.7.2).
        assert any(link.get("rel", "alternate") == "alternate" for link in entry.findall(ATOM_NS + "link"))
    ids = [e.findtext(ATOM_NS + "id") for e in entries]
    assert len(ids) == len(set(ids)), "duplicate entry ids"
    return entries
