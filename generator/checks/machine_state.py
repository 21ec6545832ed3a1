"""The build's records in content/.machine/, and leftover merge-conflict markers anywhere in content/.

- A page or record with ``<<<<<<<`` / ``=======`` / ``>>>>>>>`` lines is an error (the build leaves
  such a page alone); for a page it replaces the other complaints about that file.
- A record that is not readable JSON is an error; one left by an interrupted build is a warning.
- A record whose page is gone while its seed stays is a withdrawn article: a warning on the seed,
  with the ways to undo it or to remove the seed too. A withdrawn seed is not "without a page".
"""

from __future__ import annotations

from dataclasses import dataclass, field

from generator.checks.page_files import PageSeed, iter_pages
from generator.checks.problems import CheckReport, Collector
from generator.conflicts import find_conflict
from generator.config import ProjectPaths
from generator.state import page_of, parse_state


@dataclass
class StateFindings:
    withdrawn: set[str] = field(default_factory=set)  # seeds whose page a person deleted
    conflicted: set[str] = field(default_factory=set)  # pages (relative paths) with conflict markers


def withdrawn_advice(page: str, record: str, seed: str) -> str:
    return (f"withdrawn: its page {page} was deleted, so the build does not make it again. "
            f"To remove the article for good, delete this seed too (`git rm {seed}`). "
            f"To publish it again, restore the page (`git checkout <commit before the deletion> -- {page}`) "
            f"or delete {record} so the next build makes the page afresh")


def check_conflict_markers(paths: ProjectPaths, report: CheckReport, findings: StateFindings) -> None:
    for page in iter_pages(paths):
        try:
            text = page.read_text(encoding="utf-8", errors="replace")
        except OSError:
            continue
        conflict = find_conflict(text)
        if conflict is not None:
            rel = page.relative_to(paths.root).as_posix()
            findings.conflicted.add(rel)
            Collector(report, rel).error(conflict.start, conflict.sentence())


def check_state_files(paths: ProjectPaths, report: CheckReport, pages: list[PageSeed], findings: StateFindings) -> None:
    if not paths.state.is_dir():
        return
    claimed = {p.seed for p in pages if p.seed}
    for state_file in sorted(paths.state.rglob("*.json")):
        rel = state_file.relative_to(paths.root).as_posix()
        page = page_of(paths, state_file)
        page_rel = page.relative_to(paths.root).as_posix()
        out = Collector(report, rel)
        try:
            record = parse_state(state_file.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError) as exc:
            out.error(1, f"the build's record of {page_rel} cannot be read ({exc})")
            continue
        if record.conflict is not None:
            out.error(record.conflict, f"unresolved merge conflict in the build's record of {page_rel}: take either "
                      "side's lines (both describe what the machine wrote; your edits are in the page), delete "
                      "the '<<<<<<<', '=======' and '>>>>>>>' lines, then run `python -m generator build`")
            continue
        if record.unreadable is not None:
            out.error(1, f"the build's record of {page_rel} is not readable JSON ({record.unreadable}); take it "
                      f"from git again (`git checkout -- {rel}`) or delete it (the next build then keeps every "
                      "value on the page as a person's)")
            continue
        if record.pending is not None:
            out.warning(1, f"a build was interrupted while writing {page_rel}; run `python -m generator build` "
                        "to finish it")
        state = record.committed or record.pending
        seed = state.machine.get("seed") if state else None
        if page.exists() or not isinstance(seed, str) or seed in claimed:
            continue
        if (paths.root / seed).is_file():
            findings.withdrawn.add(seed)
            Collector(report, seed).warning(1, withdrawn_advice(page_rel, rel, seed))


def drop_shadowed(report: CheckReport, findings: StateFindings) -> None:
    """A page with conflict markers gets that one error, not the YAML errors the markers cause."""
    report.problems = [p for p in report.problems
                       if p.path not in findings.conflicted or p.message.startswith("unresolved merge conflict")]
