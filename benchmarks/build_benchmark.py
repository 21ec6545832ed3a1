"""Build-script speed: first build and no-op rebuild of a synthetic archive of realistic stories.

Usage: python benchmarks/build_benchmark.py [--articles 10000] [--people 5000] [--keep]

Creates a throw-away project in a temporary folder: a registry of --people people (plus the
shipped places/organizations/topics), and --articles seeds of 400-700 words in the layouts of real
saves (a web page with caption, timestamp and junk, or a wire story with a year-less dateline, its
folder's `_defaults.yml` giving the year). The text is news-like English written from templates in
this file: sentences full of capitalised runs (people with titles, companies, clubs, ministries,
cities and countries from the gazetteer, weekdays, months), so the name finder, the gazetteer, the
topic scorer and the near-duplicate index do the work they do on real news. Every 50th story is a
re-save of an earlier one (another headline, junk, a paragraph added) to be folded.
Prints the registry size, articles per second for the first build and seconds for a no-op rebuild.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from generator.build import build_archive  # noqa: E402
from generator.config import ProjectPaths  # noqa: E402
from generator.gazetteer import load_gazetteer  # noqa: E402
from generator.people_lexicon import FIRST_NAMES  # noqa: E402

# Family names: a mix of common surnames of many languages (written for this benchmark).
SURNAMES = ("Tanaka Schmidt Okafor Kowalski Nguyen Haddad Silva Petrov Johansson Moreau Kim Rossi Yilmaz Novak "
            "Suzuki Garcia Mensah Ivanova Park Dubois Fischer Brennan Castillo Lindqvist Oyelaran Varga Horvat "
            "Moretti Bakker Jansen Kovacs Papadopoulos Nakamura Chowdhury Banerjee Rahman Aziz Farouk Mbeki "
            "Okonkwo Alvarez Herrera Fontaine Lefebvre Ostrowski Sorensen Halvorsen Whitfield Ashworth").split()
TITLES = ["Foreign Minister", "Finance Minister", "Prime Minister", "President", "Chief Executive", "Governor",
          "Senator", "coach", "captain", "striker", "spokesman", "Central Bank Governor", "Defence Minister",
          "Mayor", "Chairman", "Trade Minister", "Interior Minister", "opposition leader"]
ORG_FORMS = ["{s} Holdings", "{s} Steel Corp", "National Bank of {c}", "{c} Airlines", "{s} Pharmaceuticals Ltd",
             "{city} United", "Ministry of Finance", "{s} & {s2} Group", "{city} Stock Exchange", "Bank of {c}",
             "{s} Motors", "{c} Football Association", "{s} Mining AG", "Labour Party", "Social Democratic Party"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
SHORT_MONTHS = ["Jan", "Feb", "March", "April", "May", "June", "July", "Aug", "Sept", "Oct", "Nov", "Dec"]
ZONES = ["JST", "KST", "EDT", "GMT", "BST", "CET", "UTC"]
SENTENCES = [
    "{title} {person} said on {weekday} that talks with {org} over the sale of its {country} unit would continue.",
    "{org} reported net profit of {n} mln dlrs for the quarter, up {p} pct, and raised its dividend to {n2} cts.",
    "Speaking in {city}, {person} told reporters the government in {country} would not change its budget plans.",
    "{person}, the {title2} of {org}, met {person2} in {city} to discuss trade, tariffs and exports to {country}.",
    "The central bank in {city} kept interest rates at {p} pct after inflation slowed in {month}, {person} said.",
    "{person} scored twice as {org} beat {city} Rovers {g}-{g2} in the league on {weekday} to go top of the table.",
    "Police in {city} arrested {n} people after protests outside the {country} embassy, officials said.",
    "{org} shares rose {p} pct in {city} after {person} announced a takeover bid for {org2}.",
    "Parliament in {country} approved the bill on {weekday} after {person} of the {party} dropped objections.",
    "An earthquake struck near {city} on {weekday}, killing {n} people, and rescue teams from {country} were sent.",
    "{person} said the {country} delegation would return to {city} in {month} for the next round of negotiations.",
    "Union leaders at {org} called a strike over wages, and {person} said workers in {city} would walk out.",
    "The coach, {person}, said his team had played well despite losing to {country} in the World Cup qualifier.",
    "Doctors at a hospital in {city} said the outbreak had infected {n} people, and the {country} health ministry "
    "promised more vaccines.",
    "Scientists at {org} in {city} said the satellite launch, planned for {month}, had been delayed again.",
    "Analysts at {org} said exports from {country} to {country2} fell {p} pct in {month} as demand weakened.",
    "Mr {surname} told {org} that he expected {country} to sign the agreement with {country2} before {month}.",
    "\"We will not accept this,\" {person} told a news conference in {city}, adding that {org} had been warned.",
]


def people_names(n: int, rng: random.Random) -> list[str]:
    firsts = sorted(name.title() for name in FIRST_NAMES if name.isalpha() and len(name) > 2)
    names: set[str] = set()
    while len(names) < n:
        middle = rng.choice(["", "", "", f"{rng.choice('ABCDEFGHJKLMNPRSTW')}. "])
        names.add(f"{rng.choice(firsts)} {middle}{rng.choice(SURNAMES)}{'' if rng.random() < 0.5 else '-' + rng.choice(SURNAMES)}")
    return sorted(names)


def write_registry(folder: Path, people: list[str]) -> None:
    folder.mkdir(parents=True)
    for name in ("places.yml", "organizations.yml", "topics.yml"):
        shutil.copy(ROOT / "registry" / name, folder / name)
    lines = ["# synthetic benchmark registry"]
    for name in people:
        lines += [f"- name: {name}", f"  role: {random.Random(name).choice(TITLES)}"]
    (folder / "people.yml").write_text("\n".join(lines) + "\n", encoding="utf-8")


class Writer:
    """Stories from the templates, with the gazetteer's countries and big cities."""

    def __init__(self, rng: random.Random, people: list[str]) -> None:
        gazetteer = load_gazetteer()
        self.rng = rng
        self.people = people
        self.countries = sorted({row[0] for row in gazetteer.rows if row[1] == "country" and row[3] > 2_000_000})
        self.cities = sorted({row[0] for row in gazetteer.rows if row[1] == "city" and row[3] > 400_000
                              and row[0].replace(" ", "").isalpha()})

    def _org(self, city: str, country: str) -> str:
        r = self.rng
        return r.choice(ORG_FORMS).format(s=r.choice(SURNAMES), s2=r.choice(SURNAMES), c=country, city=city)

    def sentence(self, cast: list[str], city: str, country: str) -> str:
        r = self.rng
        person, person2 = r.sample(cast, 2)
        other_city = r.choice(self.cities)
        fill = dict(
            title=r.choice(TITLES).title() if r.random() < 0.6 else r.choice(TITLES), title2=r.choice(TITLES),
            person=person if r.random() < 0.7 else person.split()[-1], person2=person2,
            surname=person.split()[-1], org=self._org(city, country), org2=self._org(other_city, country),
            city=r.choice([city, city, other_city]), country=country, country2=r.choice(self.countries),
            weekday=r.choice(WEEKDAYS), month=r.choice(MONTHS), party=r.choice(["Labour Party", "Liberal Party"]),
            n=r.randint(2, 900), n2=r.randint(5, 95), p=r.randint(1, 40), g=r.randint(0, 5), g2=r.randint(0, 5))
        return r.choice(SENTENCES).format(**fill)

    def story(self, i: int) -> tuple[str, list[str], str, str]:
        """(headline, paragraphs, dateline city, country)."""
        r = self.rng
        cast = r.sample(self.people, 6)
        city, country = r.choice(self.cities), r.choice(self.countries)
        paragraphs = []
        while sum(len(p.split()) for p in paragraphs) < r.randint(400, 700):
            paragraphs.append(" ".join(self.sentence(cast, city, country) for _ in range(r.randint(2, 4))))
        headline = f"{cast[0].split()[-1]} Says {country} Talks Will Go On After {city} Meeting ({i})"
        return headline, paragraphs, city, country

    def web_page(self, headline: str, paragraphs: list[str], city: str) -> str:
        r = self.rng
        stamp = (f"{r.randint(0, 23):02d}:{r.randint(0, 59):02d} {r.choice(ZONES)}, {r.choice(MONTHS)} "
                 f"{r.randint(1, 28)}, {r.randint(2015, 2025)}")
        junk = ["POPULAR ARTICLES"] + [x for k in range(5) for x in ("-", f"Other Headline Number {k} Of The Day")]
        body = [f"{city.upper()} (Reuters) – {paragraphs[0]}", *paragraphs[1:]]
        return "\n".join([headline, f"Photo: {headline[:60]}.", stamp, *body, *junk]) + "\n"

    def wire(self, headline: str, paragraphs: list[str], city: str) -> str:
        dateline = f"{city.upper()}, {self.rng.choice(SHORT_MONTHS)} {self.rng.randint(1, 28)} - "
        return "\n".join([headline.upper(), dateline + paragraphs[0], *paragraphs[1:], "Reuter"]) + "\n"


