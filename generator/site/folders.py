"""`FolderMaker`: create the site's output folders in a background thread, ahead of MkDocs.

With `use_directory_urls` every page is `<its own folder>/index.html`, so a cold build of a
10,000-article archive creates ~17,000 folders, and MkDocs creates each one just before writing
its page (`os.makedirs` in `mkdocs.utils.write_file` and `File.copy_file`), on the thread that
renders. On this project's 2-core benchmark machine that was ~3.7 s of a 27 s build of 5,000
articles, all of it in the kernel. Once the navigation is known every destination is known too, so
a thread makes the folders on the other core while MkDocs reads and converts the pages (seconds of
Python); MkDocs' own `makedirs` then finds them there. Nothing else changes: MkDocs still
writes every file, and a folder this thread has not reached yet is simply made by MkDocs (both
sides tolerate the other having made it).
"""

from __future__ import annotations

import logging
import os
import threading
import time
from typing import Iterable

log = logging.getLogger("mkdocs.plugins.news-archive")


class FolderMaker:
    def __init__(self) -> None:
        self._thread: threading.Thread | None = None
        self.made = 0
        self.seconds = 0.0
        self.error: OSError | None = None

    def start(self, files: Iterable) -> None:
        """Make the folders of every file MkDocs will write (`file.abs_dest_path`)."""
        self.join()  # a `serve` rebuild: the last build's thread has long finished
        self.made, self.seconds, self.error = 0, 0.0, None
        folders = sorted({os.path.dirname(f.abs_dest_path) for f in files
                          if f.inclusion.is_included() and f.abs_dest_path})
        self._thread = threading.Thread(target=self._make, args=(folders,), name="news-archive-folders",
                                        daemon=True)
        self._thread.start()

    def _make(self, folders: list[str]) -> None:
        started = time.perf_counter()
        for folder in folders:  # sorted: a parent comes before its children
            try:
                self.made += _make_folder(folder)
            except OSError as err:  # a file in the way: MkDocs meets it too and names the file
                self.error = self.error or err
        self.seconds = time.perf_counter() - started

    def join(self) -> None:
        if self._thread is not None:
            self._thread.join()
            self._thread = None
            if self.error is not None:
                log.debug("news-archive: an output folder could not be made ahead (MkDocs will say why): %s", self.error)


def _make_folder(folder: str) -> int:
    """Make `folder` and any missing parents; how many were made."""
    try:
        os.mkdir(folder)
        return 1
    except FileExistsError:
        return 0
    except FileNotFoundError:
        parent = os.path.dirname(folder)
        if parent == folder:
            raise
        return _make_folder(parent) + _make_folder(folder)
