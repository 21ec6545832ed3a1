"""Speed caches under .cache/: a pickle this machine did not write is never unpickled."""

from __future__ import annotations

import os
import pickle
import shutil
import stat
from pathlib import Path

import pytest

from generator.build import build_archive
from generator.cache_files import key_file, load_pickle, save_pickle
from generator.config import ProjectPaths

ROOT = Path(__file__).resolve().parents[1]


class Planted:
    """Unpickling this creates a file: the proof that a planted pickle's code ran."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self):
        return (Path.touch, (self.marker,))


@pytest.fixture
def own_key(tmp_path: Path, monkeypatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "user-cache"))
    return tmp_path / "user-cache" / "news-archive-generator" / "cache.key"


def test_a_value_saved_is_loaded_back_and_the_key_is_private(tmp_path: Path, own_key: Path) -> None:
    save_pickle(tmp_path / "c" / "x.pickle", {"a": (1, 2)})
    assert load_pickle(tmp_path / "c" / "x.pickle") == {"a": (1, 2)}
    assert key_file() == own_key
    assert len(own_key.read_bytes()) == 32
    if os.name == "posix":
        assert stat.S_IMODE(own_key.stat().st_mode) == 0o600
    assert load_pickle(tmp_path / "c" / "missing.pickle") is None


@pytest.mark.parametrize("how", ["bare pickle", "tag of another key", "body changed"])
def test_a_pickle_not_written_with_this_machines_key_is_never_unpickled(tmp_path: Path, own_key: Path,
                                                                       how: str) -> None:
    marker = tmp_path / "code-ran"
    path = tmp_path / "c" / "x.pickle"
    save_pickle(path, "harmless")  # makes the key
    planted = pickle.dumps(Planted(marker))
    if how == "bare pickle":
        path.write_bytes(planted)
    elif how == "tag of another key":
        path.write_bytes(b"\x00" * 32 + planted)
    else:
        path.write_bytes(path.read_bytes()[:32] + planted)
    assert load_pickle(path) is None
    assert not marker.exists()


def test_without_a_place_for_the_key_nothing_is_cached(tmp_path: Path, monkeypatch) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    save_pickle(tmp_path / "x.pickle", 1)
    assert not (tmp_path / "x.pickle").exists()
    assert load_pickle(tmp_path / "x.pickle") is None


def test_no_key_is_kept_at_a_relative_path(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/cache")
    monkeypatch.chdir(tmp_path)
    assert key_file() is None
    save_pickle(tmp_path / "x.pickle", 1)
    assert not (tmp_path / "x.pickle").exists() and not (tmp_path / "relative").exists()


def test_a_build_of_a_checkout_with_planted_cache_files_runs_none_of_them(tmp_path: Path, own_key: Path) -> None:
    """A pull request can commit files under .cache/ (git add -f): the build ignores and replaces them."""
    project = tmp_path / "project"
    for folder in ("registry", "profiles", "seeds"):
        shutil.copytree(ROOT / folder, project / folder)
    paths = ProjectPaths.from_root(project)
    marker = tmp_path / "code-ran"
    paths.cache.mkdir(parents=True)
    for name in ("stories.pickle", "people.pickle", "registry.pickle"):
        (paths.cache / name).write_bytes(pickle.dumps(Planted(marker)))
    report = build_archive(paths, quiet=True)
    assert len(report.written) == len(list((project / "seeds").glob("*.txt"))) > 0
    assert not marker.exists()
    assert load_pickle(paths.cache / "registry.pickle") is not None  # replaced by the build's own


def test_the_gazetteer_is_kept_once_per_user_and_a_foreign_one_is_rebuilt(tmp_path: Path, own_key: Path,
                                                                         monkeypatch) -> None:
    from generator import gazetteer

    monkeypatch.setattr(gazetteer, "_LOADED", None)
    built = gazetteer.load_gazetteer(tmp_path / "project-a" / ".cache")
    kept = own_key.parent / f"gazetteer-{gazetteer._cache_key()}.pickle"
    assert kept.is_file() and not (tmp_path / "project-a").exists()  # shared, not per project
    monkeypatch.setattr(gazetteer, "_LOADED", None)
    monkeypatch.setattr(gazetteer, "build_gazetteer", lambda: pytest.fail("rebuilt though kept"))
    again = gazetteer.load_gazetteer(tmp_path / "project-b" / ".cache")  # another project: no rebuild
    assert again.rows == built.rows
    marker = tmp_path / "code-ran"
    kept.write_bytes(pickle.dumps(Planted(marker)))  # planted: ignored, rebuilt, never unpickled
    monkeypatch.setattr(gazetteer, "_LOADED", None)
    monkeypatch.setattr(gazetteer, "build_gazetteer", lambda: built)
    assert gazetteer.load_gazetteer(tmp_path / "project-b" / ".cache") is built
    assert not marker.exists() and load_pickle(kept).rows == built.rows
