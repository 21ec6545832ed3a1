"""People resolved across the whole archive, cheaply.

Each article's annotation (``annotate.py``) already folds a surname into the full name the
same article uses. What it cannot know is the rest of the archive: "Reagan" alone in 40
stories and "Ronald Reagan" in two. This module decides, over every article's cached name
set, the one name each mention stands for:

1. a full name is kept; spellings that differ only in case, accents or full stops ("George
   W Bush", "George W. Bush") become one page under the spelling most articles use, and a
   one-letter slip in a long name ("Khodorkovksy") folds into the spelling used more often;
2. a short form (a bare surname, "B. Lara") becomes the one full name it fits (same surname,
   given names or their initials agree): the registry's people first, then full names found
   elsewhere in the archive; when several fit, the one whose articles share the most people,
   places and organisations with this article wins, and if none stands out the short form is
   left out (a bare "Baker" fitting James Baker and Howard Baker gets no page of its own);
3. a short form nothing fits stays as it is.

The per-article sets live in ``.cache/generator/people.json`` (speed only, like the build
cache): a build reads only changed seeds, recomputes this pass over all the sets, and rewrites
only the pages whose resolved list changed. Names an editor removed from a page stay removed,
whatever the resolver decides later: a mention that is, or fits, a removed name is dropped
(:meth:`ArchiveNames.resolve`), so rejecting a merge by removing the folded name is remembered.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from rapidfuzz.distance import Levenshtein

from generator.cache_files import load_pickle, save_pickle
from generator.models import AnnotatedArticle
from generator.registry import Registry, name_tokens

if TYPE_CHECKING:
    from generator.names import NameParts
# generator.names (nameparser and the lexicons: a twentieth of a second) is imported where a
# decision is worked out: a no-op rebuild loads the cached name sets and decides nothing.

__all__ = ["ArticleNames", "ArchiveNames", "Merge", "article_names", "with_people", "removed_people"]

_CACHE_FORMAT = 2


@dataclass(frozen=True)
class ArticleNames:
    """What one article's own annotation found: the input of the archive-wide pass."""

    people: tuple[str, ...]  # registry canonical names and unregistered names, in page order
    unregistered: tuple[str, ...]  # those of ``people`` the registry does not know
    context: tuple[str, ...] = ()  # places and organisations: co-occurrence for tie-breaks
    resolved: tuple[str, ...] | None = None  # what the last build wrote (None: not written yet)


@dataclass(frozen=True)
class Merge:
    """A fold the resolver made (or proposes): evidence an editor can check in ``suggest``."""

    short: str
    full: str
    articles: int  # articles where the short form was folded
    shared: int  # articles where both forms appear together
    distance: int  # edit distance between the two spellings (0 for a short form)


def _is_short(p: NameParts, tokens: tuple[str, ...]) -> bool:
    """A bare surname or a form with initials only: "Lara", "B. Lara", "G. W. Bush"."""
    if len(tokens) == 1:
        return True
    given = [g for g in (p.first, *p.middle) if g]
    return bool(given) and all(len(g) == 1 for g in given)


