"""``make report``: a failing notebook changes nothing committed; README, overview and
findings.json agree; two builds are byte-identical; progress and ordering."""

from __future__ import annotations

import hashlib
import os
import re
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from salary_factors import findings, report

REPO = Path(__file__).resolve().parent.parent


def snapshot(root: Path) -> dict[str, str]:
    """sha256 of every file the report may write (notebooks, figures, findings, README)."""
    files = [root / "findings.json", root / "README.md"]
    files += sorted((root / "notebooks").glob("*.ipynb")) + sorted((root / "figures").iterdir())
    return {str(f.relative_to(root)): hashlib.sha256(f.read_bytes()).hexdigest() for f in files}


def run_report(root: Path, *notebooks: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, SALARY_FACTORS_ROOT=str(root))
    env.pop("SALARY_FACTORS_OUTPUT", None)  # the runner stages each notebook itself
    return subprocess.run([sys.executable, "-m", "salary_factors.report", "--jobs", "2",
                           *[f"notebooks/{n}" for n in notebooks]],
                          cwd=root, env=env, capture_output=True, text=True, timeout=300)


def code_notebook(*sources: str):
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("# A test notebook")])
    for src in sources:
        nb.cells.append(nbformat.v4.new_code_cell(src))
    for i, cell in enumerate(nb.cells):
        cell["id"] = f"cell-{i}"
    nb.metadata["kernelspec"] = {"display_name": "Python 3 (ipykernel)", "language": "python",
                                 "name": "python3"}
    return nb


# --- a failing notebook -------------------------------------------------------------------------

FIGURE_THEN_FAIL = (
    "import matplotlib\nmatplotlib.use('agg')\nimport matplotlib.pyplot as plt\n"
    "from salary_factors import plotting\nfrom salary_factors.findings import record_finding",
    "fig, ax = plt.subplots()\nax.plot([1, 2])\n"
    "plotting.save_figure(fig, 'location-hubs-vs-national', source='a test')",
    "record_finding('C2', 'not supported', summary='overwritten by a broken notebook', rule='none')",
    "raise ValueError('the data look wrong')",
)


def test_failing_notebook_leaves_committed_files_untouched(repo_copy):
    root = repo_copy(data="copy")
    nbformat.write(code_notebook(*FIGURE_THEN_FAIL), root / "notebooks" / "90_broken.ipynb")
    nbformat.write(code_notebook("print(6 * 7)"), root / "notebooks" / "91_fine.ipynb")
    nbformat.write(code_notebook("from salary_factors import datasets",
                                 "datasets.load('bea_rpp_state')"),
                   root / "notebooks" / "92_no_data.ipynb")
    (root / "data" / "published" / "bea_rpp_state.csv").unlink()  # an extract gone missing
    before = snapshot(root)

    proc = run_report(root, "90_broken.ipynb", "91_fine.ipynb", "92_no_data.ipynb")

    assert proc.returncode == 1, proc.stdout + proc.stderr
    # the message names the notebook, the cell (counted from 0 like nbval) and the error
    assert ("error: notebooks/90_broken.ipynb failed at cell 4 (raise ValueError('the data look "
            "wrong')): ValueError: the data look wrong") in proc.stderr
    assert "left untouched" in proc.stderr
    # a missing data extract: the message says which file and to run `make data`
    assert re.search(r"error: notebooks/92_no_data\.ipynb failed at cell 2 \(datasets\.load\("
                     r"'bea_rpp_state'\)\): DataFileMissing: The data file "
                     r"data/published/bea_rpp_state\.csv is missing\. Run `make data`", proc.stderr)
    after = snapshot(root)
    # the broken notebook, the figure it overwrote in its stage and the verdict it recorded:
    # none of them reached the tree; the notebook that worked was committed
    changed = {k for k in before if before[k] != after.get(k)} | (set(after) - set(before))
    assert changed == {"notebooks/91_fine.ipynb"}
    fine = nbformat.read(root / "notebooks" / "91_fine.ipynb", as_version=4)
    assert fine.cells[1].outputs[0]["text"] == "42\n"
    # no staging folder or temporary file is left behind
    assert not list((root / ".build").iterdir())
    assert not [p for p in root.rglob(".*.tmp")]
    # progress: each notebook with its time and how many are left
    assert re.search(r"\[\d/3\] FAILED 90_broken\.ipynb +\d+\.\d s +\(\d left\)", proc.stdout)
    assert re.search(r"\[\d/3\] ok +91_fine\.ipynb +\d+\.\d s +\(\d left\)", proc.stdout)


# --- ordering -----------------------------------------------------------------------------------

