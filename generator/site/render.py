"""Generated pages: which ones exist (`plan_pages`), and their HTML (`Renderer`).

Every generated page (home, indexes, timeline, terms, letters, months) is a `File.generated`
MkDocs page with empty Markdown, outside the navigation except home, indexes and timeline. Its
HTML comes from a Jinja template in `site_templates/archive/` rendered by an *autoescaping*
environment, so no front-matter value can produce markup.
"""

from __future__ import annotations

import datetime as dt
import html
from dataclasses import dataclass, field
from typing import Any, Callable, Sequence

import jinja2
from markupsafe import Markup

from generator.models import ENTITY_KINDS
from generator.sanitize import note_html
from generator.site.citation import bibtex, cite_text
from generator.site.pictures import Pictures, month_url
from generator.site.records import ArticleRecord
from generator.site.search import FACETS, FILTER_KEYS
from generator.site.template_code import TemplateCode
from generator.site.terms import KIND_LABELS, Term, TermIndex
from generator.site.timeline import Timeline, by_day, on_this_day, undated_groups

DATING_HELP = ("To date an article, give its page a date in its front-matter (date: 2022-05-10T17:48:00+09:00); "
               "if its text gives a day and month but no year, set year: in the _defaults.yml of its seed folder "
               "and build again.")

TEMPLATE_DIR = "archive"  # inside the theme's custom_dir (site_templates/)


@dataclass(frozen=True)
class Pager:
    number: int  # 1-based
    total: int
    base_url: str  # page 1's URL; page n>1 lives at base_url + "page/n/"

    def url(self, number: int) -> str:
        return self.base_url if number == 1 else f"{self.base_url}page/{number}/"

    @property
    def src_uri(self) -> str:
        return self.url(self.number) + "index.md"


@dataclass
class GeneratedPage:
    src_uri: str  # always ".../index.md" (or "index.md"): the page lives at a folder URL
    title: str  # plain text; escaped when rendered
    template: str  # file name under site_templates/archive/
    in_nav: bool = False  # listed in mkdocs.yml's nav; the others are NOT_IN_NAV
    edit_path: str | None = None  # repository path for the edit link
    data: dict[str, Any] = field(default_factory=dict)
    # More context for the template, computed from `data` alone and only when the page is
    # rendered. Being a function of `data`, it is not fingerprinted (cache.py hashes title,
    # template and data): lists derived for every page of every build cost a walk each.
    derive: Callable[[dict[str, Any]], dict[str, Any]] | None = None

    @property
    def url(self) -> str:
        return self.src_uri.removesuffix("index.md")



