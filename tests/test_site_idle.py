"""Work `mkdocs serve` leaves until no build runs (generator/site/idle.py)."""

from __future__ import annotations

import time

import pytest

from generator.site import idle
from generator.site.idle import WhenIdle


@pytest.fixture
def events(monkeypatch):
    seen: list[tuple[str, float]] = []
    monkeypatch.setattr(idle, "IDLE_SECONDS", 0.2)
    monkeypatch.setattr(idle.gc, "collect", lambda generation=2: seen.append(("collect", time.monotonic())))
    return seen


def test_the_index_and_the_collection_wait_until_no_build_has_run_for_a_moment(events):
    later = WhenIdle()
    later.building()
    ended = time.monotonic()
    later.built(collect=True, jobs=[lambda: events.append(("index", time.monotonic()))])
    assert events == []  # not while the browser fetches the new page
    later.wait()
    assert [name for name, _ in events] == ["index", "collect"]
    assert all(at - ended >= 0.2 for _, at in events)


def test_a_build_that_begins_drops_the_last_ones_jobs_but_not_its_collection(events):
    later = WhenIdle()
    later.building()
    later.built(collect=True, jobs=[lambda: events.append(("stale index", 0.0))])
    later.building()  # saved again: a new build
    time.sleep(0.3)  # longer than the idle time, but a build is running: nothing runs
    assert events == []
    later.built(jobs=[lambda: events.append(("index", 0.0))])
    later.wait()
    assert [name for name, _ in events] == ["index", "collect"]  # the collection was still due


def test_a_failing_job_is_logged_and_the_rest_still_runs(events, caplog):
    later = WhenIdle()
    later.built(collect=True, jobs=[lambda: 1 / 0, lambda: events.append(("index", 0.0))])
    later.wait()
    assert [name for name, _ in events] == ["index", "collect"]
    assert "after the build: division by zero" in caplog.text


def test_work_after_the_thread_ended_gets_a_new_one(events):
    later = WhenIdle()
    later.built(collect=True)
    later.wait()
    later.built(collect=True)
    later.wait()
    assert [name for name, _ in events] == ["collect", "collect"]


def test_nothing_starts_after_serve_stopped(events):
    later = WhenIdle()
    later.built(collect=True, jobs=[lambda: events.append(("index", 0.0))])
    later.cancel()
    later.wait()
    assert events == []
