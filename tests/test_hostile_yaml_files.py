"""Registry, profile and folder-defaults files refuse anchors, deep nesting and bad bytes with a line,
in `check` and in the build, without a traceback and without eating memory."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator.check import run_check
from generator.config import ProjectPaths

REPO = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).parent / "fixtures" / "check"
SEED = "seeds/000_c15d51d3465a3ed0.txt"
BOMB = ("- name: a\n  aliases: &a [x, x, x, x, x, x, x, x, x]\n- name: b\n  aliases: &b [*a, *a, *a, *a, *a, *a, *a, *a]\n"
        "- name: c\n  aliases: &c [*b, *b, *b, *b, *b, *b, *b, *b]\n- name: d\n  aliases: [*c, *c, *c, *c, *c, *c, *c]\n")
ANCHOR = "uses a YAML anchor or alias ('&name' / '*name'), which are not allowed here; write the value out in full"
DEPTH = ("is nested more than 8 levels deep (lists and mappings inside each other); a page or registry entry "
         "never needs that")


@pytest.fixture
def checkout(tmp_path: Path) -> Path:
    root = tmp_path / "archive"
    shutil.copytree(FIXTURES / "project", root)
    shutil.copytree(REPO / "profiles", root / "profiles")
    return root


def cli_build(root: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "generator", "--root", str(root), "build"], capture_output=True,
                          text=True, timeout=120, cwd=REPO)


@pytest.mark.parametrize(("file", "content", "line", "check_message", "build_message"), [
    ("registry/people.yml", BOMB, 2, f"this file {ANCHOR}", f"registry file {ANCHOR}"),
    ("registry/people.yml", "- name: x\n  aliases: " + "[" * 100_000 + "\n", 2, f"this file {DEPTH}",
     f"registry file {DEPTH}"),
    ("registry/people.yml", "- name: x\n  aliases:\n  " + "- " * 5000 + "x\n", 3, f"this file {DEPTH}",
     f"registry file {DEPTH}"),
    ("registry/people.yml", "- name: x\n  role: !!python/object/apply:os.system ['true']\n", 2,
     "this file uses a YAML tag ('!!…' or '!…'), which is not allowed here; write the plain value",
     "registry file uses a YAML tag ('!!…' or '!…'), which is not allowed here; write the plain value"),
    ("profiles/bomb.yml", "markers: &m ['A', 'B']\njunk_lines: *m\n", 1, f"profile {ANCHOR}", f"profile {ANCHOR}"),
    ("seeds/_defaults.yml", "year: &y 1987\nsource: *y\n", 1, f"this file {ANCHOR}", None),
], ids=["registry alias bomb", "registry 100,000 brackets", "registry deep block nesting", "registry python tag",
        "profile alias", "folder defaults alias"])
def test_hostile_yaml_file_is_named_on_its_line(checkout: Path, file: str, content: str, line: int,
                                                check_message: str, build_message: str | None) -> None:
    (checkout / file).write_text(content, encoding="utf-8")
    assert f"{file}:{line}: error: {check_message}" in run_check(ProjectPaths.from_root(checkout)).lines
    done = cli_build(checkout)
    assert "Traceback" not in done.stderr
    if build_message is None:  # the folder's seeds still build, without its defaults
        assert done.returncode == 0 and f"{file}:{line}: {check_message}" in done.stderr
    else:  # nothing can be annotated against a registry or profiles it cannot read
        assert done.returncode == 1
        assert done.stderr.strip() == f"Error: {file}:{line}: {build_message}"  # named as check names it


def test_registry_that_is_not_utf8(checkout: Path) -> None:
    (checkout / "registry" / "people.yml").write_bytes(b"- name: Jos\xe9\n")
    assert run_check(ProjectPaths.from_root(checkout)).lines[0] == (
        "registry/people.yml:1: error: not UTF-8 text (invalid continuation byte at byte 11); save the file as UTF-8")
    done = cli_build(checkout)
    assert done.returncode == 1 and "Traceback" not in done.stderr and "registry/people.yml" in done.stderr
