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

import math
from typing import Sequence

import numpy as np

from generator.models import ENTITY_KINDS
from generator.site.records import ArticleRecord
from generator.site.terms import Term, TermIndex

HALF_LIFE_DAYS = 730.0
DAY = 86_400.0


def near_in_time(days: np.ndarray) -> np.ndarray:
    """The closeness factor of candidates `days` apart (NaN: one of the two is undated)."""
    return np.where(np.isnan(days), 0.5, 0.5 + 0.5 * np.exp2(-days / HALF_LIFE_DAYS))


def closeness(a: ArticleRecord, b: ArticleRecord) -> float:
    """1.0 for the same moment, 0.75 two years apart, towards 0.5 for far apart; 0.5 undated."""
    days = np.nan if a.date is None or b.date is None else abs(a.date.sort_key - b.date.sort_key) / DAY
    return float(near_in_time(np.array([days]))[0])


class RelatedFinder:
    """Scores are accumulated with numpy over the postings of the article's terms (a few thousand
    at 5,000 articles): in pure Python that loop cost more than the rest of the ranking."""

    def __init__(self, records: Sequence[ArticleRecord], index: TermIndex, limit: int, max_df: int) -> None:
        self.records = records  # newest first: records[r.index] is r
        self.index, self.limit, self.max_df = index, limit, max_df
        self._total = max(1, len(records))
        self._postings: dict[int, np.ndarray] = {}  # id(term) -> its articles' indexes, ascending
        # Seconds since the epoch of each record (NaN: undated), for closeness in time.
        self._times = np.array([r.date.sort_key if r.date else np.nan for r in records], dtype=float)

    def weight(self, term: Term) -> float:
        """Inverse document frequency: log(articles in the archive / articles naming the term)."""
        return math.log(self._total / max(1, term.count))

    def _postings_of(self, term: Term) -> np.ndarray:
        hit = self._postings.get(id(term))
        if hit is None:
            hit = self._postings[id(term)] = np.sort(np.fromiter((r.index for r in term.articles), dtype=np.int64))
        return hit

    def _candidates(self, record: ArticleRecord) -> tuple[np.ndarray, np.ndarray]:
        """(candidate indexes, ascending; their score), the record itself left out."""
        terms: list[Term] = [t for kind in ENTITY_KINDS for t in self.index.terms_of(record, kind)]
        rare = [t for t in terms if t.count <= self.max_df]
        if not rare:
            return np.empty(0, dtype=np.int64), np.empty(0)
        postings = [self._postings_of(t) for t in rare]
        weights = np.repeat([self.weight(t) for t in rare], [len(p) for p in postings])
        found, slot = np.unique(np.concatenate(postings), return_inverse=True)
        shared = np.bincount(slot, weights=weights, minlength=len(found))
        for term in terms:  # frequent terms only add to the score of candidates already found
            if term.count > self.max_df:
                shared[np.isin(found, self._postings_of(term), assume_unique=True)] += self.weight(term)
        keep = found != record.index
        found, shared = found[keep], shared[keep]
        moment = record.date.sort_key if record.date else np.nan
        return found, shared * near_in_time(np.abs(self._times[found] - moment) / DAY)

    def scores(self, record: ArticleRecord) -> dict[int, float]:
        """Candidate index -> score (shared rarity times closeness in time), the record left out."""
        found, score = self._candidates(record)
        return {int(i): float(s) for i, s in zip(found, score)}

    def find(self, record: ArticleRecord) -> list[ArticleRecord]:
        """The `limit` best candidates, best first (equal scores: the newer first)."""
        found, score = self._candidates(record)
        keep = score > 0
        found, score = found[keep], score[keep]
        if self.limit <= 0 or not len(found):
            return []
        order = np.lexsort((found, -score))[: self.limit]  # by score, then by index (newer first)
        return [self.records[int(i)] for i in found[order]]
