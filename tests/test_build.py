"""The build end to end on a copy of the project: edits survive, no-op rebuilds, bad input."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from generator.build import build_archive
from generator.cli import main
from generator.config import ProjectPaths
from generator.pages import split

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_c15d51d3465a3ed0.txt"
OTHER = """Ministers Meet in Berlin
18:05 CET, March 3, 2023
BERLIN (Reuters) – German Chancellor Olaf Scholz met French President Emmanuel Macron in Berlin on Friday.
Scholz said the two countries would coordinate their positions on energy prices.
"""


@pytest.fixture
def project(tmp_path: Path) -> ProjectPaths:
    for folder in ("registry", "profiles"):
        shutil.copytree(ROOT / folder, tmp_path / folder)
    (tmp_path / "seeds").mkdir()
    shutil.copy(SEED, tmp_path / "seeds" / SEED.name)
    (tmp_path / "seeds" / "berlin.txt").write_text(OTHER, encoding="utf-8")
    return ProjectPaths.from_root(tmp_path)


def pages(paths: ProjectPaths) -> dict[str, Path]:
    return {split(p.read_text(encoding="utf-8"))[0]["seed"]: p for p in sorted(paths.articles.rglob("*.md"))}


def seed_page(paths: ProjectPaths) -> Path:
    return pages(paths)[f"seeds/{SEED.name}"]


def edit(page: Path, change) -> None:
    meta, body = split(page.read_text(encoding="utf-8"))
    meta, body = change(meta, body)
    page.write_text("---\n" + yaml.safe_dump(meta, sort_keys=False, allow_unicode=True) + "---\n\n" + body,
                    encoding="utf-8")


def snapshot(paths: ProjectPaths) -> dict[str, tuple[bytes, int]]:
    return {str(p.relative_to(paths.root)): (p.read_bytes(), p.stat().st_mtime_ns)
            for p in sorted(paths.content.rglob("*")) if p.is_file()}


def test_first_build_writes_one_page_per_seed(project: ProjectPaths) -> None:
    report = build_archive(project, quiet=True)
    assert sorted(report.written) == sorted(str(p.relative_to(project.root)) for p in pages(project).values())
    assert len(report.written) == 2
    assert seed_page(project).parent == project.articles / "2022" / "05"
    assert pages(project)["seeds/berlin.txt"].parent == project.articles / "2023" / "03"


def test_second_build_rewrites_nothing_and_says_so(project: ProjectPaths, capsys) -> None:
    build_archive(project, quiet=True)
    before = snapshot(project)
    assert main(["--root", str(project.root), "build"]) == 0
    assert snapshot(project) == before
    assert "Nothing changed: 2 pages already up to date, no file rewritten." in capsys.readouterr().out


def test_a_no_op_rebuild_rewrites_no_cache_file_either(project: ProjectPaths) -> None:
    """The speed caches (build stamps, people, registry) are left as they are: a no-op rebuild
    reads them and writes nothing anywhere; an edited seed updates them."""
    build_archive(project, quiet=True)
    caches = {name: project.cache / name for name in ("build.json", "people.pickle", "registry.pickle")}
    stamps = {name: path.stat().st_mtime_ns for name, path in caches.items()}
    assert build_archive(project, quiet=True).written == []
    assert {name: path.stat().st_mtime_ns for name, path in caches.items()} == stamps
    seed = project.seeds / "berlin.txt"
    seed.write_text(OTHER.replace("Ministers Meet", "Leaders Meet"), encoding="utf-8")
    assert len(build_archive(project, quiet=True).written) == 1
    assert caches["build.json"].stat().st_mtime_ns != stamps["build.json"]


def test_second_build_without_cache_rewrites_nothing(project: ProjectPaths) -> None:
    build_archive(project, quiet=True)
    before = snapshot(project)
    shutil.rmtree(project.cache)  # a fresh clone has content/ but no cache
    report = build_archive(project, quiet=True)
    assert report.written == []
    assert snapshot(project) == before


def test_removed_person_is_never_re_added(project: ProjectPaths) -> None:
    build_archive(project, quiet=True)
    page = seed_page(project)
    edit(page, lambda m, b: ({**m, "people": [p for p in m["people"] if p != "Rahm Emanuel"]}, b))
    (project.registry / "people.yml").write_text(  # registry change forces a full re-annotation
        (project.registry / "people.yml").read_text(encoding="utf-8") + "- name: Olaf Scholz\n", encoding="utf-8")
    for _ in range(2):
        build_archive(project, quiet=True)
        assert "Rahm Emanuel" not in split(page.read_text(encoding="utf-8"))[0]["people"]


def test_hand_added_topic_and_fixed_typos_stay(project: ProjectPaths) -> None:
    build_archive(project, quiet=True)
    page = seed_page(project)

    def change(meta, body):
        meta["topics"] = meta["topics"] + ["Inaugurations"]
        meta["title"] = "Japan and South Korea agree frayed ties can be mended"
        meta["notes"] = ["Headline checked against the print edition."]
        return meta, body.replace("neighboring nation", "neighbouring nation")

    edit(page, change)
    (project.seeds / SEED.name).touch()  # the seed looks changed: re-read, re-merge
    shutil.rmtree(project.cache)
    report = build_archive(project, quiet=True)
    meta, body = split(page.read_text(encoding="utf-8"))
    assert "Inaugurations" in meta["topics"]
    assert meta["title"] == "Japan and South Korea agree frayed ties can be mended"
    assert meta["notes"] == ["Headline checked against the print edition."]
    assert "neighbouring nation" in body
    assert set(report.kept_edits[str(page.relative_to(project.root))]) >= {"topics", "title", "notes", "body"}


def test_registry_alias_reaches_untouched_pages_only(project: ProjectPaths) -> None:
    build_archive(project, quiet=True)
    berlin = pages(project)["seeds/berlin.txt"]
    assert "Emmanuel Macron" in split(berlin.read_text(encoding="utf-8"))[0]["people"]
    (project.registry / "people.yml").write_text(
        (project.registry / "people.yml").read_text(encoding="utf-8")
        + "- name: Olaf Scholz\n  role: Chancellor of Germany\n- name: Emmanuel Jean-Michel Macron\n"
          "  aliases: [Emmanuel Macron]\n", encoding="utf-8")
    build_archive(project, quiet=True)
    meta = split(berlin.read_text(encoding="utf-8"))[0]
    assert "Emmanuel Jean-Michel Macron" in meta["people"]
    assert "Emmanuel Macron" not in meta["people"]


def test_identical_seeds_are_reported_not_written_twice(project: ProjectPaths) -> None:
    shutil.copy(SEED, project.seeds / "zz-copy.txt")
    report = build_archive(project, quiet=True)
    assert len(report.written) == 2
    assert f"seeds/zz-copy.txt: same text as seeds/{SEED.name}; not written twice" in report.problem_lines


def test_bad_seeds_are_named_and_the_rest_still_builds(project: ProjectPaths, capsys) -> None:
    (project.seeds / "empty.txt").write_bytes(b"")
    (project.seeds / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20)
    with open(project.seeds / "huge.txt", "wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    assert main(["--root", str(project.root), "build"]) == 0
    err = capsys.readouterr().err.splitlines()
    assert sum(line.startswith("seeds/empty.txt: ") for line in err) == 1
    assert sum(line.startswith("seeds/binary.txt: ") for line in err) == 1
    assert sum(line.startswith("seeds/huge.txt: ") and "MB" in line for line in err) == 1
    assert len(pages(project)) == 2
    assert main(["--root", str(project.root), "build", "--strict"]) == 1


def test_strict_fails_on_warnings_only_with_flag(project: ProjectPaths) -> None:
    (project.seeds / "undated.txt").write_text(
        "Talks Resume\nSEOUL — Officials from both sides met again on Friday, officials said.\n", encoding="utf-8")
    assert main(["--root", str(project.root), "build", "-s"]) == 0
    assert main(["--root", str(project.root), "build", "-s", "--strict"]) == 1
    assert any(p.parent.name == "undated" for p in project.articles.rglob("*.md"))


def test_broken_page_is_left_alone_and_reported(project: ProjectPaths) -> None:
    build_archive(project, quiet=True)
    page = seed_page(project)
    page.write_text("---\ntitle: [broken\n---\nbody\n", encoding="utf-8")
    shutil.rmtree(project.cache)
    report = build_archive(project, quiet=True)
    assert page.read_text(encoding="utf-8") == "---\ntitle: [broken\n---\nbody\n"
    assert (f"{page.relative_to(project.root)}:2: front-matter is not valid YAML: a bracket or quote opened on "
            "this line is never closed (page not updated until this is fixed)") in report.problem_lines


def test_two_fresh_builds_are_byte_identical(tmp_path: Path) -> None:
    trees = []
    for name in ("a", "b"):
        root = tmp_path / name
        for folder in ("registry", "profiles", "seeds"):
            shutil.copytree(ROOT / folder, root / folder)
        paths = ProjectPaths.from_root(root)
        build_archive(paths, quiet=True)
        trees.append({str(p.relative_to(paths.content)): p.read_bytes()
                      for p in sorted(paths.content.rglob("*")) if p.is_file()})
    assert trees[0] == trees[1]
    assert len(trees[0]) >= 2


HOSTILE = """Breaking: #1 --- "Quoted" 'Title' <script>alert(1)</script>
09:30 EDT, June 1, 2023
NEW YORK (Reuters) – Officials said on Thursday that the hearing would resume next week.
<script>alert(1)</script>
<img src=x onerror=alert(1)>
[x](javascript:alert(1))
# Not a heading
* not a list item
---
key: value
"""


def test_hostile_text_cannot_break_yaml_or_inject_markup(project: ProjectPaths) -> None:
    import markdown

    (project.seeds / "hostile.txt").write_text(HOSTILE, encoding="utf-8")
    build_archive(project, quiet=True)
    meta, body = split(pages(project)["seeds/hostile.txt"].read_text(encoding="utf-8"))
    assert meta["title"] == "Breaking: #1 --- \"Quoted\" 'Title' <script>alert(1)</script>"
    assert meta["date"] == "2023-06-01T09:30:00-04:00"
    html = markdown.markdown(body, extensions=["attr_list", "def_list", "tables", "admonition", "md_in_html"])
    for literal in ("&lt;script&gt;alert(1)&lt;/script&gt;", "&lt;img src=x onerror=alert(1)&gt;",
                    "[x](javascript:alert(1))", "<p># Not a heading</p>", "<p>* not a list item</p>"):
        assert literal in html
    assert "<script" not in html and "<img" not in html and "<a " not in html
    assert "<h1" not in html and "<li" not in html and "<hr" not in html


def test_duplicates_stay_reported_on_a_no_op_rebuild(project: ProjectPaths) -> None:
    shutil.copy(SEED, project.seeds / "zz-copy.txt")
    build_archive(project, quiet=True)
    again = build_archive(project, quiet=True)
    assert again.written == []
    assert again.read.skipped == 3
    assert again.read.duplicates == [("seeds/zz-copy.txt", f"seeds/{SEED.name}")]


def test_many_seeds_are_read_in_parallel_with_the_same_result(project: ProjectPaths, monkeypatch) -> None:
    import generator.build as build_module

    for i in range(12):
        (project.seeds / f"story-{i:02d}.txt").write_text(
            OTHER.replace("Friday", f"day {i}"), encoding="utf-8")
    monkeypatch.setattr(build_module, "PARALLEL_MIN_SEEDS", 4)
    parallel = build_archive(project, quiet=True)
    pages_parallel = {p.name: p.read_bytes() for p in project.articles.rglob("*.md")}
    shutil.rmtree(project.content)
    shutil.rmtree(project.cache)
    monkeypatch.setattr(build_module, "PARALLEL_MIN_SEEDS", 10_000)
    serial = build_archive(project, quiet=True)
    assert len(parallel.written) == len(serial.written) == 14
    assert {p.name: p.read_bytes() for p in project.articles.rglob("*.md")} == pages_parallel
