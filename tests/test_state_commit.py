"""One commit point per page: a build killed at any write leaves records the next build trusts.

The build is killed (a BaseException, as Ctrl-C) at every call of the one file-writing function,
both before and after its rename, during a rebuild that must merge human edits with new machine
values. Whatever the instant, the next builds must end with the same pages and report the same
human edits as an uninterrupted run: no edit lost, none invented.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import pytest

import generator.pages as pages_module
from generator.build import build_archive
from generator.check import run_check
from generator.config import ProjectPaths
from generator.state import FORMAT, parse_state, state_path
from state_project import SEED, SEOUL, append_registry, edit, make_project, meta, page_of


class Killed(BaseException):
    """The build process dies here (not an Exception: nothing may catch it)."""


@pytest.fixture
def project(tmp_path: Path) -> ProjectPaths:
    return make_project(tmp_path / "archive")


def _human_edits(paths: ProjectPaths) -> None:
    edit(page_of(paths, SEED), lambda m: {**m, "title": "Japan, South Korea agree to mend ties",
                                          "people": [p for p in m["people"] if p != "Rahm Emanuel"],
                                          "notes": ["Checked against the print edition."]})
    # Reordering by hand is not an edit.
    edit(page_of(paths, SEOUL), lambda m: {**m, "places": list(reversed(m["places"]))})


def _registry_change(paths: ProjectPaths) -> None:
    """New machine values for both pages: a registered name, an alias, a topic."""
    append_registry(paths, "people", "- name: Park Jin\n  aliases: [Pak Jin]\n")
    append_registry(paths, "topics", "- name: Security\n  phrases: [security, missile]\n")


def _outcome(paths: ProjectPaths) -> tuple[dict[str, bytes], list[str]]:
    files = {p.relative_to(paths.content).as_posix(): p.read_bytes()
             for p in sorted(paths.content.rglob("*")) if p.is_file()}
    return files, run_check(paths).lines


def _killing_write(limit: int, after_rename: bool):
    real = pages_module.write_atomic
    calls = {"n": 0}

    def write(path: Path, text: str) -> None:
        calls["n"] += 1
        if calls["n"] == limit:
            if after_rename:
                real(path, text)
            raise Killed(f"killed at write {limit} ({path.name})")
        real(path, text)
    return write, calls


def test_state_files_are_mergeable_json(project: ProjectPaths) -> None:
    build_archive(project, quiet=True)
    record = state_path(project, page_of(project, SEED))
    text = record.read_text(encoding="utf-8")
    data = json.loads(text)
    assert data["format"] == FORMAT
    assert "page_sha256" not in text and "pending" not in data  # no whole-page hash committed
    assert set(data["removed"]) == {"people", "places", "organizations", "topics"}
    assert data["withdrawn"] is False
    for line in text.splitlines():  # every list and mapping opens and closes on lines of their own
        assert line.strip() in ("{", "}", "},", "[", "]", "],") or not line.strip().endswith(("[]", "[],", "{}", "{},"))
    keys = [line.split('"')[1] for line in text.splitlines() if line.startswith(' "')]
    assert keys == sorted(keys)


def test_old_format_is_read_once_and_rewritten(project: ProjectPaths) -> None:
    build_archive(project, quiet=True)
    page = page_of(project, SEED)
    record = state_path(project, page)
    new_text = record.read_text(encoding="utf-8")
    data = json.loads(new_text)
    old = {"machine": data["machine"], "body_sha256": data["body_sha256"],
           "page_sha256": hashlib.sha256(page.read_bytes()).hexdigest(), "removed": {}}
    record.write_text(json.dumps(old, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    assert parse_state(record.read_text(encoding="utf-8")).old_format
    before = page.read_bytes()
    shutil.rmtree(project.cache)
    report = build_archive(project, quiet=True)
    assert page.read_bytes() == before
    assert report.kept_edits == {}
    assert record.read_text(encoding="utf-8") == new_text


def test_a_topic_inserted_mid_list_is_no_human_edit_without_cache(project: ProjectPaths) -> None:
    append_registry(project, "topics", "- name: Missiles\n  phrases: [missile launches]\n")
    build_archive(project, quiet=True)
    page = page_of(project, SEOUL)
    assert meta(page)["topics"][-1] == "Missiles"
    # "trade" is mentioned before the missile launches: the new topic lands mid-list.
    append_registry(project, "topics", "- name: Trade\n  phrases: [trade]\n")
    first = build_archive(project, quiet=True)
    topics = meta(page)["topics"]
    assert topics.index("Trade") < topics.index("Missiles")
    shutil.rmtree(project.cache)  # a fresh clone
    again = build_archive(project, quiet=True)
    assert first.kept_edits == again.kept_edits == {}
    assert again.written == []


def test_reordering_a_list_by_hand_is_no_edit_and_the_machine_order_returns(project: ProjectPaths) -> None:
    build_archive(project, quiet=True)
    page = page_of(project, SEED)
    machine_order = meta(page)["people"]
    edit(page, lambda m: {**m, "people": list(reversed(m["people"]))})
    (project.root / SEED).touch()
    report = build_archive(project, quiet=True)
    assert meta(page)["people"] == machine_order
    assert report.kept_edits == {}


def _prepare(root: Path) -> ProjectPaths:
    paths = make_project(root)
    build_archive(paths, quiet=True)
    _human_edits(paths)
    _registry_change(paths)
    return paths


def test_a_build_killed_at_any_write_loses_and_invents_no_edit(tmp_path: Path, monkeypatch) -> None:
    reference = _prepare(tmp_path / "reference")
    counting, calls = _killing_write(0, after_rename=False)
    monkeypatch.setattr(pages_module, "write_atomic", counting)
    clean = build_archive(reference, quiet=True)
    monkeypatch.undo()
    writes = calls["n"]
    assert writes >= 5  # two pages, their records (journal and commit), the cache
    expected_edits = clean.kept_edits
    assert expected_edits == {page_of(reference, SEED).relative_to(reference.root).as_posix():
                              ("title", "people", "notes")}
    expected = _outcome(reference)
    meta_seed = meta(page_of(reference, SEED))
    assert "Rahm Emanuel" not in meta_seed["people"] and "Security" in meta_seed["topics"]
    assert "Park Jin" in meta(page_of(reference, SEOUL))["people"]

    for limit in range(1, writes + 1):
        for after_rename in (False, True):
            paths = _prepare(tmp_path / f"run-{limit}-{after_rename}")
            killing, _ = _killing_write(limit, after_rename)
            monkeypatch.setattr(pages_module, "write_atomic", killing)
            with pytest.raises(Killed):
                build_archive(paths, quiet=True)
            monkeypatch.undo()
            recovered = build_archive(paths, quiet=True)
            where = f"killed at write {limit} of {writes} ({'after' if after_rename else 'before'} the rename)"
            assert recovered.kept_edits in ({}, expected_edits), where  # {}: the cache was saved
            assert _outcome(paths) == expected, where
            shutil.rmtree(paths.cache)  # as on a fresh clone: every page is merged again
            assert build_archive(paths, quiet=True).kept_edits == expected_edits, where
            assert _outcome(paths) == expected, where
            shutil.rmtree(paths.root)


def test_a_page_edited_after_an_interrupted_build_keeps_only_the_persons_edits(project: ProjectPaths,
                                                                             monkeypatch) -> None:
    build_archive(project, quiet=True)
    _registry_change(project)
    page = page_of(project, SEOUL)
    # Killed right after the page was renamed into place, before its record was committed.
    real = pages_module.write_atomic

    def kill_after_page(path: Path, text: str) -> None:
        real(path, text)
        if path == page:
            raise Killed("after the page")
    monkeypatch.setattr(pages_module, "write_atomic", kill_after_page)
    with pytest.raises(Killed):
        build_archive(project, quiet=True)
    monkeypatch.undo()
    assert parse_state(state_path(project, page).read_text(encoding="utf-8")).pending is not None
    assert "Park Jin" in meta(page)["people"]
    # A person edits the page before the next build: the digest no longer matches the pending record.
    edit(page, lambda m: {**m, "reviewed": True})
    report = build_archive(project, quiet=True)
    rel = page.relative_to(project.root).as_posix()
    assert report.kept_edits == {rel: ("reviewed",)}
    data = meta(page)
    assert data["reviewed"] is True and "Park Jin" in data["people"]
    assert parse_state(state_path(project, page).read_text(encoding="utf-8")).pending is None


def test_check_after_an_interrupted_build_treats_the_new_machine_names_as_the_machines(project: ProjectPaths,
                                                                                        monkeypatch) -> None:
    build_archive(project, quiet=True)
    seed = project.root / SEOUL
    seed.write_text(seed.read_text(encoding="utf-8") + "Vice Minister Kim Sung-han also attended the talks.\n",
                    encoding="utf-8")
    page = page_of(project, SEOUL)
    real = pages_module.write_atomic

    def kill_after_page(path: Path, text: str) -> None:
        real(path, text)
        if path == page:
            raise Killed("after the page")
    monkeypatch.setattr(pages_module, "write_atomic", kill_after_page)
    with pytest.raises(Killed):
        build_archive(project, quiet=True)
    monkeypatch.undo()
    assert "Kim Sung-han" in meta(page)["people"]
    # The next, unrelated pull request's check: a name the build wrote is a warning, never an error.
    lines = [line for line in run_check(project).lines if "Kim Sung-han" in line]
    assert len(lines) == 1 and ": warning: person 'Kim Sung-han' is not in registry/people.yml (found by the build)" in lines[0]
    assert run_check(project).exit_code == 0
