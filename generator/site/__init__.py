"""The MkDocs side of the archive: the `news-archive` plugin and the structures it builds.

Modules, one job each:

- ``config.py``   the plugin's option schema (what `mkdocs.yml` may set under `news-archive`)
- ``records.py``  `ArticleRecord`: one article's front-matter, read once and made display-ready
- ``entities.py`` the adapter to the registry (role, description, aliases of a term)
- ``terms.py``    `Term` and `TermIndex`: every person, place, organization and topic
- ``timeline.py`` articles grouped by year and month
- ``related.py``  related articles (shared people/topics, newest first)
- ``render.py``   generated pages: which exist, their HTML (autoescaping Jinja), pagination
- ``chrome.py``   Material's page frame, rendered once per family of pages and filled in (checked)
- ``feed.py``     the Atom feed
- ``plugin.py``   `NewsArchivePlugin`: thin event handlers that call the above
"""
