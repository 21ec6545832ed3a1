"""`ArticleRecord`: one article page's front-matter, read once in `on_files`, ready to display.

The Material blog plugin reads its posts' front-matter when it builds its file list, because
generated pages (archives, categories) must exist before MkDocs reads any page. We do the same:
every term, month and listing page depends on all articles' metadata.

Front-matter values are untrusted plain text. Nothing here escapes HTML: the templates that
render these records autoescape (see `render.py`).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.cache_files import load_pickle, save_pickle
from generator.page_reader import NOT_A_MAPPING, markup_issues, read_page, read_sound_page
from generator.models import ENTITY_KINDS, FRONT_MATTER_KEYS

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")

# Abbreviations readers expect, by UTC offset; a city can override an ambiguous offset.
TZ_BY_OFFSET: dict[str, str] = {"+09:00": "JST", "+00:00": "GMT", "+01:00": "CET",
                                "+02:00": "CEST", "-05:00": "EST", "-04:00": "EDT",
                                "+08:00": "HKT", "+05:30": "IST"}
TZ_BY_CITY: dict[tuple[str, str], str] = {("+09:00", "seoul"): "KST", ("+09:00", "pyongyang"): "KST",
                                          ("+08:00", "beijing"): "CST", ("+08:00", "shanghai"): "CST",
                                          ("+08:00", "taipei"): "CST", ("+08:00", "singapore"): "SGT",
                                          ("+01:00", "london"): "BST"}

# The front-matter keys of an article page (generator/schemas/page.schema.json allows no others).
# Material's templates read none of them, so article pages holding only these can share one
# page frame (chrome.py).
FIELDS = frozenset(FRONT_MATTER_KEYS)


_LANG = re.compile(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*")


class FrontMatterError(ValueError):
    """A page whose front-matter cannot be read; the message names the file."""


@dataclass(frozen=True)
class ArticleDate:
    iso: str  # for <time datetime="...">: the value as written, normalised
    display: str  # "May 10, 2022, 17:48 JST"
    sort_key: float  # seconds since the epoch, UTC (naive and date-only values read as UTC)
    year: int
    month: int

    @property
    def utc(self) -> str:
        """"2022-05-10T08:48:00Z": sorts as text (the search index's date order)."""
        moment = dt.datetime.fromtimestamp(self.sort_key, tz=dt.timezone.utc)
        return moment.strftime("%Y-%m-%dT%H:%M:%SZ")

    @property
    def day_display(self) -> str:
        return self.display.split(",")[0] + ", " + str(self.year)


def _offset(value: dt.datetime) -> str | None:
    off = value.utcoffset()
    if off is None:
        return None
    minutes = int(off.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    minutes = abs(minutes)
    return f"{sign}{minutes // 60:02d}:{minutes % 60:02d}"


def parse_date(value: Any, city: str | None = None) -> ArticleDate | None:
    """Front-matter `date` -> ArticleDate; None for null or unreadable values."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        moment: dt.datetime | dt.date = value
    elif isinstance(value, dt.date):
        moment = value
    else:
        text = str(value).strip()
        try:
            moment = dt.date.fromisoformat(text) if len(text) == 10 else dt.datetime.fromisoformat(text)
        except ValueError:
            return None
    day = f"{MONTHS[moment.month - 1]} {moment.day}, {moment.year}"
    if not isinstance(moment, dt.datetime):
        stamp = dt.datetime(moment.year, moment.month, moment.day, tzinfo=dt.timezone.utc).timestamp()
        return ArticleDate(moment.isoformat(), day, stamp, moment.year, moment.month)
    offset = _offset(moment)
    clock = f"{moment.hour:02d}:{moment.minute:02d}"
    if offset is None:
        iso = moment.replace(microsecond=0).isoformat()
        stamp = moment.replace(tzinfo=dt.timezone.utc).timestamp()
        return ArticleDate(iso, f"{day}, {clock}", stamp, moment.year, moment.month)
    zone = TZ_BY_CITY.get((offset, (city or "").strip().lower())) or TZ_BY_OFFSET.get(offset)
    zone = zone or ("UTC" if offset == "+00:00" else f"UTC{offset}")
    iso = moment.replace(microsecond=0, tzinfo=None).isoformat() + offset
    return ArticleDate(iso, f"{day}, {clock} {zone}", moment.timestamp(), moment.year, moment.month)


def _text(value: Any) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def _names(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    items = value if isinstance(value, list) else [value]
    seen: dict[str, None] = {}
    for item in items:
        text = _text(item)
        if text and not isinstance(item, (dict, list)):
            seen.setdefault(text, None)
    return tuple(seen)


@dataclass
class ArticleRecord:
    src_uri: str  # "articles/2022/05/japan-and-south-korea-....md"
    url: str  # "articles/2022/05/japan-and-south-korea-.../"
    title: str
    date: ArticleDate | None
    city: str | None
    agency: str | None
    source: str | None
    section: str | None
    people: tuple[str, ...]
    places: tuple[str, ...]
    organizations: tuple[str, ...]
    topics: tuple[str, ...]
    caption: str | None
    summary: str | None
    notes: tuple[str, ...]
    reviewed: bool
    seed: str | None
    language: str = "en"  # BCP 47 tag from front-matter `language` or `lang`
    original_url: str | None = None  # front-matter `url`: where the source published it (http/https only)
    index: int = field(default=-1)  # position in the archive's newest-first order

    @property
    def dateline(self) -> str:
        """"TOKYO (Reuters)"; "" when neither part is known."""
        parts = [self.city.upper()] if self.city else []
        if self.agency:
            parts.append(f"({self.agency})")
        return " ".join(parts)

    @property
    def sort_key(self) -> tuple[float, str]:
        return (self.date.sort_key if self.date else float("-inf"), self.src_uri)

    def terms(self, kind: str) -> tuple[str, ...]:
        return getattr(self, kind)

    @classmethod
    def from_meta(cls, src_uri: str, url: str, meta: dict[str, Any]) -> "ArticleRecord":
        dateline = meta.get("dateline") if isinstance(meta.get("dateline"), dict) else {}
        city = _text(dateline.get("city"))
        notes = meta.get("notes")
        title = _text(meta.get("title")) or Path(src_uri).stem.replace("-", " ").capitalize()
        return cls(
            src_uri=src_uri, url=url, title=title, date=parse_date(meta.get("date"), city),
            city=city, agency=_text(dateline.get("agency")),
            source=_text(meta.get("source")), section=_text(meta.get("section")),
            **{kind: _names(meta.get(kind)) for kind in ENTITY_KINDS},
            caption=_text(meta.get("caption")), summary=_text(meta.get("summary")),
            notes=_names(notes), reviewed=meta.get("reviewed") is True, seed=_text(meta.get("seed")),
            language=_language(meta.get("language") or meta.get("lang")),
            original_url=_web_url(meta.get("url")),
        )


def _language(value: Any) -> str:
    """A language tag safe in an HTML attribute and a search filter ("en", "pt-BR"); "en" if none."""
    text = _text(value) if isinstance(value, str) else None
    return text if text and _LANG.fullmatch(text) else "en"


def _web_url(value: Any) -> str | None:
    """An http(s) URL without spaces or quotes, else None (a page may only link to the web)."""
    text = _text(value) if isinstance(value, str) else None
    if text and re.fullmatch(r"https?://[^\s\"'<>]+", text):
        return text
    return None


@dataclass(frozen=True)
class PageProblem:
    line: int  # 1-based line of the page file
    message: str


def read_front_matter(path: Path) -> tuple[dict[str, Any], str, tuple[PageProblem, ...]]:
    """(front-matter keys the site knows, the Markdown after it, the page's problems).

    Judged by ``page_reader`` -- the build's and ``check``'s reader -- so the site agrees with them:
    a page that is not a readable mapping raises ``FrontMatterError`` (it cannot be published);
    any other error (an unknown key, a wrong type, raw HTML) comes back as a problem to warn about,
    and the page is published without what it breaks: unknown keys are dropped (so a mistyped
    key cannot reach the theme as `template:` or `hide:`), raw HTML is removed by the sanitiser.
    """
    try:
        raw = path.read_bytes()
    except OSError as err:
        raise FrontMatterError(f"{path}: cannot read: {err}") from err
    sound = read_sound_page(raw)  # nearly every page: read once, fast, nothing to say
    if sound is not None:
        data, body = sound
        return {key: value for key, value in data.items() if key in FIELDS}, body, ()
    reading = read_page(raw)
    problems = tuple(PageProblem(i.line, i.message) for i in reading.errors)
    if not isinstance(reading.data, dict) or reading.body is None:
        first = problems[0] if problems else PageProblem(1, NOT_A_MAPPING)
        raise FrontMatterError(f"{path}:{first.line}: {first.message}")
    problems += tuple(PageProblem(i.line, i.message) for i in markup_issues(reading))
    problems = tuple(sorted(problems, key=lambda problem: problem.line))  # the first is the one shown
    meta = {key: value for key, value in reading.data.items() if key in FIELDS}
    return meta, reading.body, problems


class RecordCache:
    """Parsed pages keyed by (path, mtime, size): `mkdocs serve` rebuilds re-read only changes.

    The body is kept too, so MkDocs need not parse each article's YAML a second time
    (`on_page_read_source` hands it the body; the plugin restores `page.meta`). With ``load``
    and ``save`` the records also outlive the process (``.cache/news-archive/records.pickle``),
    so a `mkdocs build` after a one-article edit parses one page's front-matter, not every page's
    (10,000 articles: 7 s). ``salt`` names the code that reads pages: another code, another cache.
    """

    def __init__(self) -> None:
        self._seen: dict[str, tuple[int, int, dict[str, Any], str, tuple[PageProblem, ...]]] = {}
        self._used: set[str] = set()  # the pages this build asked for: what `save` keeps
        self._changed = False
        # path -> (the entry it was made from, the record): an unchanged page keeps its record
        # object between `serve` rebuilds, and with it what was computed from it (cache.py)
        self._records: dict[str, tuple[tuple, "ArticleRecord"]] = {}
        self._built: dict[str, tuple] = {}  # path -> its entry when the last completed build read it

    def load(self, path: Path, salt: str) -> None:
        """Take the records a previous process saved with the same ``salt`` (none before: first use)."""
        if self._seen:  # this process has its own, fresher ones (`serve`)
            return
        data = load_pickle(path)
        if isinstance(data, tuple) and len(data) == 2 and data[0] == salt and isinstance(data[1], dict):
            self._seen = data[1]

    def end_build(self) -> None:
        """Keep the records of this build's pages only (a deleted page's goes)."""
        gone = self._seen.keys() - self._used
        for key in gone:
            del self._seen[key]
            self._records.pop(key, None)
        self._changed = self._changed or bool(gone)
        self._used = set()

    def mark_built(self) -> None:
        """A build completed: every page it read was written from the entry it has now."""
        self._built = {key: made[0] for key, made in self._records.items()}

    def changed_since_built(self, path: str) -> bool:
        """Whether the page (as `str(Path)`) was read from other bytes than at the last completed
        build, or not read then: the same entry object means the same `stat`, so the same bytes."""
        made = self._records.get(path)
        return made is None or self._built.get(path) is not made[0]

    def save(self, path: Path, salt: str) -> None:
        """Write the records down, if any changed since they were last read or written."""
        if self._changed:
            save_pickle(path, (salt, self._seen))
        self._changed = False

    def _entry(self, path: Path) -> tuple[int, int, dict[str, Any], str, tuple[PageProblem, ...]]:
        stat = path.stat()
        key = str(path)
        self._used.add(key)
        hit = self._seen.get(key)
        if hit and hit[0] == stat.st_mtime_ns and hit[1] == stat.st_size:
            return hit
        entry = (stat.st_mtime_ns, stat.st_size, *read_front_matter(path))
        self._seen[key] = entry
        self._changed = True
        return entry

    def read(self, path: Path) -> tuple[dict[str, Any], str]:
        entry = self._entry(path)
        return entry[2], entry[3]

    def meta(self, path: Path) -> dict[str, Any]:
        return self._entry(path)[2]

    def record(self, path: Path, src_uri: str, url: str) -> "ArticleRecord":
        """The page's record; the very object of the previous build when its front-matter is
        unchanged (a record is made of nothing else), as after an edit of the body alone."""
        entry = self._entry(path)
        made = self._records.get(str(path))
        if made is not None and (made[1].src_uri, made[1].url) == (src_uri, url) and (
                made[0] is entry or made[0][2] == entry[2]):
            self._records[str(path)] = (entry, made[1])
            return made[1]
        record = ArticleRecord.from_meta(src_uri, url, entry[2])
        self._records[str(path)] = (entry, record)
        return record

    def problems(self, path: Path) -> tuple[PageProblem, ...]:
        """What ``check`` would call an error on this page (empty for a sound page)."""
        return self._entry(path)[4]
