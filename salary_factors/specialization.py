"""Chapter 06 (C9, specialization): what open data can say about specialised ML pay.

No open source here records NLP, computer-vision or reinforcement-learning skills next to pay, so
the chapter tests the nearest proxies:

- research specialization in OEWS: ``area_ratios(numerator, denominator)`` compares the mean wage
  of two occupations area by area (computer and information research scientists against data
  scientists or software developers), with intervals from the published RSEs;
- self-described specialists in the Stack Overflow extract: ``ROLE_FLAGS`` and ``with_roles(so)``
  mark machine-learning specialists, data scientists and developers with a statistics/maths
  background against the other developers, and ``flag_median_ratios`` gives bootstrap medians.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from . import stats
from . import wages as W

#: role flags of the Stack Overflow extract that mark specialised ML / maths work
ROLE_FLAGS: dict[str, str] = {
    "Machine_learning_specialist": "Machine-learning specialist",
    "Data_scientist": "Data scientist",
    "Developer_with_stats_math_background": "Developer with a statistics/maths background",
}
#: short column names used in regression formulas
FLAG_TERMS: dict[str, str] = {
    "Machine_learning_specialist": "ml_specialist",
    "Data_scientist": "data_scientist",
    "Developer_with_stats_math_background": "stats_maths",
}
ANY_FLAG = "any_specialist"
OTHER_DEVELOPERS = "Other developers"


def with_roles(so: pd.DataFrame) -> pd.DataFrame:
    """The survey with 0/1 columns ``ml_specialist``, ``data_scientist``, ``stats_maths``,
    ``any_specialist`` (any of the three), a ``role_group`` label and ``log_salary``.

    A respondent can tick several roles, so the three flags overlap; ``role_group`` is
    'Other developers' for those with none of them.
    """
    missing = [c for c in ROLE_FLAGS if c not in so.columns]
    if missing:
        raise KeyError(f"the survey lacks the role columns {missing}")
    flags = {FLAG_TERMS[c]: so[c].fillna(0).astype(int) for c in ROLE_FLAGS}
    anyf = (sum(flags.values()) > 0).astype(int)
    return so.assign(**flags, **{ANY_FLAG: anyf},
                     role_group=np.where(anyf == 1, "Any of the three", OTHER_DEVELOPERS),
                     log_salary=np.log(so.Salary.astype(float)))


def flag_median_ratios(df: pd.DataFrame, *, seed: int = stats.DEFAULT_SEED,
                       n_resamples: int = stats.DEFAULT_RESAMPLES) -> pd.DataFrame:
    """Median salary of each flagged group and of 'any of the three' against the other developers.

    ``df``: output of ``with_roles`` (one country, or a pooled sample the reader is warned about).
    Returns one row per group: n, median with interval, and the ratio to the other developers'
    median with a seeded percentile-bootstrap interval.
    """
    others = df.loc[df[ANY_FLAG] == 0, "Salary"]
    groups = [(label, FLAG_TERMS[c]) for c, label in ROLE_FLAGS.items()]
    groups.append(("Any of the three", ANY_FLAG))
    rows = []
    for label, col in groups:
        x = df.loc[df[col] == 1, "Salary"]
        med = stats.bootstrap_median(x, seed=seed, n_resamples=n_resamples)
        ratio = stats.bootstrap_median_ratio(x, others, seed=seed, n_resamples=n_resamples)
        rows.append({"group": label, "term": col, "n": int(x.size), "median": med.value,
                     "median_low": med.low, "median_high": med.high, "ratio": ratio.value,
                     "ratio_low": ratio.low, "ratio_high": ratio.high})
    oth = stats.bootstrap_median(others, seed=seed, n_resamples=n_resamples)
    rows.append({"group": OTHER_DEVELOPERS, "term": "", "n": int(others.size), "median": oth.value,
                 "median_low": oth.low, "median_high": oth.high, "ratio": 1.0,
                 "ratio_low": np.nan, "ratio_high": np.nan})
    return pd.DataFrame(rows)


def area_ratios(numerator: str, denominator: str, area_types: tuple[str, ...] = ("metro",),
                level: float = 0.95) -> pd.DataFrame:
    """Mean wage of ``numerator`` / ``denominator`` (SOC codes) in every area where both are
    published with an RSE, cross-industry, with delta-method intervals (``stats.ratio_interval``,
    independence assumed) and the ratio of medians where both medians are published.

    ``outcome`` is 'higher' (interval above 1), 'lower' (below 1) or 'no clear difference'.
    """
    rows = W.oews_wages([numerator, denominator], area_types=list(area_types))
    ok = ((rows.annual_mean_status.astype(str) == "published")
          & (rows.mean_wage_rse_pct_status.astype(str) == "published"))
    rows = rows[ok]
    cols = ["area_code", "annual_mean", "mean_wage_rse_pct", "annual_median", "employment"]
    a = rows[rows.occupation_code == numerator][cols + ["area_name", "area_type"]]
    b = rows[rows.occupation_code == denominator][cols]
    m = a.merge(b, on="area_code", suffixes=("_num", "_den"), validate="one_to_one")
    ests = [stats.ratio_interval(x, rx, y, ry, level) for x, rx, y, ry in
            zip(m.annual_mean_num, m.mean_wage_rse_pct_num, m.annual_mean_den,
                m.mean_wage_rse_pct_den, strict=True)]
    m = m.assign(ratio=[e.value for e in ests], low=[e.low for e in ests],
                 high=[e.high for e in ests],
                 median_ratio=m.annual_median_num / m.annual_median_den)
    m["outcome"] = np.select([m.low > 1, m.high < 1], ["higher", "lower"], "no clear difference")
    return m.sort_values(["ratio", "area_code"], ascending=[False, True]).reset_index(drop=True)
