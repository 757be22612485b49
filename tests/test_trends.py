"""salary_factors.trends: OEWS series across releases, growth rates and CPI figures."""

import pandas as pd
import pytest

from salary_factors import trends as T
from salary_factors.wages import PROXIES


def test_growth_total_and_compound_annual_rate():
    total, annual = T.growth(100.0, 121.0, 2)
    assert total == pytest.approx(0.21)
    assert annual == pytest.approx(0.10)
    with pytest.raises(ValueError):
        T.growth(0.0, 10.0, 1)
    with pytest.raises(ValueError):
        T.growth(10.0, 12.0, 0)


def test_real_change_divides_out_prices():
    assert T.real_change(0.10, 0.10) == pytest.approx(0.0)
    assert T.real_change(0.05, 0.10) == pytest.approx(1.05 / 1.10 - 1)
    assert T.real_change(0.05, 0.10) < 0


def _series():
    return pd.DataFrame({
        "occupation_code": ["A", "A", "A"],
        "year": [2022, 2024, 2025],
        "value": [100.0, 110.0, 121.0],
        "how_verified": ["primary-page", "SECONDARY", T.DATABASE_LABEL],
        "primary": [True, False, True],
        "source": ["x", "y", "z"],
    })


def test_pair_growth_reports_whether_both_ends_are_primary():
    g = T.pair_growth(_series(), "A", 2022, 2025)
    assert g["total"] == pytest.approx(0.21)
    assert g["annual"] == pytest.approx(1.21 ** (1 / 3) - 1)
    assert g["both_primary"] is True
    g = T.pair_growth(_series(), "A", 2024, 2025)
    assert g["both_primary"] is False and g["start_primary"] is False and g["end_primary"] is True
    with pytest.raises(KeyError, match="2023"):
        T.pair_growth(_series(), "A", 2023, 2025)


def test_oews_series_labels_sources_and_adds_the_bundled_release():
    s = T.oews_series("annual_median")
    assert set(s.occupation_code) == set(PROXIES)
    latest = s[s.year == T.DATABASE_YEAR]
    assert len(latest) == len(PROXIES) and latest.primary.all() and latest.value.notna().all()
    secondary = s[s.how_verified == "SECONDARY"]
    assert not secondary.empty and not secondary.primary.any()
    assert s[s.how_verified == "primary-page"].primary.all()
    assert not s.duplicated(["occupation_code", "year"]).any()
    assert s.source.str.len().gt(0).all()
    with pytest.raises(ValueError):
        T.oews_series("annual_p90")


def test_cpi_only_months_read_on_bls_gov():
    assert T.cpi_index("2025-05") == pytest.approx(321.465)
    with pytest.raises(KeyError, match="2022-05"):
        T.cpi_index("2022-05")
    published = T.cpi()
    published = published[published.measure == "pct_change_12m"]
    pct = float(published.value.iloc[0])
    # BLS rounds its published 12-month change to one decimal
    assert T.price_change("2024-05", "2025-05") * 100 == pytest.approx(pct, abs=0.05)
    assert published.how_verified.eq("primary-page").all()
