"""Saved web pages (HTML seeds) -> Article, with trafilatura for the story.

trafilatura (a maintained main-text extractor) finds the story among navigation, adverts,
cookie banners, comments and related links. The page's own metadata (`html_meta`) gives
headline, date with its offset, site name and canonical URL; trafilatura's metadata fills
what the page does not declare. A profile chosen by the page's host may drop more page parts
(`junk_selectors`) and name the publisher (`source`).
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path
from typing import Any, Sequence

from generator.datelines import match_dateline
from generator.html_meta import PageMeta, clean_title, publisher_name, read_page_meta, site_in_title
from generator.language import detect_language, normalise_language
from generator.models import Article, ArticleError, Dateline, RawDocument
from generator.profiles import Profile, generic_profile, profile_for_host

__all__ = ["HTML_SUFFIXES", "looks_like_html", "decode_html", "parse_html"]

HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml", ".shtml"})
# What an HTML document starts with, after an XML declaration and comments.
_HTML_START = re.compile(
    r"\A\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title|link|script)\b",
    re.IGNORECASE | re.DOTALL)
_HTML_HINT = re.compile(r"<(?:html|head|body)\b[^>]*>", re.IGNORECASE)
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)""", re.IGNORECASE)
# Encodings pages declare that Python knows under another (or a wider) name.
_CHARSET_ALIASES = {"iso-8859-1": "cp1252", "latin1": "cp1252", "latin-1": "cp1252", "us-ascii": "cp1252",
                    "ascii": "cp1252", "gb2312": "gb18030", "gbk": "gb18030", "x-sjis": "cp932",
                    "shift_jis": "cp932", "shift-jis": "cp932", "sjis": "cp932", "euc-kr": "cp949",
                    "ks_c_5601-1987": "cp949", "big5": "big5hkscs", "tis-620": "cp874", "utf8": "utf-8"}
# Lines trafilatura keeps that are page furniture, not story ("Read more", share prompts).
_FURNITURE = re.compile(
    r"(?i)(?:read|see|view|show|load)\s+(?:more|full\s+story|all|comments?)\b.{0,40}|(?:related|recommended|"
    r"more\s+from|most\s+(?:popular|read|viewed))(?:\s+\w+){0,3}\s*:?|advertisement|(?:we|this\s+(?:site|"
    r"website))\s+uses?\s+cookies\b.*|.{0,60}\baccept\s+(?:all\s+)?cookies\b.{0,60}|"
    r"(?:photo|image|video)\s*:?\s*(?:getty|reuters|ap|afp)?|comments?\s*\(\d+\)|\d+\s+comments?")
# Share buttons kept as a list ("- Tweet this", "Email", "Reprints"): two in a row end the story.
_SHARE = re.compile(r"(?i)[-•*·]?\s*(?:tweet|share|link|digg|email|e-mail|print|reprints?|pin(?:\s+it)?|like|"
                    r"save|comment|whatsapp|facebook|twitter|linkedin|reddit)(?:\s+(?:this|it|on\s+\w+|"
                    r"(?:this\s+)?(?:article|story|page)))?\s*")
MIN_CAPTION_WORDS = 4
MIN_STANDFIRST_WORDS = 6
STANDFIRST_SHARED_WORDS = 0.3  # share of its longer words a standfirst has in common with the story


def looks_like_html(text: str, path: str | Path | None = None) -> bool:
    """An .html/.htm file, or any file whose text starts as an HTML document does."""
    if path is not None and Path(path).suffix.lower() in HTML_SUFFIXES:
        return True
    head = text[:2000]
    return bool(_HTML_START.match(head)) or bool(_HTML_HINT.search(head) and "</" in head)


