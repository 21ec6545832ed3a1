"""Article bodies and editors' notes: Markdown yes, code no.

The sanitiser keeps a small allowlist; `check` names every line with raw HTML or a link whose
scheme could run code; the built site holds neither, whoever wrote the body.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from conftest import mkdocs_build, write_project

from generator.check import run_check
from generator.config import ProjectPaths
from generator.sanitize import clean_html, find_unsafe, link_scheme, note_html

FIXTURES = Path(__file__).parent / "fixtures" / "check"
PAGE = "content/articles/2022/05/japan-and-south-korea-agree.md"


@pytest.mark.parametrize(("markup", "expected"), [
    ("<p>a<script>alert(1)</script>b</p>", "<p>ab</p>"),
    ('<p><img src="x" onerror="alert(1)">text</p>', "<p>text</p>"),
    ('<iframe srcdoc="<script>alert(1)</script>"></iframe><p>ok</p>', "<p>ok</p>"),
    ("<style>body{display:none}</style><object data=x>o</object><p>ok</p>", "<p>ok</p>"),
    ('<p onclick="alert(1)" class="x">c</p>', '<p class="x">c</p>'),
    ('<a href="javascript:alert(1)">x</a>', '<a rel="noopener noreferrer nofollow">x</a>'),
    ('<a href="data:text/html,<script>alert(1)</script>">x</a>', '<a rel="noopener noreferrer nofollow">x</a>'),
    ('<a href="https://example.com/a">x</a>', '<a href="https://example.com/a" rel="noopener noreferrer nofollow">x</a>'),
    ('<a href="../other/">x</a>', '<a href="../other/" rel="noopener noreferrer nofollow">x</a>'),
    ('<a href="mailto:desk@example.com">x</a>', '<a href="mailto:desk@example.com" rel="noopener noreferrer nofollow">x</a>'),
    ('<h2 id="background">Background</h2>', '<h2 id="background">Background</h2>'),
])
def test_sanitiser_allowlist(markup: str, expected: str) -> None:
    assert clean_html(markup) == expected


def test_notes_render_markdown_and_lose_html() -> None:
    assert note_html("<script>alert(1)</script> **bold** [link](javascript:alert(1))") == (
        '<p><strong>bold</strong> <a rel="noopener noreferrer nofollow">link</a></p>')


@pytest.mark.parametrize(("destination", "scheme"), [
    ("javascript:alert(1)", "javascript"), ("JaVaScRiPt:alert(1)", "javascript"), ("java&#x09;script:x", "javascript"),
    (" jav\tascript:x", "javascript"), ("https://a.b", "https"), ("../a/", None), ("#top", None),
])
def test_link_scheme_as_a_browser_reads_it(destination: str, scheme: str | None) -> None:
    assert link_scheme(destination) == scheme


def test_machine_escaped_text_and_code_are_not_flagged() -> None:
    text = ("&lt;script&gt;alert(1)&lt;/script&gt;\n\n\\[x\\](javascript:alert(1))\n\n"
            "Use `<b>` for bold.\n\n```\n<script>in a code block</script>\n```\n\n<https://example.com>")
    assert find_unsafe(text) == []


@pytest.fixture
def project(tmp_path: Path) -> Path:
    root = tmp_path / "archive"
    shutil.copytree(FIXTURES / "project", root)
    return root


def test_check_reports_raw_html_and_unsafe_links_with_their_lines(project: Path) -> None:
    page = project / PAGE
    text = page.read_text(encoding="utf-8")
    text = text.replace("notes: []", "notes:\n- 'See <img src=x onerror=alert(1)>'\n- '[more](javascript:alert(1))'\n- Fine **note**")
    text += ("\nA fine paragraph with [a link](https://example.com).\n\n<script>alert(1)</script>\n\n"
             "<iframe srcdoc=\"x\"></iframe>\n\n[x](JavaScript:alert(1)) and [y][r]\n\n[r]: javascript:alert(2)\n")
    page.write_text(text, encoding="utf-8")
    lines = text.split("\n")

    def at(fragment: str) -> int:
        return next(n for n, line in enumerate(lines, start=1) if fragment in line)

    rel = PAGE + ":"
    html_body = "in the article text: the site removes it; write plain text, or Markdown for emphasis and links"
    link_body = "in the article text: links may only be http, https, mailto or relative; the site removes it"
    assert run_check(ProjectPaths.from_root(project)).lines == sorted([
        f"{rel}{at('<img src=x')}: error: raw HTML (<img>) in an editor's note: the site removes it; "
        "write plain text, or Markdown for emphasis and links",
        f"{rel}{at('[more]')}: error: a link to a 'javascript:' address in an editor's note: links may only be "
        "http, https, mailto or relative; the site removes it",
        f"{rel}{at('<script>')}: error: raw HTML (<script>) {html_body}",
        f"{rel}{at('<iframe')}: error: raw HTML (<iframe>) {html_body}",
        f"{rel}{at('[x](JavaScript')}: error: a link to a 'javascript:' address {link_body}",
        f"{rel}{at('[r]: javascript')}: error: a link to a 'javascript:' address {link_body}",
    ], key=lambda line: int(line.split(":")[1]))


def test_site_drops_html_and_unsafe_links_from_people_and_machine_bodies(tmp_path: Path) -> None:
    project = write_project(tmp_path)
    page = project / "content" / "articles" / "2023" / "02" / "edited-by-a-person.md"
    page.parent.mkdir(parents=True)
    page.write_text(
        "---\ntitle: Edited by a person\ndate: '2023-02-01'\npeople: []\nplaces: []\norganizations: []\ntopics: []\n"
        "notes: ['**Corrected** <img src=x onerror=alert(1)> [see](javascript:alert(1))']\nreviewed: true\n"
        "seed: null\n---\n\nA **fine** paragraph with [a link](https://example.com/x).\n\n"
        "<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n\n<iframe srcdoc=\"<script>alert(1)</script>\">"
        "</iframe>\n\n[click](javascript:alert(1)) and [ref][r]\n\n[r]: javascript:alert(2)\n\n"
        "<a href=\"https://example.com/y\" onmouseover=\"alert(1)\">hover</a>\n", encoding="utf-8")
    strict = mkdocs_build(project)
    assert strict.returncode == 1, strict.stderr  # as `check` fails: one line for the page, its first problem
    assert ("WARNING -  news-archive: content/articles/2023/02/edited-by-a-person.md:8: raw HTML (<img>) in an "
            "editor's note") in strict.stderr
    assert "`python -m generator check` lists 6 more)" in strict.stderr
    result = mkdocs_build(project, strict=False)
    assert result.returncode == 0, result.stderr
    html = (project / "site" / "articles" / "2023" / "02" / "edited-by-a-person" / "index.html").read_text(encoding="utf-8")
    # The story itself (after it: the citation and the other articles' escaped titles).
    article = html[html.index('<div class="na-story">'):html.index('<section class="na-cite"')]
    for bad in ("<script>alert", "onerror", "<iframe", "javascript:", "onmouseover", "<img"):
        assert bad not in article, bad
    assert '<a href="https://example.com/x" rel="noopener noreferrer nofollow">a link</a>' in html
    assert '<a href="https://example.com/y" rel="noopener noreferrer nofollow">hover</a>' in html
    assert re.search(r"Editors' note</p>\s*<p><strong>Corrected</strong>", html)
    assert "<strong>fine</strong>" in html


def test_build_warns_about_raw_html_a_person_put_in_a_page(tmp_path: Path, capsys) -> None:
    from conftest import small_checkout

    from generator.cli import main

    root = small_checkout(tmp_path / "archive")
    assert main(["--root", str(root), "build", "--strict"]) == 0
    page = next((root / "content" / "articles").rglob("*.md"))
    text = page.read_text(encoding="utf-8") + "\n<img src=x onerror=alert(1)>\n"
    page.write_text(text, encoding="utf-8")
    line = text.split("\n").index("<img src=x onerror=alert(1)>") + 1
    capsys.readouterr()
    expected = (f"seeds/000_c15d51d3465a3ed0.txt: its page {page.relative_to(root).as_posix()}, line {line}: "
                "raw HTML (<img>) in the article text: the site removes it; write plain text, or Markdown for "
                "emphasis and links")
    assert main(["--root", str(root), "build", "--strict"]) == 1  # as `check` fails on it
    assert expected in capsys.readouterr().err.splitlines()
    assert main(["--root", str(root), "build", "--strict"]) == 1  # and again on a no-op rebuild
    assert expected in capsys.readouterr().err.splitlines()
    assert page.read_text(encoding="utf-8") == text  # the person's body is kept as written
