"""Where things live.

The package is installed in editable mode from the repository (``-e .`` in requirements.txt),
so the repository root is the folder above this package. Two environment variables override it:

- ``SALARY_FACTORS_ROOT``: read data and ``findings.json`` from another checkout;
- ``SALARY_FACTORS_OUTPUT``: write figures and ``findings.json`` somewhere else (the tests and
  the report runner use this so that a test run or a failed notebook never touches the tree).
"""

from __future__ import annotations

import os
from pathlib import Path

_PACKAGE_ROOT = Path(__file__).resolve().parent.parent


def repo_root() -> Path:
    """The repository the data and findings are read from."""
    return Path(os.environ.get("SALARY_FACTORS_ROOT", _PACKAGE_ROOT))


def data_dir() -> Path:
    return repo_root() / "data"


def output_root() -> Path:
    """Where figures/ and findings.json are written (the repository unless overridden)."""
    return Path(os.environ.get("SALARY_FACTORS_OUTPUT", repo_root()))


def figures_dir() -> Path:
    return output_root() / "figures"


def findings_path() -> Path:
    """findings.json as written by the notebooks."""
    return output_root() / "findings.json"


def shared_reference_dir() -> Path:
    """The team's shared reference folder (the article and the published-figures fact sheet)."""
    return repo_root().parent / "shared" / "reference"


def shown(path: Path) -> Path:
    """``path`` relative to the repository when it lies inside it (for messages), else as is."""
    try:
        return Path(path).resolve().relative_to(repo_root().resolve())
    except ValueError:
        return Path(path)
