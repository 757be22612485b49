"""Unit tests of salary_factors.specialization (chapter 06)."""

import numpy as np
import pandas as pd
import pytest

from salary_factors import specialization as S


def _survey():
    rng = np.random.default_rng(1)
    n = 400
    df = pd.DataFrame({
        "Salary": rng.lognormal(11, 0.3, n),
        "Machine_learning_specialist": (np.arange(n) % 10 == 0).astype(int),
        "Data_scientist": (np.arange(n) % 10 == 1).astype(int),
        "Developer_with_stats_math_background": (np.arange(n) % 5 == 0).astype(int),
    })
    # specialists earn exactly double
    spec = df[list(S.ROLE_FLAGS)].sum(axis=1) > 0
    df.loc[spec, "Salary"] *= 2
    return df


def test_with_roles_marks_overlapping_flags():
    df = S.with_roles(_survey())
    # row 0 is ML specialist and stats/maths: both flags, counted once in any_specialist
    assert df.loc[0, ["ml_specialist", "stats_maths", "any_specialist"]].tolist() == [1, 1, 1]
    assert df.any_specialist.sum() == ((df.ml_specialist + df.data_scientist + df.stats_maths) > 0).sum()
    assert set(df.role_group) == {"Any of the three", S.OTHER_DEVELOPERS}
    assert df.log_salary.iloc[3] == pytest.approx(np.log(df.Salary.iloc[3]))
    with pytest.raises(KeyError):
        S.with_roles(pd.DataFrame({"Salary": [1.0]}))


def test_flag_median_ratios_finds_a_doubling():
    t = S.flag_median_ratios(S.with_roles(_survey()), n_resamples=300).set_index("group")
    assert list(t.index)[-1] == S.OTHER_DEVELOPERS
    for g in ("Machine-learning specialist", "Any of the three"):
        assert 1.6 < t.loc[g, "ratio"] < 2.5
        assert t.loc[g, "ratio_low"] > 1
    assert t.loc["Any of the three", "n"] == 120  # rows 1 mod 10 (40) and 0 mod 5 (80)


def test_area_ratios_national_research_scientists_against_developers():
    r = S.area_ratios("15-1221", "15-1252", ("national",))
    assert len(r) == 1
    row = r.iloc[0]
    assert row.ratio == pytest.approx(row.annual_mean_num / row.annual_mean_den)
    assert row.low < row.ratio < row.high
    assert row.outcome == ("higher" if row.low > 1 else "lower" if row.high < 1 else "no clear difference")


def test_area_ratios_metros_are_sorted_and_complete():
    r = S.area_ratios("15-1221", "15-2051")
    assert len(r) > 10
    assert r.ratio.is_monotonic_decreasing
    assert set(r.area_type) == {"metro"}
    assert r[["ratio", "low", "high"]].notna().all().all()
