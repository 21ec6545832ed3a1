"""RawDocument + profiles -> Article. No registry, no filesystem.

Layout of a saved news page, top to bottom (every part optional except the story):
    headline / photo caption / byline / timestamp line / dateline line   <- the header
    story paragraphs (the first often starts with a dateline "TOKYO (Reuters) – ")
    site junk: lists of other headlines, share buttons, copyright          <- removed

Each field is filled by a cascade, strongest source first:
    date      timestamp line in the header > ISO dateline line ("LONDON 1996-08-30")
              > timestamp line anywhere > None ("no date found")
    dateline  dateline at the start of the lead > dateline line in the header
    agency    agency in the dateline > wire sign-off ("Reuter") > the profile's agency
    title     headline line > a clause made from the lead sentence
    summary   the first sentence of the lead (two when the first is short), dateline removed
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Sequence

from generator.datelines import DatelineMatch, find_signoff, match_dateline, match_dateline_line
from generator.dates import DateParseError, looks_like_timestamp, parse_timestamp
from generator.defaults import FolderDefaults
from generator.language import detect_language
from generator.lineshapes import (CAPTION_MARKERS, headline_from_sentence, is_byline, is_caption, is_headline,
                                  is_story_like, split_sentences)
from generator.models import Article, Dateline, RawDocument
from generator.profiles import Profile, choose_profile, generic_profile
from generator.wire import decode_entities, unwrap

__all__ = ["parse_document", "summarize"]

HEADER_SCAN = 8  # the header (headline, caption, timestamp, byline) sits in the first lines
SUMMARY_MIN_CHARS = 90  # a first sentence shorter than this gets the second one added
SUMMARY_MAX_CHARS = 400
WRAP_MIN, WRAP_MAX = 50, 100  # line lengths of a hard-wrapped text block


@dataclass
class _Header:
    title: str | None = None
    caption: str | None = None
    date: str | None = None
    bad_dates: list[str] = field(default_factory=list)
    dateline_line: DatelineMatch | None = None
    end: int = 0  # index of the first story line


def parse_document(raw: RawDocument, profiles: Sequence[Profile], defaults: FolderDefaults | None = None) -> Article:
    """``defaults``: what the seed's folder says (``_defaults.yml``) where the file is silent."""
    defaults = defaults or FolderDefaults()
    if raw.is_html:
        from generator.html_reader import parse_html

        return parse_html(raw, profiles)
    profile = _named_profile(defaults.profile, profiles) or choose_profile(raw.text, profiles)
    generic = generic_profile(profiles)
    site_rules = (profile,) if profile is generic else (profile, generic)
    zone = profile.timezone or defaults.timezone
    # Wire archives: hard-wrapped lines joined, "&#233;" read as "é".
    all_lines = _logical_lines(unwrap(decode_entities(raw.text)))
    section = _find_section(all_lines, profile) or defaults.section
    lines = [ln for ln in all_lines if not _matches_any(ln, (p for r in site_rules for p in r.junk_lines))]

    header = _read_header(lines, zone)
    story, agency_signoff, late_date = _story_lines(lines[header.end:], site_rules, zone)
    problems: list[str] = list(raw.notes)

    lead = story[0] if story else ""
    lead_dateline = match_dateline(lead)
    lead_text = lead[len(lead_dateline.raw):] if lead_dateline else lead

    found_date = header.date or _date_from_dateline(header.dateline_line) or late_date
    if lead_dateline and lead_dateline.month and (header.date or late_date) == found_date and found_date:
        found_date = _dateline_day(lead_dateline, found_date)
    date_text = lead_dateline.date_text if lead_dateline else None
    if found_date is None and lead_dateline and lead_dateline.month and defaults.year:
        # The folder says which year its stories are from: "Feb 26" + 1987.
        found_date = _date_from_dateline(replace(lead_dateline, year=defaults.year))
    if found_date is None:
        problems.extend(f"unparseable date: {text!r}" for text in header.bad_dates)
        if not header.bad_dates:
            problems.append("no date found")
        if lead_dateline and lead_dateline.month:
            problems.append(f"the dateline date {lead_dateline.raw.strip(' -–—')!r} gives no year")

    city = (lead_dateline.city if lead_dateline else None) or (
        header.dateline_line.city if header.dateline_line else None)
    agency = (lead_dateline.agency if lead_dateline else None) or agency_signoff or profile.agency

    summary = summarize(lead_text)
    title = header.title or (headline_from_sentence(split_sentences(lead_text)[0]) if lead_text.strip() else "")
    if not title:
        problems.append("no title found")
    if not story:
        problems.append("no story paragraphs found")
    return Article(
        seed=raw.seed,
        title=title,
        date=found_date,
        date_text=date_text,
        dateline=Dateline(city=city, agency=agency),
        source=profile.source or defaults.source,
        section=section,
        caption=header.caption,
        summary=summary,
        paragraphs=tuple(story),
        problems=tuple(problems),
        language=detect_language(" ".join(story)),
    )


