"""``make site``: the report as a static web site, from the notebooks' stored outputs.

    python -m salary_factors.site [--out output/site]

Nothing is re-executed: every notebook is rendered with nbconvert as it is committed. The site
has an index page with the claims ledger (each verdict linked to its chapter) and the contents,
one page per notebook with its figures (written as image files next to the page) and links to
the previous and next chapters. It needs no network: the pages load no external script, font or
style (nbconvert's require.js, MathJax and mermaid loaders are left out by the ``site`` template
in ``salary_factors/templates``).

Links between notebooks (``02_location.ipynb``) become links between pages; a link to a chapter
that is not written yet becomes plain text; a link to another file of the repository (a README,
a CSV) is copied into the site under ``repo/`` (Markdown rendered to HTML). The site is built in
a temporary folder and moved into place when complete.
"""

from __future__ import annotations

import argparse
import html
import os
import re
import shutil
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from .paths import repo_root

TEMPLATES = Path(__file__).resolve().parent / "templates"
TEMPLATE = "site"
FOOTER = ("Rendered from the notebooks' stored outputs by <code>make site</code>; nothing was "
          "re-executed. Rebuild the numbers with <code>make report</code>.")
SITE_CSS = """
main { max-width: 1100px; margin: 0 auto; }
.site-nav { display: flex; justify-content: space-between; gap: 1em; margin: 0.8em 0;
  padding: 0.6em 0.8em; background: #f3f5f8; border-radius: 6px; font-size: 0.95em;
  font-family: var(--jp-ui-font-family); }
.site-nav span { flex: 1; }
.site-home { text-align: center; }
.site-next { text-align: right; }
.site-footer { max-width: 1100px; margin: 1.5em auto; color: #555; font-size: 0.85em;
  font-family: var(--jp-ui-font-family); }
.unwritten { color: #666; border-bottom: 1px dotted #999; }
"""
INDEX_CSS = """
body { font-family: -apple-system, BlinkMacSystemFont, "Segoe UI", Helvetica, Arial, sans-serif;
  color: #1f2328; line-height: 1.5; margin: 0; background: #fff; }
main { max-width: 1100px; margin: 0 auto; padding: 1.5em 1.2em 3em; }
h1 { font-size: 1.9em; margin-bottom: 0.2em; }
.lede { font-size: 1.08em; color: #333; max-width: 60em; }
table.ledger { border-collapse: collapse; width: 100%; margin: 1em 0; font-size: 0.95em; }
table.ledger th, table.ledger td { border-bottom: 1px solid #d8dee4; padding: 0.45em 0.5em;
  text-align: left; vertical-align: top; }
table.ledger th { background: #f3f5f8; }
.verdict { display: inline-block; padding: 0.1em 0.55em; border-radius: 1em; font-weight: 600;
  white-space: nowrap; font-size: 0.9em; }
.v-supported { background: #d7f0e3; color: #05603a; }
.v-partly-supported { background: #fdf0cc; color: #7a4d00; }
.v-not-supported { background: #fbdcd6; color: #8a1c0a; }
.v-not-testable-with-open-data { background: #e3e8ef; color: #30363d; }
.v-pending { background: #fff; color: #666; border: 1px dashed #999; font-weight: 400; }
.unwritten { color: #666; }
a.verdict-link { text-decoration: none; }
ul.chapters { list-style: none; padding-left: 0; }
ul.chapters li { margin: 0.3em 0; }
.site-footer { color: #555; font-size: 0.85em; margin-top: 2em; }
"""

_SCHEME = re.compile(r"^(?:[a-zA-Z][a-zA-Z0-9+.\-]*:|//)")
_ANCHOR = re.compile(r'<a\s([^>]*?)href="([^"]*)"([^>]*)>(.*?)</a>', re.S)
_IMG = re.compile(r'(<img\b[^>]*?\bsrc=")([^"]*)(")')
_HEADING = re.compile(r"^#\s+(.+)$", re.M)


