"""Every internal link and asset reference in the built site resolves to a file."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import yaml


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        for key, value in attrs:
            if key in ("href", "src") and value:
                self.links.append(value)
            if key == "id" and value:
                self.ids.add(value)


def _target(site: Path, page: Path, link: str, base_path: str) -> Path | None:
    parts = urlsplit(link)
    if parts.scheme or parts.netloc or link.startswith(("#", "mailto:", "data:")):
        return None
    if not parts.path:
        return None
    if parts.path.startswith("/"):  # 404.html links from the site_url's path
        assert parts.path.startswith(base_path), f"{page}: {link} is outside {base_path}"
        path = (site / unquote(parts.path[len(base_path):])).resolve()
    else:
        path = (page.parent / unquote(parts.path)).resolve()
    if link.endswith("/") or path.is_dir():
        path = path / "index.html"
    return path


def broken_links(site: Path, base_path: str = "/") -> tuple[int, list[str]]:
    """(links checked, "page -> link" for every internal link or asset that is not a file)."""
    site = site.resolve()
    broken: list[str] = []
    checked = 0
    for page in site.rglob("*.html"):
        parser = _Links()
        parser.feed(page.read_text(encoding="utf-8"))
        for link in parser.links:
            target = _target(site, page, link, base_path)
            if target is None:
                continue
            checked += 1
            if not target.is_file() or site not in target.parents:
                broken.append(f"{page.relative_to(site)} -> {link}")
    return checked, broken


def test_every_internal_link_resolves(built_site):
    config = yaml.load((built_site.project / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    base_path = urlsplit(config.get("site_url") or "/").path or "/"
    checked, broken = broken_links(built_site.site, base_path)
    assert checked > 100
    assert not broken, "\n".join(broken[:50])


def test_generated_link_to_a_missing_page_fails_strict_build(tmp_path):
    # Generated HTML bypasses MkDocs' Markdown link validation, so the plugin checks its own links.
    from conftest import mkdocs_build, write_project

    project = write_project(tmp_path)
    home = project / "site_templates" / "archive" / "home.html"
    home.write_text(home.read_text(encoding="utf-8") + '<a href="{{ link(\'people/nobody/\') }}">x</a>\n',
                    encoding="utf-8")
    result = mkdocs_build(project)
    assert result.returncode == 1
    assert "index.md links to people/nobody/, which the site does not have" in result.stderr
