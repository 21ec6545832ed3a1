"""Compiled Jinja templates kept across `serve` rebuilds (generator/site/template_code.py)."""

from __future__ import annotations

import jinja2

from generator.site.template_code import TemplateCode


def _env(folder, code: TemplateCode, **options) -> jinja2.Environment:
    return code.attach(jinja2.Environment(loader=jinja2.FileSystemLoader(str(folder)), **options))


def test_a_new_environment_reuses_the_code_and_an_edited_template_is_compiled_again(tmp_path):
    (tmp_path / "page.html").write_text("Hello {{ name }}!", encoding="utf-8")
    code = TemplateCode()
    assert _env(tmp_path, code).get_template("page.html").render(name="Ada") == "Hello Ada!"
    assert code.loaded == 0
    assert _env(tmp_path, code).get_template("page.html").render(name="Ada") == "Hello Ada!"
    assert code.loaded == 1  # the rebuild's environment compiled nothing

    (tmp_path / "page.html").write_text("Goodbye {{ name }}.", encoding="utf-8")
    assert _env(tmp_path, code).get_template("page.html").render(name="Ada") == "Goodbye Ada."
    assert code.loaded == 1  # the checksum differed: compiled from the new source


def test_environments_with_other_syntax_options_do_not_share_code(tmp_path):
    (tmp_path / "list.html").write_text("{% for x in xs %}\n{{ x }}<{{ tag }}>\n{% endfor %}", encoding="utf-8")
    code = TemplateCode()
    plain = _env(tmp_path, code).get_template("list.html").render(xs=[1], tag="b")
    trimmed = _env(tmp_path, code, trim_blocks=True, autoescape=True).get_template("list.html").render(xs=[1], tag="<b>")
    assert plain == "\n1<b>\n"
    assert trimmed == "1<&lt;b&gt;>\n"  # its own options: trimmed and escaped, not the first one's code
    assert code.loaded == 0
