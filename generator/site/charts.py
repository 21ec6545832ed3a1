"""Bar charts of articles per month, as static SVG made at build time.

Two kinds, one geometry (`_Plot`):

- `mentions_chart`: a term page's mentions per month over the whole archive's span. Up to a few
  hundred months, so the bars of one year are one `<path>` with one `<title>` (the year's total):
  a few KB whatever the span, within the term page's picture budget.
- `archive_chart`: the whole archive (home, timeline) or one year (`timeline/YYYY/`); every bar
  is a link to its month page, named by its own `<title>`.

Each chart is a `<figure>` whose `<figcaption>` says in words what the bars show (span, total,
peak), so it reads without the picture and without JavaScript; the SVG is named for screen
readers by its `<title>` and that caption (aria-labelledby: the words are in the page once).
Every text goes through `html.escape`. Colours and text sizes come from the stylesheet (classes
`na-chart…`, on a group where its elements share them), so the charts follow the light/dark
palette. Inline in HTML, the SVG needs no xmlns.
"""

from __future__ import annotations

import functools
import html
from dataclasses import dataclass
from typing import Callable, Mapping, Sequence

from generator.site.records import MONTHS

YearMonth = tuple[int, int]

PLOT_WIDTH, HEIGHT = 560, 120  # PLOT_WIDTH: the bars' room when the span is short
LEFT, RIGHT, TOP, BOTTOM = 30, 6, 18, 20  # room for the y labels, the peak label, the years
MAX_YEAR_LABELS = 10


def month_span(first: YearMonth, last: YearMonth) -> list[YearMonth]:
    """Every month from `first` to `last`, both included, oldest first."""
    months: list[YearMonth] = []
    year, month = first
    while (year, month) <= last:
        months.append((year, month))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def month_name(ym: YearMonth) -> str:
    return f"{MONTHS[ym[1] - 1]} {ym[0]}"


def _n(value: float) -> str:
    """A coordinate with at most one decimal, no trailing zero: compact and exact in tests."""
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


@dataclass(frozen=True)
class Peak:
    month: YearMonth
    count: int
    ties: int  # other months with the same count

    @property
    def words(self) -> str:
        also = f" (and {_plural(self.ties, 'other month')} as high)" if self.ties else ""
        return f"{month_name(self.month)}, {self.count}{also}"


def peak_of(counts: Mapping[YearMonth, int]) -> Peak | None:
    """The month with the most articles (the earliest of equals); None when all are zero."""
    best = max(counts.values(), default=0)
    if best <= 0:
        return None
    months = sorted(ym for ym, n in counts.items() if n == best)
    return Peak(months[0], best, len(months) - 1)


@functools.lru_cache(maxsize=64)
def _positions(span: tuple[YearMonth, ...]) -> dict[YearMonth, int]:
    return {ym: i for i, ym in enumerate(span)}


