"""Synthetic archives for the site benchmark: the same articles as an MkDocs project and a Hugo one.

Articles look like wire stories: a headline of 6-14 words, 5-14 paragraphs of 25-90 words from a
Zipf-distributed vocabulary of 6,000 words (so the search index meets a realistic number of
distinct words), one in ten with 1-3 subheadings, names of the article's people and places in the
text, and per article 0-12 people, 1-8 places, 0-6 organisations and 1-5 topics drawn with Zipf
popularity (a few terms in thousands of articles, most in a handful: the shape of real archives,
which decides how many term pages and how long they are).
"""

from __future__ import annotations

import random
import shutil
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
POOLS = {"people": 4000, "places": 1500, "organizations": 1200, "topics": 300}
COUNTS = {"people": (0, 12, 3.5), "places": (1, 8, 2.5), "organizations": (0, 6, 1.5), "topics": (1, 5, 2.0)}
SOURCES = ["The Japan News", "Reuters", "Kyodo News", "The Korea Herald", "Nikkei Asia", "AP News"]
SECTIONS = ["World", "Politics", "Business", "Science", "Sports", "Culture"]
AGENCIES = ["Reuters", "AP", "Jiji Press", "Kyodo", "AFP", None]
CITIES = ["Tokyo", "Seoul", "Beijing", "Washington", "London", "Osaka", "Singapore", "Taipei"]
SYLLABLES = "ka ri mo ten sa lu ber an to vi ne os ga del mi ra po ul fe zan ko si ma tri".split()


@dataclass(frozen=True)
class Article:
    rel: str  # content/articles/YYYY/MM/<slug>.md relative to content/
    meta: dict
    body: str


def _vocabulary(rng: random.Random, n: int = 6000) -> tuple[list[str], list[float]]:
    words: dict[str, None] = {}
    while len(words) < n:
        words["".join(rng.choice(SYLLABLES) for _ in range(rng.randint(1, 4)))] = None
    return list(words), [1 / (i + 1) for i in range(n)]


def _names(kind: str, n: int, rng: random.Random) -> list[str]:
    first = ["Aki", "Bora", "Chen", "Dana", "Emil", "Farah", "Goro", "Hana", "Ivan", "Jun", "Kenji", "Lena",
             "Min-jun", "Noor", "Omar", "Priya", "Quinn", "Rui", "Sora", "Tomas"]
    if kind == "people":
        return [f"{rng.choice(first)} {''.join(rng.choice(SYLLABLES) for _ in range(3)).title()}{i}" for i in range(n)]
    label = {"places": "Port", "organizations": "Council of", "topics": "Affairs of"}[kind]
    return [f"{label} {''.join(rng.choice(SYLLABLES) for _ in range(3)).title()} {i}" for i in range(n)]


def _count(rng: random.Random, low: int, high: int, mean: float) -> int:
    return max(low, min(high, round(rng.gauss(mean, mean / 1.5))))


def articles(count: int, seed: int = 7) -> tuple[list[Article], dict[str, list[str]]]:
    rng = random.Random(seed)
    vocab, weights = _vocabulary(rng)
    pools = {kind: _names(kind, n, rng) for kind, n in POOLS.items()}
    popularity = {kind: [1 / (i + 1) ** 0.9 for i in range(n)] for kind, n in POOLS.items()}

    def words(n: int) -> str:
        return " ".join(rng.choices(vocab, weights, k=n))

    out: list[Article] = []
    for i in range(count):
        year, month, day = rng.randint(1996, 2024), rng.randint(1, 12), rng.randint(1, 28)
        terms: dict[str, list[str]] = {}
        for kind, (low, high, mean) in COUNTS.items():
            chosen: dict[str, None] = {}
            for name in rng.choices(pools[kind], popularity[kind], k=_count(rng, low, high, mean)):
                chosen[name] = None
            terms[kind] = list(chosen)
        city = rng.choice(CITIES)
        paragraphs = []
        for p in range(rng.randint(5, 14)):
            text = words(rng.randint(25, 90))
            mention = terms["people"] + terms["places"]
            if mention and rng.random() < 0.6:
                text = f"{rng.choice(mention)} {text}"
            paragraphs.append(text.capitalize() + ".")
            if p and p % 4 == 0 and i % 10 == 3:  # one article in ten has subheadings
                paragraphs.append("## " + words(rng.randint(3, 7)).capitalize())
        meta = {
            "title": words(rng.randint(6, 14)).capitalize() + f" {i}",
            "date": f"{year}-{month:02d}-{day:02d}T{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}:00+09:00",
            "dateline": {"city": city, "agency": rng.choice(AGENCIES)},
            "source": rng.choice(SOURCES), "section": rng.choice(SECTIONS), **terms,
            "caption": words(rng.randint(10, 25)).capitalize() + "." if rng.random() < 0.5 else None,
            "summary": words(rng.randint(20, 35)).capitalize() + ".",
            "notes": [], "reviewed": rng.random() < 0.1, "seed": f"seeds/{i:06d}.txt",
        }
        out.append(Article(f"articles/{year}/{month:02d}/article-{i:06d}.md", meta, "\n\n".join(paragraphs)))
    return out, pools


