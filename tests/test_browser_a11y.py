"""Accessibility in a real browser: axe-core on every kind of page, desktop and mobile width.

axe-core comes from the npm registry (`npm ci` in the repository root installs the version
pinned in package.json into node_modules/; CI's .ci/run does). Without it the tests are skipped
locally with that instruction, and fail under CI. The site is served under its site_url's path
(/news-archive/), as on GitHub Pages, so the 404 page's root-relative links resolve too.
Screenshots: test-artifacts/a11y-*.png.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from conftest import REPO, SEED_URL, serve

ARTIFACTS = REPO / "test-artifacts"
AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"
BASE = "news-archive/"  # the path of mkdocs.yml's site_url

PAGES = {
    "home": "",
    "article": SEED_URL,
    "person": "people/yoon-suk-yeol/",
    "index": "people/",
    "topic": "topics/north-korea/",
    "month": "timeline/2022/05/",
    "undated": "timeline/undated/",
    "404": "404.html",
}
# Width and the reader's system colour scheme (the palette follows it by default).
VIEWS = {"desktop": (1280, 900, "light"), "mobile": (375, 740, "light"), "desktop-dark": (1280, 900, "dark")}

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def axe_script() -> Path:
    if not AXE.is_file():
        if os.environ.get("CI") == "true":
            pytest.fail(f"{AXE} is missing under CI (.ci/run runs `npm ci`)")
        pytest.skip("axe-core is not installed: run `npm ci` in the repository root (see package.json)")
    return AXE


@pytest.fixture(scope="module")
def site_root(built_site, tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("served")
    (root / BASE.strip("/")).symlink_to(built_site.site, target_is_directory=True)
    return root


@pytest.fixture(scope="module")
def server(site_root):
    with serve(site_root) as url:
        yield url + BASE


@pytest.mark.parametrize("view", VIEWS)
@pytest.mark.parametrize("kind", PAGES)
def test_no_serious_or_critical_axe_violations(browser, server, axe_script, kind, view):
    ARTIFACTS.mkdir(exist_ok=True)
    w, h, scheme = VIEWS[view]
    page = browser.new_page(viewport={"width": w, "height": h}, color_scheme=scheme)
    try:
        page.goto(server + PAGES[kind])
        page.wait_for_load_state("load")
        page.add_script_tag(path=str(axe_script))
        result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
        page.screenshot(path=str(ARTIFACTS / f"a11y-{kind}-{view}.png"), full_page=True)
    finally:
        page.close()
    bad = [v for v in result["violations"] if v["impact"] in ("serious", "critical")]
    report = "\n".join(f"{v['impact']}: {v['id']}: {v['help']} at "
                       + "; ".join(" ".join(n["target"]) + " (" + n.get("failureSummary", "").replace("\n", " ")[:160] + ")"
                                   for n in v["nodes"][:4]) for v in bad)
    assert not bad, f"{kind} page, {view}:\n{report}"
