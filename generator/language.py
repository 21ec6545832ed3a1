"""Which language an article is written in (py3langid, a small offline n-gram classifier).

The detector's model loads once per process, on first use (about a second), so commands that
never look at a language never pay for it. Text too short to tell is `None` rather than a guess.
"""

from __future__ import annotations

import re
from functools import lru_cache

__all__ = ["detect_language", "normalise_language", "preload", "PEOPLE_FINDER_LANGUAGES"]

# Languages the capitalisation-based people finder was built for: in German every noun is
# capitalised, and Japanese, Chinese or Arabic have no capitals, so there it only guesses.
PEOPLE_FINDER_LANGUAGES = frozenset({"en"})
MIN_LETTERS = 40  # fewer letters than this: the n-gram statistics say nothing reliable
SAMPLE_CHARS = 1500  # the start of a story (~250 words) is plenty for n-gram statistics, and fast
MIN_CONFIDENCE = 0.5
_TAG = re.compile(r"^([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]+)*$")


@lru_cache(maxsize=1)
def _identifier():  # type: ignore[no-untyped-def]
    from py3langid.langid import MODEL_FILE

    from generator.langid_memo import MemoIdentifier  # py3langid's, its byte walk remembered per word

    return MemoIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def preload() -> None:
    """Load the model now: before the build forks its readers, so they share one copy in memory
    (and in the CPU cache) instead of each decompressing its own."""
    _identifier()


def _has_letters(text: str, count: int) -> bool:
    """At least ``count`` letters in ``text`` (stops as soon as it has seen them)."""
    for ch in text:
        if ch.isalpha():
            count -= 1
            if count <= 0:
                return True
    return False


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language ("en", "de", "ja"), or None when unsure."""
    sample = text[:SAMPLE_CHARS]
    if not _has_letters(sample, MIN_LETTERS):
        return None
    code, confidence = _identifier().classify(sample)
    return str(code) if confidence >= MIN_CONFIDENCE else None


def normalise_language(tag: str | None) -> str | None:
    """A page's language tag ("en-US", "pt_BR", "DE") -> its primary subtag ("en", "pt", "de")."""
    if not tag:
        return None
    m = _TAG.match(tag.strip())
    return m.group(1).lower() if m else None