@functools.lru_cache(maxsize=64)
def _year_labels(span: tuple[YearMonth, ...], slot: int) -> str:
    years = [(i, ym) for i, ym in enumerate(span) if ym[1] == 1 or i == 0]
    step = -(-len(years) // MAX_YEAR_LABELS)
    return "".join(f'<text x="{LEFT + i * slot}" y="{HEIGHT - 5}">{ym[0]}</text>' for i, ym in years[::step])


class _Plot:
    """Where each month's bar goes: one slot of whole units per month of the span (the picture
    is as wide as the span needs and scales to the page), heights scaled to the peak and rounded
    to whole units, so a bar is a dozen bytes of path."""

    def __init__(self, span: Sequence[YearMonth], top: int) -> None:
        self.span = tuple(span)
        self.top = max(1, top)
        self.slot = max(2, PLOT_WIDTH // max(1, len(self.span)))
        self.bar = self.slot * 0.8
        self.width = LEFT + self.slot * len(self.span) + RIGHT
        self.base = HEIGHT - BOTTOM
        self.position = _positions(self.span)

    def left(self, ym: YearMonth) -> int:
        return LEFT + self.position[ym] * self.slot

    def x(self, ym: YearMonth) -> float:
        return self.left(ym) + (self.slot - self.bar) / 2

    def middle(self, ym: YearMonth) -> int:
        return self.left(ym) + self.slot // 2

    def height(self, count: int) -> int:
        return max(1, round((self.base - TOP) * count / self.top))

    def axes(self) -> str:
        """The baseline, the y scale (0 and the peak), and year labels under their first month."""
        return (f'<path class="na-chart__axis" d="M{LEFT} {self.base}H{self.width - RIGHT}"/>'
                f'<g class="na-chart__label"><g text-anchor="end"><text x="{LEFT - 4}" y="{self.base}">0</text>'
                f'<text x="{LEFT - 4}" y="{TOP + 4}">{self.top}</text></g>'
                + _year_labels(self.span, self.slot) + "</g>")

    def peak_label(self, peak: Peak) -> str:
        x = self.x(peak.month) + self.bar / 2
        anchor = "end" if x > self.width * 0.6 else "start"
        text = html.escape(f"Peak: {month_name(peak.month)} ({peak.count})")
        return (f'<text class="na-chart__peak" x="{_n(x)}" y="{TOP - 6}" text-anchor="{anchor}">'
                f"{text}</text>")


def _svg(ident: str, width: int, title: str, body: str, *, role_img: bool) -> str:
    """The chart's name: its title, then the figure's caption (`_caption`, id `{ident}-d`)."""
    # role="img" makes the children presentational: right for a picture, wrong for one of links.
    role = ' role="img"' if role_img else ""
    return (f'<svg class="na-chart__svg" viewBox="0 0 {width} {HEIGHT}"{role} '
            f'aria-labelledby="{ident}-t {ident}-d"><title id="{ident}-t">{html.escape(title)}</title>'
            f"{body}</svg>")


def _caption(ident: str, summary: str) -> str:
    return f'<figcaption id="{ident}-d">{html.escape(summary)}</figcaption>'


def _by_year_text(counts: Mapping[YearMonth, int]) -> str:
    totals: dict[int, int] = {}
    for (year, _), n in counts.items():
        if n:
            totals[year] = totals.get(year, 0) + n
    return " · ".join(f"{year}: {n}" for year, n in sorted(totals.items()))


def _summary(what: str, span: Sequence[YearMonth], counts: Mapping[YearMonth, int]) -> str:
    first, last = span[0], span[-1]
    inside = {ym: n for ym, n in counts.items() if n and first <= ym <= last}
    total, active, peak = sum(inside.values()), len(inside), peak_of(inside)
    text = (f"{what} per month, {month_name(span[0])} to {month_name(span[-1])}: "
            f"{_plural(total, 'article')} in {_plural(active, 'month')}")
    return text + (f"; peak {peak.words}." if peak else ".")


def mentions_chart(counts: Mapping[YearMonth, int], span: Sequence[YearMonth], *, name: str,
                   ident: str = "na-mentions") -> str:
    """A term page's figure: bars per month over `span`, one `<path>` and `<title>` per year."""
    if not span:
        return ""
    # Only the months with mentions matter (a term's few, among the span's hundreds).
    first, last = span[0], span[-1]
    shown = {ym: n for ym, n in sorted(counts.items()) if n and first <= ym <= last}
    peak = peak_of(shown)
    plot = _Plot(span, peak.count if peak else 0)
    years: dict[int, list[YearMonth]] = {}
    for ym in shown:
        years.setdefault(ym[0], []).append(ym)
    bars = []
    for year, months in years.items():
        # Each bar a vertical stroke as wide as the bar (the group's stroke-width); after the first,
        # a relative move from the last bar's top: ~10 bytes a month.
        d, last = [], None
        for ym in months:
            h = plot.height(shown[ym])
            d.append(f"M{plot.middle(ym)} {plot.base}v-{h}" if last is None
                     else f"m{plot.middle(ym) - last[0]} {last[1]}v-{h}")
            last = (plot.middle(ym), h)
        total = sum(shown[ym] for ym in months)
        busiest = max(months, key=lambda ym: (shown[ym], -ym[1]))
        label = f"{year}: {_plural(total, 'article')}, most in {MONTHS[busiest[1] - 1]} ({shown[busiest]})"
        bars.append(f'<path d="{"".join(d)}"><title>{html.escape(label)}</title></path>')
    bars = [f'<g class="na-chart__bar" stroke-width="{_n(plot.bar)}">', *bars, "</g>"]
    summary = _summary(f"Articles mentioning {name}", span, shown)
    body = plot.axes() + "".join(bars) + (plot.peak_label(peak) if peak else "")
    svg = _svg(ident, plot.width, f"Articles mentioning {name}, per month", body, role_img=True)
    by_year = _by_year_text(shown)
    details = (f'<details class="na-chart__table"><summary>By year</summary><p>{html.escape(by_year)}</p></details>'
               if by_year else "")
    return f'<figure class="na-chart">{svg}{_caption(ident, summary)}{details}</figure>'


def archive_chart(counts: Mapping[YearMonth, int], span: Sequence[YearMonth],
                  href: Callable[[YearMonth], str], *, what: str = "Articles in the archive",
                  ident: str = "na-archive") -> str:
    """Home, timeline and year pages: one linked bar per month that has articles."""
    if not span:
        return ""
    shown = {ym: counts.get(ym, 0) for ym in span}
    peak = peak_of(shown)
    plot = _Plot(span, peak.count if peak else 0)
    bars = []
    for ym in span:
        n = shown[ym]
        if not n:
            continue
        h = plot.height(n)
        label = html.escape(f"{month_name(ym)}: {_plural(n, 'article')}")
        # The <rect> fills the slot's full height (invisible) so thin bars are easy to hit.
        bars.append(f'<a href="{html.escape(href(ym))}"><title>{label}</title>'
                    f'<rect class="na-chart__hit" x="{plot.left(ym)}" y="{TOP}" width="{plot.slot}" '
                    f'height="{plot.base - TOP}"/><rect class="na-chart__bar" x="{_n(plot.x(ym))}" '
                    f'y="{plot.base - h}" width="{_n(plot.bar)}" height="{h}"/></a>')
    summary = _summary(what, span, shown)
    body = plot.axes() + "".join(bars) + (plot.peak_label(peak) if peak else "")
    svg = _svg(ident, plot.width, f"{what}, per month (each bar links to its month)", body, role_img=False)
    return f'<figure class="na-chart na-chart--linked">{svg}{_caption(ident, summary)}</figure>'
