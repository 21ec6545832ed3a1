"""Names that look like one: "Yoon Suk-yeol" ~ "Yoon Seok-yeol".

Two tests, either one is enough:
- the names are close letter for letter (rapidfuzz ``token_sort_ratio`` >= ``RATIO``, word order ignored);
- the names have the same *consonant skeleton* word by word (first letter kept, later vowels dropped,
  doubled letters collapsed), which catches romanization variants such as Suk/Seok, Jung/Joong.
Generational suffixes keep a father and son apart ("Donald Trump" / "Donald Trump Jr.").
Used by ``check`` (registry entries that look alike: a warning) and ``suggest`` (a found name that
looks like a registry entry: probably a missing alias).
"""

from __future__ import annotations

from typing import Hashable, Iterable, Sequence

from rapidfuzz import fuzz, process

from generator.registry import name_tokens

RATIO = 90.0  # token_sort_ratio at or above this: alike ("Austria"/"Australia" is 87.5, "Kim Jong-un"/"Kim Jong-il" 72.7)
MIN_SKELETON = 5  # skeletons shorter than this ("rn" for Iran/Oran) prove nothing
CLOSEST_CUTOFF = 75.0  # WRatio cut-off for "did you mean" suggestions
_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
_VOWELS = frozenset("aeiouy")


def comparable(name: str) -> str:
    return " ".join(name_tokens(name))


def skeleton(name: str) -> str:
    words = []
    for token in name_tokens(name):
        kept = token[0] + "".join(ch for ch in token[1:] if ch not in _VOWELS)
        collapsed = "".join(ch for i, ch in enumerate(kept) if i == 0 or ch != kept[i - 1])
        words.append(collapsed)
    return " ".join(words)


def looks_alike(a: str, b: str) -> bool:
    ta, tb = name_tokens(a), name_tokens(b)
    if not ta or not tb:
        return False
    if ta == tb:
        return True
    if _SUFFIXES.intersection(ta) != _SUFFIXES.intersection(tb):
        return False
    if fuzz.token_sort_ratio(" ".join(ta), " ".join(tb)) >= RATIO:
        return True
    sa, sb = skeleton(a), skeleton(b)
    return len(ta) == len(tb) and sa == sb and len(sa.replace(" ", "")) >= MIN_SKELETON


def alike_pairs(spellings: Sequence[tuple[Hashable, str]]) -> list[tuple[int, int]]:
    """Index pairs (i < j) of spellings that look alike and belong to different owners.

    ``spellings`` is (owner, spelling): spellings of one registry entry never pair with each other.
    Candidates come from rapidfuzz's C loop and a skeleton index, so thousands of names stay fast.
    """
    texts = [comparable(s) for _, s in spellings]
    candidates: set[tuple[int, int]] = set()
    for i, text in enumerate(texts):
        if not text:
            continue
        for _, _score, j in process.extract(
            text, texts, scorer=fuzz.token_sort_ratio, score_cutoff=RATIO, limit=None
        ):
            if j != i:
                candidates.add((min(i, j), max(i, j)))
    by_skeleton: dict[str, list[int]] = {}
    for i, (_, s) in enumerate(spellings):
        by_skeleton.setdefault(skeleton(s), []).append(i)
    for group in by_skeleton.values():
        for x, i in enumerate(group):
            for j in group[x + 1:]:
                candidates.add((i, j))
    return sorted(
        (i, j)
        for i, j in candidates
        if spellings[i][0] != spellings[j][0] and looks_alike(spellings[i][1], spellings[j][1])
    )


def closest_names(name: str, spellings: dict[str, str], limit: int = 3) -> list[str]:
    """Canonical names whose spelling (canonical or alias, keys of ``spellings``) is closest to ``name``."""
    if not spellings:
        return []
    found = process.extract(
        comparable(name), {s: comparable(s) for s in spellings},
        scorer=fuzz.WRatio, score_cutoff=CLOSEST_CUTOFF, limit=limit * 3,
    )
    out: list[str] = []
    for _match, _score, key in found:
        canonical = spellings[key]
        if canonical not in out:
            out.append(canonical)
    return out[:limit]


def alike_in(name: str, spellings: Iterable[tuple[str, str]]) -> list[str]:
    """Canonical names (second of each pair) of spellings that look like ``name``, without repeats."""
    out: list[str] = []
    for spelling, canonical in spellings:
        if canonical not in out and looks_alike(name, spelling):
            out.append(canonical)
    return out
