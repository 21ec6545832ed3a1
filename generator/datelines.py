"""Recognise news datelines and wire sign-offs.

Forms read (city is what comes before the first comma, title-cased for display):
    TOKYO (Reuters) – Japan and ...          -> Tokyo, Reuters
    WASHINGTON, May 9 (Reuters) - ...        -> Washington, Reuters, "May 9"
    SAN MATEO, Calif., March 2 - ...         -> San Mateo, None, "March 2"
    SEOUL — ...  /  LONDON (AP) — ...        -> Seoul / London, AP
    BEIJING, Aug 30 (AFP) - ...              -> Beijing, AFP, "Aug 30"
    LONDON 1996-08-30   (a line of its own)  -> London, date 1996-08-30
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from generator.dates import month_number

__all__ = ["DatelineMatch", "match_dateline", "match_dateline_line", "display_city",
           "normalise_agency", "find_signoff"]

# Agency spellings (case-folded) -> display name, from lexicon/agencies.txt. Unknown agencies
# in a "CITY (Agency) -" dateline are kept as written.
AGENCIES_FILE = Path(__file__).parent / "lexicon" / "agencies.txt"


def _load_agencies(path: Path) -> dict[str, str]:
    names: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            spelling, _, display = line.partition("\t")
            names[spelling.strip().casefold()] = display.strip() or spelling.strip()
    return names


AGENCY_NAMES: dict[str, str] = _load_agencies(AGENCIES_FILE)
# Short words kept lower case inside a multi-word city ("Port of Spain", "Rio de Janeiro").
CITY_PARTICLES = frozenset({"of", "de", "da", "do", "dos", "das", "del", "la", "le", "les",
                            "el", "al", "on", "upon", "am", "an", "der", "sur", "en", "y"})

_MONTH = (r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
          r"|(?:JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|SEPT|OCT|NOV|DEC)[A-Z]*\.?")
# Capitals and small letters beyond ASCII ("SÃO PAULO", "München", "ŁÓDŹ"): Latin-1 and Latin Extended-A/B.
_UP = "".join(ch for ch in map(chr, range(0xC0, 0x250)) if ch.isupper() and ch.lower() != ch)
_LOW = "".join(ch for ch in map(chr, range(0xC0, 0x250)) if ch.islower())
_UPPER_WORD = rf"[A-Z{_UP}][A-Z{_UP}'’.\-]*[A-Z{_UP}.]|[A-Z{_UP}]"
_TITLE_WORD = rf"[A-Z{_UP}][a-z{_LOW}'’.\-]*[a-z{_LOW}.]"
_CITY_UPPER = rf"(?:{_UPPER_WORD})(?:\s+(?:{_UPPER_WORD}|(?-i:de|da|del|la|el|al|of)))" + "{0,3}"
_CITY_TITLE = rf"(?:{_TITLE_WORD})(?:\s+(?:{_TITLE_WORD}|de|da|del|la|el|al|of))" + "{0,3}"
_REGION = (r"(?:,\s*(?!(?:" + _MONTH + rf")\s+\d)[A-Z{_UP}][A-Za-z{_UP}{_LOW}.'’\-]*"
           rf"(?:\s+[A-Z{_UP}][A-Za-z{_UP}{_LOW}.'’\-]*){{0,3}})")
# Agencies are credited in any case: "(Reuters)", "(REUTERS)", "(dpa)".
_AGENCY_NAME = r"[A-Za-z][A-Za-z.&'’\- ]{0,40}?"
_AGENCY = rf"\((?P<agency>{_AGENCY_NAME})\)"
_DASH = r"(?:-{1,3}|[–—‒―]|:)"

# Dateline at the start of a paragraph: CITY[, Region][/CITY2[, Region]][, Mon D] [(Agency)] dash story...
# A title-case city counts only with an agency in brackets ("Tokyo (Reuters) -"); a known
# agency may stand alone ("(CNN) -- ").
DATELINE_RE = re.compile(
    rf"^(?P<prefix>[*•#\s]*(?:(?P<city>{_CITY_UPPER})(?P<region>{_REGION}{{0,2}})"
    rf"(?:/(?:{_CITY_UPPER})(?:{_REGION}{{0,2}}))?"
    rf"(?:,?\s+(?P<mon>{_MONTH})\s+(?P<day>\d{{1,2}}))?\s*(?:{_AGENCY})?"
    rf"|(?P<tcity>{_CITY_TITLE})(?P<tregion>{_REGION}{{0,2}})"
    rf"(?:(?:,?\s+(?P<tmon>{_MONTH})\s+(?P<tday>\d{{1,2}}))\s*(?:\((?P<tagency>{_AGENCY_NAME})\))?"
    rf"|\s*\((?P<tagency2>{_AGENCY_NAME})\))"
    rf"|\((?P<lone_agency>{_AGENCY_NAME})\))"
    rf"\s*(?P<dash>{_DASH})\s+)(?=\S)"
)
# A dateline on a line of its own with an ISO date: "LONDON 1996-08-30", "NICE, France 1996-08-30".
DATELINE_LINE_RE = re.compile(
    rf"^(?:(?P<city>{_CITY_UPPER}|{_CITY_TITLE})(?P<region>{_REGION}{{0,2}})\s+)?"
    r"(?P<y>\d{4})-(?P<mo>\d{2})-(?P<d>\d{2})\s*$"
)
# A wire sign-off closing the story: "Reuter", "REUTER", "(Reuters)", "-- Reuters", "AP".
SIGNOFF_RE = re.compile(r"^\W*(?P<agency>reuters?|ap|afp|upi)\W*$", re.IGNORECASE)
# A sign-off closing the last paragraph, perhaps followed by the caret or entity form of a
# control character that an old conversion left as text ("REUTER...^M", "REUTER &#3;").
TRAILING_SIGNOFF_RE = re.compile(r"\s(?P<agency>REUTERS?)\s*(?:\.{2,}|…)?(?:\s*(?:\^[@A-Z]|&#\d+;))*\s*$")
# Words that start a paragraph in capitals but are not places.
NOT_CITIES = frozenset({"UPDATE", "BREAKING", "EXCLUSIVE", "ANALYSIS", "FACTBOX", "WRAPUP",
                        "CORRECTED", "REFILE", "NOTE", "EDITOR", "EDITORS", "PHOTO", "VIDEO",
                        "FILE", "FILE PHOTO", "PHOTO", "PHOTOS", "WATCH", "LIVE", "OPINION", "COMMENT", "REVIEW", "Q", "A"})


@dataclass(frozen=True)
class DatelineMatch:
    city: str | None  # display form, e.g. "New York"
    agency: str | None  # display form, e.g. "Reuters"
    raw: str  # the matched prefix, e.g. "TOKYO (Reuters) – "
    month: int | None = None
    day: int | None = None
    year: int | None = None
    date_text: str | None = None  # the date as the dateline writes it, e.g. "Feb 26"


def display_city(city: str) -> str:
    """Title-case an upper-case dateline city: "NEW YORK" -> "New York", "AL-AIN" -> "Al-Ain"."""
    city = " ".join(city.split())
    if not city or city != city.upper():
        return city
    words = []
    for i, word in enumerate(city.split(" ")):
        if re.fullmatch(r"(?:[A-Z]\.)+[A-Z]?", word):  # "U.S.", "D.C." stay as written
            words.append(word)
        elif i > 0 and word.lower() in CITY_PARTICLES:
            words.append(word.lower())
        else:
            words.append(_title_word(word))
    return " ".join(words)


def _title_word(word: str) -> str:
    out = re.sub(r"[^\W\d_]+", lambda m: m.group(0).capitalize(), word.lower())
    # "N'DJAMENA" -> "N'Djamena", "O'HARE" -> "O'Hare": capital after a one-letter prefix.
    return re.sub(r"\b([A-Za-z])(['’])([a-z])", lambda m: m[1].upper() + m[2] + m[3].upper(), out)


def normalise_agency(name: str | None) -> str | None:
    if not name:
        return None
    name = " ".join(name.split()).strip(" .")
    return AGENCY_NAMES.get(name.casefold(), name) if name else None


def match_dateline(paragraph: str) -> DatelineMatch | None:
    """The dateline at the start of a story paragraph, or None."""
    m = DATELINE_RE.match(paragraph)
    if m is None:
        return None
    if m["lone_agency"]:  # "(CNN) -- ": only an agency known by name, never "(Update) -"
        name = AGENCY_NAMES.get(" ".join(m["lone_agency"].split()).casefold())
        return DatelineMatch(city=None, agency=name, raw=m["prefix"]) if name and m["dash"] != ":" else None
    city = m["city"] or m["tcity"]
    if city.strip(" .").upper() in NOT_CITIES or len(city) < 2:
        return None
    mon, day = (m["mon"], m["day"]) if m["city"] else (m["tmon"], m["tday"])
    agency = m["agency"] if m["city"] else (m["tagency"] or m["tagency2"])
    if not agency and not mon and not _plausible_bare_city(city, paragraph[m.end():]):
        return None
    if m["dash"] == ":" and (not agency or agency.strip().casefold() not in AGENCY_NAMES):
        return None  # "Ashraf Eassa (Qualcomm): ..." credits a person, not a place
    return DatelineMatch(
        city=display_city(city),
        agency=normalise_agency(agency),
        raw=m["prefix"],
        month=month_number(mon) if mon else None,
        day=int(day) if day else None,
        date_text=f"{mon} {day}" if mon else None,
    )


def _plausible_bare_city(city: str, rest: str) -> bool:
    """"SEOUL — North Korea fired ..." is a dateline; "NATO - ..." or "BREAKING: ..." less so."""
    letters = [c for c in rest if c.isalpha()]
    mostly_lower = bool(letters) and sum(c.islower() for c in letters) / len(letters) > 0.6
    return (len(city.replace(" ", "")) >= 3 and not city.endswith(":") and rest[:1].isupper()
            and len(rest.split()) >= 8 and mostly_lower)


def match_dateline_line(line: str) -> DatelineMatch | None:
    """A dateline standing alone on its line with an ISO date ("LONDON 1996-08-30")."""
    m = DATELINE_LINE_RE.match(line.strip())
    if m is None:
        return None
    city = m["city"]
    return DatelineMatch(
        city=display_city(city) if city else None,
        agency=None,
        raw=line.strip(),
        month=int(m["mo"]),
        day=int(m["d"]),
        year=int(m["y"]),
    )


def find_signoff(line: str) -> tuple[str | None, bool]:
    """(agency, whole_line) for a wire sign-off line ("Reuter") or a paragraph ending in one."""
    m = SIGNOFF_RE.match(line)
    if m:
        return normalise_agency(m["agency"]), True
    m = TRAILING_SIGNOFF_RE.search(line)
    if m:
        return normalise_agency(m["agency"]), False
    return None, False