def _variant_of(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Two full names one letter apart in one long word: "Khodorkovsky" / "Khodorkovksy"."""
    if len(a) != len(b) or a == b:
        return False
    diff = [(x, y) for x, y in zip(a, b) if x != y]
    if len(diff) != 1:
        return False
    x, y = diff[0]
    return min(len(x), len(y)) >= 6 and x[0] == y[0] and Levenshtein.normalized_similarity(x, y) >= 0.8 and Levenshtein.distance(x, y) <= 2


def _variant_buckets(fulls: dict[tuple[str, ...], NameParts]) -> list[list[tuple[str, ...]]]:
    """Groups holding every pair ``_variant_of`` can accept: the same given name and words but one
    long word (a slip may be in the surname itself), starting with the same letter. Comparing
    within these instead of within all names sharing a given name keeps 10,000 articles' worth of
    Johns from being compared pairwise (a million comparisons)."""
    buckets: dict[tuple, list[tuple[str, ...]]] = {}
    for key, p in fulls.items():
        for j, word in enumerate(key):
            if len(word) >= 6:
                buckets.setdefault((p.first, key[:j], key[j + 1:], word[0]), []).append(key)
    return [keys for keys in buckets.values() if len(keys) > 1]


@dataclass
class ArchiveNames:
    """Every article's name set and the archive-wide decision for each name."""

    registry: Registry
    articles: dict[str, ArticleNames] = field(default_factory=dict)  # seed -> names
    _plan: dict[str, str | None] | None = field(default=None, repr=False)  # name -> page name (None: left out)
    _ties: dict[str, tuple[str, ...]] = field(default_factory=dict, repr=False)  # name -> candidates to pick from
    _by_name: dict[str, set[str]] = field(default_factory=dict, repr=False)
    _changed: bool = field(default=True, repr=False)  # since loaded from the cache: save again

    # -- the cache (.cache/generator/people.pickle: speed only; pickled, as it is read by every build,
    # a no-op rebuild's included, and unpickling 10,000 articles' names takes a fifth of parsing JSON)
    @classmethod
    def load(cls, path: Path, registry: Registry, fingerprint: str) -> "ArchiveNames":
        data = load_pickle(path)
        if not (isinstance(data, dict) and data.get("format") == _CACHE_FORMAT
                and data.get("fingerprint") == fingerprint and isinstance(data.get("articles"), dict)
                and all(isinstance(a, ArticleNames) for a in data["articles"].values())):
            return cls(registry)
        return cls(registry, data["articles"], _changed=False)

    def save(self, path: Path, fingerprint: str) -> None:
        """Write the cache, unless nothing changed since it was loaded."""
        if not self._changed:
            return
        # in seed order, as the next build reads them: its decisions never depend on this one's order
        data = {"format": _CACHE_FORMAT, "fingerprint": fingerprint, "articles": dict(sorted(self.articles.items()))}
        save_pickle(path, data)
        self._changed = False

    # -- updating ----------------------------------------------------------------------------------
    def put(self, seed: str, names: ArticleNames) -> None:
        old = self.articles.get(seed)
        if old is not None and names.resolved is None:
            names = ArticleNames(names.people, names.unregistered, names.context, old.resolved)
        if names == old:
            return
        self.articles[seed] = names
        self._plan = None
        self._changed = True

    def keep_only(self, seeds: Iterable[str]) -> None:
        wanted = set(seeds)
        gone = [s for s in self.articles if s not in wanted]
        for seed in gone:
            del self.articles[seed]
        if gone:
            self._plan = None
            self._changed = True

    def written(self, seed: str, resolved: tuple[str, ...]) -> None:
        a = self.articles[seed]
        if a.resolved != resolved:
            self.articles[seed] = ArticleNames(a.people, a.unregistered, a.context, resolved)
            self._changed = True

    # -- deciding ----------------------------------------------------------------------------------
    def _build_plan(self) -> dict[str, str | None]:
        from generator.names import initials_fit, parts

        by_name: dict[str, set[str]] = {}
        for seed, a in self.articles.items():
            for n in a.unregistered:
                by_name.setdefault(n, set()).add(seed)
        self._by_name = by_name
        # 1. one spelling per token key; one-letter slips fold into the commoner spelling.
        spelling: dict[tuple[str, ...], str] = {}
        counts: dict[tuple[str, ...], int] = {}
        for n in sorted(by_name):
            key = name_tokens(n)
            counts[key] = counts.get(key, 0) + len(by_name[n])
            best = spelling.get(key)
            if best is None or (len(by_name[n]), n.count("."), n) > (len(by_name[best]), best.count("."), best):
                spelling[key] = n
        fulls: dict[tuple[str, ...], NameParts] = {}
        shorts: dict[tuple[str, ...], NameParts] = {}  # initial forms ("D. Headley")
        for key, n in spelling.items():
            p = parts(n)
            if not _is_short(p, key):
                fulls[key] = p
            elif len(key) > 1:
                shorts[key] = p
        by_surname: dict[str, list[tuple[str, ...]]] = {}
        for key, p in fulls.items():
            by_surname.setdefault(p.surname, []).append(key)
        target: dict[tuple[str, ...], tuple[str, ...]] = {}
        for keys in _variant_buckets(fulls):
            for a in keys:
                for b in keys:
                    if _variant_of(a, b) and (counts[b], b) > (counts[a], a):
                        if a not in target or (counts[b], b) > (counts[target[a]], target[a]):
                            target[a] = b
        reg_by_surname: dict[str, list[str]] = {}
        for entity in self.registry.entities("people"):
            for s in entity.spellings:
                p = parts(s)
                if not _is_short(p, name_tokens(s)):
                    reg_by_surname.setdefault(p.surname, []).append(entity.name)
        plan: dict[str, str | None] = {}
        ties: dict[str, tuple[str, ...]] = {}
        for n in by_name:
            key = name_tokens(n)
            if key in fulls:
                plan[n] = spelling[target.get(key, key)]
                continue
            p = parts(n)
            reg = sorted({e for e in reg_by_surname.get(p.surname, ()) if initials_fit(p, parts(e))})
            if len(reg) == 1:
                plan[n] = reg[0]
                continue
            if len(reg) > 1:
                plan[n] = None  # fits two registry people: only an article's full name can say which
                continue
            cands = sorted({target.get(k, k) for k in by_surname.get(p.surname, ()) if initials_fit(p, fulls[k])})
            if not cands and len(key) == 1:
                # no full name: a bare "Headley" beside the archive's only "D. Headley"
                cands = sorted({k for k, m in shorts.items() if k != key and m.surname == p.surname})
            if not cands:
                plan[n] = spelling[key]
            elif len(cands) == 1:
                plan[n] = spelling[cands[0]]
            else:
                plan[n] = None
                ties[n] = tuple(spelling[c] for c in cands)  # decided per article by co-occurrence
        self._plan, self._ties = plan, ties
        return plan

    def _tie_break(self, seed: str, options: Iterable[str]) -> str | None:
        """The candidate whose articles share the most people, places and organisations with
        ``seed``'s article; None when no candidate stands out."""
        mine = self.articles[seed]
        context = set(mine.context) | set(mine.people)
        scores: list[tuple[int, str]] = []
        for cand in options:
            seen: set[str] = set()
            for other in self._by_name.get(cand, ()):
                if other != seed:
                    a = self.articles[other]
                    seen |= (set(a.context) | set(a.people)) & context
            seen.discard(cand)
            scores.append((len(seen), cand))
        scores.sort(reverse=True)
        if scores and scores[0][0] > 0 and (len(scores) == 1 or scores[0][0] > scores[1][0]):
            return scores[0][1]
        return None

    def resolve(self, seed: str, removed: Iterable[str] = ()) -> tuple[str, ...]:
        """The people list for ``seed``'s page. ``removed``: names an editor deleted from the page."""
        from generator.names import parts

        plan = self._plan if self._plan is not None else self._build_plan()
        a = self.articles[seed]
        gone = [(name_tokens(r), parts(r)) for r in removed]
        unregistered = set(a.unregistered)
        out: list[str] = []
        for n in a.people:
            page: str | None = n
            if n in unregistered:
                page = plan.get(n, n)
                if n in self._ties:
                    page = self._tie_break(seed, self._ties[n])
            if page is None or page in out:
                continue
            # A name removed as such is the merge's to keep out (and the machine's record keeps it);
            # what the resolver now makes of a removed mention is kept out here.
            if gone and name_tokens(page) not in {k for k, _ in gone} and (
                    self._removed(n, gone) or self._removed(page, gone)):
                continue
            out.append(page)
        return tuple(out)

    @staticmethod
    def _removed(name: str, gone: list[tuple[tuple[str, ...], NameParts]]) -> bool:
        from generator.names import initials_fit, parts

        key, p = name_tokens(name), parts(name)
        return any(key == k or (_is_short(p, key) and initials_fit(p, rp)) for k, rp in gone)

    def merges(self) -> list[Merge]:
        """Every fold the plan makes from one unregistered spelling to another name."""
        plan = self._plan if self._plan is not None else self._build_plan()
        out: list[Merge] = []
        for n, page in sorted(plan.items()):
            if page is None or page == n:
                continue
            seeds = self._by_name.get(n, set())
            shared = len(seeds & self._by_name.get(page, set()))
            distance = 0 if len(name_tokens(n)) < len(name_tokens(page)) else Levenshtein.distance(n, page)
            out.append(Merge(n, page, len(seeds), shared, distance))
        return out


def article_names(annotated: AnnotatedArticle) -> ArticleNames:
    """The input of the archive-wide pass for one annotated article."""
    return ArticleNames(annotated.people, annotated.unregistered_people,
                        (*annotated.places, *annotated.organizations))


def with_people(annotated: AnnotatedArticle, people: tuple[str, ...], registry: Registry) -> AnnotatedArticle:
    """``annotated`` with its people replaced by the archive-wide decision."""
    unregistered = tuple(n for n in people if registry.find("people", n) is None)
    return replace(annotated, people=people, unregistered_people=unregistered)


def removed_people(state_file: Path) -> list[str]:
    """The people an editor deleted from a page, as its machine state records them."""
    try:
        removed = json.loads(state_file.read_text(encoding="utf-8")).get("removed") or {}
        items = removed.get("people") or []
    except (OSError, ValueError, AttributeError):
        return []
    out = []
    for item in items:
        if isinstance(item, str):
            out.append(item)
        elif isinstance(item, dict) and isinstance(item.get("name"), str):
            out.append(item["name"])
    return out
