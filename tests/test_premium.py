"""Unit tests of salary_factors.premium (chapter 01): curves through published percentiles."""

import numpy as np
import pandas as pd
import pytest

from salary_factors import premium as P

LOGNORMAL = P.WageDistribution(tuple(float(np.exp(11 + 0.5 * z)) for z in P._Z), "lognormal")


def _row(values, status="published", employment=1000.0, mean=None, rse=1.0, code="15-1111",
         area="0000000"):
    row = {"area_code": area, "occupation_code": code, "employment": employment,
           "employment_status": "published", "annual_mean": mean or values[2],
           "mean_wage_rse_pct": rse, "mean_wage_rse_pct_status": "published"}
    for c, v in zip(P.PERCENTILE_COLUMNS, values, strict=True):
        row[c] = v
        row[f"{c}_status"] = status
    return row


def test_curve_passes_through_the_published_percentiles():
    d = P.WageDistribution((30_000.0, 40_000.0, 55_000.0, 80_000.0, 130_000.0))
    np.testing.assert_allclose(d.cdf(d.values), P.PERCENTILE_LEVELS, atol=1e-12)
    np.testing.assert_allclose(d.quantile(P.PERCENTILE_LEVELS), d.values, rtol=1e-12)


def test_a_lognormal_is_reproduced_everywhere():
    x = np.array([20_000.0, 60_000.0, 150_000.0])
    from scipy.stats import lognorm

    np.testing.assert_allclose(LOGNORMAL.cdf(x), lognorm(s=0.5, scale=np.exp(11)).cdf(x), atol=1e-9)
    # density integrates to one, and a distribution overlaps itself fully
    assert P._trapezoid(LOGNORMAL.pdf_log(P.LOG_GRID), P.LOG_GRID) == pytest.approx(1, abs=1e-6)
    assert P.overlap(LOGNORMAL, LOGNORMAL) == pytest.approx(1, abs=1e-6)
    assert P.prob_above(LOGNORMAL, LOGNORMAL) == pytest.approx(0.5, abs=1e-6)


def test_quantile_and_cdf_are_inverse_in_the_tails():
    d = P.WageDistribution((30_000.0, 40_000.0, 55_000.0, 80_000.0, 130_000.0))
    p = np.array([0.01, 0.05, 0.95, 0.99])
    np.testing.assert_allclose(d.cdf(d.quantile(p)), p, rtol=1e-9)
    assert d.quantile(0.99) > 130_000 and d.quantile(0.01) < 30_000


def test_shifted_distribution_is_above_and_overlaps_less():
    far = P.WageDistribution(tuple(v * 3 for v in LOGNORMAL.values))
    near = P.WageDistribution(tuple(v * 1.1 for v in LOGNORMAL.values))
    assert P.prob_above(far, LOGNORMAL) > P.prob_above(near, LOGNORMAL) > 0.5
    assert P.overlap(far, LOGNORMAL) < P.overlap(near, LOGNORMAL) < 1
    assert P.position(far.values[2], LOGNORMAL) > 0.9


def test_tied_percentiles_are_spread_not_rejected():
    d = P.WageDistribution((100_000.0, 100_000.0, 105_000.0, 160_000.0, 200_000.0))
    assert np.all(np.diff(d._u) >= P.TIE_GAP - 1e-12)
    assert d.cdf(100_000.0) == pytest.approx(0.10)
    with pytest.raises(ValueError, match="cannot fall"):
        P.WageDistribution((100_000.0, 90_000.0, 105_000.0, 160_000.0, 200_000.0))
    with pytest.raises(ValueError, match="five positive"):
        P.WageDistribution((np.nan, 90_000.0, 105_000.0, 160_000.0, 200_000.0))


def test_from_row_refuses_unpublished_percentiles():
    row = pd.Series(_row((1.0, 2.0, 3.0, 4.0, 5.0)))
    assert P.WageDistribution.from_row(row).values == (1.0, 2.0, 3.0, 4.0, 5.0)
    row["annual_p90_status"] = "top_coded"
    with pytest.raises(ValueError, match="annual_p90=top_coded"):
        P.WageDistribution.from_row(row)


def test_mixture_of_identical_parts_is_the_part_and_weights_matter():
    m = P.WageMixture((LOGNORMAL, LOGNORMAL), (1.0, 3.0))
    np.testing.assert_allclose(m.values, LOGNORMAL.values, rtol=1e-6)
    high = P.WageDistribution(tuple(v * 2 for v in LOGNORMAL.values))
    mostly_low = P.WageMixture((LOGNORMAL, high), (9.0, 1.0))
    mostly_high = P.WageMixture((LOGNORMAL, high), (1.0, 9.0))
    assert mostly_low.values[2] < mostly_high.values[2]
    # the cdf of a mixture is the weighted cdf of its parts
    x = 70_000.0
    assert mostly_low.cdf(x) == pytest.approx(0.9 * LOGNORMAL.cdf(x) + 0.1 * high.cdf(x))
    with pytest.raises(ValueError):
        P.WageMixture((LOGNORMAL,), (0.0,))


def test_pooled_mean_weights_by_employment_and_combines_rse():
    value, rse = P.pooled_mean([100, 300], [100_000, 200_000], [2.0, 2.0])
    assert value == pytest.approx(175_000)
    se = np.sqrt((0.25 * 100_000 * 0.02) ** 2 + (0.75 * 200_000 * 0.02) ** 2)
    assert rse == pytest.approx(100 * se / 175_000)
    with pytest.raises(ValueError):
        P.pooled_mean([100, np.nan], [1.0, 2.0], [1.0, 1.0])


def test_is_detailed_follows_the_soc_structure():
    assert P.is_detailed("15-1252") and P.is_detailed("15-1299")
    assert not P.is_detailed("15-1250") and not P.is_detailed("15-0000")
    assert not P.is_detailed("00-0000")


def test_pool_leaves_out_unpublished_occupations_and_reports_coverage():
    rows = pd.DataFrame([
        _row((50e3, 60e3, 70e3, 80e3, 90e3), employment=300.0, code="15-1111"),
        _row((60e3, 70e3, 80e3, 90e3, 100e3), employment=100.0, code="15-1112"),
        _row((1.0, 2.0, 3.0, 4.0, 5.0), status="not_released", employment=100.0, code="15-1113"),
        _row((1.0, 2.0, 3.0, 4.0, 5.0), employment=9e9, code="15-1110"),  # broad: ignored
    ])
    g = P.pool(rows)
    assert g.occupations == ("15-1111", "15-1112")
    assert g.left_out == ("15-1113",)
    assert g.coverage == pytest.approx(400 / 500)
    assert g.mean == pytest.approx((300 * 70e3 + 100 * 80e3) / 400)
    with pytest.raises(ValueError, match="one area"):
        P.pool(pd.concat([rows, rows.assign(area_code="0041860")]))


def test_size_rank_counts_larger_detailed_occupations():
    rows = pd.DataFrame({"occupation_code": ["15-1111", "15-1112", "15-1113", "15-1110"],
                         "employment": [10.0, 30.0, 20.0, 1e6]})
    assert P.size_rank(rows, "15-1113") == (2, 3)
    assert P.size_rank(rows, "15-1112") == (1, 3)
    with pytest.raises(KeyError):
        P.size_rank(rows, "15-9999")


def test_ladder_lists_each_group():
    t = P.ladder([("a", LOGNORMAL), ("b", P.WageMixture((LOGNORMAL,), (1.0,)))])
    assert list(t.group) == ["a", "b"]
    assert t.loc[0, "annual_median"] == pytest.approx(np.exp(11))
