"""Word lists for the cold-start people finder, loaded once at import.

The lists live as plain text under ``generator/lexicon/`` (one entry a line, ``#`` starts a
comment; see ``lexicon/README.md`` for what each holds and where it comes from). Every
entry is case-folded here, so look-ups use ``word.casefold()``.
"""

from __future__ import annotations

from pathlib import Path

LEXICON_DIR = Path(__file__).with_name("lexicon")


def load_list(name: str) -> frozenset[str]:
    """One lexicon file as a set of case-folded entries (comments and blanks skipped)."""
    out: set[str] = set()
    for line in (LEXICON_DIR / name).read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            out.add(" ".join(line.casefold().split()))
    return frozenset(out)


FIRST_NAMES = load_list("first_names.txt") | load_list("first_names_extra.txt")
EAST_ASIAN_SURNAMES = load_list("east_asian_surnames.txt")
HONORIFICS = load_list("honorifics.txt")
TITLES = load_list("titles.txt")
NATIONALITIES = load_list("nationalities.txt")
SPEECH_VERBS = load_list("speech_verbs.txt")
ORG_WORDS = load_list("org_words.txt")
PLACE_WORDS = load_list("place_words.txt")
COMMON_WORDS = load_list("common_words.txt")
PLACES = load_list("places.txt")
ENGLISH_WORDS = load_list("english_words.txt")
WORD_SURNAMES = load_list("word_surnames.txt")  # common family names that are English words
PLACE_TOKENS = frozenset(t for p in PLACES for t in p.split())

MONTHS_DAYS = frozenset(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec "
    "monday tuesday wednesday thursday friday saturday sunday".split()
)
# Lower-case words that may sit inside a name: "Jose de Souza", "Ludwig van Beethoven".
PARTICLES = frozenset(
    "de da di do dos das del della delle dello degli dei der den van von ter ten te bin ibn bint ben "
    "al el le la du des y".split()
)
# Lower-case prefixes glued to a capitalised name by a hyphen: "al-Assad", "bin-Laden".
NAME_PREFIXES = ("al-", "el-", "ad-", "as-", "ash-", "at-", "az-", "ar-", "an-", "abu-", "bin-", "ibn-")
# First words of place names: "St Mirren", "San Jose", "Fort Worth".
PLACE_STARTS = frozenset("st saint san santa sao fort mount mt port new old lake cape las los".split())
# Words that make everything up to them a non-person (prefix/role classes break a run).
BREAK_WORDS = HONORIFICS | TITLES | NATIONALITIES | COMMON_WORDS