@dataclass
class Page:
    source: Path  # the notebook
    href: str  # its page in the site, e.g. 02_location.html
    title: str

    @property
    def short(self) -> str:
        """'02 · Location' from 02_location.ipynb (for navigation links)."""
        number, _, rest = self.source.stem.partition("_")
        return f"{number} · {rest.replace('_', ' ').capitalize()}"

    @property
    def numbered_title(self) -> str:
        number = self.source.stem.partition("_")[0]
        return self.title if self.title.startswith(number) else f"{number} · {self.title}"


@dataclass
class Site:
    """What a build needs to rewrite links: pages by notebook name, assets copied from the repo."""

    root: Path  # the folder being built
    repo: Path
    pages: dict[str, Page]
    assets: dict[Path, str] = field(default_factory=dict)  # repo file -> site path
    warnings: list[str] = field(default_factory=list)

    def resolve(self, href: str, base: Path, where: str) -> str | None:
        """The site-relative target of a link written in a file of folder ``base`` (None: drop).

        ``where`` is the site path of the page the link is on (for relative results).
        """
        if not href or href.startswith("#") or _SCHEME.match(href):
            return href
        path, _, frag = href.partition("#")
        frag = f"#{frag}" if frag else ""
        in_site = os.path.normpath(os.path.join(os.path.dirname(where), path))
        if in_site in {"index.html", *(p.href for p in self.pages.values())} or (
                (self.root / in_site).is_file() and not in_site.startswith("..")):
            return href  # already a link within the site (navigation, extracted images)
        target = (base / path).resolve()
        if target.suffix == ".ipynb":
            page = self.pages.get(target.name)
            if page is None or target.parent != page.source.parent:
                return None
            site_path = page.href
        else:
            try:
                rel = target.relative_to(self.repo)
            except ValueError:
                self.warnings.append(f"{where}: link outside the repository dropped: {href}")
                return None
            if not target.is_file() or rel.parts[0] in (".git", ".venv", "output", ".build"):
                self.warnings.append(f"{where}: link to a missing file dropped: {href}")
                return None
            site_path = self.assets.setdefault(
                target, "repo/" + (rel.with_suffix(".html") if target.suffix == ".md" else rel).as_posix())
        start = os.path.dirname(where) or "."
        return os.path.relpath(site_path, start=start).replace(os.sep, "/") + frag

    def rewrite(self, page_html: str, base: Path, where: str) -> str:
        """Rewrite the links and image sources of one page."""
        def anchor(m: re.Match) -> str:
            before, href, after, text = m.group(1), html.unescape(m.group(2)), m.group(3), m.group(4)
            new = self.resolve(href, base, where)
            if new is None:
                return f'<span class="unwritten" title="not part of the report yet">{text}</span>'
            return f'<a {before}href="{html.escape(new, quote=True)}"{after}>{text}</a>'

        def image(m: re.Match) -> str:
            src = html.unescape(m.group(2))
            new = self.resolve(src, base, where)
            return f"{m.group(1)}{html.escape(new or src, quote=True)}{m.group(3)}"

        return _IMG.sub(image, _ANCHOR.sub(anchor, page_html))


# --- rendering -------------------------------------------------------------------------------

def notebook_title(nb, fallback: str) -> str:
    """The notebook's first '# ' heading, without Markdown emphasis."""
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            m = _HEADING.search(cell.source)
            if m:
                return re.sub(r"[*_`]", "", m.group(1)).strip()
    return fallback


def exporter(extract: bool):
    from nbconvert import HTMLExporter
    from nbconvert.preprocessors import ExtractOutputPreprocessor

    exp = HTMLExporter(template_name=TEMPLATE, extra_template_basedirs=[str(TEMPLATES)])
    if extract:
        exp.register_preprocessor(ExtractOutputPreprocessor(), enabled=True)
    return exp


