"""py3langid's identifier with its byte walk remembered word by word (imported on first use).

py3langid scores a text by walking its bytes through a DFA of ~10 million transitions and
counting the n-gram features the states emit: a Python loop over every byte with a random
access into a 20 MB table for each, which cost ~15% of reading a story. The walk from a given
state over a given word (and the space after it) always ends in the same state and emits the
same features in the same order, and news repeats its words: each (state, word) is walked once
per process and its outcome reused. The feature list, hence the scores, are exactly py3langid's
(same features, same order: the same floating-point sums).
"""

from __future__ import annotations

from collections import Counter

from py3langid.langid import LanguageIdentifier

__all__ = ["MemoIdentifier"]

MAX_REMEMBERED = 400_000  # (state, word) outcomes kept per process (tens of MB); then start again
_SPACE = 32


class MemoIdentifier(LanguageIdentifier):
    __slots__ = ("_walks",)

    def __init__(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        self._walks: dict[tuple[int, bytes], tuple[int, tuple[int, ...]]] = {}

    def _walk(self, state: int, chunk: bytes) -> tuple[int, list[int]]:
        """py3langid's ``visit_counts`` loop over ``chunk`` from ``state``: (end state, features)."""
        nm, rowbase, out = self.tk_nextmove, self._rowbase, self.tk_output
        features: list[int] = []
        for letter in chunk:
            state = nm[rowbase[state] + letter]
            f = out[state]
            if f >= 0:
                features.append(f)
        return state, features

    def _raw_score(self, text):  # type: ignore[no-untyped-def]
        if not isinstance(text, bytes):  # never from classify(str); kept for the base class's contract
            return super()._raw_score(text)
        walks = self._walks
        if len(walks) > MAX_REMEMBERED:
            walks.clear()
        state, indexes = 0, []
        *words, last = text.split(b" ")
        for word in words:  # each word with the space after it
            key = (state, word)
            done = walks.get(key)
            if done is None:
                end, features = self._walk(state, word + b" ")
                done = walks[key] = (end, tuple(features))
            state = done[0]
            indexes.extend(done[1])
        indexes.extend(self._walk(state, last)[1])
        if not indexes:  # no feature: the base class's answer for a featureless text
            return super()._raw_score(b"")
        return self._sparse_score(Counter(indexes), self.nb_ptc)
