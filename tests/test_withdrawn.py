"""Deleting a page is a decision, and leftover merge-conflict markers stop the build and `check`."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.build import build_archive
from generator.check import run_check
from generator.cli import main
from generator.config import ProjectPaths
from generator.state import parse_state, state_path
from state_project import SEED, SEOUL, make_project, page_of


@pytest.fixture
def project(tmp_path: Path) -> ProjectPaths:
    paths = make_project(tmp_path / "archive")
    build_archive(paths, quiet=True)
    return paths


def problems(paths: ProjectPaths) -> list[str]:
    """`check`'s lines, less the one warning every build of the fixture gives (an unregistered name)."""
    return [line for line in run_check(paths).lines if "person 'Pak Jin' is not in registry" not in line]


def rel(paths: ProjectPaths, path: Path) -> str:
    return path.relative_to(paths.root).as_posix()


def test_a_deleted_page_is_withdrawn_not_recreated(project: ProjectPaths, capsys) -> None:
    page = page_of(project, SEOUL)
    record = state_path(project, page)
    page.unlink()
    notice = (f"{SEOUL}: withdrawn: its page {rel(project, page)} was deleted, so the build does not make it "
              f"again (recorded in {rel(project, record)}); `python -m generator check` says how to undo it")
    # A pull request deleting the page: `check` runs before any build and already says it.
    advice = (f"{SEOUL}:1: warning: withdrawn: its page {rel(project, page)} was deleted, so the build does not "
              f"make it again. To remove the article for good, delete this seed too (`git rm {SEOUL}`). "
              f"To publish it again, restore the page (`git checkout <commit before the deletion> -- "
              f"{rel(project, page)}`) or delete {rel(project, record)} so the next build makes the page afresh")
    assert problems(project) == [advice]
    assert main(["--root", str(project.root), "build"]) == 0
    out = capsys.readouterr().out
    assert out.count(notice) == 1
    assert "1 withdrawn" in out
    assert not page.exists()
    state = parse_state(record.read_text(encoding="utf-8")).committed
    assert state is not None and state.withdrawn
    for _ in range(2):  # said once: later builds, with or without the cache, stay quiet
        shutil.rmtree(project.cache)
        assert main(["--root", str(project.root), "build", "--strict"]) == 0
        assert notice not in capsys.readouterr().out
        assert not page.exists()
    assert problems(project) == [advice]
    assert run_check(project).exit_code == 0


def test_a_withdrawn_article_comes_back_when_its_record_is_deleted(project: ProjectPaths) -> None:
    page = page_of(project, SEOUL)
    page.unlink()
    build_archive(project, quiet=True)
    state_path(project, page).unlink()
    report = build_archive(project, quiet=True)
    assert rel(project, page) in report.written
    assert problems(project) == []


def test_a_restored_page_is_no_longer_withdrawn(project: ProjectPaths) -> None:
    page = page_of(project, SEOUL)
    text = page.read_text(encoding="utf-8")
    page.unlink()
    build_archive(project, quiet=True)
    page.write_text(text, encoding="utf-8")
    build_archive(project, quiet=True)
    state = parse_state(state_path(project, page).read_text(encoding="utf-8")).committed
    assert state is not None and not state.withdrawn
    assert problems(project) == []


def test_deleting_page_and_seed_removes_the_article_and_its_record(project: ProjectPaths, capsys) -> None:
    page = page_of(project, SEOUL)
    record = state_path(project, page)
    page.unlink()
    (project.root / SEOUL).unlink()
    assert problems(project) == []
    assert main(["--root", str(project.root), "build"]) == 0
    assert f"{rel(project, record)}: deleted, as its page and its seed {SEOUL} are both gone" in capsys.readouterr().out
    assert not record.exists()
    assert problems(project) == []


CONFLICTED_BODY = """<<<<<<< HEAD
Japan and South Korea agreed on Tuesday.
=======
Japan and South Korea agreed on Tuesday, officials said.
>>>>>>> fix-body
"""


def test_conflict_markers_in_a_page_are_one_clear_error_and_the_build_leaves_it(project: ProjectPaths) -> None:
    page = page_of(project, SEED)
    text = page.read_text(encoding="utf-8")
    head, _, body = text.partition("\n---\n")
    broken = head + "\n---\n" + CONFLICTED_BODY + body
    page.write_text(broken, encoding="utf-8")
    start = broken.split("\n").index("<<<<<<< HEAD") + 1
    message = (f"unresolved merge conflict (lines {start}–{start + 4}): keep the lines you want from between the "
               "markers, then delete the '<<<<<<<', '=======' and '>>>>>>>' lines")
    assert problems(project) == [f"{rel(project, page)}:{start}: error: {message}"]
    (project.root / SEED).touch()
    report = build_archive(project, quiet=True)
    assert page.read_text(encoding="utf-8") == broken
    assert f"{rel(project, page)}:{start}: {message} (page not updated until this is fixed)" in report.problem_lines


def test_conflict_markers_in_the_front_matter_replace_the_yaml_errors(project: ProjectPaths) -> None:
    page = page_of(project, SEED)
    text = page.read_text(encoding="utf-8")
    broken = text.replace("reviewed: false\n", "<<<<<<< HEAD\nreviewed: false\n=======\nreviewed: true\n>>>>>>> b\n")
    page.write_text(broken, encoding="utf-8")
    lines = problems(project)
    assert len(lines) == 1 and ": error: unresolved merge conflict (lines " in lines[0]
    (project.root / SEED).touch()
    build_archive(project, quiet=True)
    assert page.read_text(encoding="utf-8") == broken


def test_conflict_markers_in_a_record_are_a_check_error_and_the_build_leaves_the_page(project: ProjectPaths) -> None:
    page = page_of(project, SEED)
    record = state_path(project, page)
    text = record.read_text(encoding="utf-8")
    record.write_text(text.replace('  "people": [\n', '  "people": [\n<<<<<<< HEAD\n   "A",\n=======\n   "B",\n'
                                   '>>>>>>> other\n', 1), encoding="utf-8")
    before = page.read_bytes()
    lines = problems(project)
    assert len(lines) == 1
    assert lines[0].startswith(f"{rel(project, record)}:")
    assert (f": error: unresolved merge conflict in the build's record of {rel(project, page)}: take either side's "
            "lines") in lines[0]
    (project.root / SEED).touch()
    report = build_archive(project, quiet=True)
    assert page.read_bytes() == before
    assert any(line.startswith(f"{rel(project, record)}:") and ": unresolved merge conflict in the build's record" in line for line in report.problem_lines)


def test_a_setext_heading_is_not_a_conflict(project: ProjectPaths) -> None:
    page = page_of(project, SEED)
    page.write_text(page.read_text(encoding="utf-8") + "\nA heading\n=======\n", encoding="utf-8")
    assert not [line for line in problems(project) if "merge conflict" in line]