def test_notebooks_reading_findings_run_last(tmp_path):
    reader = code_notebook("from salary_factors.findings import read_findings\nread_findings()")
    writer = code_notebook("from salary_factors.findings import record_finding")
    nbformat.write(reader, tmp_path / "50_reader.ipynb")
    nbformat.write(writer, tmp_path / "51_writer.ipynb")
    assert report.runs_last(tmp_path / "50_reader.ipynb")
    assert not report.runs_last(tmp_path / "51_writer.ipynb")
    for name in ("00_overview.ipynb", "09_your_market.ipynb"):
        assert report.runs_last(REPO / "notebooks" / name)
    assert not report.runs_last(REPO / "notebooks" / "02_location.ipynb")
    # a table helper of the same name elsewhere does not make a notebook a reader
    other = code_notebook("from salary_factors import fmt\nfmt.markdown_table(df)")
    nbformat.write(other, tmp_path / "52_table.ipynb")
    assert not report.runs_last(tmp_path / "52_table.ipynb")


def test_normalise_drops_papermill_metadata():
    nb = code_notebook("x = 1")
    nb.metadata["papermill"] = {"start_time": "2026-01-01T00:00:00", "duration": 1.5}
    nb.cells[1].metadata["papermill"] = {"duration": 0.1, "status": "completed"}
    nb.cells[1].metadata["execution"] = {"iopub.execute_input": "2026-01-01T00:00:00"}
    report.normalise(nb)
    assert "papermill" not in nb.metadata
    assert nb.cells[1].metadata == {}


# --- README, overview and findings.json agree ---------------------------------------------------

def _markdown_outputs(nb) -> list[str]:
    return [out["data"]["text/markdown"] for cell in nb.cells if cell.cell_type == "code"
            for out in cell.get("outputs", []) if "text/markdown" in out.get("data", {})]


def test_readme_overview_and_findings_agree():
    recorded = findings.read_findings(REPO / "findings.json")
    assert recorded, "findings.json is empty: run `make report`"
    readme = (REPO / "README.md").read_text()
    table = readme.split(findings.README_START, 1)[1].split(findings.README_END, 1)[0].strip()
    assert table == findings.markdown_table(recorded), (
        "the README findings table differs from findings.json: run `make report`")

    overview = nbformat.read(REPO / "notebooks" / "00_overview.ipynb", as_version=4)
    assert findings.markdown_table(recorded, link_prefix="") in _markdown_outputs(overview), (
        "the overview's claims ledger differs from findings.json: run `make report`")

    market = nbformat.read(REPO / "notebooks" / "09_your_market.ipynb", as_version=4)
    ledger = next(t for t in _markdown_outputs(market) if t.startswith("| claim |"))
    for cid, rec in recorded.items():
        row = next((line for line in ledger.splitlines() if re.match(rf"\| \[?{cid}\]?[|( ]", line)),
                   None)
        if row is not None:
            assert f"**{rec['verdict']}**" in row, f"09_your_market shows a stale verdict for {cid}"


def test_readme_table_is_regenerated_between_markers(tmp_path):
    readme = tmp_path / "README.md"
    readme.write_text(f"intro\n\n{findings.README_START}\nold table\n{findings.README_END}\n\nrest\n")
    recorded = {"C2": findings.make_record("C2", "supported", summary="s", rule="r")}
    assert findings.update_readme_table(readme, recorded)
    text = readme.read_text()
    assert text.startswith("intro\n\n") and text.endswith("\n\nrest\n")
    assert "old table" not in text and "| [C2](notebooks/02_location.ipynb) |" in text
    assert not findings.update_readme_table(readme, recorded)  # unchanged the second time


# --- determinism --------------------------------------------------------------------------------

#: rebuilt in the determinism test: a chapter with figures, bootstraps and a finding, and the two
#: notebooks that read findings.json. SALARY_FACTORS_DETERMINISM=all rebuilds every notebook.
DETERMINISM_SUBSET = ("02_location.ipynb", "00_overview.ipynb", "09_your_market.ipynb")


def test_rebuild_is_byte_identical(repo_copy):
    """The committed outputs are the first build; rebuilding gives the same bytes."""
    root = repo_copy()
    before = snapshot(root)
    everything = os.environ.get("SALARY_FACTORS_DETERMINISM") == "all"
    names = [] if everything else [n for n in DETERMINISM_SUBSET
                                   if (root / "notebooks" / n).is_file()]
    proc = run_report(root, *names)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    after = snapshot(root)
    differ = sorted(k for k in set(before) | set(after) if before.get(k) != after.get(k))
    assert not differ, f"a rebuild changed {differ}: outputs are not deterministic (or the " \
                       f"committed ones are stale: run `make report`)"


@pytest.mark.parametrize("name", ["00_overview.ipynb", "09_your_market.ipynb"])
def test_committed_notebooks_carry_no_run_metadata(name):
    """No papermill or timing metadata (timestamps, durations) in a committed notebook."""
    nb = nbformat.read(REPO / "notebooks" / name, as_version=4)
    assert not {"papermill", "widgets"} & set(nb.metadata)
    for cell in nb.cells:
        assert not {"execution", "papermill", "ExecuteTime"} & set(cell.metadata)
        assert "injected-parameters" not in cell.metadata.get("tags", [])
