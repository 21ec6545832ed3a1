"""The co-mention network of a person or organisation page, as static SVG made at build time.

`co_mentions` counts, over the articles naming the centre term, how often every other term is in
the same article, keeps the `limit` most frequent (ties: by name), and counts for each pair of
them the centre's articles naming both. `network_svg` draws that: the centre in the middle, each
neighbour a linked node (its name is the link text) on one of two rings, and lines for the pairs.

Layout: a radial layout, written here because it has to be cheap (a page per person and
organisation, thousands at archive scale; a spring layout costs milliseconds per graph) and
deterministic (the same archive gives the same bytes). Neighbours are ordered round the circle by
a greedy walk that puts each next to the one it shares most articles with, so connected nodes
sit close together and the lines between them stay short; stronger ties sit on the inner ring.

Bytes: a page per person and organisation carries one, so the markup is lean: no xmlns (inline
in HTML), no class per node (archive.css colours a node by the folder its link goes to), spokes
drawn two to a sub-path through the centre, radii without a useless ".0".
"""

from __future__ import annotations

import html
import math
from collections import Counter
from dataclasses import dataclass
from typing import Callable, Hashable, Iterable, Sequence

WIDTH, HEIGHT = 640, 420
MAX_LABEL = 22  # characters; longer names are cut with "…" (the full name is the node's <title>)
MAX_EDGES = 60  # neighbour-to-neighbour lines drawn: the strongest ones


@dataclass(frozen=True)
class Neighbour:
    key: Hashable
    name: str
    kind: str  # "people", "places", "organizations", "topics"
    url: str  # relative to the page the graph is drawn on
    together: int  # articles naming the centre and this term


@dataclass(frozen=True)
class Graph:
    neighbours: tuple[Neighbour, ...]  # most frequent first
    edges: tuple[tuple[int, int, int], ...]  # (i, j, articles naming both) over neighbours, i < j


def co_mentions(center: Hashable, articles: Iterable[Sequence[tuple[Hashable, str, str, str]]], *,
                limit: int = 30) -> Graph:
    """`articles`: for each article naming the centre, its terms as (key, name, kind, url)."""
    counts: Counter[Hashable] = Counter()
    about: dict[Hashable, tuple[str, str, str]] = {}
    kept: list[list[Hashable]] = []
    for terms in articles:
        keys = []
        for key, name, kind, url in terms:
            if key == center or key in keys:
                continue
            keys.append(key)
            about.setdefault(key, (name, kind, url))
        counts.update(keys)
        kept.append(keys)
    top = sorted(counts.items(), key=lambda kv: (-kv[1], about[kv[0]][0].casefold(), about[kv[0]][1]))[:limit]
    position = {key: i for i, (key, _) in enumerate(top)}
    pairs: Counter[tuple[int, int]] = Counter()
    for keys in kept:
        present = sorted(position[k] for k in keys if k in position)
        for a in range(len(present)):
            for b in range(a + 1, len(present)):
                pairs[(present[a], present[b])] += 1
    neighbours = tuple(Neighbour(key, *about[key], together=n) for key, n in top)
    edges = tuple((i, j, n) for (i, j), n in sorted(pairs.items()))
    return Graph(neighbours, edges)


def ring_order(count: int, edges: Sequence[tuple[int, int, int]]) -> list[int]:
    """Neighbours (0 = most frequent) in their order round the circle: a greedy walk from the
    most frequent, each step to the unplaced neighbour sharing most articles with the last placed
    one (ties and dead ends: the most frequent unplaced)."""
    weight: dict[tuple[int, int], int] = {}
    for i, j, n in edges:
        weight[(i, j)] = weight[(j, i)] = n
    order = [0] if count else []
    left = set(range(1, count))
    while left:
        last = order[-1]
        nxt = min(left, key=lambda k: (-weight.get((last, k), 0), k))
        order.append(nxt)
        left.remove(nxt)
    return order


