"""Edits recorded by meaning, and records that git merges: removals follow the registry entry,
and two branches editing the archive merge without a conflict in content/.machine/."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from generator.build import build_archive
from generator.check import run_check
from generator.config import ProjectPaths
from generator.state import parse_state, state_path
from state_project import SEED, SEOUL, append_registry, edit, make_project, meta, page_of, replace_registry

GIT_ENV = {"GIT_AUTHOR_NAME": "Editor", "GIT_AUTHOR_EMAIL": "editor@example.org", "GIT_COMMITTER_NAME": "Editor",
           "GIT_COMMITTER_EMAIL": "editor@example.org", "GIT_CONFIG_GLOBAL": "/dev/null", "GIT_CONFIG_NOSYSTEM": "1",
           "PATH": "/usr/bin:/bin:/usr/local/bin"}


@pytest.fixture
def project(tmp_path: Path) -> ProjectPaths:
    paths = make_project(tmp_path / "archive")
    build_archive(paths, quiet=True)
    return paths


def git(root: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(["git", "-c", "init.defaultBranch=main", "-c", "commit.gpgsign=false", *args], cwd=root,
                          env=GIT_ENV, capture_output=True, text=True, check=False)


def commit_all(root: Path, message: str) -> None:
    assert git(root, "add", "-A").returncode == 0
    result = git(root, "commit", "-q", "-m", message)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.fixture
def repo(project: ProjectPaths) -> ProjectPaths:
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    (project.root / ".gitignore").write_text("/.cache/\n", encoding="utf-8")
    assert git(project.root, "init", "-q").returncode == 0
    commit_all(project.root, "archive")
    return project


def branch(paths: ProjectPaths, name: str, change, *, build: bool = True) -> None:
    """On a new branch from main: a person's change, the build the pull request runs, a commit."""
    assert git(paths.root, "checkout", "-q", "-b", name, "main").returncode == 0
    change(paths)
    if build:
        shutil.rmtree(paths.cache, ignore_errors=True)
        build_archive(paths, quiet=True)
    commit_all(paths.root, name)
    assert git(paths.root, "checkout", "-q", "main").returncode == 0
    shutil.rmtree(paths.cache, ignore_errors=True)


def merge_into_main(paths: ProjectPaths, *names: str) -> None:
    for name in names:
        result = git(paths.root, "merge", "--no-ff", "-q", "-m", f"merge {name}", name)
        assert result.returncode == 0, f"merging {name}: {result.stdout}{result.stderr}"
    conflicts = git(paths.root, "grep", "-l", "-e", "^<<<<<<<", "--", ".").stdout
    assert conflicts == ""


def without(kind: str, name: str):
    def change(paths: ProjectPaths, seed: str = SEED) -> None:
        edit(page_of(paths, seed), lambda m: {**m, kind: [v for v in m[kind] if v != name]})
    return change


def test_removed_person_stays_removed_when_renamed_with_the_old_name_as_alias(project: ProjectPaths) -> None:
    page = page_of(project, SEED)
    without("people", "Rahm Emanuel")(project)
    build_archive(project, quiet=True)
    replace_registry(project, "people", "- name: Rahm Emanuel\n",
                     "- name: Rahm I. Emanuel\n  aliases: [Rahm Emanuel]\n")
    for _ in range(2):
        build_archive(project, quiet=True)
        people = meta(page)["people"]
        assert "Rahm I. Emanuel" not in people and "Rahm Emanuel" not in people
        shutil.rmtree(project.cache)
    record = parse_state(state_path(project, page).read_text(encoding="utf-8")).committed
    assert record is not None and record.removed == {"people": ["Rahm I. Emanuel"]}  # the registry's name now


def test_person_put_back_by_hand_is_no_longer_removed(project: ProjectPaths) -> None:
    page = page_of(project, SEED)
    without("people", "Rahm Emanuel")(project)
    build_archive(project, quiet=True)
    edit(page, lambda m: {**m, "people": m["people"] + ["Rahm Emanuel"]})
    shutil.rmtree(project.cache)
    build_archive(project, quiet=True)
    assert "Rahm Emanuel" in meta(page)["people"]
    record = parse_state(state_path(project, page).read_text(encoding="utf-8")).committed
    assert record is not None and record.removed == {}


def test_registration_on_one_branch_and_removal_on_another_keep_him_removed(repo: ProjectPaths) -> None:
    assert "Pak Jin" in meta(page_of(repo, SEOUL))["people"]
    branch(repo, "register-park-jin",
           lambda p: append_registry(p, "people", "- name: Park Jin\n  aliases: [Pak Jin]\n"), build=False)
    branch(repo, "remove-pak-jin", lambda p: without("people", "Pak Jin")(p, SEOUL))
    merge_into_main(repo, "register-park-jin", "remove-pak-jin")
    for _ in range(2):
        build_archive(repo, quiet=True)
        people = meta(page_of(repo, SEOUL))["people"]
        assert "Park Jin" not in people and "Pak Jin" not in people
        shutil.rmtree(repo.cache)


def test_branches_editing_different_articles_merge_without_conflict(repo: ProjectPaths) -> None:
    branch(repo, "seed-page", without("people", "Rahm Emanuel"))
    branch(repo, "seoul-page", lambda p: without("places", "North Korea")(p, SEOUL))
    merge_into_main(repo, "seed-page", "seoul-page")
    build_archive(repo, quiet=True)
    assert "Rahm Emanuel" not in meta(page_of(repo, SEED))["people"]
    assert "North Korea" not in meta(page_of(repo, SEOUL))["places"]


def test_branches_editing_different_fields_of_one_article_merge_without_conflict(repo: ProjectPaths) -> None:
    def review(paths: ProjectPaths) -> None:
        without("topics", "Diplomacy")(paths)
        edit(page_of(paths, SEED), lambda m: {**m, "reviewed": True, "notes": ["Checked."]})

    branch(repo, "people", without("people", "Rahm Emanuel"))
    branch(repo, "places", without("places", "Washington"))
    branch(repo, "review", review)
    merge_into_main(repo, "people", "places", "review")
    for _ in range(2):
        build_archive(repo, quiet=True)
        data = meta(page_of(repo, SEED))
        assert "Rahm Emanuel" not in data["people"] and "Washington" not in data["places"]
        assert "Diplomacy" not in data["topics"]
        assert data["reviewed"] is True and data["notes"] == ["Checked."]
        shutil.rmtree(repo.cache)
    record = parse_state(state_path(repo, page_of(repo, SEED)).read_text(encoding="utf-8")).committed
    assert record is not None
    assert record.removed == {"people": ["Rahm Emanuel"], "places": ["Washington"], "topics": ["Diplomacy"]}
    assert not [line for line in run_check(repo).lines if ": error: " in line]
