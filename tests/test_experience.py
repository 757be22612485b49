import numpy as np
import pandas as pd
import pytest
import statsmodels.formula.api as smf

from salary_factors import experience as E
from salary_factors import wages as W


def test_stage_of_assigns_stages_and_leaves_gaps():
    st = E.stage_of([0, 2, 3, 5, 6, 9, 10, 20])
    assert list(st.iloc[[0, 1, 2, 3, 6, 7]]) == ["entry", "entry", "mid", "mid", "senior", "senior"]
    assert st.iloc[4] is pd.NA or pd.isna(st.iloc[4])
    assert pd.isna(st.iloc[5])


def test_stage_ratios_recover_a_known_ladder():
    rng = np.random.default_rng(0)
    years = np.repeat([1, 4, 12], 400)
    base = {1: 50_000, 4: 75_000, 12: 100_000}
    salary = np.array([base[y] for y in years]) * np.exp(rng.normal(0, 0.05, years.size))
    df = pd.DataFrame({"Salary": salary, "years": years.astype(float)})
    r = E.stage_ratios(df).set_index("step")
    assert r.loc["mid / entry", "ratio"] == pytest.approx(1.5, rel=0.03)
    assert r.loc["senior / mid", "ratio"] == pytest.approx(4 / 3, rel=0.03)
    assert r.loc["senior / entry", "ratio"] == pytest.approx(2.0, rel=0.03)
    assert (r.low < r.ratio).all() and (r.ratio < r.high).all()
    assert r.loc["mid / entry", "n_upper"] == 400


def test_pct_change_reads_log_coefficients_as_percentages():
    rng = np.random.default_rng(1)
    x = rng.uniform(0, 20, 2000)
    df = pd.DataFrame({"x": x, "ly": np.log(1000) + np.log(1.05) * x + rng.normal(0, 0.01, x.size)})
    fit = smf.ols("ly ~ x", data=df).fit(cov_type="HC3")
    est = E.pct_change(fit, "x")
    assert est.value == pytest.approx(0.05, abs=0.002)
    assert est.low < est.value < est.high


def test_wage_ladder_is_ordered_and_spreads_match_the_rungs():
    ladder = E.wage_ladder(["15-2051"], ["0000000"])
    assert list(ladder.percentile) == ["P10", "P25", "Median", "P75", "P90"]
    vals = ladder.value.to_numpy()
    assert np.all(np.diff(vals) > 0)
    row = W.oews_wages(["15-2051"], area_codes=["0000000"]).iloc[0]
    sp = E.ladder_spreads(ladder).iloc[0]
    assert sp.p90_p10 == pytest.approx(row.annual_p90 / row.annual_p10)
    assert sp.p75_p25 == pytest.approx(row.annual_p75 / row.annual_p25)
    assert not sp.any_lower_bound


def test_wage_ladder_marks_top_coded_rungs_as_lower_bounds():
    ladder = pd.DataFrame({
        "occupation_code": ["x"] * 5, "area_code": ["a"] * 5, "area_name": ["A"] * 5,
        "percentile": pd.Categorical(["P10", "P25", "Median", "P75", "P90"],
                                     categories=["P10", "P25", "Median", "P75", "P90"], ordered=True),
        "value": [1.0, 2.0, 3.0, 4.0, 10.0],
        "is_lower_bound": [False, False, False, False, True],
    })
    sp = E.ladder_spreads(ladder).iloc[0]
    assert sp.p90_p10 == 10.0
    assert bool(sp.any_lower_bound)
