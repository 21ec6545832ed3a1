"""`AheadWriter`: a helper process makes site/'s folders and writes its feeds while MkDocs reads.

With `use_directory_urls` every page is `<its own folder>/index.html`, so a cold build of a
5,000-article archive creates ~11,800 folders and writes ~5,800 term feeds, and MkDocs does both
on the thread that renders (`os.makedirs` in `mkdocs.utils.write_file` and `File.copy_file`, the
feeds in `Files.copy_static_files`): 4-9 s of a 25 s build on this project's 2-core benchmark
machine, nearly all of it in the kernel. Once the navigation is known (`on_nav`) every destination
is known, and so is every feed's content (made in `on_files`), so a child process does that work
on the other core while MkDocs reads and converts the pages.

- A process, not a thread: a thread would need the interpreter lock back after every `mkdir`
  while MkDocs' Python holds it (measured: 4.6-10.6 s for the folders alone, against 1-4 s).
- Folders: MkDocs' own `makedirs` then finds them made; one the child has not reached yet MkDocs
  simply makes (both sides tolerate the other having made it).
- Files: each is an MkDocs file (`File.generated` with `abs_src_path` set to its own place in
  site/), so other plugins still see it; MkDocs' copy of a file onto itself is its documented
  no-op for plugins that write into site_dir. `finish()` (in `on_env`, just before MkDocs copies
  static files) waits for the child and hands MkDocs the content of any file it did not write,
  so a failed or missing child costs time, never a file.
"""

from __future__ import annotations

import logging
import os
import pickle
import subprocess
import sys
from dataclasses import dataclass
from typing import Iterable

log = logging.getLogger("mkdocs.plugins.news-archive")

# The child reads (folders, [(path, bytes)]) pickled on stdin (from its parent only), makes every
# folder and any missing parent (sorted: parents first), writes every file, and prints
# "<folders made> <seconds>" and then one line per file it could not write, the first error last.
_CHILD = r"""
import os, pickle, sys, time
started = time.perf_counter()
folders, files = pickle.load(sys.stdin.buffer)
made, failed, error = 0, [], ""
def make(folder):
    try:
        os.mkdir(folder)
        return 1
    except FileExistsError:
        return 0
    except FileNotFoundError:
        parent = os.path.dirname(folder)
        if parent == folder:
            raise
        return make(parent) + make(folder)
for folder in folders:
    try:
        made += make(folder)
    except OSError as err:
        error = error or str(err)
for path, data in files:
    try:
        with open(path, "wb") as out:
            out.write(data)
    except OSError as err:
        failed.append(path)
        error = error or str(err)
sys.stdout.write("\n".join([f"{made} {time.perf_counter() - started:.3f}", *failed, error]))
"""


@dataclass
class AheadReport:
    folders: int = 0  # folders the child made
    files: int = 0  # files it wrote
    seconds: float = 0.0
    error: str | None = None


class AheadWriter:
    def __init__(self) -> None:
        self._child: subprocess.Popen | None = None
        self._files: dict[str, tuple] = {}  # abs path -> (MkDocs file, content)
        self.report = AheadReport()

    def start(self, files: Iterable, contents: dict[str, tuple]) -> None:
        """Make the folders of every file MkDocs will write (`file.abs_dest_path`) and write the
        `contents` ({dest: (MkDocs file, bytes)}) of the files still among `files`."""
        self.finish()  # a `serve` rebuild: the last build's child has long finished
        self.report = AheadReport()
        files = list(files)
        present = {id(f) for f in files}
        self._files = {file.abs_dest_path: (file, data) for file, data in contents.values() if id(file) in present}
        folders = sorted({os.path.dirname(f.abs_dest_path) for f in files
                          if f.inclusion.is_included() and f.abs_dest_path})
        payload = pickle.dumps((folders, [(path, data) for path, (_, data) in self._files.items()]),
                               protocol=pickle.HIGHEST_PROTOCOL)
        try:
            self._child = subprocess.Popen([sys.executable, "-I", "-S", "-c", _CHILD], stdin=subprocess.PIPE,
                                           stdout=subprocess.PIPE, stderr=subprocess.PIPE)
            assert self._child.stdin is not None
            self._child.stdin.write(payload)  # the child reads it at once
            self._child.stdin.close()
            self._child.stdin = None  # so that communicate() does not flush it
        except OSError as err:  # no child process: MkDocs does it all, as without this
            self._give_back(set(self._files), str(err))

    def finish(self) -> AheadReport:
        """Wait for the child; MkDocs writes any file it did not."""
        if self._child is None:
            return self.report
        out, err = self._child.communicate()
        self._child = None
        lines = out.decode("utf-8", "replace").split("\n")
        head = lines[0].split()
        if len(head) == 2 and head[0].isdigit():  # its report's first line
            failed = set(lines[1:-1])
            self.report.folders, self.report.seconds = int(head[0]), float(head[1])
            self.report.files = len(self._files) - len(failed & set(self._files))
            error = lines[-1]
        else:  # it died before its report
            failed, error = set(self._files), err.decode("utf-8", "replace").strip() or "no report"
        self._give_back(failed, error)
        return self.report

    def _give_back(self, paths: set[str], error: str | None) -> None:
        for path in paths & set(self._files):
            file, data = self._files[path]
            if isinstance(data, bytes):  # MkDocs writes it itself (the setter clears abs_src_path)
                file.content_bytes = data
            else:
                file.content_string = data
        self._files = {}
        self.report.error = error or None
        if error:
            log.debug("news-archive: helper process for folders and feeds: %s (MkDocs does the rest)", error)
