"""`Term` and `TermIndex`: every person, place, organization and topic, and the articles naming it.

Terms are objects with slug identity (Pelican's URLWrapper): two spellings that the registry maps
to one entity, or that slugify alike, are one term with one page at `<kind>/<slug>/`.
"""

from __future__ import annotations

import heapq
from collections import Counter
from itertools import chain
from dataclasses import dataclass, field
from operator import attrgetter

from generator.models import ENTITY_KINDS
from generator.site.entities import EntityInfo, EntityLookup
from generator.site.records import ArticleRecord

KIND_LABELS: dict[str, tuple[str, str]] = {  # kind -> (plural heading, singular label)
    "people": ("People", "Person"),
    "places": ("Places", "Place"),
    "organizations": ("Organizations", "Organization"),
    "topics": ("Topics", "Topic"),
}


@dataclass(eq=False)
class Term:
    info: EntityInfo
    articles: list[ArticleRecord] = field(default_factory=list)  # newest first after finish()
    often_with: list[tuple["Term", int]] = field(default_factory=list)  # people, most frequent first

    def fingerprint(self) -> dict:
        """What a page showing this term depends on (cache.py): every field, with the terms
        it is often mentioned with reduced to their registry entries (no cycles). A new field
        goes into `fingerprint_key` too."""
        shown = {f: getattr(self, f) for f in self.__dataclass_fields__ if f != "often_with"}
        return shown | {"often_with": [(other.info, n) for other, n in self.often_with]}

    def fingerprint_key(self) -> tuple[tuple[int, ...], tuple]:
        """What `fingerprint` is made of, by identity (cache.py): the registry entry, the articles
        and the people often mentioned with it, then the counts that tell them apart."""
        people = [other.info for other, _ in self.often_with]
        return ((id(self.info), *map(id, self.articles), *map(id, people)),
                ("Term", len(self.articles), *(n for _, n in self.often_with)))

    @property
    def kind(self) -> str:
        return self.info.kind

    @property
    def name(self) -> str:
        return self.info.name

    @property
    def slug(self) -> str:
        return self.info.slug

    @property
    def url(self) -> str:
        return f"{self.kind}/{self.slug}/"

    @property
    def count(self) -> int:
        return len(self.articles)

    @property
    def initial(self) -> str:
        first = self.slug[:1]
        return first if first.isalpha() else "#"


def _most_often(counts: Counter[int], names: dict[int, str], size: int) -> list[tuple[int, int]]:
    """The `size` highest counts, ties by name: only counts that can make the cut are sorted
    (a person with many articles is named alongside thousands of people)."""
    if size <= 0 or not counts:
        return []
    cut = heapq.nlargest(size, counts.values())[-1]
    contenders = [(i, n) for i, n in counts.items() if n >= cut]
    contenders.sort(key=lambda kv: (-kv[1], names[kv[0]]))
    return contenders[:size]


class TermIndex:
    """Collects terms from article records; knows each article's terms and each term's articles."""

    def __init__(self, lookup: EntityLookup) -> None:
        self._lookup = lookup
        self.by_kind: dict[str, dict[str, Term]] = {kind: {} for kind in ENTITY_KINDS}
        self._of_article: dict[int, dict[str, list[Term]]] = {}
        # (kind, slug, ids of its articles) -> (slugs and counts of the people most often with
        # the term, its articles): what `finish` found, for the next build's
        self._often: dict[tuple, tuple[list[tuple[str, int]], list[ArticleRecord]]] = {}
        self._often_size = 0
        self.carried: list[Term] = []  # the last build's terms this one uses again (finish)

    def add(self, record: ArticleRecord) -> None:
        """Register one article (records must already carry their newest-first `index`)."""
        mine: dict[str, list[Term]] = {}
        for kind in ENTITY_KINDS:
            found: dict[str, Term] = {}
            for name in record.terms(kind):
                info = self._lookup.find(kind, name)
                term = self.by_kind[kind].get(info.slug)
                if term is None:
                    term = self.by_kind[kind][info.slug] = Term(info)
                if info.slug not in found:
                    found[info.slug] = term
                    term.articles.append(record)
            mine[kind] = list(found.values())
        self._of_article[record.index] = mine

    def finish(self, often_with: int, previous: "TermIndex | None" = None) -> None:
        """Sort each term's articles newest first and count the people named alongside it.

        With the `previous` build's index (`mkdocs serve`), a term whose articles are the very
        record objects they were, read with the same registry, is the last build's `Term` object
        (`carried` counts them): an unchanged record names the same people, so the counts are the
        same, and what was computed from the term (its fingerprint, cache.py) holds. Only the
        edited articles' terms are made and counted again (0.1 s of each rebuild at 5,000 articles)."""
        by_index = attrgetter("index")
        known, before = {}, None
        if previous is not None and previous._lookup is self._lookup and previous._often_size == often_with:
            known, before = previous._often, previous.by_kind
        self._often_size, self._often = often_with, {}
        self.carried = []
        found: list[tuple[Term, tuple, tuple[list[tuple[str, int]], list[ArticleRecord]] | None]] = []
        for kind in ENTITY_KINDS:
            terms = self.by_kind[kind]
            for slug, term in terms.items():
                term.articles.sort(key=by_index)
                key = (kind, slug, *map(id, term.articles))
                hit = known.get(key)
                old = before[kind].get(slug) if hit is not None and before is not None else None
                if old is not None and old.info is term.info:  # same articles, in the same order
                    terms[slug] = old  # a value replaced, not a key added: the loop goes on
                    for record in old.articles:
                        mine = self._of_article[record.index][kind]
                        mine[mine.index(term)] = old  # by identity: terms compare as objects
                    self.carried.append(old)
                    term = old
                found.append((term, key, hit))
        # Counted once every carried term is in place: the counts key people by their objects.
        people_of: dict[int, list[int]] = {}  # article index -> ids of its people, made when first needed
        people_by_id: dict[int, Term] = {}
        names: dict[int, str] = {}  # the tie-break

        def people_ids(index: int) -> list[int]:
            ids = people_of.get(index)
            if ids is None:
                named = self._of_article[index]["people"]
                ids = people_of[index] = [id(p) for p in named]
                people_by_id.update(zip(ids, named))
                names.update((id(p), p.name) for p in named)
            return ids

        people = self.by_kind["people"]
        for term, key, hit in found:
            if hit is None:
                counts = Counter(chain.from_iterable(people_ids(r.index) for r in term.articles))
                counts.pop(id(term), None)  # a person is not mentioned "with" themself
                hit = ([(people_by_id[i].slug, n) for i, n in _most_often(counts, names, often_with)], term.articles)
            # The articles are kept with the entry: while it lives, no other object has their ids.
            self._often[key] = hit
            term.often_with = [(people[slug], n) for slug, n in hit[0]]

    def terms_of(self, record: ArticleRecord, kind: str) -> list[Term]:
        return self._of_article.get(record.index, {}).get(kind, [])

    def sorted_terms(self, kind: str) -> list[Term]:
        """Alphabetical by slug (case- and accent-free), as an index page lists them."""
        return sorted(self.by_kind[kind].values(), key=lambda t: (t.slug, t.name))

    def counts(self) -> dict[str, int]:
        return {kind: len(terms) for kind, terms in self.by_kind.items()}
