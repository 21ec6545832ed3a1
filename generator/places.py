"""Places in an article: registry places first, then the gazetteer's, each city with its country.

Rules, each for a reason a reader would give:
- The dateline city is always a place (it says where the story was filed), with its country.
- Elsewhere a place must be written with a capital ("us" is not the United States), and the
  registry's acronym spellings ("U.S.") in their exact case.
- A name that is also an ordinary English word or a given name ("Nice", "Reading", "Mobile",
  "Split", "Of", "Eugene") is a place only when the text gives no other reading: not the first
  word of a sentence nor in an all-capitals line, and of a city of ``AMBIGUOUS_MIN_POPULATION``
  people or more. The word lists are the lexicon's general ones (SCOWL, US Census).
- A place name inside a longer capitalised name is part of that name ("Valeska Paris",
  "Estudiantes Madrid", "New York Times"): it does not count, nor does a one-word place that is
  the surname of a person in the article ("Houston" beside "Whitney Houston"), nor a place inside
  an organisation the article names.
A place counts when one of its mentions passes; registry entries (curated by people) skip the
ordinary-word rule. The registry keeps priority: a gazetteer place the registry knows under
another spelling takes the registry's name.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import NamedTuple, Sequence

from generator.datelines import match_dateline
from generator.gazetteer import Gazetteer, Place, choose, unpack
from generator.models import Article
from generator.people_lexicon import (LEXICON_DIR, COMMON_WORDS, ENGLISH_WORDS, FIRST_NAMES, HONORIFICS, NATIONALITIES,
                                      PARTICLES, PLACE_WORDS, TITLES)
from generator.registry import WORD, Entity, Registry, fold, name_tokens
from generator.tokens import capitalised_indices, word_offsets

__all__ = ["PlaceFinder", "AMBIGUOUS_MIN_POPULATION"]

AMBIGUOUS_MIN_POPULATION = 500_000
# A town abroad (in no country the article names) this small is more likely a name ("Somerset"
# the cricket club, "Clinton" the town in Iowa) than the place.
STRAY_TOWN_MAX_POPULATION = 100_000
REGION_ABBREVIATIONS: dict[str, str] = {
    abbreviation.strip(): country.strip()
    for line in (LEXICON_DIR / "region_abbreviations.txt").read_text(encoding="utf-8").splitlines()
    if line.strip() and not line.startswith("#")
    for abbreviation, _, country in [line.split("|")]
}
_CLAUSE_END = frozenset(".!?:;\"“”(—–-")
# Words that may stand next to a place without making it part of a longer name.
_NOT_NAME_WORDS = COMMON_WORDS | NATIONALITIES | PLACE_WORDS | HONORIFICS | TITLES
_ORDINARY = ENGLISH_WORDS | FIRST_NAMES | COMMON_WORDS


class _Word(NamedTuple):
    start: int
    end: int
    text: str
    folded: str
    initial: bool  # first word of a sentence, clause or paragraph: its capital says nothing
    shouted: bool  # written in capitals, as in a headline or a dateline
    joined: bool  # only a space or tab from the word before: one capitalised run with it


class _Words:
    """The text's words, each made into a ``_Word`` only when looked at: most words are lower
    case and never are, which keeps the scan of a long story cheap."""

    def __init__(self, text: str, raw: list[tuple[int, str]] | None = None) -> None:
        self.text = text
        # (offset, word) for every word; the annotator's own tokens when it passes them (same regex).
        self.raw = raw if raw is not None else word_offsets(text)
        self._made: dict[int, _Word] = {}

    def __len__(self) -> int:
        return len(self.raw)

    def __getitem__(self, i: int) -> _Word:
        word = self._made.get(i)
        if word is None:
            word = self._made[i] = self._make(i)
        return word

    def span(self, start: int, stop: int) -> list[_Word]:
        """The words ``start`` to ``stop`` (called for every match tried)."""
        made = self._made
        out = []
        for k in range(start, min(stop, len(self.raw))):
            word = made.get(k)
            if word is None:
                word = made[k] = self._make(k)
            out.append(word)
        return out

    def folded(self, i: int) -> str:
        """``self[i].folded`` without making the word: folded if capitalised, else as written."""
        word = self.raw[i][1]
        return fold(word) if word[0].isupper() else word

    def _make(self, i: int) -> _Word:
        start, word = self.raw[i]
        if not word[0].isupper():
            return _Word(start, start + len(word), word, word, False, False, False)
        prev_end = self.raw[i - 1][0] + len(self.raw[i - 1][1]) if i else 0
        between = self.text[prev_end:start]
        initial = not i or "\n" in between or self.text[max(0, start - 3):start].rstrip()[-1:] in _CLAUSE_END
        return _Word(start, start + len(word), word, fold(word), initial, len(word) > 1 and word.isupper(),
                     between == " " or between == "\t")


class PlaceFinder:
    """Built once per registry (the gazetteer is shared); ``find`` per article."""

    def __init__(self, registry: Registry, gazetteer: Gazetteer) -> None:
        self.registry = registry
        self.gazetteer = gazetteer
        # folded spelling -> [(exact words for an acronym or None, entity)]; gazetteer spelling -> rows;
        # folded first word -> the most words a spelling starting with it has (one look-up for most words).
        self._registry_keys: dict[str, list[tuple[tuple[str, ...] | None, Entity]]] = {}
        self._longest: dict[str, int] = {}
        for entity in registry.entities("places"):
            for spelling in entity.spellings:
                tokens = name_tokens(spelling)
                if not tokens:
                    continue
                letters = [c for c in spelling if c.isalpha()]
                exact = tuple(WORD.findall(spelling)) if len(letters) <= 6 and spelling.isupper() else None
                self._registry_keys.setdefault(" ".join(tokens), []).append((exact, entity))
                self._longest[tokens[0]] = max(self._longest.get(tokens[0], 0), len(tokens))
        self._gazetteer_keys: dict[str, int | tuple[int, ...]] = {}
        for first, entries in gazetteer.scan.items():
            for joined, n, rows in entries:
                self._gazetteer_keys[joined] = rows
            self._longest[first] = max(self._longest.get(first, 0), entries[0][1])
        self._made: dict[str, tuple[Place, ...]] = {}  # scan spelling -> its places, once made
        self._made_for_entity: dict[str, tuple[Place, ...]] = {}  # registry place name -> its places

    # ------------------------------------------------------------------ names
    def _registry_name(self, *spellings: str | None) -> str | None:
        for spelling in spellings:
            if spelling:
                entity = self.registry.find("places", spelling)
                if entity is not None:
                    return entity.name
        return None

    def _named(self, place: Place, written: str) -> tuple[str, str | None]:
        """(name, country name) under the registry's spelling where it has one."""
        name = self._registry_name(place.name, written) or place.name
        country = self._registry_name(place.country) or place.country if place.country else None
        return name, (country if country != name else None)

    def dateline_places(self, article: Article) -> list[str]:
        """The dateline city and its country: always places, whatever the gazetteer knows."""
        city = article.dateline.city
        if not city:
            return []
        region_country = self._dateline_country(article)
        within = frozenset({region_country}) if region_country else frozenset()
        place = self.gazetteer.lookup_dateline(city, within)
        if place is not None and region_country and region_country not in (place.country, place.name):
            place = None  # "WARRINGTON, Pa." is not the English Warrington
        registered = self._registry_name(city, place.name if place else None)
        if place is not None:
            name, country = self._named(place, city)
            return [registered or name] + ([country] if country and country != registered else [])
        return [registered or city] + ([region_country] if region_country and region_country != registered else [])

    def _dateline_country(self, article: Article) -> str | None:
        """The country the dateline itself names: "ABHA, Saudi Arabia, March 16", "SAN MATEO, Calif."."""
        found = match_dateline(article.paragraphs[0]) if article.paragraphs else None
        for part in (found.raw.split(",")[1:] if found else []):
            part = part.strip(" -–—")
            if part in REGION_ABBREVIATIONS:
                return self._registry_name(REGION_ABBREVIATIONS[part]) or REGION_ABBREVIATIONS[part]
            place = self.gazetteer.lookup(part)
            if place is not None and place.kind in ("country", "former", "region"):
                name, country = self._named(place, part)
                return country if place.kind == "region" and country else name
        return None

    # ------------------------------------------------------------------ text
    def find(self, article: Article, text: str, people: Sequence[str] = (), organizations: Sequence[str] = (),
             tokens: list[tuple[int, str]] | None = None) -> list[str]:
        """Every place of the article, dateline first, then in order of first mention.

        ``tokens``: ``text``'s (offset, word) pairs when the caller has them already (annotate)."""
        words = _Words(text, tokens)
        surnames = {name_tokens(p)[-1] for p in people if len(name_tokens(p)) > 1}
        blocked = _Spans(text, [*people, *organizations])
        found: dict[str, float] = {}
        for rank, name in enumerate(self.dateline_places(article)):
            found.setdefault(name, -1 + rank / 10)
        matches: list[tuple[int, int, Entity | None, list[Place]]] = []
        free = 0  # words before this are inside a match already
        # Only a capitalised word can start a place: visit those alone (most words are lower case).
        for i in capitalised_indices(words.raw):
            if i < free:
                continue
            match = self._match(words, i)
            if match is not None:
                matches.append((i, *match))
                free = i + match[0]
        # The countries the article is about decide which "Durham" it means, and whether a small
        # town abroad is more likely a name than a place.
        context = set(found)
        for _, _, entity, candidates in matches:
            if candidates and candidates[0].kind in ("country", "former"):
                context.add(self._named(candidates[0], candidates[0].name)[0])
        context |= {c for c in (self._named(p, p.name)[1] for p in (self.gazetteer.lookup(n) for n in found) if p) if c}
        within = frozenset(context) | frozenset(self._gazetteer_country(c) for c in context)
        dateline_city = name_tokens(article.dateline.city or "")
        for i, n, entity, candidates in matches:
            place = choose(candidates, within)
            span = words.span(i, i + n)
            if tuple(w.folded for w in span) == dateline_city:
                continue  # the dateline's city again: already placed, with the dateline's country
            if entity is None and place is not None and _stray_town(place, within):
                continue
            if not self._counts(words, i, n, entity is not None, place, surnames, blocked):
                continue
            written = text[span[0].start:span[-1].end]
            names = [entity.name] if entity is not None else []
            if place is not None:
                name, country = self._named(place, written)
                names = (names or [name]) + ([country] if country and country not in names else [])
            for k, name in enumerate(names):
                found.setdefault(name, span[0].start + k / 10)
        return sorted(found, key=lambda name: found[name])

    def _gazetteer_country(self, name: str) -> str:
        """The gazetteer's name for a country the registry may spell otherwise ("Britain")."""
        entity = self.registry.find("places", name)
        for spelling in (entity.spellings if entity else (name,)):
            place = self.gazetteer.lookup(spelling)
            if place is not None and place.kind in ("country", "former"):
                return place.name
        return name

    def _match(self, words: _Words, i: int) -> tuple[int, Entity | None, list[Place]] | None:
        """The longest registry or gazetteer spelling starting at word ``i`` (registry on a tie)."""
        first = fold(words.raw[i][1])  # == words[i].folded, without making the word
        longest = self._longest.get(first)
        if longest is None:
            return None
        most = min(longest, len(words) - i)
        # The keys come from folded strings alone: a _Word is made only for a spelling that exists.
        folded = [first, *(words.folded(k) for k in range(i + 1, i + most))]
        for n in range(most, 0, -1):
            key = " ".join(folded[:n]) if n > 1 else first
            registered = self._registry_keys.get(key)
            rows = self._gazetteer_keys.get(key)
            if registered is None and rows is None:
                continue
            span = words.span(i, i + n)
            if not _capitalised(span):
                continue
            for exact, entity in registered or ():
                if exact is None or tuple(w.text for w in span) == exact:
                    return n, entity, self._entity_candidates(entity.name)
            if rows is not None:
                return n, None, self._candidates(key, rows)
        return None

    def _candidates(self, key: str, rows: int | tuple[int, ...]) -> list[Place]:
        """The gazetteer's places for a scan spelling, made once per build (a frozen ``Place``
        costs more to make than the rest of the look-up; the same names recur in every story)."""
        places = self._made.get(key)
        if places is None:
            places = self._made[key] = tuple(self.gazetteer.place(row) for row in unpack(rows))
        return list(places)

    def _entity_candidates(self, name: str) -> list[Place]:
        places = self._made_for_entity.get(name)
        if places is None:
            places = self._made_for_entity[name] = tuple(self.gazetteer.candidates(name))
        return list(places)

    def _counts(self, words: _Words, i: int, n: int, registered: bool, place: Place | None,
                surnames: set[str], blocked: _Spans) -> bool:
        span = words.span(i, i + n)
        if blocked.covers(span[0].start, span[-1].end):
            return False
        if _inside_longer_name(words, i, n):
            return False
        if n == 1 and span[0].folded in surnames:
            return False
        if registered or place is None or n > 1 or place.kind != "city" or span[0].folded not in _ORDINARY:
            return True
        # A city named like an ordinary word or a given name: only a big one, capitalised where
        # the capital says something.
        return place.population >= AMBIGUOUS_MIN_POPULATION and not (span[0].initial or span[0].shouted)


