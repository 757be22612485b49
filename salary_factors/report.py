"""``make report``: execute every notebook, in parallel, and write results atomically.

    python -m salary_factors.report [--jobs N] [notebooks/NN_name.ipynb ...]

Each notebook runs in its own process and kernel with ``SALARY_FACTORS_OUTPUT`` pointing at a
private staging folder, so its figures and findings land there first. Only when the whole
notebook succeeds are its figures, its findings and the executed notebook moved into place (each
by a rename). A notebook that fails leaves the committed notebook and figures untouched; the
command then exits 1 naming the notebook, the cell and the error.

Notebooks that read ``findings.json`` (the overview, "your market") run after all the others:
those named in ``RUN_LAST`` and any whose code calls ``read_findings``, ``findings.ledger`` or
``findings.markdown_table``. Progress shows each notebook as it starts and ends, its time and how many are
left. At the end the README findings table is regenerated from ``findings.json``; after a full
run without failures, figures no notebook wrote any more are removed.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path

from .files import atomic_path
from .findings import read_findings, update_readme_table, write_records
from .paths import repo_root

#: run after every other notebook, because they read what the others wrote (notebooks whose code
#: calls one of the findings readers are added automatically, see ``runs_last``)
RUN_LAST = ("00_overview.ipynb", "09_your_market.ipynb")
READS_FINDINGS = re.compile(r"\bread_findings\s*\(|\bfindings\.(ledger|markdown_table)\s*\(")
CELL_TIMEOUT = 300
FAILURE_FILE = "failure.json"


def notebooks_dir() -> Path:
    return repo_root() / "notebooks"


def build_dir() -> Path:
    return repo_root() / ".build"


# --- one notebook, in a child process -------------------------------------------------------

def normalise(nb) -> None:
    """Drop metadata that changes between machines or runs (not outputs)."""
    nb.metadata["kernelspec"] = {"display_name": "Python 3 (ipykernel)", "language": "python",
                                 "name": "python3"}
    info = nb.metadata.get("language_info", {})
    nb.metadata["language_info"] = {k: v for k, v in info.items() if k != "version"}
    nb.metadata.pop("widgets", None)
    nb.metadata.pop("papermill", None)  # papermill's timestamps, durations and paths
    for cell in nb.cells:
        cell.metadata.pop("execution", None)
        cell.metadata.pop("ExecuteTime", None)
        cell.metadata.pop("papermill", None)


def _failed_cell(nb) -> tuple[int | None, str]:
    """(index of the cell that raised, counted from 0 like nbval; 'Error: message')."""
    for i, cell in enumerate(nb.cells):
        for out in cell.get("outputs", []):
            if out.get("output_type") == "error":
                return i, f"{out.get('ename')}: {out.get('evalue')}"
    return None, ""


def _first_line(source: str) -> str:
    line = next((ln.strip() for ln in source.splitlines() if ln.strip()), "")
    return line if len(line) <= 60 else line[:57] + "..."


def execute_one(path: Path, stage: Path) -> int:
    """Execute ``path`` with outputs staged in ``stage``; write stage/<name> on success."""
    import nbformat
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError, CellTimeoutError

    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(nb, timeout=CELL_TIMEOUT, kernel_name="python3", record_timing=False,
                            resources={"metadata": {"path": str(path.parent)}})
    try:
        client.execute()
    except (CellExecutionError, CellTimeoutError, RuntimeError) as exc:
        index, message = _failed_cell(nb)
        if index is None:
            message = str(exc).strip().splitlines()[-1] if str(exc).strip() else type(exc).__name__
        first = _first_line(nb.cells[index].source) if index is not None else ""
        (stage / FAILURE_FILE).write_text(json.dumps({"cell": index, "source": first,
                                                      "error": message}))
        return 1
    normalise(nb)
    nbformat.write(nb, stage / path.name)
    return 0


# --- the parent: parallel runs, progress, commit ----------------------------------------------

@dataclass
class Result:
    notebook: Path
    ok: bool
    seconds: float
    stage: Path
    error: str = ""


_PRINT = threading.Lock()


def say(message: str, stream=None) -> None:
    with _PRINT:
        print(message, file=stream or sys.stdout, flush=True)


def _run_child(path: Path, stage: Path, announce=None) -> Result:
    """Run one notebook in a child process; ``announce(path, started)`` is called around it."""
    if announce:
        announce(path, True)
    try:
        return _execute_in_child(path, stage)
    finally:
        if announce:
            announce(path, False)


def _execute_in_child(path: Path, stage: Path) -> Result:
    env = dict(os.environ, SALARY_FACTORS_OUTPUT=str(stage), PYDEVD_DISABLE_FILE_VALIDATION="1")
    start = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-m", "salary_factors.report", "--execute-one", str(path), "--stage",
         str(stage)],
        env=env, capture_output=True, text=True,
    )
    seconds = time.perf_counter() - start
    if proc.returncode == 0:
        return Result(path, True, seconds, stage)
    failure = stage / FAILURE_FILE
    if failure.is_file():
        info = json.loads(failure.read_text())
        if info["cell"] is None:
            where = "kernel"
        else:
            where = f"cell {info['cell']}" + (f" ({info['source']})" if info.get("source") else "")
        error = f"{where}: {info['error']}"
    else:
        tail = (proc.stderr or proc.stdout).strip().splitlines()[-3:]
        error = " | ".join(tail) or f"exit status {proc.returncode}"
    return Result(path, False, seconds, stage, error)


def commit(result: Result, figures: Path) -> list[str]:
    """Move one successful notebook's staged figures, findings and notebook into place."""
    written = []
    staged_figures = result.stage / "figures"
    if staged_figures.is_dir():
        figures.mkdir(parents=True, exist_ok=True)
        for f in sorted(staged_figures.iterdir()):
            if f.name.startswith("."):
                continue
            os.replace(f, figures / f.name)
            written.append(f.name)
    staged_findings = read_findings(result.stage / "findings.json")
    if staged_findings:
        write_records(staged_findings, repo_root() / "findings.json")
    with atomic_path(result.notebook) as tmp:
        shutil.copyfile(result.stage / result.notebook.name, tmp)
    return written


