"""The wire agency belongs to the dateline, not to the story's organisations.

"TOKYO (Reuters) –" and the closing "Reuter" credit the agency that filed the story; they do
not make Reuters a subject of it. The agency is tagged as an organisation only when the story
is about it: its headline names it, or the story names it at least ``SUBJECT_MENTIONS`` times
besides the credit ("Reuters Holdings said its profit ..." twice). The agency as the reporter's
conduit ("told Reuters", "a Reuters survey") does not count.
"""

from __future__ import annotations

import re

from generator.datelines import AGENCY_NAMES, TRAILING_SIGNOFF_RE
from generator.models import Article

__all__ = ["SUBJECT_MENTIONS", "is_about_agency", "agency_spellings"]

SUBJECT_MENTIONS = 2
CONDUIT_BEFORE = r"told|tell|telling|tells|to|with|by|according\s+to"
CONDUIT_AFTER = (r"reported|reports|survey|surveys|poll|polls|correspondents?|reporters?|calculations?|"
                 r"interview|estimates?|tally|count|photographer|witness|witnesses|has\s+learned|learned")


def agency_spellings(agency: str) -> tuple[str, ...]:
    """Every way the text may write ``agency``: "Reuters" -> ("reuters", "reuter")."""
    display = AGENCY_NAMES.get(agency.casefold(), agency)
    spellings = {agency.casefold(), display.casefold()}
    spellings |= {spelling for spelling, name in AGENCY_NAMES.items() if name == display}
    return tuple(sorted(spellings, key=len, reverse=True))


def _mentions(text: str, pattern: re.Pattern[str]) -> int:
    return len(pattern.findall(text))


def is_about_agency(article: Article, agency: str) -> bool:
    """True when the story itself is about ``agency`` (the dateline's credit does not count)."""
    words = "|".join(re.escape(s) for s in agency_spellings(agency))
    pattern = re.compile(rf"(?<![\w-])(?:{words})(?![\w-])", re.IGNORECASE)
    if _mentions(article.title, pattern):
        return True
    # The agency as the reporter's conduit ("told Reuters", "a Reuters poll") is no subject either.
    conduit = re.compile(rf"\b(?:{CONDUIT_BEFORE})\s+(?:{words})(?![\w-])|(?<![\w-])(?:{words})\s+(?:{CONDUIT_AFTER})\b",
                         re.IGNORECASE)
    paragraphs = list(article.paragraphs)
    count = 0
    for i, paragraph in enumerate(paragraphs):
        if i == 0:
            paragraph = re.sub(rf"\(\s*(?:{words})\s*\)", " ", paragraph, count=1, flags=re.IGNORECASE)
        if i >= len(paragraphs) - 3:
            paragraph = TRAILING_SIGNOFF_RE.sub(" ", paragraph)  # "... last sentence. REUTER"
        count += _mentions(conduit.sub(" ", paragraph), pattern)
    return count >= SUBJECT_MENTIONS
