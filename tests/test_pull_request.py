"""A scripted pull request: edit a copied checkout the way a maintainer does in GitHub's editor,
rebuild, and expect `check` clean with every edit intact.

Uses the real pipeline (build_archive) on the repository's seed and profiles with the small
registry from fixtures/check/project/.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from generator.build import build_archive
from generator.check import run_check
from generator.config import ProjectPaths
from generator.pages import split
from conftest import small_checkout

REPO = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).parent / "fixtures" / "check"
SEED = "seeds/000_c15d51d3465a3ed0.txt"


@pytest.fixture
def checkout(tmp_path: Path) -> ProjectPaths:
    root = small_checkout(tmp_path / "archive")
    (root / "content").mkdir()
    shutil.copy(FIXTURES / "project" / "content" / "index.md", root / "content" / "index.md")
    paths = ProjectPaths.from_root(root)
    build_archive(paths, quiet=True)
    return paths


def the_page(paths: ProjectPaths) -> Path:
    pages = sorted(paths.articles.rglob("*.md"))
    assert len(pages) == 1, pages
    return pages[0]


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_fresh_build_checks_clean(checkout: ProjectPaths) -> None:
    report = run_check(checkout)
    assert report.lines == []
    assert report.exit_code == 0


def test_pull_request_edits_survive_a_rebuild_and_check_clean(checkout: ProjectPaths) -> None:
    page = the_page(checkout)
    before, _ = split(page.read_text(encoding="utf-8"))
    assert "Rahm Emanuel" in before["people"] and before["reviewed"] is False

    # 1. Remove a person the maintainer judges a passing mention.
    edit(page, "- Rahm Emanuel\n", "")
    # 2. Fix a typo the source made in the caption.
    edit(page, "President Yoon Suk-Yeol during", "President Yoon Suk-yeol during")
    # 3. Add an editor's note and mark the annotations reviewed.
    edit(page, "notes: []\n", "notes:\n- The article spells the president's name two ways; the registry uses Yoon Suk-yeol.\n")
    edit(page, "reviewed: false\n", "reviewed: true\n")
    # 4. Add an alias to the registry, keeping the maintainer's comment.
    people = checkout.registry / "people.yml"
    edit(people, "- name: Yoshimasa Hayashi\n", "- name: Yoshimasa Hayashi\n  aliases: [Hayashi Yoshimasa]  # Japanese name order\n")

    assert run_check(checkout).lines == []
    build_archive(checkout, quiet=True)  # the registry changed: every page is re-annotated

    after, body = split(page.read_text(encoding="utf-8"))
    assert "Rahm Emanuel" not in after["people"]
    assert after["caption"].count("Yoon Suk-yeol during") == 1
    assert after["notes"] == ["The article spells the president's name two ways; the registry uses Yoon Suk-yeol."]
    assert after["reviewed"] is True
    assert "aliases: [Hayashi Yoshimasa]  # Japanese name order" in people.read_text(encoding="utf-8")
    assert body.strip()
    report = run_check(checkout)
    assert report.lines == []
    assert report.exit_code == 0


def test_a_typo_in_a_pull_request_fails_check_on_its_line(checkout: ProjectPaths) -> None:
    page = the_page(checkout)
    edit(page, "people:\n", "peopel:\n")
    rel = page.relative_to(checkout.root).as_posix()
    line = page.read_text(encoding="utf-8").split("\n").index("peopel:") + 1
    report = run_check(checkout)
    assert report.lines == [f"{rel}:{line}: error: unknown key 'peopel' (did you mean 'people'?)"]
    assert report.exit_code == 1
    edit(page, "peopel:\n", "people:\n")
    assert run_check(checkout).exit_code == 0


def test_a_person_typed_into_a_page_must_be_in_the_registry(checkout: ProjectPaths) -> None:
    page = the_page(checkout)
    edit(page, "- Fumio Kishida\n", "- Fumio Kishida\n- Yoon Suk-yol\n")
    rel = page.relative_to(checkout.root).as_posix()
    line = page.read_text(encoding="utf-8").split("\n").index("- Yoon Suk-yol") + 1
    assert run_check(checkout).lines == [
        f"{rel}:{line}: error: unknown person 'Yoon Suk-yol' (not in registry/people.yml; did you mean 'Yoon Suk-yeol'?)"
    ]


# --- The workflows: what runs, in which order, on which events ------------------------------------

WORKFLOWS = REPO / ".github" / "workflows"


def workflow(name: str) -> dict:
    data = yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))
    data["on"] = data.pop(True, data.get("on"))  # YAML 1.1 reads the key `on` as true
    return data


def step_index(steps: list[dict], needle: str) -> int:
    found = [i for i, step in enumerate(steps) if needle in str(step.get("run", "")) + str(step.get("uses", ""))]
    assert found, f"no step runs {needle!r}"
    return found[0]


def test_pull_request_runs_check_first_then_conversion_and_strict_build() -> None:
    flow = workflow("pull-request.yml")
    check = flow["jobs"]["check"]
    steps = check["steps"]
    order = [step_index(steps, needle) for needle in
             ("python -m generator check", "python -m generator build", "mkdocs build --strict")]
    assert order == sorted(order)
    check_step = steps[order[0]]["run"]
    assert '--summary "$GITHUB_STEP_SUMMARY"' in check_step and "--changed" in check_step
    assert not any("pytest" in str(step.get("run", "")) or ".ci/run" in str(step.get("run", "")) for step in steps)
    assert "needs" not in check  # nothing runs before it


def test_pull_request_tests_run_in_their_own_job_only_when_code_changes() -> None:
    jobs = workflow("pull-request.yml")["jobs"]
    test = jobs["test"]
    assert test["needs"] == "changes"
    assert test["if"] == "needs.changes.outputs.code == 'true'"
    assert any(".ci/run" in str(step.get("run", "")) for step in test["steps"])
    filters = yaml.safe_load(next(step for step in jobs["changes"]["steps"]
                                  if "paths-filter" in str(step.get("uses", "")))["with"]["filters"])
    code = filters["code"]
    assert {"generator/**", "tests/**", "pyproject.toml"} <= set(code)
    assert not [p for p in code if p.startswith(("content/", "seeds/", "registry/", "profiles/"))]


def test_pull_request_runs_once_per_push() -> None:
    flow = workflow("pull-request.yml")
    assert set(flow["on"]) == {"pull_request", "push"}
    assert flow["on"]["push"] == {"branches": ["main"]}  # a pull request's branch starts only the pull_request run
    assert flow["concurrency"]["cancel-in-progress"] is True
    assert "github.event.pull_request.number" in flow["concurrency"]["group"]
    assert flow["jobs"]["check"]["if"] == "github.event_name == 'pull_request'"


def test_pull_request_commits_pages_of_new_seeds_or_names_the_command() -> None:
    check = workflow("pull-request.yml")["jobs"]["check"]
    assert check["permissions"] == {"contents": "write"}
    checkout = check["steps"][0]
    assert checkout["with"]["ref"] == "${{ github.event.pull_request.head.ref }}"
    commit = next(step for step in check["steps"] if "git push" in str(step.get("run", "")))
    assert commit["if"] == "steps.changes.outputs.seeds == 'true'"
    script = commit["run"]
    assert 'git push origin "HEAD:$BRANCH"' in script
    assert "python -m generator build && git add content/ && git commit" in script  # the fork's command
    assert "exit 1" in script


def test_pages_checks_before_deploying() -> None:
    steps = workflow("pages.yml")["jobs"]["build"]["steps"]
    assert step_index(steps, "python -m generator check") < step_index(steps, "mkdocs build --strict")
    assert step_index(steps, "mkdocs build --strict") < step_index(steps, "upload-pages-artifact")


@pytest.mark.parametrize("name, job", [("pull-request.yml", "check"), ("pages.yml", "build")])
def test_the_page_cache_travels_with_the_key_that_seals_it(name: str, job: str) -> None:
    """Cached pages are sealed with a key kept outside the checkout (generator/cache_files.py): CI
    keeps that key with them and restores both before any command could make a new key."""
    steps = workflow(name)["jobs"][job]["steps"]
    cache = step_index(steps, "actions/cache")
    paths = steps[cache]["with"]["path"].split()
    assert ".cache/news-archive" in paths and "~/.cache/news-archive-generator" in paths
    for command in ("python -m generator", "mkdocs build"):
        assert cache < step_index(steps, command)


def test_pre_commit_hook_installs_its_own_dependencies() -> None:
    import tomllib

    config = yaml.safe_load((REPO / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    hook = config["repos"][0]["hooks"][0]
    assert hook["language"] == "python" and hook["entry"] == "python -m generator check"
    needed = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]["dependencies"]
    assert sorted(hook["additional_dependencies"]) == sorted(needed), (
        "copy pyproject.toml's dependencies into .pre-commit-config.yaml's additional_dependencies")


def test_golden_test_uses_its_own_frozen_registry() -> None:
    import test_seed_golden
    from generator.registry import load_registry

    frozen = test_seed_golden.REGISTRY
    assert frozen.is_relative_to(REPO / "tests" / "fixtures") and len(load_registry(frozen)) > 0
    source = Path(test_seed_golden.__file__).read_text(encoding="utf-8")
    assert 'ROOT / "registry"' not in source and '("registry", "profiles")' not in source


def test_check_annotates_changed_files_and_writes_a_plain_summary(checkout: ProjectPaths, tmp_path: Path) -> None:
    import io

    from generator.check import check_command

    page = the_page(checkout)
    edit(page, "people:\n", "peopel:\n")
    rel = page.relative_to(checkout.root).as_posix()
    line = page.read_text(encoding="utf-8").split("\n").index("peopel:") + 1
    summary = tmp_path / "summary.md"
    changed = tmp_path / "changed.txt"
    changed.write_text("registry/people.yml\n", encoding="utf-8")
    out = io.StringIO()
    assert check_command(checkout.root, github=True, out=out, changed=changed, summary=summary) == 1
    assert "::error" not in out.getvalue()  # the page is not among the changed files: printed, not annotated
    changed.write_text(f"{rel}\n", encoding="utf-8")
    out = io.StringIO()
    assert check_command(checkout.root, github=True, out=out, changed=changed, summary=summary) == 1
    assert f"::error file={rel},line={line}::unknown key 'peopel' (did you mean 'people'?)" in out.getvalue()
    text = summary.read_text(encoding="utf-8")
    assert "## ❌ Check: 1 problem to fix before this can be merged" in text
    assert f"### `{rel}`\n\n- line {line} (*must fix*): unknown key 'peopel' (did you mean 'people'?)" in text
    assert "**How to fix:**" in text
