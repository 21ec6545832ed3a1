"""One build at a time on one checkout: a second build waits for the first, saying who holds the lock."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

from generator.build import build_archive
from generator.buildlock import _command, build_lock
from generator.config import ProjectPaths

REPO = Path(__file__).resolve().parents[1]
SEED = "seeds/000_c15d51d3465a3ed0.txt"
HOLDER = """
import sys, time
from pathlib import Path
from generator.buildlock import _command, build_lock
from generator.config import ProjectPaths
root = Path(sys.argv[1])
with build_lock(ProjectPaths.from_root(root)):
    print("held", flush=True)
    while not (root / "release").exists():
        time.sleep(0.05)
    (root / "released-at").write_text(repr(time.time()))
"""


def _project(tmp_path: Path) -> Path:
    root = tmp_path / "archive"
    root.mkdir()
    for folder in ("profiles", "registry"):
        shutil.copytree(REPO / folder, root / folder)
    (root / "seeds").mkdir()
    shutil.copy(REPO / SEED, root / SEED)
    return root


def test_a_second_build_waits_and_says_who_holds_the_lock(tmp_path: Path) -> None:
    root = _project(tmp_path)
    env = dict(os.environ, PYTHONPATH=str(REPO), NO_MKDOCS_2_WARNING="1")
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(root)], stdout=subprocess.PIPE, text=True, env=env)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        err = (tmp_path / "second.err").open("w+")
        second = subprocess.Popen([sys.executable, "-m", "generator", "--root", str(root), "build"],
                                  stdout=subprocess.PIPE, stderr=err, text=True, env=env)
        deadline = time.time() + 60
        while "waiting" not in (tmp_path / "second.err").read_text() and time.time() < deadline:
            time.sleep(0.1)
        waiting = (tmp_path / "second.err").read_text()
        assert waiting.startswith("waiting for another build to finish: .cache/generator/build.lock is held by "
                                  f"process {holder.pid}, `python -c …`, since ")
        time.sleep(0.5)
        assert second.poll() is None  # still waiting: nothing converted while the first holds the lock
        assert not (root / "content").exists()
        (root / "release").write_text("")
        out, _ = second.communicate(timeout=300)
        finished_at = time.time()
        assert second.returncode == 0, (tmp_path / "second.err").read_text()
        assert "Wrote 1 page" in out
        assert _command(["/x/generator/__main__.py", "--root", ".", "build"]) == "python -m generator --root . build"
        assert float((root / "released-at").read_text()) < finished_at
        assert len(list((root / "content").rglob("*.md"))) == 1
    finally:
        (root / "release").write_text("")
        holder.wait(timeout=60)


def test_the_lock_is_free_again_after_a_build_and_after_a_failure(tmp_path: Path) -> None:
    paths = ProjectPaths.from_root(_project(tmp_path))
    build_archive(paths, quiet=True)
    waited: list[str] = []
    with build_lock(paths, on_wait=waited.append):
        pass
    try:
        with build_lock(paths, on_wait=waited.append):
            raise RuntimeError("a build that crashed")
    except RuntimeError:
        pass
    with build_lock(paths, on_wait=waited.append):
        pass
    assert waited == []
    assert not (paths.cache / "build.lock.holder").exists()
