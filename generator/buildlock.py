"""One build at a time on one checkout.

`python -m generator build`, `mkdocs build` and `mkdocs serve` all convert seeds into content/;
two of them at once would interleave page writes, records and the cache. ``build_lock`` takes an
OS file lock (filelock: ``flock`` on Unix, released by the kernel if the holder dies, so a killed
build never leaves a stale lock). A second build waits, and says which process holds the lock.
"""

from __future__ import annotations

import datetime as _dt
import json
import os
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterator

from filelock import FileLock, Timeout

from generator.config import ProjectPaths

LOCK_FILE = "build.lock"
HOLDER_FILE = "build.lock.holder"  # who holds the lock: read by the build that waits


def _stderr(line: str) -> None:
    print(line, file=sys.stderr, flush=True)


def _holder(path: Path) -> str:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return f"process {int(data['pid'])}, `{data['command']}`, since {data['since']}"
    except (OSError, ValueError, KeyError, TypeError):
        return "a process that has not said who it is yet"


def _command(argv: list[str]) -> str:
    """How this process was started, as a person would type it: "python -m generator build"."""
    if not argv or not argv[0]:
        return "python"
    first = Path(argv[0])
    if first.name == "__main__.py":
        head = f"python -m {first.parent.name}"
    elif argv[0] == "-c":
        head = "python -c …"
        argv = argv[:1]
    else:
        head = first.name
    return " ".join([head, *argv[1:]])


@contextmanager
def build_lock(paths: ProjectPaths, on_wait: Callable[[str], None] = _stderr) -> Iterator[None]:
    """Hold the checkout's build lock for the ``with`` block; wait (saying for whom) if it is taken."""
    paths.cache.mkdir(parents=True, exist_ok=True)
    lock_path, holder_path = paths.cache / LOCK_FILE, paths.cache / HOLDER_FILE
    lock = FileLock(lock_path, thread_local=False)
    try:
        lock.acquire(timeout=0)
    except Timeout:
        try:
            shown = lock_path.relative_to(paths.root).as_posix()
        except ValueError:
            shown = str(lock_path)
        on_wait(f"waiting for another build to finish: {shown} is held by {_holder(holder_path)}")
        lock.acquire()
    try:
        since = _dt.datetime.now(_dt.timezone.utc).strftime("%Y-%m-%d %H:%M:%S UTC")
        command = _command(sys.argv)
        holder_path.write_text(json.dumps({"pid": os.getpid(), "command": command, "since": since}), encoding="utf-8")
        yield
    finally:
        holder_path.unlink(missing_ok=True)
        lock.release()
