"""Articles grouped by year, month and day, plus the undated ones.

Within a month, articles read in the order of the *local* date and time the source gave
("December 6, 19:30 EST" comes after "December 6, 09:00 JST" and before "December 7"), not in
UTC order: a reader of a month page thinks in the source's calendar, under day headings.
Date-only values come first in their day (their time is unknown).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Sequence

from generator.site.charts import YearMonth, month_span
from generator.site.records import MONTHS, ArticleRecord

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def local_key(record: ArticleRecord) -> tuple[str, str]:
    """Sorts by the source's own wall-clock date and time: the ISO value without its offset
    ("2022-05-10T17:48:00"; a date-only "2022-05-10" sorts before any time that day)."""
    assert record.date is not None
    return (record.date.iso[:19], record.src_uri)


def local_day(record: ArticleRecord) -> dt.date:
    assert record.date is not None
    return dt.date.fromisoformat(record.date.iso[:10])


@dataclass
class Day:
    date: dt.date
    articles: list[ArticleRecord] = field(default_factory=list)

    @property
    def title(self) -> str:
        return f"{WEEKDAYS[self.date.weekday()]}, {MONTHS[self.date.month - 1]} {self.date.day}"

    @property
    def anchor(self) -> str:
        return f"day-{self.date.day:02d}"


def by_day(records_in_local_order: Sequence[ArticleRecord]) -> list[Day]:
    days: list[Day] = []
    for record in records_in_local_order:
        day = local_day(record)
        if not days or days[-1].date != day:
            days.append(Day(day))
        days[-1].articles.append(record)
    return days


@dataclass
class Month:
    year: int
    month: int
    articles: list[ArticleRecord] = field(default_factory=list)  # local date and time, oldest first

    @property
    def name(self) -> str:
        return MONTHS[self.month - 1]

    @property
    def title(self) -> str:
        return f"{self.name} {self.year}"

    @property
    def url(self) -> str:
        return f"timeline/{self.year:04d}/{self.month:02d}/"


@dataclass
class Year:
    year: int
    months: list[Month] = field(default_factory=list)  # newest first

    @property
    def count(self) -> int:
        return sum(len(m.articles) for m in self.months)

    @property
    def url(self) -> str:
        return f"timeline/{self.year:04d}/"

    def counts(self) -> dict[YearMonth, int]:
        return {(m.year, m.month): len(m.articles) for m in self.months}

    def span(self) -> list[YearMonth]:
        return month_span((self.year, 1), (self.year, 12))


@dataclass
class SourceGroup:
    source: str | None  # None: the page names no source
    articles: list[ArticleRecord]

    @property
    def label(self) -> str:
        return self.source or "No source given"


def undated_groups(records: Sequence[ArticleRecord]) -> list[SourceGroup]:
    """Undated articles by source (A→Z, "no source" last), each group by title A→Z."""
    ordered = sorted(records, key=lambda r: (r.source is None, (r.source or "").casefold(),
                                             r.title.casefold(), r.src_uri))
    groups: list[SourceGroup] = []
    for record in ordered:
        if not groups or groups[-1].source != record.source:
            groups.append(SourceGroup(record.source, []))
        groups[-1].articles.append(record)
    return groups


def on_this_day(records: Sequence[ArticleRecord], today: dt.date) -> list[tuple[int, list[ArticleRecord]]]:
    """Articles of today's day and month in earlier years (by the source's calendar), newest
    year first, each year's in local time order."""
    hits: dict[int, list[ArticleRecord]] = {}
    for record in records:
        if record.date is None:
            continue
        day = local_day(record)
        if day.month == today.month and day.day == today.day and day.year < today.year:
            hits.setdefault(day.year, []).append(record)
    return [(year, sorted(hits[year], key=local_key)) for year in sorted(hits, reverse=True)]


class Timeline:
    UNDATED_URL = "timeline/undated/"

    def __init__(self, records_newest_first: list[ArticleRecord]) -> None:
        months: dict[tuple[int, int], Month] = {}
        self.undated: list[ArticleRecord] = []
        for record in records_newest_first:
            if record.date is None:
                self.undated.append(record)
                continue
            key = (record.date.year, record.date.month)
            months.setdefault(key, Month(*key)).articles.append(record)
        self.years: list[Year] = []
        for (year, _), month in sorted(months.items(), reverse=True):
            month.articles.sort(key=local_key)
            if not self.years or self.years[-1].year != year:
                self.years.append(Year(year))
            self.years[-1].months.append(month)

    @property
    def months(self) -> list[Month]:
        return [m for y in self.years for m in y.months]

    def counts(self) -> dict[YearMonth, int]:
        return {(m.year, m.month): len(m.articles) for m in self.months}

    def span(self) -> list[YearMonth]:
        """Every month from the oldest dated article's to the newest's (empty when none)."""
        if not self.years:
            return []
        first, last = self.years[-1].months[-1], self.years[0].months[0]
        return month_span((first.year, first.month), (last.year, last.month))
