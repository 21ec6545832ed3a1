"""dates: every timestamp form, zone table entries with real DST rules, and bad input."""

from __future__ import annotations

import pytest

from generator.dates import (ZONE_ABBREVIATIONS, DateParseError, looks_like_timestamp,
                             parse_timestamp, zone_for)


@pytest.mark.parametrize("line, iso", [
    # the forms named in the brief
    ("17:48 JST, May 10, 2022", "2022-05-10T17:48:00+09:00"),
    ("May 10, 2022 5:48 PM ET", "2022-05-10T17:48:00-04:00"),
    ("Updated 10:02 a.m. EDT, Tue May 10, 2022", "2022-05-10T10:02:00-04:00"),
    ("2022-05-10 17:48", "2022-05-10T17:48:00"),
    ("2022-05-10T17:48:00+09:00", "2022-05-10T17:48:00+09:00"),
    ("2022-05-10T08:48:00Z", "2022-05-10T08:48:00+00:00"),
    ("2022-05-10 17:48 KST", "2022-05-10T17:48:00+09:00"),
    ("10 May 2022", "2022-05-10"),
    ("Tuesday, May 10, 2022", "2022-05-10"),
    ("May 10, 2022", "2022-05-10"),
    ("1996-08-30", "1996-08-30"),
    # more real-world spellings
    ("August 30, 1996 7:55 AM ET", "1996-08-30T07:55:00-04:00"),
    ("02:49 JST, August 31, 1996", "1996-08-31T02:49:00+09:00"),
    ("Posted: May 10, 2022 12:00 PM (KST)", "2022-05-10T12:00:00+09:00"),
    ("Tue 10 May 2022 17.48 BST", "2022-05-10T17:48:00+01:00"),
    ("May 10, 2022 at 12:05 a.m. PT", "2022-05-10T00:05:00-07:00"),
    ("Sept. 3, 2021 4:15 PM CT", "2021-09-03T16:15:00-05:00"),
    ("May 10, 2022 5:48 PM GMT+9", "2022-05-10T17:48:00+09:00"),
    ("10 May 2022 09:30:15 UTC", "2022-05-10T09:30:15+00:00"),
    ("March 1, 2022 18:00 HKT", "2022-03-01T18:00:00+08:00"),
    ("March 1, 2022 18:00 SGT", "2022-03-01T18:00:00+08:00"),
    ("March 1, 2022 18:00 IST", "2022-03-01T18:00:00+05:30"),
    ("May 10, 2022 5:48 PM", "2022-05-10T17:48:00"),
    ("By Jane Doe | May 10, 2022", "2022-05-10"),
    ("May 10, 2022 5:48 PM ET · 2 min read", "2022-05-10T17:48:00-04:00"),
])
def test_timestamp_forms(line, iso):
    found = parse_timestamp(line)
    assert found is not None and found.iso == iso


@pytest.mark.parametrize("line, iso", [
    # DST from the zone rules of that date
    ("Jan 10, 2022 5:48 PM ET", "2022-01-10T17:48:00-05:00"),
    ("Jul 10, 2022 5:48 PM ET", "2022-07-10T17:48:00-04:00"),
    ("Jan 10, 2022 5:48 PM EST", "2022-01-10T17:48:00-05:00"),
    ("Jul 10, 2022 5:48 PM EDT", "2022-07-10T17:48:00-04:00"),
    ("March 13, 2022 1:30 AM ET", "2022-03-13T01:30:00-05:00"),  # day of the change, before it
    ("March 13, 2022 3:30 AM ET", "2022-03-13T03:30:00-04:00"),  # after it
    ("1987-03-04 21:07 ET", "1987-03-04T21:07:00-05:00"),
    ("Jan 10, 2022 17:48 GMT", "2022-01-10T17:48:00+00:00"),
    ("Jul 10, 2022 17:48 GMT", "2022-07-10T17:48:00+00:00"),  # GMT never shifts
    ("Jan 10, 2022 17:48 CET", "2022-01-10T17:48:00+01:00"),
    ("Jul 10, 2022 17:48 CEST", "2022-07-10T17:48:00+02:00"),
    ("Jan 10, 2022 09:00 AEDT", "2022-01-10T09:00:00+11:00"),
    ("Jul 10, 2022 09:00 AEST", "2022-07-10T09:00:00+10:00"),
    ("Jan 10, 2022 09:00 PST", "2022-01-10T09:00:00-08:00"),
    ("Jul 10, 2022 09:00 PDT", "2022-07-10T09:00:00-07:00"),
])
def test_zones_follow_real_rules(line, iso):
    assert parse_timestamp(line).iso == iso


def test_default_zone_applies_only_when_no_zone_is_printed():
    assert parse_timestamp("2022-05-10 17:48", "Asia/Tokyo").iso == "2022-05-10T17:48:00+09:00"
    assert parse_timestamp("May 10, 2022 5:48 PM ET", "Asia/Tokyo").iso == "2022-05-10T17:48:00-04:00"
    assert parse_timestamp("May 10, 2022", "Asia/Tokyo").iso == "2022-05-10"


@pytest.mark.parametrize("line", [
    "TOKYO (Reuters) – Japan and South Korea agreed on May 10, 2022 to meet again.",
    "LONDON 1996-08-30",
    "Yoon was sworn in at a time when Washington is seeking to boost ties.",
    "Scorers: Haim Hajaj (47th), Nir Sivilia (57th).",
    "",
])
def test_not_a_timestamp(line):
    assert parse_timestamp(line) is None


@pytest.mark.parametrize("line", [
    "May 45, 2022 5:48 PM ET",
    "25:70 JST, May 10, 2022",
    "13:10 p.m. ET, May 10, 2022",
    "February 30, 2022",
])
def test_impossible_values_raise(line):
    with pytest.raises(DateParseError):
        parse_timestamp(line)


@pytest.mark.parametrize("line, expected", [
    ("17:48 JST, Mayb 45, 2022", True),
    ("17:48 JST, May 10, 2022", True),
    ("Updated 10:02 EDT", True),
    ("Results at 6:30 were strong and traders said the market was calm today.", False),
    ("Attendance: 2,000.", False),
])
def test_looks_like_timestamp(line, expected):
    assert looks_like_timestamp(line) is expected


def test_every_table_entry_resolves():
    for abbreviation in ZONE_ABBREVIATIONS:
        assert zone_for(abbreviation) is not None, abbreviation
