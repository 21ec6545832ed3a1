"""Load per-source layout profiles (YAML data) and pick the one that fits a file.

A profile is data a user adds in a pull request (one file in `profiles/`). Every key is
declared in `PROFILE_SCHEMA` below (type, default, meaning); a file with an unknown key, a
wrong type or a regex that does not compile is refused with an ArticleError naming the file
and the key. Patterns are regular expressions matched against one whole line (stripped).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Sequence
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from generator.models import ArticleError
from generator.safeyaml import load_data_file

__all__ = ["Profile", "PROFILE_SCHEMA", "GENERIC_NAME", "load_profiles", "load_profile",
           "choose_profile", "profile_from_dict", "profile_for_host"]

GENERIC_NAME = "generic"
MAX_PROFILE_BYTES = 1_000_000  # a profile is a few dozen lines


@dataclass(frozen=True)
class Key:
    kind: str  # "str", "str?", "int", "bool", "regex-list", "regex?", "str-list", "xpath-list", "zone?"
    default: Any
    doc: str


# The declared schema of a profile file: key -> type, default and meaning.
PROFILE_SCHEMA: dict[str, Key] = {
    "name": Key("str?", None, "profile name; defaults to the file name without .yml"),
    "source": Key("str?", None, "publisher shown as the article's source, e.g. 'The Japan News'"),
    "markers": Key("regex-list", [], "lines that identify the site; one whole-line match selects it"),
    "min_markers": Key("int", 1, "how many different markers must match to select the profile"),
    "junk_starts": Key("regex-list", [], "a line that starts a block of site junk (lists of other "
                       "headlines, rankings); the block runs to the next story-like paragraph"),
    "junk_lines": Key("regex-list", [], "single lines dropped wherever they appear"),
    "separator_lines": Key("str-list", [], "lines that separate items of a headline list, e.g. '-'"),
    "section": Key("regex?", None, "a line giving the section, with a named group 'section'"),
    "timezone": Key("zone?", None, "IANA zone for clock times printed without a zone"),
    "agency": Key("str?", None, "agency to assume when the file names none"),
    "hosts": Key("str-list", [], "web sites (host names, e.g. 'www.example.com' or 'example.com') whose "
                 "saved pages this profile reads; selects the profile for an HTML seed from that site"),
    "junk_selectors": Key("xpath-list", [], "HTML seeds: XPath expressions of page parts to drop before "
                          "the story is extracted, e.g. //div[@class='related']"),
}


@dataclass(frozen=True)
class Profile:
    name: str
    source: str | None = None
    markers: tuple[re.Pattern[str], ...] = ()
    min_markers: int = 1
    junk_starts: tuple[re.Pattern[str], ...] = ()
    junk_lines: tuple[re.Pattern[str], ...] = ()
    separator_lines: tuple[str, ...] = ()
    section: re.Pattern[str] | None = None
    timezone: str | None = None
    agency: str | None = None
    hosts: tuple[str, ...] = ()
    junk_selectors: tuple[str, ...] = ()
    path: Path | None = field(default=None, compare=False)

    @property
    def is_generic(self) -> bool:
        return self.name == GENERIC_NAME

    def marker_hits(self, lines: Sequence[str]) -> int:
        """How many different markers match some line."""
        return sum(1 for pat in self.markers if any(pat.fullmatch(line) for line in lines))

    def matches(self, lines: Sequence[str]) -> bool:
        return bool(self.markers) and self.marker_hits(lines) >= self.min_markers


def _fail(path: Path | str, key: str, problem: str) -> ArticleError:
    return ArticleError(path, f"profile key '{key}': {problem}")


def _compile(path: Path | str, key: str, pattern: Any) -> re.Pattern[str]:
    if not isinstance(pattern, str) or not pattern:
        raise _fail(path, key, f"expected a regular expression string, got {pattern!r}")
    try:
        return re.compile(pattern)
    except (re.error, RecursionError, OverflowError, ValueError) as exc:
        raise _fail(path, key, f"bad regular expression {pattern!r}: {exc}") from exc


def _as_list(path: Path | str, key: str, value: Any) -> list[Any]:
    if not isinstance(value, list):
        raise _fail(path, key, f"expected a list, got {type(value).__name__}")
    return value


def _xpath(path: Path | str, key: str, expression: Any) -> str:
    from lxml import etree

    if not isinstance(expression, str) or not expression.strip():
        raise _fail(path, key, f"expected an XPath expression string, got {expression!r}")
    try:
        etree.XPath(expression)
    except etree.XPathSyntaxError as exc:
        raise _fail(path, key, f"bad XPath expression {expression!r}: {exc}") from exc
    return expression.strip()


def _check(path: Path | str, key: str, spec: Key, value: Any) -> Any:
    kind = spec.kind
    if value is None and (kind.endswith("?") or kind.endswith("list")):
        return spec.default if kind.endswith("?") else ()
    if kind in ("str", "str?"):
        if not isinstance(value, str) or not value.strip():
            raise _fail(path, key, f"expected a non-empty string, got {value!r}")
        return value.strip()
    if kind == "int":
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            raise _fail(path, key, f"expected a whole number >= 0, got {value!r}")
        return value
    if kind == "xpath-list":
        return tuple(_xpath(path, key, v) for v in ([value] if isinstance(value, str) else _as_list(path, key, value)))
    if kind in ("regex-list", "str-list"):
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list):
            raise _fail(path, key, f"expected a list, got {type(value).__name__}")
        if kind == "str-list":
            if not all(isinstance(v, str) and v.strip() for v in value):
                raise _fail(path, key, "expected a list of non-empty strings")
            return tuple(v.strip() for v in value)
        return tuple(_compile(path, key, v) for v in value)
    if kind == "regex?":
        pat = _compile(path, key, value)
        if "section" not in pat.groupindex:
            raise _fail(path, key, "the regular expression needs a named group (?P<section>...)")
        return pat
    if kind == "zone?":
        try:
            ZoneInfo(str(value))
        except (ZoneInfoNotFoundError, ValueError, OSError) as exc:  # OSError: a folder name ("Asia")
            raise _fail(path, key, f"unknown time zone {value!r}; use an IANA name such as "
                        "'Asia/Tokyo'") from exc
        return str(value)
    raise AssertionError(kind)  # pragma: no cover - schema typo


def profile_from_dict(data: Any, path: Path | str, default_name: str) -> Profile:
    """Validate one profile mapping against PROFILE_SCHEMA and build the Profile."""
    if not isinstance(data, dict):
        raise ArticleError(path, f"a profile must be a YAML mapping of keys, got "
                           f"{type(data).__name__}")
    unknown = sorted(str(k) for k in data if k not in PROFILE_SCHEMA)
    if unknown:
        raise _fail(path, unknown[0], "unknown key; allowed keys are "
                    + ", ".join(PROFILE_SCHEMA))
    values = {key: _check(path, key, spec, data[key]) if key in data else spec.default
              for key, spec in PROFILE_SCHEMA.items()}
    values["name"] = values["name"] or default_name
    for key in ("markers", "junk_starts", "junk_lines", "separator_lines", "hosts", "junk_selectors"):
        values[key] = tuple(values[key])
    values["hosts"] = tuple(h.lower().removeprefix("www.") for h in values["hosts"])
    if values["name"] != GENERIC_NAME and not values["markers"] and not values["hosts"]:
        raise _fail(path, "markers", "a site profile needs at least one marker line or host")
    return Profile(path=Path(path), **values)


def load_profile(path: Path) -> Profile:
    path = Path(path)
    data = load_data_file(path, what="profile", unreadable="cannot read the profile", max_bytes=MAX_PROFILE_BYTES)
    return profile_from_dict(data, path, path.stem)


def load_profiles(profiles_dir: Path) -> list[Profile]:
    """Every *.yml / *.yaml profile in `profiles_dir`, sorted by file name; generic last.

    Files that are not profiles (`timezones.yml`) are skipped.
    """
    profiles_dir = Path(profiles_dir)
    if not profiles_dir.is_dir():
        return []
    paths = sorted(p for p in profiles_dir.iterdir()
                   if p.suffix in (".yml", ".yaml") and not p.name.startswith(".")
                   and p.stem not in NOT_PROFILES)
    profiles = [load_profile(p) for p in paths]
    names: dict[str, Path | None] = {}
    for prof in profiles:
        if prof.name in names:
            raise _fail(prof.path or profiles_dir, "name",
                        f"profile name {prof.name!r} is already used by {names[prof.name]}")
        names[prof.name] = prof.path
    return sorted(profiles, key=lambda p: p.is_generic)


NOT_PROFILES = frozenset({"timezones"})


def choose_profile(text: str, profiles: Sequence[Profile]) -> Profile:
    """The site profile whose markers match best; the generic profile when none matches."""
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    best, best_hits = None, 0
    for prof in profiles:
        if prof.is_generic or not prof.matches(lines):
            continue
        hits = prof.marker_hits(lines)
        if hits > best_hits:
            best, best_hits = prof, hits
    if best is not None:
        return best
    return generic_profile(profiles)


def profile_for_host(host: str | None, profiles: Sequence[Profile]) -> Profile | None:
    """The site profile listing this web host (or a parent domain of it), if any."""
    if not host:
        return None
    host = host.lower().removeprefix("www.")
    for prof in profiles:
        if any(host == h or host.endswith("." + h) for h in prof.hosts):
            return prof
    return None


def generic_profile(profiles: Sequence[Profile]) -> Profile:
    for prof in profiles:
        if prof.is_generic:
            return prof
    return Profile(name=GENERIC_NAME, separator_lines=("-",))
