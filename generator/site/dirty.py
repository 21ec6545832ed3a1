"""`mkdocs serve --dirty` / `mkdocs build --dirty` for the archive: only what changed is written.

With `--dirty`, MkDocs rebuilds a page only when its source file is newer than the page it
wrote last time. Generated pages (terms, indexes, months) and feeds have no source file of their
own, so MkDocs would rebuild and rewrite all of them (tens of thousands) on every save. Here
each gets one in `.cache/news-archive/dirty/`: a small stub holding the fingerprint of what the
page shows (or the feed's bytes) and the build's salt (code, templates, registry, mkdocs.yml).
A stub is rewritten only when that changes, so its modification time says exactly when the
page must be built again. Without `--dirty` none of this runs: pages stay in memory.

As MkDocs warns for any dirty build, an article page that merely lists the edited one (related
articles, previous/next) keeps its old text until the next full build; the edited article,
its term pages, indexes, timeline and feeds are current.

Under `mkdocs serve` an unchanged stub also keeps the MkDocs `File` (and the `Page` bound to it)
of the last build: making 18,000 of them again, most of them never built, took 0.4 s of each
rebuild at 5,000 articles. A file is kept only when its stub, output folder and URL style are
the same; pages in the navigation are always made afresh (MkDocs links them to their neighbours).
An article's `File` is MkDocs' own, made anew each build; in a rebuild its `is_modified` is
answered from the record cache, which has just `stat`ed every article (`answer_articles`).
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterable
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, InclusionLevel

__all__ = ["SourceStubs", "StubFile", "answer_articles"]


class StubFile(File):
    """A generated page or feed backed by a stub. MkDocs asks `is_modified` of every file twice
    per dirty build (reading pages, then writing them), three `stat` calls each time; the stub's
    modification time is known here (it was written or read), so one `stat` of the output, once
    per build, answers the same question: is the output older than the stub?"""

    stub_mtime_ns: int = 0
    _modified: bool | None = None  # this build's answer

    def is_modified(self) -> bool:
        if self._modified is None:
            try:
                self._modified = os.stat(self.abs_dest_path).st_mtime_ns < self.stub_mtime_ns
            except OSError:  # not written yet
                self._modified = True
        return self._modified


def _modified() -> bool:
    return True


def _unmodified() -> bool:
    return False


def answer_articles(sources: Iterable[tuple[File, str]], changed: Callable[[str], bool]) -> None:
    """A `--dirty` rebuild into the folder this process's last completed build wrote (`serve`):
    MkDocs asks each article's `File` whether it is modified twice per build, three `stat` calls
    each time (0.09 s of each rebuild at 5,000 articles). `changed` (the record cache's
    `changed_since_built`) already knows: the page was written from the bytes it has unless they
    changed since. `sources`: each article's file with its record cache key (archive.py)."""
    for file, key in sources:
        # The instance's answer shadows the method: MkDocs calls `file.is_modified()`.
        file.is_modified = _modified if changed(key) else _unmodified  # type: ignore[method-assign]


class SourceStubs:
    def __init__(self, folder: Path, salt: str, known: dict[str, bytes] | None = None,
                 last_files: dict[str, File] | None = None) -> None:
        self.folder = folder
        self.salt = salt.encode("utf-8")
        self.written = 0  # stubs new or changed in this build: the pages MkDocs will build again
        # src_uri -> stub content as written: `mkdocs serve` keeps it between rebuilds, so an
        # unchanged stub is not even read again
        self.known = known if known is not None else {}
        self.last_files = last_files or {}  # src_uri -> the last build's File (serve)
        self.files: dict[str, File] = {}  # this build's, for the next one
        self.kept = 0  # files of the last build used again

    def page(self, config: MkDocsConfig, src_uri: str, fingerprint: str, keep: bool = True) -> File:
        """A generated page backed by a stub holding its fingerprint; `keep=False` for pages in
        the navigation (always a new File)."""
        digest = hashlib.sha256(fingerprint.encode("utf-8")).hexdigest().encode("ascii")
        return self._file(config, src_uri, self.salt + b"\n" + digest + b"\n", keep)

    def static(self, config: MkDocsConfig, dest: str, content: bytes) -> File:
        """A generated file (a feed) backed by a stub holding its bytes: MkDocs copies it when newer."""
        return self._file(config, dest, content, True)

    def _file(self, config: MkDocsConfig, src_uri: str, content: bytes, keep: bool) -> File:
        path = os.path.join(self.folder, src_uri)  # strings, not Paths: this runs for every page
        same = self.known.get(src_uri) == content
        if not same:
            try:
                with open(path, "rb") as stub:
                    same = stub.read() == content
            except OSError:
                same = False
        if not same:
            os.makedirs(os.path.dirname(path), exist_ok=True)
            partial = path + ".partial"
            with open(partial, "wb") as out:
                out.write(content)
            os.replace(partial, path)  # never a half-written stub
            self.written += 1
        self.known[src_uri] = content
        last = self.last_files.get(src_uri) if same and keep else None
        if (isinstance(last, StubFile) and last.abs_src_path == path and last.dest_dir == config.site_dir
                and last.use_directory_urls == config.use_directory_urls):
            last.inclusion = InclusionLevel.UNDEFINED  # as new: MkDocs and the plugin set it again
            last._modified = None  # asked again in this build
            self.kept += 1
            file = last
        else:
            file = StubFile.generated(config, src_uri, abs_src_path=path)
            file.stub_mtime_ns = os.stat(path).st_mtime_ns
        if keep:
            self.files[src_uri] = file
        return file
