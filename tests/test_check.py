"""`check`: every error and warning, each from a real-looking bad file, with the exact line printed.

The good project in fixtures/check/project/ checks clean; each case copies it, drops one bad file
over the good one (fixtures/check/pages/*.md or fixtures/check/registry/*.yml), and compares the
whole output, so a case also proves that one mistake gives one message.
"""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

import pytest

from generator.check import check_command, run_check
from generator.checks.seed_pages import NO_PAGE
from generator.checks.similar import looks_alike
from generator.checks.yamldoc import load_schema, validator_for
from generator.config import ProjectPaths

FIXTURES = Path(__file__).parent / "fixtures" / "check"
PAGE = "content/articles/2022/05/japan-and-south-korea-agree.md"
SEED = "seeds/000_c15d51d3465a3ed0.txt"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    root = tmp_path / "archive"
    shutil.copytree(FIXTURES / "project", root)
    return root


def lines(root: Path, **options) -> list[str]:
    return run_check(ProjectPaths.from_root(root), **options).lines


def test_good_project_is_clean(project: Path) -> None:
    report = run_check(ProjectPaths.from_root(project))
    assert report.lines == []
    assert report.exit_code == 0
    assert report.summary == "check: ok, 1 page, 4 registry files and 1 seed checked"


P = f"{PAGE}:"
PAGE_CASES = [
    ("unknown-key-typo.md", [f"{P}10: error: unknown key 'peopel' (did you mean 'people'?)"]),
    ("invalid-yaml.md", [
        f"{P}4: error: front-matter is not valid YAML: while parsing a block mapping expected <block end>, "
        "but found '<scalar>' (the block started on line 3: look for an unclosed quote or bracket, or a missing ': ')"
    ]),
    ("missing-title.md", [f"{P}1: error: missing required key 'title'"]),
    ("empty-title.md", [f"{P}3: error: 'title' must not be empty"]),
    ("people-not-a-list.md", [f"{P}10: error: 'people' must be a list, not text"]),
    ("people-empty.md", [f"{P}10: error: 'people' must be a list, not empty (null) (write `people: []` for none)"]),
    ("date-not-iso.md", [
        f"{P}4: error: 'date' 'May 10, 2022' is not an ISO 8601 date; write e.g. "
        "'2022-05-10T17:48:00+09:00', '2022-05-10' or null"
    ]),
    ("date-not-real.md", [f"{P}4: error: 'date' '2022-05-32' is not a real date or time"]),
    ("date-without-offset.md", [
        f"{P}4: warning: 'date' '2022-05-10T17:48:00' has no time-zone offset; add one such as '+09:00' if the source gives it"
    ]),
    ("duplicate-person.md", [f"{P}15: error: duplicate 'Fumio Kishida' in 'people' (first on line 12)"]),
    ("note-duplicate.md", [
        f"{P}31: error: duplicate 'The caption spells the president's name Yoon Suk-Yeol.' in 'notes' (first on line 30)"
    ]),
    ("duplicate-key.md", [f"{P}30: error: duplicate key 'people' (first on line 10)"]),
    ("unknown-person.md", [
        f"{P}14: error: unknown person 'Rahm Emmanuel' (not in registry/people.yml; did you mean 'Rahm Emanuel'?)"
    ]),
    ("alias-used.md", [
        f"{P}13: warning: 'Yoon Seok-yeol' is an alias of 'Yoon Suk-yeol' (registry/people.yml:9); write 'Yoon Suk-yeol'"
    ]),
    ("reviewed-not-boolean.md", [f"{P}30: error: 'reviewed' must be true or false, not text"]),
    ("seed-missing-file.md", [
        f"{P}31: error: seed 'seeds/001_0000000000000000.txt' does not exist (write `seed: null` for a hand-written page)",
        f"{SEED}:1: warning: {NO_PAGE}",
    ]),
    ("seed-not-under-seeds.md", [
        f"{P}31: error: 'seed' '/home/me/Downloads/article.txt' must be a path under seeds/ "
        "(e.g. 'seeds/000_c15d51d3465a3ed0.txt'), or null for a hand-written page",
        f"{SEED}:1: warning: {NO_PAGE}",
    ]),
    ("seed-key-missing.md", [
        f"{P}1: error: missing required key 'seed'",
        f"{SEED}:1: warning: {NO_PAGE}",
    ]),
    ("no-closing-line.md", [f"{P}1: error: the front-matter has no closing '---' line"]),
    ("no-front-matter.md", [
        f"{P}1: error: no front-matter: an article page starts with a line '---', then its keys, then '---'",
        f"{SEED}:1: warning: {NO_PAGE}",
    ]),
    ("schema-comment-wrong.md", [
        f"{P}2: warning: the schema comment points at '../../../generator/schemas/page.schema.json', which is not "
        "page.schema.json; write '$schema=../../../../generator/schemas/page.schema.json'"
    ]),
]