def paginate(items: Sequence[Any], size: int, base_url: str) -> list[tuple[Pager, Sequence[Any]]]:
    size = max(1, size)
    total = max(1, -(-len(items) // size))
    return [(Pager(n, total, base_url), page_of(items, n, size)) for n in range(1, total + 1)]


def page_of(items: Sequence[Any], number: int, size: int) -> Sequence[Any]:
    """The items on page `number` (1-based) of `size` each."""
    size = max(1, size)
    return items[(number - 1) * size : number * size]


def term_groups(data: dict[str, Any]) -> dict[str, Any]:
    """A term page's articles by year: its page of the term's articles (`derive` of term pages)."""
    return {"groups": by_year(page_of(data["term"].articles, data["pager"].number, data["page_size"]))}


def by_year(records: Sequence[ArticleRecord]) -> list[tuple[str, list[ArticleRecord]]]:
    """Consecutive records grouped under their year ("Undated" last), keeping the order."""
    groups: list[tuple[str, list[ArticleRecord]]] = []
    for record in records:
        label = str(record.date.year) if record.date else "Undated"
        if not groups or groups[-1][0] != label:
            groups.append((label, []))
        groups[-1][1].append(record)
    return groups


def by_initial(terms: Sequence[Term]) -> list[tuple[str, list[Term]]]:
    groups: dict[str, list[Term]] = {}
    for term in terms:
        groups.setdefault(term.initial, []).append(term)
    return sorted(groups.items(), key=lambda kv: (kv[0] == "#", kv[0]))


def plan_pages(records: list[ArticleRecord], index: TermIndex, timeline: Timeline, *,
               page_size: int, index_page_size: int, latest: int, with_home: bool,
               feed_url: str | None, with_search: bool = True, term_feeds: bool = False,
               today: dt.date | None = None) -> list[GeneratedPage]:
    pages: list[GeneratedPage] = []
    months = timeline.span()
    span = (months[0], months[-1]) if months else None  # the archive's first and last month
    counts = timeline.counts()
    if with_search:
        pages.append(GeneratedPage("search/index.md", "Search", "search.html",
                                   edit_path="site_templates/archive/search.html", data={"facets": FACETS}))
    if with_home:
        reviewed = sum(1 for r in records if r.reviewed)
        pages.append(GeneratedPage("index.md", "Home", "home.html", in_nav=True, edit_path="site_templates/archive/home.html",
                                   data={"latest": records[:latest], "total": len(records), "reviewed": reviewed,
                                         "counts": index.counts(), "feed_url": feed_url,
                                         "years": timeline.years[:5], "month_counts": counts, "span": months,
                                         "today": today, "on_this_day": on_this_day(records, today) if today else []}))
    for kind in ENTITY_KINDS:
        plural, singular = KIND_LABELS[kind]
        terms = index.sorted_terms(kind)
        letters = by_initial(terms)
        split = len(terms) > index_page_size
        top = sorted(terms, key=lambda t: (-t.count, t.slug))[:50] if split else []
        pages.append(GeneratedPage(f"{kind}/index.md", plural, "index.html", in_nav=True,
                                   edit_path="site_templates/archive/index.html",
                                   data={"kind": kind, "plural": plural, "terms": terms, "letters": letters,
                                         "split": split, "top": top}))
        if split:
            for letter, group in letters:
                slug = "0-9" if letter == "#" else letter
                pages.append(GeneratedPage(f"{kind}/by-letter/{slug}/index.md", f"{plural}: {letter.upper()}",
                                           "letter.html", edit_path="site_templates/archive/letter.html",
                                           data={"kind": kind, "plural": plural, "letter": letter.upper(),
                                                 "terms": group, "letters": letters}))
        registry_file = f"registry/{kind}.yml"
        for term in terms:
            for pager, _ in paginate(term.articles, page_size, term.url):
                title = term.name if pager.number == 1 else f"{term.name} (page {pager.number})"
                pages.append(GeneratedPage(pager.src_uri, title, "term.html",
                                           edit_path=registry_file, derive=term_groups,
                                           data={"term": term, "singular": singular, "pager": pager,
                                                 "page_size": page_size, "span": span, "feed": term_feeds}))
    pages.append(GeneratedPage("timeline/index.md", "Timeline", "timeline.html", in_nav=True,
                               edit_path="site_templates/archive/timeline.html",
                               data={"years": timeline.years, "undated": len(timeline.undated),
                                     "undated_url": Timeline.UNDATED_URL, "month_counts": counts, "span": months}))
    for year in timeline.years:
        pages.append(GeneratedPage(year.url + "index.md", str(year.year), "year.html",
                                   edit_path="site_templates/archive/year.html",
                                   data={"year": year, "month_counts": year.counts(), "span": year.span()}))
    for month in timeline.months:  # oldest first in the sources' local time, under day headings
        for pager, chunk in paginate(month.articles, page_size, month.url):
            title = month.title if pager.number == 1 else f"{month.title} (page {pager.number})"
            pages.append(GeneratedPage(pager.src_uri, title, "month.html", edit_path="site_templates/archive/month.html",
                                       data={"period": month.title, "year_url": f"timeline/{month.year:04d}/",
                                             "pager": pager, "days": by_day(chunk)}))
    undated = [r for group in undated_groups(timeline.undated) for r in group.articles]
    for pager, chunk in paginate(undated, page_size, Timeline.UNDATED_URL) if undated else []:
        title = "Undated articles" + ("" if pager.number == 1 else f" (page {pager.number})")
        pages.append(GeneratedPage(pager.src_uri, title, "undated.html", edit_path="site_templates/archive/undated.html",
                                   data={"total": len(undated), "pager": pager, "groups": undated_groups(chunk),
                                         "help": DATING_HELP}))
    return pages


class Renderer:
    """Renders archive fragments with autoescaping; links are made relative to the page's URL.

    A link is the page's path back to the site root ("../../") plus the target's URL: valid from
    anywhere, and cheap enough that an article's listing entry is built once per page depth and
    reused on every term and month page that lists it (Jinja macros were a third of build time).
    Targets are the site's folder URLs ("people/x/"); with `use_directory_urls: false` (MkDocs'
    offline layout) they point at the folder's index.html. Every target is recorded, so the
    plugin can warn about a link to a page that does not exist (`--strict` then fails).
    """

    def __init__(self, template_dirs: Sequence[str], directory_urls: bool = True,
                 code: TemplateCode | None = None) -> None:
        self.env = jinja2.Environment(loader=jinja2.FileSystemLoader(list(template_dirs)), autoescape=True,
                                      trim_blocks=True, lstrip_blocks=True, undefined=jinja2.StrictUndefined)
        if code is not None:  # `serve`: the last build's compiled templates (template_code.py)
            code.attach(self.env)
        self.env.get_template(f"{TEMPLATE_DIR}/article.html")  # fail early, naming the missing file
        self.directory_urls = directory_urls
        self._items: dict[tuple[int, str, bool], Markup] = {}
        self.pictures: Pictures | None = None  # set for each build, once the archive is known
        self.site_name, self.site_url = "", None  # for citations: the permanent URL
        self.targets: set[str] = set()  # link targets (site URLs, no fragment) since the last take_targets()

    def reset(self) -> None:
        self._items.clear()
        self.targets.clear()

    def take_targets(self) -> set[str]:
        targets, self.targets = self.targets, set()
        return targets

    def url(self, target: str) -> str:
        """A folder URL ("people/x/", "" for home) as this site spells it."""
        path, hash_, fragment = target.partition("#")
        if not self.directory_urls and (path == "" or path.endswith("/")):
            path += "index.html"
        return path + hash_ + fragment

    def item(self, r: ArticleRecord, root: str, show_date: bool = True) -> Markup:
        """One `<li>` of a listing: date, headline link, dateline and source (all escaped).

        The most repeated markup of the site (an article is listed on each of its terms' pages, its
        month's and other articles' related lists), so it holds no classes: `ul.na-list` styles its
        `<time>` (the day the list shows: the article's own date, not its hour), the undated
        `.na-nd` and the `<small>` print of dateline and source (archive.css).
        """
        key = (r.index, root, show_date)
        hit = self._items.get(key)
        self.targets.add(r.url)
        if hit is None:
            e = html.escape
            date = ""
            if show_date:
                date = (f'<time datetime="{e(r.date.iso[:10])}">{e(r.date.day_display)}</time>'
                        if r.date else '<span class="na-nd">Undated</span>')
            meta = " · ".join(e(x) for x in (r.dateline, r.source) if x)
            meta = f"<small>{meta}</small>" if meta else ""
            hit = Markup(f'<li>{date}<a href="{e(root + r.url)}">{e(r.title)}</a>{meta}</li>')
            self._items[key] = hit
        return hit

    def _render(self, name: str, dest_uri: str, **context: Any) -> str:
        """`dest_uri`: the page's output file ("people/x/index.html"), which fixes its depth."""
        root = "../" * dest_uri.count("/")

        def link(target: str) -> str:
            url = self.url(target)
            self.targets.add(url.partition("#")[0])
            return (root + url) or "./"

        def item(r: ArticleRecord, show_date: bool = True) -> Markup:
            return self.item(r, root, show_date)

        return self.env.get_template(f"{TEMPLATE_DIR}/{name}").render(link=link, item=item, labels=KIND_LABELS,
                                                                       filters=FILTER_KEYS, pictures=self.pictures,
                                                                       **context)

    def permalink(self, url: str) -> str:
        """A page's permanent URL: absolute with a site_url, else the path from the site's root."""
        return self.site_url.rstrip("/") + "/" + self.url(url) if self.site_url else self.url(url)

    def article(self, record: ArticleRecord, body_html: str, index: TermIndex,
                related: list[ArticleRecord], dest_uri: str,
                neighbours: tuple[ArticleRecord | None, ArticleRecord | None] = (None, None)) -> str:
        """`neighbours`: the articles just before and just after this one in time."""
        terms = [(kind, index.terms_of(record, kind)) for kind in ENTITY_KINDS]
        notes = [Markup(note_html(note)) for note in record.notes]  # Markdown, sanitised
        url = self.permalink(record.url)
        month = month_url((record.date.year, record.date.month)) if record.date else None
        return self._render("article.html", dest_uri, r=record, body=Markup(body_html), notes=notes,
                            terms=[(k, ts) for k, ts in terms if ts], related=related, month_url=month,
                            older=neighbours[0], newer=neighbours[1], permalink=url,
                            cite=cite_text(record, url=url, site_name=self.site_name),
                            bibtex=bibtex(record, url=url, site_name=self.site_name))

    def generated(self, spec: GeneratedPage, dest_uri: str) -> str:
        context = spec.data if spec.derive is None else {**spec.data, **spec.derive(spec.data)}
        return self._render(spec.template, dest_uri, title=spec.title, **context)


def escape_title(text: str) -> str:
    """MkDocs and Material treat page titles as HTML (`<title>`, header, search index): escape."""
    return html.escape(text, quote=True)
