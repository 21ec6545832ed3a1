"""What kind of thing a capitalised name is: a person, an organisation, a work or a venue.

The people finder (:mod:`generator.people`) proposes names with person evidence; this
module reads the words around every mention of each name in the article and takes away
the ones the text itself shows to be something else:

- organisations: a company suffix after the name ("Merrill Lynch & Co", "Ericsson AB"), a
  company or its staff around it ("said it", "shares of", "analysts at", "X's shareholders"),
  an acronym defined right after it ("Organisation of ... (OPEC)"), a club or team ("Lazio
  coach", "signed for Ajax"), a publication or agency ("the daily Zycie Warszawy",
  "Tanjug news agency");
- works: a film, album, book, ship or other product named as one ("the film Vera Drake",
  "the carrier Carl Vinson", "the band's album");
- venues: a ground, park or hall ("at Ellis Park", "Bellerive Oval").

Evidence that the name is a person (an honorific or title right before a mention, "who"
after it) overrides all of that. Organisations go to the page's ``organizations:``; works
and venues are dropped. Acronym definitions also give organisations of their own.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from generator.datelines import AGENCY_NAMES
from generator.people_lexicon import (COMMON_WORDS, FIRST_NAMES, HONORIFICS, NATIONALITIES, ORG_WORDS, PARTICLES,
                                      PLACES, TITLES)

__all__ = ["SortedNames", "sort_names", "defined_acronyms"]

_COMPANY_SUFFIX = (r"(?:Inc|Corp|Corporation|Co|Cos|Company|Ltd|Limited|LLC|Plc|PLC|plc|AG|SA|S\.A|NV|N\.V|GmbH|BV|"
                   r"SpA|AB|ASA|Oyj|Bhd|Pty|Holdings?|Group|Bank|Bancorp|Partners|Securities|Brothers|Bros)\b")
_ORG_AFTER = re.compile(
    r"^\s*(?:" + _COMPANY_SUFFIX + r"|&\s*Co\b|(?:said|says|announced|reported|posted|added)\s+(?:it|its)\b"
    r"|(?:'s|’s)\s+(?:shares?|stock|stake|shareholders|subsidiary|unit|board|profits?|net|revenues?|sales|earnings"
    r"|chairman|chief executive|staff|employees|workers)\b"
    r"|\s*(?:shares|stock|shareholders|spokes(?:man|woman) said)\b"
    r"|\s*(?:news\s+)?agency\b|\s*(?:newspaper|daily|weekly|magazine)\b"
    r"|\s*(?:coach|striker|midfielder|goalkeeper|defender|winger|fans|supporters|squad|players)\b)"
)
_ORG_BEFORE = re.compile(
    r"(?:\b(?:shares|stock|stake|stakes|holding)\s+(?:in|of)|\b(?:analysts?|economists?|traders?|dealers?|strategists?"
    r"|brokers?)\s+(?:at|with)|\b(?:chairman|chief executive|officials?|director|executives?)\s+(?:of|at)"
    r"|\b(?:subsidiary|unit|division)\s+of|\bsigned\s+(?:for|with)|\bplay(?:s|ed)?\s+for|\bmoved\s+to"
    r"|\b(?:news\s+)?agency|\b(?:newspaper|daily|weekly|magazine|paper|club|team|side|firm|company|group|party|bank)"
    r")\s+$",
    re.IGNORECASE,
)
_WORK_BEFORE = re.compile(
    r"\b(?:film|movie|album|book|novel|song|single|play|opera|musical|series|show|programme|program|documentary"
    r"|painting|band|carrier|ship|vessel|tanker|frigate|destroyer|submarine|yacht|spacecraft|shuttle|satellite"
    r"|rocket|horse|racehorse|colt|filly|brand|drug|starred\s+in)\s+[\"“‘']?$",
    re.IGNORECASE,
)
_WORK_AFTER = re.compile(r"^(?:'s|’s)\s+(?:album|single|song|tour|concert|gig|lyrics|director|sequel)\b")
_VENUE_WORDS = frozenset("park oval stadium arena ground grounds bridge field hall centre center gardens lane "
                         "racecourse circuit course".split())
_VENUE_AFTER = re.compile(r"^\s*(?:stadium|ground|racecourse|circuit|velodrome)\b", re.IGNORECASE)
_PERSON_BEFORE = re.compile(r"\b([A-Za-z]+)\.?\s+$")
_PERSON_AFTER = re.compile(r"^(?:,\s*\d{1,3},|,\s*who\b|\s+(?:he|she)\s+said\b)")
_ACRONYM_DEF = re.compile(
    r"((?:[A-Z][\w'’&.-]*|of|for|and|the|de|du|des|la|le|del|on|in)(?:\s+(?:[A-Z][\w'’&.-]*|of|for|and|the|de|du|des"
    r"|la|le|del|on|in))*)\s+\(([A-Z][A-Z&]{1,7})\)"
)
MIN_AGENCY_WORD = 5
# What every acronym definition ends with: a text without it defines none (the full pattern
# backtracks over every capitalised run, so most texts are spared it).
_ACRONYM_END = re.compile(r"\s\([A-Z][A-Z&]{1,7}\)")
_MINOR = frozenset({"of", "for", "and", "the", "on", "in", "&"}) | PARTICLES


@dataclass(frozen=True)
class SortedNames:
    """The finder's names sorted by kind; ``dropped`` are works and venues, with the kind."""

    people: tuple[str, ...]
    organizations: tuple[str, ...]
    dropped: tuple[tuple[str, str], ...] = ()


