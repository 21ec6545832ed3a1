"""Folder defaults: ``seeds/<folder>/_defaults.yml`` says what the files under it do not.

A user who knows that a batch of saved stories is from 1987, or from one site, writes::

    # seeds/reuters/_defaults.yml
    year: 1987                 # completes a dateline's "Feb 26" into 1987-02-26
    timezone: America/New_York # IANA zone for clock times printed without one
    source: Reuters            # the publication, when no profile names one
    section: Business          # the section, when the file gives none
    profile: reuters-wire      # use this profile (by name) instead of guessing

Every key is optional. A deeper folder's file overrides its parent's, key by key. The file is
not a seed. A bad file (unknown key, wrong type, unknown zone) is an ``ArticleError`` naming it.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from generator.models import ArticleError
from generator.safeyaml import load_data_file

__all__ = ["DEFAULTS_FILE", "FolderDefaults", "DefaultsIndex", "load_defaults_file", "defaults_files"]

DEFAULTS_FILE = "_defaults.yml"
MAX_DEFAULTS_BYTES = 100_000  # five keys
# Years a news archive can hold: a typo such as 87 or 19987 is refused rather than believed.
MIN_YEAR, MAX_YEAR = 1800, 2200


@dataclass(frozen=True)
class FolderDefaults:
    year: int | None = None
    timezone: str | None = None
    source: str | None = None
    section: str | None = None
    profile: str | None = None

    def over(self, parent: "FolderDefaults") -> "FolderDefaults":
        """These defaults, with the parent folder's filling the keys this file leaves out."""
        return replace(parent, **{f.name: getattr(self, f.name) for f in fields(self)
                                  if getattr(self, f.name) is not None})


_KEYS = tuple(f.name for f in fields(FolderDefaults))


def _text(path: Path, key: str, value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ArticleError(path, f"'{key}' must be a non-empty text, not {value!r}")
    return value.strip()


def parse_defaults(data: Any, path: Path) -> FolderDefaults:
    """Validate the mapping read from one ``_defaults.yml``."""
    if data is None:
        return FolderDefaults()
    if not isinstance(data, dict):
        raise ArticleError(path, f"must be a YAML mapping of keys ({', '.join(_KEYS)}), not {type(data).__name__}")
    unknown = sorted(str(k) for k in data if k not in _KEYS)
    if unknown:
        raise ArticleError(path, f"unknown key '{unknown[0]}'; allowed keys are {', '.join(_KEYS)}")
    year = data.get("year")
    if year is not None and (isinstance(year, bool) or not isinstance(year, int) or not MIN_YEAR <= year <= MAX_YEAR):
        raise ArticleError(path, f"'year' must be a four-digit year such as 1987, not {year!r}")
    zone = data.get("timezone")
    if zone is not None:
        zone = _text(path, "timezone", zone)
        try:
            ZoneInfo(zone)
        except (ZoneInfoNotFoundError, ValueError, OSError) as exc:  # OSError: a folder name ("Asia")
            raise ArticleError(path, f"unknown time zone {zone!r} in 'timezone'; use an IANA name such as "
                               "'America/New_York'") from exc
    return FolderDefaults(
        year=year,
        timezone=zone,
        **{key: _text(path, key, data[key]) if data.get(key) is not None else None
           for key in ("source", "section", "profile")},
    )


def load_defaults_file(path: Path) -> FolderDefaults:
    data = load_data_file(path, what="this file", unreadable="cannot read the file", max_bytes=MAX_DEFAULTS_BYTES)
    return parse_defaults(data, path)


def defaults_files(seeds_dir: Path) -> list[Path]:
    """Every ``_defaults.yml`` below ``seeds_dir`` (hidden folders skipped), sorted."""
    if not seeds_dir.is_dir():
        return []
    # A link is refused by sources.list_seeds and never read (it could point anywhere).
    return sorted(p for p in seeds_dir.rglob(DEFAULTS_FILE)
                  if p.is_file() and not p.is_symlink()
                  and not any(part.startswith(".") for part in p.relative_to(seeds_dir).parts))


class DefaultsIndex:
    """Every folder's defaults under ``seeds_dir``, read once; ``errors`` holds the bad files."""

    def __init__(self, seeds_dir: Path, profile_names: set[str] | None = None) -> None:
        self.seeds_dir = Path(seeds_dir).resolve()
        self.errors: list[ArticleError] = []
        self._own: dict[Path, FolderDefaults] = {}
        for path in defaults_files(self.seeds_dir):
            try:
                found = load_defaults_file(path)
                if profile_names is not None and found.profile and found.profile not in profile_names:
                    raise ArticleError(path, f"unknown profile {found.profile!r} in 'profile'; "
                                       f"profiles are {', '.join(sorted(profile_names)) or 'none'}")
            except ArticleError as exc:
                self.errors.append(exc)  # the folder's files are still built, without these defaults
                continue
            self._own[path.parent] = found
        self._merged: dict[Path, FolderDefaults] = {}

    def for_file(self, path: Path) -> FolderDefaults:
        """The defaults that apply to the seed at ``path`` (empty outside ``seeds_dir``)."""
        return self._for_folder(Path(path).resolve().parent)

    def _for_folder(self, folder: Path) -> FolderDefaults:
        hit = self._merged.get(folder)
        if hit is not None:
            return hit
        if folder == self.seeds_dir or self.seeds_dir not in folder.parents:
            result = self._own.get(folder, FolderDefaults()) if folder == self.seeds_dir else FolderDefaults()
        else:
            result = self._own.get(folder, FolderDefaults()).over(self._for_folder(folder.parent))
        self._merged[folder] = result
        return result
