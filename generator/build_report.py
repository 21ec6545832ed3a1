"""What a build did: the seeds read (``ReadResult``) and the pages written (``BuildReport``),
with the lines and the one-sentence summary the command line prints."""

from __future__ import annotations

from dataclasses import dataclass, field

from generator.models import AnnotatedArticle, ArticleError
from generator.resolve import ArchiveNames
from generator.wording import count

__all__ = ["ReadResult", "BuildReport"]


@dataclass
class ReadResult:
    articles: list[AnnotatedArticle] = field(default_factory=list)
    errors: list[ArticleError] = field(default_factory=list)  # files that could not be converted
    problems: list[str] = field(default_factory=list)  # "seed: problem" for files that converted anyway
    duplicates: list[tuple[str, str]] = field(default_factory=list)  # (duplicate seed, seed kept)
    near_duplicates: list[tuple[str, str]] = field(default_factory=list)  # (seed folded, seed kept): same story
    skipped: int = 0  # unchanged seeds the cache let us skip
    names: ArchiveNames | None = None  # the archive-wide people decision (read_all only)


@dataclass
class BuildReport:
    written: list[str] = field(default_factory=list)
    unchanged: int = 0
    registry_only: int = 0  # articles read in a language the people finder was not built for
    read: ReadResult = field(default_factory=ReadResult)
    kept_edits: dict[str, tuple[str, ...]] = field(default_factory=dict)  # page -> fields people edited
    notes: list[str] = field(default_factory=list)  # decisions the build recorded, said once (withdrawn articles)
    withdrawn: int = 0  # articles whose page a person deleted

    @property
    def problem_lines(self) -> list[str]:
        lines = [str(e) for e in self.read.errors] + self.read.problems
        lines += [f"{dup}: same text as {kept}; not written twice" for dup, kept in self.read.duplicates]
        lines += [f"{dup}: same story as {kept}; folded into its page" for dup, kept in self.read.near_duplicates]
        return lines

    def summary(self) -> str:
        r = self.read
        if not self.written:
            head = f"Nothing changed: {count(self.unchanged, 'page')} already up to date, no file rewritten."
        else:
            head = f"Wrote {count(len(self.written), 'page')}, {self.unchanged} unchanged."
        withdrawn = f", {self.withdrawn} withdrawn" if self.withdrawn else ""
        languages = ""
        if self.registry_only:  # names there come from the registry and gazetteer alone
            languages = (f" {count(self.registry_only, 'article')} in another language "
                         f"{'was' if self.registry_only == 1 else 'were'} annotated from the registry only.")
        return (f"{head} {count(len(r.errors), 'seed')} failed, {count(len(r.problems), 'warning')}, "
                f"{count(len(r.duplicates) + len(r.near_duplicates), 'duplicate')}{withdrawn}.{languages}")
