"""Test settings shared by the unit tests and nbval.

Notebooks executed by nbval write figures and findings: point those writes at a throw-away folder
so a test run never changes the working tree (the report writes the real ones).
"""

import os
import shutil
import tempfile
from pathlib import Path

import pytest

_OUTPUT = tempfile.mkdtemp(prefix="salary-factors-test-output-")
os.environ["SALARY_FACTORS_OUTPUT"] = _OUTPUT
os.environ.setdefault("PYDEVD_DISABLE_FILE_VALIDATION", "1")

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture
def repo_copy(tmp_path, monkeypatch):
    """A throw-away copy of the repository's report files, set as SALARY_FACTORS_ROOT.

    ``repo_copy(data="link")`` links data/ (fast; read-only use), ``data="copy"`` copies it (to
    change or remove a file). Notebooks, figures, findings.json, README.md and requirements.txt
    are copied, so a command run on the copy can be compared byte for byte with the tree.
    """
    def make(data: str = "link") -> Path:
        root = tmp_path / "repo"
        root.mkdir()
        for name in ("notebooks", "figures"):
            shutil.copytree(REPO / name, root / name)
        for name in ("findings.json", "README.md", "requirements.txt"):
            shutil.copy2(REPO / name, root / name)
        if data == "copy":
            shutil.copytree(REPO / "data", root / "data")
        else:
            (root / "data").symlink_to(REPO / "data", target_is_directory=True)
        monkeypatch.setenv("SALARY_FACTORS_ROOT", str(root))
        return root

    return make
