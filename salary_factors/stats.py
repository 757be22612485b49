"""Intervals.

- OEWS means: BLS publishes a relative standard error (RSE, percent) for each mean wage and
  employment estimate. A 95% interval is ``mean * (1 +/- 1.96 * RSE / 100)``. BLS publishes no RSE
  for percentiles (medians included), so medians get no interval from this module.
- Ratios of two OEWS means (a metro against the nation): the delta-method RSE of a ratio,
  ``sqrt(rse_a**2 + rse_b**2)``, which treats the two estimates as independent. A metro is part
  of the nation, so the true error is somewhat smaller: the interval is conservative.
- Survey medians: percentile bootstrap from ``scipy.stats.bootstrap`` with a fixed seed.
"""

from __future__ import annotations

from dataclasses import dataclass
from statistics import NormalDist

import numpy as np

Z95 = NormalDist().inv_cdf(0.975)
DEFAULT_SEED = 20250501
DEFAULT_RESAMPLES = 2000


@dataclass(frozen=True)
class Estimate:
    """A point estimate with a two-sided interval at ``level``."""

    value: float
    low: float
    high: float
    level: float = 0.95

    def excludes(self, x: float) -> bool:
        """True when the interval lies entirely above or entirely below ``x``."""
        return self.low > x or self.high < x

    def as_dict(self, digits: int = 4) -> dict:
        return {k: round(float(getattr(self, k)), digits) for k in ("value", "low", "high", "level")}


def z_value(level: float) -> float:
    """Two-sided normal critical value for a confidence level (1.96 for 0.95)."""
    if not 0 < level < 1:
        raise ValueError(f"level must be between 0 and 1, got {level}")
    return NormalDist().inv_cdf(0.5 + level / 2)


def rse_interval(value: float, rse_pct: float, level: float = 0.95) -> Estimate:
    """Interval of an OEWS estimate from its published relative standard error (percent)."""
    if np.isnan(value) or np.isnan(rse_pct):
        return Estimate(np.nan, np.nan, np.nan, level)
    if rse_pct < 0:
        raise ValueError(f"a relative standard error cannot be negative: {rse_pct}")
    half = z_value(level) * value * rse_pct / 100
    return Estimate(value, value - half, value + half, level)


def ratio_rse_pct(rse_a_pct: float, rse_b_pct: float) -> float:
    """Approximate RSE (percent) of a / b from the RSEs of a and b (independence assumed)."""
    return float(np.hypot(rse_a_pct, rse_b_pct))


def ratio_interval(a: float, rse_a_pct: float, b: float, rse_b_pct: float,
                   level: float = 0.95) -> Estimate:
    """a / b with a delta-method interval from the published RSEs (conservative, see module)."""
    return rse_interval(a / b, ratio_rse_pct(rse_a_pct, rse_b_pct), level)


def _as_array(x) -> np.ndarray:
    arr = np.asarray(x, dtype=float)
    arr = arr[~np.isnan(arr)]
    if arr.size < 2:
        raise ValueError(f"a bootstrap needs at least 2 observations, got {arr.size}")
    return arr


def bootstrap_median(x, *, seed: int = DEFAULT_SEED, n_resamples: int = DEFAULT_RESAMPLES,
                     level: float = 0.95) -> Estimate:
    """Median of ``x`` with a seeded percentile-bootstrap interval (NaN dropped)."""
    from scipy import stats as _st

    arr = _as_array(x)
    res = _st.bootstrap((arr,), np.median, n_resamples=n_resamples, confidence_level=level,
                        method="percentile", rng=np.random.default_rng(seed), vectorized=True)
    ci = res.confidence_interval
    return Estimate(float(np.median(arr)), float(ci.low), float(ci.high), level)


def _median_ratio(x, y, axis=-1):
    return np.median(x, axis=axis) / np.median(y, axis=axis)


def _median_diff(x, y, axis=-1):
    return np.median(x, axis=axis) - np.median(y, axis=axis)


def bootstrap_median_ratio(x, y, *, seed: int = DEFAULT_SEED,
                           n_resamples: int = DEFAULT_RESAMPLES, level: float = 0.95) -> Estimate:
    """median(x) / median(y), two independent samples, seeded percentile bootstrap."""
    return _two_sample(x, y, _median_ratio, seed, n_resamples, level)


def bootstrap_median_diff(x, y, *, seed: int = DEFAULT_SEED,
                          n_resamples: int = DEFAULT_RESAMPLES, level: float = 0.95) -> Estimate:
    """median(x) - median(y), two independent samples, seeded percentile bootstrap."""
    return _two_sample(x, y, _median_diff, seed, n_resamples, level)


def _two_sample(x, y, statistic, seed, n_resamples, level) -> Estimate:
    from scipy import stats as _st

    a, b = _as_array(x), _as_array(y)
    res = _st.bootstrap((a, b), statistic, n_resamples=n_resamples, confidence_level=level,
                        method="percentile", rng=np.random.default_rng(seed), vectorized=True,
                        paired=False)
    ci = res.confidence_interval
    return Estimate(float(statistic(a, b)), float(ci.low), float(ci.high), level)


def grouped_bootstrap_medians(df, value: str, by: list[str] | str, *, seed: int = DEFAULT_SEED,
                              n_resamples: int = DEFAULT_RESAMPLES, level: float = 0.95,
                              min_n: int = 10):
    """Median of ``value`` per group with bootstrap intervals, as a DataFrame.

    Groups with fewer than ``min_n`` observations get no interval (NaN) and say so in ``note``.
    """
    import pandas as pd

    rows = []
    for key, grp in df.groupby(by, observed=True, sort=True):
        key = key if isinstance(key, tuple) else (key,)
        vals = grp[value].dropna()
        rec = dict(zip([by] if isinstance(by, str) else by, key, strict=True))
        rec["n"] = int(vals.size)
        if vals.size >= min_n:
            est = bootstrap_median(vals, seed=seed, n_resamples=n_resamples, level=level)
            rec.update(median=est.value, low=est.low, high=est.high, note="")
        else:
            rec.update(median=float(vals.median()) if vals.size else np.nan, low=np.nan,
                       high=np.nan, note=f"fewer than {min_n} respondents: no interval")
        rows.append(rec)
    return pd.DataFrame(rows)
