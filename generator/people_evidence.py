"""Evidence that a capitalised segment is a person, read from the words around it.

Part of the cold-start people finder (see :mod:`generator.people`).
"""

from __future__ import annotations

from generator.people_lexicon import (
    HONORIFICS,
    NAME_PREFIXES,
    NATIONALITIES,
    PLACE_TOKENS,
    SPEECH_VERBS,
    TITLES,
)

ROLE_BEFORE = TITLES | HONORIFICS
_APPOS_START = frozenset({"the", "a", "an", "his", "her", "its", "their", "former", "who", "whose"})
_MINUTE_WORDS = frozenset({"st", "nd", "rd", "th", "pen", "penalty", "min", "minute", "og", ",", "+", "-"})


def is_cap(w: str) -> bool:
    c = w[0]
    if c.isupper():
        if len(w) > 1 and w.isupper() and not (len(w) == 2 and w[1] == "."):
            return False  # acronym or shouted word: "NATO", "U.S."
        return True
    return w.startswith(NAME_PREFIXES) and len(w) > 4 and w[w.index("-") + 1].isupper()


def strong_after(words: list[str], n: int, j: int, multi: bool) -> bool:
    """Evidence right after the segment ending before token j."""
    if j >= n:
        return False
    w = words[j]
    lw = w.casefold()
    if lw in SPEECH_VERBS:
        # "Comelf said it would...": a company speaks of itself as "it".
        return not (j + 1 < n and words[j + 1].casefold() in ("it", "its", "they", "their"))
    if w == "(":
        # Results lines: "Sampras (U.S.)", "Novak (Czech Republic)", "Contra (31st)".
        k = j + 1
        inner: list[str] = []
        while k < n and k < j + 5 and words[k] != ")":
            inner.append(words[k])
            k += 1
        if not inner or k >= n or words[k] != ")":
            return False
        if k + 2 < n and words[k + 1].isdigit() and words[k + 2][0].isupper():
            return False  # a score line: "Alba (Germany) 75 Red Star (Yugoslavia) 70" names teams
        if inner[0][0].isdigit():
            return all(x[0].isdigit() or x.casefold() in _MINUTE_WORDS for x in inner)
        if len(inner) == 1 and len(inner[0]) >= 3 and inner[0].isupper() and inner[0][-1] == words[j - 1][0]:
            return False  # an organisation's acronym: "League for Democracy (NLD)"
        return all(
            (x.isupper() and (2 <= len(x) <= 3 or "." in x)) or x.casefold() in PLACE_TOKENS or x.casefold() in NATIONALITIES
            for x in inner
        )
    if w == "," and j + 1 < n:
        w1 = words[j + 1].casefold()
        if w1.isdigit() and j + 2 < n and words[j + 2] in ",)":
            return True  # age: "Smith, 35,"
        if w1 in ("who", "whose"):
            return multi  # a team is a "who" too: "rivals Leicestershire, who beat..."
        if w1 in _APPOS_START or w1 in NATIONALITIES:
            for k in range(j + 1, min(n, j + 8)):
                wk = words[k]
                if wk in ",.;:()":
                    break
                if wk.casefold() in TITLES:
                    return True
    return False


def strong_before(words: list[str], i: int) -> bool:
    """Evidence right before token i (start of a run)."""
    if i == 0:
        return False
    w = words[i - 1]
    lw = w.casefold()
    if w == "." and i >= 2:
        lw = words[i - 2].casefold()
        return lw in HONORIFICS
    if lw in ROLE_BEFORE and not is_cap(w):
        return True
    if lw == "to" and i >= 2 and words[i - 2].casefold() == "according":
        return True
    if w == "," and i >= 3:
        # "the U.S. ambassador to the United Nations, Madeleine Albright,"
        for k in range(i - 2, max(-1, i - 8), -1):
            wk = words[k]
            if wk in ",.;:()\"“”":
                break
            if wk.casefold() in TITLES and not is_cap(wk):
                return k > 0 and words[k - 1].casefold() in ("the", "a", "an", "his", "her", "its")
    return False


def team_score(words: list[str], n: int, i0: int, j: int) -> bool:
    """"Leyton Orient 2 Hartlepool 1", "Puchon 3 1 0 6": a team in a results line."""
    if j + 1 > n or j >= n or not words[j].isdigit():
        return False
    before_ok = i0 == 0 or words[i0 - 1].isdigit()
    after = words[j + 1] if j + 1 < n else ""
    return before_ok and (not after or after.isdigit() or after[0].isupper() or after == "(")
