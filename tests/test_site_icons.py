"""Material's icons drawn by the stylesheet (generator/site/icons.py), and the lighter page frame."""

from __future__ import annotations

import re
from pathlib import Path

import material

from generator.site.icons import class_names, icon_names, icon_rule, stylesheet

MATERIAL_DIRS = [str(Path(material.__file__).parent / "templates")]
PALETTE = [{"media": "(prefers-color-scheme)", "toggle": {"icon": "material/brightness-auto", "name": "a"}},
           {"media": "(prefers-color-scheme: light)", "toggle": {"icon": "material/brightness-7", "name": "b"}},
           {"media": "(prefers-color-scheme: dark)"}]


def test_icon_names_follow_the_configuration_and_material_defaults():
    names = icon_names({"repo": "material/git", "search": None}, PALETTE)
    assert names[:7] == ["material/library", "material/menu", "material/magnify", "material/arrow-left",
                         "material/git", "material/file-edit-outline", "material/arrow-up"]
    assert names[7:] == ["material/brightness-auto", "material/brightness-7"]
    assert "material/library" not in icon_names({}, None, logo_image=True)  # an image logo: no icon


def test_class_names_are_the_file_names_made_unique():
    assert class_names(["material/git", "fontawesome/brands/git", "material/arrow-up"]) == {
        "material/git": "na-i--git", "fontawesome/brands/git": "na-i--git2", "material/arrow-up": "na-i--arrow-up"}


def test_stylesheet_holds_each_found_icon_as_a_mask():
    css, found = stylesheet(class_names(["material/git", "fontawesome/brands/git-alt", "material/no-such"]),
                            MATERIAL_DIRS)
    assert found == {"material/git": "na-i--git", "fontawesome/brands/git-alt": "na-i--git-alt"}
    assert "mask:var(--na-i)" in css and ".na-i{aspect-ratio:1;" in css
    rule = re.search(r"\.na-i--git-alt\{[^\n]*", css).group()
    assert "aspect-ratio:448/512" in rule  # Font Awesome's icon is not square
    assert "Font Awesome Free" not in rule  # the licence comment stays in Material's file
    data = re.search(r'url\("([^"]*)"\)', rule).group(1)
    assert data.startswith("data:image/svg+xml,%3Csvg") and "#" not in data


def test_icon_rule_escapes_what_a_css_string_cannot_hold():
    rule = icon_rule("na-i--x", '<svg viewBox="0 0 24 24"><path d="M1 1"/><text>#\\"%</text></svg>')
    assert "aspect-ratio" not in rule
    body = rule.split('url("', 1)[1].rsplit('")', 1)[0]
    assert '"' not in body and "#" not in body and "\\" not in body and "<" not in body


def test_built_pages_print_no_inline_material_icon_and_the_stylesheet_draws_each(built_site):
    css = (built_site.site / "assets" / "stylesheets" / "archive.css").read_text(encoding="utf-8")
    assert css.startswith("/* News archive")  # the theme's file, with the icons after it
    used: set[str] = set()
    for path in built_site.site.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        frame = re.sub(r'<div id="na-content".*</article>', "", text, flags=re.S)
        assert 'viewBox="0 0 24 24"' not in frame, path  # no inline Material icon in the frame
        used.update(re.findall(r'class="na-i (na-i--[\w-]+)"', text))
        assert text.count('data-md-component="source"') == 1, path  # the repository link once
        assert "search.result" not in text and '"search":' not in text, path  # no lunr config
    assert {"na-i--git", "na-i--magnify", "na-i--brightness-auto"} <= used
    for cls in used:
        assert f".{cls}{{--na-i:url(" in css


def test_only_pages_with_headings_of_their_own_print_a_table_of_contents(built_site):
    article = next(built_site.site.glob("articles/*/*/*/index.html")).read_text(encoding="utf-8")
    assert 'data-md-type="toc"' not in article
    assert '<div class="md-sidebar md-sidebar--secondary" ></div>' in article  # keeps the columns
