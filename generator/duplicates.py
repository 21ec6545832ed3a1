"""One page per story: seeds that tell the same story are folded into one page.

Two seeds are the same story when their story texts share at least ``SAME_STORY`` of their word
shingles (``SHINGLE`` words in a row, case, accents and punctuation ignored): the same wire story
scraped from two sites, saved again with another headline, junk or encoding. A story that was
updated (a paragraph added) is folded too: the shorter one's shingles are, to ``SAME_STORY``,
inside the longer one's. The page keeps the longest text and lists the others under
``duplicates:``.

Similarity is estimated with MinHash signatures (datasketch 2.0.0) and candidates come from LSH
banding, so grouping 10,000 stories costs well under a second; signatures are cached by the
build, so an unchanged seed is never read again to be compared.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass, field
from pathlib import Path

from generator.cache_files import load_pickle, save_pickle
from generator.config import ProjectPaths
from generator.datelines import match_dateline
from generator.merge import body_digest
from generator.page_reader import read_page
from generator.state import read_record, state_path
from generator.models import Article
from generator.registry import name_tokens

__all__ = ["SAME_STORY", "StorySignature", "StoryStore", "signature", "same_story", "group_stories", "retire_page"]

SHINGLE = 4
NUM_PERM = 128
SAME_STORY = 0.9
# LSH finds pairs from this estimated Jaccard up: low enough for an updated story whose shorter
# version is only part of the longer one (containment 0.9, Jaccard down to ~0.5).
CANDIDATE_THRESHOLD = 0.45
# The shorter text of an update must be at least this share of the longer one: a one-paragraph
# brief quoted inside a long feature is not the same story.
MIN_LENGTH_RATIO = 0.5
_SEED = 1
_SCHEME = "affine32"  # datasketch 2.0.0 default, named: stored signatures must keep meaning the same


@dataclass(frozen=True)
class StorySignature:
    hashvalues: bytes  # NUM_PERM uint64 MinHash values
    shingles: int  # how many distinct shingles the story has
    words: int  # story length in words: the longest text of a group is kept

    def values(self) -> memoryview:
        return memoryview(self.hashvalues).cast("Q")


def story_words(article: Article) -> list[str]:
    """The story's words, folded; the dateline ("LONDON (Reuters) -") is not part of the story."""
    paragraphs = list(article.paragraphs)
    if paragraphs:
        found = match_dateline(paragraphs[0])
        if found is not None:
            paragraphs[0] = paragraphs[0][len(found.raw):]
    return [word for paragraph in paragraphs for word in name_tokens(paragraph)]


_EMPTY = None


def _empty_minhash():  # -> datasketch.MinHash, imported here: a no-op rebuild never needs it
    """One empty MinHash per process: copying it skips drawing the permutations again. CRC-32
    hashes the shingles: stable across processes and runs (signatures are cached), and in C."""
    global _EMPTY
    if _EMPTY is None:
        from datasketch import MinHash

        _EMPTY = MinHash(num_perm=NUM_PERM, seed=_SEED, scheme=_SCHEME, hashfunc=zlib.crc32)
    return _EMPTY


def preload() -> None:
    """Import datasketch (and the scipy it pulls in: a second) once, before the build forks readers."""
    _empty_minhash()


def signature(article: Article) -> StorySignature:
    words = story_words(article)
    if len(words) < SHINGLE:  # a story shorter than a shingle is one shingle (none if empty)
        shingles = {" ".join(words)} - {""}
    else:  # every run of SHINGLE words, zipped in C rather than sliced in a loop
        shingles = set(map(" ".join, zip(*(words[k:] for k in range(SHINGLE)))))
    minhash = _empty_minhash().copy()
    minhash.update_batch(list(map(str.encode, shingles)))  # UTF-8
    return StorySignature(minhash.hashvalues.astype("uint64").tobytes(), len(shingles), len(words))


def jaccard(a: StorySignature, b: StorySignature) -> float:
    return sum(x == y for x, y in zip(a.values(), b.values())) / NUM_PERM


def same_story(a: StorySignature, b: StorySignature) -> bool:
    """Near-identical texts, or the shorter one (nearly) contained in the longer one."""
    if not a.shingles or not b.shingles:
        return False
    j = jaccard(a, b)
    if j >= SAME_STORY:
        return True
    small, large = sorted((a.shingles, b.shingles))
    if small < MIN_LENGTH_RATIO * large:
        return False
    shared = j * (a.shingles + b.shingles) / (1 + j)  # |A ∩ B| from the Jaccard and the set sizes
    return shared / small >= SAME_STORY


