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
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File

__all__ = ["SourceStubs"]


class SourceStubs:
    def __init__(self, folder: Path, salt: str, known: dict[str, bytes] | None = None) -> None:
        self.folder = folder
        self.salt = salt.encode("utf-8")
        self.written = 0  # stubs new or changed in this build: the pages MkDocs will build again
        # src_uri -> stub content as written: `mkdocs serve` keeps it between rebuilds, so an
        # unchanged stub is not even read again
        self.known = known if known is not None else {}

    def page(self, config: MkDocsConfig, src_uri: str, fingerprint: str) -> File:
        """A generated page backed by a stub holding its fingerprint."""
        digest = hashlib.sha256(fingerprint.encode("utf-8")).hexdigest().encode("ascii")
        return self._file(config, src_uri, self.salt + b"\n" + digest + b"\n")

    def static(self, config: MkDocsConfig, dest: str, content: bytes) -> File:
        """A generated file (a feed) backed by a stub holding its bytes: MkDocs copies it when newer."""
        return self._file(config, dest, content)

    def _file(self, config: MkDocsConfig, src_uri: str, content: bytes) -> File:
        path = self.folder / src_uri
        same = self.known.get(src_uri) == content
        if not same:
            try:
                same = path.read_bytes() == content
            except OSError:
                same = False
        if not same:
            path.parent.mkdir(parents=True, exist_ok=True)
            partial = path.with_name(path.name + ".partial")
            partial.write_bytes(content)
            os.replace(partial, path)  # never a half-written stub
            self.written += 1
        self.known[src_uri] = content
        return File.generated(config, src_uri, abs_src_path=str(path))
