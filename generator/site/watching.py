"""`mkdocs serve`: notice a save through the operating system's file events, not by polling.

MkDocs' server polls every watched folder twice a second (watchdog's `PollingObserver`). A save
is noticed 0-0.5 s after it, and each pass walks every file of `content/` in Python: 0.06 s at
5,000 articles, holding the interpreter while a rebuild runs. Swapping in watchdog's native
observer (inotify on Linux, FSEvents on macOS, ReadDirectoryChangesW on Windows) takes ~0.3 s off
each preview (`benchmarks/site_benchmark.py --serve --dirty`).

MkDocs went back to polling because some file systems deliver no events (mkdocs/mkdocs#2477: a
Docker volume shared from macOS or Windows, a network drive, WSL's /mnt): the `watch_native: false`
option keeps polling there. What is used of MkDocs' server: its `watch` and `unwatch` methods
(the plugin API) and its `observer` attribute, which is not underscored but not documented either:
when it is missing or is not MkDocs' polling observer, nothing changes. Of watchdog, its public API.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from watchdog.events import (
    FileClosedEvent, FileCreatedEvent, FileDeletedEvent, FileModifiedEvent, FileMovedEvent, FileSystemEvent,
    FileSystemEventHandler,
)
from watchdog.observers import Observer
from watchdog.observers.api import BaseObserver, ObservedWatch
from watchdog.observers.polling import PollingObserver

log = logging.getLogger("mkdocs.plugins.news-archive")

# What a save can be. Not "opened" or "closed without writing": the build itself reads content/,
# and with those a build would start the next one.
CHANGES: tuple[type[FileSystemEvent], ...] = (
    FileModifiedEvent, FileClosedEvent, FileCreatedEvent, FileDeletedEvent, FileMovedEvent)


class ChangesObserver(Observer):  # type: ignore[misc,valid-type]  # the platform's native class
    """watchdog's native observer, told to report changes only and to follow symbolic links as
    polling does (MkDocs' `watch` passes neither)."""

    def schedule(self, event_handler: FileSystemEventHandler, path: str, *, recursive: bool = False,
                 event_filter: list[type[FileSystemEvent]] | None = None,
                 follow_symlink: bool = False) -> ObservedWatch:
        return super().schedule(event_handler, path, recursive=recursive,
                                event_filter=event_filter or list(CHANGES), follow_symlink=True)


def watch_project(server: Any, root: Path, *, sources: bool, native: bool) -> None:
    """`on_serve`: watch `seeds/` and `registry/` too (`sources`), then, with `native`, move every
    watch to the native observer."""
    for folder in ("seeds", "registry") if sources else ():
        if (root / folder).is_dir():
            server.watch(str(root / folder))
    if native and (observer := use_native_events(server)):
        log.info("news-archive: saves noticed through %s; `watch_native: false` polls as MkDocs does", observer)


def use_native_events(server: Any) -> str | None:
    """Move what `server` (MkDocs' LiveReloadServer, before it starts) watches to the native
    observer. Returns the observer's name, or None when polling stays: the platform has no native
    API, someone replaced or started the observer already, or the system refuses the watches
    (Linux's `fs.inotify.max_user_watches`), which is logged with the fix."""
    current: BaseObserver | None = getattr(server, "observer", None)  # undocumented: may be gone one day
    if type(current) is not PollingObserver or current.is_alive() or issubclass(Observer, PollingObserver):
        return None
    watched = [(w.raw_path, w.is_recursive) for w in (e.watch for e in current.emitters)]
    probe = ChangesObserver()
    try:  # learn now, not when the server starts, whether every folder can be watched
        for path, recursive in watched:
            probe.schedule(FileSystemEventHandler(), path, recursive=recursive)
        probe.start()
    except Exception as err:  # OSError mostly (the watch limit); whatever it is, polling still works
        log.warning("news-archive: cannot watch %s with file events (%s); polling instead. On Linux, "
                    "raise fs.inotify.max_user_watches, or set `watch_native: false`.",
                    ", ".join(path for path, _ in watched), err)
        return None
    finally:
        if probe.is_alive():
            probe.stop()
            probe.join()
    moved: list[tuple[str, bool]] = []
    try:
        for path, recursive in watched:  # a path watched twice is unwatched twice (MkDocs counts)
            while path in {e.watch.raw_path for e in current.emitters}:
                server.unwatch(path)
                moved.append((path, recursive))
    except KeyError:  # scheduled on the observer without `server.watch`: leave it all as it was
        for path, recursive in moved:
            server.watch(path, recursive=recursive)
        return None
    server.observer = ChangesObserver()
    for path, recursive in moved:
        server.watch(path, recursive=recursive)
    return type(server.observer).__mro__[1].__name__
