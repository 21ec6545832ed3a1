"""The pieces behind ``python -m generator check``, one concern per module.

- ``problems``: the ``Problem`` record and the ``CheckReport`` that collects them.
- ``yamldoc``: YAML parsed with line numbers, and JSON Schema errors turned into plain sentences.
- ``similar``: "these two names look like one" (shared with ``generator.suggest``).
- ``registry_files``: the registry YAML files, and the index of known names pages are checked against.
- ``page_files``: the front-matter of every page.
- ``seed_pages``: every seed has its page, every generated page has its seed.

``generator.check.run_check`` ties them together.
"""