@pytest.mark.parametrize(("fixture", "expected"), PAGE_CASES, ids=[c[0] for c in PAGE_CASES])
def test_bad_page(project: Path, fixture: str, expected: list[str]) -> None:
    shutil.copy(FIXTURES / "pages" / fixture, project / PAGE)
    report = run_check(ProjectPaths.from_root(project))
    assert report.lines == expected
    assert report.exit_code == (1 if any(": error: " in line for line in expected) else 0)


R = "registry/people.yml:"
REGISTRY_CASES = [
    ("invalid-yaml.yml", [f"{R}7: error: this file is not valid YAML: mapping values are not allowed here; "
                          "check that the line's indentation lines up with the keys above it"]),
    ("unknown-key.yml", [f"{R}8: error: unknown key 'alias' (did you mean 'aliases'?)"]),
    ("missing-name.yml", [f"{R}9: error: missing required key 'name'"]),
    ("duplicate-name.yml", [f"{R}11: error: duplicate entry 'Fumio Kishida' (first on line 6)"]),
    ("alias-claimed-twice.yml", [
        f"{R}12: error: alias 'Hayashi' is claimed by both 'Yoshimasa Hayashi' (line 5) and 'Hayashi Hitoshi'"
    ]),
    ("alias-is-another-name.yml", [
        f"{R}6: error: alias 'Rahm Emanuel' of 'Fumio Kishida' is the name of another entry, 'Rahm Emanuel' (line 9)"
    ]),
    ("look-alike.yml", [
        f"{R}9: warning: 'Yoon Seok-yeol' and 'Yoon Suk-yeol' (line 6) look like the same person; "
        "if they are, keep one entry and list the other spelling in its aliases"
    ]),
    ("alias-repeats-name.yml", [
        f"{R}9: warning: alias 'Yoon Suk Yeol' is the entry's own name (case, spaces and punctuation are "
        "ignored when matching); delete it"
    ]),
    ("phrases-in-people.yml", [f"{R}5: warning: 'phrases' only applies to topics and is ignored here"]),
    ("schema-comment-wrong.yml", [
        f"{R}1: warning: the schema comment points at 'generator/schemas/registry.schema.json', which is not "
        "registry.schema.json; write '$schema=../generator/schemas/registry.schema.json'"
    ]),
]


@pytest.mark.parametrize(("fixture", "expected"), REGISTRY_CASES, ids=[c[0] for c in REGISTRY_CASES])
def test_bad_registry_file(project: Path, fixture: str, expected: list[str]) -> None:
    shutil.copy(FIXTURES / "registry" / fixture, project / "registry" / "people.yml")
    assert lines(project) == expected


def test_stray_registry_file_is_named(project: Path) -> None:
    shutil.copy(FIXTURES / "registry" / "person.yml", project / "registry" / "person.yml")
    assert lines(project) == [
        "registry/person.yml:1: warning: not a registry file, so it is ignored (did you mean people.yml?)"
    ]


def test_comma_in_flow_alias_list_gets_a_quoting_hint(project: Path) -> None:
    places = project / "registry" / "places.yml"
    places.write_text(places.read_text(encoding="utf-8").replace("['Washington, D.C.']", "[Washington, D.C.]"))
    assert lines(project) == [
        "registry/places.yml:13: warning: alias 'Washington' is the entry's own name (case, spaces and punctuation "
        "are ignored when matching); delete it; in a [a, b] list a comma starts a new alias, so quote a name "
        "that has one: ['Washington, D.C.']"
    ]


def test_broken_registry_file_does_not_flood_pages_with_unknown_names(project: Path) -> None:
    shutil.copy(FIXTURES / "registry" / "invalid-yaml.yml", project / "registry" / "people.yml")
    assert all(line.startswith("registry/") for line in lines(project))


# Unknown names: a person's typo is an error (or a warning by setting); the machine's find is a warning.

def test_unknown_name_can_be_a_warning(project: Path) -> None:
    shutil.copy(FIXTURES / "pages" / "unknown-person.md", project / PAGE)
    report = run_check(ProjectPaths.from_root(project), unknown_names="warning")
    assert report.lines == [
        f"{P}14: warning: unknown person 'Rahm Emmanuel' (not in registry/people.yml; did you mean 'Rahm Emanuel'?)"
    ]
    assert report.exit_code == 0


