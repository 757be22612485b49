"""Pay and experience (chapter 03): the OEWS wage ladder and career stages in the survey extract.

- ``wage_ladder(occupations, area_codes)``: re-exported from ``wages`` (the published annual
  percentiles in long form, top-coded values kept as a lower bound and marked).
- ``ladder_spreads(ladder)``: P90/P10, P75/P25 and P90/median per occupation and area.
- ``CAREER_STAGES`` and ``stage_ratios``: median pay of one career stage against another, with a
  seeded bootstrap interval (entry 0-2 years, mid 3-5, senior 10 or more).
- ``pct_change(fit, expression)``: a linear combination of log-pay coefficients of a statsmodels
  fit read as a percentage change, with its interval.

OEWS percentiles describe how pay is spread among all workers of an occupation at one time. They
are not experience levels: a worker at the 10th percentile may be a beginner, or experienced in a
low-paying firm or place.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from . import stats
from .wages import PERCENTILES, wage_ladder  # noqa: F401  (the ladder lives in wages)

#: career stages read from years of professional coding: (name, first year, last year)
CAREER_STAGES: tuple[tuple[str, int, float], ...] = (
    ("entry", 0, 2),
    ("mid", 3, 5),
    ("senior", 10, np.inf),
)


def ladder_spreads(ladder: pd.DataFrame) -> pd.DataFrame:
    """Ratios between rungs per occupation and area. A ratio that uses a top-coded rung is a lower
    bound (``any_lower_bound``); one that uses an unpublished rung is NaN."""
    keys = ["occupation_code", "area_code", "area_name"]
    wide = ladder.pivot(index=keys, columns="percentile", values="value")
    lb = ladder.pivot(index=keys, columns="percentile", values="is_lower_bound")
    out = pd.DataFrame({
        "p90_p10": wide["P90"] / wide["P10"],
        "p75_p25": wide["P75"] / wide["P25"],
        "p90_median": wide["P90"] / wide["Median"],
        "any_lower_bound": lb.astype(bool).any(axis=1),
    })
    return out.reset_index()


def stage_of(years) -> pd.Series:
    """Career stage name of each value of years of professional coding (NaN between stages)."""
    y = pd.Series(np.asarray(years, dtype=float))
    out = pd.Series(pd.NA, index=y.index, dtype="object")
    for name, lo, hi in CAREER_STAGES:
        out[(y >= lo) & (y <= hi)] = name
    return out


def stage_ratios(df: pd.DataFrame, value: str = "Salary", years: str = "years", *,
                 steps: tuple[tuple[str, str], ...] = (("mid", "entry"), ("senior", "mid"),
                                                        ("senior", "entry")),
                 seed: int = stats.DEFAULT_SEED) -> pd.DataFrame:
    """Median ``value`` of one stage over another (``steps`` = (upper, lower) pairs), with the
    respondents in each stage and a seeded percentile-bootstrap interval."""
    stage = stage_of(df[years].to_numpy())
    rows = []
    for upper, lower in steps:
        a = df[value].to_numpy()[(stage == upper).to_numpy()]
        b = df[value].to_numpy()[(stage == lower).to_numpy()]
        est = stats.bootstrap_median_ratio(a, b, seed=seed)
        rows.append({"step": f"{upper} / {lower}", "n_upper": int(a.size), "n_lower": int(b.size),
                     "ratio": est.value, "low": est.low, "high": est.high})
    return pd.DataFrame(rows)


def pct_change(fit, expression: str, level: float = 0.95) -> stats.Estimate:
    """A linear combination of coefficients of a log-pay model (e.g. ``"years + years:ml"``) as a
    percentage change: exp(b) - 1, with the interval from the fit's covariance (robust if the fit
    used a robust ``cov_type``)."""
    test = fit.t_test(expression)
    b = float(np.squeeze(test.effect))
    lo, hi = (float(v) for v in np.squeeze(test.conf_int(alpha=1 - level)))
    return stats.Estimate(float(np.expm1(b)), float(np.expm1(lo)), float(np.expm1(hi)), level)
