"""Topics for every article: the IPTC Media Topics subjects plus the registry's finer topics.

The 17 top-level subjects of IPTC Media Topics are registry entries (``registry/topics.yml``)
whose ``phrases`` signal them; a finer topic names its subject in ``parent:``. A finer topic
is given, as before, when any of its phrases occurs. A subject is scored instead, because its
vocabulary is broad ("match", "bank"): each occurrence of one of its phrases, or of one of its
finer topics' phrases, counts once, twice in the headline. The best-scoring subject is given,
and any other that scores at least ``SECOND_RATIO`` of it and ``SECOND_MIN`` hits (at most
``MAX_SUBJECTS`` in all). The parents of the finer topics found, and the subject the article's
section names ("Sport", "Business"), are given too. An article where no phrase occurs falls back
on words that begin like a one-word phrase ("libraries" ~ "library").
"""

from __future__ import annotations

from collections import Counter
from itertools import compress, count

from generator.models import Article
from generator.registry import WORD, Entity, Registry, fold, name_tokens

__all__ = ["IPTC_SUBJECTS", "TopicScorer", "SECTION_SUBJECTS"]

# IPTC Media Topics, top level: name -> code (https://cv.iptc.org/newscodes/mediatopic/).
IPTC_SUBJECTS: dict[str, str] = {
    "arts, culture, entertainment and media": "medtop:01000000",
    "crime, law and justice": "medtop:02000000",
    "disaster, accident and emergency incident": "medtop:03000000",
    "economy, business and finance": "medtop:04000000",
    "education": "medtop:05000000",
    "environment": "medtop:06000000",
    "health": "medtop:07000000",
    "human interest": "medtop:08000000",
    "labour": "medtop:09000000",
    "lifestyle and leisure": "medtop:10000000",
    "politics": "medtop:11000000",
    "religion": "medtop:12000000",
    "science and technology": "medtop:13000000",
    "society": "medtop:14000000",
    "sport": "medtop:15000000",
    "conflict, war and peace": "medtop:16000000",
    "weather": "medtop:17000000",
}
# Newspaper section names that are not a subject's phrase: section -> IPTC subject.
SECTION_SUBJECTS: dict[str, str] = {
    "business": "economy, business and finance", "money": "economy, business and finance",
    "markets": "economy, business and finance", "finance": "economy, business and finance",
    "sports": "sport", "entertainment": "arts, culture, entertainment and media",
    "culture": "arts, culture, entertainment and media", "tech": "science and technology",
    "technology": "science and technology", "science": "science and technology",
    "travel": "lifestyle and leisure", "crime": "crime, law and justice",
}
SECOND_RATIO = 0.5
SECOND_MIN = 3
MAX_SUBJECTS = 3
TITLE_WEIGHT = 2
STEM = 5


class TopicScorer:
    """Every subject's phrases (its own and its finer topics'), indexed by first word."""

    def __init__(self, registry: Registry) -> None:
        topics = registry.entities("topics")
        by_name = {e.name: e for e in topics}
        self.subjects = frozenset(name for name in by_name if name in IPTC_SUBJECTS)
        self._subject_of = {e.name: self._walk_up(e, by_name) for e in topics}
        index: dict[str, dict[tuple[str, ...], str]] = {}
        for entity in topics:
            subject = self._subject_of[entity.name]
            if subject is None:
                continue
            for spelling in (*entity.spellings, *entity.phrases):
                tokens = name_tokens(spelling)
                if tokens:
                    index.setdefault(tokens[0], {}).setdefault(tokens, subject)
        self._index = {first: sorted(phrases.items(), key=lambda kv: -len(kv[0])) for first, phrases in index.items()}
        stems: dict[str, set[str]] = {}
        for first, phrases in index.items():
            for tokens, subject in phrases.items():
                if len(tokens) == 1 and len(tokens[0]) >= STEM:
                    stems.setdefault(tokens[0][:STEM], set()).add(subject)
        self._stems = {stem: next(iter(s)) for stem, s in stems.items() if len(s) == 1}  # unambiguous stems only

    def _walk_up(self, entity: Entity, by_name: dict[str, Entity]) -> str | None:
        seen: set[str] = set()
        current: Entity | None = entity
        while current is not None and current.name not in seen:
            if current.name in self.subjects:
                return current.name
            seen.add(current.name)
            current = by_name.get(current.parent) if current.parent else None
        return None

    def subject_of(self, topic: str) -> str | None:
        return self._subject_of.get(topic)

    def scores(self, text: str, folded: list[str] | None = None) -> Counter[str]:
        """subject -> number of phrase occurrences in ``text`` (longest phrase at each word).

        ``folded``: ``text``'s words already split on ``WORD`` and folded, when the caller has them."""
        words = folded if folded is not None else [fold(w) for w in WORD.findall(text)]
        counts: Counter[str] = Counter()
        index = self._index
        free = 0  # words before this are inside a phrase counted already
        # Only words that start some phrase are visited (picked out in C: most words start none).
        for i in compress(count(), map(index.__contains__, words)):
            if i < free:
                continue
            for tokens, subject in index[words[i]]:
                if tuple(words[i:i + len(tokens)]) == tokens:
                    counts[subject] += 1
                    free = i + len(tokens)
                    break
        return counts

    def section_subject(self, section: str | None) -> str | None:
        if not section:
            return None
        key = " ".join(name_tokens(section))
        if key in SECTION_SUBJECTS:
            return SECTION_SUBJECTS[key]
        hits = self.scores(section)
        return hits.most_common(1)[0][0] if hits else None

    def loose_scores(self, text: str) -> Counter[str]:
        """The last resort when no phrase occurs: words sharing the first ``STEM`` letters with a
        one-word phrase ("libraries" ~ "library") count."""
        counts: Counter[str] = Counter()
        for word in WORD.findall(text):
            subject = self._stems.get(fold(word)[:STEM]) if len(word) >= STEM else None
            if subject:
                counts[subject] += 1
        return counts

    def assign(self, article: Article, text: str, finer: list[str], folded: list[str] | None = None) -> list[str]:
        """The article's topics: chosen subjects (best first), then the finer topics found.

        ``finer``: the topics the registry matcher found (any phrase); subjects among them are
        left to the scoring. ``folded``: ``text``'s folded words, when the caller has them.
        """
        finer = [t for t in finer if t not in self.subjects]
        counts = self.scores(text, folded)
        for subject, n in self.scores(article.title).items():
            counts[subject] += TITLE_WEIGHT * n
        if not counts and not article.section:
            counts = self.loose_scores(f"{article.title}\n{text}")
        chosen: list[str] = []
        ranked = counts.most_common()
        if ranked:
            best = ranked[0][1]
            chosen = [s for s, n in ranked[:MAX_SUBJECTS] if n == best or (n >= SECOND_MIN and n >= SECOND_RATIO * best)]
        section = self.section_subject(article.section)
        if section:  # the publication's own filing is the strongest signal
            chosen = [section] + [s for s in chosen if s != section]
        for extra in (self.subject_of(t) for t in finer):
            if extra and extra not in chosen:
                chosen.append(extra)
        return chosen + finer
