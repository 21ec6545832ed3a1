"""Build-script speed: first build and no-op rebuild of a synthetic archive.

Usage: python benchmarks/build_benchmark.py [--articles 10000] [--people 5000] [--jobs N]

Creates a throw-away project in a temporary folder: a registry of --people people (plus the
shipped places/organizations/topics), --articles seeds of ~600 words in the layout of real
scrapes (caption, timestamp, dateline, story naming registry people, site junk). Prints the
registry size, articles per second for the first build and seconds for a no-op rebuild.
"""

from __future__ import annotations

import argparse
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

FIRST = ["James", "Maria", "Akira", "Min-jun", "Olga", "Pierre", "Amina", "Carlos", "Yuki", "Hans", "Fatima",
         "Rahul", "Elena", "Kwame", "Sofia", "Chen", "Ibrahim", "Laura", "Tomasz", "Ana", "Kenji", "Aisha"]
LAST = ["Tanaka", "Schmidt", "Okafor", "Kowalski", "Nguyen", "Haddad", "Silva", "Petrov", "Johansson",
        "Moreau", "Kim", "Rossi", "Yilmaz", "Novak", "Suzuki", "Garcia", "Mensah", "Ivanova", "Park", "Dubois"]
CITIES = ["TOKYO", "SEOUL", "WASHINGTON", "LONDON", "PARIS", "BEIJING", "BERLIN", "NEW YORK", "MOSCOW"]
WORDS = ("the government said on tuesday that talks would continue amid concerns over prices and "
         "security with officials expected to meet again next week after a series of meetings in the "
         "capital where ministers discussed trade energy and regional stability").split()
ZONES = ["JST", "KST", "EDT", "GMT", "BST", "CET", "UTC"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]


def people_names(n: int, rng: random.Random) -> list[str]:
    names: set[str] = set()
    while len(names) < n:
        suffix = rng.choice(["", "", "", f"-{rng.choice(LAST)}"])
        names.add(f"{rng.choice(FIRST)} {rng.choice(LAST)}{suffix} {rng.choice(LAST)[:3]}{len(names)}")
    return sorted(names)


def write_registry(folder: Path, people: list[str]) -> None:
    folder.mkdir(parents=True)
    for name in ("places.yml", "organizations.yml", "topics.yml"):
        shutil.copy(ROOT / "registry" / name, folder / name)
    lines = ["# synthetic benchmark registry"]
    for name in people:
        lines += [f"- name: {name}", "  role: Official"]
    (folder / "people.yml").write_text("\n".join(lines) + "\n", encoding="utf-8")


def sentence(rng: random.Random, people: list[str]) -> str:
    words = rng.sample(WORDS, 14)
    words[0] = words[0].capitalize()
    return f"{' '.join(words[:6])} {rng.choice(people)} said {' '.join(words[6:])}."


def article(i: int, rng: random.Random, people: list[str]) -> str:
    cast = rng.sample(people, 5)
    date = f"{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d} {rng.choice(ZONES)}, " \
           f"{rng.choice(MONTHS)} {rng.randint(1, 28)}, {rng.randint(2015, 2025)}"
    lines = [f"{cast[0]} speaks to reporters in {rng.choice(CITIES).title()} on story {i}.", date]
    body = [f"{rng.choice(CITIES)} (Reuters) – {sentence(rng, cast)}"]
    while sum(len(p.split()) for p in body) < 600:
        body.append(" ".join(sentence(rng, cast) for _ in range(3)))
    junk = ['"World" POPULAR ARTICLE'] + [x for k in range(5) for x in ("-", f"Other Headline {k} Number {i}")]
    return "\n".join(lines + body + junk) + "\n"


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
        seeds = project / "seeds"
        for i in range(args.articles):
            folder = seeds / f"batch{i // 1000:02d}"
            folder.mkdir(parents=True, exist_ok=True)
            (folder / f"story-{i:05d}.txt").write_text(article(i, rng, people), encoding="utf-8")
        paths = ProjectPaths.from_root(project)

        start = time.perf_counter()
        first = build_archive(paths, quiet=True)
        first_s = time.perf_counter() - start
        start = time.perf_counter()
        again = build_archive(paths, quiet=True)
        noop_s = time.perf_counter() - start

        print(f"registry people: {args.people}")
        print(f"articles: {args.articles} ({len(first.written)} written, {len(first.read.errors)} failed)")
        print(f"first build: {first_s:.2f} s = {args.articles / first_s:.0f} articles/s")
        print(f"no-op rebuild: {noop_s:.2f} s ({len(again.written)} written, {again.unchanged} unchanged)")
    finally:
        if args.keep:
            print(f"project kept in {project}")
        else:
            shutil.rmtree(project, ignore_errors=True)


if __name__ == "__main__":
    main()