def export_html(nb, *, title: str, name: str = "notebook", site: dict | None = None,
                extract: bool = False) -> str | tuple[str, dict]:
    """One notebook as an HTML page with no external resources.

    Images stay inside the page (data URIs) unless ``extract``: then ``(html, files)`` is
    returned, ``files`` mapping ``<name>_files/output_N_M.png`` to bytes.
    """
    import copy

    nb = copy.deepcopy(nb)
    nb.metadata["title"] = title
    info = {"index": None, "prev": None, "next": None, "css": SITE_CSS, "footer": FOOTER}
    info.update(site or {})
    resources = {"metadata": {"name": name}, "site": info}
    if extract:
        resources.update(output_files_dir=f"{name}_files", unique_key=name)
    body, res = exporter(extract).from_notebook_node(nb, resources=resources)
    if extract:
        return body, dict(res.get("outputs", {}))
    return body


def github_slug(heading: str) -> str:
    """The anchor GitHub gives a Markdown heading: 'Status codes of OEWS values' ->
    'status-codes-of-oews-values' (links inside the repository's READMEs use them)."""
    text = re.sub(r"<[^>]+>|[*_`]", "", heading).strip().lower()
    return re.sub(r"[^\w\- ]", "", text).replace(" ", "-")


def render_markdown(text: str, title: str) -> str:
    """A Markdown file of the repository as a plain HTML page (for repo/ assets)."""
    import mistune
    from mistune.toc import add_toc_hook

    md = mistune.create_markdown(escape=False, plugins=["table", "strikethrough", "url"])
    add_toc_hook(md, min_level=1, max_level=6, heading_id=lambda tok, _i: github_slug(tok["text"]))
    return ('<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1.0">\n'
            f"<title>{html.escape(title)}</title>\n"
            f'<link rel="icon" href="data:,">\n<style>{INDEX_CSS}</style>\n</head>\n<body>\n<main>\n'
            f"{md(text)}\n</main>\n</body>\n</html>\n")


def verdict_badge(verdict: str) -> str:
    cls = "v-" + re.sub(r"[^a-z]+", "-", verdict.lower()).strip("-")
    return f'<span class="verdict {cls}">{html.escape(verdict)}</span>'


