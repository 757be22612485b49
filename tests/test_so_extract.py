import numpy as np
import pandas as pd
import pytest

from salary_factors import so_extract as S


def test_experience_band_edges():
    bands = S.experience_band([0, 2, 3, 5, 6, 9, 10, 14, 15, 19, 20])
    assert list(bands) == ["0-2", "0-2", "3-5", "3-5", "6-9", "6-9", "10-14", "10-14", "15-19",
                           "15-19", "20+"]
    assert list(bands.categories) == [b[0] for b in S.EXPERIENCE_BANDS]
    assert bands.ordered


def test_experience_band_rejects_negative_years():
    with pytest.raises(ValueError):
        S.experience_band([-1, 3])


def test_match_published_exact_midpoint_none():
    salaries = [50000.0, 51250.0, 64516.129032]
    assert S.match_published(64516.129, salaries) == "exact"
    assert S.match_published(50625.0, salaries) == "midpoint"
    assert S.match_published(50100.0, salaries) == "none"
    assert S.match_published(1.0, []) == "none"


def test_load_groups_roles_and_years():
    so = S.load()
    assert len(so) == 5594
    ml = (so.Machine_learning_specialist == 1) | (so.Data_scientist == 1)
    assert (so.ml_data == ml).all()
    assert set(so.role_group.unique()) == set(S.ROLE_GROUPS)
    assert (so.loc[so.ml_data, "role_group"] == S.ML_GROUP).all()
    assert so.years.max() == S.TOP_YEARS
    assert so.band.isna().sum() == 0


def test_published_2017_amounts_occur_in_the_extract():
    m = S.published_2017_matches()
    assert "United States" not in set(m.geography)
    assert set(m.geography) == {"Canada", "Germany", "India", "United Kingdom"}
    assert (m.match != "none").all()
    assert (m.match == "exact").sum() >= len(m) // 2
    assert isinstance(m, pd.DataFrame) and np.isfinite(m.median_usd).all()
