"""Pages lose their template indentation, never whitespace that is content."""

from __future__ import annotations

from generator.site.lean import lean_html

from conftest import SEED_URL


def test_line_breaks_with_indentation_become_one_line_break():
    assert lean_html("<div>\n    <p>a\n\n      b</p>\n  </div>\n") == "<div>\n<p>a\nb</p>\n</div>\n"


def test_pre_textarea_script_and_style_are_kept():
    kept = ("<pre>x\n    y</pre>", "<TEXTAREA>a\n   b</TEXTAREA>", "<script>\n  var a = `\n  x`;\n</script>",
            "<style>\n  a { color: red }\n</style>", '<pre class="x"><code>1\n\n  2</code></pre>')
    for element in kept:
        assert lean_html("<p>\n  " + element + "\n   </p>") == "<p>\n" + element + "\n</p>"


def test_built_pages_are_lean(built_site):
    page = (built_site.site / SEED_URL / "index.html").read_text(encoding="utf-8")
    outside = page.split("<script")[0]
    assert "\n " not in outside and "\n\n" not in outside
    assert "We agreed that we should not leave the Japan-South Korea relations getting worse" in page