def _bands() -> tuple[int, int]:
    """(bands, rows per band) that datasketch's LSH picks for CANDIDATE_THRESHOLD."""
    from datasketch import MinHashLSH

    lsh = MinHashLSH(threshold=CANDIDATE_THRESHOLD, num_perm=NUM_PERM)
    return lsh.b, lsh.r


_BANDS: tuple[int, int] | None = None


def group_stories(signatures: list[tuple[str, str, StorySignature]]) -> dict[str, list[str]]:
    """Seeds in order, each (seed, text digest, signature) -> {kept seed: [every seed of its group]}.

    A seed joins the group of the first earlier seed that tells the same story; the group's kept
    seed is its longest text (the first of equals). Same text digest: same story, always.
    Candidates come from LSH banding (the bands datasketch's MinHashLSH would use), kept here
    as plain dictionaries of band bytes: 10,000 stories group in a fraction of a second.
    """
    global _BANDS
    _BANDS = _BANDS or _bands()
    bands, rows = _BANDS
    buckets: list[dict[bytes, list[str]]] = [{} for _ in range(bands)]
    group_of: dict[str, str] = {}  # seed -> the first seed of its group
    by_text: dict[str, str] = {}
    order = {seed: i for i, (seed, _, _) in enumerate(signatures)}
    by_seed = {seed: sig for seed, _, sig in signatures}
    width = rows * 8  # bytes of one band (uint64 values)
    for seed, text_sha, sig in signatures:
        first = by_text.get(text_sha)
        if first is None and sig.shingles:
            keys = [sig.hashvalues[b * width:(b + 1) * width] for b in range(bands)]
            candidates = {c for b, key in enumerate(keys) for c in buckets[b].get(key, ())}
            matches = [c for c in candidates if same_story(sig, by_seed[c])]
            if matches:
                first = group_of[min(matches, key=order.__getitem__)]
            for b, key in enumerate(keys):
                buckets[b].setdefault(key, []).append(seed)
        group_of[seed] = first or seed
        by_text.setdefault(text_sha, seed)
    groups: dict[str, list[str]] = {}
    for seed, _, _ in signatures:
        groups.setdefault(group_of[seed], []).append(seed)
    kept: dict[str, list[str]] = {}
    for members in groups.values():
        keeper = max(members, key=lambda s: (by_seed[s].words, -order[s]))
        kept[keeper] = members
    return kept




@dataclass
class StoryStore:
    """The build's memory of every seed's signature and of the groups it wrote, in the speed
    cache (``.cache/generator/stories.pickle``): losing it costs a re-read, nothing else."""

    fingerprint: str = ""
    signatures: dict[str, tuple[str, StorySignature]] = field(default_factory=dict)  # seed -> (text digest, signature)
    groups: dict[str, list[str]] = field(default_factory=dict)  # kept seed -> every seed of its group

    @classmethod
    def load(cls, path: Path, fingerprint: str) -> "StoryStore":
        store = load_pickle(path)
        if not isinstance(store, cls) or store.fingerprint != fingerprint:
            return cls(fingerprint)
        return store

    def save(self, path: Path) -> None:
        save_pickle(path, self)

    def has(self, seed: str, text_sha: str) -> bool:
        known = self.signatures.get(seed)
        return known is not None and known[0] == text_sha


def _unedited(paths: ProjectPaths, page: Path) -> bool:
    """True when the page on disk is exactly what the build last wrote (no person touched it)."""
    record = read_record(paths, page)
    state = record.committed if record is not None and record.pending is None else None
    try:
        reading = read_page(page.read_bytes())
    except OSError:
        return False
    if state is None or not reading.understood or not isinstance(reading.data, dict):
        return False
    return reading.data == state.machine and body_digest(reading.body) == state.body_sha256


def retire_page(paths: ProjectPaths, page: Path, seed: str, kept: str) -> list[str]:
    """The page of a seed now folded into another's: removed when nobody edited it, else kept and reported."""
    if not page.exists():
        return []
    if not _unedited(paths, page):
        return [f"{seed}: same story as {kept}, but its page {page.relative_to(paths.root).as_posix()} has human edits; "
                "it was kept: move the edits to the kept page and delete it"]
    page.unlink()
    state_path(paths, page).unlink(missing_ok=True)
    return []
