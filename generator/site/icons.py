"""Material's icons drawn by the stylesheet, not printed into every page.

Material prints each icon as inline SVG wherever it appears: the logo (twice), the menu, three
palette toggles, search (twice) and back, the repository (twice), edit and back-to-top, 4-5 KB of
every page's 13 KB frame, identical on every page. The archive's overrides of those partials
(site_templates/partials/) print an empty `<svg class="na-i na-i--NAME">` instead, and this
module appends one rule per icon to the archive's stylesheet: the icon's SVG as a CSS mask over
`currentcolor`, the technique Material's own stylesheet uses for its navigation and admonition
icons. The `<svg>` element keeps every size and margin rule Material gives icons in that place;
`aspect-ratio` stands in for the viewBox where Material sizes an icon by its height alone.

Which icons: the ones Material's partials would print for this configuration (`theme.icon.*`
or Material's default, the palette toggles' icons). The plugin puts their class names into
`config.extra.na_icons`; partials/na-icon.html prints the empty element for those and falls back
to Material's inline SVG for any other icon (or when the plugin is off).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, Iterable, Mapping, Sequence
from urllib.parse import quote

# (theme.icon key, Material 9.8's default) for every icon the archive's partials print.
SLOTS = (("logo", "material/library"), ("menu", "material/menu"), ("search", "material/magnify"),
         ("previous", "material/arrow-left"), ("repo", "fontawesome/brands/git-alt"),
         ("edit", "material/file-edit-outline"), ("top", "material/arrow-up"))

BASE_RULE = (".na-i{aspect-ratio:1;background-color:currentcolor;-webkit-mask:var(--na-i) center/contain no-repeat;"
             "mask:var(--na-i) center/contain no-repeat}\n"
             # Forced colours (Windows high contrast) would paint the background with the page's own.
             "@media (forced-colors:active){.na-i{forced-color-adjust:none}}\n")

_VIEWBOX = re.compile(r'viewBox="\s*[-\d.]+[\s,]+[-\d.]+[\s,]+([\d.]+)[\s,]+([\d.]+)\s*"')
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)


def icon_names(icon: Mapping[str, Any], palette: Any, logo_image: bool = False) -> list[str]:
    """The icons this configuration's pages show, in a stable order, without repeats."""
    names = [icon.get(key) or default for key, default in SLOTS if not (key == "logo" and logo_image)]
    if isinstance(palette, Sequence) and not isinstance(palette, str):
        names += [option["toggle"]["icon"] for option in palette
                  if isinstance(option, Mapping) and isinstance(option.get("toggle"), Mapping)
                  and option["toggle"].get("icon")]
    return list(dict.fromkeys(n for n in names if isinstance(n, str)))


def class_names(names: Iterable[str]) -> dict[str, str]:
    """icon name -> CSS class: the file's name ("material/git" -> "na-i--git"), made unique."""
    classes: dict[str, str] = {}
    for name in names:
        base = "na-i--" + re.sub(r"[^a-z0-9-]+", "-", name.rsplit("/", 1)[-1].lower()).strip("-")
        cls, n = base, 2
        while cls in classes.values():
            cls, n = f"{base}{n}", n + 1
        classes[name] = cls
    return classes


def find_svg(name: str, theme_dirs: Sequence[str]) -> str | None:
    for folder in theme_dirs:
        path = Path(folder) / ".icons" / f"{name}.svg"
        if path.is_file():
            return path.read_text(encoding="utf-8")
    return None


def icon_rule(cls: str, svg: str) -> str:
    svg = _COMMENT.sub("", svg).strip()
    size = _VIEWBOX.search(svg)
    ratio = ""
    if size and float(size.group(1)) != float(size.group(2)):
        ratio = f";aspect-ratio:{size.group(1)}/{size.group(2)}"
    # Percent-encode only what a data: URL in CSS must not hold raw (quotes, #, %, <, >, spaces stay
    # readable enough and cost one byte each).
    data = quote(svg.replace('"', "'"), safe=" /:=;,.-_'()!*+")
    return f'.{cls}{{--na-i:url("data:image/svg+xml,{data}"){ratio}}}\n'


def stylesheet(classes: Mapping[str, str], theme_dirs: Sequence[str]) -> tuple[str, dict[str, str]]:
    """(CSS for the icons found, {icon name: class} of those found)."""
    found: dict[str, str] = {}
    rules = []
    for name, cls in classes.items():
        svg = find_svg(name, theme_dirs)
        if svg is not None:
            found[name] = cls
            rules.append(icon_rule(cls, svg))
    css = "/* Material's icons, drawn by the stylesheet (generator/site/icons.py) */\n" + BASE_RULE + "".join(rules)
    return (css if found else ""), found


def append_to_file(files, config, src_uri: str, text: str) -> None:
    """Serve `src_uri` (a theme or docs file) with `text` appended, built in memory: the copy in
    site/ is written whole each build, so a `--dirty` or `serve` rebuild never appends twice."""
    if not text:
        return
    from mkdocs.structure.files import File

    old = files.get_file_from_path(src_uri)
    content = old.content_string if old is not None else ""
    if old is not None:
        files.remove(old)
    files.append(File.generated(config, src_uri, content=content.rstrip("\n") + "\n" + text))
