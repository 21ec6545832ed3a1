"""`TemplateCode`: compiled Jinja templates kept across `mkdocs serve` rebuilds.

Each rebuild loads `mkdocs.yml` again, so MkDocs makes a new Jinja environment for the theme and
the plugin a new one for `site_templates/archive/`: every template (Material's `base.html` and
its partials, the sitemap, ours) was parsed and compiled again. On the 5,000-article benchmark
archive that was ~40 templates and 0.2 s of each `serve --dirty` rebuild. Jinja's own bytecode
cache interface (`jinja2.BytecodeCache`) lets an environment reuse compiled code, and checks the
template's source against a checksum, so an edited template is compiled again. The code is kept
in memory, never on disk: nothing stale can outlive the process.

Compiled code depends on the environment's syntax options (delimiters, `trim_blocks`,
autoescaping, extensions), so code is kept per set of options: MkDocs' environment and ours may
load the same `main.html` with different options and must not share its code.
"""

from __future__ import annotations

import jinja2
import jinja2.bccache

__all__ = ["TemplateCode"]

_SYNTAX = ("block_start_string", "block_end_string", "variable_start_string", "variable_end_string",
           "comment_start_string", "comment_end_string", "line_statement_prefix", "line_comment_prefix",
           "trim_blocks", "lstrip_blocks", "newline_sequence", "keep_trailing_newline", "optimized")


def _options(env: jinja2.Environment) -> tuple:
    """What besides the source shapes a template's compiled code."""
    autoescape = env.autoescape if isinstance(env.autoescape, bool) else getattr(env.autoescape, "__qualname__", "?")
    return (type(env).__qualname__, *(getattr(env, name) for name in _SYNTAX), autoescape,
            tuple(sorted(env.extensions)))


class TemplateCode:
    """One per process; `attach` it to each new environment (it replaces any cache it had)."""

    def __init__(self) -> None:
        self._code: dict[tuple, bytes] = {}
        self.loaded = 0  # templates served from memory, not compiled (for tests and logs)

    def attach(self, env: jinja2.Environment) -> jinja2.Environment:
        env.bytecode_cache = _Scoped(self, _options(env))
        return env


class _Scoped(jinja2.BytecodeCache):
    def __init__(self, store: TemplateCode, options: tuple) -> None:
        self.store, self.options = store, options

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        data = self.store._code.get((self.options, bucket.key))
        if data is not None:
            bucket.bytecode_from_string(data)  # Jinja drops it if the source checksum differs
            if bucket.code is not None:
                self.store.loaded += 1

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.store._code[(self.options, bucket.key)] = bucket.bytecode_to_string()
