"""No page, registry, profile or folder-defaults content makes a reader raise anything but its own error.

Hypothesis feeds the readers text made of YAML's syntax characters (and the editing accidents:
tabs, non-breaking spaces, curly quotes), mutations of a good page, and raw bytes. The examples
are bounded so the whole file runs in a few seconds.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.checks.page_files import check_page
from generator.checks.problems import CheckReport
from generator.checks.registry_files import check_registry
from generator.config import ProjectPaths
from generator.defaults import load_defaults_file
from generator.merge import merge
from generator.models import ArticleError
from generator.page_reader import markup_issues, read_page, read_sound_page
from generator.pages import FrontMatterError, render, split
from generator.profiles import load_profile
from generator.registry import load_entities

FIXTURES = Path(__file__).parent / "fixtures" / "check"
GOOD_PAGE = (FIXTURES / "project" / "content" / "articles" / "2022" / "05" / "japan-and-south-korea-agree.md").read_text(
    encoding="utf-8")
YAMLISH = st.text(alphabet="-:[]{}&*!|>'\"#\n \t,?%@`~=.xyz019\u00a0\u2018\u2019\u201c\u201d\\", max_size=120)
KEYS = st.sampled_from(["title", "date", "people", "notes", "reviewed", "seed", "dateline", "name", "aliases",
                        "markers", "timezone", "year", "peopel", "- name", "-"])
LINES = st.lists(st.tuples(st.integers(0, 6), KEYS, YAMLISH), max_size=12).map(
    lambda rows: "\n".join(" " * indent + f"{key}: {value}" for indent, key, value in rows))
# FUZZ_EXAMPLES=5000 for a longer hunt; the default keeps the suite quick.
FUZZ = settings(max_examples=int(os.environ.get("FUZZ_EXAMPLES", "150")), deadline=None, database=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                         HealthCheck.too_slow])


@FUZZ
@given(st.one_of(YAMLISH, LINES), st.booleans())
def test_page_reader_and_split_never_raise(front: str, close: bool) -> None:
    text = "---\n" + front + ("\n---\nBody.\n" if close else "\n")
    reading = read_page(text.encode("utf-8"))
    assert reading.understood or reading.errors
    for issue in reading.issues:
        assert issue.line >= 1 and issue.message
    try:
        split(text)
    except FrontMatterError:
        pass


@FUZZ
@given(st.binary(max_size=200))
def test_page_reader_takes_any_bytes(data: bytes) -> None:
    read_page(b"---\n" + data + b"\n---\n")
    read_page(data)


@FUZZ
@given(st.integers(0, len(GOOD_PAGE)), st.integers(0, 40), YAMLISH)
def test_a_mutated_page_is_refused_or_merges_and_renders(at: int, cut: int, insert: str) -> None:
    text = GOOD_PAGE[:at] + insert + GOOD_PAGE[at + cut:]
    reading = read_page(text.encode("utf-8"))
    if reading.understood:  # what the build would then do with it must not fail either
        machine, _ = split(GOOD_PAGE)
        result = merge(machine, "Body.\n", None, reading.data, reading.body)
        render(result.front_matter, result.body, "../schema.json")


@FUZZ
@given(st.one_of(YAMLISH, LINES, LINES.map(lambda t: "- name: x\n" + t)))
def test_registry_and_profile_readers_raise_only_their_error(tmp_path_factory, text: str) -> None:
    folder = tmp_path_factory.mktemp("fuzz")
    path = folder / "people.yml"
    path.write_text(text, encoding="utf-8")
    for read in (lambda: load_entities(path, "people"), lambda: load_profile(path),
                 lambda: load_defaults_file(path)):
        try:
            read()
        except ArticleError:
            pass


@FUZZ
@given(st.one_of(YAMLISH, LINES, LINES.map(lambda t: "- name: x\n" + t)), st.one_of(YAMLISH, LINES))
def test_check_never_raises_on_registry_or_page(tmp_path_factory, registry_text: str, page_text: str) -> None:
    root = tmp_path_factory.mktemp("fuzz") / "archive"
    shutil.copytree(FIXTURES / "project", root)
    paths = ProjectPaths.from_root(root)
    (paths.registry / "people.yml").write_text(registry_text, encoding="utf-8")
    page = next(paths.articles.rglob("*.md"))
    page.write_text(GOOD_PAGE.replace("people:\n", page_text + "\npeople:\n", 1), encoding="utf-8")
    report = CheckReport()
    known = check_registry(paths, report)
    check_page(paths, page, report, known)


# Mutations that keep most pages valid: the fast reader must never pass what read_page refuses.
EDITS = st.sampled_from(["peopel", "people", "notes: [x]\nnotes: [y]", "date: 2022-13-40", "date: '2022-02-30'",
                         "<b>", "[x](javascript:a)", "- ", ": ", "\u201cx\u201d", "\t", "seed: 3", "reviewed: yes",
                         "dateline: {city: a, city: b}", "&a x", "*a", "!!str x", "[", "]", "...", "---", "\n"])


@FUZZ
@given(st.integers(0, len(GOOD_PAGE)), st.integers(0, 12), st.one_of(EDITS, YAMLISH))
def test_fast_reader_passes_only_what_read_page_finds_sound(at: int, cut: int, insert: str) -> None:
    raw = (GOOD_PAGE[:at] + insert + GOOD_PAGE[at + cut:]).encode("utf-8")
    sound = read_sound_page(raw)
    reading = read_page(raw)
    if sound is not None:
        assert reading.understood and not reading.errors and not markup_issues(reading)
        assert sound == (reading.data, reading.body)


def test_fast_reader_takes_a_sound_page_and_refuses_each_kind_of_error() -> None:
    assert read_sound_page(GOOD_PAGE.encode("utf-8")) == (read_page(GOOD_PAGE.encode("utf-8")).data,
                                                           read_page(GOOD_PAGE.encode("utf-8")).body)
    for old, new in (("people:", "peopel:"), ("notes: []", "notes: []\nnotes: []"), ("reviewed: false", "reviewed: 1"),
                     ("notes: []", "notes: ['<b>x</b>']"), ("notes: []", "notes: [&a x]")):
        assert old in GOOD_PAGE
        assert read_sound_page(GOOD_PAGE.replace(old, new, 1).encode("utf-8")) is None, new
    assert read_sound_page((GOOD_PAGE + "\n<script>x</script>\n").encode("utf-8")) is None
    assert read_sound_page(GOOD_PAGE.encode("utf-8").replace(b"Tokyo", b"Tok\xffyo", 1)) is None
