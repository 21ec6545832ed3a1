"""Build synthetic archives with `mkdocs build` and report how the site scales.

For each size (default 1,000 and 5,000 articles) this writes a throw-away project (this repo's
mkdocs.yml and site_templates/, a synthetic registry, and article pages with realistic
front-matter: ~5 people, ~4 places, ~2 organizations, ~3 topics each, drawn from pools of a few
thousand), runs `mkdocs build` in a child process with the conversion switched off, and prints
seconds, peak memory (max RSS), site size, search index size, largest page, and the growth
exponent between the two sizes (1.0 = linear).

    python benchmarks/site_benchmark.py                 # 1000 and 5000
    python benchmarks/site_benchmark.py --sizes 200 1000 --keep benchmarks/out
"""

from __future__ import annotations

import argparse
import math
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
POOLS = {"people": 3000, "places": 2000, "organizations": 1000, "topics": 300}
PER_ARTICLE = {"people": 5, "places": 4, "organizations": 2, "topics": 3}
WORDS = ("minister government talks security alliance economy market election president agreed "
         "officials said ties region missile trade summit policy talks meeting foreign defense "
         "budget cooperation statement reporters tuesday capital border crisis").split()


def pool_names(kind: str, n: int, rng: random.Random) -> list[str]:
    first = ["Aki", "Bora", "Chen", "Dana", "Emil", "Farah", "Goro", "Hana", "Ivan", "Jun", "Kenji", "Lena"]
    if kind == "people":
        return [f"{rng.choice(first)} {kind[:3].title()}{i:04d}son" for i in range(n)]
    return [f"{kind[:-1].title()} {i:04d} {rng.choice(WORDS).title()}" for i in range(n)]


def write_project(target: Path, count: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    shutil.copytree(ROOT / "site_templates", target / "site_templates")
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8").replace("convert: true", "convert: false")
    (target / "mkdocs.yml").write_text(config, encoding="utf-8")
    pools = {kind: pool_names(kind, n, rng) for kind, n in POOLS.items()}
    registry = target / "registry"
    registry.mkdir()
    for kind, names in pools.items():  # a third of each pool is registered, with a role
        entries = [{"name": n, "aliases": [n.upper()], "role": f"Synthetic {kind} entry"} for n in names[::3]]
        (registry / f"{kind}.yml").write_text(yaml.safe_dump(entries, allow_unicode=True), encoding="utf-8")
    for i in range(count):
        year, month, day = rng.randint(1996, 2024), rng.randint(1, 12), rng.randint(1, 28)
        title = " ".join(rng.choice(WORDS) for _ in range(8)).capitalize() + f" {i}"
        meta = {
            "title": title,
            "date": f"{year}-{month:02d}-{day:02d}T{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}:00+09:00",
            "dateline": {"city": "Tokyo", "agency": rng.choice(["Reuters", "AP", "Jiji Press", None])},
            "source": "The Japan News", "section": rng.choice(["World", "Politics", "Business"]),
            **{kind: rng.sample(pools[kind], PER_ARTICLE[kind]) for kind in POOLS},
            "caption": None, "summary": " ".join(rng.choice(WORDS) for _ in range(30)) + ".",
            "notes": [], "reviewed": rng.random() < 0.1, "seed": f"seeds/{i:06d}.txt",
        }
        body = "\n\n".join(" ".join(rng.choice(WORDS) for _ in range(70)) + "." for _ in range(6))
        page = target / "content" / "articles" / f"{year}" / f"{month:02d}" / f"article-{i:06d}.md"
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text("---\n" + yaml.safe_dump(meta, sort_keys=False, allow_unicode=True) + "---\n" + body + "\n",
                        encoding="utf-8")


def build(project: Path) -> dict[str, float]:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    started = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet"], cwd=project, env=env)
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - started
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise SystemExit(f"mkdocs build failed in {project} (exit {proc.returncode})")
    site = project / "site"
    pages = [p for p in site.rglob("*.html")]
    return {
        "seconds": seconds,
        "peak_mb": usage.ru_maxrss / 1024,  # Linux reports KiB
        "site_mb": sum(p.stat().st_size for p in site.rglob("*") if p.is_file()) / 2**20,
        "search_mb": (site / "search" / "search_index.json").stat().st_size / 2**20,
        "pages": len(pages),
        "largest_article_kb": max((p.stat().st_size for p in (site / "articles").rglob("*.html")), default=0) / 1024,
        "largest_page_kb": max(p.stat().st_size for p in pages) / 1024,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000])
    parser.add_argument("--keep", type=Path, help="write the projects here instead of a temporary folder")
    args = parser.parse_args(argv)
    results: dict[int, dict[str, float]] = {}
    with tempfile.TemporaryDirectory(prefix="site-bench-") as tmp:
        base = args.keep or Path(tmp)
        for size in args.sizes:
            project = base / f"archive-{size}"
            shutil.rmtree(project, ignore_errors=True)
            project.mkdir(parents=True)
            write_project(project, size)
            results[size] = r = build(project)
            print(f"{size:>6} articles: {r['seconds']:6.1f} s  peak {r['peak_mb']:6.0f} MB  site {r['site_mb']:7.1f} MB  "
                  f"search index {r['search_mb']:6.1f} MB  {r['pages']:.0f} HTML pages  "
                  f"largest article page {r['largest_article_kb']:.0f} KB  largest page {r['largest_page_kb']:.0f} KB",
                  flush=True)
    sizes = sorted(results)
    if len(sizes) >= 2:
        small, large = sizes[0], sizes[-1]
        ratio = math.log(large / small)
        for key in ("seconds", "peak_mb", "site_mb", "search_mb"):
            exponent = math.log(results[large][key] / results[small][key]) / ratio
            print(f"growth exponent {small}->{large} ({key}): {exponent:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