def _named_profile(name: str | None, profiles: Sequence[Profile]) -> Profile | None:
    return next((p for p in profiles if p.name == name), None) if name else None


# ---------------------------------------------------------------- lines
def _logical_lines(text: str) -> list[str]:
    """Non-empty lines, right-stripped; hard-wrapped blocks (between blank lines) joined."""
    blocks = re.split(r"\n[ \t]*\n", text)
    out: list[str] = []
    for block in blocks:
        lines = [ln.rstrip() for ln in block.split("\n") if ln.strip()]
        if len(lines) > 1 and len(blocks) > 1 and _hard_wrapped(lines):
            out.append(" ".join(ln.strip() for ln in lines))
        else:
            out.extend(lines)
    return out


def _hard_wrapped(lines: list[str]) -> bool:
    body = lines[:-1]
    return all(WRAP_MIN <= len(ln) <= WRAP_MAX for ln in body) and not any(
        parse_timestamp_safe(ln) or match_dateline_line(ln) for ln in lines)


def parse_timestamp_safe(line: str, zone: str | None = None) -> str | None:
    try:
        found = parse_timestamp(line, zone)
    except DateParseError:
        return None
    return found.iso if found else None


def _matches_any(line: str, patterns) -> bool:
    text = line.strip()
    return any(p.fullmatch(text) for p in patterns)


def _find_section(lines: Sequence[str], profile: Profile) -> str | None:
    if profile.section is None:
        return None
    for line in lines:
        m = profile.section.fullmatch(line.strip())
        if m and m["section"].strip():
            return m["section"].strip()
    return None


# ---------------------------------------------------------------- header
def _read_header(lines: Sequence[str], zone: str | None) -> _Header:
    """Classify the lines before the story: headline, caption, timestamp, dateline line, byline."""
    window = lines[:HEADER_SCAN]
    end = None
    for i, line in enumerate(window):
        if match_dateline(line):  # the lead paragraph starts with a dateline
            end = i
            break
    marks = [i for i, line in enumerate(window[:end]) if _is_date_line(line)]
    if marks:
        mark_end = marks[-1] + 1
        while mark_end < len(lines) and mark_end < HEADER_SCAN and is_byline(lines[mark_end]):
            mark_end += 1
        # "LONDON 1996-08-30" then the story: a dateline further down is not the lead's.
        if end is None or (mark_end < end and is_story_like(lines[mark_end])):
            end = mark_end
    header = _Header()
    limit = end if end is not None else min(len(lines), 3)
    for i in range(limit):
        line = lines[i].strip()
        if _take_date_line(header, line, zone):
            continue
        if header.caption is None and is_caption(line) and _caption_here(lines, i, header):
            header.caption = lines[i]
        elif header.title is None and (is_headline(line) or (end is not None and len(line.split()) <= 25)):
            header.title = line
        elif header.title is not None and is_byline(line):
            continue
        elif end is None or is_story_like(line):  # the story starts here
            end = i
            break
        # else: a short label between the headline and the timestamp: not story
    header.end = end if end is not None else limit
    if header.end >= len(lines) and header.title is not None and end is None:
        header.end = len(lines) - 1  # a file of one line: keep it as the story too
    return header


def _caption_here(lines: Sequence[str], i: int, header: _Header) -> bool:
    """Under a headline, a caption-like sentence is the caption only when it says so
    ("FILE PHOTO:", "REUTERS/…") or a timestamp or dateline line still follows it; otherwise
    it is the story's first paragraph (headline, blank line, story: the BBC layout)."""
    if header.title is None or CAPTION_MARKERS.search(lines[i]):
        return True
    return any(_is_date_line(line) for line in lines[i + 1:HEADER_SCAN])


def _is_date_line(line: str) -> bool:
    text = line.strip()
    if match_dateline_line(text):
        return True
    try:
        if parse_timestamp(text):
            return True
    except DateParseError:
        return True
    return looks_like_timestamp(text)


