"""Related-article ranking on small archives where the right answer is known."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from generator.site.entities import EntityLookup
from generator.site.records import ArticleRecord
from generator.site.related import RelatedFinder, closeness
from generator.site.terms import TermIndex


def record(slug: str, date: str | None, **terms: list[str]) -> ArticleRecord:
    meta = {"title": slug.replace("-", " "), "date": date, **terms}
    return ArticleRecord.from_meta(f"articles/{slug}.md", f"articles/{slug}/", meta)


def archive(records: list[ArticleRecord], limit: int = 5, max_df: int = 500) -> RelatedFinder:
    records = sorted(records, key=lambda r: r.sort_key, reverse=True)
    index = TermIndex(EntityLookup(Path("/nonexistent-registry")))
    for position, r in enumerate(records):
        r.index = position
        index.add(r)
    index.finish(10)
    return RelatedFinder(records, index, limit, max_df)


def filler(n: int) -> list[ArticleRecord]:
    """Background stories that make "United States" and "Diplomacy" common, as in a real archive."""
    return [record(f"filler-{i}", f"2010-0{1 + i % 9}-1{i % 10}T12:00:00+00:00",
                   places=["United States"], topics=["Diplomacy"]) for i in range(n)]


def slugs(found: list[ArticleRecord]) -> list[str]:
    return [r.url.split("/")[1] for r in found]


def test_a_shared_rare_person_beats_shared_common_places():
    story = record("japan-korea", "2022-05-10T17:48:00+09:00", people=["Yoshimasa Hayashi"],
                   places=["Japan", "South Korea", "United States"], topics=["Diplomacy"])
    hayashi = record("hayashi-in-seoul", "2019-03-01T10:00:00+09:00", people=["Yoshimasa Hayashi"])
    japan = record("japan-budget", "2022-05-12T09:00:00+09:00", places=["Japan"])
    # Proportions of the real archive: "Japan" in 11% of the articles, the person in two.
    more_japan = [record(f"japan-{year}", f"{year}-01-01", places=["Japan"]) for year in range(2000, 2009)]
    europe = [record(f"europe-{i}", f"1996-0{i + 1}-01", places=["United States", "France"],
                     topics=["Diplomacy"]) for i in range(5)]
    finder = archive([story, hayashi, japan, *more_japan, *europe, *filler(80)])
    found = slugs(finder.find(story))
    # The rare person first, then the Japan story of the same week, then older Japan stories,
    # newest first; the 1996 European stories that only share "United States" and "Diplomacy": none.
    assert found == ["hayashi-in-seoul", "japan-budget", "japan-2008", "japan-2007", "japan-2006"]


def test_of_two_equally_similar_articles_the_nearer_in_time_wins():
    story = record("story", "2022-05-10T12:00:00+00:00", people=["Rare Person"])
    near = record("near", "2022-06-01T12:00:00+00:00", people=["Rare Person"])
    far = record("far", "2002-06-01T12:00:00+00:00", people=["Rare Person"])
    newer_far = record("newer-far", "2040-06-01T12:00:00+00:00", people=["Rare Person"])
    finder = archive([story, far, near, newer_far, *filler(10)])
    assert slugs(finder.find(story)) == ["near", "newer-far", "far"]


def test_many_shared_common_terms_do_not_outweigh_one_very_rare_one():
    story = record("story", "2020-01-01", people=["Only Twice"], places=["United States"], topics=["Diplomacy"])
    twin = record("twin", "2001-01-01", people=["Only Twice"])
    common = record("common", "2020-01-02", places=["United States"], topics=["Diplomacy"])
    finder = archive([story, twin, common, *filler(60)])
    assert slugs(finder.find(story))[0] == "twin"


def test_scores_are_idf_times_closeness():
    a = record("a", "2020-01-01", people=["P"], topics=["T"])
    b = record("b", "2021-01-01", people=["P"], topics=["T"])
    c = record("c", "2020-01-01", topics=["T"])
    d = record("d", "2020-01-01", places=["Elsewhere"])
    finder = archive([a, b, c, d])
    scores = {finder.records[i].url: s for i, s in finder.scores(a).items()}
    year = closeness(a, b)
    assert year == pytest.approx(0.5 + 0.5 * 2 ** (-366 / 730))  # 2020 is a leap year
    assert scores["articles/b/"] == pytest.approx((math.log(4 / 2) + math.log(4 / 3)) * year)
    assert scores["articles/c/"] == pytest.approx(math.log(4 / 3) * 1.0)
    assert "articles/d/" not in scores


def test_frequent_terms_add_weight_but_bring_no_candidates():
    story = record("story", "2020-01-01", people=["Rare"], places=["Common"])
    both = record("both", "2020-01-01", people=["Rare"], places=["Common"])
    rare_only = record("rare-only", "2020-01-01", people=["Rare"])
    common_only = [record(f"common-{i}", "2020-01-01", places=["Common"]) for i in range(5)]
    finder = archive([story, both, rare_only, *common_only, *filler(5)], max_df=3)
    assert slugs(finder.find(story)) == ["both", "rare-only"]


def test_undated_articles_still_relate_at_the_lowest_closeness():
    story = record("story", None, people=["Rare"])
    other = record("other", "2020-01-01", people=["Rare"])
    finder = archive([story, other, *filler(3)])
    assert slugs(finder.find(story)) == ["other"]
    assert closeness(story, other) == 0.5


def test_nothing_shared_means_nothing_related():
    finder = archive([record("x", "2020-01-01", people=["A"]), record("y", "2020-01-01", people=["B"])])
    assert finder.find(finder.records[0]) == []


def test_pruned_search_equals_ranking_every_candidate():
    import random

    rng = random.Random(3)
    people = [f"Person {i}" for i in range(40)]
    places = [f"Place {i}" for i in range(8)]
    records = [record(f"r{i}", f"{rng.randint(1996, 2024)}-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}"
                      if i % 7 else None, people=rng.sample(people, 3), places=rng.sample(places, 2))
               for i in range(150)]
    finder = archive(records, limit=5, max_df=20)
    for r in finder.records:
        scores = finder.scores(r)
        expected = sorted((i for i, s in scores.items() if s > 0), key=lambda i: (-scores[i], i))[:5]
        assert [x.index for x in finder.find(r)] == expected