def test_unknown_names_setting_is_validated(project: Path) -> None:
    with pytest.raises(ValueError, match="unknown_names"):
        run_check(ProjectPaths.from_root(project), unknown_names="ignore")


def _write_machine_state(root: Path, people: list[str]) -> Path:
    state = root / "content" / ".machine" / "articles" / "2022" / "05" / "japan-and-south-korea-agree.json"
    state.parent.mkdir(parents=True)
    state.write_text(json.dumps({"machine": {"people": people, "seed": SEED}, "body_sha256": "0" * 64}))
    return state


def test_name_the_build_found_is_only_a_warning(project: Path) -> None:
    page = project / PAGE
    page.write_text(page.read_text(encoding="utf-8").replace("- Rahm Emanuel\n", "- Rahm Emanuel\n- Park Jin\n"))
    _write_machine_state(project, ["Yoshimasa Hayashi", "Fumio Kishida", "Yoon Suk-yeol", "Rahm Emanuel", "Park Jin"])
    assert lines(project) == [
        f"{P}15: warning: person 'Park Jin' is not in registry/people.yml (found by the build); "
        "add it with `python -m generator suggest --write`"
    ]


def test_machine_find_that_looks_like_an_entry_suggests_an_alias(project: Path) -> None:
    people = project / "registry" / "people.yml"
    people.write_text(people.read_text(encoding="utf-8").replace("  aliases:\n    - Yoon Seok-yeol\n", ""))
    page = project / PAGE
    page.write_text(page.read_text(encoding="utf-8").replace("- Rahm Emanuel\n", "- Rahm Emanuel\n- Yoon Seok-yeol\n"))
    _write_machine_state(project, ["Yoon Suk-yeol", "Yoon Seok-yeol"])
    assert lines(project) == [
        f"{P}15: warning: person 'Yoon Seok-yeol' is not in registry/people.yml (found by the build); if it is "
        "'Yoon Suk-yeol', add it to that entry's aliases; if not, add it with `python -m generator suggest --write`"
    ]


def test_same_name_typed_by_a_person_is_an_error(project: Path) -> None:
    page = project / PAGE
    page.write_text(page.read_text(encoding="utf-8").replace("- Rahm Emanuel\n", "- Rahm Emanuel\n- Park Jin\n"))
    _write_machine_state(project, ["Yoshimasa Hayashi", "Fumio Kishida", "Yoon Suk-yeol", "Rahm Emanuel"])
    assert lines(project) == [
        f"{P}15: error: unknown person 'Park Jin' (not in registry/people.yml; add it there first, or check the spelling)"
    ]


# Seeds and pages.

def test_seed_without_page(project: Path) -> None:
    (project / "seeds" / "001_6f1e2d3c4b5a6978.txt").write_text("Another article\n17:00 JST, May 11, 2022\nText.\n")
    assert lines(project) == [
        "seeds/001_6f1e2d3c4b5a6978.txt:1: warning: this seed has no page yet; "
        "`python -m generator build` (or `mkdocs build`) makes it"
    ]


def test_byte_identical_duplicate_seed_needs_no_page(project: Path) -> None:
    shutil.copy(project / SEED, project / "seeds" / "001_c15d51d3465a3ed0-copy.txt")
    assert lines(project) == []


def test_same_text_in_another_encoding_is_a_duplicate_too(project: Path) -> None:
    text = (project / SEED).read_text(encoding="utf-8")
    (project / "seeds" / "002_utf16.txt").write_bytes(text.encode("utf-16"))
    assert lines(project) == []


def test_two_pages_claiming_one_seed(project: Path) -> None:
    shutil.copy(project / PAGE, project / "content/articles/2022/05/japan-and-south-korea-agree-2.md")
    assert lines(project) == [
        "content/articles/2022/05/japan-and-south-korea-agree.md:31: error: seed 'seeds/000_c15d51d3465a3ed0.txt' "
        "is also the seed of content/articles/2022/05/japan-and-south-korea-agree-2.md"
    ]


def test_hand_written_article_page_has_null_seed(project: Path) -> None:
    page = project / "content/articles/2022/05/editors-introduction.md"
    page.write_text(
        "---\ntitle: Why we keep these articles\ndate: '2022-05-11'\npeople: [Fumio Kishida]\nplaces: []\n"
        "organizations: []\ntopics: []\nreviewed: true\nseed: null\n---\n\nAn editor's introduction.\n"
    )
    assert lines(project) == []


