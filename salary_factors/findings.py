"""The article's claims, their verdicts, and ``findings.json``.

A notebook computes its numbers, applies a rule written next to it, and calls
``record_finding(...)``; the record lands in ``findings.json`` (top level of the repository),
keyed by claim id. The overview notebook and the README table are generated from that file, so a
verdict is never typed by hand in two places.

Writes are atomic (temporary file, then rename) and serialised with a lock file, so notebooks run
in parallel cannot lose each other's records. Keys are sorted, so the file is byte-identical
whatever order the notebooks finish in.
"""

from __future__ import annotations

import fcntl
import json
import math
import os
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from .files import atomic_write
from .paths import findings_path, repo_root

VERDICTS = ("supported", "partly supported", "not supported", "not testable with open data")
PENDING = "pending"


@dataclass(frozen=True)
class Claim:
    id: str
    factor: str
    asserts: str
    notebook: str


CLAIMS: dict[str, Claim] = {c.id: c for c in (
    Claim("C1", "premium", "ML engineers are paid well above other roles because the skills are rare",
          "01_premium.ipynb"),
    Claim("C2", "location", "San Francisco, New York and Seattle pay significantly more than the "
          "national average", "02_location.ipynb"),
    Claim("C3", "cost of living", "that premium is balanced by the hubs' higher cost of living",
          "02_location.ipynb"),
    Claim("C4", "remote", "remote work for US firms from low-cost regions gives better take-home pay",
          "02_location.ipynb"),
    Claim("C5", "experience", "pay rises sharply from entry to mid to senior/lead",
          "03_experience.ipynb"),
    Claim("C6", "senior pay mix", "senior pay adds bonuses, stock options and other incentives",
          "03_experience.ipynb"),
    Claim("C7", "education", "a master's or PhD raises pay, above all for research roles; "
          "self-taught and bootcamp paths also get in", "04_education.ipynb"),
    Claim("C8", "industry", "finance, autonomous vehicles and healthcare AI pay more than education "
          "and non-profits", "05_industry.ipynb"),
    Claim("C9", "specialization", "NLP, computer vision and reinforcement learning skills pay above "
          "average", "06_specialization.ipynb"),
    Claim("C10", "global", "pay in India is lower than in the US and Europe but rising fast",
          "07_global_market.ipynb"),
    Claim("C11", "trend", "demand and pay have grown and will keep growing", "08_trends.ipynb"),
)}


def _check_number(path: str, value) -> None:
    if isinstance(value, bool) or value is None or isinstance(value, str):
        return
    if isinstance(value, int):
        return
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError(f"{path} is {value}: record a finite number, or None with a reason")
        return
    if isinstance(value, dict):
        for k, v in value.items():
            _check_number(f"{path}.{k}", v)
        return
    if isinstance(value, list | tuple):
        for i, v in enumerate(value):
            _check_number(f"{path}[{i}]", v)
        return
    raise TypeError(f"{path} has type {type(value).__name__}; use plain numbers, strings, lists, dicts")


def _plain(value):
    """numpy scalars and tuples -> plain JSON types (floats rounded to 6 significant digits)."""
    if hasattr(value, "item") and not isinstance(value, list | dict | tuple):
        value = value.item()
    if isinstance(value, float):
        return float(f"{value:.6g}")
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


def make_record(claim: str, verdict: str, *, summary: str, rule: str, numbers: dict | None = None,
                parts: list[dict] | None = None, notebook: str | None = None) -> dict:
    """Validate and build one claim's record (what ``record_finding`` writes)."""
    if claim not in CLAIMS:
        raise KeyError(f"unknown claim id {claim!r}; the ids are {', '.join(CLAIMS)}")
    if verdict not in VERDICTS:
        raise ValueError(f"verdict {verdict!r} is not one of: {'; '.join(VERDICTS)}")
    if not summary.strip() or not rule.strip():
        raise ValueError("a finding needs a one-line summary and the rule that produced the verdict")
    for part in parts or []:
        if set(part) < {"name", "verdict"} or part["verdict"] not in VERDICTS:
            raise ValueError(f"each part needs a name and a verdict from {VERDICTS}: {part}")
    record = {
        "claim": CLAIMS[claim].asserts,
        "factor": CLAIMS[claim].factor,
        "notebook": notebook or CLAIMS[claim].notebook,
        "verdict": verdict,
        "summary": summary.strip(),
        "rule": rule.strip(),
        "numbers": _plain(numbers or {}),
    }
    if parts:
        record["parts"] = _plain(parts)
    _check_number(claim, record)
    return record