def index_html(site: Site, findings: dict, chapters: list[Page]) -> str:
    """The front page: what the report does, the claims ledger, the chapters."""
    from .findings import PENDING, VERDICTS, ledger

    table = ledger(findings)
    rows = []
    for r in table.itertuples(index=False):
        page = site.pages.get(r.notebook)
        cid = (f'<a href="{page.href}">{r.claim}</a>' if page else
               f'<span class="unwritten" title="chapter not written yet">{r.claim}</span>')
        badge = verdict_badge(r.verdict)
        if page:
            badge = f'<a href="{page.href}" class="verdict-link">{badge}</a>'

        why = html.escape(r.why) if r.why else "not yet analysed"
        rows.append(f'<tr id="{r.claim}"><td>{cid}</td><td>{html.escape(r.factor)}</td>'
                    f"<td>{html.escape(r.article_says)}</td><td>{badge}</td>"
                    f"<td>{why}</td></tr>")
    counts = table.verdict.value_counts()
    tally = "; ".join(f"{v}: {int(counts.get(v, 0))}" for v in (*VERDICTS, PENDING))
    contents = "\n".join(f'<li><a href="{p.href}">{html.escape(p.numbered_title)}</a></li>'
                         for p in chapters)
    about = []
    for rel, label in (("README.md", "About the project (README)"),
                       ("data/README.md", "The data: sources, licenses, columns")):
        target = site.repo / rel
        if target.is_file():
            about.append(f'<li><a href="{site.resolve(rel, site.repo, "index.html")}">{label}</a></li>')
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>ML Salary Factors: the article's claims checked against public data</title>
<link rel="icon" href="data:,">
<style>{INDEX_CSS}</style>
</head>
<body>
<main>
<h1>ML Salary Factors</h1>
<p class="lede">A popular article, <em>"Understanding the Machine Learning Engineer Salary:
Trends, Factors, and Career Growth"</em>, says what drives an ML engineer's pay. Each chapter of
this report takes one of its claims, tests it on public data (BLS occupational wages, BEA price
levels, survey data) and gives it a verdict computed by a rule written next to the numbers.
There is no "machine learning engineer" occupation in official statistics: the BLS figures use
data scientists, computer and information research scientists and software developers as
proxies.</p>
<h2 id="ledger">The claims ledger</h2>
<p>Verdicts: <strong>supported</strong>, <strong>partly supported</strong>, <strong>not
supported</strong>, <strong>not testable with open data</strong>; <em>pending</em> means the
chapter is not written yet. Each claim links to its chapter.</p>
<table class="ledger">
<thead><tr><th>claim</th><th>factor</th><th>the article says</th><th>verdict</th><th>why</th></tr></thead>
<tbody>
{chr(10).join(rows)}
</tbody>
</table>
<p class="tally">{html.escape(tally)}</p>
<h2 id="chapters">Chapters</h2>
<ul class="chapters">
{contents}
</ul>
<h2 id="about">About</h2>
<ul>
{chr(10).join(about)}
</ul>
<footer class="site-footer">{FOOTER}</footer>
</main>
</body>
</html>
"""


def notebooks(repo: Path) -> list[Path]:
    return sorted((repo / "notebooks").glob("[0-9][0-9]_*.ipynb"))


def build(out: Path | None = None, repo: Path | None = None, quiet: bool = False) -> Path:
    """Build the site into ``out`` (default output/site), replacing it only when complete."""
    import nbformat

    from .findings import read_findings

    repo = (repo or repo_root()).resolve()
    out = (out or repo / "output" / "site").resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(dir=out.parent, prefix=f".{out.name}."))
    try:
        nbs = [(p, nbformat.read(p, as_version=4)) for p in notebooks(repo)]
        pages = {p.name: Page(p, p.stem + ".html", notebook_title(nb, p.stem)) for p, nb in nbs}
        site = Site(tmp, repo, pages)
        order = [pages[p.name] for p, _ in nbs]
        for i, (path, nb) in enumerate(nbs):
            page = pages[path.name]
            nav = {"index": "index.html",
                   "prev": {"href": order[i - 1].href, "title": order[i - 1].short} if i else None,
                   "next": ({"href": order[i + 1].href, "title": order[i + 1].short}
                            if i + 1 < len(order) else None)}
            body, files = export_html(nb, title=page.title, name=path.stem, site=nav, extract=True)
            for name, data in sorted(files.items()):
                (tmp / name).parent.mkdir(parents=True, exist_ok=True)
                (tmp / name).write_bytes(data)
            (tmp / page.href).write_text(site.rewrite(body, path.parent, page.href))
            if not quiet:
                print(f"  page  {page.href}  ({len(files)} image{'s' * (len(files) != 1)})",
                      flush=True)
        (tmp / "index.html").write_text(index_html(site, read_findings(repo / "findings.json"),
                                                   order))
        done: set[Path] = set()
        while set(site.assets) - done:  # assets may link to more assets
            for source in sorted(set(site.assets) - done):
                done.add(source)
                dest = tmp / site.assets[source]
                dest.parent.mkdir(parents=True, exist_ok=True)
                if source.suffix == ".md":
                    page_html = render_markdown(source.read_text(), source.name)
                    dest.write_text(site.rewrite(page_html, source.parent, site.assets[source]))
                else:
                    shutil.copyfile(source, dest)
        for w in site.warnings:
            print(f"warning: {w}", file=sys.stderr)
        if out.exists():
            old = Path(tempfile.mkdtemp(dir=out.parent, prefix=f".{out.name}.old."))
            os.replace(out, old / "previous")
            os.replace(tmp, out)
            shutil.rmtree(old, ignore_errors=True)
        else:
            os.replace(tmp, out)
        return out
    finally:
        if tmp.exists():
            shutil.rmtree(tmp, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    from .paths import shown as paths_shown

    parser = argparse.ArgumentParser(prog="python -m salary_factors.site", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, help="where to write the site (default: output/site)")
    args = parser.parse_args(argv)
    out = build(args.out)
    shown = paths_shown(out)
    print(f"site written to {shown}/ (open {shown}/index.html)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
