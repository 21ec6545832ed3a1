"""Find people's names in news text with rules and word lists only (no trained model).

Public entry point: :func:`find_people`.

How it works, per text block:
1. tokenise (words, initials "J.", acronyms "U.S.", numbers, punctuation; a trailing
   possessive "'s"/"’s" is cut off and remembered);
2. group capitalised tokens (plus initials and name particles such as "de", "van") into
   runs, then cut each run at honorifics, titles, nationalities and common words
   ("Japanese Foreign Minister Yoshimasa Hayashi" -> "Yoshimasa Hayashi", after a title);
3. drop segments that are places or organisations (gazetteer, "Bank", "Road", ...);
4. weigh the evidence that a segment is a person: strong (title or honorific before it,
   speech verb after it, an appositive ", the U.S. ambassador", "(U.S.)" in a results
   line), medium (a known first name, an initial, an East Asian family name + given name);
5. fold shorter mentions into the fullest form seen ("Hayashi" -> "Yoshimasa Hayashi").
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence

from generator.people_rules import Mention, lower_words, mentions_in

__all__ = ["find_people"]

_BYLINE_RE = re.compile(r"^\s*(?:[Bb]y\s+)?[A-Z][\w'’.-]*(?:\s+[\w'’.-]+){1,3}\s*$")


def _initials_match(short: tuple[str, ...], full: tuple[str, ...]) -> bool:
    """"P. Simmons" is a short form of "Phil Simmons" (same last name, same initials)."""
    if len(short) != len(full) or short[-1] != full[-1]:
        return False
    for s, f in zip(short[:-1], full[:-1]):
        if s.endswith(".") and len(s) == 2:
            if not f.startswith(s[0]):
                return False
        elif s != f:
            return False
    return True


def _folds_into(short: tuple[str, ...], full: tuple[str, ...]) -> bool:
    if len(short) >= len(full):
        return len(short) == len(full) and short != full and _initials_match(short, full)
    fs = set(full)
    return all(t in fs for t in short) or _initials_match(short, full[-len(short):]) and short[-1] == full[-1]


def _fullest(key: tuple[str, ...], by_last: dict[str, list[tuple[str, ...]]]) -> tuple[str, ...] | None:
    """The longest accepted full form that ``key`` is a part of, or None."""
    best = None
    cands = by_last.get(key[-1], ()) if len(key) > 1 else by_last.get(key[0], ())
    for f in cands:
        if f != key and _folds_into(key, f) and (best is None or len(f) > len(best)):
            best = f
    return best


def find_people(paragraphs: Sequence[str], *, extra_text: Sequence[str] = ()) -> list[str]:
    """The distinct people named in ``paragraphs``, each under its fullest form, in order
    of first appearance. ``extra_text`` (caption, title, byline) may supply fuller forms of
    those people; it adds a person of its own only as a full name with strong evidence (a
    title, honorific or speech verb, or a block that is just a byline name) that shares no
    word with a person already found (so "Yoon Suk-Yeol" in a caption does not double the
    story's "Yoon Seok-yeol")."""
    # "O&#39;Brien" in a scraped page is O'Brien: entities left in the text are decoded first.
    paragraphs = [html.unescape(p) if "&" in p else p for p in paragraphs]
    extra_text = [html.unescape(t) if t and "&" in t else t for t in extra_text]
    vocab = lower_words(list(paragraphs))
    body: list[Mention] = []
    for i, text in enumerate(paragraphs):
        body.extend(mentions_in(text, block=i, lower_vocab=vocab))
    extra: list[Mention] = []
    for j, text in enumerate(extra_text):
        if text and not text.isupper():
            ms = mentions_in(text, block=len(paragraphs) + j, lower_vocab=vocab)
            if len(ms) == 1 and _BYLINE_RE.match(text) and len(ms[0].key) > 1 and (ms[0].accept or ms[0].medium):
                m = ms[0]  # a byline: the block is just a name ("By Jane Smith")
                ms = [Mention(m.key, m.block, m.pos, m.end, True, m.medium, True)]
            extra.extend(ms)

    # Which keys are people in their own right.
    accepted: dict[tuple[str, ...], Mention] = {}
    for m in body:
        if m.accept and m.key not in accepted:
            accepted[m.key] = m
    fulls = [k for k in accepted if len(k) > 1]
    # Fuller forms from the extra text ("Hayashi said" in the story, full name in a caption).
    for m in extra:
        if len(m.key) > 1 and (m.accept or m.medium) and any(_folds_into(k, m.key) for k in accepted):
            fulls.append(m.key)
    # Extra-text people of their own: strong evidence, sharing no word with a known one.
    known_words = {t for k in list(accepted) + fulls for t in k}
    extra_new: list[Mention] = []
    for m in extra:
        if m.accept and m.strong and len(m.key) > 1 and not (set(m.key) & known_words):
            extra_new.append(m)
            known_words.update(m.key)
            fulls.append(m.key)

    by_word: dict[str, list[tuple[str, ...]]] = {}
    for f in fulls:
        for t in set(f):
            by_word.setdefault(t, []).append(f)
    out: list[str] = []
    seen: set[tuple[str, ...]] = set()
    cache: dict[tuple[str, ...], tuple[str, ...] | None] = {}
    for m in body + extra_new:
        key = m.key
        if key in cache:
            target = cache[key]
        else:
            target = cache[key] = _fullest(key, by_word)
        if target is None:
            if key not in accepted and m not in extra_new:
                continue
            target = key
        if target in seen:
            continue
        seen.add(target)
        out.append(" ".join(target))
    return out
