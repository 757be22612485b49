"""House checks on the stored notebooks (no execution; nbval re-executes them separately)."""

import json
import re
from pathlib import Path

import pytest

from salary_factors import findings
from salary_factors.notebook import check_environment

REPO = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((REPO / "notebooks").glob("*.ipynb"))
MACHINE_PATH = re.compile(r"(/tmp/|/root/|/home/[^/\s]+/|/work/|site-packages|/Users/[^/\s]+/)")


def _cells(nb_path):
    return json.loads(nb_path.read_text())["cells"]


def _outputs(nb_path):
    for i, cell in enumerate(_cells(nb_path)):
        for out in cell.get("outputs", []):
            yield i, out


def test_notebooks_exist_and_are_numbered():
    assert NOTEBOOKS
    for nb in NOTEBOOKS:
        assert re.fullmatch(r"\d\d_[a-z0-9_]+\.ipynb", nb.name), nb.name


@pytest.mark.parametrize("nb", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_is_executed_in_order_without_errors_or_warnings(nb):
    counts = []
    for i, cell in enumerate(_cells(nb)):
        if cell["cell_type"] == "code" and cell["source"]:
            assert cell["execution_count"] is not None, f"cell {i} not executed"
            counts.append(cell["execution_count"])
            assert "execution" not in cell["metadata"], f"cell {i} stores timing metadata"
    assert counts == list(range(1, len(counts) + 1))
    for i, out in _outputs(nb):
        assert out["output_type"] != "error", f"cell {i} stores an error"
        assert not (out["output_type"] == "stream" and out["name"] == "stderr"), f"cell {i} stderr"


@pytest.mark.parametrize("nb", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_outputs_carry_no_machine_paths(nb):
    for i, out in _outputs(nb):
        text = json.dumps(out.get("text", "")) + json.dumps(out.get("data", {}).get("text/plain", ""))
        assert not MACHINE_PATH.search(text), f"cell {i}: {MACHINE_PATH.search(text).group(0)}"


@pytest.mark.parametrize("nb", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_starts_with_the_setup_cell(nb):
    first_code = next(c for c in _cells(nb) if c["cell_type"] == "code")
    assert "SEED = setup()" in "".join(first_code["source"])
    meta = json.loads(nb.read_text())["metadata"]
    assert meta["kernelspec"]["name"] == "python3"
    assert "version" not in meta.get("language_info", {})


def test_every_figure_was_saved_by_a_notebook():
    saved = set()
    for nb in NOTEBOOKS:
        for _, out in _outputs(nb):
            text = "".join(out.get("data", {}).get("text/plain", ""))
            saved.update(re.findall(r"figures/([\w.-]+\.(?:svg|png))", text))
    on_disk = {p.name for p in (REPO / "figures").iterdir()}
    assert on_disk == saved


def test_findings_come_from_the_notebooks_that_record_them():
    data = findings.read_findings(REPO / "findings.json")
    for nb in NOTEBOOKS:
        source = "".join("".join(c["source"]) for c in _cells(nb) if c["cell_type"] == "code")
        for claim in re.findall(r'record_finding\(\s*"(C\d+)"', source):
            assert claim in data, f"{nb.name} records {claim}, missing from findings.json"
            assert data[claim]["notebook"] == nb.name


def test_environment_matches_the_pins():
    assert check_environment() == []