def decode_html(data: bytes, path: str | Path = "<bytes>") -> tuple[str, str]:
    """Decode a saved page: byte-order mark, then the page's declared charset, then UTF-8,
    then the best guess. Returns (text, encoding name)."""
    from charset_normalizer import from_bytes

    for bom, codec in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                       (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return data.decode(codec, errors="replace"), codec.removesuffix("-sig")
    declared = _CHARSET.search(data[:4096])
    candidates = []
    if declared:
        name = declared.group(1).decode("ascii", "ignore").lower()
        candidates.append(_CHARSET_ALIASES.get(name, name))
    candidates.append("utf-8")
    for codec in candidates:
        try:
            return data.decode(codec), codecs.lookup(codec).name
        except (LookupError, UnicodeDecodeError):
            continue
    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        if declared:  # a few bad bytes in a page that says what it is: keep the rest
            try:
                return data.decode(candidates[0], errors="replace"), candidates[0]
            except LookupError:
                pass
        raise ArticleError(path, "web page is neither UTF-8 nor in the encoding it declares")
    return str(best), best.encoding


def _trafilatura() -> Any:
    """Import trafilatura on first use: it costs about a second, and text-only archives never need it."""
    import trafilatura

    return trafilatura


def _paragraphs(text: str | None, title: str | None, h1: str | None, rules: Sequence[Profile]) -> list[str]:
    """trafilatura's text, one paragraph a line -> story paragraphs without page furniture."""
    junk = [p for r in rules for p in r.junk_lines]
    heads = {_key(t) for t in (title, h1) if t}
    out: list[str] = []
    shares = 0
    for line in (text or "").split("\n"):
        line = " ".join(line.split())
        if _SHARE.fullmatch(line):
            shares += 1
            if shares >= 2 and len(out) >= 2:
                break  # a row of share buttons: what follows is the site's, not the story's
            continue
        shares = 0
        if not line or _FURNITURE.fullmatch(line) or any(p.fullmatch(line) for p in junk):
            continue
        if not out and _key(line) in heads:
            continue  # the headline repeated above the story
        if out and line == out[-1]:
            continue
        out.append(line)
    return _without_link_list(out)


MIN_LINK_LIST = 6  # this many headline-like lines in a row closing the text: a list of links
MAX_LINK_WORDS = 14


def _headline_like(line: str) -> bool:
    """Short, and not a sentence: a link's text ("Surfer Survives Shark Bite", "Reuters", a title
    cut short with "...") rather than a line of the story."""
    return len(line.split()) <= MAX_LINK_WORDS and (not line.endswith((".", "!", "?")) or line.endswith(("...", "\u2026")))


def _without_link_list(paragraphs: list[str]) -> list[str]:
    """The story without a closing list of other headlines (related videos, "more news"):
    extraction keeps such lists when the page marks them up like text."""
    end = len(paragraphs)
    while end and _headline_like(paragraphs[end - 1]):
        end -= 1
    return paragraphs[:end] if len(paragraphs) - end >= MIN_LINK_LIST and end else paragraphs


def _key(text: str) -> str:
    return re.sub(r"\W+", "", text.casefold())


def _caption(tree: Any) -> str | None:
    """The lead picture's caption: the first <figcaption> (or caption element) with words in it."""
    for path in (".//figure//figcaption", ".//*[@class][contains(@class, 'caption')]"):
        for el in tree.iterfind(path) if path.startswith(".//figure") else tree.xpath(path):
            text = _element_text(el)
            if len(text.split()) >= MIN_CAPTION_WORDS:
                return text
    return None


def _standfirst(description: str | None, paragraphs: list[str], title: str) -> str | None:
    """The page's description when it is a real sentence about this story, not a cut-off
    copy of the lead ("The BSE Sensex ended ...") or the site's motto."""
    if not description or len(description.split()) < MIN_STANDFIRST_WORDS or not paragraphs:
        return None
    text = description.strip()
    if text.endswith(("...", "…")) or not re.search(r"[.!?][\"”’']?$", text):
        return None
    if _key(text) == _key(title):
        return None
    words = {w for w in re.findall(r"\w{4,}", text.casefold())}
    story = set(re.findall(r"\w{4,}", " ".join(paragraphs).casefold()))
    if not words or len(words & story) / len(words) < STANDFIRST_SHARED_WORDS:
        return None
    return text


def _byline(*candidates: str | None) -> str | None:
    for name in candidates:
        if not name:
            continue
        name = re.sub(r"(?i)^by\s+", "", name.strip())
        words = name.split()
        # trafilatura may read script text as an author ("Googletag Cmd Push Dfp Ad"): a byline
        # is a few words, not a sentence or a tracking tag.
        if 1 <= len(words) <= 12 and len(name) <= 120 and not re.search(r"[{}<>=;]|https?:", name):
            return name
    return None


def parse_html(raw: RawDocument, profiles: Sequence[Profile]) -> Article:
    """Read a saved web page (raw.text is the decoded HTML) into an Article."""
    from lxml import html as lxml_html
    from generator.parse import summarize

    trafilatura = _trafilatura()
    try:
        tree = lxml_html.document_fromstring(raw.text.encode("utf-8"), parser=lxml_html.HTMLParser(encoding="utf-8"))
    except (ValueError, TypeError) as exc:  # lxml: "Document is empty"
        raise ArticleError(raw.path, f"web page has no readable HTML: {exc}") from exc
    meta = read_page_meta(tree)
    generic = generic_profile(profiles)
    profile = profile_for_host(meta.host, profiles) or generic
    caption = _caption(tree)
    # The page's own date tag wins over htmldate's guess, so when it has one htmldate need not
    # search the text (its extensive search tries every dateparser locale: half the time).
    from trafilatura.settings import set_date_params

    date_params = set_date_params(extensive=meta.date is None)
    doc = trafilatura.bare_extraction(
        tree, url=meta.url, with_metadata=True, include_comments=False, include_images=False,
        prune_xpath=list(profile.junk_selectors) or None, fast=False, date_extraction_params=date_params)
    doc_meta: dict[str, Any] = doc.as_dict() if doc is not None else {}
    if doc is not None and doc.body is not None:
        doc_meta["text"] = _story_text(doc.body)
    doc_meta["text"] = _with_gallery(doc_meta.get("text") or "", raw.text)
    return _article(raw, meta, doc_meta, profile, generic, caption, summarize)


# Block elements of trafilatura's document tree: inside a list item they are slides or cards
# (a heading and its paragraph), each its own paragraph, not one run-on line.
_BLOCKS = frozenset({"head", "p", "list", "quote", "table"})


def _story_text(body: Any) -> str:
    """trafilatura's text, one paragraph a line, with list items that hold whole blocks (a
    gallery's heading and caption) unwrapped: its plain-text writer joins their parts with no
    space ("Fall Bowl CenterpieceThis decoration ...") and leaves a lone "-" for the item."""
    from trafilatura.xml import xmltotxt

    for item in list(body.iter("item")):
        if not any(child.tag in _BLOCKS for child in item):
            continue
        parent = item.getparent()
        if parent is None:
            continue
        index = parent.index(item)
        lead = (item.text or "").strip()
        parts = list(item)
        if lead:
            first = item.makeelement("p", {})
            first.text = lead
            parts.insert(0, first)
        for offset, child in enumerate(parts):
            parent.insert(index + offset, child)
        parent.remove(item)
    return xmltotxt(body, False)


SHORT_STORY_WORDS = 150  # extracted text this short may be only a gallery's introduction
MIN_SLIDES = 3
MIN_SLIDE_WORDS = 8


def _with_gallery(text: str, page: str) -> str:
    """A slideshow's slides after its introduction. Galleries put each slide (a heading and
    its text) in a repeated block that extractors score as boilerplate, so a page whose
    extracted story is a few lines gets the richest run of slides, when they say more."""
    words = len(text.split())
    if words >= SHORT_STORY_WORDS:
        return text
    from lxml import html as lxml_html

    slides = _slides(lxml_html.document_fromstring(page.encode("utf-8"), parser=lxml_html.HTMLParser(encoding="utf-8")))
    if sum(len(line.split()) for line in slides) <= 2 * words:
        return text
    return "\n".join([text, *slides]) if text else "\n".join(slides)


def _slides(tree: Any) -> list[str]:
    """The longest run of sibling blocks of one kind (same tag and class) that each hold a
    heading and a paragraph of text: heading, then paragraphs, slide by slide."""
    best: list[str] = []
    best_words = 0
    for parent in tree.iter():
        groups: dict[tuple[str, str | None], list[Any]] = {}
        for child in parent:
            if isinstance(child.tag, str):
                groups.setdefault((child.tag, child.get("class")), []).append(child)
        for members in groups.values():
            if len(members) < MIN_SLIDES:
                continue
            lines: list[str] = []
            count = 0
            for block in members:
                heads = block.xpath(".//h2|.//h3|.//h4")
                paras = [t for t in map(_element_text, block.xpath(".//p")) if len(t.split()) >= MIN_SLIDE_WORDS]
                if heads and paras:
                    count += 1
                    lines += [_element_text(heads[0]), *paras]
            words = sum(len(line.split()) for line in lines)
            if count >= MIN_SLIDES and words > best_words:
                best, best_words = lines, words
    return best


def _element_text(element: Any) -> str:
    return " ".join("".join(element.itertext()).split())


def _article(raw: RawDocument, meta: PageMeta, doc: dict[str, Any], profile: Profile, generic: Profile,
             caption: str | None, summarize: Any) -> Article:
    site_names = [n for n in (meta.site_name, doc.get("sitename"), profile.source) if n]
    host = meta.host or doc.get("hostname")
    title = clean_title(meta.title or doc.get("title"), site_names, host, meta.headlines) or ""
    rules = (profile,) if profile is generic else (profile, generic)
    paragraphs = _paragraphs(doc.get("text"), title, meta.h1, rules)
    lead = paragraphs[0] if paragraphs else ""
    dateline = match_dateline(lead)
    lead_text = lead[len(dateline.raw):] if dateline else lead
    date = meta.date or doc.get("date")
    categories = doc.get("categories") or []
    publisher = publisher_name(meta.site_name, [meta.title, meta.page_title], host)
    source = profile.source or publisher or meta.site_name or site_in_title(meta.title, host) \
        or doc.get("sitename") or host
    # The blog or section the page declared as its site ("Letters to the Editor") is its section.
    section = meta.section or (categories[0] if categories else None) or (meta.site_name if publisher else None)
    language = detect_language(" ".join(paragraphs)) or normalise_language(meta.language) \
        or normalise_language(doc.get("language"))
    problems = list(raw.notes)
    if not date:
        problems.append("no date found")
    if not paragraphs:
        problems.append("no story paragraphs found")
    if not title:
        problems.append("no title found")
    # The body keeps what the publisher wrote for the article above the story too: the
    # standfirst and the lead picture's caption (also given alone in `caption`).
    story_text = _key(" ".join(paragraphs))
    top = [p for p in (_standfirst(meta.description, paragraphs, title), caption)
           if p and _key(p) not in story_text]
    paragraphs = top + paragraphs
    return Article(
        seed=raw.seed,
        title=title,
        date=date,
        dateline=Dateline(city=dateline.city if dateline else None, agency=dateline.agency if dateline else None),
        source=source,
        section=section,
        caption=caption,
        summary=summarize(lead_text),
        paragraphs=tuple(paragraphs),
        problems=tuple(problems),
        byline=_byline(meta.author, doc.get("author")),
        url=meta.url or doc.get("url"),
        language=language,
    )
