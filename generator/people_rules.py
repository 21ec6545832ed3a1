"""Tokenising and per-mention rules for :mod:`generator.people` (see its docstring)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.names import KUNYA_PREFIXES, is_role_prefix, is_suffix
from generator.people_evidence import ROLE_BEFORE, is_cap, strong_after, strong_before, team_score
from generator.people_lexicon import (
    BREAK_WORDS,
    EAST_ASIAN_SURNAMES,
    ENGLISH_WORDS,
    FIRST_NAMES,
    HONORIFICS,
    MONTHS_DAYS,
    NAME_PREFIXES,
    NATIONALITIES,
    ORG_WORDS,
    PARTICLES,
    PLACES,
    PLACE_STARTS,
    PLACE_TOKENS,
    PLACE_WORDS,
    TITLES,
    WORD_SURNAMES,
)

_TOKEN_PATTERN = (
    r"(?:[^\W\d_]\.){2,}"  # acronym: U.S., U.N.
    r"|[A-Z]\."  # initial: J.
    r"|[^\W\d_]+(?:['’`][^\W\d_]+)*(?:-[^\W\d_]+(?:['’`][^\W\d_]+)*)*"  # word
    r"|\d+(?:[.,:/-]\d+)*"  # number
    r"|\S"  # any other single character
)
_TOKEN_RE = re.compile(_TOKEN_PATTERN)
_TOKEN_WS_RE = re.compile(r"(\s*)(" + _TOKEN_PATTERN + ")")  # also says what came before
_GLUED_INITIAL_RE = re.compile(r"[A-Z]\.[^\W\d_]")  # "T.O'Gorman", "A.de Silva"
_NO_GLUE: list[bool] = []  # empty: no token is glued to an initial in this text
_POSSESSIVE = ("'s", "’s", "`s")
_SENT_END = frozenset(".!?:;")
_QUOTES = frozenset("\"'“”‘’«»`")
_DASHES = frozenset("-–—")
_AMBIG_PLACE = frozenset({"hill", "park", "field", "lane", "bridge", "castle", "tower", "ford", "port", "hall", "wood"})
_PLACE_PREPS = frozenset({"in", "at", "of", "from", "near", "to", "into", "outside", "across"})
_PLACE_BEFORE = frozenset({"in", "at", "near", "from", "into", "outside", "across", "town", "city", "village",
                           "airport", "port", "province", "district", "region", "capital", "suburb", "resort"})
_CAMEL_RE = re.compile(r"^(?!Mc|Mac|O'|O’|De|Di|Da|Du|La|Le|Van|Von)[A-Z]*[a-z]*[a-z][A-Z]|^[A-Z]{2,}[a-z]")
_LIST_SEPS = frozenset({",", ";", "and", "&"})
# "Hong Kong-based", "U.S.-born": a hyphenated adjective, not a name.
_ADJ_SUFFIXES = ("-based", "-born", "-listed", "-led", "-owned", "-run", "-backed", "-controlled",
                 "-made", "-bound", "-style", "-era", "-class", "-linked", "-speaking", "-type")
_CONTRACTIONS = ("'d", "'ll", "'re", "'ve", "'m", "n't", "’d", "’ll", "’re", "’ve", "’m", "n’t")
# Plural roles ("Analysts said") and hyphenated titles ("Lieutenant-Colonel") also break.
_BREAK = BREAK_WORDS | frozenset(t + "s" for t in TITLES | NATIONALITIES) | frozenset(
    t.replace(" ", "-") for t in TITLES
)


@dataclass(frozen=True, eq=False)
class Mention:
    """One candidate name occurrence."""

    key: tuple[str, ...]  # the name's words as written, possessive removed
    block: int  # which text block (paragraph index)
    pos: int  # token index inside the block
    end: int  # token index just after the name
    strong: bool  # title/honorific/speech verb/appositive/results-line evidence
    medium: bool  # first name, initial, East Asian family name
    accept: bool  # a person in its own right (else only folded into a fuller form)


def _tokenise(text: str) -> tuple[list[str], list[bool], list[bool]]:
    """Words, possessive flags, and "glued" flags (no space before the token)."""
    if _GLUED_INITIAL_RE.search(text):
        pairs = _TOKEN_WS_RE.findall(text)
        words = [w for _, w in pairs]
        glued = [not sp for sp, _ in pairs]
    else:
        words = _TOKEN_RE.findall(text)
        glued = _NO_GLUE
    if "s" not in text or not ("'s" in text or "’s" in text or "`s" in text):
        return words, [False] * len(words), glued
    poss = [len(w) > 3 and w.endswith(_POSSESSIVE) for w in words]
    if True in poss:
        words = [w[:-2] if p else w for w, p in zip(words, poss)]
    return words, poss, glued


def _sentence_start(words: list[str], i: int) -> bool:
    j = i - 1
    while j >= 0 and (words[j] in _QUOTES or words[j] == "("):
        j -= 1
    return j < 0 or words[j] in _SENT_END or words[j] in _DASHES


def _asian(seg: list[str]) -> bool:
    if len(seg) < 2:
        return False
    if seg[0].casefold() in EAST_ASIAN_SURNAMES:
        return True
    last = seg[-1]
    k = last.find("-")
    return 0 < k < len(last) - 1 and last[k + 1].islower()


def _is_place(seg: list[str]) -> bool:
    low = [w.casefold() for w in seg]
    if " ".join(low) in PLACES:
        return True
    return all(w in PLACE_TOKENS or w in PLACE_WORDS for w in low)


def _ordinary(word: str) -> bool:
    """An ordinary English word or its plural ("hotel", "appropriations")."""
    return word in ENGLISH_WORDS or (word.endswith("s") and word[:-1] in ENGLISH_WORDS)


def _weak_ok(seg: list[str], low: list[str], lower_vocab: set[str]) -> bool:
    """A capitalised pair or triple with no evidence either way: a name unless a word of it
    is a known place or an ordinary word of this text, or all of it is ordinary English."""
    if len(low) > 3:
        return False
    if any(w in PLACE_TOKENS or w in lower_vocab for w in low):
        return False
    if any(_CAMEL_RE.search(w) for w in seg):
        return False  # "JPMorgan", "PayPal": brand spelling (but "McCague", "DeShields" pass)
    # With no first name to go on, a last word that is an ordinary English noun makes a firm,
    # team or place ("Johnson Controls", "Florida Marlins", "Tunbridge Wells"), not a person.
    last = low[-1]
    return last not in ENGLISH_WORDS and not (last.endswith("s") and last[:-1] in ENGLISH_WORDS)


def _runs(words: list[str]) -> list[list[int]]:
    """Indices of maximal runs of name-like tokens."""
    caps = [
        i for i, w in enumerate(words) if (w[0].isupper() or ("-" in w and w.startswith(NAME_PREFIXES))) and is_cap(w)
    ]
    runs: list[list[int]] = []
    cur: list[int] = []
    for i in caps:
        if cur:
            prev = cur[-1]
            if i == prev + 1:
                cur.append(i)
                continue
            if i == prev + 2:
                gap = words[prev + 1]
                if gap == "." and words[prev].casefold() in HONORIFICS:
                    cur.append(i)  # "Mr. Smith": the dot is not kept
                    continue
                if gap in PARTICLES:
                    cur.append(prev + 1)  # "Jose de Souza"
                    cur.append(i)
                    continue
            if i == prev + 3 and words[prev + 1] in PARTICLES and words[prev + 2] in PARTICLES:
                cur.extend((prev + 1, prev + 2, i))  # "Ricardo de la Cruz", "Jan van der Merwe"
                continue
            runs.append(cur)
        cur = [i]
    if cur:
        runs.append(cur)
    return runs


def _is_break(w: str, lw: str) -> bool:
    if lw in _BREAK:
        return w not in PARTICLES
    if len(w) == 1 or lw.startswith("ex-") or lw.endswith(_ADJ_SUFFIXES):
        return True  # "W D L", "ex-Yankee", "Brazilian-born"
    if "-" in lw and all(x in _BREAK for x in lw.split("-")):
        return True  # "Lieutenant-Colonel"
    return is_role_prefix(w)  # "Fly-half", "Tesla-CEO", "Pan-democrat"


def _segments(words: list[str], run: list[int]) -> list[tuple[list[int], bool]]:
    """Cut a run at break words; each segment comes with "a title/honorific came before"."""
    segs: list[tuple[list[int], bool]] = []
    cur: list[int] = []
    titled = False
    last = len(run) - 1
    while last > 0 and is_suffix(words[run[last]]):
        last -= 1  # "Martin Luther King Jr.": the surname is the last word before the suffix
    for r, i in enumerate(run):
        w = words[i]
        lw = w.casefold()
        if cur and r > last and is_suffix(w):
            cur.append(i)  # "Jr.", "III" stay with the name
            continue
        if cur and len(w) == 1 and w.isupper() and 0 < r < last and not _is_break(words[run[r + 1]], words[run[r + 1]].casefold()):
            cur.append(i)  # "George W Bush": a middle initial written without its full stop
            continue
        brk = _is_break(w, lw) and lw not in ORG_WORDS  # "Goldman Sachs Group": keep the org whole
        if brk and lw in FIRST_NAMES and lw not in MONTHS_DAYS and lw not in ROLE_BEFORE:
            # "Mark Butcher", "Christian Blanc": a first name that is also a common word.
            if not cur and r < last and not _is_break(words[run[r + 1]], words[run[r + 1]].casefold()):
                brk = False
        if brk and cur and r == last and lw not in MONTHS_DAYS and lw not in NATIONALITIES:
            first = words[cur[0]].casefold()
            if len(cur) <= 2 and first in FIRST_NAMES and first not in BREAK_WORDS:
                brk = False  # "John Major", "Peter Such": a surname that is also a word
        if brk:
            if cur:
                segs.append((cur, titled))
                cur = []
            titled = lw in ROLE_BEFORE or is_role_prefix(w)
            continue
        cur.append(i)
    if cur:
        segs.append((cur, titled))
    return segs


_LOWER_WORD_RE = re.compile(r"(?<![\w'’-])[a-z]+(?![\w'’-])")


def lower_words(texts: list[str] | tuple[str, ...]) -> set[str]:
    """The plain lower-case words of a text: a capitalised word also seen in lower case is
    an ordinary word of this article ("Trailing" / "trailing")."""
    return set(_LOWER_WORD_RE.findall("\n".join(texts)))


def mentions_in(text: str, block: int = 0, lower_vocab: set[str] | None = None) -> list[Mention]:
    """Every candidate person mention in one text block, with its evidence."""
    words, poss, glued = _tokenise(text)
    n = len(words)
    if not n:
        return []
    if lower_vocab is None:
        lower_vocab = lower_words([text])
    out: list[Mention] = []
    for run in _runs(words):
        # A possessive ends a name: split the run after it.
        segs: list[tuple[list[int], bool]] = []
        for seg_idx, titled in _segments(words, run):
            # A possessive ends a name: "Atlanta's Tom Glavine" is two segments.
            k0 = 0
            for k, i in enumerate(seg_idx[:-1]):
                if poss[i]:
                    segs.append((seg_idx[k0 : k + 1], titled))
                    k0, titled = k + 1, False
            segs.append((seg_idx[k0:], titled))
        for seg_idx, titled in segs:
            while seg_idx and words[seg_idx[0]] in PARTICLES:
                seg_idx = seg_idx[1:]
            while seg_idx and words[seg_idx[-1]] in PARTICLES:
                seg_idx = seg_idx[:-1]
            if not seg_idx:
                continue
            i0 = seg_idx[0]
            # A sentence's first word that is an ordinary word: "Trailing", "Analysts".
            if not titled and _sentence_start(words, i0):
                l0 = words[i0].casefold()
                if l0 not in FIRST_NAMES and (
                    l0 in lower_vocab or l0 in ENGLISH_WORDS or l0.endswith(("ing", "ly"))
                ):
                    seg_idx = seg_idx[1:]
                    if not seg_idx:
                        continue
                    i0 = seg_idx[0]
            seg = [words[i] for i in seg_idx]
            low = [w.casefold() for w in seg]
            k = len(low) - 1
            while k >= 0 and low[k] not in ORG_WORDS:
                k -= 1
            if 0 <= k < len(low) - 2 and low[k + 1] in FIRST_NAMES:
                # "U.S. Treasury James Baker": an organisation, then a person
                seg_idx = seg_idx[k + 1 :]
                seg, low, i0, k = seg[k + 1 :], low[k + 1 :], seg_idx[0], -1
            if k >= 0 or _is_place(seg):
                continue
            if len(seg) > 2 and low[0] not in FIRST_NAMES and low[0] not in PLACE_STARTS and low[1] in FIRST_NAMES:
                # "Exchequer Nigel Lawson": the tail of a title or an organisation
                seg_idx, seg, low, i0 = seg_idx[1:], seg[1:], low[1:], seg_idx[1]
            if low[-1].endswith(_CONTRACTIONS):
                continue
            asian = _asian(seg)
            if not asian and (
                any(w in PLACE_WORDS and not (w in _AMBIG_PLACE and low[0] in FIRST_NAMES) for w in low[1:])
                or (len(seg) > 1 and low[0] in PLACE_STARTS)
            ):
                continue
            if len(seg) == 2 and low[0] in PLACE_TOKENS and low[1][-1] == "s" and (
                low[1] in ENGLISH_WORDS or low[1][:-1] in ENGLISH_WORDS
            ):
                continue  # a team: "Houston Astros", "Florida Marlins"
            j = seg_idx[-1] + 1
            if j < n and not poss[j - 1] and (words[j] in ORG_WORDS or words[j] in PLACE_WORDS):
                continue  # "Charles de Gaulle airport", "the Smith family company"
            strong = (
                titled
                or (i0 == run[0] and strong_before(words, i0))
                or (j > run[-1] and not poss[j - 1] and strong_after(words, n, j, len(seg) > 1))
            )
            medium = len(seg) > 1 and (
                low[0] in FIRST_NAMES or low[0] in KUNYA_PREFIXES or (len(seg[0]) == 2 and seg[0][1] == ".") or asian
            )
            if not medium and team_score(words, n, i0, j):
                continue
            before = words[i0 - 1].casefold() if i0 else ""
            if before == "of" and i0 >= 2 and words[i0 - 2].casefold() in _PLACE_BEFORE:
                before = "in"  # "the town of Bou Haroun" is "in Bou Haroun"
            if not titled and before == "the" and (len(seg) == 1 or not medium or (not strong and (
                    (low[-1].endswith("s") and not low[-1].endswith("ss")) or low[-1] in ENGLISH_WORDS))):
                continue  # "The Oval", "the Carl Vinson", "the Florida Marlins", "the Golden Four"
            if len(seg) == 1:
                # A lone ordinary word is a person only as a known family name: "Secretary Baker
                # said", but not "the Regent Hotel", "the Boxer Rising", "U.S. Protectionism".
                accept = strong and low[0] not in PLACE_TOKENS and before not in _PLACE_PREPS and (
                    not _ordinary(low[0]) or low[0] in WORD_SURNAMES or low[0] in FIRST_NAMES)
            else:
                # No evidence at all, right after "in", "at" or "the town of": a place.
                accept = strong or medium or (_weak_ok(seg, low, lower_vocab) and before not in _PLACE_BEFORE)
            key = []
            for i in seg_idx:
                if key and glued and glued[i] and words[i - 1].endswith("."):
                    key[-1] += words[i]  # "T.O'Gorman", "A.de Silva"
                elif key and i + 1 < n and words[i + 1] == "." and is_suffix(words[i]) and len(words[i]) == 2:
                    key.append(words[i] + ".")  # "Jr.", "Sr." as written
                else:
                    key.append(words[i])
            out.append(Mention(tuple(key), block, i0, j, strong, medium, accept))
    return _lists(words, out)


def _lists(words: list[str], ms: list[Mention]) -> list[Mention]:
    """In a list of names ("Given, Breen, Staunton, Irwin and Quinn") where most items are
    people, the rest are people too."""
    if len(ms) < 3:
        return ms
    chains: list[list[int]] = [[0]]
    for k in range(1, len(ms)):
        gap = words[ms[k - 1].end : ms[k].pos]
        if gap and len(gap) <= 5 and gap[-1] in _LIST_SEPS and (
            len(gap) == 1 or (gap[0] == "(" and ")" in gap)
        ):
            chains[-1].append(k)
        else:
            chains.append([k])
    out = list(ms)
    for ch in chains:
        if len(ch) < 3:
            continue
        good = sum(1 for k in ch if ms[k].accept)
        if good >= 2 and good * 2 >= len(ch):
            for k in ch:
                m = ms[k]
                if not m.accept and m.key[0].casefold() not in PLACE_TOKENS:
                    out[k] = Mention(m.key, m.block, m.pos, m.end, m.strong, m.medium, True)
    return out
