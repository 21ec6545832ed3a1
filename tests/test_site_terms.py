"""`TermIndex.finish`: each term's articles newest first and the people most often named with it."""

from __future__ import annotations

from pathlib import Path

from generator.site.entities import EntityLookup
from generator.site.records import ArticleRecord
from generator.site.terms import TermIndex


def _index(stories: list[tuple[str, list[str], list[str]]], often_with: int) -> TermIndex:
    """`stories`: (date, people, places), newest first."""
    index = TermIndex(EntityLookup(Path("/nonexistent-registry")))
    for position, (date, people, places) in enumerate(stories):
        record = ArticleRecord.from_meta(f"articles/a{position}.md", f"articles/a{position}/",
                                         {"title": f"Story {position}", "date": date, "people": people,
                                          "places": places})
        record.index = position
        index.add(record)
    index.finish(often_with)
    return index


def _often(index: TermIndex, kind: str, slug: str) -> list[tuple[str, int]]:
    return [(person.name, n) for person, n in index.by_kind[kind][slug].often_with]


def test_the_people_most_often_alongside_a_term_by_count_then_by_name():
    index = _index([
        ("2022-05-10", ["Hayashi", "Park Jin", "Yoon"], ["Seoul"]),
        ("2022-05-09", ["Hayashi", "Park Jin", "Blinken"], ["Seoul"]),
        ("2022-05-08", ["Hayashi", "Yoon", "Zelensky"], ["Tokyo"]),
        ("2022-05-07", ["Hayashi", "Abe"], []),
        ("2022-05-06", [], ["Seoul"]),
    ], often_with=3)
    # Park Jin and Yoon tie at 2 (by name); Abe, Blinken and Zelensky tie at 1: Abe makes the cut.
    assert _often(index, "people", "hayashi") == [("Park Jin", 2), ("Yoon", 2), ("Abe", 1)]
    assert _often(index, "places", "seoul") == [("Hayashi", 2), ("Park Jin", 2), ("Blinken", 1)]
    assert _often(index, "people", "abe") == [("Hayashi", 1)]  # never "with" themself
    assert [r.title for r in index.by_kind["places"]["seoul"].articles] == ["Story 0", "Story 1", "Story 4"]


def test_no_people_alongside_means_an_empty_list_and_zero_asks_for_none():
    index = _index([("2022-05-10", [], ["Seoul"]), ("2022-05-09", ["Yoon"], [])], often_with=0)
    assert _often(index, "places", "seoul") == [] and _often(index, "people", "yoon") == []
    alone = _index([("2022-05-10", [], ["Seoul"])], often_with=5)
    assert _often(alone, "places", "seoul") == []


def test_a_term_pages_articles_by_year_are_derived_when_rendered_not_fingerprinted():
    from generator.site.render import plan_pages
    from generator.site.timeline import Timeline

    index = _index([("2023-01-02", ["Yoon"], []), ("2022-12-30", ["Yoon"], []), ("2022-05-10", ["Yoon"], [])],
                   often_with=3)
    records = [article for term in index.by_kind["people"].values() for article in term.articles]
    pages = {p.src_uri: p for p in plan_pages(records, index, Timeline(records), page_size=2, index_page_size=100,
                                               latest=5, with_home=False, feed_url=None, with_search=False)}
    first, second = pages["people/yoon/index.md"], pages["people/yoon/page/2/index.md"]
    assert "groups" not in first.data  # nothing derived in what every build fingerprints
    assert [(year, [r.title for r in group]) for year, group in first.derive(first.data)["groups"]] == [
        ("2023", ["Story 0"]), ("2022", ["Story 1"])]
    assert [(year, [r.title for r in group]) for year, group in second.derive(second.data)["groups"]] == [
        ("2022", ["Story 2"])]


def test_a_rebuild_counts_again_only_the_terms_whose_articles_changed(monkeypatch):
    from generator.site import terms

    stories = [("2022-05-10", ["Hayashi", "Park Jin", "Yoon"], ["Seoul"]),
               ("2022-05-09", ["Hayashi", "Blinken"], ["Tokyo"]),
               ("2022-05-08", ["Abe"], ["Osaka"])]
    lookup = EntityLookup(Path("/nonexistent-registry"))

    def index_of(records, previous=None):
        index = TermIndex(lookup)
        for position, record in enumerate(records):
            record.index = position
            index.add(record)
        index.finish(3, previous)
        return index

    def record(position, date, people, places):
        return ArticleRecord.from_meta(f"articles/a{position}.md", f"articles/a{position}/",
                                       {"title": f"Story {position}", "date": date, "people": people, "places": places})

    records = [record(i, *story) for i, story in enumerate(stories)]
    first = index_of(records)
    counted = []
    real = terms._most_often
    monkeypatch.setattr(terms, "_most_often", lambda counts, names, size: counted.append(1) or real(counts, names, size))
    edited = record(1, "2022-05-09", ["Hayashi", "Blinken", "Yoon"], ["Tokyo"])  # Yoon added to story 1
    second = index_of([records[0], edited, records[2]], first)
    # Story 1's terms are counted again (Hayashi, Blinken, Yoon, Tokyo); Park Jin, Seoul, Abe, Osaka are not.
    assert len(counted) == 4
    assert _often(second, "people", "hayashi") == [("Yoon", 2), ("Blinken", 1), ("Park Jin", 1)]
    assert _often(second, "places", "seoul") == [("Hayashi", 1), ("Park Jin", 1), ("Yoon", 1)]
    assert _often(second, "people", "park-jin") == [("Hayashi", 1), ("Yoon", 1)]
    assert second.by_kind["people"]["park-jin"].often_with[0][0] is second.by_kind["people"]["hayashi"]  # this build's
    cold = index_of([records[0], edited, records[2]])
    for kind in second.by_kind:
        assert {s: _often(second, kind, s) for s in second.by_kind[kind]} == {s: _often(cold, kind, s) for s in cold.by_kind[kind]}
    # The terms not counted again are the last build's objects; the edited story's are new ones,
    # and each article's list of terms names the index's objects.
    carried = {(t.kind, t.slug) for t in second.carried}
    assert carried == {("people", "park-jin"), ("people", "abe"), ("places", "seoul"), ("places", "osaka")}
    for kind, slug in carried:
        assert second.by_kind[kind][slug] is first.by_kind[kind][slug]
    assert second.by_kind["people"]["hayashi"] is not first.by_kind["people"]["hayashi"]
    for record in (records[0], edited, records[2]):
        for kind in ("people", "places"):
            assert all(second.by_kind[kind][t.slug] is t for t in second.terms_of(record, kind))
    assert second.terms_of(records[0], "people")[1] is first.by_kind["people"]["park-jin"]
