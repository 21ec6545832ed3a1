"""``python -m generator check``: validate everything a pull request can touch.

Prints one line per problem, ``path:line: error|warning: message`` (the line of the offending
key), then a one-line summary; exit code 0 when there is no error (warnings allowed), 1 otherwise.

What is checked, in order:
1. the registry files (``checks.registry_files``): YAML, schema, unique names, aliases claimed
   twice (errors), entries that look like one (warnings);
2. every page (``checks.page_files``): front-matter YAML, the page schema, dates, unknown keys,
   duplicates, and every name against the registry;
3. the build's records in content/.machine/ and leftover merge-conflict markers
   (``checks.machine_state``): withdrawn articles are reported with how to undo them;
   seeds and pages match (``checks.seed_pages``);
4. source profiles load (``generator.profiles``' own validation, first problem only);
5. every folder's ``seeds/…/_defaults.yml`` (``generator.defaults``).
The JSON Schemas in ``generator/schemas/`` are the source of truth for keys and types.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TextIO

from generator.checks.page_files import UNKNOWN_NAME_SEVERITIES, check_pages
from generator.checks.problems import ERROR, CheckReport, Problem
from generator.checks.registry_files import check_registry
from generator.checks.machine_state import StateFindings, check_conflict_markers, check_state_files, drop_shadowed
from generator.checks.seed_pages import check_seed_pages
from generator.config import ProjectPaths
from generator.models import ArticleError

__all__ = ["CheckReport", "Problem", "UNKNOWN_NAME_SEVERITIES", "run_check", "check_command"]


def run_check(paths: ProjectPaths, *, unknown_names: str = "error") -> CheckReport:
    """Check the registry, every page and the seed/page pairing; nothing is written.

    ``unknown_names``: severity for a name a person typed that is not in the registry,
    "error" (default) or "warning". Names the build wrote itself are always warnings.
    """
    if unknown_names not in UNKNOWN_NAME_SEVERITIES:
        raise ValueError(f"unknown_names must be 'error' or 'warning', not {unknown_names!r}")
    report = CheckReport()
    known = check_registry(paths, report)
    pages = check_pages(paths, report, known, unknown_names=unknown_names)
    findings = StateFindings()
    check_conflict_markers(paths, report, findings)
    check_state_files(paths, report, pages, findings)
    check_seed_pages(paths, report, pages, withdrawn=findings.withdrawn)
    drop_shadowed(report, findings)
    _check_profiles(paths, report)
    _check_folder_defaults(paths, report)
    return report


def _check_folder_defaults(paths: ProjectPaths, report: CheckReport) -> None:
    """Each bad ``seeds/…/_defaults.yml`` is an error naming the file (the build would ignore it)."""
    from generator.defaults import DefaultsIndex
    from generator.profiles import load_profiles

    try:
        names: set[str] | None = {p.name for p in load_profiles(paths.profiles)}
    except ArticleError:
        names = None  # already reported by _check_profiles
    for exc in DefaultsIndex(paths.seeds, names).errors:
        report.problems.append(Problem(_relative(paths, exc.path), exc.line or 1, ERROR, exc.problem))


def _relative(paths: ProjectPaths, path: str) -> str:
    try:
        return Path(path).resolve().relative_to(paths.root).as_posix()
    except ValueError:
        return path


def _check_profiles(paths: ProjectPaths, report: CheckReport) -> None:
    """Source profiles are validated by their own loader; its first complaint becomes a problem line."""
    from generator.profiles import load_profiles

    try:
        load_profiles(paths.profiles)
    except ArticleError as exc:
        try:
            rel = Path(exc.path).resolve().relative_to(paths.root).as_posix()
        except ValueError:
            rel = exc.path
        report.problems.append(Problem(rel, exc.line or 1, ERROR, exc.problem))


def check_command(
    root: Path | str = ".",
    *,
    unknown_names: str = "error",
    github: bool | None = None,
    out: TextIO | None = None,
    changed: Path | None = None,
    summary: Path | None = None,
) -> int:
    """What the CLI's ``check`` runs: print the problems and the summary, return the exit code.

    ``github``: also print GitHub Actions annotations (``::error file=…,line=…::…``) so problems
    show on the pull request's diff; None means "when the GITHUB_ACTIONS variable is 'true'".
    ``changed``: a file listing the pull request's changed files, one per line: annotations go to
    those files only (every problem is still printed and counted).
    ``summary``: append a plain-language Markdown account to this file (``$GITHUB_STEP_SUMMARY``).
    (Command-line examples: ``cmd_check`` in ``cli.py``.)
    """
    from generator.checks.summary import annotations, markdown_summary, read_changed

    out = out or sys.stdout
    if github is None:
        github = os.environ.get("GITHUB_ACTIONS") == "true"
    report = run_check(ProjectPaths.from_root(root), unknown_names=unknown_names)
    changed_files = read_changed(changed)
    for line in report.lines:
        print(line, file=out)
    if github:
        for line in annotations(report, changed_files):
            print(line, file=out)
    print(report.summary, file=out)
    if summary is not None:
        with open(summary, "a", encoding="utf-8") as handle:
            handle.write(markdown_summary(report, changed_files))
    return report.exit_code
