"""Regenerate ``word_surnames.txt`` from the US Census 1990 surname file (a tool; the build never runs it).

    pip install names==0.3.0          # ships the census file dist.all.last; not a runtime dependency
    python generator/lexicon/make_word_surnames.py > generator/lexicon/word_surnames.txt

Keeps the 10,000 most common census surnames that are also ordinary English words, as
``english_words.txt`` has them (or with a final "s" after one): the family names a lone
capitalised ordinary word may be ("Secretary Baker said").
"""

from __future__ import annotations

import sys
from pathlib import Path

TOP = 10_000
HEADER = """\
# Family names that are also ordinary English words ("Baker", "Rice", "Young", "Bush"): the
# 10,000 most common surnames of the US Census 1990 name files (`dist.all.last`, public domain;
# as shipped in the PyPI package `names` 0.3.0) that are in english_words.txt (or its word + "s").
# A lone capitalised word after a title or before "said" is a person only if it is not an
# ordinary English word, or is one of these: "Secretary Baker said" names a person, "the Regent
# Hotel" and "the Boxer Rising" do not.
# To regenerate: python generator/lexicon/make_word_surnames.py > generator/lexicon/word_surnames.txt
# (with `pip install names==0.3.0`).
"""


def main() -> str:
    import names  # the census files ship inside this package

    census = Path(names.__file__).with_name("dist.all.last")
    here = Path(__file__).parent
    english = {line.strip() for line in (here / "english_words.txt").read_text(encoding="utf-8").splitlines()
               if line.strip() and not line.startswith("#")}
    kept = set()
    for line in census.read_text(encoding="ascii").splitlines():
        name, _share, _cumulative, rank = line.split()
        word = name.lower()
        if int(rank) <= TOP and (word in english or (word.endswith("s") and word[:-1] in english)):
            kept.add(word)
    return HEADER + "".join(f"{word}\n" for word in sorted(kept))


if __name__ == "__main__":
    sys.stdout.write(main())
