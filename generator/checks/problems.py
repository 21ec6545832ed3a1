"""One problem found by ``check``, and the report that collects them all."""

from __future__ import annotations

from dataclasses import dataclass, field

from generator.wording import count

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True, order=True)
class Problem:
    """``path:line: severity: message``: the shape GitHub annotations and editors can jump to."""

    path: str  # relative to the project root, "/" separators
    line: int  # 1-based line of the offending key (1 when the whole file is at fault)
    severity: str  # ERROR or WARNING
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.severity}: {self.message}"

    def github(self) -> str:
        """The same problem as a GitHub Actions workflow command (shown on the pull request's diff)."""
        message = self.message.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        return f"::{self.severity} file={self.path},line={self.line}::{message}"


@dataclass
class CheckReport:
    problems: list[Problem] = field(default_factory=list)
    pages_checked: int = 0
    registry_files_checked: int = 0
    seeds_checked: int = 0

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == ERROR]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == WARNING]

    @property
    def lines(self) -> list[str]:
        """One line per problem, sorted by file then line."""
        return [str(p) for p in sorted(self.problems, key=lambda p: (p.path, p.line, p.severity, p.message))]

    @property
    def github_lines(self) -> list[str]:
        return [p.github() for p in sorted(self.problems, key=lambda p: (p.path, p.line, p.severity, p.message))]

    @property
    def summary(self) -> str:
        checked = (
            f"{count(self.pages_checked, 'page')}, {count(self.registry_files_checked, 'registry file')}"
            f" and {count(self.seeds_checked, 'seed')} checked"
        )
        if not self.problems:
            return f"check: ok, {checked}"
        found = f"{count(len(self.errors), 'error')}, {count(len(self.warnings), 'warning')}"
        return f"check: {found} ({checked})"

    @property
    def exit_code(self) -> int:
        """0 when there is no error (warnings allowed), 1 otherwise."""
        return 1 if self.errors else 0


class Collector:
    """Where the checks put problems; one per file keeps each call short."""

    def __init__(self, report: CheckReport, path: str) -> None:
        self.report = report
        self.path = path

    def error(self, line: int, message: str) -> None:
        self.report.problems.append(Problem(self.path, line, ERROR, message))

    def warning(self, line: int, message: str) -> None:
        self.report.problems.append(Problem(self.path, line, WARNING, message))

    def add(self, severity: str, line: int, message: str) -> None:
        self.report.problems.append(Problem(self.path, line, severity, message))
