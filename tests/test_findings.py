"""findings.json: validation, merging under a lock, and the README table generated from it."""

import json
from pathlib import Path

import pytest

from salary_factors import findings

REPO = Path(__file__).resolve().parents[1]


def _record(**kw):
    args = dict(summary="A computed sentence.", rule="supported if x > 1", numbers={"x": 1.5})
    args.update(kw)
    return args


def test_record_keeps_claim_metadata_and_rounds_numbers():
    rec = findings.make_record("C2", "supported", **_record(numbers={"ratio": 1.23456789}))
    assert rec["notebook"] == "02_location.ipynb"
    assert rec["factor"] == "location"
    assert rec["numbers"]["ratio"] == 1.23457


@pytest.mark.parametrize(("claim", "verdict", "kw", "error"), [
    ("C12", "supported", {}, KeyError),
    ("C2", "mostly true", {}, ValueError),
    ("C2", "supported", {"summary": " "}, ValueError),
    ("C2", "supported", {"numbers": {"x": float("nan")}}, ValueError),
    ("C2", "supported", {"parts": [{"name": "a", "verdict": "maybe"}]}, ValueError),
])
def test_bad_records_are_refused(claim, verdict, kw, error):
    with pytest.raises(error):
        findings.make_record(claim, verdict, **_record(**kw))


def test_write_records_merges_and_orders_claims(tmp_path):
    path = tmp_path / "findings.json"
    findings.write_records({"C10": findings.make_record("C10", "not supported", **_record())}, path)
    findings.write_records({"C2": findings.make_record("C2", "supported", **_record())}, path)
    data = json.loads(path.read_text())
    assert list(data) == ["C2", "C10"]  # numeric order, not text order
    assert not list(tmp_path.glob(".*"))  # no temporary or lock files left behind


def test_record_finding_writes_to_the_output_root(tmp_path, monkeypatch):
    monkeypatch.setenv("SALARY_FACTORS_OUTPUT", str(tmp_path))
    findings.record_finding("C9", "not testable with open data", **_record())
    assert json.loads((tmp_path / "findings.json").read_text())["C9"]["verdict"] == (
        "not testable with open data")


def test_ledger_marks_missing_claims_pending():
    ledger = findings.ledger({"C2": findings.make_record("C2", "supported", **_record())})
    assert len(ledger) == 11
    assert ledger.set_index("claim").loc["C1", "verdict"] == findings.PENDING
    assert ledger.set_index("claim").loc["C2", "verdict"] == "supported"


def test_update_readme_table_replaces_only_the_marked_block(tmp_path):
    readme = tmp_path / "README.md"
    readme.write_text(f"intro\n{findings.README_START}\nold\n{findings.README_END}\noutro\n")
    assert findings.update_readme_table(readme, {}) is True
    text = readme.read_text()
    assert text.startswith("intro\n") and text.endswith("outro\n")
    assert "old" not in text and text.count("| pending |") == 11
    assert findings.update_readme_table(readme, {}) is False  # already current
    readme.write_text("no markers")
    with pytest.raises(ValueError, match="markers"):
        findings.update_readme_table(readme, {})


def test_committed_findings_are_valid_records():
    data = findings.read_findings(REPO / "findings.json")
    assert data, "findings.json is empty"
    for claim, rec in data.items():
        remade = findings.make_record(claim, rec["verdict"], summary=rec["summary"],
                                      rule=rec["rule"], numbers=rec["numbers"],
                                      parts=rec.get("parts"), notebook=rec["notebook"])
        assert remade == rec, claim
        assert (REPO / "notebooks" / rec["notebook"]).is_file()


def test_readme_table_agrees_with_findings_json():
    readme = (REPO / "README.md").read_text()
    block = readme.split(findings.README_START)[1].split(findings.README_END)[0].strip()
    assert block == findings.markdown_table(findings.read_findings(REPO / "findings.json"))
