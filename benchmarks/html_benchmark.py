"""Speed of HTML seeds: saved web pages read per second on one core (target: 20 or more).

Pages are generated here (a news page with navigation, cookie banner, related links, comments
and footer around a story of N paragraphs), so no real page is needed. Real saved pages are
slower (bigger, with more scripts and markup): `--dir` times every .html/.htm file in a folder
instead, each page read once, CPU time of this process.

    python benchmarks/html_benchmark.py [--pages 200]
    python benchmarks/html_benchmark.py --dir path/to/saved/pages
"""

from __future__ import annotations

import argparse
import hashlib
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from generator.models import RawDocument  # noqa: E402
from generator.parse import parse_document  # noqa: E402
from generator.profiles import load_profiles  # noqa: E402

SENTENCE = ("Officials in the port city said on {day} that the plan number {n} would cost about {n} million "
            "euros and take two years, according to a statement from the council.")
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")


def page(n: int, paragraphs: int = 12) -> str:
    story = "\n".join(f"<p>{SENTENCE.format(day=DAYS[(n + i) % 5], n=n + i)}</p>" for i in range(paragraphs))
    related = "".join(f'<li><a href="/r{i}">Related headline number {i} about the city budget</a></li>' for i in range(8))
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Council Approves Plan {n} | Example Gazette</title>
<meta property="og:site_name" content="Example Gazette">
<meta property="article:published_time" content="2023-03-{n % 28 + 1:02d}T08:45:00+01:00">
<link rel="canonical" href="https://gazette.example.org/news/plan-{n}">
<script>var tracking = {{"id": {n}}};</script></head><body>
<div id="cookie-banner"><p>We use cookies to improve your experience.</p></div>
<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News from the whole region</a></li></ul></nav>
<article><h1>Council Approves Plan {n}</h1>
<figure><img src="/i.jpg"><figcaption>Council members vote on the plan on Monday.</figcaption></figure>
{story}</article>
<aside><h2>Related</h2><ul>{related}</ul></aside>
<div class="comments"><p>What a waste of money, as usual from this council!</p></div>
<footer>© 2023 Example Gazette</footer></body></html>"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", type=int, default=200)
    parser.add_argument("--dir", type=Path, help="time the saved pages in this folder instead")
    args = parser.parse_args()
    profiles = load_profiles(ROOT / "profiles")
    if args.dir:
        return time_saved_pages(args.dir, profiles)
    docs = [RawDocument(path=Path(f"/tmp/p{n}.html"), seed=f"seeds/p{n}.html", text=page(n), encoding="utf-8",
                        sha256=hashlib.sha256(str(n).encode()).hexdigest(), is_html=True)
            for n in range(args.pages)]
    parse_document(docs[0], profiles)  # imports and the language model load once, not timed
    start = time.perf_counter()
    for doc in docs:
        article = parse_document(doc, profiles)
        assert article.title.startswith("Council Approves Plan") and len(article.paragraphs) >= 12
    elapsed = time.perf_counter() - start
    print(f"{args.pages} HTML pages in {elapsed:.2f} s: {args.pages / elapsed:.1f} pages/s on one core")


def time_saved_pages(folder: Path, profiles) -> None:
    from generator.sources import read_raw

    paths = sorted(p for p in folder.rglob("*") if p.suffix.lower() in (".html", ".htm"))
    docs = [read_raw(p, folder) for p in paths]
    parse_document(docs[0], profiles)  # imports and the language model load once, not timed
    start = time.process_time()
    for doc in docs:
        parse_document(doc, profiles)
    elapsed = time.process_time() - start
    print(f"{len(docs)} saved pages in {elapsed:.2f} s of CPU: {len(docs) / elapsed:.1f} pages/s on one core")


if __name__ == "__main__":
    main()
