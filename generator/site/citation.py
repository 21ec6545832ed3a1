"""What makes an article citable and shareable: citation text, BibTeX, page metadata, JSON-LD.

- `cite_text`: a Chicago-style (notes and bibliography, newspaper article) reference with the
  page's permanent URL; `bibtex`: the same as a BibTeX `@article`.
- `description`: the summary as a meta description; `head_html`: the other `<head>` tags of an
  article page: OpenGraph, Twitter card, and a schema.org `NewsArticle` in JSON-LD.

All values are untrusted front-matter text. HTML attributes go through `html.escape`; JSON-LD
goes through `script_json`, which escapes `<`, `>` and `&` as JSON unicode escapes so that no
title can close the `<script>` element (`</script>`) or open a comment (`<!--`).
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass
from typing import Any, Callable, Sequence

from generator.site.records import MONTHS, ArticleRecord

SCHEMA_TYPES = {"people": "Person", "places": "Place", "organizations": "Organization", "topics": "Thing"}
DESCRIPTION_MAX = 300  # characters of summary in meta description and cards

# BibTeX counts braces even after a backslash: "{" and "}" become commands, so braces stay balanced.
_BIBTEX_SPECIAL = {"\\": r"\textbackslash{}", "{": r"\textbraceleft{}", "}": r"\textbraceright{}", "%": r"\%", "&": r"\&", "$": r"\$",
                   "#": r"\#", "_": r"\_", "^": r"\^{}", "~": r"\~{}"}
_BIBTEX_RE = re.compile("|".join(re.escape(k) for k in _BIBTEX_SPECIAL))
_SCRIPT_UNSAFE = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}


@dataclass(frozen=True)
class TermRef:
    kind: str  # "people", "places", "organizations", "topics"
    name: str
    url: str  # the term page's URL as the page should print it (absolute when site_url is set)


def _date_words(record: ArticleRecord) -> str:
    """"May 10, 2022" in the source's own calendar day; "n.d." when undated (Chicago's word)."""
    return record.date.day_display if record.date else "n.d."


def cite_text(record: ArticleRecord, *, url: str, site_name: str) -> str:
    """Chicago style: Agency. "Headline." Source, Month D, YYYY. Archived in Site. URL."""
    parts = []
    if record.agency:
        parts.append(f"{record.agency.rstrip('.')}.")
    title = record.title.rstrip()
    parts.append(f"“{title}{'' if title.endswith(('.', '?', '!')) else '.'}”")
    where = ", ".join(x for x in (record.source, _date_words(record)) if x)
    parts.append(where if where.endswith(".") else f"{where}.")
    parts.append(f"Archived in {site_name}.")
    parts.append(f"{url}.")
    return " ".join(parts)


def bibtex_escape(text: str) -> str:
    """Text for a braced BibTeX field: specials as commands, on one line."""
    return _BIBTEX_RE.sub(lambda m: _BIBTEX_SPECIAL[m.group()], " ".join(text.split()))


def bibtex_key(record: ArticleRecord) -> str:
    """"japan-south-korea-2022": the page's slug (first three words) and year; ASCII only."""
    slug = record.url.rstrip("/").rsplit("/", 1)[-1]
    words = [w for w in re.split(r"[^a-z0-9]+", slug.lower()) if w][:3] or ["article"]
    return "-".join(words + ([str(record.date.year)] if record.date else []))


def bibtex(record: ArticleRecord, *, url: str, site_name: str) -> str:
    """An `@article` entry; the title in double braces keeps its capitals."""
    fields: list[tuple[str, str]] = [("title", "{" + bibtex_escape(record.title) + "}")]
    if record.agency:
        fields.append(("author", "{" + bibtex_escape(record.agency) + "}"))
    if record.source:
        fields.append(("journal", bibtex_escape(record.source)))
    if record.date:
        fields.append(("year", str(record.date.year)))
        fields.append(("month", MONTHS[record.date.month - 1][:3].lower()))
        fields.append(("date", record.date.iso[:10]))
    fields.append(("url", url.replace("%", r"\%").replace("#", r"\#")))
    fields.append(("note", f"Archived in {bibtex_escape(site_name)}"))
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
    return f"@article{{{bibtex_key(record)},\n{body}\n}}"


