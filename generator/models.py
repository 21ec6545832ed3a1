"""Plain records shared by every pipeline stage. No I/O, no logic beyond conversion."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

# Front-matter keys in the order they are written: a fixed order keeps diffs small.
FRONT_MATTER_KEYS: tuple[str, ...] = (
    "title",
    "date",
    "date_text",
    "dateline",
    "source",
    "section",
    "byline",
    "url",
    "language",
    "people",
    "places",
    "organizations",
    "topics",
    "caption",
    "summary",
    "notes",
    "reviewed",
    "seed",
    "duplicates",
)
ENTITY_KINDS: tuple[str, ...] = ("people", "places", "organizations", "topics")


class ArticleError(Exception):
    """A problem with one input file; the message names the file and the problem."""

    def __init__(self, path: str | Path, problem: str, line: int | None = None) -> None:
        self.path = str(path)
        self.problem = problem
        self.line = line  # the file line at fault, when known
        super().__init__(f"{self.path}:{line}: {problem}" if line else f"{self.path}: {problem}")


@dataclass(frozen=True)
class RawDocument:
    """A seed file read from disk and decoded to clean text."""

    path: Path  # absolute path on disk
    seed: str  # path as recorded in front-matter, e.g. "seeds/000_c15d51d3465a3ed0.txt"
    text: str  # decoded text: "\n" line ends, no BOM, no control characters
    encoding: str  # the encoding used to decode, e.g. "utf-8", "utf-16", "cp1252"
    sha256: str  # hash of the raw bytes, for duplicate detection and caching
    notes: tuple[str, ...] = ()  # warnings from reading, e.g. stray control bytes dropped
    is_html: bool = False  # a saved web page: `text` is its decoded HTML

    @property
    def text_sha256(self) -> str:
        """Digest of the decoded text: the same story saved in two encodings is one article."""
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Dateline:
    city: str | None
    agency: str | None

    def as_dict(self) -> dict[str, str | None]:
        return {"city": self.city, "agency": self.agency}


@dataclass(frozen=True)
class Article:
    """What the parser understood of one raw document (before the registry is applied)."""

    seed: str
    title: str
    date: str | None  # ISO 8601: "2022-05-10T17:48:00+09:00", or "1996-08-30" when no time is known
    dateline: Dateline
    source: str | None
    section: str | None
    caption: str | None
    summary: str
    paragraphs: tuple[str, ...]  # the story, one paragraph each, junk removed
    problems: tuple[str, ...] = ()  # non-fatal issues, e.g. "no date found"
    date_text: str | None = None  # the date as the text gives it when it lacks a year, e.g. "Feb 26"
    byline: str | None = None  # the writer(s), as the page credits them
    url: str | None = None  # the page's canonical address (saved web pages)
    language: str | None = None  # ISO 639-1 code, e.g. "en"

    @property
    def body(self) -> str:
        return "\n\n".join(self.paragraphs)


@dataclass(frozen=True)
class AnnotatedArticle:
    """An Article plus the canonical entity names the registry (and name finder) found in it."""

    article: Article
    people: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    organizations: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()
    unregistered_people: tuple[str, ...] = field(default=())  # found by rules, not in the registry
    unregistered_organizations: tuple[str, ...] = field(default=())  # organisations found by rules (kinds.py)
    duplicates: tuple[str, ...] = ()  # other seeds telling the same story, folded into this page

    def front_matter(self) -> dict[str, object]:
        """The machine's front-matter, in FRONT_MATTER_KEYS order."""
        a = self.article
        # Optional keys are written only when they hold something, so most pages stay as short.
        optional = {"date_text": a.date_text, "duplicates": list(self.duplicates)}
        fm: dict[str, object] = {
            "title": a.title,
            "date": a.date,
            "dateline": a.dateline.as_dict(),
            "source": a.source,
            "section": a.section,
            "byline": a.byline,
            "url": a.url,
            "language": a.language,
            "people": list(self.people),
            "places": list(self.places),
            "organizations": list(self.organizations),
            "topics": list(self.topics),
            "caption": a.caption,
            "summary": a.summary,
            "notes": [],
            "reviewed": False,
            "seed": a.seed,
        }
        fm.update({key: value for key, value in optional.items() if value})
        return {key: fm[key] for key in FRONT_MATTER_KEYS if key in fm}
