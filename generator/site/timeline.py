"""Articles grouped by year and month (newest first), plus the undated ones."""

from __future__ import annotations

from dataclasses import dataclass, field

from generator.site.records import MONTHS, ArticleRecord


@dataclass
class Month:
    year: int
    month: int
    articles: list[ArticleRecord] = field(default_factory=list)

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
            if not self.years or self.years[-1].year != year:
                self.years.append(Year(year))
            self.years[-1].months.append(month)

    @property
    def months(self) -> list[Month]:
        return [m for y in self.years for m in y.months]
