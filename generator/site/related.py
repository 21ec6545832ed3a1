"""Related articles: shared people, places, organizations and topics, weighted by rarity and time.

Score of a candidate = sum over the terms it shares with the article of the term's inverse
document frequency, log(N / articles naming it), times a closeness factor in time:

    closeness = 0.5 + 0.5 * 2 ** (-days apart / HALF_LIFE_DAYS)

so a shared rare person ("Yoshimasa Hayashi", in 3 of 661 articles: 5.4) counts far more than a
shared "United States" (in 200: 1.2); of two equally similar articles the nearer in time wins,
but time alone can at most halve a score: a story three years older about the same rare person
(5.4 x 0.68) still beats this week's story that only shares "Japan" (in 72: 2.2). Undated
articles get the lowest closeness.

An inverted index (term -> articles) gives the candidates. A term named by more than `max_df`
articles would make every article a candidate of every other one (quadratic in the archive);
such terms do not bring candidates, and still add their (small) weight to candidates found
through rarer terms.
"""

from __future__ import annotations

import heapq
import math
from typing import Sequence

from generator.models import ENTITY_KINDS
from generator.site.records import ArticleRecord
from generator.site.terms import Term, TermIndex

HALF_LIFE_DAYS = 730.0
DAY = 86_400.0


def closeness(a: ArticleRecord, b: ArticleRecord) -> float:
    """1.0 for the same moment, 0.75 two years apart, towards 0.5 for far apart; 0.5 undated."""
    if a.date is None or b.date is None:
        return 0.5
    days = abs(a.date.sort_key - b.date.sort_key) / DAY
    return 0.5 + 0.5 * 2.0 ** (-days / HALF_LIFE_DAYS)


class RelatedFinder:
    def __init__(self, records: Sequence[ArticleRecord], index: TermIndex, limit: int, max_df: int) -> None:
        self.records = records  # newest first: records[r.index] is r
        self.index, self.limit, self.max_df = index, limit, max_df
        self._total = max(1, len(records))
        self._indexes: dict[int, tuple[int, ...]] = {}  # id(rare term) -> its articles' indexes
        self._members: dict[int, frozenset[int]] = {}  # id(frequent term) -> the same, as a set

    def weight(self, term: Term) -> float:
        """Inverse document frequency: log(articles in the archive / articles naming the term)."""
        return math.log(self._total / max(1, term.count))

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

    def _shared(self, record: ArticleRecord) -> dict[int, float]:
        """Candidate index -> summed weight of the terms it shares with the record."""
        terms: list[Term] = [t for kind in ENTITY_KINDS for t in self.index.terms_of(record, kind)]
        shared: dict[int, float] = {}
        for term in terms:
            if term.count <= self.max_df:
                w = self.weight(term)
                for i in self._indexes_of(term):
                    shared[i] = shared.get(i, 0.0) + w
        shared.pop(record.index, None)
        if not shared:
            return {}
        for term in terms:  # frequent terms only add to the score of candidates already found
            if term.count > self.max_df:
                w = self.weight(term)
                for i in shared.keys() & self._members_of(term):
                    shared[i] += w
        return shared

    def scores(self, record: ArticleRecord) -> dict[int, float]:
        """Candidate index -> score (shared rarity times closeness in time), the record left out."""
        return {i: s * closeness(record, self.records[i]) for i, s in self._shared(record).items()}

    def find(self, record: ArticleRecord) -> list[ArticleRecord]:
        """The `limit` best candidates, best first (equal scores: the newer first)."""
        if self.limit <= 0:
            return []
        best: list[tuple[float, int]] = []  # min-heap of (score, -index): the worst kept on top
        # Closeness is at most 1, so a candidate whose shared weight is below the worst kept score
        # cannot enter: walking candidates by weight, stop there (most are never timed).
        for i, weight in sorted(self._shared(record).items(), key=lambda kv: (-kv[1], kv[0])):
            if weight <= 0 or (len(best) == self.limit and weight < best[0][0]):
                break
            entry = (weight * closeness(record, self.records[i]), -i)
            if len(best) < self.limit:
                heapq.heappush(best, entry)
            elif entry > best[0]:
                heapq.heapreplace(best, entry)
        return [self.records[-neg] for _, neg in sorted(best, reverse=True)]
