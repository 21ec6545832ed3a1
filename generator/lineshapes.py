"""Tell kinds of short lines apart: photo caption, headline, byline, story paragraph.

Heuristic knowledge sits at the top as data (trafilatura style); each test is a small
function that can be tried alone. Used by `parse`; no I/O.
"""

from __future__ import annotations

import re

__all__ = ["is_caption", "is_headline", "is_byline", "is_story_like", "split_sentences",
           "headline_from_sentence"]

# Phrases that only photo captions use, in any case ("FILE PHOTO: ...", "REUTERS/Kim Hong-Ji").
CAPTION_MARKERS = re.compile(
    r"\bfile\s+(?:photo|picture|image)\b|\bin\s+this\s+(?:undated\s+)?(?:file\s+|handout\s+)?"
    r"(?:photo|picture|image|handout|screen\s*grab|still)|REUTERS/|\bAP\s+Photo\b|\bAFP\s+via\b"
    r"|\bGetty\s+Images\b|\bEPA-EFE\b|\bXinhua/|^\s*(?:photo|caption|pictured)\s*:|\bphoto\s+credit\b",
    re.IGNORECASE,
)
# Caption words that a title-case or upper-case headline would capitalise ("Inflation Poses Risk").
CAPTION_WORDS = re.compile(
    r"\b(?:photo|photograph|photographed|pictured|poses|posing|handout|illustration|screenshot)\b"
    r"|\b(?:is|are|was|were)\s+(?:seen|shown|pictured)\b|\bseen\s+(?:here|during|at\s+a)\b"
    r"|^A\s+general\s+view\s+of\b|\bcourtesy\s+of\b"
    r"|\((?:L|R|C|[LR]-[RL]|\d(?:st|nd|rd|th)\s+[LR]|centre|center|left|right|front|back)\)"
)
# Present-tense verbs a caption uses to describe what the picture shows.
CAPTION_VERBS = frozenset(
    "speaks delivers arrives attends gestures looks waves walks talks listens smiles holds stands "
    "sits leaves shakes greets reacts addresses visits celebrates answers poses reads signs "
    "enters prays watches meets inspects casts salutes applauds bows hugs kisses shouts "
    "campaigns testifies votes rides drives plays runs kicks scores jumps "
    "speak deliver arrive attend gesture look wave walk talk listen smile hold stand sit leave "
    "shake greet react visit celebrate pose gather march protest wait pray watch meet inspect "
    "shop queue rally chant".split()
)
# A caption often ends with the day the picture was taken: "... in Seoul, South Korea May 10."
CAPTION_DATE_END = re.compile(
    r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}(?:,\s*\d{4})?\s*\.\s*$"
)
BYLINE_RE = re.compile(r"^(?:by|from)\s+[A-Z][\w.'’\-]+(?:\s+[\w.'’\-]+){0,6}$", re.IGNORECASE)
NAME_WORD = re.compile(r"^(?:[A-Z][a-z'’\-]+|[A-Z]\.|Mc[A-Z][a-z]+|[A-Z][a-z]*[A-Z][a-z]+|de|van|von|bin|al)$")
SMALL_WORDS = frozenset("a an and as at but by for from in into of on or over the to up v vs with "
                        "after amid before off out per via than".split())
# Abbreviations after which a period does not end a sentence.
ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof gen col lt sgt capt gov sen rep st jr sr inc co corp ltd bros no vs "
    "jan feb mar apr jun jul aug sep sept oct nov dec u.s u.k u.n e.u a.m p.m i.e e.g etc "
    "dept mt ft sq rev hon messrs".split()
)
ATTRIBUTION = re.compile(
    r",\s+(?:[^,]{0,120}?\s)?(?:said|says|told|reported|announced|added|according\s+to)\b.*$"
)
HEADLINE_MAX_CHARS = 100
CAPTION_VERB_MIN_WORDS = 7
# Where a long lead sentence may be cut to make a title: clause ends first, then phrases.
# Headlines use the present tense: "Japan and South Korea have agreed that …" reads as
# "Japan and South Korea agree …". Participle -> present (plural) form of common news verbs.
HEADLINE_PRESENT = {
    "agreed": "agree", "announced": "announce", "approved": "approve", "arrested": "arrest",
    "banned": "ban", "called": "call", "charged": "charge", "confirmed": "confirm", "cut": "cut",
    "decided": "decide", "denied": "deny", "ended": "end", "filed": "file", "launched": "launch",
    "pledged": "pledge", "raised": "raise", "reached": "reach", "rejected": "reject",
    "signed": "sign", "urged": "urge", "voted": "vote", "vowed": "vow", "warned": "warn",
}
_THIRD_PERSON = {"deny": "denies", "reach": "reaches", "cut": "cuts"}
HEADLINE_PERFECT = re.compile(r"\b(have|has) (" + "|".join(HEADLINE_PRESENT) + r")\b( that\b)?")
CLAUSE_BOUNDARY = re.compile(r",\s|;\s|\s[-–—]{1,2}\s|\s(?=(?:who|which|after|while|as|but|amid|because|since|although)\s)")
PHRASE_BOUNDARY = re.compile(r"\s(?=(?:to|for|from|in|on|at|by|with|over|that|under|into|against|before|during)\s)")
# Words a title must not end on.
TRAILING_STOPWORDS = frozenset("a an the and or but of to for from in on at by with over that which who "
                               "his her their its our your this these those is are was were be has have had "
                               "will would can could should may might as than".split())