def runs_last(path: Path) -> bool:
    """True for notebooks that read findings.json (they must see every other notebook's)."""
    if path.name in RUN_LAST:
        return True
    import nbformat

    nb = nbformat.read(path, as_version=4)
    return any(c.cell_type == "code" and READS_FINDINGS.search(c.source) for c in nb.cells)


def run(paths: list[Path], jobs: int) -> int:
    build_dir().mkdir(exist_ok=True)
    last = [p for p in paths if runs_last(p)]
    first = [p for p in paths if p not in last]
    total, failures, produced = len(paths), [], []
    state = {"done": 0, "running": 0, "finished": 0}
    started = time.perf_counter()
    figures = repo_root() / "figures"
    say(f"executing {total} notebook{'s' * (total != 1)}, up to {max(1, jobs)} at a time"
        + (f"; then {', '.join(p.name for p in last)} (they read findings.json)"
           if last and first else ""))

    def announce(p: Path, starting: bool) -> None:
        with _PRINT:
            if not starting:  # counted in the worker, so the next start sees the true number
                state["running"] -= 1
                state["finished"] += 1
                return
            state["running"] += 1
            print(f"  start  {p.name}  ({state['running']} running, "
                  f"{total - state['finished'] - state['running']} waiting)", flush=True)

    with tempfile.TemporaryDirectory(dir=build_dir(), prefix="report-") as tmp:
        # the notebooks that read findings.json run even after a failure: they then summarise
        # what is committed, so README, overview and findings.json still agree
        for batch in (first, last):
            if not batch:
                continue
            with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
                futures = {}
                for p in batch:
                    stage = Path(tmp) / p.stem
                    stage.mkdir()
                    futures[pool.submit(_run_child, p, stage, announce)] = p
                for fut in as_completed(futures):
                    res = fut.result()
                    if res.ok:
                        produced += commit(res, figures)
                    with _PRINT:
                        state["done"] += 1
                        left = total - state["done"]
                        status = "ok    " if res.ok else "FAILED"
                        line = (f"[{state['done']}/{total}] {status} {res.notebook.name:<28} "
                                f"{res.seconds:5.1f} s  ({left} left)")
                        if not res.ok:
                            failures.append(res)
                            line += f"  {res.error}"
                        print(line, flush=True)
    readme = repo_root() / "README.md"
    if readme.is_file() and update_readme_table(readme, read_findings()):
        say("README.md findings table updated")
    if failures:
        for res in failures:
            say(f"error: {res.notebook.relative_to(repo_root())} failed at {res.error}; its "
                f"committed notebook and figures were left untouched", sys.stderr)
        return 1
    if set(paths) == set(all_notebooks()) and figures.is_dir():
        for stale in sorted(set(f.name for f in figures.iterdir()) - set(produced)):
            (figures / stale).unlink()
            say(f"removed stale figure figures/{stale}")
    say(f"{total} notebook{'s' * (total != 1)} in {time.perf_counter() - started:.1f} s")
    return 0


def all_notebooks() -> list[Path]:
    return sorted(notebooks_dir().glob("[0-9][0-9]_*.ipynb"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m salary_factors.report", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("notebooks", nargs="*", type=Path, help="default: every notebook")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1,
                        help="notebooks run at once (default: the number of cores)")
    parser.add_argument("--execute-one", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--stage", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.execute_one:
        return execute_one(args.execute_one, args.stage)
    paths = [p.resolve() for p in args.notebooks] or all_notebooks()
    missing = [str(p) for p in paths if not p.is_file()]
    if missing:
        print(f"error: no such notebook: {', '.join(missing)}", file=sys.stderr)
        return 2
    return run(paths, args.jobs)


if __name__ == "__main__":
    sys.exit(main())