def _occurrences(name: str, text: str) -> Iterator[tuple[int, int]]:
    """Where ``name`` stands as whole words: str.find, not a regex compiled per name (that cost
    more than the rest of the annotation)."""
    start = text.find(name)
    while start >= 0:
        end = start + len(name)
        prev = text[start - 1] if start else " "
        nxt = text[end] if end < len(text) else " "
        if not (prev.isalnum() or prev in "_'’-") and not (nxt.isalnum() or nxt in "_-"):
            yield start, end
        start = text.find(name, start + 1)


def _kind(name: str, text: str) -> str:
    words = name.split()
    votes: set[str] = set()
    if words[-1].casefold() in _VENUE_WORDS and len(words) > 1:
        votes.add("venue")
    for start, end in _occurrences(name, text):
        before = text[max(0, start - 40) : start]
        after = text[end : end + 40]
        pm = _PERSON_BEFORE.search(before)
        if pm and (pm.group(1).casefold() in HONORIFICS or pm.group(1).casefold() in TITLES) and pm.group(1).islower() is False:
            return "person"  # "Mr. X", "President X": the text calls it a person
        if _PERSON_AFTER.match(after):
            return "person"  # "X, 35,", "X, who", "X he said"
        if _ORG_AFTER.match(after) or _ORG_BEFORE.search(before):
            votes.add("organization")
        elif _WORK_BEFORE.search(before) or _WORK_AFTER.match(after):
            votes.add("work")
        elif _VENUE_AFTER.match(after):
            votes.add("venue")
    for kind in ("organization", "work", "venue"):
        if kind in votes:
            return kind
    return "person"


def defined_acronyms(text: str) -> dict[str, str]:
    """Acronyms the text defines: "Organisation of Petroleum Exporting Countries (OPEC)" gives
    {"OPEC": "Organisation of Petroleum Exporting Countries"}; the letters must be the
    initials of the capitalised words, in order."""
    out: dict[str, str] = {}
    if not _ACRONYM_END.search(text):
        return out
    for m in _ACRONYM_DEF.finditer(text):
        words = m.group(1).split()
        acronym = m.group(2).replace("&", "")
        # the longest tail of the run whose capitalised words' initials spell the acronym
        for start in range(len(words)):
            tail = words[start:]
            if tail[0].casefold() in _MINOR:
                continue
            caps = [w for w in tail if w.casefold() not in _MINOR]
            if "".join(w[0] for w in caps).upper() == acronym.upper() and len(caps) >= 2:
                out.setdefault(m.group(2), " ".join(tail))
                break
    return out


_RUN = r"((?:(?:[A-Z]\.|[A-Z][\w'’-]*)\s+){0,3}[A-Z][\w'’-]+)"
_ORG_CUE = re.compile(
    _RUN + r"(?:\s+(?:" + _COMPANY_SUFFIX.replace("Group|Bank|", "") + r"|&\s*Co\b)"
    r"|\s+(?:coach|striker|midfielder|goalkeeper|defender|winger|fans|supporters)\b)"
    r"|\b(?:[Ss]hares\s+(?:in|of)|signed\s+for)\s+" + _RUN
)


def _cold_start_orgs(text: str) -> list[str]:
    """Organisations the text names with a company suffix or a team role, whether or not the
    people finder proposed them ("Sporting Vilar coach ...", "Harlow Menzies Ltd")."""
    out: list[str] = []
    for m in _ORG_CUE.finditer(text):
        words = (m.group(1) or m.group(2)).split()
        while words and (words[0].casefold() in COMMON_WORDS or words[0].casefold() in NATIONALITIES
                         or words[0].casefold() in TITLES):
            words = words[1:]
        if not words or (len(words) == 1 and (len(words[0]) < 3 or words[0].isupper())):
            continue
        name = " ".join(words).rstrip(".")
        low = name.casefold()
        if low in PLACES or low in NATIONALITIES or low in COMMON_WORDS:
            continue  # "England coach": a national side is named after its country
        if name not in out:
            out.append(name)
    return out


def _is_agency(name: str) -> bool:
    """A news agency by a name of several words ("Prensa Latina", "Kyodo News") or one long word
    that is no given name ("Tanjug", "Interfax"); short credits ("AP", "Ana") are left alone."""
    key = name.casefold()
    if key not in AGENCY_NAMES:
        return False
    return " " in key or (len(key) >= MIN_AGENCY_WORD and key not in FIRST_NAMES)


def sort_names(names: Sequence[str], texts: Sequence[str]) -> SortedNames:
    """Sort the finder's ``names`` by what the ``texts`` (story, caption) say they are."""
    text = "\n".join(t for t in texts if t)
    acronyms = defined_acronyms(text)
    expansions = {v for v in acronyms.values()}
    people: list[str] = []
    orgs: list[str] = []
    dropped: list[tuple[str, str]] = []
    for name in names:
        if name in acronyms or name in expansions:
            kind = "organization"
        elif any(w.casefold() in ORG_WORDS for w in name.split()) or _is_agency(name):
            kind = "organization"
        else:
            kind = _kind(name, text)
        if kind == "person":
            people.append(name)
        elif kind == "organization":
            orgs.append(name)
        else:
            dropped.append((name, kind))
    for full in [*acronyms.values(), *_cold_start_orgs(text)]:
        if full not in orgs and full not in people:
            orgs.append(full)
    return SortedNames(tuple(people), tuple(orgs), tuple(dropped))
