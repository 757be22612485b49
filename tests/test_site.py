"""The report as a web site: link rules and a small build (``make test``), and the built site in
headless Chromium (``make test-site``: the tests marked ``browser``)."""

from __future__ import annotations

import base64
import json
import os
import re
import urllib.error
import urllib.request
from collections import deque
from pathlib import Path
from urllib.parse import unquote, urldefrag

import nbformat
import pytest

from salary_factors import findings, site

REPO = Path(__file__).resolve().parent.parent
ONE_PIXEL_PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==")


def small_repo(root: Path) -> Path:
    """Two notebooks (one with a figure), a README, a data file and one recorded finding."""
    nbs = root / "notebooks"
    nbs.mkdir(parents=True)
    first = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_markdown_cell("# Overview of *everything*\n\nGo to [location](02_location.ipynb), "
                                      "[industry](05_industry.ipynb), [data](../data/x.csv), "
                                      "[readme](../README.md), [web](https://www.bls.gov/oes/)."),
    ])
    second = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_markdown_cell("# 02 · Location\n\n## A section"),
        nbformat.v4.new_code_cell("figure()", execution_count=1, outputs=[nbformat.v4.new_output(
            "display_data", data={"image/png": base64.b64encode(ONE_PIXEL_PNG).decode(),
                                  "text/plain": "saved figures/x.png"})]),
        nbformat.v4.new_markdown_cell("Back to [the section](#A-section) and "
                                      "[the overview](00_overview.ipynb#Overview-of-everything)."),
    ])
    for nb, name in ((first, "00_overview"), (second, "02_location")):
        for i, cell in enumerate(nb.cells):
            cell["id"] = f"{name}-{i}"
        nbformat.write(nb, nbs / f"{name}.ipynb")
    (root / "data").mkdir()
    (root / "data" / "x.csv").write_text("a,b\n1,2\n")
    (root / "README.md").write_text("# Readme\n\nSee [the chapter](notebooks/02_location.ipynb).\n")
    rec = findings.make_record("C2", "supported", summary="Hubs pay more.", rule="a rule")
    (root / "findings.json").write_text(findings.dumps({"C2": rec}))
    return root


def test_small_site_pages_links_and_ledger(tmp_path):
    repo = small_repo(tmp_path / "repo")
    out = site.build(tmp_path / "site", repo=repo, quiet=True)
    files = sorted(str(p.relative_to(out)) for p in out.rglob("*") if p.is_file())
    assert files == ["00_overview.html", "02_location.html", "02_location_files/02_location_1_0.png",
                     "index.html", "repo/README.html", "repo/data/x.csv"]
    over = (out / "00_overview.html").read_text()
    assert '<title>Overview of everything</title>' in over
    assert 'href="02_location.html"' in over  # notebook link -> page link
    assert '<span class="unwritten" title="not part of the report yet">industry</span>' in over
    assert 'href="repo/data/x.csv"' in over and 'href="repo/README.html"' in over
    assert 'href="https://www.bls.gov/oes/"' in over  # external links stay as they are
    assert 'rel="next" href' not in over and 'href="02_location.html" rel="next"' in over
    loc = (out / "02_location.html").read_text()
    assert 'href="00_overview.html" rel="prev"' in loc and 'rel="next"' not in loc
    assert 'src="02_location_files/02_location_1_0.png"' in loc
    assert 'href="00_overview.html#Overview-of-everything"' in loc and 'href="#A-section"' in loc
    readme = (out / "repo" / "README.html").read_text()
    assert 'href="../02_location.html"' in readme
    for page in (over, loc, readme, (out / "index.html").read_text()):
        assert not re.search(r"<script[^>]+src=", page)  # nothing loaded from a CDN
        assert "cdnjs" not in page
    index = (out / "index.html").read_text()
    rows = re.findall(r'<tr id="(C\d+)">(.*?)</tr>', index, re.S)
    assert [cid for cid, _ in rows] == [f"C{i}" for i in range(1, 12)]
    c2 = dict(rows)["C2"]
    assert '<a href="02_location.html">C2</a>' in c2 and "supported</span></a>" in c2
    assert "Hubs pay more." in c2
    assert 'class="verdict v-pending">pending' in dict(rows)["C5"]
    assert '<span class="unwritten"' in dict(rows)["C1"]  # no chapter page yet: no link


def test_rebuild_replaces_the_site_and_leaves_no_temporary_folder(tmp_path):
    repo = small_repo(tmp_path / "repo")
    out = tmp_path / "site"
    site.build(out, repo=repo, quiet=True)
    (out / "stale.html").write_text("old")
    site.build(out, repo=repo, quiet=True)
    assert not (out / "stale.html").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["repo", "site"]


def test_links_outside_the_repository_are_dropped(tmp_path):
    repo = small_repo(tmp_path / "repo")
    s = site.Site(tmp_path / "out", repo.resolve(), {})
    base = repo.resolve() / "notebooks"
    assert s.resolve("../../secret.txt", base, "a.html") is None
    assert s.resolve("../missing.md", base, "a.html") is None
    assert s.resolve("mailto:someone@example.org", base, "a.html") == "mailto:someone@example.org"
    assert len(s.warnings) == 2


