"""Unit tests of salary_factors.industry (chapter 05): the article's industries and comparisons."""

import numpy as np
import pandas as pd
import pytest

from salary_factors import industry as I


@pytest.mark.parametrize("code, label", [
    ("52--53", "52"), ("31--34", "31-33"), ("44--46", "44-45"), ("523000", "523"),
    ("336100", "3361"), ("541330", "54133"), ("611002", "611002"), ("3250A1", "3250A1"),
    ("000000", "000000"), ("999100", "999100"),
])
def test_naics_label(code, label):
    assert I.naics_label(code) == label


def test_industry_kind():
    assert I.industry_kind("000000", "Cross-Industry") == "cross-industry"
    assert I.industry_kind("61--62", "Sector 61") == "sector"
    assert I.industry_kind("611002", "Educational Services, State Government Owned") == "ownership"
    assert I.industry_kind("3250A1", "Chemical Manufacturing (3251 ... only)") == "aggregate"
    assert I.industry_kind("999200", "State Government") == "government"
    assert I.industry_kind("523000", "Securities") == "naics"


def test_mapping_covers_the_article_and_codes_exist():
    keys = [a.key for a in I.ARTICLE_INDUSTRIES]
    assert keys == ["finance", "autonomous_vehicles", "healthcare", "education", "non_profits"]
    assert {a.side for a in I.ARTICLE_INDUSTRIES if a.key in ("education", "non_profits")} == {I.LOWER}
    codes = set(I.article_codes())
    assert {"52--53", "523000", "336100", "485300", "513200", "541700", "622000", "621000",
            "325400", "61--62", "611300", "813000"} == codes
    table = I.mapping_table({c: f"name {c}" for c in codes})
    assert list(table["article says"]) == [a.label for a in I.ARTICLE_INDUSTRIES]
    assert "3361 name 336100" in table.loc[1, "codes in the verdict"]
    assert table.loc[4, "also shown"] == "–"


def _cell(occ, code, mean, rse, employment=5000.0, status="published"):
    return {"occupation_code": occ, "industry_code": code, "annual_mean": mean,
            "mean_wage_rse_pct": rse, "annual_mean_status": status,
            "mean_wage_rse_pct_status": status, "employment": employment,
            "employment_status": "published", "annual_median": mean}


def _rows():
    return pd.DataFrame([
        _cell("15-2051", "52--53", 130_000, 1.0),
        _cell("15-2051", "336100", 100_000, 1.0),  # pays less than education below
        _cell("15-2051", "622000", 111_000, 10.0),  # wide interval: unclear
        _cell("15-2051", "621000", 150_000, 1.0, employment=200.0),  # too few jobs
        _cell("15-2051", "61--62", 110_000, 1.0),
        _cell("15-2051", "813000", np.nan, np.nan, status="not_released"),
    ])


def test_compare_outcomes():
    c = I.compare(_rows(), min_employment=1000).set_index(["higher_code", "lower_code"])
    assert len(c) == 4 * 2
    assert c.loc[("52--53", "61--62"), "outcome"] == I.PAYS_MORE
    assert c.loc[("52--53", "61--62"), "ratio"] == pytest.approx(130 / 110)
    assert c.loc[("336100", "61--62"), "outcome"] == I.PAYS_LESS
    assert c.loc[("622000", "61--62"), "outcome"] == I.UNCLEAR
    assert c.loc[("621000", "61--62"), "outcome"] == I.TOO_FEW
    assert c.loc[("52--53", "813000"), "outcome"] == I.NO_ESTIMATE
    assert np.isnan(c.loc[("52--53", "813000"), "ratio"])
    # without a floor the small cell is compared
    c0 = I.compare(_rows()).set_index(["higher_code", "lower_code"])
    assert c0.loc[("621000", "61--62"), "outcome"] == I.PAYS_MORE


def test_part_verdict():
    assert I.part_verdict([I.PAYS_MORE, I.PAYS_MORE, I.NO_ESTIMATE]) == "supported"
    assert I.part_verdict([I.PAYS_MORE, I.UNCLEAR]) == "partly supported"
    assert I.part_verdict([I.PAYS_LESS, I.UNCLEAR, I.TOO_FEW]) == "not supported"
    assert I.part_verdict([I.NO_ESTIMATE, I.TOO_FEW]) == "not testable with open data"


def test_ranking_rows_keeps_subsectors_and_article_codes_once():
    base = dict(occupation_code="15-2051", employment=5000.0, employment_status="published",
                annual_mean_status="published", mean_wage_rse_pct_status="published",
                mean_wage_rse_pct=1.0)
    rows = pd.DataFrame([
        dict(base, industry_code="61--62", kind="sector", display_level=2, annual_mean=90.0,
             annual_median=80.0),
        dict(base, industry_code="611000", kind="naics", display_level=3, annual_mean=90.0,
             annual_median=80.0),  # same estimate as sector 61: dropped
        dict(base, industry_code="511000", kind="naics", display_level=3, annual_mean=120.0,
             annual_median=110.0),
        dict(base, industry_code="541000", kind="naics", display_level=3, annual_mean=130.0,
             annual_median=100.0, employment=500.0),  # below the floor
        dict(base, industry_code="541700", kind="naics", display_level=4, annual_mean=125.0,
             annual_median=100.0),  # article code at level 4: kept
        dict(base, industry_code="541710", kind="naics", display_level=5, annual_mean=126.0,
             annual_median=100.0),  # other level 5: dropped
    ])
    r = I.ranking_rows(rows, 1000)
    assert list(r.industry_code) == ["541700", "511000", "61--62"]
    assert list(r.article) == ["autonomous_vehicles", "", "education"]
    assert list(r.in_verdict) == [False, False, True]


def test_mean_interval_from_rse():
    est = I.mean_interval(pd.Series(_cell("x", "y", 100_000, 5.0)))
    assert est.low == pytest.approx(100_000 * (1 - 1.959964 * 0.05), rel=1e-6)
    assert np.isnan(I.mean_interval(pd.Series(_cell("x", "y", 1.0, 1.0, status="not_released"))).value)
