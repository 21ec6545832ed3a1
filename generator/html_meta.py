"""A saved web page's own metadata: headline, publication date, site name, canonical URL.

Publishers state these for search engines and social networks (Open Graph, Twitter cards,
JSON-LD, Dublin Core, Parse.ly, Sailthru tags). They are more reliable than any reading of
the visible text, so each field takes the first of its sources in the order below, which
follows how often each tag is present and right on news sites.
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass
from datetime import datetime
from email.utils import parsedate_to_datetime
from typing import Any, Iterator
from urllib.parse import urlparse

from lxml import etree

from generator.dates import format_date

__all__ = ["PageMeta", "read_page_meta", "clean_title", "site_in_title", "names_site", "iso_date",
           "publisher_name"]

# Meta tags giving the publication date (name= or property=): Open Graph's first, then (after
# JSON-LD and itemprop markup) the tags of particular publishing systems.
OG_DATE_META = ("article:published_time", "og:article:published_time", "og:published_time")
DATE_META = ("pubdate", "publishdate", "article_date_original", "sailthru.date", "parsely-pub-date",
             "dc.date.issued", "date", "dcterms.issued", "dc.date", "article.published", "publish-date",
             "cxenseparse:recs:publishtime")
# A machine-readable date ("2014-12-29", "20141229T..."): tried across every source before
# dates written for people ("Sunday, December 28, 2014, 9:10 PM"), which lack a zone.
ISO_START = re.compile(r"^\s*\d{4}-?\d{2}-?\d{2}(?:[T\s]|$)")
DESCRIPTION_META = ("og:description", "description", "twitter:description")
TITLE_META = ("og:title", "twitter:title")
SITE_META = ("og:site_name", "application-name", "al:ios:app_name", "twitter:app:name:iphone",
             "cre", "publisher")
SECTION_META = ("article:section", "og:article:section", "section", "parsely-section",
                "sailthru.tags.section", "category")
AUTHOR_META = ("author", "article:author", "parsely-author", "sailthru.author", "dc.creator",
               "byl")
# " | Site", " - Site", " — Site", " :: Site" ... between a headline and the site's name.
TITLE_SEPARATOR = re.compile(r"\s+(?:[|\-–—:·•»«~/]|::|\|\|)\s+|:\s+")
# A photo credit a CMS appends to the headline: "（写真＝ロイター）", "(Photo: AP)".
PHOTO_CREDIT = re.compile(r"\s*[(（](?:写真|photos?|pictures?|images?|fotos?|video)\s*[:：=＝][^)）]{1,40}[)）]\s*$",
                          re.IGNORECASE)
SECTION_LABEL_WORDS = 3
# Host labels that are never the publisher's own name ("www.bbc.co.uk" -> "bbc").
GENERIC_LABELS = frozenset(("www", "m", "edition", "mobile", "amp", "co", "com", "org", "net", "ac", "gov"))
MAX_ESCAPES = 3  # "&amp;amp;#039;" is an apostrophe escaped three times over
RFC_2822 = re.compile(r"^(?:[A-Za-z]{3},\s*)?\d{1,2}\s+[A-Za-z]{3}\s+\d{4}\s+\d{1,2}:\d{2}")
# A date in the page's address: /2014/12/29/, /2014-12-29-, /20141229/.
URL_DATE = re.compile(r"(?<!\d)(?P<y>(?:19|20)\d\d)(?P<s>[/_-]?)(?P<m>[01]\d)(?P=s)(?P<d>[0-3]\d)(?!\d)")


@dataclass(frozen=True)
class PageMeta:
    title: str | None
    page_title: str | None  # the <title> element, which often keeps the suffix og:title drops
    h1: str | None
    headlines: tuple[str, ...]  # every <h1> and itemprop="headline" text, in page order
    description: str | None  # the page's summary for search engines: often the standfirst
    date: str | None  # ISO 8601 as the page writes it: its own day, clock and offset
    site_name: str | None
    url: str | None
    section: str | None
    author: str | None
    language: str | None  # the page's declared language tag, e.g. "en-US"
    host: str | None


def _norm(text: str | None) -> str | None:
    if text is None:
        return None
    for _ in range(MAX_ESCAPES):  # entities escaped twice or three times by the CMS
        unescaped = html.unescape(text)
        if unescaped == text:
            break
        text = unescaped
    text = " ".join(text.split())
    return text or None


def _meta_values(tree: etree._Element) -> dict[str, str]:
    """Lower-cased name/property/itemprop -> first non-empty content of <meta> tags."""
    found: dict[str, str] = {}
    for el in tree.iter("meta"):
        content = el.get("content")
        if not content or not content.strip():
            continue
        for attr in ("property", "name", "http-equiv"):
            key = el.get(attr)
            if key:
                found.setdefault(key.strip().lower(), content.strip())
    return found


def _json_ld(tree: etree._Element) -> Iterator[dict[str, Any]]:
    """Every JSON-LD object on the page, @graph members included."""
    for el in tree.iter("script"):
        if (el.get("type") or "").strip().lower() != "application/ld+json" or not el.text:
            continue
        try:
            data = json.loads(el.text.strip().rstrip(";"))
        except ValueError:
            continue
        stack = [data]
        while stack:
            item = stack.pop(0)
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                yield item
                if isinstance(item.get("@graph"), list):
                    stack.extend(item["@graph"])


def iso_date(value: str | None) -> str | None:
    """A date as pages write it -> ISO 8601, keeping the day, clock and offset as written."""
    if not value:
        return None
    text = value.strip()
    m = re.match(r"(\d{4})-?(\d{2})-?(\d{2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?"
                 r"\s*(Z|[+-]\d{2}:?\d{2})?)?", text)
    if m:
        y, mo, d, h, mi, s, off = m.groups()
        try:
            if h is None:
                return format_date(datetime(int(y), int(mo), int(d)).date())
            moment = datetime(int(y), int(mo), int(d), int(h), int(mi), int(s or 0))
        except ValueError:
            return None
        iso = format_date(moment)
        if off:
            iso += "+00:00" if off == "Z" else (off if ":" in off else f"{off[:3]}:{off[3:]}")
        return iso
    from generator.dates import DateParseError, parse_timestamp

    try:
        found = parse_timestamp(text)
    except DateParseError:
        return None
    if found is None and RFC_2822.match(text):
        try:
            return format_date(parsedate_to_datetime(text))  # "Mon, 29 Dec 2014 16:08:14 GMT"
        except (TypeError, ValueError, IndexError):
            return None
    return found.iso if found else None


def _date_candidates(tree: etree._Element, meta: dict[str, str], ld: list[dict[str, Any]],
                     parsely: dict[str, str]) -> Iterator[str]:
    """Every declared publication date, strongest source first."""
    yield from (meta[k] for k in OG_DATE_META if meta.get(k))
    for obj in ld:
        value = obj.get("datePublished") or obj.get("dateCreated")
        if isinstance(value, str):
            yield value
    for el in tree.iterfind(".//*[@itemprop='datePublished']"):
        yield from (v for v in (el.get("content"), el.get("datetime"), el.text) if v)
    yield from (meta[k] for k in DATE_META if meta.get(k))
    if parsely.get("pub_date"):
        yield parsely["pub_date"]


def _parsely(meta: dict[str, str]) -> dict[str, str]:
    """The text fields of Parse.ly's `parsely-page` tag (a JSON object in a <meta>)."""
    try:
        data = json.loads(meta.get("parsely-page") or "{}")
    except ValueError:
        return {}
    if not isinstance(data, dict):
        return {}
    return {k: v for k, v in ((k, _norm(v) if isinstance(v, str) else None) for k, v in data.items()) if v}


