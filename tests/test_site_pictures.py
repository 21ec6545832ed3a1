"""Chart and co-mention graph builders: given counts, the exact SVG structure."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from generator.site import charts, network
from generator.site.charts import archive_chart, mentions_chart, month_span, peak_of

SVG = ""  # inline in HTML: the SVG has no xmlns


def parse(figure: str) -> ET.Element:
    # The figure is HTML, but our output is also well-formed XML: parse it as such.
    assert "xmlns" not in figure
    return ET.fromstring(figure)


def test_month_span_crosses_years():
    assert month_span((2021, 11), (2022, 2)) == [(2021, 11), (2021, 12), (2022, 1), (2022, 2)]
    assert month_span((2022, 3), (2022, 3)) == [(2022, 3)]
    assert month_span((2022, 3), (2022, 2)) == []


def test_peak_is_the_earliest_of_equal_months():
    peak = peak_of({(2020, 5): 3, (2020, 2): 3, (2021, 1): 1})
    assert (peak.month, peak.count, peak.ties) == ((2020, 2), 3, 1)
    assert peak.words == "February 2020, 3 (and 1 other month as high)"
    assert peak_of({(2020, 1): 0}) is None


def test_mentions_chart_one_path_per_year_with_totals():
    span = month_span((2020, 1), (2021, 12))
    counts = {(2020, 3): 2, (2020, 7): 4, (2021, 1): 1}
    fig = parse(mentions_chart(counts, span, name="Yoon Suk-yeol & co"))
    svg = fig.find(f"{SVG}svg")
    assert svg.get("role") == "img" and svg.get("aria-labelledby") == "na-mentions-t na-mentions-d"
    assert svg.find(f"{SVG}title").text == "Articles mentioning Yoon Suk-yeol & co, per month"
    bars = svg.findall(f"{SVG}g[@class='na-chart__bar']/{SVG}path")
    assert [b.find(f"{SVG}title").text for b in bars] == [
        "2020: 6 articles, most in July (4)", "2021: 1 article, most in January (1)"]
    assert [b.get("d").lower().count("m") for b in bars] == [2, 1]  # one sub-path per month with articles
    # Absolute first bar, relative moves after it: back down to the baseline, four months on.
    slot, base = 560 // 24, charts.HEIGHT - charts.BOTTOM
    assert bars[0].get("d") == f"M{charts.LEFT + 2 * slot + slot // 2} {base}v-41m{4 * slot} 41v-82"
    labels = [t.text for t in svg.find(f"{SVG}g[@class='na-chart__label']").iter(f"{SVG}text")]
    assert labels == ["0", "4", "2020", "2021"]  # y scale, then one label per year
    assert svg.find(f"{SVG}text[@class='na-chart__peak']").text == "Peak: July 2020 (4)"
    caption = fig.find("figcaption").text
    assert caption == ("Articles mentioning Yoon Suk-yeol & co per month, January 2020 to December 2021: "
                       "7 articles in 3 months; peak July 2020, 4.")
    assert fig.find("figcaption").get("id") == "na-mentions-d"  # the second part of the chart's name
    assert svg.find(f"{SVG}desc") is None  # the caption's words are not repeated in the picture
    assert fig.find("details/p").text == "2020: 6 · 2021: 1"


def test_mentions_chart_bar_heights_scale_to_the_peak():
    span = month_span((2020, 1), (2020, 2))
    fig = mentions_chart({(2020, 1): 1, (2020, 2): 4}, span, name="X")
    (d,) = re.findall(r'<path d="([^"]+)"><title>', fig)
    heights = [int(h) for h in re.findall(r"v-(\d+)", d)]
    full = charts.HEIGHT - charts.BOTTOM - charts.TOP
    assert heights == [round(full / 4), full]


def test_mentions_chart_escapes_the_name():
    fig = mentions_chart({(2020, 1): 1}, [(2020, 1)], name="<script>x</script>")
    assert "<script>" not in fig and "&lt;script&gt;x&lt;/script&gt;" in fig


def test_mentions_chart_stays_small_over_a_long_span():
    span = month_span((1996, 1), (2024, 12))
    busy = {ym: 1 + (i * 7) % 13 for i, ym in enumerate(span)}  # every month has mentions
    assert len(mentions_chart(busy, span, name="Japan").encode()) < 8_000


def test_year_labels_are_thinned_on_long_spans():
    span = month_span((1990, 1), (2024, 12))
    fig = parse(mentions_chart({(2000, 1): 1}, span, name="X"))
    years = [t.text for t in fig.find(f"{SVG}svg/{SVG}g[@class='na-chart__label']").iter(f"{SVG}text")][2:]
    assert len(years) <= charts.MAX_YEAR_LABELS and years[0] == "1990"


def test_archive_chart_links_every_month_with_articles():
    span = month_span((2022, 11), (2023, 2))
    counts = {(2022, 11): 3, (2023, 2): 1}
    fig = parse(archive_chart(counts, span, lambda ym: f"timeline/{ym[0]}/{ym[1]:02d}/"))
    svg = fig.find(f"{SVG}svg")
    assert svg.get("role") is None  # the links stay reachable for assistive technology
    links = svg.findall(f"{SVG}a")
    assert [a.get("href") for a in links] == ["timeline/2022/11/", "timeline/2023/02/"]
    assert [a.find(f"{SVG}title").text for a in links] == ["November 2022: 3 articles", "February 2023: 1 article"]
    assert [len(a.findall(f"{SVG}rect")) for a in links] == [2, 2]  # hit area and bar
    assert fig.find("figcaption").text == ("Articles in the archive per month, November 2022 to February 2023: "
                                           "4 articles in 2 months; peak November 2022, 3.")


def test_empty_span_gives_no_chart():
    assert mentions_chart({}, [], name="X") == "" and archive_chart({}, [], str) == ""


def _term(key: str, kind: str = "people") -> tuple[str, str, str, str]:
    return (key, key.title(), kind, f"../../{kind}/{key}/")


def test_co_mentions_counts_articles_and_pairs():
    articles = [
        [_term("c"), _term("a"), _term("b"), _term("tokyo", "places")],
        [_term("c"), _term("a"), _term("b")],
        [_term("c"), _term("a"), _term("a")],  # a name twice in one article counts once
        [_term("c"), _term("d")],
    ]
    graph = network.co_mentions("c", articles, limit=3)
    assert [(n.key, n.together) for n in graph.neighbours] == [("a", 3), ("b", 2), ("d", 1)]
    assert graph.edges == ((0, 1, 2),)  # a and b together twice; tokyo fell outside the limit


def test_ring_order_puts_connected_neighbours_side_by_side():
    # 0-3 and 3-1 are strong ties: the walk goes 0, 3, 1, then the rest by frequency.
    assert network.ring_order(5, [(0, 3, 5), (1, 3, 4), (0, 2, 1)]) == [0, 3, 1, 2, 4]


def test_network_svg_links_each_node_with_its_name():
    articles = [[_term("c"), _term("a"), _term("b"), _term("acme", "organizations")]] * 2
    graph = network.co_mentions("c", articles)
    fig = parse(network.network_svg("C & D", graph))
    svg = fig.find(f"{SVG}svg")
    nodes = svg.findall(f"{SVG}a")
    # Equal counts: by name.
    assert [a.get("href") for a in nodes] == ["../../people/a/", "../../organizations/acme/", "../../people/b/"]
    assert [a.find(f"{SVG}text").text for a in nodes] == ["A", "Acme", "B"]
    assert nodes[1].get("class") is None  # archive.css colours it by its link's folder
    assert nodes[1].find(f"{SVG}title") is None  # the name is the link's accessible name
    assert svg.find(f"{SVG}title").text == "Most often in the same articles as C & D"
    assert svg.find(f"{SVG}desc").text == "Most often in the same articles as C & D: A (2); Acme (2); B (2)"
    edges = svg.find(f"{SVG}path[@class='na-net__edge']").get("d")
    assert edges.count("M") == 3  # every pair of the three shares both articles
    spokes = svg.find(f"{SVG}path[@class='na-net__spoke']").get("d")
    assert spokes.count("M") == 2 and spokes.count("L320 210") == 2  # two spokes a sub-path, through the centre


def test_network_layout_is_deterministic_and_inside_the_picture():
    articles = [[_term("c")] + [_term(f"p{i}") for i in range(k, k + 6)] for k in range(30)]
    graph = network.co_mentions("c", articles, limit=30)
    assert len(graph.neighbours) == 30
    points = network.layout(graph)
    assert points == network.layout(graph)
    assert all(0 < x < network.WIDTH and 0 < y < network.HEIGHT for x, y in points)
    assert len(set((round(x), round(y)) for x, y in points)) == 30  # no two nodes on one spot
    fig = network.network_svg("C", graph)
    assert len(fig.encode()) < 8_000
    assert fig.count("<a ") == 30


def test_long_names_are_cut_but_titled_in_full():
    name = "International Atomic Energy Agency Board"
    graph = network.co_mentions("c", [[_term("c"), (name, name, "organizations", "x/")]])
    fig = parse(network.network_svg("C", graph))
    node = fig.find(f"{SVG}svg/{SVG}a")
    assert node.find(f"{SVG}text").text == "International Atomic…"
    assert node.find(f"{SVG}title").text == name