def _stray_town(place: Place, within: frozenset[str]) -> bool:
    return (bool(within) and place.kind == "city" and place.population < STRAY_TOWN_MAX_POPULATION
            and place.country not in within)


_INSIDE_PLACE_NAMES = PARTICLES | {"of", "on", "upon"}


def _capitalised(span: list[_Word]) -> bool:
    """Every word capitalised, but for particles inside ("Rio de Janeiro", "Port of Spain")."""
    if len(span) == 1:
        return span[0].text[0].isupper()
    last = len(span) - 1
    return all(w.text[0].isupper() or (0 < k < last and w.folded in _INSIDE_PLACE_NAMES) for k, w in enumerate(span))


def _name_like(word: _Word) -> bool:
    """A capitalised word that makes a neighbouring place part of a longer name."""
    if not word.text[:1].isupper() or word.folded in _NOT_NAME_WORDS:
        return False
    return not (word.initial and word.folded in ENGLISH_WORDS)


def _inside_longer_name(words: _Words, i: int, n: int) -> bool:
    first = words[i]
    before = words[i - 1] if i > 0 and first.joined else None
    after = words[i + n] if i + n < len(words) and words[i + n].joined else None
    for other in (before, after):
        if other is not None and not (first.shouted and other.shouted) and _name_like(other):
            return True
    return False


class _Spans:
    """Where the multi-word names of people and organisations stand in the text; ``covers`` is
    asked for every place matched, so it is a binary search, not a walk over every name."""

    def __init__(self, text: str, names: list[str]) -> None:
        spans: list[tuple[int, int]] = []
        for name in names:
            if " " not in name.strip():
                continue
            start = text.find(name)
            while start >= 0:
                spans.append((start, start + len(name)))
                start = text.find(name, start + 1)
        spans.sort()
        self._starts = [start for start, _ in spans]
        self._reach: list[int] = []  # the furthest end of the spans up to each one
        for _, end in spans:
            self._reach.append(max(end, self._reach[-1]) if self._reach else end)

    def covers(self, start: int, end: int) -> bool:
        """Some name's span holds all of ``start``..``end``."""
        k = bisect_right(self._starts, start)
        return k > 0 and self._reach[k - 1] >= end
