"""datelines: each dateline form, city display case, agencies and sign-offs."""

from __future__ import annotations

import pytest

from generator.datelines import display_city, find_signoff, match_dateline, match_dateline_line


@pytest.mark.parametrize("paragraph, city, agency, month, day, raw", [
    ("TOKYO (Reuters) – Japan and South Korea have agreed ...", "Tokyo", "Reuters", None, None,
     "TOKYO (Reuters) – "),
    ("WASHINGTON, May 9 (Reuters) - The Senate voted ...", "Washington", "Reuters", 5, 9,
     "WASHINGTON, May 9 (Reuters) - "),
    ("SEOUL — North Korea fired a ballistic missile into the sea off its east coast on Sunday.",
     "Seoul", None, None, None, "SEOUL — "),
    ("LONDON (AP) — Britain's prime minister said ...", "London", "AP", None, None, "LONDON (AP) — "),
    ("NEW YORK, March 26 - Stocks rose ...", "New York", None, 3, 26, "NEW YORK, March 26 - "),
    ("BEIJING, Aug 30 (AFP) - China said ...", "Beijing", "AFP", 8, 30, "BEIJING, Aug 30 (AFP) - "),
    ("SAN MATEO, Calif., March 2 - Shares of ...", "San Mateo", None, 3, 2,
     "SAN MATEO, Calif., March 2 - "),
    ("SANTOS, BRAZIL, MARCH 11 - Coffee exports ...", "Santos", None, 3, 11,
     "SANTOS, BRAZIL, MARCH 11 - "),
    ("WASHINGTON, D.C., March 18 - The agency ...", "Washington", None, 3, 18,
     "WASHINGTON, D.C., March 18 - "),
    ("N'DJAMENA (Reuters) – The government of Chad ...", "N'Djamena", "Reuters", None, None,
     "N'DJAMENA (Reuters) – "),
    ("AL-AIN, Oct 3 (Reuters) - Heat ...", "Al-Ain", "Reuters", 10, 3, "AL-AIN, Oct 3 (Reuters) - "),
    ("ST. LOUIS (Reuters) - A company ...", "St. Louis", "Reuters", None, None, "ST. LOUIS (Reuters) - "),
    ("Sioux Falls, April 7 - Cattle prices gained ...", "Sioux Falls", None, 4, 7,
     "Sioux Falls, April 7 - "),
    ("Tokyo (Kyodo) -- Shares fell ...", "Tokyo", "Kyodo", None, None, "Tokyo (Kyodo) -- "),
])
def test_dateline_forms(paragraph, city, agency, month, day, raw):
    m = match_dateline(paragraph)
    assert m is not None
    assert (m.city, m.agency, m.month, m.day, m.raw) == (city, agency, month, day, raw)


@pytest.mark.parametrize("paragraph", [
    "CRICKET - LEICESTERSHIRE TAKE OVER AT TOP AFTER INNINGS VICTORY.",
    "PRESS DIGEST - Tunisia - Aug 31.",
    "FILE PHOTO: Pedestrians walk past a building in central Oslo.",
    "NYMEX refined product prices lingered at session lows.",
    "Japan and South Korea have agreed that their relationship can be improved.",
    "UPDATE 2 - Markets fall as investors fret about the outlook for interest rates this year",
    "London is a large city - with many people living in it, as everybody knows.",
])
def test_not_a_dateline(paragraph):
    assert match_dateline(paragraph) is None


@pytest.mark.parametrize("line, city, ymd", [
    ("LONDON 1996-08-30", "London", (1996, 8, 30)),
    ("MILWAUKEE, Wisconsin 1996-08-29", "Milwaukee", (1996, 8, 29)),
    ("PORT OF SPAIN, Trinidad 1996-08-30", "Port of Spain", (1996, 8, 30)),
    ("1996-08-30", None, (1996, 8, 30)),
])
def test_dateline_line(line, city, ymd):
    m = match_dateline_line(line)
    assert m is not None and m.city == city and (m.year, m.month, m.day) == ymd


@pytest.mark.parametrize("city, shown", [
    ("NEW YORK", "New York"), ("AL-AIN", "Al-Ain"), ("U.S.", "U.S."), ("THE HAGUE", "The Hague"),
    ("RIO DE JANEIRO", "Rio de Janeiro"), ("ST. LOUIS", "St. Louis"), ("Tokyo", "Tokyo"),
    ("WASHINGTON D.C.", "Washington D.C."),
])
def test_display_city(city, shown):
    assert display_city(city) == shown


@pytest.mark.parametrize("line, result", [
    ("Reuter", ("Reuters", True)),
    ("REUTER", ("Reuters", True)),
    ("(Reuters)", ("Reuters", True)),
    ("told a conference in Switzerland. REUTER...", ("Reuters", False)),
    ("told a conference in Switzerland. REUTER...^M", ("Reuters", False)),
    ("the shares rose 3 pct. REUTER &#3;", ("Reuters", False)),
    ("Reuters is a news agency based in London.", (None, False)),
    ("The company said it would report later.", (None, False)),
])
def test_signoff(line, result):
    assert find_signoff(line) == result