# --- the built site in headless Chromium (make test-site) ----------------------------------------

SCREENSHOT = REPO / "output" / "site-test" / "index.png"


@pytest.fixture(scope="module")
def built_site(tmp_path_factory) -> Path:
    given = os.environ.get("SALARY_FACTORS_SITE")
    if given:
        path = Path(given)
        if not path.is_absolute():
            path = REPO / path
        assert (path / "index.html").is_file(), f"no site in {path}: run `make site`"
        return path
    return site.build(tmp_path_factory.mktemp("site") / "site", quiet=True)


@pytest.fixture(scope="module")
def crawl(built_site):
    """Every page reachable from index.html, loaded in Chromium, with what went wrong."""
    from salary_factors.browser import Chromium, serve

    pages, other_links = {}, set()
    with serve(built_site) as base, Chromium() as browser:
        queue = deque([base + "index.html"])
        while queue:
            url = queue.popleft()
            if url in pages:
                continue
            pages[url] = report = browser.open(url, base)
            if url == base + "index.html":
                ledger = browser.evaluate(
                    "Array.from(document.querySelectorAll('table.ledger tbody tr')).map(tr => ({"
                    "id: tr.id, verdict: tr.querySelector('.verdict').textContent, "
                    "links: Array.from(tr.querySelectorAll('a')).map(a => a.href)}))")
                browser.screenshot(SCREENSHOT)
            for link in report.links:
                target, _ = urldefrag(link)
                if not target.startswith(base):
                    continue
                if target.endswith(".html"):
                    queue.append(target)
                else:
                    other_links.add(target)
        statuses = {}
        for target in sorted(other_links):
            try:
                with urllib.request.urlopen(target, timeout=10) as r:
                    statuses[target] = r.status
            except urllib.error.HTTPError as e:
                statuses[target] = e.code
    return {"base": base, "pages": pages, "ledger": ledger, "statuses": statuses}


@pytest.mark.browser
def test_every_page_loads_without_console_errors(crawl, built_site):
    base, pages = crawl["base"], crawl["pages"]
    for url, report in pages.items():
        assert report.status == 200, url
        assert report.errors == [], f"{url}: {report.errors}"
        assert report.external == [], f"{url} loads from the network: {report.external}"
    on_disk = {base + str(p.relative_to(built_site)) for p in built_site.rglob("*.html")}
    assert on_disk == set(pages), f"pages no link reaches: {sorted(on_disk - set(pages))}"
    chapters = sorted(p.name for p in built_site.glob("[0-9][0-9]_*.html"))
    assert chapters == sorted(p.stem + ".html" for p in (REPO / "notebooks").glob("[0-9][0-9]_*.ipynb"))


@pytest.mark.browser
def test_every_figure_image_loads(crawl, built_site):
    images = [(url, img) for url, r in crawl["pages"].items() for img in r.images]
    broken = [(url, img["src"]) for url, img in images if not img["ok"]]
    assert not broken, broken
    extracted = {crawl["base"] + str(p.relative_to(built_site)) for p in built_site.glob("*_files/*")}
    shown = {img["src"] for _, img in images}
    assert extracted and extracted <= shown  # every figure of every chapter is on its page


@pytest.mark.browser
def test_every_internal_link_resolves(crawl):
    base, pages = crawl["base"], crawl["pages"]
    for url, report in pages.items():
        for link in report.links:
            target, frag = urldefrag(link)
            if not target.startswith(base):
                continue
            if target in pages:
                if frag:  # browsers try the fragment as written, then percent-decoded
                    ids = pages[target].ids
                    assert frag in ids or unquote(frag) in ids, f"{url}: no #{frag} in {target}"
            else:
                assert crawl["statuses"].get(target) == 200, f"{url}: broken link {link}"


@pytest.mark.browser
def test_ledger_shows_all_eleven_claims_linked_to_their_chapters(crawl, built_site):
    ledger = crawl["ledger"]
    assert [row["id"] for row in ledger] == [f"C{i}" for i in range(1, 12)]
    recorded = findings.read_findings(REPO / "findings.json")
    for row in ledger:
        rec = recorded.get(row["id"])
        assert row["verdict"] == (rec["verdict"] if rec else findings.PENDING)
        chapter = findings.CLAIMS[row["id"]].notebook.replace(".ipynb", ".html")
        if (built_site / chapter).is_file():
            assert crawl["base"] + chapter in row["links"]
    assert SCREENSHOT.is_file() and SCREENSHOT.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_browser_helper_names_the_install_command(monkeypatch):
    from salary_factors import browser

    monkeypatch.setenv("CHROMIUM", "/nonexistent/chromium")
    monkeypatch.setattr(browser, "CHROMIUM_NAMES", ("no-such-browser",))
    with pytest.raises(browser.BrowserMissing, match="apt-get install -y chromium"):
        browser.find_chromium()


def test_site_template_ships_with_the_package():
    conf = json.loads((site.TEMPLATES / site.TEMPLATE / "conf.json").read_text())
    assert conf["base_template"] == "lab"
    assert (site.TEMPLATES / site.TEMPLATE / "index.html.j2").is_file()
