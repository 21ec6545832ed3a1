"""Messages for people: the editing accident is named, with its page line (and column), and the fix.

Each case edits the good fixture page the way a web editor or a word processor does; `check` and
the build's reader must say the same thing on the same line of the page file.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.build import build_archive
from generator.check import run_check
from generator.config import ProjectPaths
from generator.page_reader import read_page
from generator.registry import clean_name, load_entities

REPO = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).parent / "fixtures" / "check"
PAGE = "content/articles/2022/05/japan-and-south-korea-agree.md"
GOOD = (FIXTURES / "project" / PAGE).read_text(encoding="utf-8")
INVALID = "front-matter is not valid YAML: "
NBSP_AT = ("a non-breaking space at column {} (often pasted from a word processor): YAML needs an ordinary "
           "space there; delete it and type a normal space")

# (case, text replaced, replacement, the line the message must point at, message)
CASES = [
    ("tab for indentation", "dateline:\n  city: Tokyo", "dateline:\n\tcity: Tokyo", "\tcity: Tokyo",
     INVALID + "a tab character at column 1: YAML indents with spaces only; replace the tab with spaces"),
    ("non-breaking space after '-'", "- Fumio Kishida", "-\u00a0Fumio Kishida", "-\u00a0Fumio Kishida",
     INVALID + NBSP_AT.format(2)),
    ("non-breaking space after ':'", "source: The Japan News", "source:\u00a0The Japan News",
     "source:\u00a0The Japan News", INVALID + NBSP_AT.format(8)),
    ("text with ': ' unquoted", "source: The Japan News", "source: The Japan News: World edition",
     "source: The Japan News: World edition",
     INVALID + "put text containing ': ' in quotes: source: 'The Japan News: World edition'"),
    ("curly quotes around a value with ': '", "source: The Japan News", "source: “The Japan News: World”",
     "source: “The Japan News: World”",
     INVALID + "the value at column 9 starts with a curly quote (“); YAML only understands straight quotes: "
     "write ' or \" instead"),
    ("curly quotes around a date", "date: '2022-05-10T17:48:00+09:00'", "date: ‘2022-05-10T17:48:00+09:00’",
     "date: ‘2022-05-10T17:48:00+09:00’",
     "'date' '‘2022-05-10T17:48:00+09:00’' is not an ISO 8601 date; write e.g. '2022-05-10T17:48:00+09:00', "
     "'2022-05-10' or null; the value is in curly quotes (‘…’), which YAML keeps as part of the text: use "
     "straight quotes ' or \""),
    ("a note with ': '", "notes: []", "notes:\n- Correction: the caption misspells Yoon.",
     "- Correction: the caption misspells Yoon.",
     "'notes' item 1 must be text, not a mapping: put text containing ': ' in quotes: "
     "- 'Correction: the caption misspells Yoon.'"),
    ("an unclosed bracket, reported where it opens", "source: The Japan News", "source: [The Japan News",
     "source: [The Japan News", INVALID + "a bracket or quote opened on this line is never closed"),
    ("an unclosed quote, reported where it opens", "source: The Japan News", "source: 'The Japan News",
     "source: 'The Japan News", INVALID + "a bracket or quote opened on this line is never closed"),
]


@pytest.fixture
def project(tmp_path: Path) -> Path:
    root = tmp_path / "archive"
    shutil.copytree(FIXTURES / "project", root)
    return root


@pytest.mark.parametrize(("case", "old", "new", "at", "message"), CASES, ids=[c[0] for c in CASES])
def test_message_names_the_accident_on_its_line(project: Path, case: str, old: str, new: str, at: str,
                                                message: str) -> None:
    assert old in GOOD
    text = GOOD.replace(old, new, 1)
    line = text.split("\n").index(at) + 1
    (project / PAGE).write_text(text, encoding="utf-8")
    issues = [(i.line, i.message) for i in read_page(text.encode("utf-8")).errors]
    assert issues == [(line, message)]
    assert f"{PAGE}:{line}: error: {message}" in run_check(ProjectPaths.from_root(project)).lines


def test_registry_messages_point_at_the_line_too(project: Path) -> None:
    people = project / "registry" / "people.yml"
    text = people.read_text(encoding="utf-8").replace("- name: Rahm Emanuel", "- name: Rahm Emanuel\n\taliases: [R]")
    people.write_text(text, encoding="utf-8")
    line = text.split("\n").index("\taliases: [R]") + 1
    assert (f"registry/people.yml:{line}: error: this file is not valid YAML: a tab character at column 1: YAML "
            "indents with spaces only; replace the tab with spaces") in run_check(ProjectPaths.from_root(project)).lines


@pytest.mark.parametrize(("typed", "stored"), [
    ("Fumio\u00a0Kishida", "Fumio Kishida"), ("Fumio\u202fKishida", "Fumio Kishida"),
    ("  Fumio \u00a0 Kishida ", "Fumio Kishida"), ("Conan O’Brien", "Conan O'Brien"),
    ("“Weird Al” Yankovic", '"Weird Al" Yankovic'), ("Yoon Suk-yeol", "Yoon Suk-yeol"),
])
def test_clean_name(typed: str, stored: str) -> None:
    assert clean_name(typed) == stored


def test_pasted_spaces_and_quotes_in_names_are_just_the_name(project: Path, tmp_path: Path) -> None:
    page = project / PAGE
    page.write_text(GOOD.replace("- Fumio Kishida", "- Fumio\u00a0Kishida", 1), encoding="utf-8")
    assert run_check(ProjectPaths.from_root(project)).lines == []  # no "write 'Fumio Kishida', not 'Fumio Kishida'"
    people = tmp_path / "people.yml"
    people.write_text("- name: Conan O’Brien\n  aliases: [Conan\u00a0OBrien]\n", encoding="utf-8")
    (entity,) = load_entities(people, "people")
    assert (entity.name, entity.aliases) == ("Conan O'Brien", ("Conan OBrien",))


def test_the_build_stores_the_clean_name_and_records_no_edit(tmp_path: Path) -> None:
    root = tmp_path / "archive"
    root.mkdir()
    shutil.copytree(REPO / "profiles", root / "profiles")
    shutil.copytree(FIXTURES / "project" / "registry", root / "registry")
    (root / "seeds").mkdir()
    shutil.copy(REPO / "seeds" / "000_c15d51d3465a3ed0.txt", root / "seeds")
    paths = ProjectPaths.from_root(root)
    build_archive(paths, quiet=True)
    (page,) = paths.articles.rglob("*.md")
    page.write_text(page.read_text(encoding="utf-8").replace("- Fumio Kishida", "- Fumio\u00a0Kishida"), encoding="utf-8")
    report = build_archive(paths, quiet=True)
    assert not report.read.errors
    text = page.read_text(encoding="utf-8")
    assert "- Fumio Kishida\n" in text and "\u00a0" not in text
    assert "people" not in report.kept_edits.get(page.relative_to(root).as_posix(), ())


def test_a_valid_value_in_curly_quotes_is_a_warning_on_its_line() -> None:
    page = ("---\ntitle: Ministers meet\ndate: '2023-03-03'\nsection: \u201cWorld\u201d\n"
            "caption: 'A \u201cquoted\u201d word inside'\npeople: []\nplaces: []\norganizations: []\ntopics: []\n"
            "reviewed: false\nseed: null\n---\n\nBody.\n")
    reading = read_page(page.encode("utf-8"))
    assert reading.understood  # a warning: the build still merges the page
    assert [(i.line, i.severity, i.message) for i in reading.issues] == [
        (4, "warning", "'section': the value is in curly quotes (\u201c\u2026\u201d), which YAML keeps as part of "
                       "the text; use straight quotes ' or \" if they were meant as quoting, or none")]