def _take_date_line(header: _Header, line: str, zone: str | None) -> bool:
    dl = match_dateline_line(line)
    if dl:
        header.dateline_line = header.dateline_line or dl
        return True
    try:
        found = parse_timestamp(line, zone)
    except DateParseError:
        header.bad_dates.append(line)
        return True
    if found:
        header.date = header.date or found.iso
        return True
    if looks_like_timestamp(line):
        header.bad_dates.append(line)
        return True
    return False


def _dateline_day(dl: DatelineMatch, stamp: str) -> str:
    """A year-less dateline ("WASHINGTON, Feb 26") dated by a timestamp in the same file
    ("26-FEB-1987 15:18:59.34"): the timestamp when it falls on the dateline's day, else the
    dateline's day in the timestamp's year (the year before for a December story stamped in January)."""
    year, month, day = int(stamp[:4]), int(stamp[5:7]), int(stamp[8:10])
    if (month, day) == (dl.month, dl.day):
        return stamp
    if dl.month == 12 and month == 1:
        year -= 1
    return _date_from_dateline(replace(dl, year=year)) or stamp


def _date_from_dateline(dl: DatelineMatch | None) -> str | None:
    if dl is None or dl.year is None:
        return None
    try:
        return date(dl.year, dl.month or 1, dl.day or 1).isoformat()
    except ValueError:
        return None


# ---------------------------------------------------------------- story
def _story_lines(lines: Sequence[str], rules: Sequence[Profile], zone: str | None
                 ) -> tuple[list[str], str | None, str | None]:
    """(story paragraphs, agency from a sign-off, date from a stray timestamp line)."""
    lines = _join_wrapped(lines)
    starts = [p for r in rules for p in r.junk_starts]
    separators = {s for r in rules for s in r.separator_lines} or {"-"}
    kept: list[str] = []
    i = 0
    while i < len(lines):
        if _matches_any(lines[i], starts):
            i += 1
            while i < len(lines) and not is_story_like(lines[i]):
                i += 1
            continue
        kept.append(lines[i])
        i += 1
    kept = _drop_headline_runs(kept, separators)

    agency, late_date, story = None, None, []
    for n, line in enumerate(kept):
        iso = parse_timestamp_safe(line.strip(), zone)
        if iso:
            late_date = late_date or iso
            continue
        found, whole = find_signoff(line)
        if found and n >= len(kept) - 3:
            agency = agency or found
            if whole:
                continue
        story.append(line)
    return story, agency, late_date


def _join_wrapped(lines: Sequence[str]) -> list[str]:
    """Join a line broken mid-sentence ("... the contract" / "price it will pay ...")."""
    out: list[str] = []
    for line in lines:
        prev = out[-1] if out else ""
        if (line[:1].islower() and len(prev) >= WRAP_MIN - 10 and prev == prev.rstrip()
                and not re.search(r"[.!?:;\"”’)]$", prev) and not prev.isupper()):
            out[-1] = f"{prev} {line.strip()}"
        else:
            out.append(line)
    return out


def _drop_headline_runs(lines: list[str], separators: set[str]) -> list[str]:
    """Cut trailing lists of headlines separated by lone "-" lines (and the list's label)."""
    def is_sep(line: str) -> bool:
        return line.strip() in separators

    def is_item(line: str) -> bool:
        words = line.split()
        return 0 < len(words) <= 18 and len(line) <= 150 and not is_story_like(line)

    j = len(lines)
    n_seps = 0
    while j > 0 and (is_sep(lines[j - 1]) or is_item(lines[j - 1])):
        if is_sep(lines[j - 1]):
            n_seps += 1
        j -= 1
    if n_seps < 2:
        return lines
    # The run starts at its first separator; the line before it is the list's first item
    # or its label ("Most Read") when it is short and not a sentence.
    first_sep = next(k for k in range(j, len(lines)) if is_sep(lines[k]))
    cut = first_sep
    if cut > 0 and len(lines[cut - 1].split()) <= 12 and not re.search(r"[.!?:][\"”’)]*$", lines[cut - 1].strip()):
        cut -= 1
    return lines[:max(cut, 1)]


def summarize(lead_text: str) -> str:
    """The first sentence of the lead (two when the first is short), cut at SUMMARY_MAX_CHARS."""
    text = lead_text.strip()
    if not text:
        return ""
    sentences = split_sentences(text)
    summary = sentences[0]
    if len(summary) < SUMMARY_MIN_CHARS and len(sentences) > 1:
        summary = f"{summary} {sentences[1]}"
    if len(summary) > SUMMARY_MAX_CHARS:
        summary = summary[:SUMMARY_MAX_CHARS].rsplit(" ", 1)[0] + " …"
    return summary