def _page_date(tree: etree._Element, meta: dict[str, str], ld: list[dict[str, Any]],
               parsely: dict[str, str]) -> str | None:
    candidates = list(_date_candidates(tree, meta, ld, parsely))
    for strict in (True, False):
        for value in candidates:
            if (not strict or ISO_START.match(value)) and iso_date(value):
                return iso_date(value)
    return None


def _url_date(url: str | None) -> str | None:
    if not url:
        return None
    m = URL_DATE.search(urlparse(url).path)
    return iso_date(f"{m['y']}-{m['m']}-{m['d']}") if m else None


def _ld_name(value: Any) -> str | None:
    if isinstance(value, dict):
        value = value.get("name")
    if isinstance(value, list):
        names = [_ld_name(v) for v in value]
        return ", ".join(n for n in names if n) or None
    return _norm(value) if isinstance(value, str) else None


def _text_of(tree: etree._Element, path: str) -> str | None:
    for el in tree.iterfind(path):
        text = _norm("".join(el.itertext()))
        if text:
            return text
    return None


def _texts(tree: etree._Element, xpath: str) -> Iterator[str]:
    for el in tree.xpath(xpath):
        if el.tag == "meta":
            text = _norm(el.get("content"))
        else:
            text = _norm("".join(el.itertext()))
        if text and len(text) <= 300:
            yield text


