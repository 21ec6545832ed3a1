"""Annotated news archive generator.

Pipeline (data flows one way):
    seeds/ raw file -> sources.RawDocument -> parse.Article -> annotate (registry)
    -> pages (Markdown + YAML front-matter in content/) -> site (MkDocs plugin).
"""

__version__ = "0.1.0"
