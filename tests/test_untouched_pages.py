"""The build never rewrites a page it does not fully understand, and `check` says the same.

Each case breaks the built page the way a careless or hostile edit would. The next build must
leave the page byte for byte, print one line naming it, its line and the fix, still convert the
other seeds, and make `build --strict` fail; `check` must report the same message on the same line.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Callable

import pytest

from generator.build import build_archive
from generator.check import run_check
from generator.cli import main
from generator.config import ProjectPaths
from conftest import small_checkout

REPO = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).parent / "fixtures" / "check"
SEED = "seeds/000_c15d51d3465a3ed0.txt"
NEW_SEED = """Ministers Meet in Berlin
18:05 CET, March 3, 2023
BERLIN (Reuters) – German Chancellor Olaf Scholz met French President Emmanuel Macron in Berlin on Friday.
Scholz said the two countries would coordinate their positions on energy prices.
"""
NOT_UPDATED = " (page not updated until this is fixed)"


@pytest.fixture
def checkout(tmp_path: Path) -> ProjectPaths:
    root = small_checkout(tmp_path / "archive")
    paths = ProjectPaths.from_root(root)
    build_archive(paths, quiet=True)
    return paths


def the_page(paths: ProjectPaths) -> Path:
    (page,) = sorted(paths.articles.rglob("*.md"))
    return page


def replaced(old: str, new: str) -> Callable[[bytes], bytes]:
    def edit(page: bytes) -> bytes:
        assert old.encode() in page
        return page.replace(old.encode(), new.encode(), 1)
    return edit


def line_of(page: bytes, text: str) -> int:
    return page.decode("utf-8", "replace").split("\n").index(text) + 1


BOMB = "people: &a [x, x, x, x, x, x, x, x, x]\nplaces: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n" \
       "topics: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\norganizations: [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
DEPTH = ("is nested more than 8 levels deep (lists and mappings inside each other); "
         "a page or registry entry never needs that")
ANCHOR = ("uses a YAML anchor or alias ('&name' / '*name'), which are not allowed here; write the value out in full")

# (case, edit of the page's bytes, expected line (a number or the text of the line), expected message)
CASES: list[tuple[str, Callable[[bytes], bytes], int | str, str]] = [
    ("unknown key", replaced("people:\n", "peopel:\n"), "peopel:", "unknown key 'peopel' (did you mean 'people'?)"),
    ("no opening ---", lambda p: p.split(b"\n", 1)[1], 1,
     "no front-matter: an article page starts with a line '---', then its keys, then '---'"),
    ("no closing ---", replaced("seed: seeds/000_c15d51d3465a3ed0.txt\n---\n", "seed: seeds/000_c15d51d3465a3ed0.txt\n"),
     1, "the front-matter has no closing '---' line"),
    ("wrong type", replaced("reviewed: false", "reviewed: 'no'"), "reviewed: 'no'",
     "'reviewed' must be true or false, not text"),
    ("list as text", replaced("organizations: []", "organizations: none"), "organizations: none",
     "'organizations' must be a list, not text"),
    ("impossible date, unquoted", replaced("date: '2022-05-10T17:48:00+09:00'", "date: 2022-13-40"),
     "date: 2022-13-40", "'date' '2022-13-40' is not a real date or time"),
    ("impossible date, quoted", replaced("date: '2022-05-10T17:48:00+09:00'", "date: '2022-13-40'"),
     "date: '2022-13-40'", "'date' '2022-13-40' is not a real date or time"),
    ("date as a tagged timestamp", replaced("date: '2022-05-10T17:48:00+09:00'", "date: !!timestamp 2022-13-40"),
     "date: !!timestamp 2022-13-40",
     "front-matter uses a YAML tag ('!!…' or '!…'), which is not allowed here; write the plain value"),
    ("note read as a mapping", replaced("notes: []", "notes:\n- Correction: the caption misspells Yoon."),
     "- Correction: the caption misspells Yoon.",
     "'notes' item 1 must be text, not a mapping: put text containing ': ' in quotes: "
     "- 'Correction: the caption misspells Yoon.'"),
    ("duplicate key", replaced("reviewed: false\n", "reviewed: false\nnotes: [Checked.]\n"), "notes: [Checked.]",
     "duplicate key 'notes' (first on line 32)"),
    ("not UTF-8", lambda p: p.replace(b"title: Japan and South Korea", b"title: Japan and South \xff Korea", 1), 3,
     "not UTF-8 text (invalid start byte at byte 106); save the file as UTF-8"),
    ("anchor and alias", replaced("organizations: []\n", "organizations: &o [Reuters]\nsection: *o\n"),
     "organizations: &o [Reuters]", f"front-matter {ANCHOR}"),
    ("alias bomb", replaced("organizations: []\n", BOMB), "people: &a [x, x, x, x, x, x, x, x, x]",
     f"front-matter {ANCHOR}"),
    ("5,000 nested brackets", replaced("notes: []", "notes: " + "[" * 5000 + "]" * 5000),
     "notes: " + "[" * 5000 + "]" * 5000, f"front-matter {DEPTH}"),
    ("100,000 nested brackets", replaced("notes: []", "notes: " + "[" * 100_000), 2,
     "front-matter is 101,061 bytes, over the limit of 64,000; shorten it"),
    ("60,000 nested brackets", replaced("notes: []", "notes: " + "[" * 60_000), "notes: " + "[" * 60_000,
     f"front-matter {DEPTH}"),
    ("deep block nesting", replaced("notes: []", "notes:\n" + "- " * 5000 + "x"), "- " * 5000 + "x",
     f"front-matter {DEPTH}"),
    ("front-matter too large", replaced("notes: []", "notes: ['" + "x" * 70_000 + "']"), 2,
     "front-matter is 71,065 bytes, over the limit of 64,000; shorten it"),
]


@pytest.mark.parametrize(("case", "edit", "where", "message"), CASES, ids=[c[0] for c in CASES])
def test_page_not_understood_is_left_untouched(checkout: ProjectPaths, case: str, edit: Callable[[bytes], bytes],
                                               where: int | str, message: str) -> None:
    page = the_page(checkout)
    broken = edit(page.read_bytes())
    page.write_bytes(broken)
    line = where if isinstance(where, int) else line_of(broken, where)
    rel = page.relative_to(checkout.root).as_posix()
    (checkout.seeds / "berlin.txt").write_text(NEW_SEED, encoding="utf-8")

    report = build_archive(checkout, quiet=True)

    assert page.read_bytes() == broken
    assert [str(e) for e in report.read.errors] == [f"{rel}:{line}: {message}{NOT_UPDATED}"]
    assert any("ministers-meet-in-berlin" in written for written in report.written)  # nothing else stops
    assert f"{rel}:{line}: error: {message}" in run_check(checkout).lines
    assert main(["--root", str(checkout.root), "build", "-s"]) == 0
    assert main(["--root", str(checkout.root), "build", "-s", "--strict"]) == 1
    assert page.read_bytes() == broken


def test_fixing_the_page_lets_the_build_update_it_again(checkout: ProjectPaths) -> None:
    page = the_page(checkout)
    good = page.read_text(encoding="utf-8")
    page.write_text(good.replace("people:\n", "peopel:\n"), encoding="utf-8")
    assert build_archive(checkout, quiet=True).read.errors
    page.write_text(good.replace("reviewed: false", "reviewed: true"), encoding="utf-8")
    report = build_archive(checkout, quiet=True)
    assert not report.read.errors
    assert "reviewed: true" in page.read_text(encoding="utf-8")
    assert "- Rahm Emanuel" in page.read_text(encoding="utf-8")  # the typo never recorded a removal


def test_mkdocs_build_survives_hostile_pages(tmp_path: Path) -> None:
    """Pages MkDocs itself would choke on are reported, not published, and stop nothing else."""
    import os
    import subprocess
    import sys

    for name in ("site_templates", "registry", "profiles", "seeds"):
        shutil.copytree(REPO / name, tmp_path / name)
    shutil.copy(REPO / "mkdocs.yml", tmp_path / "mkdocs.yml")
    hand = tmp_path / "content" / "articles" / "2023" / "01"
    hand.mkdir(parents=True)
    head = "---\ntitle: Hand-written\ndate: '2023-01-05'\npeople: []\nplaces: []\norganizations: []\ntopics: []\n"
    (hand / "not-utf8.md").write_bytes(head.encode() + b"caption: caf\xe9\nreviewed: true\nseed: null\n---\nBody.\n")
    (hand / "brackets.md").write_text(head + "notes: " + "[" * 100_000 + "\nreviewed: true\nseed: null\n---\n")
    (hand / "bomb.md").write_text("---\n" + BOMB + "title: x\n---\nBody.\n")
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")

    def mkdocs(*extra: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "mkdocs", "build", *extra], cwd=tmp_path, env=env,
                              capture_output=True, text=True, timeout=600)

    done = mkdocs()
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    for name in ("not-utf8", "brackets", "bomb"):
        assert f"{name}.md" in done.stderr
        assert not (tmp_path / "site" / "articles" / "2023" / "01" / name).exists()
    assert list((tmp_path / "site" / "articles" / "2022").rglob("index.html"))  # the seed's page is published
    (seed_page,) = (tmp_path / "content" / "articles" / "2022").rglob("*.md")
    broken = seed_page.read_text(encoding="utf-8").replace("people:\n", "peopel:\n")
    seed_page.write_text(broken, encoding="utf-8")
    strict = mkdocs("--strict")
    assert strict.returncode == 1 and "Traceback" not in strict.stderr
    line = broken.split("\n").index("peopel:") + 1
    rel = seed_page.relative_to(tmp_path).as_posix()
    assert (f"WARNING -  news-archive: {rel}:{line}: unknown key 'peopel' (did you mean 'people'?)"
            f"{NOT_UPDATED}") in strict.stderr
    assert seed_page.read_text(encoding="utf-8") == broken
