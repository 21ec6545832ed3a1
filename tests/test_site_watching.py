"""`mkdocs serve` notices saves through native file events (generator/site/watching.py)."""

from __future__ import annotations

import logging
import threading
import time
from pathlib import Path

import pytest
from mkdocs.livereload import LiveReloadServer
from watchdog.events import FileSystemEventHandler
from watchdog.observers import Observer
from watchdog.observers.polling import PollingObserver

from generator.site.watching import ChangesObserver, use_native_events

native = pytest.mark.skipif(issubclass(Observer, PollingObserver), reason="no native file events here")


def server(tmp_path: Path) -> LiveReloadServer:
    return LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(tmp_path))


def watched(srv: LiveReloadServer) -> set[tuple[str, bool]]:
    return {(e.watch.raw_path, e.watch.is_recursive) for e in srv.observer.emitters}


def folders(tmp_path: Path) -> tuple[Path, Path, Path]:
    docs, extra, config = tmp_path / "content", tmp_path / "seeds", tmp_path / "mkdocs.yml"
    docs.mkdir()
    extra.mkdir()
    config.write_text("site_name: x\n")
    return docs, extra, config


@native
def test_every_watch_moves_to_the_native_observer_with_its_count(tmp_path: Path) -> None:
    docs, extra, config = folders(tmp_path)
    srv = server(tmp_path)
    srv.watch(str(docs))
    srv.watch(str(config), recursive=False)
    srv.watch(str(extra))
    srv.watch(str(extra))  # twice: MkDocs counts it, so unwatching once must keep it
    before = watched(srv)

    assert use_native_events(srv) == Observer.__name__
    assert isinstance(srv.observer, ChangesObserver)
    assert watched(srv) == before == {(str(docs), True), (str(config), False), (str(extra), True)}
    srv.unwatch(str(extra))
    assert (str(extra), True) in watched(srv)
    srv.unwatch(str(extra))
    assert watched(srv) == {(str(docs), True), (str(config), False)}
    srv.watch(str(extra))  # what a later plugin watches lands on the new observer
    assert (str(extra), True) in watched(srv) and isinstance(srv.observer, ChangesObserver)


class Events(FileSystemEventHandler):
    def __init__(self) -> None:
        self.seen: list[str] = []
        self.arrived = threading.Event()

    def on_any_event(self, event) -> None:
        if not event.is_directory:
            self.seen.append(type(event).__name__)
            self.arrived.set()


@native
def test_reading_a_file_is_no_change_writing_and_renaming_are(tmp_path: Path) -> None:
    docs, _, _ = folders(tmp_path)
    page = docs / "a.md"
    page.write_text("one\n")
    events = Events()
    observer = ChangesObserver()
    observer.schedule(events, str(docs), recursive=True)
    observer.start()
    try:
        page.read_text()  # the build reads content/: with "opened" events it would start another
        time.sleep(0.5)
        assert events.seen == []
        page.write_text("two\n")
        assert events.arrived.wait(5)
        assert "FileModifiedEvent" in events.seen or "FileClosedEvent" in events.seen
        events.seen.clear()
        events.arrived.clear()
        (docs / "draft.tmp").write_text("three\n")  # an editor that saves by renaming a new file
        events.arrived.wait(5)
        time.sleep(0.2)
        events.seen.clear()
        events.arrived.clear()
        (docs / "draft.tmp").replace(page)
        assert events.arrived.wait(5)
        assert "FileMovedEvent" in events.seen
    finally:
        observer.stop()
        observer.join()


@native
def test_polling_stays_when_the_system_refuses_the_watches(tmp_path: Path, monkeypatch, caplog) -> None:
    docs, _, _ = folders(tmp_path)
    srv = server(tmp_path)
    srv.watch(str(docs))
    polling = srv.observer

    def refuse(self) -> None:
        raise OSError(28, "inotify watch limit reached")

    monkeypatch.setattr(ChangesObserver, "start", refuse)
    with caplog.at_level(logging.WARNING, logger="mkdocs.plugins.news-archive"):
        assert use_native_events(srv) is None
    assert srv.observer is polling and watched(srv) == {(str(docs), True)}
    assert "max_user_watches" in caplog.text and str(docs) in caplog.text


def test_an_observer_someone_replaced_or_started_is_left_alone(tmp_path: Path) -> None:
    docs, _, _ = folders(tmp_path)

    class NoObserver:  # a server of another MkDocs release, without the attribute
        def watch(self, path: str) -> None:
            raise AssertionError("nothing is watched anew")

    assert use_native_events(NoObserver()) is None
    srv = server(tmp_path)
    srv.observer = mine = Observer()
    assert use_native_events(srv) is None and srv.observer is mine
    srv = server(tmp_path)
    srv.watch(str(docs))
    srv.observer.start()
    try:
        assert use_native_events(srv) is None
        assert type(srv.observer) is PollingObserver
    finally:
        srv.observer.stop()
        srv.observer.join()


@native
def test_a_watch_scheduled_past_mkdocs_keeps_everything_polling(tmp_path: Path) -> None:
    docs, extra, _ = folders(tmp_path)
    srv = server(tmp_path)
    srv.watch(str(docs))
    srv.observer.schedule(FileSystemEventHandler(), str(extra), recursive=True)  # not through `watch`
    assert use_native_events(srv) is None
    assert type(srv.observer) is PollingObserver
    assert watched(srv) == {(str(docs), True), (str(extra), True)}
