"""Related articles: those sharing the most people and topics with an article, newest first.

An inverted index (term -> articles) gives the candidates. A term named by more than `max_df`
articles ("Japan", "Diplomacy") would make every article a candidate of every other one, which is
quadratic in the archive size; such terms are skipped when looking for candidates, and they still
count towards the score of candidates found through rarer terms.
"""

from __future__ import annotations

import heapq
from collections import Counter
from typing import Sequence

from generator.site.records import ArticleRecord
from generator.site.terms import Term, TermIndex

RELATED_KINDS: tuple[str, ...] = ("people", "topics")


class RelatedFinder:
    def __init__(self, records: Sequence[ArticleRecord], index: TermIndex, limit: int, max_df: int) -> None:
        self.records = records  # newest first: records[r.index] is r
        self.index, self.limit, self.max_df = index, limit, max_df
        self._indexes: dict[int, tuple[int, ...]] = {}  # id(rare term) -> its articles' indexes
        self._members: dict[int, frozenset[int]] = {}  # id(frequent term) -> the same, as a set

    def _indexes_of(self, term: Term) -> tuple[int, ...]:
        hit = self._indexes.get(id(term))
        if hit is None:
            hit = self._indexes[id(term)] = tuple(r.index for r in term.articles)
        return hit

    def _members_of(self, term: Term) -> frozenset[int]:
        hit = self._members.get(id(term))
        if hit is None:
            hit = self._members[id(term)] = frozenset(r.index for r in term.articles)
        return hit

    def find(self, record: ArticleRecord) -> list[ArticleRecord]:
        terms: list[Term] = [t for kind in RELATED_KINDS for t in self.index.terms_of(record, kind)]
        scores: Counter[int] = Counter()
        for term in terms:
            if term.count <= self.max_df:
                scores.update(self._indexes_of(term))
        scores.pop(record.index, None)
        if not scores:
            return []
        for term in terms:  # frequent terms only add to the score of candidates already found
            if term.count > self.max_df:
                for candidate in scores.keys() & self._members_of(term):
                    scores[candidate] += 1
        # Records' `index` is their newest-first position, so a smaller index is newer.
        best = heapq.nsmallest(self.limit, scores.items(), key=lambda kv: (-kv[1], kv[0]))
        return [self.records[i] for i, _ in best]
