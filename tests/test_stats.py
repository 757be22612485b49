"""Interval helpers."""

import math

import numpy as np
import pandas as pd
import pytest

from salary_factors import stats


def test_rse_interval_uses_the_published_relative_error():
    est = stats.rse_interval(100_000, 2.0)
    assert est.low == pytest.approx(100_000 - 1.959964 * 2_000, rel=1e-6)
    assert est.high == pytest.approx(100_000 + 1.959964 * 2_000, rel=1e-6)
    assert est.excludes(90_000) and not est.excludes(99_000)


def test_rse_interval_other_levels_and_bad_input():
    assert stats.rse_interval(100.0, 10.0, level=0.90).high == pytest.approx(116.4485, rel=1e-4)
    assert math.isnan(stats.rse_interval(float("nan"), 1.0).low)
    with pytest.raises(ValueError):
        stats.rse_interval(1.0, -1.0)
    with pytest.raises(ValueError):
        stats.z_value(1.5)


def test_ratio_interval_combines_both_errors():
    est = stats.ratio_interval(120.0, 3.0, 100.0, 4.0)
    assert est.value == pytest.approx(1.2)
    assert est.high - est.value == pytest.approx(1.2 * 0.05 * stats.Z95)


def test_bootstrap_median_is_seeded_and_brackets_the_median():
    rng = np.random.default_rng(1)
    x = rng.lognormal(11, 0.5, size=400)
    a = stats.bootstrap_median(x, seed=7)
    b = stats.bootstrap_median(x, seed=7)
    assert a == b
    assert a.low < a.value < a.high
    assert a.value == pytest.approx(np.median(x))


def test_bootstrap_ratio_detects_a_real_difference():
    rng = np.random.default_rng(2)
    x, y = rng.normal(120, 10, 300), rng.normal(100, 10, 300)
    est = stats.bootstrap_median_ratio(x, y)
    assert est.excludes(1.0) and est.low > 1.1
    diff = stats.bootstrap_median_diff(x, y)
    assert 15 < diff.value < 25 and diff.excludes(0)


def test_bootstrap_needs_two_observations():
    with pytest.raises(ValueError, match="at least 2"):
        stats.bootstrap_median([1.0, float("nan")])


def test_grouped_medians_skip_intervals_for_small_groups():
    df = pd.DataFrame({"g": ["a"] * 30 + ["b"] * 3, "v": list(range(30)) + [1, 2, 3]})
    out = stats.grouped_bootstrap_medians(df, "v", "g", min_n=10)
    a, b = out.set_index("g").loc["a"], out.set_index("g").loc["b"]
    assert a.n == 30 and a.low < a["median"] < a.high
    assert b.n == 3 and math.isnan(b.low) and "fewer than 10" in b.note
