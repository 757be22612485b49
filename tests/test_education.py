"""salary_factors.education: summaries of the StatCan graduate-income cells."""

import math

import numpy as np
import pandas as pd
import pytest

from salary_factors import datasets
from salary_factors import education as E


def _cell(credential, income, graduates, **keys):
    base = {"year": 2020, "location": "Ontario", "field_of_study": E.MATH_CS, "gender": "Man",
            "age_group": "15 to 34 years", "population_group": "Not a visible minority"}
    base.update(keys)
    return {**base, "educational_qualification": E.CREDENTIALS.get(credential, credential),
            "median_income": income, "number_graduates": graduates}


def test_typical_income_is_graduate_weighted():
    df = pd.DataFrame([_cell("Master's", 100.0, 10.0), _cell("Master's", 200.0, 30.0, gender="Woman"),
                       _cell("Bachelor's", 50.0, 5.0)])
    out = E.typical_income(df, ["educational_qualification"]).set_index("educational_qualification")
    masters = out.loc[E.CREDENTIALS["Master's"]]
    assert masters.income == pytest.approx(175.0)  # (100*10 + 200*30) / 40, not the plain mean 150
    assert masters.cells == 2 and masters.graduates == 40
    assert out.loc[E.CREDENTIALS["Bachelor's"]].income == pytest.approx(50.0)


def test_matched_pairs_only_compare_identical_cells():
    df = pd.DataFrame([
        _cell("Master's", 120.0, 40.0),
        _cell("Bachelor's", 100.0, 90.0),
        _cell("Master's", 150.0, 20.0, location="Quebec"),    # no bachelor's in Quebec
        _cell("Bachelor's", 80.0, 50.0, gender="Woman"),      # no master's for women
    ])
    pairs = E.matched_pairs(df, "Master's", "Bachelor's")
    assert len(pairs) == 1
    row = pairs.iloc[0]
    assert row.location == "Ontario" and row.gender == "Man"
    assert row.log_ratio == pytest.approx(math.log(1.2))
    assert row.graduates_high == 40 and row.graduates_low == 90


def test_matched_premium_is_weighted_geometric_mean_with_seeded_interval():
    ratios = [1.10, 1.30, 0.95, 1.20, 1.05]
    weights = [10.0, 30.0, 20.0, 40.0, 50.0]
    pairs = pd.DataFrame({"log_ratio": np.log(ratios), "graduates_high": weights})
    est = E.matched_premium(pairs, seed=7, n_resamples=500)
    expected = math.exp(np.average(np.log(ratios), weights=weights))
    assert est.value == pytest.approx(expected)
    assert est.low <= est.value <= est.high
    assert min(ratios) <= est.low and est.high <= max(ratios)
    assert est == E.matched_premium(pairs, seed=7, n_resamples=500)  # same seed, same interval


def test_matched_premium_needs_two_cells():
    pairs = pd.DataFrame({"log_ratio": [0.1], "graduates_high": [10.0]})
    with pytest.raises(ValueError, match="at least 2"):
        E.matched_premium(pairs)


def test_credential_labels_round_trip():
    for label, name in E.CREDENTIALS.items():
        assert E.credential_label(name) == label
    assert E.credential_label("Professional degree") == "Professional degree"


def test_names_exist_in_the_statcan_extract():
    df = datasets.load("postgradincome")
    assert set(E.CREDENTIALS.values()) <= set(df.educational_qualification)
    assert E.MATH_CS in set(df.field_of_study)
    assert set(E.MATCH_KEYS) | {"educational_qualification"} <= set(df.columns)
    # one median per cell: the match keys plus the credential identify a row
    assert not df.duplicated(list(E.MATCH_KEYS) + ["educational_qualification"]).any()