def read_page_meta(tree: etree._Element) -> PageMeta:
    meta = _meta_values(tree)
    ld = list(_json_ld(tree))
    title = next((_norm(meta[k]) for k in TITLE_META if meta.get(k)), None) or _text_of(tree, ".//title")
    url = None
    for link in tree.iterfind(".//link[@rel]"):
        if link.get("rel", "").strip().lower() == "canonical" and (link.get("href") or "").startswith("http"):
            url = link.get("href").strip()
            break
    url = url or (meta.get("og:url") if (meta.get("og:url") or "").startswith("http") else None)
    parsely = _parsely(meta)
    date = _page_date(tree, meta, ld, parsely) or _url_date(url)
    site = next((_norm(meta[k]) for k in SITE_META if meta.get(k)), None)
    site = site or next((_ld_name(o.get("publisher")) for o in ld if _ld_name(o.get("publisher"))), None)
    author = next((_norm(meta[k]) for k in AUTHOR_META if meta.get(k) and not meta[k].startswith("http")), None)
    author = author or next((_ld_name(o.get("author")) for o in ld if _ld_name(o.get("author"))), None)
    root = tree if tree.tag == "html" else tree.find(".//html")
    language = (root.get("lang") if root is not None else None) or meta.get("content-language") \
        or meta.get("og:locale") or meta.get("dc.language")
    return PageMeta(
        title=title,
        page_title=_text_of(tree, ".//title"),
        h1=_text_of(tree, ".//h1"),
        headlines=tuple(_texts(tree, "//h1|//*[@itemprop='headline']")),
        description=next((_norm(meta[k]) for k in DESCRIPTION_META if meta.get(k)), None),
        date=date,
        site_name=site,
        url=url,
        section=next((_norm(meta[k]) for k in SECTION_META if meta.get(k)), None) or parsely.get("section"),
        author=author,
        language=language,
        host=urlparse(url).hostname if url else None,
    )


def _letters(text: str) -> str:
    return re.sub(r"[^\w]", "", text.casefold()).replace("_", "")


def names_site(part: str, site_names: list[str], host: str | None) -> bool:
    """Does a title segment name the site ("CNN.com", "The Guardian", "NYTimes.com")?"""
    key = _letters(part)
    if not key:
        return False
    for name in site_names:
        other = _letters(name)
        if other and (key == other or (len(other) >= 4 and (other in key or key in other))):
            return True
    if host:
        labels = [lab for lab in host.lower().split(".")[:-1] if lab not in GENERIC_LABELS]
        bare = key.removeprefix("the").removesuffix("com")
        for label in labels:
            domain = _letters(label)
            if len(domain) >= 3 and (key.startswith(domain) or (len(bare) >= 3 and bare in domain)):
                return True
    return False


def spells_label(name: str, label: str) -> bool:
    """Is a domain label the name's words in order, each whole, as its initial or left out,
    with at least one whole word ("Dallas Morning News" -> dallasnews, "New York Times" ->
    nytimes, "Los Angeles Times" -> latimes)?"""
    target = _letters(label)
    words = re.findall(r"\w+", name.casefold())
    states = {(0, False)}  # (letters of the label matched, a whole word used)
    for word in words:
        for pos, whole in list(states):
            if target.startswith(word, pos):
                states.add((pos + len(word), True))
            if target.startswith(word[0], pos):
                states.add((pos + 1, whole))
    return bool(target) and (len(target), True) in states