@contextmanager
def _locked(path: Path):
    """Hold an exclusive lock on the folder of ``path`` (no lock file is left behind)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path.parent, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        fcntl.flock(fd, fcntl.LOCK_UN)
        os.close(fd)


def read_findings(path: Path | None = None) -> dict:
    """findings.json as a dict (empty when the file does not exist yet)."""
    path = path or repo_root() / "findings.json"
    if not path.is_file():
        return {}
    return json.loads(path.read_text())


def dumps(findings: dict) -> str:
    ordered = {k: findings[k] for k in sorted(findings, key=claim_order)}
    return json.dumps(ordered, indent=2, ensure_ascii=False) + "\n"


def claim_order(claim_id: str) -> int:
    return int(claim_id.lstrip("C"))


def write_records(records: dict, path: Path | None = None) -> Path:
    """Merge ``{claim: record}`` into findings.json under a lock, atomically."""
    path = path or findings_path()
    with _locked(path):
        current = read_findings(path)
        current.update(records)
        atomic_write(path, dumps(current))
    return path


def record_finding(claim: str, verdict: str, *, summary: str, rule: str,
                   numbers: dict | None = None, parts: list[dict] | None = None,
                   notebook: str | None = None) -> dict:
    """Record one claim's computed verdict in findings.json and return the record.

    ``rule`` is the rule in words, ``numbers`` the headline numbers it was applied to, ``parts``
    optional sub-verdicts (``{"name": ..., "verdict": ..., "summary": ...}``).
    """
    record = make_record(claim, verdict, summary=summary, rule=rule, numbers=numbers, parts=parts,
                         notebook=notebook)
    write_records({claim: record})
    return record


def ledger(findings: dict | None = None):
    """One row per claim C1..C11: factor, claim, verdict (or 'pending'), summary, notebook."""
    import pandas as pd

    findings = read_findings() if findings is None else findings
    rows = []
    for cid, claim in CLAIMS.items():
        rec = findings.get(cid, {})
        rows.append({
            "claim": cid,
            "factor": claim.factor,
            "article_says": claim.asserts,
            "verdict": rec.get("verdict", PENDING),
            "why": rec.get("summary", ""),
            "notebook": rec.get("notebook", claim.notebook),
        })
    return pd.DataFrame(rows)


def markdown_table(findings: dict | None = None, link_prefix: str = "notebooks/") -> str:
    """The findings table in Markdown, as the README shows it."""
    lines = ["| claim | factor | the article says | verdict | why |", "|---|---|---|---|---|"]
    for row in ledger(findings).itertuples(index=False):
        verdict = row.verdict if row.verdict == PENDING else f"**{row.verdict}**"
        why = row.why.replace("|", "\\|") if row.why else "not yet analysed"
        lines.append(
            f"| [{row.claim}]({link_prefix}{row.notebook}) | {row.factor} | "
            f"{row.article_says} | {verdict} | {why} |"
        )
    return "\n".join(lines)


README_START = "<!-- findings:start (generated by `make report` from findings.json) -->"
README_END = "<!-- findings:end -->"


def update_readme_table(readme: Path, findings: dict | None = None) -> bool:
    """Replace the table between the README markers; True when the file changed."""
    text = readme.read_text()
    if README_START not in text or README_END not in text:
        raise ValueError(f"{readme} lacks the findings markers {README_START!r} ... {README_END!r}")
    head, rest = text.split(README_START, 1)
    _, tail = rest.split(README_END, 1)
    new = f"{head}{README_START}\n{markdown_table(findings)}\n{README_END}{tail}"
    if new == text:
        return False
    atomic_write(readme, new)
    return True
