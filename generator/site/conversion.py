"""The plugin's first step: seeds/ -> content/, the package's own conversion, before MkDocs reads pages."""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.exceptions import PluginError

from generator.models import ArticleError

__all__ = ["convert"]

log = logging.getLogger("mkdocs.plugins.news-archive")


def convert(root: Path) -> frozenset[Path]:
    """Run the seeds/ -> content/ conversion (incremental; a no-op when nothing changed).

    A seed that cannot be converted is a warning (so `mkdocs build --strict` fails on it, as CI
    should) and the rest of the archive still builds; notes such as "no date found" are info.
    Returns the files warned about, so the site does not warn about the same page again.
    """
    from generator.build import build_archive
    from generator.config import ProjectPaths

    try:
        report = build_archive(ProjectPaths.from_root(root), quiet=True)
    except ArticleError as err:  # the registry or a profile is broken: nothing can be annotated
        raise PluginError(f"news-archive: {err}") from err
    for error in report.read.errors:
        log.warning("news-archive: %s", error)
    reported = frozenset((root / error.path).resolve() for error in report.read.errors)
    for line in report.problem_lines[len(report.read.errors):]:
        log.info("news-archive: %s", line)
    for line in report.notes:
        log.info("news-archive: %s", line)
    log.info("news-archive: %s", report.summary())
    return reported