def test_page_outside_articles_is_checked_only_when_it_declares_a_seed(project: Path) -> None:
    about = project / "content" / "about.md"
    about.write_text("---\ntitle: About\npeopel: [Nobody Atall]\n---\n\nHand-written.\n")
    assert lines(project) == []
    about.write_text(f"---\ntitle: About\npeopel: []\nseed: {SEED}\n---\n")
    assert lines(project) == [
        "content/about.md:1: error: missing required key 'date'",
        "content/about.md:1: error: missing required key 'organizations'",
        "content/about.md:1: error: missing required key 'places'",
        "content/about.md:1: error: missing required key 'reviewed'",
        "content/about.md:1: error: missing required key 'topics'",
        "content/about.md:3: error: unknown key 'peopel' (did you mean 'people'?)",
        f"{P}31: error: seed '{SEED}' is also the seed of content/about.md",
    ]


def test_machine_state_folder_is_not_read_as_pages(project: Path) -> None:
    junk = project / "content" / ".machine" / "articles" / "x.md"
    junk.parent.mkdir(parents=True)
    junk.write_text("---\nnot: [valid\n---\n")
    assert lines(project) == []


# The command: output shape, summary, exit codes, GitHub annotations.

def test_check_command_prints_lines_then_summary(project: Path) -> None:
    shutil.copy(FIXTURES / "pages" / "unknown-key-typo.md", project / PAGE)
    out = io.StringIO()
    assert check_command(project, out=out, github=False) == 1
    assert out.getvalue().splitlines() == [
        f"{P}10: error: unknown key 'peopel' (did you mean 'people'?)",
        "check: 1 error, 0 warnings (1 page, 4 registry files and 1 seed checked)",
    ]


def test_check_command_adds_github_annotations(project: Path) -> None:
    shutil.copy(FIXTURES / "pages" / "date-without-offset.md", project / PAGE)
    out = io.StringIO()
    assert check_command(project, out=out, github=True) == 0
    assert out.getvalue().splitlines()[1] == (
        f"::warning file={PAGE},line=4::'date' '2022-05-10T17:48:00' has no time-zone offset; "
        "add one such as '+09:00' if the source gives it"
    )


# The schemas are the shipped source of truth.

@pytest.mark.parametrize("name", ["page.schema.json", "registry.schema.json"])
def test_schemas_are_valid_json_schema(name: str) -> None:
    validator_for(name)  # check_schema raises if not


def test_page_schema_lists_every_front_matter_key() -> None:
    from generator.models import FRONT_MATTER_KEYS

    assert tuple(load_schema("page.schema.json")["properties"]) == FRONT_MATTER_KEYS


def test_machine_front_matter_passes_the_schema() -> None:
    from generator.models import AnnotatedArticle, Article, Dateline

    article = Article(seed=SEED, title="T", date="2022-05-10T17:48:00+09:00", dateline=Dateline("Tokyo", None),
                      source=None, section=None, caption=None, summary="S", paragraphs=("P",))
    assert list(validator_for("page.schema.json").iter_errors(AnnotatedArticle(article).front_matter())) == []


@pytest.mark.parametrize(("a", "b", "alike"), [
    ("Yoon Suk-yeol", "Yoon Seok-yeol", True),
    ("Fumio Kishida", "Kishida Fumio", True),
    ("Shinzo Abe", "Shinzō Abe", True),
    ("Kim Jong-un", "Kim Jong-il", False),
    ("Iran", "Iraq", False),
    ("Austria", "Australia", False),
    ("Donald Trump", "Donald Trump Jr.", False),
    ("North Korea", "South Korea", False),
])
def test_looks_alike(a: str, b: str, alike: bool) -> None:
    assert looks_alike(a, b) is alike


def test_a_broken_source_profile_is_reported(project: Path) -> None:
    (project / "profiles").mkdir()
    (project / "profiles" / "kyodo.yml").write_text(
        "# Kyodo News, saved as plain text.\nsource: Kyodo News\nmarkers:\n  - 'KYODO NEWS'\ntimezon: Asia/Tokyo\n"
    )
    assert lines(project) == [
        "profiles/kyodo.yml:1: error: profile key 'timezon': unknown key; allowed keys are name, source, markers, "
        "min_markers, junk_starts, junk_lines, separator_lines, section, timezone, agency, hosts, junk_selectors"
    ]