def _words(line: str) -> list[str]:
    return re.findall(r"[A-Za-z][A-Za-z'’\-]*", line)


def is_caption(line: str) -> bool:
    """A photo caption: a sentence describing a picture."""
    text = line.strip()
    if CAPTION_MARKERS.search(text):
        return True
    full_stop = text.rstrip("”\")").endswith(".")
    if _upper_ratio(text) > 0.8 or (_capital_ratio(text) > 0.75 and not full_stop):  # headline casing
        return False
    if CAPTION_WORDS.search(text):
        return True
    words = _words(text)
    if len(words) < 8 or not full_stop:
        return False
    if CAPTION_DATE_END.search(text):
        return True
    # A present-tense verb alone is weak evidence: short sentence-case headlines use them too.
    return len(words) >= CAPTION_VERB_MIN_WORDS and any(w in CAPTION_VERBS for w in words[1:])


def _upper_ratio(text: str) -> float:
    letters = [c for c in text if c.isalpha()]
    return sum(c.isupper() for c in letters) / len(letters) if letters else 0.0


def _capital_ratio(line: str) -> float:
    words = [w for w in _words(line) if w.lower() not in SMALL_WORDS]
    if not words:
        return 0.0
    return sum(1 for w in words if w[0].isupper()) / len(words)


def is_headline(line: str) -> bool:
    """A headline: short, usually title or upper case, usually no final period."""
    text = line.strip()
    words = text.split()
    if not words or len(words) > 25 or len(text) > 200 or is_caption(text):
        return False
    if _upper_ratio(text) > 0.8:
        return True
    if _capital_ratio(text) >= 0.6 and not re.search(r"[.!?]\s+[A-Z]", text):
        return True
    # Sentence-case headline ("Jones Medical completes acquisition."): short, one sentence.
    return len(words) <= 16 and not re.search(r"[.!?][\"”’]?\s+\S", text)


def is_byline(line: str) -> bool:
    """"By Jane Doe", "Jane Doe", "Reuters Staff" — a writer's name on its own line."""
    text = line.strip()
    if BYLINE_RE.match(text) and len(text) <= 80:
        return True
    words = text.split()
    return 2 <= len(words) <= 4 and len(text) <= 40 and all(NAME_WORD.match(w) for w in words)


def is_story_like(line: str) -> bool:
    """A real story paragraph: a long sentence (headline lists never are)."""
    words = line.split()
    if len(words) >= 25:
        return True
    return len(words) >= 12 and bool(re.search(r"[.!?:][\"”’)]*$", line.strip()))


def split_sentences(text: str) -> list[str]:
    """Split a paragraph into sentences, keeping abbreviations ("U.S.", "Mr.") together."""
    sentences, start = [], 0
    for m in re.finditer(r"[.!?…][\"”’)]*\s+(?=[\"“‘(]?[A-Z0-9])", text):
        before = text[start:m.start() + 1]
        last = before.split()[-1] if before.split() else ""
        token = last.strip("\"“‘(").rstrip(".").lower()
        if token in ABBREVIATIONS or re.fullmatch(r"[a-z]", token) or re.fullmatch(r"(?:[a-z]\.)+[a-z]", token):
            continue
        sentences.append(text[start:m.end()].strip())
        start = m.end()
    tail = text[start:].strip()
    if tail:
        sentences.append(tail)
    return sentences


def _cut_between_words(text: str, limit: int) -> str:
    """The longest run of whole words within ``limit`` that does not split a name ("North | Korea")."""
    words = text[: limit + 1].split(" ")
    following = text.split(" ")
    kept = words[:-1] if len(text) > limit else words
    while len(kept) > 4 and kept[-1][:1].isupper() and following[len(kept)][:1].isupper():
        kept.pop()
    return " ".join(kept)


def _present_tense(match: re.Match[str]) -> str:
    verb = HEADLINE_PRESENT[match.group(2)]
    if match.group(1) == "has":
        verb = _THIRD_PERSON.get(verb, verb + "s")
    return verb


def headline_from_sentence(sentence: str) -> str:
    """A short title from a lead sentence: drop the attribution, cut at a clause boundary."""
    text = HEADLINE_PERFECT.sub(_present_tense, sentence.strip().rstrip(".").strip(), count=1)
    cut = ATTRIBUTION.search(text)
    if cut and cut.start() >= 20:
        text = text[:cut.start()]
    if len(text) > HEADLINE_MAX_CHARS:
        window = text[:HEADLINE_MAX_CHARS + 1]
        end = -1
        for boundary in (CLAUSE_BOUNDARY, PHRASE_BOUNDARY):
            bounds = [m.start() for m in boundary.finditer(window) if m.start() >= 40]
            if bounds:
                end = bounds[-1]
                break
        text = text[:end] if end > 0 else _cut_between_words(text, HEADLINE_MAX_CHARS)
    words = text.strip(" ,;:-–—\"“”'‘’").split(" ")
    while len(words) > 3 and words[-1].lower().strip(",;:") in TRAILING_STOPWORDS:
        words.pop()
    text = " ".join(words).strip(" ,;:-–—\"“”'‘’")
    return text[:1].upper() + text[1:]
