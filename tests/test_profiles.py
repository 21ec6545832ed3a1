"""profiles: shipped profiles load, schema errors name file and key, choice by marker lines."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.models import ArticleError
from generator.profiles import PROFILE_SCHEMA, choose_profile, load_profiles

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_c15d51d3465a3ed0.txt"


@pytest.fixture(scope="module")
def shipped():
    return load_profiles(ROOT / "profiles")


def test_shipped_profiles_load(shipped):
    names = [p.name for p in shipped]
    assert "japan-news" in names and names[-1] == "generic"
    jn = next(p for p in shipped if p.name == "japan-news")
    assert jn.source == "The Japan News"
    assert jn.timezone == "Asia/Tokyo"
    assert jn.section.fullmatch('"World" POPULAR ARTICLE')["section"] == "World"
    assert jn.section.fullmatch("“Politics” POPULAR ARTICLE")["section"] == "Politics"


def test_choose_japan_news_for_the_seed(shipped):
    assert choose_profile(SEED.read_text(encoding="utf-8"), shipped).name == "japan-news"


def test_choose_generic_when_nothing_matches(shipped):
    assert choose_profile("Some headline\nLONDON (Reuters) - A story.\n", shipped).name == "generic"


def test_choose_without_generic_profile_gives_a_default():
    assert choose_profile("text", []).name == "generic"


def test_more_marker_hits_wins(tmp_path):
    (tmp_path / "a.yml").write_text("source: A\nmarkers: ['MARK ONE']\n", encoding="utf-8")
    (tmp_path / "b.yml").write_text("source: B\nmarkers: ['MARK ONE', 'MARK TWO']\n", encoding="utf-8")
    profiles = load_profiles(tmp_path)
    assert choose_profile("x\nMARK ONE\nMARK TWO\n", profiles).source == "B"
    assert choose_profile("x\nMARK ONE\n", profiles).source == "A"


def test_min_markers(tmp_path):
    (tmp_path / "a.yml").write_text("markers: ['ONE', 'TWO']\nmin_markers: 2\n", encoding="utf-8")
    profiles = load_profiles(tmp_path)
    assert choose_profile("ONE\n", profiles).name == "generic"
    assert choose_profile("ONE\nTWO\n", profiles).name == "a"


def test_timezones_file_and_hidden_files_are_not_profiles(tmp_path):
    (tmp_path / "timezones.yml").write_text("JST: Asia/Tokyo\n", encoding="utf-8")
    (tmp_path / ".draft.yml").write_text("nonsense: [\n", encoding="utf-8")
    (tmp_path / "README.md").write_text("# profiles\n", encoding="utf-8")
    assert load_profiles(tmp_path) == []


@pytest.mark.parametrize("content, problem", [
    ("markers: ['X']\njunk_start: ['Y']\n", "profile key 'junk_start': unknown key"),
    ("markers: ['(unclosed']\n", "profile key 'markers': bad regular expression '(unclosed'"),
    ("markers: 'X'\nmin_markers: two\n", "profile key 'min_markers': expected a whole number"),
    ("markers: ['X']\nsource: ''\n", "profile key 'source': expected a non-empty string"),
    ("markers: ['X']\nsource: [1, 2]\n", "profile key 'source': expected a non-empty string"),
    ("markers: {a: 1}\n", "profile key 'markers': expected a list"),
    ("markers: ['X']\nsection: '(.*) POPULAR'\n", "profile key 'section': the regular expression needs"),
    ("markers: ['X']\ntimezone: Mars/Olympus\n", "profile key 'timezone': unknown time zone"),
    ("markers: ['X']\nseparator_lines: [1]\n", "profile key 'separator_lines': expected a list of"),
    ("source: Only A Name\n", "profile key 'markers': a site profile needs at least one marker"),
    ("- just\n- a list\n", "a profile must be a YAML mapping"),
    ("markers: [\n", "profile is not valid YAML"),
])
def test_schema_errors_name_file_and_key(tmp_path, content, problem):
    path = tmp_path / "site.yml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ArticleError) as err:
        load_profiles(tmp_path)
    assert err.value.path == str(path)
    assert err.value.problem.startswith(problem), err.value.problem


def test_duplicate_names_are_refused(tmp_path):
    (tmp_path / "a.yml").write_text("name: same\nmarkers: ['X']\n", encoding="utf-8")
    (tmp_path / "b.yml").write_text("name: same\nmarkers: ['Y']\n", encoding="utf-8")
    with pytest.raises(ArticleError, match="profile key 'name': profile name 'same' is already used"):
        load_profiles(tmp_path)


def test_schema_documents_every_key():
    assert all(spec.doc for spec in PROFILE_SCHEMA.values())
    assert set(PROFILE_SCHEMA) >= {"source", "markers", "junk_starts", "section", "timezone"}
