"""Page format: YAML front-matter that untrusted text cannot break, and inert Markdown bodies."""

from __future__ import annotations

import markdown
import pytest

from generator.pages import FrontMatterError, escape_body, escape_line, render, split, write_atomic

HOSTILE_TITLES = [
    "Japan: the ties that bind",
    "# not a comment",
    "---",
    "\"quoted\" and 'single' and “curly”",
    "key: value\nsecond: line",
    "null",
    "2022-05-10",
    "- a list?",
    "{flow: mapping}",
    "&anchor *alias !tag",
]


@pytest.mark.parametrize("title", HOSTILE_TITLES)
def test_front_matter_round_trips_hostile_strings(title: str) -> None:
    text = render({"title": title, "people": ["Yoon Suk-yeol"]}, "Body.\n", "../schema.json")
    meta, body = split(text)
    assert meta == {"title": title, "people": ["Yoon Suk-yeol"]}
    assert body == "Body.\n"


def test_render_exact_layout() -> None:
    text = render({"title": "T", "date": "2022-05-10T17:48:00+09:00", "notes": []}, "B\n", "../s.json")
    assert text == ("---\n# yaml-language-server: $schema=../s.json\ntitle: T\n"
                    "date: '2022-05-10T17:48:00+09:00'\nnotes: []\n---\n\nB\n")


def test_hand_typed_unquoted_date_reads_back_as_text() -> None:
    meta, _ = split("---\ndate: 2022-05-10T17:48:00+09:00\nday: 2022-05-10\n---\nx")
    assert meta == {"date": "2022-05-10T17:48:00+09:00", "day": "2022-05-10"}


@pytest.mark.parametrize("text, message", [
    ("---\ntitle: [unclosed\n---\nbody", "front-matter is not valid YAML"),
    ("---\ntitle: no end\nbody", "has no closing '---' line"),
    ("---\n- a\n- b\n---\nbody", "must be a YAML mapping"),
])
def test_broken_front_matter_is_named(text: str, message: str) -> None:
    with pytest.raises(FrontMatterError, match=message):
        split(text)


def test_page_without_front_matter() -> None:
    assert split("# Hand-written\n") == ({}, "# Hand-written\n")


@pytest.mark.parametrize("line, html", [
    ("<script>alert(1)</script>", "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>"),
    ("<img src=x onerror=alert(1)>", "<p>&lt;img src=x onerror=alert(1)&gt;</p>"),
    ("[x](javascript:alert(1))", "<p>[x](javascript:alert(1))</p>"),
    ("# heading", "<p># heading</p>"),
    ("* item", "<p>* item</p>"),
    ("- item", "<p>- item</p>"),
    ("1996. The year it began", "<p>1996. The year it began</p>"),
    ("> quoted", "<p>&gt; quoted</p>"),
    ("Use `code` and **bold** and _em_", "<p>Use `code` and **bold** and _em_</p>"),
    ("Para {: onclick=alert(1) }", "<p>Para {: onclick=alert(1) }</p>"),
    ("AT&T’s “deal” — worth ¥3.6 trillion…", "<p>AT&amp;T’s “deal” — worth ¥3.6 trillion…</p>"),
])
def test_body_renders_as_literal_text(line: str, html: str) -> None:
    rendered = markdown.markdown(escape_body([line]), extensions=["attr_list", "def_list", "tables", "admonition"])
    assert rendered == html


def test_escape_keeps_plain_news_text_unchanged() -> None:
    line = "“We agreed that we should not leave the Japan-South Korea relations getting worse,” he added."
    assert escape_line(line) == line


def test_write_atomic_replaces_and_leaves_no_temp_file(tmp_path) -> None:
    target = tmp_path / "a" / "page.md"
    write_atomic(target, "one")
    write_atomic(target, "two")
    assert target.read_text() == "two"
    assert [p.name for p in target.parent.iterdir()] == ["page.md"]


def test_write_atomic_failure_keeps_old_file(tmp_path, monkeypatch) -> None:
    target = tmp_path / "page.md"
    write_atomic(target, "original")

    def boom(src, dst):
        raise OSError("disk full")

    monkeypatch.setattr("generator.pages.os.replace", boom)
    with pytest.raises(OSError):
        write_atomic(target, "half")
    assert target.read_text() == "original"
    assert [p.name for p in tmp_path.iterdir()] == ["page.md"]
