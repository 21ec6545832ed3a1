"""``check``'s report for people reading a pull request: the job summary and annotations on changed files.

GitHub shows a step's Markdown summary (``$GITHUB_STEP_SUMMARY``) on the run's page, and a
workflow command (``::error file=…,line=…::``) next to that line in **Files changed**. Only a few
annotations per step are shown, so they go to the files the pull request changed; the log and the
summary list every problem.
"""

from __future__ import annotations

from pathlib import Path

from generator.checks.problems import ERROR, CheckReport, Problem
from generator.wording import count

HOW_TO_FIX = (
    "**How to fix:** on GitHub, open the file from the pull request's **Files changed** tab (⋯ → *Edit file*), "
    "change the line named, and commit to the same branch: the check runs again. "
    "Items marked *must fix* stop the merge; *worth a look* ones do not. "
    "CONTRIBUTING.md, “Reading the check's messages”, explains each message."
)


def read_changed(path: Path | None) -> set[str] | None:
    """The changed files listed one per line in ``path`` (``git diff --name-only``), or None for all."""
    if path is None:
        return None
    try:
        return {line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()}
    except OSError:
        return None


def annotations(report: CheckReport, changed: set[str] | None) -> list[str]:
    """GitHub workflow commands for the problems in ``changed`` files (all problems when None)."""
    ordered = sorted(report.problems, key=lambda p: (p.path, p.line, p.severity, p.message))
    return [p.github() for p in ordered if changed is None or p.path in changed]


def _plain(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _item(problem: Problem) -> str:
    weight = "must fix" if problem.severity == ERROR else "worth a look"
    return f"- line {problem.line} (*{weight}*): {_plain(problem.message)}"


def markdown_summary(report: CheckReport, changed: set[str] | None = None) -> str:
    """A plain-language account of the check, grouped by file, changed files first."""
    checked = (f"{count(report.pages_checked, 'page')}, {count(report.registry_files_checked, 'registry file')} "
               f"and {count(report.seeds_checked, 'seed')}")
    if not report.problems:
        return f"## ✅ Check passed\n\nEverything the check reads is in order ({checked}).\n"
    errors, warnings = len(report.errors), len(report.warnings)
    if errors:
        head = f"## ❌ Check: {count(errors, 'problem')} to fix before this can be merged"
        if warnings:
            head += f" (and {count(warnings, 'warning')})"
    else:
        head = f"## ⚠️ Check passed with {count(warnings, 'warning')} worth a look"
    by_file: dict[str, list[Problem]] = {}
    for problem in sorted(report.problems, key=lambda p: (p.path, p.line, p.severity, p.message)):
        by_file.setdefault(problem.path, []).append(problem)
    order = sorted(by_file, key=lambda path: (changed is not None and path not in changed, path))
    parts = [head, "", f"The check read {checked}.", ""]
    for path in order:
        note = "" if changed is None or path in changed else " (not changed by this pull request)"
        parts += [f"### `{path}`{note}", "", *(_item(p) for p in by_file[path]), ""]
    parts += [HOW_TO_FIX, ""]
    return "\n".join(parts)
