"""Related articles: those sharing the most people and topics with an article, newest first.

An inverted index (term -> articles) gives the candidates. A term named by more than `max_df`
articles ("Japan", "Diplomacy") would make every article a candidate of every other one, which is
quadratic in the archive size; such terms are skipped when looking for candidates, and they still
count towards the score of candidates found through rarer terms.
"""

from __future__ import annotations

from collections import Counter

from generator.site.records import ArticleRecord
from generator.site.terms import Term, TermIndex

RELATED_KINDS: tuple[str, ...] = ("people", "topics")


class RelatedFinder:
    def __init__(self, index: TermIndex, limit: int, max_df: int) -> None:
        self.index, self.limit, self.max_df = index, limit, max_df
        self._members: dict[int, frozenset[int]] = {}  # id(frequent term) -> article indexes

    def _members_of(self, term: Term) -> frozenset[int]:
        hit = self._members.get(id(term))
        if hit is None:
            hit = self._members[id(term)] = frozenset(r.index for r in term.articles)
        return hit

    def find(self, record: ArticleRecord) -> list[ArticleRecord]:
        terms: list[Term] = [t for kind in RELATED_KINDS for t in self.index.terms_of(record, kind)]
        scores: Counter[int] = Counter()
        by_index: dict[int, ArticleRecord] = {}
        for term in terms:
            if term.count <= self.max_df:
                for other in term.articles:
                    if other.index != record.index:
                        scores[other.index] += 1
                        by_index[other.index] = other
        if not scores:
            return []
        for term in terms:  # frequent terms only add to the score of candidates already found
            if term.count > self.max_df:
                members = self._members_of(term)
                for candidate in scores:
                    if candidate in members:
                        scores[candidate] += 1
        # Records' `index` is their newest-first position, so a smaller index is newer.
        best = sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))[: self.limit]
        return [by_index[i] for i, _ in best]