def layout(graph: Graph) -> list[tuple[float, float]]:
    """(x, y) of each neighbour; the centre is at (WIDTH/2, HEIGHT/2)."""
    count = len(graph.neighbours)
    cx, cy = WIDTH / 2, HEIGHT / 2
    points: list[tuple[float, float]] = [(cx, cy)] * count
    rx, ry = WIDTH / 2 - 120, HEIGHT / 2 - 30  # room for labels outside the ring
    for slot, i in enumerate(ring_order(count, graph.edges)):
        angle = -math.pi / 2 + 2 * math.pi * slot / max(1, count)
        # Alternate rings (labels of neighbours do not collide); the stronger half inside.
        scale = 0.62 if (count > 8 and slot % 2) else 1.0
        points[i] = (cx + rx * scale * math.cos(angle), cy + ry * scale * math.sin(angle))
    return points


def _n(value: float) -> str:
    return str(round(value))


def _r(value: float) -> str:
    """A radius: one decimal, none when it is whole ("9", "4.7")."""
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text


def _label(name: str) -> str:
    return name if len(name) <= MAX_LABEL else name[: MAX_LABEL - 1].rstrip() + "…"


def network_svg(center_name: str, graph: Graph, *, ident: str = "na-network",
                href: Callable[[str], str] = lambda url: url) -> str:
    """The figure: SVG (lines, then the centre, then one link per neighbour) and a caption.
    `href` turns a neighbour's URL into the link the page prints."""
    if not graph.neighbours:
        return ""
    points = layout(graph)
    cx, cy = WIDTH / 2, HEIGHT / 2
    top = max(n.together for n in graph.neighbours)
    strongest = sorted(graph.edges, key=lambda e: (-e[2], e[0], e[1]))[:MAX_EDGES]
    # Spokes two at a time, each pair one line through the centre: "M a L centre b".
    c = f"{_n(cx)} {_n(cy)}"
    ends = [f"{_n(x)} {_n(y)}" for x, y in points]
    spokes = "".join(f"M{ends[k]}L{c}" + (f" {ends[k + 1]}" if k + 1 < len(ends) else "")
                     for k in range(0, len(ends), 2))
    lines = "".join(f"M{_n(points[i][0])} {_n(points[i][1])}L{_n(points[j][0])} {_n(points[j][1])}"
                    for i, j, _ in sorted(strongest))
    parts = [f'<path class="na-net__spoke" d="{spokes}"/>']
    if lines:
        parts.append(f'<path class="na-net__edge" d="{lines}"/>')
    parts.append(f'<circle class="na-net__center" cx="{_n(cx)}" cy="{_n(cy)}" r="9"/>'
                 f'<text class="na-net__label na-net__label--center" x="{_n(cx)}" y="{_n(cy + 24)}" '
                 f'text-anchor="middle">{html.escape(_label(center_name))}</text>')
    for node, (x, y) in zip(graph.neighbours, points):
        r = 3 + 6 * math.sqrt(node.together / top)
        right = x >= cx
        lx = x + (r + 4 if right else -(r + 4))
        # The name is the link's text (its accessible name); a cut name gets the full one as <title>.
        label = _label(node.name)
        anchor = "" if right else ' text-anchor="end"'
        full = f"<title>{html.escape(node.name)}</title>" if label != node.name else ""
        # No class: the stylesheet colours a node by its link's folder (a[href*="/places/"]).
        parts.append(f'<a href="{html.escape(href(node.url))}">{full}'
                     f'<circle cx="{_n(x)}" cy="{_n(y)}" r="{_r(r)}"/>'
                     f'<text x="{_n(lx)}" y="{_n(y + 4)}"{anchor}>'
                     f"{html.escape(label)}</text></a>")
    title = f"Most often in the same articles as {center_name}"
    desc = f"{title}: " + "; ".join(f"{n.name} ({n.together})" for n in graph.neighbours)
    svg = (f'<svg class="na-net__svg" viewBox="0 0 {WIDTH} {HEIGHT}" aria-labelledby="{ident}-t">'
           f'<title id="{ident}-t">{html.escape(title)}</title>'
           f'<desc>{html.escape(desc)}</desc>{"".join(parts)}</svg>')
    caption = (f"{html.escape(title)}: the {len(graph.neighbours)} people, places, organizations and topics "
               "named most often alongside it (a larger circle: more articles together; a line joins two "
               "that share articles).")
    return f'<figure class="na-net">{svg}<figcaption>{caption}</figcaption></figure>'
