"""Read the timestamp forms news pages print, and turn them into ISO 8601 strings.

Supported forms (examples):
    17:48 JST, May 10, 2022              May 10, 2022 5:48 PM ET
    Updated 10:02 a.m. EDT, Tue May 10, 2022
    2022-05-10 17:48                     2022-05-10T17:48:00+09:00
    10 May 2022                          Tuesday, May 10, 2022        May 10, 2022
    10 May 2022 17.48 BST                1996-08-30
    26-FEB-1987 15:18:59.34              (wire archives)

A time with a zone gets the zone's real UTC offset for that date (zoneinfo, so DST is right).
A time without a zone stays naive ("2022-05-10T17:48:00") unless a default zone is given.
A date alone gives "2022-05-10".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone, tzinfo
from zoneinfo import ZoneInfo

__all__ = [
    "ZONE_ABBREVIATIONS",
    "DateParseError",
    "DateResult",
    "parse_timestamp",
    "is_timestamp_line",
    "looks_like_timestamp",
    "month_number",
    "format_date",
]

# Zone abbreviation -> IANA zone (offset from the zone's rules on that date, DST included),
# or a fixed "+HH:MM" offset for names that denote one instant scale whatever the season.
# Ambiguous abbreviations follow the reading most common in English-language news:
# IST is India, CST is US Central, BST is British Summer Time.
ZONE_ABBREVIATIONS: dict[str, str] = {
    "UTC": "+00:00", "GMT": "+00:00", "Z": "+00:00", "UT": "+00:00",
    "BST": "Europe/London", "WET": "Europe/Lisbon", "WEST": "Europe/Lisbon",
    "CET": "Europe/Paris", "CEST": "Europe/Paris", "MEZ": "Europe/Berlin", "MESZ": "Europe/Berlin",
    "EET": "Europe/Athens", "EEST": "Europe/Athens", "MSK": "Europe/Moscow",
    "ET": "America/New_York", "EST": "America/New_York", "EDT": "America/New_York",
    "CT": "America/Chicago", "CST": "America/Chicago", "CDT": "America/Chicago",
    "MT": "America/Denver", "MST": "America/Denver", "MDT": "America/Denver",
    "PT": "America/Los_Angeles", "PST": "America/Los_Angeles", "PDT": "America/Los_Angeles",
    "AKST": "America/Anchorage", "AKDT": "America/Anchorage", "HST": "Pacific/Honolulu",
    "AT": "America/Halifax", "AST": "America/Halifax", "ADT": "America/Halifax",
    "JST": "Asia/Tokyo", "KST": "Asia/Seoul", "HKT": "Asia/Hong_Kong", "SGT": "Asia/Singapore",
    "IST": "Asia/Kolkata", "PKT": "Asia/Karachi", "ICT": "Asia/Bangkok", "WIB": "Asia/Jakarta",
    "PHT": "Asia/Manila", "MYT": "Asia/Kuala_Lumpur", "GST": "Asia/Dubai",
    "AEST": "Australia/Sydney", "AEDT": "Australia/Sydney", "ACST": "Australia/Adelaide",
    "ACDT": "Australia/Adelaide", "AWST": "Australia/Perth",
    "NZST": "Pacific/Auckland", "NZDT": "Pacific/Auckland",
    "SAST": "Africa/Johannesburg", "EAT": "Africa/Nairobi", "WAT": "Africa/Lagos",
    "BRT": "America/Sao_Paulo", "ART": "America/Argentina/Buenos_Aires",
}

MONTHS: dict[str, int] = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4,
    "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9,
    "sept": 9, "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12,
    "december": 12,
}
_MONTH = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
_WEEKDAY = r"(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)(?:day|sday|nesday|rsday|urday)?\.?"
_ZONE_NAMES = "|".join(sorted((re.escape(z) for z in ZONE_ABBREVIATIONS), key=len, reverse=True))

# Pieces of a timestamp line. Each is tried in turn; what is left must be filler.
ISO_RE = re.compile(
    r"(?P<y>\d{4})-(?P<mo>\d{1,2})-(?P<d>\d{1,2})"
    r"(?:[T ](?P<h>\d{1,2}):(?P<mi>\d{2})(?::(?P<s>\d{2})(?:\.\d+)?)?"
    r"\s*(?P<off>Z|[+-]\d{2}:?\d{2})?)?",
    re.IGNORECASE,
)
DATE_MDY_RE = re.compile(
    rf"(?:(?P<wd>{_WEEKDAY}),?\s+)?(?P<mon>{_MONTH})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>\d{{4}})",
    re.IGNORECASE,
)
DATE_DMY_RE = re.compile(
    rf"(?:(?P<wd>{_WEEKDAY}),?\s+)?(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<mon>{_MONTH})\.?,?\s+(?P<y>\d{{4}})",
    re.IGNORECASE,
)
TIME_RE = re.compile(
    r"(?<![\d:.])(?P<h>\d{1,2})[:.](?P<mi>\d{2})(?::(?P<s>\d{2}))?"
    r"(?:\s*(?P<ampm>[ap]\.?\s?m\.?)(?![a-z]))?"
    rf"(?:\s*\(?(?P<zone>(?-i:(?:GMT|UTC)\s*[+-]\s*\d{{1,2}}(?::?\d{{2}})?|(?:{_ZONE_NAMES})(?![A-Za-z])))\)?)?",
    re.IGNORECASE,
)
# Words allowed around the pieces of a timestamp line.
FILLER_RE = re.compile(
    r"(?:updated|last\s+updated|first\s+published|published|posted|modified|date|time|on|at|"
    rf"{_WEEKDAY}|[\s,;:|/()\-–—·•])*",
    re.IGNORECASE,
)
# A line that tries to be a timestamp: a clock time near a zone name, a year, or a month name.
TIMESTAMP_HINT_RE = re.compile(
    rf"\b\d{{1,2}}[:.]\d{{2}}\b.*\b(?:{_ZONE_NAMES}|\d{{4}}|[A-Z][a-z]+)\b"
    rf"|\b(?:{_MONTH})\b.*\b\d{{4}}\b.*\d{{1,2}}[:.]\d{{2}}",
)
# The wire-archive stamp "26-FEB-1987 15:18:59.34" (day, month abbreviation, year, clock with
# hundredths), as in the Reuters-21578 collection.
WIRE_STAMP_RE = re.compile(
    rf"(?P<d>\d{{1,2}})-(?P<mon>{_MONTH})-(?P<y>\d{{4}})\s+(?P<h>\d{{1,2}}):(?P<mi>\d{{2}})"
    r"(?::(?P<s>\d{2})(?:\.\d{1,6})?)?",
    re.IGNORECASE,
)
MAX_TIMESTAMP_LINE = 80
SEGMENT_SPLIT = re.compile(r"\s+[|·•]\s+")


class DateParseError(ValueError):
    """The text looks like a timestamp but does not give a real date."""


@dataclass(frozen=True)
class DateResult:
    iso: str  # "2022-05-10T17:48:00+09:00", "2022-05-10T17:48:00" or "2022-05-10"
    text: str  # the matched text


def month_number(name: str) -> int | None:
    return MONTHS.get(name.lower().rstrip("."))


def zone_for(abbreviation: str) -> tzinfo | None:
    """tzinfo for a zone abbreviation, an IANA name, or "GMT+9"/"UTC-05:00"."""
    name = re.sub(r"\s+", "", abbreviation).upper()
    m = re.fullmatch(r"(?:GMT|UTC)?([+-])(\d{1,2}):?(\d{2})?", name)
    if m:
        delta = timedelta(hours=int(m.group(2)), minutes=int(m.group(3) or 0))
        return timezone(-delta if m.group(1) == "-" else delta)
    target = ZONE_ABBREVIATIONS.get(name)
    if target is None:
        try:
            return ZoneInfo(abbreviation)
        except (ValueError, KeyError, OSError):
            return None
    if target.startswith(("+", "-")):
        return zone_for(target)
    return ZoneInfo(target)


def format_date(value: date | datetime) -> str:
    if isinstance(value, datetime):
        return value.isoformat(timespec="seconds")
    return value.isoformat()


def _build(y: int, mo: int, d: int, h: int | None, mi: int | None, s: int | None,
           zone: tzinfo | None) -> str:
    try:
        day = date(y, mo, d)
        if h is None:
            return format_date(day)
        moment = datetime(y, mo, d, h, mi or 0, s or 0)
    except ValueError as exc:
        raise DateParseError(str(exc)) from exc
    if zone is not None:
        moment = moment.replace(tzinfo=zone)
    return format_date(moment)


def _hour(h: str, ampm: str | None) -> int:
    hour = int(h)
    if ampm:
        pm = ampm.lower().startswith("p")
        if not 1 <= hour <= 12:
            raise DateParseError(f"hour {hour} with {ampm}")
        hour = hour % 12 + (12 if pm else 0)
    return hour


def parse_timestamp(text: str, default_zone: str | None = None) -> DateResult | None:
    """Parse a whole timestamp line; None when the line is not one.

    Raises DateParseError when the line has the shape of a timestamp but the values are
    impossible (e.g. "May 45, 2022" or "25:70 JST").
    """
    line = text.strip()
    if not line or len(line) > MAX_TIMESTAMP_LINE:
        return None
    found = _parse_whole(line, default_zone)
    if found is None and SEGMENT_SPLIT.search(line):
        # "By Jane Doe | May 10, 2022", "May 10, 2022 5:48 PM ET · 2 min read"
        for segment in SEGMENT_SPLIT.split(line):
            found = _parse_whole(segment.strip(), default_zone)
            if found is not None:
                return DateResult(found.iso, line)
    return found


def _parse_whole(line: str, default_zone: str | None) -> DateResult | None:
    if not line:
        return None
    stamp = WIRE_STAMP_RE.fullmatch(line)
    if stamp:
        mo = month_number(stamp["mon"])
        assert mo is not None
        zone = zone_for(default_zone) if default_zone else None
        return DateResult(_build(int(stamp["y"]), mo, int(stamp["d"]), int(stamp["h"]), int(stamp["mi"]),
                                 int(stamp["s"]) if stamp["s"] else None, zone), line)
    iso = ISO_RE.search(line)
    if iso and _only_filler(line, [iso.span()], allow_zone=True):
        return _from_iso(iso, line, default_zone)
    date_m = DATE_MDY_RE.search(line) or DATE_DMY_RE.search(line)
    if date_m is None:
        return None
    time_m = None
    for cand in TIME_RE.finditer(line):
        if cand.start() >= date_m.end() or cand.end() <= date_m.start():
            time_m = cand
            break
    spans = [date_m.span()] + ([time_m.span()] if time_m else [])
    if not _only_filler(line, spans):
        return None
    y, d = int(date_m["y"]), int(date_m["d"])
    mo = month_number(date_m["mon"])
    assert mo is not None
    if time_m is None:
        return DateResult(_build(y, mo, d, None, None, None, None), line)
    zone_name = time_m["zone"] or default_zone
    zone = zone_for(zone_name) if zone_name else None
    hour = _hour(time_m["h"], time_m["ampm"])
    sec = int(time_m["s"]) if time_m["s"] else None
    return DateResult(_build(y, mo, d, hour, int(time_m["mi"]), sec, zone), line)


def _from_iso(m: re.Match[str], line: str, default_zone: str | None) -> DateResult:
    y, mo, d = int(m["y"]), int(m["mo"]), int(m["d"])
    if m["h"] is None:
        return DateResult(_build(y, mo, d, None, None, None, None), line)
    zone_text = m["off"]
    rest = line[m.end():].strip(" ()")
    if zone_text is None and rest.upper() in ZONE_ABBREVIATIONS:
        zone_text = rest
    zone_text = zone_text or default_zone
    zone = zone_for("+00:00" if zone_text and zone_text.upper() == "Z" else zone_text) if zone_text else None
    sec = int(m["s"]) if m["s"] else None
    return DateResult(_build(y, mo, d, int(m["h"]), int(m["mi"]), sec, zone), line)


def _only_filler(line: str, spans: list[tuple[int, int]], allow_zone: bool = False) -> bool:
    rest, last = [], 0
    for start, end in sorted(spans):
        rest.append(line[last:start])
        last = end
    rest.append(line[last:])
    leftover = " ".join(rest)
    if allow_zone:
        leftover = re.sub(rf"\b(?:{_ZONE_NAMES})\b", " ", leftover)
    return FILLER_RE.fullmatch(leftover) is not None


def is_timestamp_line(line: str) -> bool:
    try:
        return parse_timestamp(line) is not None
    except DateParseError:
        return True


def looks_like_timestamp(line: str) -> bool:
    """True for a short line that tries to be a timestamp (used to report unparseable ones)."""
    line = line.strip()
    if not line or len(line) > MAX_TIMESTAMP_LINE or line.endswith("."):
        return False
    if len(line.split()) > 9:
        return False
    return TIMESTAMP_HINT_RE.search(line) is not None