def script_json(data: Any) -> str:
    """JSON for inside `<script type="application/ld+json">`: nothing in it can end the element."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return re.sub("[<>&\u2028\u2029]", lambda m: _SCRIPT_UNSAFE[m.group()], text)


def description(record: ArticleRecord) -> str | None:
    if not record.summary:
        return None
    text = " ".join(record.summary.split())
    return text if len(text) <= DESCRIPTION_MAX else text[: DESCRIPTION_MAX - 1].rsplit(" ", 1)[0] + "…"


def news_article(record: ArticleRecord, *, url: str, site_name: str, site_url: str | None,
                 terms: Sequence[TermRef], original_url: str | None = None) -> dict[str, Any]:
    """schema.org NewsArticle: the people, places and organizations are `mentions`, the topics
    `about`, each with its term page's URL."""
    data: dict[str, Any] = {"@context": "https://schema.org", "@type": "NewsArticle",
                            "headline": record.title, "url": url, "mainEntityOfPage": url}
    if record.date:
        data["datePublished"] = record.date.iso  # with the source's UTC offset where it gave one
    if record.dateline:
        data["dateline"] = record.dateline
    if record.section:
        data["articleSection"] = record.section
    summary = description(record)
    if summary:
        data["description"] = summary
    if record.source:
        data["publisher"] = {"@type": "Organization", "name": record.source}
    if record.agency:
        data["sourceOrganization"] = {"@type": "Organization", "name": record.agency}
    language = getattr(record, "language", None)
    if language:
        data["inLanguage"] = language
    about = [{"@type": SCHEMA_TYPES[t.kind], "name": t.name, "url": t.url} for t in terms if t.kind == "topics"]
    mentions = [{"@type": SCHEMA_TYPES[t.kind], "name": t.name, "url": t.url} for t in terms if t.kind != "topics"]
    if about:
        data["about"] = about
    if mentions:
        data["mentions"] = mentions
    if original_url:
        data["isBasedOn"] = original_url
    site: dict[str, Any] = {"@type": "WebSite", "name": site_name}
    if site_url:
        site["url"] = site_url
    data["isPartOf"] = site
    return data


def head_html(record: ArticleRecord, *, url: str, absolute: bool, site_name: str, site_url: str | None,
              terms: Sequence[TermRef], original_url: str | None = None) -> str:
    """OpenGraph, Twitter card and JSON-LD for an article page's `<head>`.
    `absolute`: `url` is a full URL (site_url is set), which og:url requires."""
    e: Callable[[str], str] = lambda text: html.escape(text, quote=True)
    summary = description(record)
    # The meta description itself is Material's (page.meta["description"], set by the plugin).
    tags = ['<meta property="og:type" content="article">',
            f'<meta property="og:title" content="{e(record.title)}">',
            f'<meta property="og:site_name" content="{e(site_name)}">']
    if absolute:
        tags.append(f'<meta property="og:url" content="{e(url)}">')
    if summary:
        tags.append(f'<meta property="og:description" content="{e(summary)}">')
    if record.date:
        tags.append(f'<meta property="article:published_time" content="{e(record.date.iso)}">')
    if record.section:
        tags.append(f'<meta property="article:section" content="{e(record.section)}">')
    # The card's title and description: X reads og:title and og:description when there are no
    # twitter:title and twitter:description, so the page does not print them twice.
    tags.append('<meta name="twitter:card" content="summary">')
    data = news_article(record, url=url, site_name=site_name, site_url=site_url, terms=terms,
                        original_url=original_url)
    tags.append(f'<script type="application/ld+json">{script_json(data)}</script>')
    return "\n".join(tags)