def write_mkdocs_project(target: Path, items: list[Article], pools: dict[str, list[str]]) -> None:
    shutil.copytree(ROOT / "site_templates", target / "site_templates")
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8").replace("convert: true", "convert: false")
    (target / "mkdocs.yml").write_text(config, encoding="utf-8")
    registry = target / "registry"
    registry.mkdir()
    for kind, names in pools.items():  # a third of each pool is registered, with a role
        entries = [{"name": n, "aliases": [n.upper()], "role": f"Synthetic {kind} entry"} for n in names[::3]]
        (registry / f"{kind}.yml").write_text(yaml.safe_dump(entries, allow_unicode=True), encoding="utf-8")
    for item in items:
        page = target / "content" / item.rel
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text("---\n" + yaml.safe_dump(item.meta, sort_keys=False, allow_unicode=True) + "---\n"
                        + item.body + "\n", encoding="utf-8")


HUGO_CONFIG = """baseURL = "https://example.github.io/news-archive/"
title = "News Archive"
disableKinds = ["RSS"]
[taxonomies]
  person = "people"
  place = "places"
  organization = "organizations"
  topic = "topics"
[pagination]
  pagerSize = 100
[outputs]
  home = ["HTML", "RSS"]
"""
HUGO_LAYOUTS = {
    "baseof.html": """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{{ .Title }} - {{ site.Title }}</title>
<link rel="canonical" href="{{ .Permalink }}"></head><body><header><a href="{{ "" | relURL }}">{{ site.Title }}</a>
<nav><a href="{{ "people/" | relURL }}">People</a> <a href="{{ "places/" | relURL }}">Places</a>
<a href="{{ "organizations/" | relURL }}">Organizations</a> <a href="{{ "topics/" | relURL }}">Topics</a></nav></header>
<main>{{ block "main" . }}{{ end }}</main></body></html>
""",
    "single.html": """{{ define "main" }}<article><h1>{{ .Title }}</h1>
<p>{{ with .Params.dateline }}{{ .city | upper }}{{ with .agency }} ({{ . }}){{ end }} — {{ end }}<time datetime="{{ .Date.Format "2006-01-02T15:04:05-07:00" }}">{{ .Date.Format "January 2, 2006, 15:04" }}</time></p>
<p>{{ .Params.source }} · {{ .Params.section }}</p>{{ with .Params.summary }}<p>{{ . }}</p>{{ end }}
<dl>{{ range $tax, $_ := site.Taxonomies }}{{ with $.GetTerms $tax }}<dt>{{ $tax | title }}</dt><dd>{{ range . }}<a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a> {{ end }}</dd>{{ end }}{{ end }}</dl>
{{ .Content }}</article>{{ end }}
""",
    "list.html": """{{ define "main" }}<h1>{{ .Title }}</h1>{{ $pager := .Paginate .Pages.ByDate.Reverse }}
<ul>{{ range $pager.Pages }}<li>{{ .Date.Format "January 2, 2006" }} <a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ .Params.source }}</li>{{ end }}</ul>
{{ template "_internal/pagination.html" . }}{{ end }}
""",
    "taxonomy.html": """{{ define "main" }}<h1>{{ .Title }}</h1><ul>{{ range .Data.Terms.Alphabetical }}<li><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a> ({{ .Count }})</li>{{ end }}</ul>{{ end }}
""",
}


def write_hugo_project(target: Path, items: list[Article]) -> None:
    """The same articles and taxonomies as a Hugo site with small plain layouts."""
    (target / "hugo.toml").write_text(HUGO_CONFIG, encoding="utf-8")
    layouts = target / "layouts"
    layouts.mkdir(parents=True)
    for name, text in HUGO_LAYOUTS.items():
        (layouts / name).write_text(text, encoding="utf-8")
    for item in items:
        page = target / "content" / item.rel
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text("---\n" + yaml.safe_dump(item.meta, sort_keys=False, allow_unicode=True) + "---\n"
                        + item.body + "\n", encoding="utf-8")
