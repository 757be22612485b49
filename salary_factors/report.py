"""``make report``: execute every notebook, in parallel, and write results atomically.

    python -m salary_factors.report [--jobs N] [notebooks/NN_name.ipynb ...]

Each notebook runs in its own process and kernel with ``SALARY_FACTORS_OUTPUT`` pointing at a
private staging folder, so its figures and findings land there first. Only when the whole
notebook succeeds are its figures, its findings and the executed notebook moved into place (each
by a rename). A notebook that fails leaves the committed notebook and figures untouched; the
command then exits 1 naming the notebook, the cell and the error.

Notebooks that read ``findings.json`` (the overview) run after all the others. At the end the
README findings table is regenerated from ``findings.json``; after a full run, figures no notebook
wrote any more are removed.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path

from .files import atomic_path
from .findings import read_findings, update_readme_table, write_records
from .paths import repo_root

#: run after every other notebook, because they read what the others wrote
RUN_LAST = ("00_overview.ipynb",)
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
    for cell in nb.cells:
        cell.metadata.pop("execution", None)
        cell.metadata.pop("ExecuteTime", None)


def _failed_cell(nb) -> tuple[int | None, str]:
    for i, cell in enumerate(nb.cells):
        for out in cell.get("outputs", []):
            if out.get("output_type") == "error":
                return i, f"{out.get('ename')}: {out.get('evalue')}"
    return None, ""


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
        (stage / FAILURE_FILE).write_text(json.dumps({"cell": index, "error": message}))
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


def _run_child(path: Path, stage: Path) -> Result:
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
        where = f"cell {info['cell']}" if info["cell"] is not None else "kernel"
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


def run(paths: list[Path], jobs: int) -> int:
    build_dir().mkdir(exist_ok=True)
    first = [p for p in paths if p.name not in RUN_LAST]
    last = [p for p in paths if p.name in RUN_LAST]
    total, done, failures, produced = len(paths), 0, [], []
    started = time.perf_counter()
    figures = repo_root() / "figures"
    with tempfile.TemporaryDirectory(dir=build_dir(), prefix="report-") as tmp:
        for batch in (first, last):
            if not batch or failures:
                continue
            with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
                futures = {}
                for p in batch:
                    stage = Path(tmp) / p.stem
                    stage.mkdir()
                    print(f"  start  {p.name}", flush=True)
                    futures[pool.submit(_run_child, p, stage)] = p
                for fut in as_completed(futures):
                    res = fut.result()
                    done += 1
                    if res.ok:
                        produced += commit(res, figures)
                        print(f"[{done}/{total}] ok     {res.notebook.name} {res.seconds:5.1f} s",
                              flush=True)
                    else:
                        failures.append(res)
                        print(f"[{done}/{total}] FAILED {res.notebook.name} {res.seconds:5.1f} s  "
                              f"{res.error}", flush=True)
    if failures:
        for res in failures:
            print(f"error: {res.notebook.relative_to(repo_root())} failed at {res.error}; its "
                  f"committed notebook and figures were left untouched", file=sys.stderr)
        return 1
    readme = repo_root() / "README.md"
    if readme.is_file() and update_readme_table(readme, read_findings()):
        print("README.md findings table updated")
    if set(paths) == set(all_notebooks()) and figures.is_dir():
        for stale in sorted(set(f.name for f in figures.iterdir()) - set(produced)):
            (figures / stale).unlink()
            print(f"removed stale figure figures/{stale}")
    print(f"{total} notebooks in {time.perf_counter() - started:.1f} s")
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