def _registered_label(host: str) -> str | None:
    """The label a publisher registered: "letters.dallasnews.com" -> "dallasnews"."""
    labels = [lab for lab in host.lower().split(".")[:-1] if lab not in GENERIC_LABELS]
    return labels[-1] if labels else None


def publisher_name(site_name: str | None, titles: list[str | None], host: str | None) -> str | None:
    """The publisher, where the declared site name is only one of its blogs or sections.

    "Letters to the Editor" on letterstotheeditorblog.dallasnews.com, titled "Headline |
    Dallas Morning News": the site name does not name the registered domain but the title's
    suffix spells it, so the newspaper is the source. None where the site name stands.
    """
    if not (site_name and host):
        return None
    label = _registered_label(host)
    if not label or len(label) < 3 or names_site(site_name, [], f"{label}.com") or spells_label(site_name, label):
        return None
    for title in filter(None, titles):
        parts = TITLE_SEPARATOR.split(title.strip())
        for part in (parts[-1], parts[0]) if len(parts) > 1 else ():
            if spells_label(part, label) and len(part.split()) <= 6:
                return part.strip()
    return None


def site_in_title(title: str | None, host: str | None) -> str | None:
    """The site's name as the title gives it ("Library Opens Late — Town Crier" on
    towncrier.example.com -> "Town Crier"), for pages that declare no site name."""
    if not title:
        return None
    parts = TITLE_SEPARATOR.split(title.strip())
    for part in (parts[-1], parts[0]) if len(parts) > 1 else ():
        if names_site(part, [], host) and not re.search(r"\.[a-z]{2,4}$", part.strip()):
            return part.strip()
    return None


def clean_title(title: str | None, site_names: list[str], host: str | None,
                headlines: tuple[str, ...] = ()) -> str | None:
    """The headline without the site's name before or after it ("Headline | Site").

    The page's own <h1> wins where the declared title only adds to it ("Headline: Column:
    Site", "Headline (photo: Reuters)") or where the declared title is damaged ("Don???t").
    """
    if not title:
        return headlines[0] if headlines else None
    if title.lstrip()[:1] in "|-–—:·•»«" and headlines:
        return headlines[0]  # "| Site": the page left its headline out of the title
    title = PHOTO_CREDIT.sub("", title).strip(" |-–—:·•»«")
    for head in headlines:  # "Headline | Section | Site" where the <h1> is the headline alone
        hkey = _letters(head)
        if hkey and any(_letters(title[:m.start()]) == hkey for m in TITLE_SEPARATOR.finditer(title)):
            return head
    parts = TITLE_SEPARATOR.split(title)
    seps = TITLE_SEPARATOR.findall(title)
    site_sep = None
    while len(parts) > 1 and names_site(parts[-1], site_names, host):
        parts.pop()
        site_sep = seps.pop()
    while len(parts) > 1 and names_site(parts[0], site_names, host):
        parts.pop(0)
        seps.pop(0)
    # "Headline: The GQ Eye: GQ on Style: GQ": short labels joined to the site name by the same
    # separator are the site's column and section names.
    while (site_sep is not None and len(parts) > 1 and seps[-1] == site_sep
           and len(parts[-1].split()) <= SECTION_LABEL_WORDS and _capital_ratio(parts[-1]) == 1.0):
        parts.pop()
        seps.pop()
    cleaned = (parts[0] + "".join(s + p for s, p in zip(seps, parts[1:]))).strip() or title
    key = _letters(cleaned)
    damaged = re.search(r"\?{2,}|\ufffd", cleaned)
    for head in headlines:
        hkey = _letters(head)
        if hkey == key:
            break
        if not hkey:
            continue
        if damaged and _overlap(head, cleaned) >= 0.6:
            return head
    if len(key) < 3 and headlines:
        return headlines[0]
    return cleaned


def _capital_ratio(text: str) -> float:
    words = [w for w in text.split() if w[:1].isalpha() and w.lower() not in ("of", "on", "the", "and", "in", "a")]
    return sum(w[0].isupper() for w in words) / len(words) if words else 0.0


def _overlap(a: str, b: str) -> float:
    wa, wb = set(re.findall(r"\w+", a.casefold())), set(re.findall(r"\w+", b.casefold()))
    return len(wa & wb) / max(1, min(len(wa), len(wb)))
