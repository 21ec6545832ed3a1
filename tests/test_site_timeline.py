"""The timeline: local-time order and day headings, on this day, undated articles by source."""

from __future__ import annotations

import datetime as dt

from generator.site.records import ArticleRecord
from generator.site.timeline import Timeline, by_day, on_this_day, undated_groups


def record(slug: str, date: str | None, source: str | None = "The Japan News", title: str | None = None):
    meta = {"title": title or slug, "date": date, "source": source}
    return ArticleRecord.from_meta(f"articles/{slug}.md", f"articles/{slug}/", meta)


def timeline(*records: ArticleRecord) -> Timeline:
    return Timeline(sorted(records, key=lambda r: r.sort_key, reverse=True))


def test_month_reads_in_the_sources_local_time_with_day_headings():
    # In UTC the US evening story of December 6 (01:30Z on the 7th) falls after the Tokyo
    # morning of December 7 (00:00Z); in the sources' own calendars it belongs to the 6th.
    us_evening = record("us-evening", "1996-12-06T20:30:00-05:00")
    tokyo_morning = record("tokyo-morning", "1996-12-07T09:00:00+09:00")
    tokyo_night = record("tokyo-night", "1996-12-08T23:00:00+09:00")
    date_only = record("date-only", "1996-12-07")
    london = record("london", "1996-12-06T08:00:00+00:00")
    (month,) = timeline(us_evening, tokyo_morning, tokyo_night, date_only, london).months
    assert [r.title for r in month.articles] == ["london", "us-evening", "date-only", "tokyo-morning", "tokyo-night"]
    days = by_day(month.articles)
    assert [(d.title, d.anchor, [r.title for r in d.articles]) for d in days] == [
        ("Friday, December 6", "day-06", ["london", "us-evening"]),
        ("Saturday, December 7", "day-07", ["date-only", "tokyo-morning"]),
        ("Sunday, December 8", "day-08", ["tokyo-night"]),
    ]


def test_a_late_evening_stays_in_its_local_month():
    t = timeline(record("nye", "1999-12-31T22:00:00-05:00"), record("jan", "2000-01-01T10:00:00+09:00"))
    assert [(m.title, [r.title for r in m.articles]) for m in t.months] == [
        ("January 2000", ["jan"]), ("December 1999", ["nye"])]


def test_span_counts_and_year_pages():
    t = timeline(record("a", "2021-11-02"), record("b", "2022-02-01"), record("c", "2022-02-03"))
    assert t.span() == [(2021, 11), (2021, 12), (2022, 1), (2022, 2)]
    assert t.counts() == {(2022, 2): 2, (2021, 11): 1}
    assert [y.url for y in t.years] == ["timeline/2022/", "timeline/2021/"]
    assert t.years[0].counts() == {(2022, 2): 2} and len(t.years[0].span()) == 12


def test_undated_grouped_by_source_then_title():
    items = [record("z", None, "Reuters", "Zeta"), record("a", None, "Reuters", "alpha"),
             record("n", None, None, "Nobody"), record("k", None, "Kyodo", "Kilo"), record("b", None, "Reuters", "Beta")]
    groups = undated_groups(items)
    assert [(g.label, [r.title for r in g.articles]) for g in groups] == [
        ("Kyodo", ["Kilo"]), ("Reuters", ["alpha", "Beta", "Zeta"]), ("No source given", ["Nobody"])]


def test_on_this_day_earlier_years_newest_first():
    items = [record("a", "2001-05-10T08:00:00+09:00"), record("b", "2019-05-10"), record("c", "2019-05-11"),
             record("d", "2024-05-10"), record("e", "2001-05-09T23:30:00-04:00"), record("f", None),
             record("g", "2001-05-10T06:00:00+09:00")]
    hits = on_this_day(items, dt.date(2024, 5, 10))
    assert [(year, [r.title for r in rs]) for year, rs in hits] == [(2019, ["b"]), (2001, ["g", "a"])]
    assert on_this_day(items, dt.date(2024, 1, 1)) == []
