"""The one setup call at the top of every notebook.

    from salary_factors.notebook import setup
    SEED = setup()

It checks that the environment matches requirements.txt (so a rerun reproduces the stored
outputs), applies the figure theme and the table display options, and returns the seed that
every random step uses.
"""

from __future__ import annotations

import re
import sys
from importlib import metadata

from .errors import SalaryFactorsError
from .paths import repo_root
from .stats import DEFAULT_SEED

#: packages whose version changes what a notebook prints or draws
CHECKED = ("pandas", "numpy", "scipy", "statsmodels", "matplotlib", "seaborn")


class EnvironmentMismatch(SalaryFactorsError):
    pass


def pinned_versions() -> dict[str, str]:
    """``{package: version}`` from requirements.txt (empty when the file is not there)."""
    path = repo_root() / "requirements.txt"
    if not path.is_file():
        return {}
    pins = {}
    for line in path.read_text().splitlines():
        m = re.match(r"^([A-Za-z0-9_.\-]+)==([^\s;#]+)", line.strip())
        if m:
            pins[m.group(1).lower().replace("_", "-")] = m.group(2)
    return pins


def check_environment() -> list[str]:
    """Differences between the installed and the pinned versions of ``CHECKED`` packages."""
    problems = []
    if sys.version_info[:2] != (3, 11):
        problems.append(f"Python {sys.version.split()[0]} (the report is pinned to 3.11)")
    pins = pinned_versions()
    for pkg in CHECKED:
        want = pins.get(pkg)
        try:
            have = metadata.version(pkg)
        except metadata.PackageNotFoundError:
            have = None
        if want and have != want:
            problems.append(f"{pkg} {have or 'missing'} (pinned {want})")
    return problems


def setup(strict: bool = True) -> int:
    """Check versions, set the theme and display options; return the seed."""
    import pandas as pd

    from .plotting import apply_theme

    problems = check_environment()
    if problems and strict:
        raise EnvironmentMismatch(
            "This environment differs from requirements.txt: " + "; ".join(problems)
            + ". Outputs would not match the stored ones. Run `make report` (it builds .venv from "
              "requirements.txt) and pick the kernel of .venv, or call setup(strict=False) to "
              "explore anyway."
        )
    apply_theme()
    pd.set_option("display.max_columns", 30)
    pd.set_option("display.width", 120)
    pd.set_option("display.max_colwidth", 80)
    return DEFAULT_SEED
