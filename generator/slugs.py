"""Stable, ASCII, path-safe slugs for article files and term pages."""

from __future__ import annotations

import re
import unicodedata

_NON_ALNUM = re.compile(r"[^a-z0-9]+")
# Letters that NFKD does not decompose into ASCII but that news names use.
_TRANSLITERATE = str.maketrans(
    {"ß": "ss", "æ": "ae", "Æ": "ae", "ø": "o", "Ø": "o", "đ": "d", "Đ": "d", "ł": "l", "Ł": "l",
     "þ": "th", "Þ": "th", "ı": "i", "œ": "oe", "Œ": "oe", "’": "", "'": "",
     # Dashes separate words ("Japan–South Korea"): NFKD would drop them and glue the words.
     "‐": "-", "‑": "-", "‒": "-", "–": "-", "—": "-", "―": "-"}
)


def slugify(text: str, max_length: int = 80) -> str:
    """Lower-case ASCII words joined by hyphens: "Yoon Suk-yeol" -> "yoon-suk-yeol".

    Apostrophes vanish rather than split words ("Kishida’s" -> "kishidas"), and the
    result is cut at a word boundary so long headlines give readable file names.
    Returns "" when nothing ASCII is left (callers supply a fallback).
    """
    text = unicodedata.normalize("NFKD", text.translate(_TRANSLITERATE))
    text = text.encode("ascii", "ignore").decode("ascii").lower()
    slug = _NON_ALNUM.sub("-", text).strip("-")
    if len(slug) > max_length:
        slug = slug[:max_length].rsplit("-", 1)[0] or slug[:max_length]
    return slug
