"""Plain article bodies get their HTML without a Markdown run (generator/site/prose.py), and exactly
Markdown's: checked on fixtures, on thousands of generated bodies, and in every build."""

from __future__ import annotations

import logging
import random

import markdown
import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from conftest import write_project
from generator.pages import escape_body
from generator.site import page_model
from generator.site.prose import PlainProse, plain_html

# What MkDocs gives Markdown for this repository's mkdocs.yml (its own three, then ours).
EXTENSIONS = ["toc", "tables", "fenced_code", "admonition"]


def _markdown(text: str) -> str:
    return markdown.Markdown(extensions=EXTENSIONS, extension_configs={"toc": {"permalink": False}}).convert(text)


def test_escaped_paragraphs_give_markdowns_html_exactly():
    body = "\n" + escape_body(["AT&T said 5 < 6 *really* [sic] `code` ~x~ {a} under_score",
                               "# not a heading", "1. not a list", "Tom & Jerry &copy; &#169; \\ back",
                               "!!! note not an admonition", ": not a definition", "---"])
    expected = ('<p>AT&amp;T said 5 &lt; 6 *really* [sic] `code` &#126;x&#126; {a} under_score</p>\n'
                '<p># not a heading</p>\n'
                '<p>1. not a list</p>\n'
                '<p>Tom &amp; Jerry &amp;copy; &amp;#169; \\ back</p>\n'
                '<p>!!! note not an admonition</p>\n'
                '<p>&#58; not a definition</p>\n'
                '<p>---</p>')
    assert plain_html(body) == expected
    assert _markdown(body) == expected


@pytest.mark.parametrize("body", [
    "**bold** text", "a [link](https://example.com)", "## A heading", "first line\nsecond line of one paragraph",
    "\tindented by a tab", "    indented code", "trailing spaces  ", "<b>raw html</b>", "- a list item",
    "1. a numbered item", "> a quote", "!!! note\n    an admonition", "&#x41; a raw reference", "tab\tinside", "",
])
def test_bodies_with_markdown_structure_are_left_to_markdown(body):
    assert plain_html(body) is None


def test_generated_bodies_match_markdown_and_mostly_take_the_fast_path():
    alphabet = (list("abcXYZ019 .,;:'\"?!()%$/@=+-–—’“”…#*_`[]{}<>&~|^\\") +
                ["&amp;", "&copy;", "&#169;", "1. ", "- ", "# ", "!!! note ", "é", "日本", "http://x.org", "<b>",
                 "---", "***", "> ", "  ", "\u00a0", "\u2028", "\t", "\n"])
    rng = random.Random(20261129)
    fast = mismatches = escaped = clean_bodies = 0
    for _ in range(3000):
        paragraphs = ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 25))) for _ in range(rng.randint(1, 4))]
        for body in (escape_body(paragraphs), "\n\n".join(paragraphs) + "\n"):
            ours = plain_html("\n" + body)
            if ours is None:
                continue
            fast += 1
            mismatches += ours != _markdown("\n" + body)
        clean = [p for p in paragraphs if not any(c in p for c in "\t\n\u2028") and "&#" not in p]
        if escape_body(clean).strip() and len(clean) == len(paragraphs):  # a saved story's: all plain
            clean_bodies += 1
            escaped += plain_html("\n" + escape_body(clean)) is not None
    assert mismatches == 0
    assert fast > 1200
    assert clean_bodies > 500 and escaped == clean_bodies


def test_an_unknown_markdown_extension_turns_the_fast_path_off():
    prose = PlainProse()
    prose.reset(["toc", "tables", "fenced_code", "admonition", "markdown.extensions.attr_list"])
    assert prose.active
    prose.reset(["toc", "smarty"])
    assert not prose.active
    prose.reset(["toc", "meta"])  # it would read a first paragraph "WASHINGTON: ..." as metadata
    assert not prose.active
    off = PlainProse(enabled=False)
    off.reset(["toc"])
    assert not off.active


def _build(project, site, *, plain: bool, sample: float = 0.02) -> tuple[dict[str, bytes], PlainProse]:
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(site))
    plugin = config.plugins["news-archive"]
    plugin.config.plain_prose, plugin.config.prose_sample = plain, sample
    build(config)
    return {str(p.relative_to(site)): p.read_bytes() for p in site.rglob("*.html")}, plugin.prose


def test_site_is_byte_identical_with_and_without_the_fast_path(tmp_path, caplog):
    project = write_project(tmp_path)
    with caplog.at_level(logging.INFO, logger="mkdocs.plugins.news-archive"):
        fast, prose = _build(project, tmp_path / "fast", plain=True, sample=0.0)
    assert not [r for r in caplog.records if r.levelno == logging.WARNING]
    assert prose.verified + prose.converted >= 2  # the seed and the undated article are plain text
    assert fast == _build(project, tmp_path / "slow", plain=False)[0]


def test_a_difference_from_markdown_is_a_warning_and_markdowns_html_stands(tmp_path, caplog, monkeypatch):
    project = write_project(tmp_path)
    expected, _ = _build(project, tmp_path / "slow", plain=False)
    monkeypatch.setattr(page_model, "plain_html", lambda text: "<p>wrong</p>")
    with caplog.at_level(logging.WARNING, logger="mkdocs.plugins.news-archive"):
        checked, prose = _build(project, tmp_path / "checked", plain=True)
    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert len(warnings) == 1 and "plain-text conversion" in warnings[0], warnings
    assert not prose.active and prose.converted == 0
    assert checked == expected
