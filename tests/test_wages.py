"""Notebook-facing OEWS tables."""

import numpy as np
import pandas as pd
import pytest

from salary_factors import prices, wages
from salary_factors.errors import AmbiguousName, NotInExtract, UnknownName


def test_oews_wages_joins_names_and_filters():
    df = wages.oews_wages(["15-2051"], area_types=["metro"])
    assert set(df.area_type) == {"metro"}
    assert (df.occupation_name == "Data Scientists").all()
    assert (df.industry_code == "000000").all()
    assert df.area_name.notna().all()


def test_national_industry_rows_are_available():
    df = wages.oews_wages(["15-2051"], area_types=["national"], industry=None)
    assert "52--53" in set(df.industry_code)
    assert df.industry_name.notna().all()


def test_premium_vs_national_matches_hand_arithmetic():
    row = wages.oews_wages(["15-1252"], area_codes=["0042660"])
    out = wages.premium_vs_national(row).iloc[0]
    national = wages.oews_wages(["15-1252"], area_types=["national"]).iloc[0]
    assert out.mean_ratio == pytest.approx(row.annual_mean.iloc[0] / national.annual_mean)
    assert out.mean_ratio_low < out.mean_ratio < out.mean_ratio_high
    assert out.median_ratio == pytest.approx(row.annual_median.iloc[0] / national.annual_median)


def test_rank_metros_ranks_published_values_and_lists_the_rest_last():
    ranked = wages.rank_metros("15-2051")
    assert ranked["rank"].iloc[0] == 1
    assert ranked.value.iloc[0] == ranked.value.max()
    unreleased = ranked[ranked.value.isna()]
    assert unreleased["rank"].isna().all()
    assert (ranked.of == ranked.value.notna().sum()).all()


def test_lower_bound_uses_the_cap_only_for_top_coded_values():
    df = pd.DataFrame({
        "annual_p90": [150_000.0, np.nan, np.nan],
        "annual_p90_status": ["published", "top_coded", "not_released"],
    })
    out = wages.lower_bound(df, "annual_p90")
    assert out.value.iloc[0] == 150_000 and out.value.iloc[1] == 239_200
    assert np.isnan(out.value.iloc[2])
    assert out.is_lower_bound.tolist() == [False, True, False]


def test_with_mean_interval_brackets_the_mean():
    df = wages.with_mean_interval(wages.oews_wages(list(wages.PROXIES), area_types=["national"]))
    assert (df.annual_mean_low < df.annual_mean).all() and (df.annual_mean < df.annual_mean_high).all()


def test_profile_explains_out_of_scope_requests():
    assert wages.profile("data scientists", "Seattle").annual_median == 164740
    with pytest.raises(NotInExtract, match="EXTRACT_OCCUPATION_PREFIXES"):
        wages.profile("29-1141", "Seattle")  # registered nurses: national only in the extract
    with pytest.raises(UnknownName):
        wages.find_area("Atlantis")
    with pytest.raises(AmbiguousName):
        wages.find_area("Portland")


def test_short_area():
    assert wages.short_area("San Jose-Sunnyvale-Santa Clara, CA") == "San Jose, CA"
    assert wages.short_area("National") == "National"


def test_price_model_fits_the_bea_points():
    model, points = prices.fit_price_model()
    assert len(points) == 13  # the 13 metros with BEA figures (nonmetro US has no OEWS area)
    assert model.params["wage_index"] > 0
    rpp = prices.rpp_metro()
    assert prices.nonmetro_rpp() < rpp.dropna(subset=["area_code"]).rpp.min()
    assert prices.price_adjusted(112.6, 112.6) == pytest.approx(100.0)
    with pytest.raises(ValueError, match="no BEA RPPs"):
        prices.rpp_metro(1999)