def write_seeds(seeds: Path, n: int, writer: Writer) -> None:
    saved: list[tuple[str, list[str], str]] = []
    for i in range(n):
        folder = seeds / f"batch{i // 1000:02d}"
        if not folder.exists():
            folder.mkdir(parents=True)
            (folder / "_defaults.yml").write_text(f"year: {1980 + i // 1000}\n", encoding="utf-8")
        if i % 50 == 49 and saved:  # an earlier story saved again: another layout, a paragraph added
            headline, paragraphs, city = saved[writer.rng.randrange(len(saved))]
            text = writer.web_page(headline.upper(), paragraphs + [writer.sentence(writer.people[:6], city, "Chile")], city)
        else:
            headline, paragraphs, city, _ = writer.story(i)
            saved.append((headline, paragraphs, city))
            text = writer.wire(headline, paragraphs, city) if i % 2 else writer.web_page(headline, paragraphs, city)
        (folder / f"story-{i:05d}.txt").write_text(text, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--people", type=int, default=5_000)
    parser.add_argument("--keep", action="store_true", help="keep the temporary project")
    args = parser.parse_args()
    rng = random.Random(1234)
    project = Path(tempfile.mkdtemp(prefix="news-bench-"))
    try:
        people = people_names(args.people, rng)
        write_registry(project / "registry", people)
        shutil.copytree(ROOT / "profiles", project / "profiles")
        write_seeds(project / "seeds", args.articles, Writer(rng, people))
        paths = ProjectPaths.from_root(project)

        start = time.perf_counter()
        first = build_archive(paths, quiet=True)
        first_s = time.perf_counter() - start
        start = time.perf_counter()
        again = build_archive(paths, quiet=True)
        noop_s = time.perf_counter() - start

        folded = len(first.read.near_duplicates) + len(first.read.duplicates)
        print(f"registry people: {args.people}; gazetteer places: {len(load_gazetteer().rows)}")
        print(f"articles: {args.articles} ({len(first.written)} written, {folded} folded as the same story, "
              f"{len(first.read.errors)} failed)")
        print(f"first build: {first_s:.2f} s = {args.articles / first_s:.0f} articles/s "
              f"(load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores)")
        print(f"no-op rebuild: {noop_s:.2f} s ({len(again.written)} written, {again.unchanged} unchanged)")
    finally:
        if args.keep:
            print(f"project kept in {project}")
        else:
            shutil.rmtree(project, ignore_errors=True)


if __name__ == "__main__":
    main()
