"""Names parsed as names: role prefixes, suffixes, initials and the key that compares spellings.

The word lists of titles and suffixes are nameparser's (``nameparser.config.CONSTANTS``, a
maintained list of ~800 titles and the usual suffixes) together with the project's own
``lexicon/titles.txt``, so a new role needs no new rule here.

- :func:`is_role_prefix`: a word that is a role, not part of a name ("Administrator",
  "Fly-half", "Tesla-CEO", "Pan-democrat");
- :func:`is_suffix`: "Jr.", "Sr.", "III" stay with the name they follow;
- :func:`name_key`: one comparable form for "George W Bush" / "George W. Bush" / "GEORGE W. BUSH";
- :func:`NameParts` / :func:`parts`: first, middle, last, suffix (nameparser's split), used by
  the archive-wide resolver to fold "B. Lara" into "Brian Lara".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from nameparser import HumanName
from nameparser.config import CONSTANTS

from generator.people_lexicon import ENGLISH_WORDS, FIRST_NAMES, HONORIFICS, NATIONALITIES, PARTICLES, TITLES
from generator.registry import fold, name_tokens

__all__ = ["KUNYA_PREFIXES", "NameParts", "is_role_prefix", "is_suffix", "name_key", "parts", "initials_fit"]

_NP_TITLES = frozenset(t.casefold() for t in CONSTANTS.titles)
# Arabic name-chain words in nameparser's prefix list: "Abu Musab ...", "Bin Laden" start a person's name
# (its other prefixes, "San", "La", "Del", start places and titles just as often).
KUNYA_PREFIXES = frozenset(CONSTANTS.prefixes) & frozenset({"abu", "bin", "ibn", "bint", "binti"})
_ROLES = _NP_TITLES | TITLES | HONORIFICS
# Generational suffixes only: "Esq", "Ret" and the like are not part of how news names a person.
_SUFFIXES = frozenset({"jr", "sr", "jnr", "snr", "ii", "iii", "iv"})


def is_suffix(word: str) -> bool:
    """"Jr", "Jr.", "III": a suffix that stays with the name before it."""
    return word.rstrip(".").casefold() in _SUFFIXES and word[:1].isupper()


@lru_cache(maxsize=50_000)
def is_role_prefix(word: str) -> bool:
    """A capitalised word in front of a name that is a role, not a given name.

    A plain title ("Administrator") counts unless it is also a common given name ("Dean",
    "Major"); a hyphenated word counts when its last part is a title ("Tesla-CEO",
    "Ex-minister") or both parts are ordinary lower-case English ("Fly-half", "Pan-democrat").
    East Asian given names ("Cheuk-ting", "Jae-in") have a first part that is no English word.
    """
    lw = word.casefold()
    if "-" not in lw:
        # nameparser's titles hold words that start place and team names too ("St", "Federal"):
        # a bare word counts only when the project's own role lists have it.
        return (lw in TITLES or lw in HONORIFICS) and lw not in FIRST_NAMES
    head, _, tail = lw.rpartition("-")
    if not head or not tail:
        return False
    if tail in _ROLES or tail in NATIONALITIES:
        return head not in FIRST_NAMES
    return word[word.rindex("-") + 1].islower() and head in ENGLISH_WORDS and tail in ENGLISH_WORDS


def name_key(name: str) -> tuple[str, ...]:
    """Folded words, initials without their full stop: "George W Bush" == "George W. Bush"."""
    return name_tokens(name)


@dataclass(frozen=True)
class NameParts:
    """A person's name split the way nameparser splits it, folded for comparison."""

    first: str
    middle: tuple[str, ...]
    last: str  # the family name with its particles: "van der westhuizen" -> last word "westhuizen"
    suffix: str

    @property
    def surname(self) -> str:
        """The last word of the family name: what a bare-surname mention uses."""
        words = self.last.split()
        return words[-1] if words else self.first


# Words nameparser treats specially (titles, suffixes, particles, conjunctions): a name holding
# none of them, made of plain capitalised words and initials, it splits first / middle... / last.
_SPECIAL = frozenset(w.lower() for group in (CONSTANTS.titles, CONSTANTS.suffix_acronyms, CONSTANTS.suffix_not_acronyms,
                                             CONSTANTS.prefixes, CONSTANTS.conjunctions) for w in group)
_PLAIN_WORD = re.compile(r"[A-Z][a-z]+(?:-[A-Za-z][a-z]+)*|[A-Z]\.?")


def _plain_split(name: str) -> list[str] | None:
    """The words of a name nameparser would split by position alone, else None (parsing one
    takes ~0.3 ms; a build resolves thousands of names, nearly all of them plain)."""
    words = name.split(" ")
    if not 2 <= len(words) <= 4:
        return None
    for word in words:
        if not _PLAIN_WORD.fullmatch(word) or word.lower().rstrip(".") in _SPECIAL:
            return None
    return words


@lru_cache(maxsize=50_000)
def parts(name: str) -> NameParts:
    """First, middle, last and suffix of ``name``; particles stay with the last name."""
    plain = _plain_split(name)
    if plain is not None:
        middle = tuple(" ".join(name_tokens(m)) for m in plain[1:-1] if name_tokens(m))
        return NameParts(" ".join(name_tokens(plain[0])), middle, " ".join(name_tokens(plain[-1])), "")
    return parsed_parts(name)


def parsed_parts(name: str) -> NameParts:
    """``parts`` through nameparser itself, whatever the name."""
    human = HumanName(name)
    last = " ".join(name_tokens(human.last)) if human.last else ""
    first = " ".join(name_tokens(human.first))
    middle = tuple(" ".join(name_tokens(m)) for m in human.middle_list if name_tokens(m))
    suffix = fold(human.suffix).rstrip(".")
    if not last:  # a single word: nameparser calls it a first name; for news it is a surname
        last, first = first, ""
    elif last.split()[0] in PARTICLES and len(last.split()) == 1:
        last = first
    return NameParts(first, middle, last, suffix)


def initials_fit(short: NameParts, full: NameParts) -> bool:
    """Is ``short`` a shorter way of writing ``full``? Same surname; every given name of the
    short form is the full form's given name or its initial ("B. Lara", "George Bush",
    "Lara" for "Brian Charles Lara")."""
    if short.surname != full.surname or (short.suffix and short.suffix != full.suffix):
        return False
    given_full = [g for g in (full.first, *full.middle) if g]
    given_short = [g for g in (short.first, *short.middle) if g]
    if len(given_short) > len(given_full):
        return False
    k = 0
    for g in given_short:
        while k < len(given_full) and not _given_fits(g, given_full[k]):
            k += 1
        if k == len(given_full):
            return False
        k += 1
    return True


def _given_fits(short: str, full: str) -> bool:
    return short == full or (len(short) == 1 and full.startswith(short))
