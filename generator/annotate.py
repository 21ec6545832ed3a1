"""Annotated Article = Article + the registry entries (and unregistered people) it mentions.

Registry names are matched on whole words, case- and accent-insensitively, longest
spelling first, so "North Korea" never also counts as "Korea" and "Kishida’s" counts as
"Kishida". Acronym spellings ("U.S.", "UN") must match their case exactly, so the
pronoun "us" is not the United States. People, places and organizations must start
with a capital in the text; topics match their phrases anywhere.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import compress, count

from generator import people as people_finder
from generator.agency import is_about_agency
from generator.kinds import sort_names
from generator.language import PEOPLE_FINDER_LANGUAGES, SAMPLE_CHARS
from generator.people_lexicon import ENGLISH_WORDS
from generator.models import ENTITY_KINDS, AnnotatedArticle, Article
from generator.gazetteer import Gazetteer, load_gazetteer
from generator.places import PlaceFinder
from generator.registry import WORD, Entity, Registry, name_tokens
from generator.tokens import Tokens, tokenise
from generator.topics import TopicScorer

_LOWER = re.compile(r"(?<![\w'’-])[a-z]+(?![\w'’-])")
_PROPER_KINDS = ("people", "places", "organizations")


@dataclass(frozen=True)
class _Spelling:
    tokens: tuple[str, ...]  # folded
    exact: tuple[str, ...] | None  # original-case tokens when the spelling is an acronym
    entity: Entity


def _is_acronym(spelling: str) -> bool:
    letters = [ch for ch in spelling if ch.isalpha()]
    return bool(letters) and len(letters) <= 6 and all(ch.isupper() for ch in letters)


class Matcher:
    """Registry spellings of every kind, indexed by first word and length: one pass per article."""

    def __init__(self, registry: Registry, gazetteer: Gazetteer | None = None) -> None:
        self.registry = registry
        # first word -> [(length, {words: [(kind, spelling)]})], longest first, so the longest
        # spelling at a position wins and each position costs one lookup per distinct length.
        by_first: dict[str, dict[int, dict[tuple[str, ...], list[tuple[str, _Spelling]]]]] = {}
        for kind in ENTITY_KINDS:
            for entity in registry.entities(kind):
                spellings = entity.spellings + (entity.phrases if kind == "topics" else ())
                for spelling in spellings:
                    tokens = name_tokens(spelling)
                    if not tokens:
                        continue
                    exact = tuple(WORD.findall(spelling)) if kind != "topics" and _is_acronym(spelling) else None
                    by_length = by_first.setdefault(tokens[0], {}).setdefault(len(tokens), {})
                    by_length.setdefault(tokens, []).append((kind, _Spelling(tokens, exact, entity)))
        self._by_first = {first: sorted(lengths.items(), reverse=True) for first, lengths in by_first.items()}
        self.topic_scorer = TopicScorer(registry)
        self.place_finder = PlaceFinder(registry, gazetteer or load_gazetteer())

    def find_all(self, text: str, tokens: Tokens | None = None) -> dict[str, list[tuple[int, Entity]]]:
        """kind -> [(character offset of first mention, entity)] for every entity in ``text``.

        ``tokens``: ``tokenise(text)``, when the caller has made it already."""
        words, folded = tokens or tokenise(text)
        found: dict[str, dict[str, tuple[int, Entity]]] = {kind: {} for kind in ENTITY_KINDS}
        free_from = dict.fromkeys(ENTITY_KINDS, 0)  # per kind: words before this are inside a match
        by_first = self._by_first
        # Only words that start some spelling are visited (picked out in C: most words start none).
        for i in compress(count(), map(by_first.__contains__, folded)):
            lengths = by_first[folded[i]]
            capitalised = not words[i][1][0].islower()
            matched_here: set[str] = set()
            for n, spellings in lengths:
                for kind, spelling in spellings.get(tuple(folded[i : i + n]), ()):
                    if kind in matched_here or free_from[kind] > i or (kind in _PROPER_KINDS and not capitalised):
                        continue
                    if spelling.exact is not None and tuple(w for _, w in words[i : i + n]) != spelling.exact:
                        continue
                    found[kind].setdefault(spelling.entity.name, (words[i][0], spelling.entity))
                    matched_here.add(kind)
                    free_from[kind] = i + n
        return {kind: sorted(hits.values(), key=lambda pair: pair[0]) for kind, hits in found.items()}


def _scanned_text(article: Article) -> str:
    """Caption and story; the agency credit in the dateline is not a mention of the agency."""
    paragraphs = list(article.paragraphs)
    agency = article.dateline.agency
    # The lead (the first paragraph with the credit: a web page's standfirst may come first).
    lead = next((i for i, p in enumerate(paragraphs[:3]) if f"({agency})" in p), None) if agency else None
    if lead is not None:
        paragraphs[lead] = paragraphs[lead].replace(f"({agency})", "", 1)
    return "\n".join(([article.caption] if article.caption else []) + paragraphs)


def annotate(article: Article, matcher: Matcher) -> AnnotatedArticle:
    text = _scanned_text(article)
    tokens = tokenise(text)
    found = matcher.find_all(text, tokens)
    registry = matcher.registry

    # People: registry hits plus the rule-based finder's names, mapped to canonical names
    # when the registry knows them; the rest stay under the full name the text gives.
    people: dict[str, int] = {entity.name: pos for pos, entity in found["people"]}
    unregistered: list[str] = []
    kinds = sort_names(_rule_people(article),
                       [article.caption or "", *article.paragraphs])
    for name in kinds.people:
        entity = registry.find("people", name)
        if entity is not None:
            people.setdefault(entity.name, text.find(name))
            continue
        if any(registry.find(kind, name) for kind in ("places", "organizations", "topics")):
            continue  # the finder mistook a known place or organisation for a person
        if _is_part_of_known_person(name, people):
            continue  # a bare "Hayashi" next to a registered "Yoshimasa Hayashi"
        pos = text.find(name)
        people.setdefault(name, pos if pos >= 0 else len(text))
        unregistered.append(name)

    organizations = [e.name for _, e in found["organizations"]]
    new_orgs = _cold_start_organizations(kinds.organizations, organizations, registry)
    organizations += new_orgs
    agency = article.dateline.agency and registry.find("organizations", article.dateline.agency)
    if agency and agency.name in organizations and not is_about_agency(article, article.dateline.agency):
        organizations.remove(agency.name)  # the dateline's credit, not a subject of the story

    ordered_people = tuple(sorted(people, key=lambda n: people[n]))
    return AnnotatedArticle(
        article=article,
        people=ordered_people,
        places=tuple(matcher.place_finder.find(article, text, list(ordered_people), organizations, tokens[0])),
        organizations=tuple(organizations),
        topics=tuple(matcher.topic_scorer.assign(article, text, [e.name for _, e in found["topics"]], tokens[1])),
        unregistered_people=tuple(n for n in ordered_people if n in unregistered),
        unregistered_organizations=tuple(new_orgs),
    )


def _cold_start_organizations(names: tuple[str, ...], known: list[str], registry: Registry) -> list[str]:
    """Organisations the text shows (kinds.py) that the registry's matches do not already hold;
    a registry entry under another spelling is added under its canonical name."""
    out: list[str] = []
    for name in names:
        entity = registry.find("organizations", name)
        if entity is not None:
            if entity.name not in known and entity.name not in out:
                out.append(entity.name)
            continue
        if registry.find("people", name) or registry.find("places", name):
            continue
        if name not in known and name not in out:
            out.append(name)
    return out


def _rule_people(article: Article) -> list[str]:
    """The capitalisation-based finder's names, for the languages it was built for (and text
    too short to tell): in German every noun is capitalised, Japanese has no capitals."""
    if not runs_people_finder(article):
        return []
    return people_finder.find_people(article.paragraphs, extra_text=[article.caption] if article.caption else [])


def runs_people_finder(article: Article) -> bool:
    if article.language is None or article.language in PEOPLE_FINDER_LANGUAGES:
        return True
    # The n-gram detector misreads English that is mostly names (a results table reads as
    # Pidgin): such text's own lower-case words are still plain English.
    return looks_english(article.paragraphs)


def looks_english(paragraphs: tuple[str, ...] | list[str]) -> bool:
    """Three in five of the text's lower-case words (at least 8 of them) are English words."""
    words = _LOWER.findall(" ".join(paragraphs)[:SAMPLE_CHARS])
    return len(words) >= 8 and sum(w in ENGLISH_WORDS for w in words) >= 0.6 * len(words)


def _is_part_of_known_person(name: str, known: dict[str, int]) -> bool:
    tokens = set(name_tokens(name))
    return any(tokens < set(name_tokens(other)) for other in known)
