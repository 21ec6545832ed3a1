"""The archive's pictures, from its terms and timeline: the glue between `charts`/`network` (which
only know counts and names) and the archive (which knows terms, articles and URLs).

A `Pictures` object is a template global of one build (render.py): templates call it with the
page's `link` function, so every link in a picture is relative to the page and checked like any
other link. What a picture shows is fully determined by the page's data (the term and its
articles, the archive's span), so the page cache's keys cover it.
"""

from __future__ import annotations

from collections import Counter
from functools import lru_cache
from typing import Callable, Sequence

from markupsafe import Markup

from generator.models import ENTITY_KINDS
from generator.site.charts import YearMonth, archive_chart, mentions_chart, month_span
from generator.site.network import co_mentions, network_svg
from generator.site.records import ArticleRecord
from generator.site.terms import Term, TermIndex

NETWORK_KINDS = ("people", "organizations")  # whose pages show a co-mention network
NETWORK_SIZE = 30  # the most frequent companions drawn (the issue asks for 15-30)
# A term named by one article has that article's terms box as its network (everyone once, all
# joined): nothing to see, and most of an archive's people are such terms.
NETWORK_MIN_ARTICLES = 2

Link = Callable[[str], str]


def month_counts(records: Sequence[ArticleRecord]) -> dict[YearMonth, int]:
    return dict(Counter((r.date.year, r.date.month) for r in records if r.date is not None))


def month_url(ym: YearMonth) -> str:
    return f"timeline/{ym[0]:04d}/{ym[1]:02d}/"


@lru_cache(maxsize=8)
def _months(first: YearMonth, last: YearMonth) -> tuple[YearMonth, ...]:
    """The archive's span, month by month: the same for every term page of a build."""
    return tuple(month_span(first, last))


class Pictures:
    def __init__(self, index: TermIndex) -> None:
        self.index = index

    def term_chart(self, term: Term, span: tuple[YearMonth, YearMonth] | None) -> Markup:
        """Mentions per month over the archive's span (`span`: its first and last month)."""
        if span is None:
            return Markup("")
        return Markup(mentions_chart(month_counts(term.articles), _months(*span), name=term.name))

    def network(self, term: Term, link: Link) -> Markup:
        """The co-mention network of a person's or organisation's page ("" for other kinds, and
        for terms of a single article)."""
        if term.kind not in NETWORK_KINDS or term.count < NETWORK_MIN_ARTICLES:
            return Markup("")
        articles = ([(t, t.name, t.kind, t.url) for kind in ENTITY_KINDS for t in self.index.terms_of(r, kind)]
                    for r in term.articles)
        graph = co_mentions(term, articles, limit=NETWORK_SIZE)
        return Markup(network_svg(term.name, graph, href=link))

    @staticmethod
    def archive_chart(counts: dict[YearMonth, int], span: Sequence[YearMonth], link: Link, *,
                      what: str = "Articles in the archive", ident: str = "na-archive") -> Markup:
        """Articles per month, each bar a link to its month page."""
        return Markup(archive_chart(counts, span, lambda ym: link(month_url(ym)), what=what, ident=ident))
