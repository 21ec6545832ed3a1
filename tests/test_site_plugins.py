"""Other MkDocs plugins see every page: Material's privacy and offline plugins and a minifier.

Every page of the archive (articles and generated pages alike) is an MkDocs page, so each one
must come out minified, with privacy's link attributes, and (offline: `use_directory_urls:
false`) with every link pointing at a file. Nothing here touches the network (privacy's asset
fetching is off).
"""

from __future__ import annotations

import gzip
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import yaml

from conftest import SEED_URL, mkdocs_build, write_project
from test_site_links import broken_links

MATRIX = {
    "privacy+minify": ["material/privacy", "minify"],
    "offline+privacy+minify": ["material/offline", "material/privacy", "minify"],
}
PLUGIN_OPTIONS = {
    "material/privacy": {"assets": False, "cache": False, "links_attr_map": {"data-na-privacy": "seen"}},
    "material/offline": {},
    "minify": {"minify_html": True},
}
MARKER = 'data-na-privacy="seen"'


def _with_plugins(project: Path, names: list[str]) -> None:
    path = project / "mkdocs.yml"
    config = yaml.safe_load(path.read_text(encoding="utf-8"))
    config["plugins"] = [{name: PLUGIN_OPTIONS[name]} for name in names] + config["plugins"]
    path.write_text(yaml.safe_dump(config, sort_keys=False, allow_unicode=True), encoding="utf-8")


@pytest.fixture(scope="module", params=sorted(MATRIX))
def plugin_site(request, tmp_path_factory):
    project = write_project(tmp_path_factory.mktemp("plugins"))
    _with_plugins(project, MATRIX[request.param])
    result = mkdocs_build(project)
    assert result.returncode == 0, result.stdout + result.stderr
    return request.param, project / "site"


def _pages(site: Path) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): p.read_text(encoding="utf-8") for p in site.rglob("*.html")}


def test_every_page_was_processed_by_every_plugin(plugin_site):
    name, site = plugin_site
    pages = _pages(site)
    offline = "offline" in name
    expected = [SEED_URL, "people/yoon-suk-yeol/", "people/", "timeline/", "timeline/2022/05/", "topics/"]
    for url in expected:
        path = url.rstrip("/") + ".html" if offline and url.startswith("articles/") else url + "index.html"
        assert path in pages, f"{path} missing from {name}"
    assert len(pages) > 20
    for path, text in pages.items():
        assert MARKER in text, f"{path}: not processed by the privacy plugin"
        assert not re.search(r">\n\s{2,}<", text), f"{path}: not minified"


def test_sitemap_names_every_page(plugin_site):
    _, site = plugin_site
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    base = "https://example.github.io/news-archive/"
    locs = {loc.text.removeprefix(base) for loc in ET.parse(site / "sitemap.xml").getroot().iterfind("s:url/s:loc", ns)}
    pages = {p for p in _pages(site) if p != "404.html"}
    as_files = {loc + "index.html" if loc.endswith("/") or not loc else loc for loc in locs}
    assert as_files == pages


def test_every_link_resolves(plugin_site):
    name, site = plugin_site
    checked, broken = broken_links(site, "/news-archive/")
    assert checked > 100
    assert not broken, name + ":\n" + "\n".join(broken[:50])
    if "offline" in name:  # folder links would open a directory listing from the file system
        for path, text in _pages(site).items():
            folders = [h for h in re.findall(r'href="?([^"> ]+)', text) if h.endswith("/") and "://" not in h]
            assert not folders, f"{path}: {folders[:5]}"
        person = (site / "people" / "yoon-suk-yeol" / "index.html").read_text(encoding="utf-8")
        assert re.search(r'href="?\.\./\.\./articles/2022/05/[^"> ]+\.html', person)


def test_every_search_result_opens_a_page(plugin_site):
    """Pagefind's fragments (one per article) hold the URL a result opens: a page of this site,
    a file and not a folder when `use_directory_urls` is off (offline)."""
    name, site = plugin_site
    urls = sorted(json.loads(gzip.decompress(p.read_bytes()).removeprefix(b"pagefind_dcd"))["url"]
                  for p in (site / "pagefind" / "fragment").iterdir())
    assert len(urls) == 3  # the project's articles
    for url in urls:
        assert url.startswith("/articles/") and url.endswith(".html" if "offline" in name else "/"), url
        path = site / url.lstrip("/")
        assert (path / "index.html" if url.endswith("/") else path).is_file(), f"{name}: {url}"
