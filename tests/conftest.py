"""Test settings shared by the unit tests and nbval.

Notebooks executed by nbval write figures and findings: point those writes at a throw-away folder
so a test run never changes the working tree (the report writes the real ones).
"""

import os
import tempfile

_OUTPUT = tempfile.mkdtemp(prefix="salary-factors-test-output-")
os.environ["SALARY_FACTORS_OUTPUT"] = _OUTPUT
os.environ.setdefault("PYDEVD_DISABLE_FILE_VALIDATION", "1")
